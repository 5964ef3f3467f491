//! What a unit's figure for one indicator and period is, once its own values (or its subtree's)
//! have been rolled up.

use crate::domain::ValueKind;

#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A count, decimal, rank or score, a mean, minimum or maximum, or a percent entered directly.
    Number(f64),
    /// Σ numerator / Σ denominator over the units that reported both.
    Ratio {
        numerator: f64,
        denominator: f64,
    },
    /// One unit's yes/no outcome.
    Status {
        achieved: bool,
        label: Option<String>,
    },
    /// A yes/no outcome rolled up: the units that achieved it out of those that reported it.
    Share {
        achieved: u32,
        reporting: u32,
    },
    Text(String),
}

impl Figure {
    /// The figure as one number in the indicator's unit: a ratio of a percent indicator is
    /// ×100, a share is the percent of units that achieved it. Statuses and texts have none.
    pub fn value(&self, kind: ValueKind) -> Option<f64> {
        match *self {
            Figure::Number(n) => Some(n),
            Figure::Ratio {
                numerator,
                denominator,
            } if denominator > 0.0 => {
                let ratio = numerator / denominator;
                Some(if kind == ValueKind::Percent {
                    ratio * 100.0
                } else {
                    ratio
                })
            }
            Figure::Share {
                achieved,
                reporting,
            } if reporting > 0 => Some(f64::from(achieved) * 100.0 / f64::from(reporting)),
            _ => None,
        }
    }

    /// How the figure reads in a table: `75`, `12,5` (Vietnamese decimal comma), `Đạt`.
    pub fn display(&self, kind: ValueKind) -> String {
        match self {
            Figure::Status { achieved, label } => label
                .clone()
                .unwrap_or_else(|| if *achieved { "Đạt" } else { "Chưa đạt" }.to_owned()),
            Figure::Text(text) => text.clone(),
            Figure::Share {
                achieved,
                reporting,
            } => format!("{achieved}/{reporting} đơn vị đạt"),
            _ => match self.value(kind) {
                Some(value) => {
                    let shown = format_number(value);
                    if kind == ValueKind::Percent {
                        format!("{shown}%")
                    } else {
                        shown
                    }
                }
                None => String::new(),
            },
        }
    }
}

/// A number as Vietnamese documents write it: at most two decimals, decimal comma.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let two = format!("{rounded:.2}");
        two.trim_end_matches('0').to_owned()
    };
    text.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_ratio_reads_as_a_percent() {
        let figure = Figure::Ratio {
            numerator: 30.0,
            denominator: 40.0,
        };
        assert_eq!(figure.value(ValueKind::Percent), Some(75.0));
        assert_eq!(figure.display(ValueKind::Percent), "75%");
    }

    #[test]
    fn decimals_are_written_with_a_comma() {
        assert_eq!(format_number(12.5), "12,5");
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(2.456), "2,46");
    }

    #[test]
    fn a_share_is_the_percent_of_units_that_achieved() {
        let share = Figure::Share {
            achieved: 1,
            reporting: 4,
        };
        assert_eq!(share.value(ValueKind::Status), Some(25.0));
    }
}
