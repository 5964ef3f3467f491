//! What the progress endpoint answers: the appendix table of a periodic report (No. |
//! indicator | target of the year | actual to date | compared with the plan target), by
//! section, converted explicitly from the domain's `ProgressReport`.

mod figure;
mod trajectory;

use chitieu_schema::progress::{PlanHeading, ProgressReport, ProgressRow, ProgressSection};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

pub use figure::{FigureView, ProgressStatus};
pub use trajectory::{ObservationView, RateMethodView, TrajectoryStatusView, TrajectoryView};

use crate::routes::catalogs::kinds::{Aggregation, Direction, ValueKind};
use crate::routes::org_units::OrgUnitKindName;
use crate::routes::plans::views::{Source, Target};

/// A unit's progress against a plan for one period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "unit": {"code": "31001", "name": "Xã Thái Tân", "kind": "commune"},
    "plan": {"code": "KH-21-DU-2025", "number": "21-KH/ĐU",
        "title": "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW", "issuedOn": "2025-09-22"},
    "period": "202510", "targetYear": 2025, "approvedOnly": true,
    "sections": [{"code": "I", "title": "Phát triển hạ tầng số", "rows": [{
        "number": "1", "indicatorCode": "NQ57-1",
        "indicatorName": "Tỷ lệ phủ sóng 5G trên địa bàn", "unitOfMeasure": "%",
        "valueKind": "percent", "direction": "higherIsBetter", "aggregation": "ratio",
        "target": {"year": 2025, "raw": ">60%", "display": "> 60 %", "meaning": "numeric", "bound": "moreThan",
            "low": "60", "high": null, "unit": "percent", "statusLabel": null, "doubt": null,
            "source": "explicit"},
        "actual": {"kind": "ratio", "numerator": 30, "denominator": 40},
        "actualValue": 75.0, "actualText": "75%", "reportingUnits": 3,
        "status": "achieved", "achievementRatio": 1.25, "trajectory": null
    }]}]
}))]
pub struct ProgressReportView {
    pub unit: ProgressUnit,
    pub plan: ProgressPlan,
    /// DHIS2 period identifier: `202510`, `2026Q1`, `2026S1`, `2026`, or
    /// `2026-03-15..2026-03-20`.
    #[schema(example = "202510")]
    pub period: String,
    /// The year whose targets apply: the year of the period's last day.
    pub target_year: i32,
    /// Whether only approved reports went into the figures.
    pub approved_only: bool,
    pub sections: Vec<ProgressSectionView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "31001", "name": "Xã Thái Tân", "kind": "commune"}))]
pub struct ProgressUnit {
    pub code: String,
    pub name: String,
    pub kind: OrgUnitKindName,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "KH-21-DU-2025", "number": "21-KH/ĐU",
    "title": "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW", "issuedOn": "2025-09-22"}))]
pub struct ProgressPlan {
    pub code: String,
    pub number: String,
    pub title: String,
    pub issued_on: NaiveDate,
}

/// The items of one catalog section, in plan order; items outside any section come in a
/// section whose code and title are null.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgressSectionView {
    /// A Roman numeral: `I`, `II`, ….
    #[schema(example = "I")]
    pub code: Option<String>,
    #[schema(example = "Phát triển hạ tầng số")]
    pub title: Option<String>,
    pub rows: Vec<ProgressRowView>,
}

/// One line of the table.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgressRowView {
    /// The numbering inside the catalog (STT).
    #[schema(example = "1")]
    pub number: String,
    /// The global code, also the DHIS2 `dataElement` code.
    #[schema(example = "NQ57-1")]
    pub indicator_code: String,
    #[schema(example = "Tỷ lệ phủ sóng 5G trên địa bàn")]
    pub indicator_name: String,
    #[schema(example = "%")]
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub direction: Direction,
    pub aggregation: Aggregation,
    /// The target that applies in the target year; null when no cell applies.
    pub target: Option<ProgressTarget>,
    /// The unit's figure for the period: its own, or rolled up over its subtree.
    pub actual: Option<FigureView>,
    /// The figure as one number in the indicator's unit (a percent ratio ×100, a share as the
    /// percent of units that achieved it); null for statuses and texts.
    #[schema(example = 75.0)]
    pub actual_value: Option<f64>,
    /// The figure as the table shows it, Vietnamese style: `75%`, `12,5`, `Đạt`.
    #[schema(example = "75%")]
    pub actual_text: Option<String>,
    /// Units whose figures went into `actual`.
    #[schema(example = 3)]
    pub reporting_units: u32,
    pub status: ProgressStatus,
    /// Figure over target (target over figure when lower is better); for numeric targets and
    /// shares of units.
    #[schema(example = 1.25)]
    pub achievement_ratio: Option<f64>,
    /// Toward the next milestone after the target year that sets a numeric target.
    pub trajectory: Option<TrajectoryView>,
}

/// The applicable target cell and where it came from: the target year's own cell, or the
/// nearest later milestone's.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgressTarget {
    #[serde(flatten)]
    pub target: Target,
    pub source: Source,
}

