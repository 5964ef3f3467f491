//! What the roll-up endpoint answers, converted explicitly from the store's roll-up.

use chitieu_schema::progress;
use serde::Serialize;
use utoipa::ToSchema;

use crate::routes::catalogs::kinds::{Aggregation, ValueKind};
use crate::routes::progress::views::FigureView;

/// The roll-up of some indicators at a unit for a period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "unitCode": "31", "period": "2026Q1", "approvedOnly": false,
    "figures": [{
        "indicatorCode": "NQ57-THAITAN-13", "indicatorName": "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
        "valueKind": "percent", "aggregation": "ratio",
        "figure": {"kind": "ratio", "numerator": 170.0, "denominator": 540.0},
        "value": 31.48, "reportingUnits": 4, "own": false, "derived": false, "notAggregable": 0
    }]
}))]
pub struct RollupView {
    pub unit_code: String,
    pub period: String,
    pub approved_only: bool,
    pub figures: Vec<RolledUpView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolledUpView {
    pub indicator_code: String,
    pub indicator_name: String,
    pub value_kind: ValueKind,
    pub aggregation: Aggregation,
    /// `null` when no unit in the subtree has a figure for the period.
    pub figure: Option<FigureView>,
    /// The figure as one number in the indicator's unit (a ratio of a percent indicator ×100,
    /// a share as the percent of units that achieved it).
    pub value: Option<f64>,
    /// Units whose figures went into this one.
    pub reporting_units: u32,
    /// The unit's own report gave the figure: it stands for its whole subtree.
    pub own: bool,
    /// Some figure was derived from shorter periods inside the one asked for (a quarter from
    /// its months) by the indicator's period aggregation.
    pub derived: bool,
    /// Units left out because their figure cannot take part (a percent entered without its
    /// numerator and denominator cannot join a ratio of sums).
    pub not_aggregable: u32,
}

impl From<progress::Rollup> for RollupView {
    fn from(rollup: progress::Rollup) -> Self {
        Self {
            unit_code: rollup.unit.code,
            period: rollup.period.to_string(),
            approved_only: rollup.approved_only,
            figures: rollup
                .figures
                .into_iter()
                .map(|f| RolledUpView {
                    figure: f.figure.as_ref().map(FigureView::from),
                    indicator_code: f.indicator_code,
                    indicator_name: f.indicator_name,
                    value_kind: f.value_kind.into(),
                    aggregation: f.aggregation.into(),
                    value: f.value,
                    reporting_units: f.reporting_units,
                    own: f.own,
                    derived: f.derived,
                    not_aggregable: f.not_aggregable,
                })
                .collect(),
        }
    }
}
