//! What the plan endpoints answer, converted explicitly from the store's records.

use chitieu_schema::domain::{DeadlineRule, DeadlineRules};
use chitieu_schema::plans::{
    self, StoredBound, StoredMeaning, StoredTarget, StoredUnit, TargetSource,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A plan (kế hoạch) issued by a unit, listing indicators of one catalog.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "code": "TT-18-2025", "number": "18/KH-UBND", "issuedOn": "2025-08-18",
    "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", "issuingUnitCode": "31001",
    "catalogCode": "NQ57-THAITAN-2025", "validFrom": "2025-08-18", "validTo": "2045-12-31",
    "deadlines": {"monthly": {"day": 6, "monthOffset": 1}, "quarterly": {"day": 6, "monthOffset": 0},
        "sixMonthly": {"day": 6, "monthOffset": 0}, "yearly": {"day": 10, "monthOffset": 0}},
    "version": 1, "createdAt": "2026-11-22T05:00:00", "updatedAt": "2026-11-22T05:00:00"
}))]
pub struct Plan {
    pub code: String,
    pub number: String,
    pub issued_on: NaiveDate,
    pub title: String,
    pub issuing_unit_code: String,
    pub catalog_code: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub deadlines: Deadlines,
    /// The version in the `ETag`; it moves when the plan's own fields change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl From<plans::Plan> for Plan {
    fn from(record: plans::Plan) -> Self {
        Self {
            code: record.code,
            number: record.number,
            issued_on: record.issued_on,
            title: record.title,
            issuing_unit_code: record.issuing_unit_code,
            catalog_code: record.catalog_code,
            valid_from: record.valid_from,
            valid_to: record.valid_to,
            deadlines: record.deadlines.into(),
            version: record.version,
            created_at: record.created_at.and_utc(),
            updated_at: record.updated_at.and_utc(),
        }
    }
}

/// When reports are due, per period type: before day `day` of the month `monthOffset` months
/// after the period's last month (Vietnam time).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Deadlines {
    pub monthly: Deadline,
    pub quarterly: Deadline,
    pub six_monthly: Deadline,
    pub yearly: Deadline,
}

/// "Before day `day` of the month `monthOffset` months after the period's last month".
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"day": 10, "monthOffset": 0}))]
pub struct Deadline {
    /// 1 to 28.
    #[schema(minimum = 1, maximum = 28, example = 10)]
    pub day: u32,
    /// 0 to 12.
    #[schema(minimum = 0, maximum = 12, example = 0)]
    pub month_offset: u32,
}

impl From<DeadlineRule> for Deadline {
    fn from(rule: DeadlineRule) -> Self {
        Self {
            day: rule.day(),
            month_offset: rule.month_offset(),
        }
    }
}

impl From<DeadlineRules> for Deadlines {
    fn from(rules: DeadlineRules) -> Self {
        Self {
            monthly: rules.monthly.into(),
            quarterly: rules.quarterly.into(),
            six_monthly: rules.six_monthly.into(),
            yearly: rules.yearly.into(),
        }
    }
}

/// What a target cell was understood to mean.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Meaning {
    /// `-` or empty: no target that year.
    None,
    Numeric,
    /// A yes/no outcome (`Đạt`, `Có`, `Duy trì` …), in `statusLabel`.
    Status,
    /// Judged by a person; `doubt` says why.
    Qualitative,
}

/// The comparison of a numeric target.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum TargetBound {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// A bare value (`100%`): reached in the indicator's direction; the value is `low`.
    Reach,
    Between,
}

/// The unit written in a numeric target.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum TargetUnit {
    /// None written: the indicator's unit of measure.
    AsIndicator,
    Percent,
    /// A position in a ranking (`Top 50`): lower is better.
    Rank,
}

/// A target of one milestone year: the cell as written and its structure. Numbers are exact
/// decimal strings, never floats.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"year": 2025, "raw": "$\\geq 70\\%$", "display": "≥ 70 %", "meaning": "numeric",
    "bound": "atLeast", "low": "70", "high": null, "unit": "percent", "statusLabel": null,
    "doubt": null}))]
