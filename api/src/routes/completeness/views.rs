//! What the completeness endpoint answers, converted explicitly from the store's records.

use chitieu_schema::progress::{
    ChildCompleteness, Completeness, ExpectedReport, ReportingStatus, Tally, UnitLabel,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::pagination::Paged;

/// Where an expected report stands: received before its deadline, received after it, or not
/// received (no report, a draft, or a report returned for correction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum StatusName {
    OnTime,
    Late,
    Missing,
}

impl StatusName {
    pub fn parse(raw: &str) -> Result<Self, chitieu_schema::domain::Invalid> {
        match raw {
            "onTime" => Ok(StatusName::OnTime),
            "late" => Ok(StatusName::Late),
            "missing" => Ok(StatusName::Missing),
            other => Err(chitieu_schema::domain::Invalid::new(format!(
                "{other:?} is not a reporting status: onTime, late or missing"
            ))),
        }
    }
}

impl From<StatusName> for ReportingStatus {
    fn from(status: StatusName) -> Self {
        match status {
            StatusName::OnTime => ReportingStatus::OnTime,
            StatusName::Late => ReportingStatus::Late,
            StatusName::Missing => ReportingStatus::Missing,
        }
    }
}

impl From<ReportingStatus> for StatusName {
    fn from(status: ReportingStatus) -> Self {
        match status {
            ReportingStatus::OnTime => StatusName::OnTime,
            ReportingStatus::Late => StatusName::Late,
            ReportingStatus::Missing => StatusName::Missing,
        }
    }
}

/// Counts of expected reports.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"expected": 9, "received": 5, "onTime": 4, "late": 1, "missing": 4,
    "rate": 0.5556}))]
pub struct TallyView {
    pub expected: u64,
    /// Submitted or approved: `onTime + late`.
    pub received: u64,
    pub on_time: u64,
    pub late: u64,
    /// `expected - received`.
    pub missing: u64,
    /// `received / expected` to four decimals; null when nothing is expected.
    pub rate: Option<f64>,
}

impl From<Tally> for TallyView {
    fn from(tally: Tally) -> Self {
        Self {
            rate: tally.rate(),
            expected: tally.expected,
            received: tally.received,
            on_time: tally.on_time,
            late: tally.late,
            missing: tally.missing,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "41", "name": "Tỉnh Thái Nguyên"}))]
pub struct UnitLabelView {
    pub code: String,
    pub name: String,
}

impl From<UnitLabel> for UnitLabelView {
    fn from(unit: UnitLabel) -> Self {
        Self {
            code: unit.code,
            name: unit.name,
        }
    }
}

/// A child of the queried unit and the counts over its whole subtree.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "41001", "name": "Xã Thái Tân",
    "summary": {"expected": 3, "received": 3, "onTime": 3, "late": 0, "missing": 0, "rate": 1.0}}))]
pub struct ChildLineView {
    pub code: String,
    pub name: String,
    pub summary: TallyView,
}

impl From<ChildCompleteness> for ChildLineView {
    fn from(child: ChildCompleteness) -> Self {
        Self {
            code: child.unit.code,
            name: child.unit.name,
            summary: child.tally.into(),
        }
    }
}

/// One expected report: the unit that owes it, the plan, and where it stands.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"unitCode": "41002-A", "unitName": "Phòng Văn hóa - Xã hội",
    "parentCode": "41002", "planCode": "KH-41-2026", "state": "submitted",
    "dueAt": "2026-04-05T17:00:00Z", "submittedAt": "2026-04-07T02:15:00Z", "status": "late"}))]
pub struct ExpectedReportView {
    pub unit_code: String,
    pub unit_name: String,
    /// Absent for a root of the tree.
    pub parent_code: Option<String>,
    pub plan_code: String,
    /// draft, submitted, returned or approved; null when no report was opened.
    pub state: Option<String>,
    /// The report's deadline, or the plan's for the period when there is no report; null for
    /// ad-hoc periods.
    pub due_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub status: StatusName,
}

impl From<ExpectedReport> for ExpectedReportView {
    fn from(line: ExpectedReport) -> Self {
        Self {
            unit_code: line.unit_code,
            unit_name: line.unit_name,
            parent_code: line.parent_code,
            plan_code: line.plan_code,
            state: line.state.map(|state| state.as_db_str().to_owned()),
            due_at: line.due_at.map(|at| at.and_utc()),
            submitted_at: line.submitted_at.map(|at| at.and_utc()),
            status: line.status.into(),
        }
    }
}

/// Completeness of reporting below a unit for one period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompletenessView {
    pub unit: UnitLabelView,
    #[schema(example = "202603")]
    pub period: String,
    /// The plan asked for; null when every plan valid over the period is counted.
    #[schema(example = "KH-41-2026")]
    pub plan: Option<String>,
    /// Every expected report in the subtree, the unit's own included.
    pub summary: TallyView,
    /// One line per child open during the period (or with reports expected below it), in code
    /// order; the lines add up to the summary less the unit's own reports.
    pub by_child: Vec<ChildLineView>,
    /// The expected reports in path order, then plan code: the page asked for, of the status
    /// asked for.
    pub units: Paged<ExpectedReportView>,
}

impl From<Completeness> for CompletenessView {
    fn from(found: Completeness) -> Self {
        Self {
            unit: found.unit.into(),
            period: found.period.to_string(),
            plan: found.plan_code,
            summary: found.summary.into(),
            by_child: found.by_child.into_iter().map(Into::into).collect(),
            units: Paged::from_page(found.units, ExpectedReportView::from),
        }
    }
}