impl From<&ProgressReport> for ProgressReportView {
    fn from(report: &ProgressReport) -> Self {
        Self {
            unit: ProgressUnit {
                code: report.unit.code.clone(),
                name: report.unit.name.clone(),
                kind: report.unit.kind.into(),
            },
            plan: (&report.plan).into(),
            period: report.period.to_string(),
            target_year: report.target_year,
            approved_only: report.approved_only,
            sections: report.sections.iter().map(Into::into).collect(),
        }
    }
}

impl From<&PlanHeading> for ProgressPlan {
    fn from(plan: &PlanHeading) -> Self {
        Self {
            code: plan.code.clone(),
            number: plan.number.clone(),
            title: plan.title.clone(),
            issued_on: plan.issued_on,
        }
    }
}

impl From<&ProgressSection> for ProgressSectionView {
    fn from(section: &ProgressSection) -> Self {
        Self {
            code: section.code.clone(),
            title: section.title.clone(),
            rows: section.rows.iter().map(Into::into).collect(),
        }
    }
}

impl From<&ProgressRow> for ProgressRowView {
    fn from(row: &ProgressRow) -> Self {
        Self {
            number: row.number.clone(),
            indicator_code: row.indicator_code.clone(),
            indicator_name: row.indicator_name.clone(),
            unit_of_measure: row.unit_of_measure.clone(),
            value_kind: row.value_kind.into(),
            direction: row.direction.into(),
            aggregation: row.aggregation.into(),
            target: row.target.clone().map(|target| ProgressTarget {
                target: target.into(),
                source: row.target_source.into(),
            }),
            actual: row.actual.as_ref().map(Into::into),
            actual_value: row.actual_value,
            actual_text: row
                .actual
                .as_ref()
                .map(|figure| figure.display(row.value_kind)),
            reporting_units: row.reporting_units,
            status: row.assessment.status.into(),
            achievement_ratio: row.assessment.ratio,
            trajectory: row.trajectory.as_ref().map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::routes::progress::export::fixture::seed_report;

    fn view_json() -> serde_json::Value {
        serde_json::to_value(ProgressReportView::from(&seed_report())).unwrap()
    }

    #[test]
    fn the_view_carries_the_headings_in_camel_case() {
        let json = view_json();
        assert_eq!(
            json["unit"],
            json!({"code": "31001", "name": "Xã Thái Tân", "kind": "commune"})
        );
        assert_eq!(json["plan"]["issuedOn"], "2025-09-22");
        assert_eq!(json["period"], "202510");
        assert_eq!(json["targetYear"], 2025);
        assert_eq!(json["approvedOnly"], true);
        assert_eq!(json["sections"][0]["code"], "I");
        assert_eq!(json["sections"][0]["title"], "Phát triển hạ tầng số");
    }

    #[test]
    fn a_percent_row_shows_its_ratio_its_value_and_its_target_with_the_source() {
        let row = &view_json()["sections"][0]["rows"][0];
        assert_eq!(row["indicatorName"], "Tỷ lệ phủ sóng 5G trên địa bàn");
        assert_eq!(row["valueKind"], "percent");
        assert_eq!(row["aggregation"], "ratio");
        assert_eq!(row["target"]["raw"], ">60%");
        assert_eq!(row["target"]["bound"], "moreThan");
        assert_eq!(row["target"]["low"], "60");
        assert_eq!(row["target"]["source"], "explicit");
        assert_eq!(
            row["actual"],
            json!({"kind": "ratio", "numerator": 30.0, "denominator": 40.0})
        );
        assert_eq!(row["actualValue"], 75.0);
        assert_eq!(row["actualText"], "75%");
        assert_eq!(row["status"], "achieved");
        assert_eq!(row["achievementRatio"], 1.25);
        assert_eq!(row["trajectory"]["method"], "cagr");
        assert_eq!(row["trajectory"]["baseline"]["at"], "2024-12-31");
    }

    #[test]
    fn a_row_without_data_has_null_figures_and_the_no_data_status() {
        let json = view_json();
        let row = &json["sections"][1]["rows"][1];
        assert_eq!(row["actual"], serde_json::Value::Null);
        assert_eq!(row["actualValue"], serde_json::Value::Null);
        assert_eq!(row["actualText"], serde_json::Value::Null);
        assert_eq!(row["status"], "noData");
        assert_eq!(row["trajectory"], serde_json::Value::Null);
    }

    #[test]
    fn status_count_and_qualitative_rows_keep_their_own_shapes() {
        let json = view_json();
        let status = &json["sections"][1]["rows"][0];
        assert_eq!(status["actual"]["kind"], "status");
        assert_eq!(status["actualText"], "Đạt");
        let count = &json["sections"][2]["rows"][0];
        assert_eq!(count["target"]["raw"], "> 08");
        assert_eq!(count["actual"], json!({"kind": "number", "value": 9.0}));
        let judged = &json["sections"][2]["rows"][1];
        assert_eq!(judged["target"]["meaning"], "qualitative");
        assert_eq!(judged["status"], "needsJudgement");
    }
}
