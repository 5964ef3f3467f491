//! Domain types: each is parsed once at the edge and valid from then on.

mod catalog;
mod codes;
mod org_kind;
mod period;
mod target;
mod text;
mod value;
mod value_text;

#[cfg(test)]
mod pattern_tests;

pub use catalog::{
    Aggregation, Direction, IndicatorNumber, PeriodAggregation, SectionCode, ValueKind,
};
pub use codes::{CatalogCode, CodeRule, IndicatorCode, OrgUnitCode};
pub use org_kind::OrgUnitKind;
pub use period::{DeadlineRule, DeadlineRules, Period, PeriodType, VIETNAM_OFFSET};
pub use target::{Bound, Decimal, NumericTarget, Target, TargetMeaning, TargetUnit};
pub use text::{Name, OptionalText, name_key};
pub use value::{ReportedValue, ValueColumns, ValueInput};

/// Why a value could not be parsed into a domain type, in words an integrator can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

impl Invalid {
    pub fn new(reason: impl Into<String>) -> Self {
        Self(reason.into())
    }
}
