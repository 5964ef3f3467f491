//! What is sent (one approved report version), and what came of sending it.

use std::time::Duration;

use chitieu_schema::audit::Checkpoint;
use chitieu_schema::domain::ReportedValue;
use chrono::NaiveDateTime;
use futures_util::future::BoxFuture;

use crate::target::Target;

/// One outbox entry on its way to one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub entry_id: i64,
    /// Stable per report version and target, so a retry after a lost answer is recognised
    /// upstream and never stored twice: `chitieu:<unit>:<plan>:<period>:v<version>:<target>`.
    pub idempotency_key: String,
    pub report: ReportDocument,
    /// A signed checkpoint of the audit chain's head, for targets that keep it (theodoinq's
    /// `auditCheckpoint`): an anchor of the trail outside our database.
    pub audit_checkpoint: Option<Checkpoint>,
}

/// An approved report as it is delivered: the values and the narrative outline.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDocument {
    pub unit_code: String,
    pub plan_code: String,
    /// The DHIS2 period identifier (`202601`).
    pub period: String,
    pub version: i32,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by: Option<String>,
    pub values: Vec<DeliveredValue>,
    pub outline: Vec<OutlineRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeliveredValue {
    pub indicator_code: String,
    pub value: ReportedValue,
    pub comment: Option<String>,
}

/// A row of the narrative outline, as the upstream takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineRow {
    pub code: String,
    pub name: String,
    pub parent: Option<String>,
    pub order: i32,
    pub html: String,
}

/// What came of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored upstream (or already stored under the same key); `receipt` is the upstream's
    /// identifier or answer, kept with the entry.
    Delivered { receipt: String },
    /// Worth trying again: a timeout, a dropped connection, a 5xx, a 408 or a 429; also a
    /// secret that is not set or a token endpoint out of reach, which an operator can mend
    /// without touching the entry. `after` is the upstream's `Retry-After` when it gave one.
    Retry {
        after: Option<Duration>,
        reason: String,
    },
    /// Refused for good: a person must look; `message` is the upstream's own explanation.
    /// `status` is the upstream's (a 4xx other than 408/429, a 3xx redirect, a DHIS2 import
    /// summary with status ERROR, or the token endpoint's refusal of our client), or 0 when
    /// the body could not be built and nothing was sent.
    Rejected { status: u16, message: String },
}

/// Sends one delivery to one target. The worker decides what to send and when; a transport
/// decides how.
pub trait Transport: Send + Sync + 'static {
    fn send<'a>(&'a self, target: &'a Target, delivery: &'a Delivery) -> BoxFuture<'a, Outcome>;
}
