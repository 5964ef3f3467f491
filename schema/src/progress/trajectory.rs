//! Trajectory toward a milestone target by the Open SDG method: the compound annual growth rate
//! (CAGR) since the baseline over the CAGR required to reach the target by the milestone year.
//! ≥ 0.95 on track, 0.60–0.95 needs acceleration, 0–0.60 limited progress, < 0 moving away; a
//! target already met is achieved. Every number used is returned so a person can check it.

use chrono::NaiveDate;

use super::assess::{lower_is_better, reference};
use crate::domain::{Direction, ValueKind};
use crate::messages::Message;
use crate::plans::StoredTarget;

/// A unit's figure at one point in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub period: String,
    /// The last day of the period: elapsed time is measured between these dates.
    pub at: NaiveDate,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrajectoryStatus {
    Achieved,
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    MovingAway,
    /// No baseline, no current figure, no numeric target, or no time elapsed.
    InsufficientData,
}

impl TrajectoryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TrajectoryStatus::Achieved => "achieved",
            TrajectoryStatus::OnTrack => "onTrack",
            TrajectoryStatus::NeedsAcceleration => "needsAcceleration",
            TrajectoryStatus::LimitedProgress => "limitedProgress",
            TrajectoryStatus::MovingAway => "movingAway",
            TrajectoryStatus::InsufficientData => "insufficientData",
        }
    }
}

/// How the rates were computed: CAGR when every figure is positive, otherwise the linear
/// change per year (a baseline of 0 has no growth rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateMethod {
    Cagr,
    Linear,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    pub milestone_year: i32,
    pub target_raw: String,
    pub target_value: Option<f64>,
    pub baseline: Option<Observation>,
    pub current: Option<Observation>,
    pub method: Option<RateMethod>,
    /// Per year, from the baseline to the target at the end of the milestone year.
    pub required_rate: Option<f64>,
    /// Per year, from the baseline to the current figure.
    pub actual_rate: Option<f64>,
    pub ratio: Option<f64>,
    pub status: TrajectoryStatus,
    /// How the status was reached, with the numbers rounded to the indicator's precision.
    pub explanation: Message,
}

/// The decimals a figure of `kind` is said with: percents to one place, counts and ranks
/// whole, scores and decimals to two.
pub fn decimals(kind: ValueKind) -> usize {
    match kind {
        ValueKind::Percent => 1,
        ValueKind::Count | ValueKind::Rank => 0,
        _ => 2,
    }
}

