//! A rule's parts and how one rule judges one set of values: DHIS2's operators (named in
//! camelCase here; DHIS2 writes `equal_to`, `compulsory_pair` …) and its semantics from
//! `DataValidationRunner.isViolation`: a pair operator looks only at which sides have a value;
//! the others compare two values and are skipped when a side has none.

use std::collections::HashMap;

use super::expression::{Expression, MissingValueStrategy, SideValue};
use crate::domain::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    EqualTo,
    NotEqualTo,
    GreaterThan,
    GreaterThanOrEqualTo,
    LessThan,
    LessThanOrEqualTo,
    /// Both sides have a value, or neither has.
    CompulsoryPair,
    /// Not both sides have a value.
    ExclusivePair,
}

impl Operator {
    pub const ALL: [Operator; 8] = [
        Self::EqualTo,
        Self::NotEqualTo,
        Self::GreaterThan,
        Self::GreaterThanOrEqualTo,
        Self::LessThan,
        Self::LessThanOrEqualTo,
        Self::CompulsoryPair,
        Self::ExclusivePair,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::EqualTo => "equalTo",
            Self::NotEqualTo => "notEqualTo",
            Self::GreaterThan => "greaterThan",
            Self::GreaterThanOrEqualTo => "greaterThanOrEqualTo",
            Self::LessThan => "lessThan",
            Self::LessThanOrEqualTo => "lessThanOrEqualTo",
            Self::CompulsoryPair => "compulsoryPair",
            Self::ExclusivePair => "exclusivePair",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str() == raw)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|o| o.as_str()).collect();
                Invalid::new(format!("must be one of {}, not {raw:?}", names.join(", ")))
            })
    }

    /// The sign between the sides, as people read a violation.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::EqualTo => "=",
            Self::NotEqualTo => "≠",
            Self::GreaterThan => ">",
            Self::GreaterThanOrEqualTo => "≥",
            Self::LessThan => "<",
            Self::LessThanOrEqualTo => "≤",
            Self::CompulsoryPair => "[cặp bắt buộc]",
            Self::ExclusivePair => "[cặp loại trừ]",
        }
    }

    fn holds(self, left: f64, right: f64) -> bool {
        // Values come from decimal inputs and sums; compare with a tolerance so 0.1 + 0.2
        // equals 0.3 as a person expects.
        let tolerance = 1e-9 * left.abs().max(right.abs()).max(1.0);
        let equal = (left - right).abs() <= tolerance;
        match self {
            Self::EqualTo => equal,
            Self::NotEqualTo => !equal,
            Self::GreaterThan => left > right && !equal,
            Self::GreaterThanOrEqualTo => left > right || equal,
            Self::LessThan => left < right && !equal,
            Self::LessThanOrEqualTo => left < right || equal,
            Self::CompulsoryPair | Self::ExclusivePair => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Importance {
    /// A violation refuses the submission.
    Blocking,
    /// A violation must be acknowledged on submission.
    Warning,
}

impl Importance {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Blocking => "blocking",
            Self::Warning => "warning",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw {
            "blocking" => Ok(Self::Blocking),
            "warning" => Ok(Self::Warning),
            other => Err(Invalid::new(format!(
                "must be blocking or warning, not {other:?}"
            ))),
        }
    }
}

/// What a rule checks, however it was defined (stored, or derived from the catalog).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDefinition {
    pub code: String,
    pub name: String,
    pub left: Expression,
    pub operator: Operator,
    pub right: Expression,
    pub importance: Importance,
    pub missing_value_strategy: MissingValueStrategy,
    pub built_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Violated,
    /// Not judged: a side has no value (missing, or a division by zero).
    Skipped,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Violated => "violated",
            Self::Skipped => "skipped",
        }
    }
}

/// One rule judged over one report's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub rule: RuleDefinition,
    pub left: SideValue,
    pub right: SideValue,
    pub outcome: Outcome,
}

impl RuleDefinition {
    pub fn judge(&self, values: &HashMap<String, f64>) -> Judgement {
        let left = self.left.evaluate(values, self.missing_value_strategy);
        let right = self.right.evaluate(values, self.missing_value_strategy);
        let outcome = match self.operator {
            Operator::CompulsoryPair if left.value().is_some() != right.value().is_some() => {
                Outcome::Violated
            }
            Operator::ExclusivePair if left.value().is_some() && right.value().is_some() => {
                Outcome::Violated
            }
            Operator::CompulsoryPair | Operator::ExclusivePair => Outcome::Passed,
            operator => match (left.value(), right.value()) {
                (Some(l), Some(r)) if operator.holds(l, r) => Outcome::Passed,
                (Some(_), Some(_)) => Outcome::Violated,
                _ => Outcome::Skipped,
            },
        };
        Judgement {
            rule: self.clone(),
            left,
            right,
            outcome,
        }
    }
}

#[cfg(test)]
#[path = "rule_tests.rs"]
mod tests;
