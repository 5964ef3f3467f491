//! A value reported for an indicator, checked against the indicator's [`ValueKind`]: a number,
//! a numerator and denominator (ratio indicators), a yes/no outcome with its label, or a text.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use super::{Invalid, ValueKind};
use crate::messages::Message;

/// What a caller sent, before it is checked against the indicator's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueInput {
    Number(f64),
    Ratio {
        numerator: f64,
        denominator: f64,
    },
    Status {
        achieved: bool,
        label: Option<String>,
    },
    Text(String),
}

/// A value that fits its indicator: built only through [`ReportedValue::parse`].
#[derive(Debug, Clone, PartialEq)]
pub enum ReportedValue {
    /// A count, decimal, rank, score, or a percent entered directly (0–100).
    Number(f64),
    /// A percent (or decimal) as numerator over denominator; it rolls up as Σ num / Σ den.
    Ratio {
        numerator: f64,
        denominator: f64,
    },
    Status {
        achieved: bool,
        label: Option<String>,
    },
    Text(String),
}

impl ReportedValue {
    pub const MAX_TEXT_CHARS: usize = 10_000;
    /// The largest magnitude of any number (count, score, rank, decimal, numerator,
    /// denominator): 10^15. Below 2^53 every whole number is exact, and a roll-up of millions
    /// of values stays finite, so no sum, share or export ever shows `inf` or `NaN`.
    pub const MAX_MAGNITUDE: f64 = 1e15;

    /// Checks `input` against `kind`:
    /// - percent: a number 0–100, or a ratio with denominator > 0 and 0 ≤ numerator ≤ denominator;
    /// - count: a non-negative whole number; rank: a whole number ≥ 1;
    /// - decimal, score: a finite number (a decimal may also be a ratio with denominator > 0);
    /// - every number (numerators and denominators too) at most [`Self::MAX_MAGNITUDE`] in
    ///   magnitude;
    /// - status: achieved yes/no with an optional label (Đạt, Có, Duy trì …);
    /// - text: non-empty, NFC-normalised.
    pub fn parse(kind: ValueKind, input: ValueInput) -> Result<Self, Invalid> {
        let expected = || {
            Invalid::said(
                Message::new("value-kind-takes")
                    .message("kind", kind.message())
                    .message(
                        "expected",
                        Message::new(match kind {
                            ValueKind::Percent => "value-takes-percent",
                            ValueKind::Count => "value-takes-count",
                            ValueKind::Rank => "value-takes-rank",
                            ValueKind::Decimal => "value-takes-decimal",
                            ValueKind::Score => "value-takes-score",
                            ValueKind::Status => "value-takes-status",
                            ValueKind::Text => "value-takes-text",
                        }),
                    ),
            )
        };
        match (kind, input) {
            (_, ValueInput::Number(n) | ValueInput::Ratio { numerator: n, .. })
                if !n.is_finite() =>
            {
                Err(Invalid::said(Message::new("value-not-finite")))
            }
            (_, ValueInput::Ratio { denominator: n, .. }) if !n.is_finite() => {
                Err(Invalid::said(Message::new("value-denominator-not-finite")))
            }
            (_, ValueInput::Number(n))
            | (_, ValueInput::Ratio { numerator: n, .. })
            | (_, ValueInput::Ratio { denominator: n, .. })
                if n.abs() > Self::MAX_MAGNITUDE =>
            {
                Err(Invalid::said(
                    Message::new("value-out-of-range").arg("n", n),
                ))
            }
            (ValueKind::Percent, ValueInput::Number(n)) => {
                if (0.0..=100.0).contains(&n) {
                    Ok(Self::Number(n))
                } else {
                    Err(Invalid::said(
                        Message::new("value-percent-range").arg("n", n),
                    ))
                }
            }
            (
                ValueKind::Percent | ValueKind::Decimal,
                ValueInput::Ratio {
                    numerator,
                    denominator,
                },
            ) => {
                if !denominator.is_finite() || denominator <= 0.0 {
                    return Err(Invalid::said(
                        Message::new("value-denominator-positive").arg("denominator", denominator),
                    ));
                }
                if kind == ValueKind::Percent && !(0.0..=denominator).contains(&numerator) {
                    return Err(Invalid::said(
                        Message::new("value-numerator-range")
                            .arg("denominator", denominator)
                            .arg("numerator", numerator),
                    ));
                }
                Ok(Self::Ratio {
                    numerator,
                    denominator,
                })
            }
            (ValueKind::Count, ValueInput::Number(n)) => {
                if n >= 0.0 && n.fract() == 0.0 {
                    Ok(Self::Number(n))
                } else {
                    Err(Invalid::said(Message::new("value-count").arg("n", n)))
                }
            }
            (ValueKind::Rank, ValueInput::Number(n)) => {
                if n >= 1.0 && n.fract() == 0.0 {
                    Ok(Self::Number(n))
                } else {
                    Err(Invalid::said(Message::new("value-rank").arg("n", n)))
                }
            }
            (ValueKind::Decimal | ValueKind::Score, ValueInput::Number(n)) => Ok(Self::Number(n)),
            (ValueKind::Status, ValueInput::Status { achieved, label }) => {
                let label = match label {
                    None => None,
                    Some(raw) => Some(non_empty_nfc(&raw, 200)?),
                };
                Ok(Self::Status { achieved, label })
            }
            (ValueKind::Text, ValueInput::Text(raw)) => {
                Ok(Self::Text(non_empty_nfc(&raw, Self::MAX_TEXT_CHARS)?))
            }
            _ => Err(expected()),
        }
    }

