//! The trajectory toward the next milestone target (Open SDG method), with every number used
//! so a reader can check it.

use chitieu_schema::progress::{Observation, RateMethod, Trajectory, TrajectoryStatus};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "milestoneYear": 2030, "targetRaw": "100%", "targetValue": 100.0,
    "baseline": {"period": "2024", "at": "2024-12-31", "value": 50.0},
    "current": {"period": "202510", "at": "2025-10-31", "value": 75.0},
    "method": "cagr", "requiredRate": 0.1147, "actualRate": 0.5505, "ratio": 4.8,
    "status": "onTrack",
    "explanation": "growth per year (CAGR): actual 55.1 % from 50 (2024) to 75 (202510), required 11.5 % to reach 100 by the end of 2030; ratio 4.8"
}))]
pub struct TrajectoryView {
    pub milestone_year: i32,
    /// The milestone's target cell as written.
    pub target_raw: String,
    /// The number the figure is measured against, when the target has one.
    pub target_value: Option<f64>,
    pub baseline: Option<ObservationView>,
    pub current: Option<ObservationView>,
    pub method: Option<RateMethodView>,
    /// Per year, from the baseline to the target at the end of the milestone year.
    pub required_rate: Option<f64>,
    /// Per year, from the baseline to the current figure.
    pub actual_rate: Option<f64>,
    /// Actual rate over required rate: ≥ 0.95 on track, 0.60–0.95 needs acceleration, 0–0.60
    /// limited progress, < 0 moving away.
    pub ratio: Option<f64>,
    pub status: TrajectoryStatusView,
    pub explanation: String,
}

/// A unit's figure at one point in time.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"period": "2024", "at": "2024-12-31", "value": 50.0}))]
pub struct ObservationView {
    pub period: String,
    /// The last day of the period.
    pub at: NaiveDate,
    pub value: f64,
}

/// `cagr` when every figure is positive, otherwise `linear` (change per year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum RateMethodView {
    Cagr,
    Linear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum TrajectoryStatusView {
    Achieved,
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    MovingAway,
    /// No baseline, no current figure, no numeric target, or no time elapsed.
    InsufficientData,
}

impl From<&Observation> for ObservationView {
    fn from(observation: &Observation) -> Self {
        Self {
            period: observation.period.clone(),
            at: observation.at,
            value: observation.value,
        }
    }
}

impl From<RateMethod> for RateMethodView {
    fn from(method: RateMethod) -> Self {
        match method {
            RateMethod::Cagr => RateMethodView::Cagr,
            RateMethod::Linear => RateMethodView::Linear,
        }
    }
}

impl From<TrajectoryStatus> for TrajectoryStatusView {
    fn from(status: TrajectoryStatus) -> Self {
        match status {
            TrajectoryStatus::Achieved => TrajectoryStatusView::Achieved,
            TrajectoryStatus::OnTrack => TrajectoryStatusView::OnTrack,
            TrajectoryStatus::NeedsAcceleration => TrajectoryStatusView::NeedsAcceleration,
            TrajectoryStatus::LimitedProgress => TrajectoryStatusView::LimitedProgress,
            TrajectoryStatus::MovingAway => TrajectoryStatusView::MovingAway,
            TrajectoryStatus::InsufficientData => TrajectoryStatusView::InsufficientData,
        }
    }
}

impl From<&Trajectory> for TrajectoryView {
    fn from(trajectory: &Trajectory) -> Self {
        Self {
            milestone_year: trajectory.milestone_year,
            target_raw: trajectory.target_raw.clone(),
            target_value: trajectory.target_value,
            baseline: trajectory.baseline.as_ref().map(Into::into),
            current: trajectory.current.as_ref().map(Into::into),
            method: trajectory.method.map(Into::into),
            required_rate: trajectory.required_rate,
            actual_rate: trajectory.actual_rate,
            ratio: trajectory.ratio,
            status: trajectory.status.into(),
            explanation: trajectory.explanation.in_lang(crate::request_id::lang()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trajectory_status_is_spelled_as_the_domain_spells_it() {
        let all = [
            TrajectoryStatus::Achieved,
            TrajectoryStatus::OnTrack,
            TrajectoryStatus::NeedsAcceleration,
            TrajectoryStatus::LimitedProgress,
            TrajectoryStatus::MovingAway,
            TrajectoryStatus::InsufficientData,
        ];
        for status in all {
            let json = serde_json::to_value(TrajectoryStatusView::from(status)).unwrap();
            assert_eq!(json, status.as_str());
        }
    }
}
