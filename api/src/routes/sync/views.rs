//! What the sync routes answer, converted explicitly from the storage and connector types.

use chitieu_connector::worker::{MetricsSnapshot, RunSummary};
use chitieu_schema::sync::{EntryState, JobSlot, MissingReport, OutboxEntry, TargetStatus};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::target_views::TargetConfig;

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

/// How far one target is.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "theodoinq", "profile": "theodoinq",
    "baseUrl": "https://theodoinq.example/api", "authType": "oAuth2ClientCredentials",
    "templateVersion": null, "enabled": true, "pending": 3, "retrying": 1,
    "sending": 0, "sent": 512, "attention": 1, "dead": 0, "discarded": 0, "superseded": 2,
    "lastRunAt": "2026-12-02T00:00:04Z", "lastSentAt": "2026-12-02T00:00:04Z",
    "nextRunAt": "2026-12-02T12:00:00Z"}))]
pub struct TargetStatusView {
    pub code: String,
    /// theodoinq, dhis2 or template.
    pub profile: String,
    pub base_url: String,
    /// How the target authenticates (none, bearer, apiKey, basic, apiToken,
    /// oAuth2ClientCredentials). Secrets are never stored or shown: the targets file names the
    /// environment variables that hold them.
    pub auth_type: String,
    /// For a `template` target, the version of the template the next delivery is sent with
    /// (`sha256:` and 16 hex digits); null for the built-in profiles.
    #[schema(example = "sha256:3f1c9a0b7d2e4f61")]
    pub template_version: Option<String>,
    pub enabled: bool,
    /// Waiting to be sent (including those waiting to be retried).
    pub pending: i64,
    /// Pending after at least one failed attempt.
    pub retrying: i64,
    pub sending: i64,
    pub sent: i64,
    /// Refused by the upstream: a person must look.
    pub attention: i64,
    pub dead: i64,
    pub discarded: i64,
    /// Reopened after approval: replaced by the next approval's entry.
    pub superseded: i64,
    /// The last attempt to send an entry of this target.
    pub last_run_at: Option<DateTime<Utc>>,
    pub last_sent_at: Option<DateTime<Utc>>,
    /// The next scheduled sync.
    pub next_run_at: Option<DateTime<Utc>>,
}

impl TargetStatusView {
    pub fn new(status: TargetStatus, next_run_at: Option<DateTime<Utc>>) -> Self {
        let count = |state| status.count(state);
        let config = TargetConfig::of(&status.target);
        Self {
            auth_type: config.auth_type,
            template_version: config.template.as_ref().map(|t| t.version()),
            pending: count(EntryState::Pending),
            retrying: status.retrying,
            sending: count(EntryState::Sending),
            sent: count(EntryState::Sent),
            attention: count(EntryState::Attention),
            dead: count(EntryState::Dead),
            discarded: count(EntryState::Discarded),
            superseded: count(EntryState::Superseded),
            last_run_at: status.last_attempt_at.map(utc),
            last_sent_at: status.last_sent_at.map(utc),
            next_run_at,
            code: status.target.code,
            profile: status.target.profile,
            base_url: status.target.base_url,
            enabled: status.target.enabled,
        }
    }
}

/// This process's counters since it started.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"sent": 512, "failed": 160, "retried": 150, "attention": 1, "dead": 0}))]
pub struct SyncMetricsView {
    pub sent: u64,
    /// Attempts that failed and will be retried.
    pub failed: u64,
    /// Entries delivered after more than one attempt.
    pub retried: u64,
    pub attention: u64,
    pub dead: u64,
}

impl From<MetricsSnapshot> for SyncMetricsView {
    fn from(m: MetricsSnapshot) -> Self {
        Self {
            sent: m.sent,
            failed: m.failed,
            retried: m.retried,
            attention: m.attention,
            dead: m.dead,
        }
    }
}

/// A scheduled job: its expression in Vietnam time, its last claimed slot and its next.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"name": "sync-morning", "cron": "0 0 7 1-5 * *",
    "lastSlot": "2026-12-02T00:00:00Z", "lastClaimedBy": "api-1-4821-9f2c11aa",
    "lastFinishedAt": "2026-12-02T00:00:05Z", "nextRunAt": "2026-12-03T00:00:00Z"}))]
pub struct JobView {
    pub name: String,
    /// Six fields, seconds first, in Asia/Ho_Chi_Minh.
    pub cron: String,
    pub last_slot: Option<DateTime<Utc>>,
    pub last_claimed_by: Option<String>,
    pub last_finished_at: Option<DateTime<Utc>>,
    pub next_run_at: Option<DateTime<Utc>>,
}

impl JobView {
    pub fn new(
        name: String,
        cron: String,
        last: Option<&JobSlot>,
        next: Option<DateTime<Utc>>,
    ) -> Self {
        Self {
            name,
            cron,
            last_slot: last.map(|s| utc(s.slot)),
            last_claimed_by: last.map(|s| s.claimed_by.clone()),
            last_finished_at: last.and_then(|s| s.finished_at).map(utc),
            next_run_at: next,
        }
    }
}

/// Every target, the schedule and this process's counters.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusView {
    pub targets: Vec<TargetStatusView>,
    pub jobs: Vec<JobView>,
    /// Whether this process runs the schedule.
    pub schedule_running: bool,
    pub metrics: SyncMetricsView,
}