pub fn trajectory(
    milestone: &StoredTarget,
    kind: ValueKind,
    direction: Direction,
    baseline: Option<Observation>,
    current: Option<Observation>,
) -> Trajectory {
    let lower_better = lower_is_better(kind, direction, milestone);
    let target_value = reference(milestone, lower_better);
    let mut result = Trajectory {
        milestone_year: milestone.year,
        target_raw: milestone.raw.clone(),
        target_value,
        baseline: baseline.clone(),
        current: current.clone(),
        method: None,
        required_rate: None,
        actual_rate: None,
        ratio: None,
        status: TrajectoryStatus::InsufficientData,
        explanation: Message::new("trajectory-no-numeric-target"),
    };
    let places = decimals(kind);
    let insufficient = |mut result: Trajectory, why: &'static str| {
        result.explanation = Message::new(why);
        result
    };
    let Some(target) = target_value else {
        return insufficient(result, "trajectory-no-numeric-target");
    };
    let Some(current) = current else {
        return insufficient(result, "trajectory-no-current");
    };
    let met = if lower_better {
        current.value <= target
    } else {
        current.value >= target
    };
    if met {
        result.status = TrajectoryStatus::Achieved;
        result.explanation = Message::new("trajectory-already-met")
            .number("current", current.value, places)
            .arg("year", milestone.year)
            .number("target", target, places);
        return result;
    }
    let Some(baseline) = baseline else {
        return insufficient(result, "trajectory-no-baseline");
    };
    let target_at = NaiveDate::from_ymd_opt(milestone.year, 12, 31).unwrap_or(current.at);
    let years = |from: NaiveDate, to: NaiveDate| (to - from).num_days() as f64 / 365.25;
    let (elapsed, remaining_span) = (
        years(baseline.at, current.at),
        years(baseline.at, target_at),
    );
    if elapsed <= 0.0 || remaining_span <= 0.0 {
        return insufficient(result, "trajectory-baseline-order");
    }
    let positive = baseline.value > 0.0 && current.value > 0.0 && target > 0.0;
    let (method, actual, required) = if positive {
        (
            RateMethod::Cagr,
            (current.value / baseline.value).powf(1.0 / elapsed) - 1.0,
            (target / baseline.value).powf(1.0 / remaining_span) - 1.0,
        )
    } else {
        (
            RateMethod::Linear,
            (current.value - baseline.value) / elapsed,
            (target - baseline.value) / remaining_span,
        )
    };
    result.method = Some(method);
    result.actual_rate = Some(actual);
    result.required_rate = Some(required);
    if required == 0.0 {
        return insufficient(result, "trajectory-baseline-equals-target");
    }
    let ratio = actual / required;
    result.ratio = Some(ratio);
    result.status = if ratio >= 0.95 {
        TrajectoryStatus::OnTrack
    } else if ratio >= 0.60 {
        TrajectoryStatus::NeedsAcceleration
    } else if ratio >= 0.0 {
        TrajectoryStatus::LimitedProgress
    } else {
        TrajectoryStatus::MovingAway
    };
    // A growth rate reads as a percent a year; a linear change in the indicator's own unit.
    let (key, rate, rate_places) = match method {
        RateMethod::Cagr => ("trajectory-cagr", 100.0, 1),
        RateMethod::Linear => ("trajectory-linear", 1.0, places + 1),
    };
    result.explanation = Message::new(key)
        .number("actual", actual * rate, rate_places)
        .number("baseline", baseline.value, places)
        .arg("baselinePeriod", &baseline.period)
        .number("current", current.value, places)
        .arg("currentPeriod", &current.period)
        .number("required", required * rate, rate_places)
        .number("target", target, places)
        .arg("year", milestone.year)
        .number("ratio", ratio, 2);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Target;
    use crate::plans::TargetYear;

    fn observation(period: &str, year: i32, value: f64) -> Option<Observation> {
        Some(Observation {
            period: period.to_owned(),
            at: NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
            value,
        })
    }

    fn milestone(year: i32, cell: &str) -> StoredTarget {
        StoredTarget::from_target(TargetYear::new(year).unwrap(), &Target::parse(cell))
    }

    fn toward_2030(baseline: f64, current: f64) -> Trajectory {
        trajectory(
            &milestone(2030, "≥ 80%"),
            ValueKind::Percent,
            Direction::HigherIsBetter,
            observation("2025", 2025, baseline),
            observation("2026", 2026, current),
        )
    }

    #[test]
    fn growth_at_the_required_rate_is_on_track() {
        // 40 → 80 in five years needs 2^(1/5) − 1 ≈ 14.87% a year.
        let required = 2f64.powf(0.2) - 1.0;
        let result = toward_2030(40.0, 40.0 * (1.0 + required));
        assert_eq!(result.status, TrajectoryStatus::OnTrack);
        assert_eq!(result.method, Some(RateMethod::Cagr));
        assert!((result.required_rate.unwrap() - required).abs() < 1e-3);
    }

    #[test]
    fn growth_at_three_quarters_of_the_required_rate_needs_acceleration() {
        let required = 2f64.powf(0.2) - 1.0;
        let result = toward_2030(40.0, 40.0 * (1.0 + 0.75 * required));
        assert_eq!(result.status, TrajectoryStatus::NeedsAcceleration);
    }

    #[test]
    fn slow_growth_is_limited_progress_and_decline_is_moving_away() {
        assert_eq!(
            toward_2030(40.0, 41.0).status,
            TrajectoryStatus::LimitedProgress
        );
        assert_eq!(toward_2030(40.0, 35.0).status, TrajectoryStatus::MovingAway);
    }

    #[test]
    fn a_target_already_met_is_achieved() {
        assert_eq!(toward_2030(40.0, 85.0).status, TrajectoryStatus::Achieved);
    }

    #[test]
    fn a_zero_baseline_uses_the_linear_rate() {
        let result = toward_2030(0.0, 16.0);
        assert_eq!(result.method, Some(RateMethod::Linear));
        assert_eq!(result.status, TrajectoryStatus::OnTrack);
    }

    #[test]
    fn a_falling_rank_toward_a_lower_target_is_progress() {
        let result = trajectory(
            &milestone(2030, "Top 50 của thành phố"),
            ValueKind::Rank,
            Direction::LowerIsBetter,
            observation("2025", 2025, 100.0),
            observation("2026", 2026, 87.0),
        );
        assert_eq!(result.status, TrajectoryStatus::OnTrack);
    }

    #[test]
    fn the_explanation_rounds_to_the_indicators_precision_and_speaks_vietnamese() {
        use crate::messages::Lang;
        let result = toward_2030(46.783625730994146, 50.38011695906432);
        let vi = result.explanation.in_lang(Lang::Vi);
        assert!(vi.contains("46,8") && vi.contains("50,4"), "{vi}");
        assert!(!vi.contains("46,78"), "{vi}");
        let en = result.explanation.in_lang(Lang::En);
        assert!(en.contains("46.8") && en.starts_with("growth"), "{en}");
    }

    #[test]
    fn without_a_baseline_the_trajectory_is_insufficient_data() {
        let result = trajectory(
            &milestone(2030, "≥ 80%"),
            ValueKind::Percent,
            Direction::HigherIsBetter,
            None,
            observation("2026", 2026, 50.0),
        );
        assert_eq!(result.status, TrajectoryStatus::InsufficientData);
        assert!(result.explanation.to_string().contains("baseline"));
    }
}
