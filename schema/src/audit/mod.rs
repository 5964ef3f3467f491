//! The tamper-evident audit trail: every change to a report's values, narrative or state is an
//! entry whose hash covers its fields and the previous entry's hash, so editing, removing or
//! reordering a stored entry breaks the chain at that entry. One file per action.

mod append;
mod entry;
mod hash;
mod list;
mod verify;

pub use append::{append, lock_chain};
pub use entry::{AuditEntry, NewAuditEntry};
pub use hash::{GENESIS_HASH, entry_hash};
pub use list::{AuditFilter, list};
pub use verify::{BrokenLink, Verification, verify};
