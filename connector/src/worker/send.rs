//! One claimed entry: build the delivery, send it, record the outcome.

use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::now_utc;
use chitieu_schema::reports::{self, ReportKey, ReportState};
use chitieu_schema::sync::{self, EntryState, OutboxEntry};

use super::document::report_document;
use super::run::{Recorded, Targets, Worker, error_chain};
use crate::blocking::with_db;
use crate::delivery::{Delivery, Outcome};
use crate::error::SyncError;

/// What the stored report says about an entry.
enum Prepared {
    Ready(Box<Delivery>),
    /// Reopened (or changed) since this version was approved.
    Superseded(String),
    /// Cannot be built at all: a person must look.
    Broken(String),
}

impl Worker {
    pub(super) async fn deliver(&self, entry: OutboxEntry, targets: &Targets) -> Recorded {
        let id = entry.id;
        match self.try_deliver(entry, targets).await {
            Ok(recorded) => recorded,
            Err(error) => {
                tracing::warn!(entry = id, error = %error_chain(&error),
                    "an outbox entry could not be handled; its lease will run out and it is \
                     taken again");
                Recorded::Unrecorded
            }
        }
    }

    async fn try_deliver(
        &self,
        entry: OutboxEntry,
        targets: &Targets,
    ) -> Result<Recorded, SyncError> {
        if let Some(webhook_id) = entry.webhook_id {
            return self.deliver_webhook(&entry, webhook_id).await;
        }
        let target = match targets.get(&entry.target_code) {
            Some(Ok(target)) => target,
            Some(Err(why)) => return self.refuse(&entry, why.clone()).await,
            None => {
                let why = format!("the target {} is not configured", entry.target_code);
                return self.refuse(&entry, why).await;
            }
        };
        let mut delivery = match self.prepare(&entry).await? {
            Prepared::Ready(delivery) => *delivery,
            Prepared::Superseded(why) => return self.supersede(&entry, why).await,
            Prepared::Broken(why) => return self.refuse(&entry, why).await,
        };
        if target.profile.takes_audit_checkpoint() {
            delivery.audit_checkpoint = self.checkpoint.recent(&self.pool).await?;
        }
        let outcome = tokio::time::timeout(
            self.config.send_timeout,
            self.transport.send(target, &delivery),
        )
        .await
        .unwrap_or_else(|_| Outcome::Retry {
            after: None,
            reason: format!("no answer within {:?}", self.config.send_timeout),
        });
        let template_version = target.template.as_ref().map(crate::template::version_of);
        self.record(&entry, outcome, template_version).await
    }

    async fn prepare(&self, entry: &OutboxEntry) -> Result<Prepared, SyncError> {
        let (unit, plan, period) = match (
            OrgUnitCode::parse(&entry.unit_code),
            Period::parse(&entry.period),
        ) {
            (Ok(unit), Ok(period)) => (unit, entry.plan_code.clone(), period),
            _ => {
                return Ok(Prepared::Broken(format!(
                    "the entry names an invalid unit {:?} or period {:?}",
                    entry.unit_code, entry.period
                )));
            }
        };
        let key = ReportKey { unit, plan, period };
        let report = with_db(&self.pool, "reading the report to send", move |conn| {
            reports::find(conn, &key).map_err(SyncError::store("reading the report to send"))
        })
        .await?;
        let summary = &report.summary;
        if summary.state != ReportState::Approved || summary.version != entry.report_version {
            return Ok(Prepared::Superseded(format!(
                "the report is now {} at version {}, not approved at version {}",
                summary.state, summary.version, entry.report_version
            )));
        }
        Ok(Prepared::Ready(Box::new(Delivery {
            entry_id: entry.id,
            idempotency_key: entry.idempotency_key.clone(),
            report: report_document(report),
            audit_checkpoint: None,
        })))
    }

    pub(super) async fn record(
        &self,
        entry: &OutboxEntry,
        outcome: Outcome,
        template_version: Option<String>,
    ) -> Result<Recorded, SyncError> {
        let (id, worker, attempts) = (entry.id, self.config.worker_id.clone(), entry.attempts);
        match outcome {
            Outcome::Delivered { receipt } => {
                with_db(&self.pool, "recording a delivery", move |conn| {
                    sync::mark_sent(conn, id, &receipt, template_version.as_deref())
                        .map_err(SyncError::store("recording a delivery"))
                })
                .await?;
                self.metrics.count_sent(attempts);
                Ok(Recorded::Sent)
            }
            Outcome::Retry { after, reason } => {
                let attempts_u32 = u32::try_from(attempts).unwrap_or(1);
                let delay = self
                    .config
                    .backoff
                    .delay(attempts_u32, after, fastrand::f64());
                let next_at = now_utc()
                    + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(6));
                let max = self.config.max_attempts;
                let state = with_db(&self.pool, "recording a failed attempt", move |conn| {
                    sync::mark_retry(conn, id, &worker, next_at, &reason, max)
                        .map_err(SyncError::store("recording a failed attempt"))
                })
                .await?;
                self.metrics.count_failed();
                Ok(match state {
                    Some(EntryState::Dead) => {
                        self.metrics.count_dead();
                        tracing::warn!(entry = id, key = %entry.idempotency_key, attempts,
                            "an outbox entry is dead after its last allowed attempt");
                        Recorded::Dead
                    }
                    Some(_) => Recorded::Retrying,
                    None => Recorded::Unrecorded,
                })
            }
            Outcome::Rejected { status, message } => {
                // The template a refusal came from is worth knowing when the file changes.
                let message = match template_version {
                    Some(version) => format!("{status}: {message} (template {version})"),
                    None => format!("{status}: {message}"),
                };
                self.refuse(entry, message).await
            }
        }
    }

    pub(super) async fn refuse(
        &self,
        entry: &OutboxEntry,
        message: String,
    ) -> Result<Recorded, SyncError> {
        let (id, worker) = (entry.id, self.config.worker_id.clone());
        tracing::warn!(entry = id, key = %entry.idempotency_key, %message,
            "an outbox entry needs attention");
        let held = with_db(&self.pool, "recording a refused delivery", move |conn| {
            sync::mark_attention(conn, id, &worker, &message)
                .map_err(SyncError::store("recording a refused delivery"))
        })
        .await?;
        if !held {
            return Ok(Recorded::Unrecorded);
        }
        self.metrics.count_attention();
        Ok(Recorded::Attention)
    }

    async fn supersede(&self, entry: &OutboxEntry, why: String) -> Result<Recorded, SyncError> {
        let (id, worker) = (entry.id, self.config.worker_id.clone());
        let held = with_db(&self.pool, "superseding an outbox entry", move |conn| {
            sync::mark_superseded(conn, id, &worker, &why)
                .map_err(SyncError::store("superseding an outbox entry"))
        })
        .await?;
        Ok(if held {
            Recorded::Superseded
        } else {
            Recorded::Unrecorded
        })
    }
}
