//! Combining units' figures by the indicator's aggregation rule: ratios as Σ numerator /
//! Σ denominator, counts summed, statuses as the share of units that achieved them, ranks and
//! scores not summed (the unit reports its own).

use crate::domain::{Aggregation, ValueKind};
use crate::progress::Figure;

/// The combined figure, how many units went into it, and how many had to be left out because
/// their figure cannot take part (a percent entered without numerator and denominator cannot
/// join a ratio of sums).
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub figure: Option<Figure>,
    pub contributors: u32,
    pub not_aggregable: u32,
}

pub fn combine(figures: &[Figure], aggregation: Aggregation, kind: ValueKind) -> Combined {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if let [only] = figures {
        // One unit's figure is the figure, whatever the rule.
        return Combined {
            figure: Some(only.clone()),
            contributors: 1,
            not_aggregable: 0,
        };
    }
    let values: Vec<f64> = figures.iter().filter_map(|f| number_of(f, kind)).collect();
    let skipped = count(figures.len() - values.len());
    let from_values = |figure: Option<Figure>| Combined {
        contributors: if figure.is_some() {
            count(values.len())
        } else {
            0
        },
        figure,
        not_aggregable: skipped,
    };
    match aggregation {
        Aggregation::Sum => {
            from_values((!values.is_empty()).then(|| Figure::Number(values.iter().sum())))
        }
        Aggregation::Mean => from_values(
            (!values.is_empty())
                .then(|| Figure::Number(values.iter().sum::<f64>() / values.len() as f64)),
        ),
        Aggregation::Min => {
            from_values(values.iter().copied().reduce(f64::min).map(Figure::Number))
        }
        Aggregation::Max => {
            from_values(values.iter().copied().reduce(f64::max).map(Figure::Number))
        }
        Aggregation::Ratio => {
            let parts: Vec<(f64, f64)> = figures
                .iter()
                .filter_map(|figure| match *figure {
                    Figure::Ratio {
                        numerator,
                        denominator,
                    } => Some((numerator, denominator)),
                    _ => None,
                })
                .collect();
            Combined {
                figure: (!parts.is_empty()).then(|| Figure::Ratio {
                    numerator: parts.iter().map(|(n, _)| n).sum(),
                    denominator: parts.iter().map(|(_, d)| d).sum(),
                }),
                contributors: count(parts.len()),
                not_aggregable: count(figures.len() - parts.len()),
            }
        }
        Aggregation::ShareAchieved => {
            let outcomes: Vec<bool> = figures
                .iter()
                .filter_map(|figure| match figure {
                    Figure::Status { achieved, .. } => Some(*achieved),
                    _ => None,
                })
                .collect();
            Combined {
                figure: (!outcomes.is_empty()).then(|| Figure::Share {
                    achieved: count(outcomes.iter().filter(|a| **a).count()),
                    reporting: count(outcomes.len()),
                }),
                contributors: count(outcomes.len()),
                not_aggregable: count(figures.len() - outcomes.len()),
            }
        }
        // Only the unit's own figure counts; the caller passes no others.
        Aggregation::None => Combined {
            figure: None,
            contributors: 0,
            not_aggregable: count(figures.len()),
        },
    }
}

fn number_of(figure: &Figure, kind: ValueKind) -> Option<f64> {
    match figure {
        Figure::Number(_) | Figure::Ratio { .. } => figure.value(kind),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(numerator: f64, denominator: f64) -> Figure {
        Figure::Ratio {
            numerator,
            denominator,
        }
    }

    #[test]
    fn percentages_roll_up_as_a_ratio_of_sums_not_a_mean() {
        // 90/100 and 10/300: the mean of 90% and 3.3% would be 46.7%; the true share is 25%.
        let combined = combine(
            &[ratio(90.0, 100.0), ratio(10.0, 300.0)],
            Aggregation::Ratio,
            ValueKind::Percent,
        );
        assert_eq!(combined.figure, Some(ratio(100.0, 400.0)));
        assert_eq!(
            combined.figure.unwrap().value(ValueKind::Percent),
            Some(25.0)
        );
    }

    #[test]
    fn a_percent_without_its_parts_is_left_out_of_a_ratio_and_counted() {
        let combined = combine(
            &[ratio(1.0, 2.0), Figure::Number(70.0)],
            Aggregation::Ratio,
            ValueKind::Percent,
        );
        assert_eq!(combined.contributors, 1);
        assert_eq!(combined.not_aggregable, 1);
    }

    #[test]
    fn counts_sum_and_statuses_become_a_share() {
        let sum = combine(
            &[Figure::Number(3.0), Figure::Number(4.0)],
            Aggregation::Sum,
            ValueKind::Count,
        );
        assert_eq!(sum.figure, Some(Figure::Number(7.0)));
        let status = |achieved| Figure::Status {
            achieved,
            label: None,
        };
        let share = combine(
            &[status(true), status(false), status(true)],
            Aggregation::ShareAchieved,
            ValueKind::Status,
        );
        assert_eq!(
            share.figure,
            Some(Figure::Share {
                achieved: 2,
                reporting: 3
            })
        );
    }
}
