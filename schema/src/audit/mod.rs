//! The tamper-evident audit trail: every change to a report's values, narrative or state is an
//! entry whose keyed hash (HMAC-SHA256 under a key kept outside the database) covers its fields
//! and the previous entry's hash, so editing, removing or reordering a stored entry breaks the
//! chain at that entry, and without the key the chain cannot be recomputed. Signed checkpoints
//! of the chain's head, kept in a file, catch removal of the newest entries. One file per
//! action.

mod append;
pub mod checkpoint;
mod entry;
mod hash;
mod key;
mod list;
mod reconcile;
mod staged;
mod verify;

pub use append::{append, lock_chain};
pub use checkpoint::Checkpoint;
pub use entry::{AuditEntry, NewAuditEntry};
pub use hash::{GENESIS_HASH, entry_hash};
pub use key::{AuditKey, DEVELOPMENT_KEY};
pub use list::{AuditFilter, list};
pub use reconcile::UnaccountedValue;
pub use staged::{StagedEntries, append_staged, clear_staged, stage};
pub use verify::{BrokenLink, Verification, verify};
