//! What the outlier listing answers: the value, its report, what it was compared with, the
//! score and the reason in the reader's language; never database ids.

use chitieu_schema::domain::Invalid;
use chitieu_schema::outliers::{self, Basis, Outlier};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How values are scored (DHIS2's outlier detection algorithms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum OutlierMethod {
    ModifiedZScore,
    ZScore,
    MinMax,
}

impl OutlierMethod {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        outliers::OutlierMethod::parse(raw).map(Into::into)
    }
}

impl From<outliers::OutlierMethod> for OutlierMethod {
    fn from(method: outliers::OutlierMethod) -> Self {
        match method {
            outliers::OutlierMethod::ModifiedZScore => Self::ModifiedZScore,
            outliers::OutlierMethod::ZScore => Self::ZScore,
            outliers::OutlierMethod::MinMax => Self::MinMax,
        }
    }
}

impl From<OutlierMethod> for outliers::OutlierMethod {
    fn from(method: OutlierMethod) -> Self {
        match method {
            OutlierMethod::ModifiedZScore => Self::ModifiedZScore,
            OutlierMethod::ZScore => Self::ZScore,
            OutlierMethod::MinMax => Self::MinMax,
        }
    }
}

/// What a value was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum OutlierBasis {
    History,
    Peers,
}

impl From<Basis> for OutlierBasis {
    fn from(basis: Basis) -> Self {
        match basis {
            Basis::History => Self::History,
            Basis::Peers => Self::Peers,
        }
    }
}

/// A value that stands out, on one basis (a value standing out on both is listed twice).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "unitCode": "31001-KT", "unitName": "Phòng Kinh tế", "reportState": "approved",
    "indicatorCode": "NQ57-THAITAN-2025-18",
    "indicatorName": "Số lượng nhiệm vụ khoa học và công nghệ cấp thành phố",
    "period": "202606", "value": 100.0, "basis": "history", "method": "modifiedZScore",
    "score": 239.4, "threshold": 3.5, "median": 0.0, "mean": 0.33, "lowerBound": -1.46,
    "upperBound": 1.46, "baselineSize": 6,
    "reason": "100 is far above the median 0 of its previous 6 periods: modified z-score 239.4, outliers from 3.5"}))]
pub struct OutlierView {
    pub unit_code: String,
    pub unit_name: String,
    /// The report's state: values of reports in every state are judged, so reviewers see
    /// them before approving.
    pub report_state: String,
    pub indicator_code: String,
    pub indicator_name: String,
    pub period: String,
    /// The number judged: as entered, a percent as 0–100.
    pub value: f64,
    pub basis: OutlierBasis,
    pub method: OutlierMethod,
    /// The modified z-score or z-score; for `minMax`, the distance beyond the nearer bound.
    pub score: f64,
    pub threshold: f64,
    /// The median of the baseline (the previous periods, or the siblings' values).
    pub median: f64,
    pub mean: f64,
    /// Values between the bounds are not outliers by this method and threshold.
    pub lower_bound: f64,
    pub upper_bound: f64,
    /// How many values the baseline holds: previous periods with a value, or siblings.
    pub baseline_size: usize,
    /// Why the value is listed, in the language `Accept-Language` asks for.
    pub reason: String,
}

impl From<Outlier> for OutlierView {
    fn from(o: Outlier) -> Self {
        Self {
            reason: o.reason.in_lang(crate::request_id::lang()),
            unit_code: o.value.unit_code,
            unit_name: o.value.unit_name,
            report_state: o.value.report_state,
            indicator_code: o.value.indicator_code,
            indicator_name: o.value.indicator_name,
            period: o.period,
            value: o.value.value,
            basis: o.basis.into(),
            method: o.judging.method.into(),
            score: o.verdict.score,
            threshold: o.judging.threshold,
            median: o.verdict.median,
            mean: o.verdict.mean,
            lower_bound: o.verdict.lower_bound,
            upper_bound: o.verdict.upper_bound,
            baseline_size: o.verdict.baseline_size,
        }
    }
}
