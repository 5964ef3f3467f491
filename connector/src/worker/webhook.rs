//! A claimed webhook delivery: sign the stored body, post it, record the outcome like any
//! entry's. A subscription whose receiver answers `410 Gone`, or whose entry goes dead after
//! its last attempt, is disabled: its later entries wait until someone enables it again.

use chitieu_schema::sync::OutboxEntry;
use chitieu_schema::webhooks;

use super::run::{Recorded, Worker};
use crate::blocking::with_db;
use crate::delivery::Outcome;
use crate::error::SyncError;

impl Worker {
    pub(super) async fn deliver_webhook(
        &self,
        entry: &OutboxEntry,
        webhook_id: i64,
    ) -> Result<Recorded, SyncError> {
        let secrets = with_db(&self.pool, "reading a webhook's secrets", move |conn| {
            webhooks::secrets(conn, webhook_id)
                .map_err(SyncError::store("reading a webhook's secrets"))
        })
        .await?;
        let Some(secrets) = secrets else {
            let why = format!("the webhook subscription {webhook_id} was removed");
            return self.refuse(entry, why).await;
        };
        let body = entry.payload.clone().unwrap_or_default();
        let timeout = self.config.send_timeout;
        let outcome = tokio::time::timeout(
            timeout,
            crate::webhook::send(
                &self.webhook_client,
                &secrets,
                &entry.idempotency_key,
                &body,
                timeout,
            ),
        )
        .await
        .unwrap_or_else(|_| Outcome::Retry {
            after: None,
            reason: format!("no answer within {timeout:?}"),
        });
        let gone = matches!(outcome, Outcome::Rejected { status: 410, .. });
        let recorded = self.record(entry, outcome, None).await?;
        let reason = match recorded {
            _ if gone => Some("the receiver answered 410 Gone".to_owned()),
            Recorded::Dead => Some(format!(
                "delivery {} failed {} times in a row",
                entry.idempotency_key, entry.attempts
            )),
            _ => None,
        };
        if let Some(reason) = reason {
            tracing::warn!(webhook = webhook_id, %reason, "a webhook subscription is disabled");
            with_db(&self.pool, "disabling a webhook", move |conn| {
                webhooks::disable(conn, webhook_id, &reason)
                    .map_err(SyncError::store("disabling a webhook"))
            })
            .await?;
        }
        Ok(recorded)
    }
}
