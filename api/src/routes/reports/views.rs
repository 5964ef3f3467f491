//! What the report endpoints send and take: values in the shape of their kind, timestamps in
//! UTC.

use chitieu_schema::domain::{ReportedValue, ValueInput};
use chitieu_schema::reports::{NarrativeSection, Report, ReportState, ReportSummary, StoredValue};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A value: a number (counts, decimals, ranks, scores, a percent entered directly), a
/// numerator and denominator (percent indicators), a status, or a text.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ValueBody {
    #[schema(example = 12)]
    Number(f64),
    Ratio(RatioBody),
    Status(StatusBody),
    #[schema(example = "Đã triển khai nền tảng họp trực tuyến")]
    Text(String),
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"numerator": 45, "denominator": 50}))]
pub struct RatioBody {
    pub numerator: f64,
    /// Greater than 0; for a percent, at least the numerator.
    pub denominator: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"achieved": true, "label": "Đạt"}))]
pub struct StatusBody {
    pub achieved: bool,
    /// The outcome as written: Đạt, Có, Duy trì, Kết nối, Nâng cấp …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl From<ValueBody> for ValueInput {
    fn from(body: ValueBody) -> Self {
        match body {
            ValueBody::Number(n) => ValueInput::Number(n),
            ValueBody::Ratio(r) => ValueInput::Ratio {
                numerator: r.numerator,
                denominator: r.denominator,
            },
            ValueBody::Status(s) => ValueInput::Status {
                achieved: s.achieved,
                label: s.label,
            },
            ValueBody::Text(t) => ValueInput::Text(t),
        }
    }
}

impl From<ReportedValue> for ValueBody {
    fn from(value: ReportedValue) -> Self {
        match value {
            ReportedValue::Number(n) => ValueBody::Number(n),
            ReportedValue::Ratio {
                numerator,
                denominator,
            } => ValueBody::Ratio(RatioBody {
                numerator,
                denominator,
            }),
            ReportedValue::Status { achieved, label } => {
                ValueBody::Status(StatusBody { achieved, label })
            }
            ReportedValue::Text(t) => ValueBody::Text(t),
        }
    }
}

/// A stored value.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValueView {
    #[schema(example = "NQ57-THAITAN-1")]
    pub indicator_code: String,
    /// percent, count, decimal, rank, score, status or text.
    #[schema(example = "percent")]
    pub value_kind: String,
    pub value: ValueBody,
    pub comment: Option<String>,
    /// References to supporting documents.
    pub evidence: Vec<String>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

impl From<StoredValue> for ValueView {
    fn from(v: StoredValue) -> Self {
        Self {
            indicator_code: v.indicator_code,
            value_kind: v.value_kind.as_db_str().to_owned(),
            value: v.value.into(),
            comment: v.comment,
            evidence: v.evidence,
            updated_at: v.updated_at.and_utc(),
            updated_by: v.updated_by,
        }
    }
}

/// A narrative section, HTML as given.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectionView {
    #[schema(example = "III.1")]
    pub code: String,
    #[schema(example = "III")]
    pub parent_code: Option<String>,
    #[schema(example = "Ưu điểm")]
    pub title: String,
    pub position: i32,
    #[schema(example = "<p>Công tác quán triệt được thực hiện nghiêm túc.</p>")]
    pub content_html: String,
}

impl From<NarrativeSection> for SectionView {
    fn from(s: NarrativeSection) -> Self {
        Self {
            code: s.code,
            parent_code: s.parent_code,
            title: s.title,
            position: s.position,
            content_html: s.content_html,
        }
    }
}

/// Where a report is in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = "submitted")]
pub enum ReportStateName {
    Draft,
    Submitted,
    Returned,
    Approved,
}

impl From<ReportState> for ReportStateName {
    fn from(state: ReportState) -> Self {
        match state {
            ReportState::Draft => ReportStateName::Draft,
            ReportState::Submitted => ReportStateName::Submitted,
            ReportState::Returned => ReportStateName::Returned,
            ReportState::Approved => ReportStateName::Approved,
        }
    }
}

/// A report's state, deadline and approvals.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportSummaryView {
    #[schema(example = "01001-VHXH")]
    pub unit_code: String,
    #[schema(example = "KH-18-THAITAN-2025")]
    pub plan_code: String,
    #[schema(example = "2026Q1")]
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub state: ReportStateName,
    /// Why it was returned or reopened.
    pub state_reason: Option<String>,
    /// The first instant at which a submission is late (none for ad-hoc periods).
    pub due_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<String>,
    /// Whether the last submission came at or after the deadline.
    pub late: bool,
    pub approved_at: Option<DateTime<Utc>>,
    pub approved_by: Option<String>,
    /// Why it was approved although child units' reports were missing or unapproved.
    pub approval_override: Option<String>,
    #[schema(example = 3)]
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ReportSummary> for ReportSummaryView {
    fn from(s: ReportSummary) -> Self {
        Self {
            unit_code: s.unit_code,
            plan_code: s.plan_code,
            period: s.period,
            period_start: s.period_start,
            period_end: s.period_end,
            state: s.state.into(),
            state_reason: s.state_reason,
            due_at: s.due_at.map(|t| t.and_utc()),
            submitted_at: s.submitted_at.map(|t| t.and_utc()),
            submitted_by: s.submitted_by,
            late: s.late,
            approved_at: s.approved_at.map(|t| t.and_utc()),
            approved_by: s.approved_by,
            approval_override: s.approval_override,
            version: s.version,
            created_at: s.created_at.and_utc(),
            updated_at: s.updated_at.and_utc(),
        }
    }
}

/// A report with its values and narrative.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    #[serde(flatten)]
    pub summary: ReportSummaryView,
    pub values: Vec<ValueView>,
    pub sections: Vec<SectionView>,
    /// Validation warnings the submitter acknowledged at the last submission.
    pub acknowledged_warnings: Vec<crate::routes::validation_rules::views::AcknowledgedWarningView>,
}

impl ReportView {
    pub fn version(&self) -> i32 {
        self.summary.version
    }

    /// 200 (or `status`) with the report and its ETag.
    pub fn respond(self, status: actix_web::http::StatusCode) -> actix_web::HttpResponse {
        let mut response = actix_web::HttpResponse::build(status);
        crate::etag::with_etag(&mut response, self.version());
        response.json(self)
    }
}

impl From<Report> for ReportView {
    fn from(r: Report) -> Self {
        Self {
            summary: r.summary.into(),
            values: r.values.into_iter().map(Into::into).collect(),
            sections: r.sections.into_iter().map(Into::into).collect(),
            acknowledged_warnings: r
                .acknowledged_warnings
                .into_iter()
                .map(Into::into)
                .collect(),
        }
    }
}