/// One report version on its way to one target.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": 42, "targetCode": "theodoinq", "unitCode": "31001",
    "planCode": "KH-18-THAITAN-2025", "period": "202611", "reportVersion": 7,
    "idempotencyKey": "chitieu:31001:KH-18-THAITAN-2025:202611:v7:theodoinq",
    "state": "attention", "attempts": 1, "nextAttemptAt": "2026-12-02T00:00:00Z",
    "lastAttemptAt": "2026-12-02T00:00:01Z", "lastError": "422: unknown KPI code NQ57-X",
    "receipt": null, "createdAt": "2026-12-01T09:12:00Z", "sentAt": null,
    "templateVersion": null}))]
pub struct SyncEntryView {
    pub id: i64,
    pub target_code: String,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub report_version: i32,
    pub idempotency_key: String,
    pub state: EntryStateName,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The last failure, or for `attention` the upstream's own message.
    pub last_error: Option<String>,
    /// The upstream's receipt once sent.
    pub receipt: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// For a `template` target, the version of the template the delivery was sent with
    /// (`sha256:` and 16 hex digits).
    #[schema(example = "sha256:3f1c9a0b7d2e4f61")]
    pub template_version: Option<String>,
}

impl From<OutboxEntry> for SyncEntryView {
    fn from(e: OutboxEntry) -> Self {
        Self {
            id: e.id,
            target_code: e.target_code,
            unit_code: e.unit_code,
            plan_code: e.plan_code,
            period: e.period,
            report_version: e.report_version,
            idempotency_key: e.idempotency_key,
            state: e.state.into(),
            attempts: e.attempts,
            next_attempt_at: utc(e.next_attempt_at),
            last_attempt_at: e.last_attempt_at.map(utc),
            last_error: e.last_error,
            receipt: e.receipt,
            created_at: utc(e.created_at),
            sent_at: e.sent_at.map(utc),
            template_version: e.template_version,
        }
    }
}

/// What a run did.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"target": null, "claimed": 20, "sent": 14, "retrying": 5,
    "attention": 1, "dead": 0, "superseded": 0, "unrecorded": 0}))]
pub struct SyncRunView {
    /// The one target run, or null for all enabled targets.
    pub target: Option<String>,
    pub claimed: usize,
    pub sent: usize,
    /// Failed attempts that will be retried after their backoff.
    pub retrying: usize,
    pub attention: usize,
    pub dead: usize,
    pub superseded: usize,
    /// Outcomes that could not be recorded; those entries are taken again after their lease.
    pub unrecorded: usize,
}

impl SyncRunView {
    pub fn new(target: Option<String>, s: RunSummary) -> Self {
        Self {
            target,
            claimed: s.claimed,
            sent: s.sent,
            retrying: s.retrying,
            attention: s.attention,
            dead: s.dead,
            superseded: s.superseded,
            unrecorded: s.unrecorded,
        }
    }
}

/// A report owed for the period: missing, or not approved yet.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OwedReportView {
    #[schema(example = "31001-VHXH")]
    pub unit_code: String,
    #[schema(example = "Phòng Văn hóa – Xã hội")]
    pub unit_name: String,
    #[schema(example = "KH-18-THAITAN-2025")]
    pub plan_code: String,
    /// draft, submitted or returned; null when the report was never opened.
    #[schema(example = "submitted")]
    pub state: Option<String>,
    /// What the watch says of this report, in the language of `Accept-Language`.
    #[schema(
        example = "Phòng Văn hóa – Xã hội (31001-VHXH) has not had its report for 202611 (plan KH-18-THAITAN-2025) approved, and the deadline 06/12/2026 00:00 approaches"
    )]
    pub message: String,
}

impl OwedReportView {
    /// The view of `m`, with `message`: what the watch says of it in the caller's language.
    pub fn new(m: MissingReport, message: String) -> Self {
        Self {
            message,
            unit_code: m.unit_code,
            unit_name: m.unit_name,
            plan_code: m.plan_code,
            state: m.state,
        }
    }
}

/// The reports still owed for a period, in the caller's part of the tree.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineWatchView {
    #[schema(example = "202611")]
    pub period: String,
    /// The period's deadline by the default rules (monthly: before the 6th, Vietnam time);
    /// null for ad-hoc periods.
    pub due_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether the deadline has passed: the owed reports have missed it.
    pub missed: bool,
    #[schema(example = 1)]
    pub total: usize,
    /// The watch in a sentence, in the language of `Accept-Language`: "missed" after the
    /// deadline, "approaching" before it.
    #[schema(example = "202611: 1 report(s) missing or unapproved as the deadline approaches")]
    pub summary: String,
    pub owed: Vec<OwedReportView>,
}

/// Where an outbox entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = "dead")]
pub enum EntryStateName {
    Pending,
    Sending,
    Sent,
    Attention,
    Dead,
    Discarded,
    Superseded,
}

impl From<EntryState> for EntryStateName {
    fn from(state: EntryState) -> Self {
        match state {
            EntryState::Pending => EntryStateName::Pending,
            EntryState::Sending => EntryStateName::Sending,
            EntryState::Sent => EntryStateName::Sent,
            EntryState::Attention => EntryStateName::Attention,
            EntryState::Dead => EntryStateName::Dead,
            EntryState::Discarded => EntryStateName::Discarded,
            EntryState::Superseded => EntryStateName::Superseded,
        }
    }
}
