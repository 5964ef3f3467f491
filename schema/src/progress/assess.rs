//! Status against the year's target: achieved, exceeded, not achieved, no data, no target, needs
//! judgement; with the achievement ratio where it means something, respecting direction (a
//! rank or a number of days is better when lower).

use super::figure::Figure;
use crate::domain::{Direction, ValueKind};
use crate::plans::{StoredBound, StoredMeaning, StoredTarget, StoredUnit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    Achieved,
    /// Met and strictly better than the target's figure (`≥ 70`, value 80).
    Exceeded,
    NotAchieved,
    NoData,
    NoTarget,
    /// The target is qualitative, or the value cannot be compared with it: a person decides.
    NeedsJudgement,
}

impl TargetStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "achieved",
            TargetStatus::Exceeded => "exceeded",
            TargetStatus::NotAchieved => "notAchieved",
            TargetStatus::NoData => "noData",
            TargetStatus::NoTarget => "noTarget",
            TargetStatus::NeedsJudgement => "needsJudgement",
        }
    }

    /// The appendix table's wording ("So với chỉ tiêu kế hoạch").
    pub fn label_vi(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "Đạt",
            TargetStatus::Exceeded => "Vượt",
            TargetStatus::NotAchieved => "Chưa đạt",
            TargetStatus::NoData => "Chưa có số liệu",
            TargetStatus::NoTarget => "Không giao chỉ tiêu",
            TargetStatus::NeedsJudgement => "Cần đánh giá",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub status: TargetStatus,
    /// Value over target (target over value when lower is better); only for numeric targets
    /// with positive figures, and for shares of units.
    pub ratio: Option<f64>,
}

/// Whether lower values are better for this indicator and target.
pub fn lower_is_better(kind: ValueKind, direction: Direction, target: &StoredTarget) -> bool {
    direction == Direction::LowerIsBetter
        || kind == ValueKind::Rank
        || target.unit == Some(StoredUnit::Rank)
}

/// The number a value is measured against: the bound, or the end of a range that must be
/// reached in the indicator's direction.
pub fn reference(target: &StoredTarget, lower_better: bool) -> Option<f64> {
    let (low, high) = bounds(target);
    match target.bound? {
        StoredBound::AtLeast | StoredBound::MoreThan | StoredBound::Reach => low,
        StoredBound::AtMost | StoredBound::LessThan => high,
        StoredBound::Between if lower_better => high,
        StoredBound::Between => low,
    }
}

/// The target's low and high numbers (stored as exact decimal strings).
fn bounds(target: &StoredTarget) -> (Option<f64>, Option<f64>) {
    let number = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<f64>().ok());
    (number(&target.low), number(&target.high))
}

