//! Webhook subscriptions and their deliveries, as the Standard Webhooks specification
//! (standardwebhooks.com, version 1.0.0) describes them: a subscription names a receiver's URL,
//! the event types it wants and the subtree it covers; each event of the feed that matches
//! becomes one outbox entry per subscription, written in the transaction that appends the
//! event, and the sync worker delivers it like any other entry (claims, leases, backoff, dead
//! letters). One file per action.

mod fan_out;
mod read;
mod record;
mod secret;
mod signature;
mod write;

#[cfg(test)]
mod tests;

pub use fan_out::{fan_out, message_id};
pub use read::{find, list, secrets};
pub use record::{Webhook, WebhookSecrets};
pub use secret::{Secret, new_secret};
pub use signature::{SignatureError, sign, signature_header};
pub use write::{NewWebhook, WebhookChange, create, delete, disable, rotate_secret, update};

/// The outbox target code of a subscription's deliveries: never a sync target's code, which
/// cannot hold a colon.
pub fn target_code(webhook_id: i64) -> String {
    format!("webhook:{webhook_id}")
}

/// How long the previous secret still signs after a rotation (the specification's
/// zero-downtime rotation: both signatures go out, space delimited).
pub const ROTATION_GRACE: chrono::Duration = chrono::Duration::hours(24);
