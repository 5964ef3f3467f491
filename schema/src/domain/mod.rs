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
pub use target::{Bound, Decimal, NumericTarget, Target, TargetMeaning, TargetUnit, display_of};
pub use text::{Name, OptionalText, name_key};
pub use value::{ReportedValue, ValueColumns, ValueInput};

/// Why a value could not be parsed into a domain type, in words an integrator can act on:
/// `0` in English (for logs and older callers), `1` the catalogue message when there is one, so
/// the API can say it in the caller's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String, pub Option<crate::messages::Message>);

impl Invalid {
    pub fn new(reason: impl Into<String>) -> Self {
        Self(reason.into(), None)
    }

    /// A reason from the message catalogue.
    pub fn said(message: crate::messages::Message) -> Self {
        Self(message.to_string(), Some(message))
    }

    /// The reason as a message: the catalogue's, or the English sentence as written.
    pub fn into_message(self) -> crate::messages::Message {
        self.1
            .unwrap_or_else(|| crate::messages::Message::new("text-as-written").arg("text", self.0))
    }

    pub fn into_text(self) -> crate::messages::Text {
        match self.1 {
            Some(message) => message.into(),
            None => self.0.into(),
        }
    }
}