pub fn assess(
    target: Option<&StoredTarget>,
    figure: Option<&Figure>,
    kind: ValueKind,
    direction: Direction,
) -> Assessment {
    let status = |status| Assessment {
        status,
        ratio: None,
    };
    let Some(target) = target else {
        return status(TargetStatus::NoTarget);
    };
    match target.meaning {
        StoredMeaning::NoTarget => return status(TargetStatus::NoTarget),
        StoredMeaning::Qualitative => return status(TargetStatus::NeedsJudgement),
        StoredMeaning::Status | StoredMeaning::Numeric => {}
    }
    let Some(figure) = figure else {
        return status(TargetStatus::NoData);
    };
    if target.meaning == StoredMeaning::Status {
        return match *figure {
            Figure::Status { achieved, .. } => status(if achieved {
                TargetStatus::Achieved
            } else {
                TargetStatus::NotAchieved
            }),
            Figure::Share {
                achieved,
                reporting,
            } if reporting > 0 => Assessment {
                status: if achieved == reporting {
                    TargetStatus::Achieved
                } else {
                    TargetStatus::NotAchieved
                },
                ratio: Some(f64::from(achieved) / f64::from(reporting)),
            },
            _ => status(TargetStatus::NeedsJudgement),
        };
    }
    let (Some(value), Some(bound)) = (figure.value(kind), target.bound) else {
        return status(TargetStatus::NeedsJudgement);
    };
    let lower_better = lower_is_better(kind, direction, target);
    let Some(reference) = reference(target, lower_better) else {
        return status(TargetStatus::NeedsJudgement);
    };
    let (met, exceeded) = match bound {
        StoredBound::AtLeast => (value >= reference, value > reference),
        StoredBound::MoreThan => (value > reference, false),
        StoredBound::AtMost => (value <= reference, value < reference),
        StoredBound::LessThan => (value < reference, false),
        StoredBound::Reach if lower_better => (value <= reference, value < reference),
        StoredBound::Reach => (value >= reference, value > reference),
        StoredBound::Between => match bounds(target) {
            (Some(low), Some(high)) if lower_better => (value <= high, value < low),
            (Some(low), Some(high)) => (value >= low, value > high),
            _ => return status(TargetStatus::NeedsJudgement),
        },
    };
    let ratio = if lower_better {
        (value > 0.0 && reference > 0.0).then(|| reference / value)
    } else {
        (reference > 0.0).then(|| value / reference)
    };
    Assessment {
        status: match (met, exceeded) {
            (true, true) => TargetStatus::Exceeded,
            (true, false) => TargetStatus::Achieved,
            (false, _) => TargetStatus::NotAchieved,
        },
        ratio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Target;
    use crate::plans::TargetYear;

    fn target(cell: &str) -> StoredTarget {
        StoredTarget::from_target(TargetYear::new(2026).unwrap(), &Target::parse(cell))
    }

    fn status_of(cell: &str, value: f64, kind: ValueKind) -> Assessment {
        assess(
            Some(&target(cell)),
            Some(&Figure::Number(value)),
            kind,
            kind.default_direction(),
        )
    }

    #[test]
    fn a_value_above_an_at_least_target_exceeds_it() {
        let assessment = status_of("≥ 70%", 80.0, ValueKind::Percent);
        assert_eq!(assessment.status, TargetStatus::Exceeded);
        assert!((assessment.ratio.unwrap() - 80.0 / 70.0).abs() < 1e-12);
    }

    #[test]
    fn a_value_equal_to_an_at_least_target_achieves_it() {
        assert_eq!(
            status_of("≥ 70", 70.0, ValueKind::Count).status,
            TargetStatus::Achieved
        );
    }

    #[test]
    fn meeting_a_strict_bound_is_achieved() {
        assert_eq!(
            status_of(">60%", 61.0, ValueKind::Percent).status,
            TargetStatus::Achieved
        );
        assert_eq!(
            status_of(">60%", 60.0, ValueKind::Percent).status,
            TargetStatus::NotAchieved
        );
    }

    #[test]
    fn a_rank_is_better_when_lower() {
        let top_50 = status_of("Top 50 của thành phố", 42.0, ValueKind::Rank);
        assert_eq!(top_50.status, TargetStatus::Exceeded);
        assert!((top_50.ratio.unwrap() - 50.0 / 42.0).abs() < 1e-12);
        assert_eq!(
            status_of("Top 50 của thành phố", 51.0, ValueKind::Rank).status,
            TargetStatus::NotAchieved
        );
    }

    #[test]
    fn days_of_a_lower_is_better_indicator_reach_a_bare_target_from_above() {
        let days = assess(
            Some(&target("5")),
            Some(&Figure::Number(4.0)),
            ValueKind::Decimal,
            Direction::LowerIsBetter,
        );
        assert_eq!(days.status, TargetStatus::Exceeded);
    }

    #[test]
    fn a_range_is_achieved_from_its_low_end_and_exceeded_above_its_high_end() {
        assert_eq!(
            status_of("80-90%", 85.0, ValueKind::Percent).status,
            TargetStatus::Achieved
        );
        assert_eq!(
            status_of("80-90%", 95.0, ValueKind::Percent).status,
            TargetStatus::Exceeded
        );
        assert_eq!(
            status_of("80-90%", 79.0, ValueKind::Percent).status,
            TargetStatus::NotAchieved
        );
    }

    #[test]
    fn qualitative_targets_need_judgement_and_dashes_set_no_target() {
        let judged = status_of("Đạt chỉ tiêu thành phố giao", 1.0, ValueKind::Count);
        assert_eq!(judged.status, TargetStatus::NeedsJudgement);
        assert_eq!(
            status_of("-", 1.0, ValueKind::Count).status,
            TargetStatus::NoTarget
        );
    }

    #[test]
    fn no_figure_is_no_data() {
        let none = assess(
            Some(&target("≥ 70%")),
            None,
            ValueKind::Percent,
            Direction::HigherIsBetter,
        );
        assert_eq!(none.status, TargetStatus::NoData);
    }

    #[test]
    fn a_status_target_is_achieved_only_when_every_reporting_unit_achieved_it() {
        let share = |achieved| {
            assess(
                Some(&target("Đạt")),
                Some(&Figure::Share {
                    achieved,
                    reporting: 4,
                }),
                ValueKind::Status,
                Direction::Reach,
            )
        };
        assert_eq!(share(4).status, TargetStatus::Achieved);
        assert_eq!(share(3).status, TargetStatus::NotAchieved);
        assert_eq!(share(3).ratio, Some(0.75));
    }
}