pub struct Target {
    pub year: i32,
    /// The cell exactly as written (Unicode NFC, trimmed).
    pub raw: String,
    /// The target as people write it (`≥ 70 %`, `2–3 %`, `Đạt`): numbers with the decimal
    /// comma, typesetting remnants removed. For pages and spreadsheets; `raw` stays as written.
    #[schema(example = "≥ 70 %")]
    pub display: String,
    pub meaning: Meaning,
    pub bound: Option<TargetBound>,
    /// Lower bound (`atLeast`, `moreThan`, `between`) or the value to reach (`reach`).
    #[schema(example = "70")]
    pub low: Option<String>,
    /// Upper bound (`atMost`, `lessThan`, `between`).
    pub high: Option<String>,
    pub unit: Option<TargetUnit>,
    pub status_label: Option<String>,
    /// Why a qualitative target could not be read with certainty.
    pub doubt: Option<String>,
}

impl From<StoredTarget> for Target {
    fn from(t: StoredTarget) -> Self {
        Self {
            year: t.year,
            display: chitieu_schema::domain::display_of(&t.raw),
            raw: t.raw,
            meaning: match t.meaning {
                StoredMeaning::NoTarget => Meaning::None,
                StoredMeaning::Numeric => Meaning::Numeric,
                StoredMeaning::Status => Meaning::Status,
                StoredMeaning::Qualitative => Meaning::Qualitative,
            },
            bound: t.bound.map(|b| match b {
                StoredBound::AtLeast => TargetBound::AtLeast,
                StoredBound::MoreThan => TargetBound::MoreThan,
                StoredBound::AtMost => TargetBound::AtMost,
                StoredBound::LessThan => TargetBound::LessThan,
                StoredBound::Reach => TargetBound::Reach,
                StoredBound::Between => TargetBound::Between,
            }),
            low: t.low,
            high: t.high,
            unit: t.unit.map(|u| match u {
                StoredUnit::AsIndicator => TargetUnit::AsIndicator,
                StoredUnit::Percent => TargetUnit::Percent,
                StoredUnit::Rank => TargetUnit::Rank,
            }),
            status_label: t.status_label,
            doubt: t.doubt,
        }
    }
}

/// An indicator of a plan with its targets and the units that report it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "indicatorCode": "NQ57-THAITAN-1", "indicatorNumber": "1",
    "indicatorName": "Tỷ lệ phủ sóng 5G trên địa bàn xã", "sectionCode": "I",
    "unitOfMeasure": "%", "outputProduct": "Bộ số liệu báo cáo", "note": null, "position": 1,
    "targets": [{"year": 2025, "raw": "≥60%", "meaning": "numeric", "bound": "atLeast",
        "low": "60", "high": null, "unit": "percent", "statusLabel": null, "doubt": null}],
    "leadUnitCode": "31001-VHXH", "coordinatingUnitCodes": [], "version": 1
}))]
pub struct PlanItem {
    pub indicator_code: String,
    pub indicator_number: String,
    pub indicator_name: String,
    pub section_code: Option<String>,
    pub unit_of_measure: Option<String>,
    pub output_product: Option<String>,
    pub note: Option<String>,
    pub position: i32,
    /// By year.
    pub targets: Vec<Target>,
    /// The lead agency (cơ quan chủ trì).
    pub lead_unit_code: Option<String>,
    /// Coordinating agencies (cơ quan phối hợp), in code order.
    pub coordinating_unit_codes: Vec<String>,
    /// The version in the item's `ETag`.
    pub version: i32,
}

impl From<plans::PlanItem> for PlanItem {
    fn from(item: plans::PlanItem) -> Self {
        Self {
            indicator_code: item.indicator_code,
            indicator_number: item.indicator_number,
            indicator_name: item.indicator_name,
            section_code: item.section_code,
            unit_of_measure: item.unit_of_measure,
            output_product: item.output_product,
            note: item.note,
            position: item.position,
            targets: item.targets.into_iter().map(Into::into).collect(),
            lead_unit_code: item.lead_unit_code,
            coordinating_unit_codes: item.coordinating_unit_codes,
            version: item.version,
        }
    }
}

/// Where the target of the year asked for came from.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// The plan has a cell for that very year (it may say `-`: no target that year).
    Explicit,
    /// No cell for that year: the nearest later milestone. When it says `-`, the year has no
    /// target either (a target set only for a milestone after it is not one for this year).
    LaterMilestone,
    /// No cell for that year and none after it.
    Missing,
}

impl From<TargetSource> for Source {
    fn from(source: TargetSource) -> Self {
        match source {
            TargetSource::Explicit => Source::Explicit,
            TargetSource::LaterMilestone => Source::LaterMilestone,
            TargetSource::Missing => Source::Missing,
        }
    }
}
