//! The sync outbox and its bookkeeping: upstream targets, one outbox entry per approved report
//! version and target (written inside the approval's transaction), claiming with leases so
//! several replicas share the work, the outcome of each attempt, and one claim row per
//! scheduled job and slot. One file per action.
//!
//! An entry moves pending → sending (claimed, with a lease) → sent, or back to pending with a
//! later `next_attempt_at`, or to attention (refused by the upstream: a person must look), or
//! to dead (past the attempt limit). A sending entry whose lease ran out (its worker died) is
//! claimable again: the stable idempotency key makes the resend a replay upstream.

mod attention;
mod claim;
mod deadline;
mod discard;
mod enqueue;
mod entries;
mod entry;
mod raise;
mod retry;
mod revive;
mod sent;
mod slots;
mod status;
mod supersede;
mod targets;

#[cfg(test)]
mod tests;

pub use attention::mark_attention;
pub use claim::{ClaimRequest, claim};
pub use deadline::{MissingReport, missing_reports};
pub use discard::discard;
pub use enqueue::{
    ApprovedVersion, DHIS2_AD_HOC_REFUSAL, dhis2_can_represent, enqueue, idempotency_key,
};
pub use entries::{EntryFilter, find_entry, list_entries};
pub use entry::{EntryState, OutboxEntry};
pub use retry::mark_retry;
pub use revive::retry_entry;
pub use sent::mark_sent;
pub use slots::{JobSlot, claim_slot, finish_slot, last_slots};
pub use status::{TargetStatus, target_status};
pub use supersede::{mark_superseded, supersede_unsent};
pub use targets::{NewTarget, StoredTarget, find_target, list_targets, upsert_target};