    /// Rebuilds a stored value; the columns were written by [`ReportedValue::columns`].
    pub fn from_columns(columns: ValueColumns) -> Option<Self> {
        match columns {
            ValueColumns {
                numerator: Some(numerator),
                denominator: Some(denominator),
                ..
            } => Some(Self::Ratio {
                numerator,
                denominator,
            }),
            ValueColumns {
                number: Some(n), ..
            } => Some(Self::Number(n)),
            ValueColumns {
                achieved: Some(achieved),
                text,
                ..
            } => Some(Self::Status {
                achieved,
                label: text,
            }),
            ValueColumns { text: Some(t), .. } => Some(Self::Text(t)),
            _ => None,
        }
    }

    /// The columns of `report_values` that hold this value (a status keeps its label as text).
    pub fn columns(&self) -> ValueColumns {
        let mut columns = ValueColumns::default();
        match self {
            Self::Number(n) => columns.number = Some(*n),
            Self::Ratio {
                numerator,
                denominator,
            } => {
                columns.numerator = Some(*numerator);
                columns.denominator = Some(*denominator);
            }
            Self::Status { achieved, label } => {
                columns.achieved = Some(*achieved);
                columns.text = label.clone();
            }
            Self::Text(text) => columns.text = Some(text.clone()),
        }
        columns
    }
}

/// The stored columns of a value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValueColumns {
    pub number: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub achieved: Option<bool>,
    pub text: Option<String>,
}

/// A canonical, unambiguous text of the value, as written in the audit trail:
/// `12`, `45/50`, `achieved (Đạt)`, `not achieved`, `"text"`.
impl fmt::Display for ReportedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Ratio {
                numerator,
                denominator,
            } => write!(f, "{numerator}/{denominator}"),
            Self::Status { achieved, label } => {
                f.write_str(if *achieved {
                    "achieved"
                } else {
                    "not achieved"
                })?;
                match label {
                    Some(label) => write!(f, " ({label})"),
                    None => Ok(()),
                }
            }
            Self::Text(text) => write!(f, "{text:?}"),
        }
    }
}

fn non_empty_nfc(raw: &str, max: usize) -> Result<String, Invalid> {
    let text: String = raw.trim().nfc().collect();
    if text.is_empty() {
        return Err(Invalid::said(Message::new("invalid-empty")));
    }
    if text.chars().count() > max {
        return Err(Invalid::said(
            Message::new("invalid-too-long").arg("max", max),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: ValueKind, input: ValueInput) -> Result<ReportedValue, Invalid> {
        ReportedValue::parse(kind, input)
    }

    #[test]
    fn a_percent_is_a_ratio_within_its_denominator_or_a_number_up_to_100() {
        let ratio = |n, d| ValueInput::Ratio {
            numerator: n,
            denominator: d,
        };
        assert!(parse(ValueKind::Percent, ratio(45.0, 50.0)).is_ok());
        assert!(parse(ValueKind::Percent, ratio(51.0, 50.0)).is_err());
        assert!(parse(ValueKind::Percent, ratio(1.0, 0.0)).is_err());
        assert!(parse(ValueKind::Percent, ValueInput::Number(100.0)).is_ok());
        assert!(parse(ValueKind::Percent, ValueInput::Number(100.5)).is_err());
        assert!(parse(ValueKind::Decimal, ratio(5.0, 2.0)).is_ok());
    }

    #[test]
    fn numbers_beyond_ten_to_the_fifteenth_are_refused_so_roll_ups_stay_finite_and_exact() {
        let huge = ValueInput::Number(1.7e308);
        assert!(parse(ValueKind::Score, huge).is_err());
        // Above 2^53 this would be stored as …992.
        assert!(
            parse(
                ValueKind::Count,
                ValueInput::Number(9_007_199_254_740_993.0)
            )
            .is_err()
        );
        let ratio = ValueInput::Ratio {
            numerator: 1.0,
            denominator: 2e15,
        };
        assert!(parse(ValueKind::Decimal, ratio).is_err());
        assert!(parse(ValueKind::Count, ValueInput::Number(1e15)).is_ok());
        assert!(parse(ValueKind::Score, ValueInput::Number(-1e15)).is_ok());
    }

    #[test]
    fn counts_are_whole_and_non_negative_and_ranks_start_at_one() {
        assert!(parse(ValueKind::Count, ValueInput::Number(3.0)).is_ok());
        assert!(parse(ValueKind::Count, ValueInput::Number(-1.0)).is_err());
        assert!(parse(ValueKind::Count, ValueInput::Number(1.5)).is_err());
        assert!(parse(ValueKind::Rank, ValueInput::Number(0.0)).is_err());
        assert!(parse(ValueKind::Rank, ValueInput::Number(12.0)).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_shape_names_what_the_kind_takes() {
        let error = parse(ValueKind::Status, ValueInput::Number(1.0)).unwrap_err();
        assert!(error.0.contains("achieved"), "{error}");
        assert!(parse(ValueKind::Text, ValueInput::Text("  ".into())).is_err());
    }

    #[test]
    fn texts_and_labels_are_stored_in_nfc() {
        let decomposed = "Đa\u{323}t";
        let value = parse(
            ValueKind::Status,
            ValueInput::Status {
                achieved: true,
                label: Some(decomposed.into()),
            },
        )
        .unwrap();
        assert_eq!(value.to_string(), "achieved (Đạt)");
        assert_eq!(ReportedValue::from_columns(value.columns()), Some(value));
    }
}
