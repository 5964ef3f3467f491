//! Parsed inputs of the catalog's write actions: every value here is already valid on its own;
//! the store checks only what needs the database (existence, uniqueness, the tree).

use crate::domain::{
    Aggregation, CatalogCode, Direction, IndicatorCode, IndicatorNumber, Invalid, Name,
    OptionalText, OrgUnitKind, SectionCode, ValueKind,
};

pub struct NewCatalog {
    pub code: CatalogCode,
    pub name: Name,
    pub description: OptionalText,
    /// The level of government whose plans use the catalog, when it is specific to one.
    pub level: Option<OrgUnitKind>,
}

/// `None` keeps a field; `Some(None)` clears a nullable one.
#[derive(Default)]
pub struct CatalogChanges {
    pub name: Option<Name>,
    pub description: Option<OptionalText>,
    pub level: Option<Option<OrgUnitKind>>,
}

pub struct NewSection {
    pub code: SectionCode,
    pub title: Name,
    /// `None`: the numeral's value, so IV sorts after III.
    pub position: Option<Position>,
}

#[derive(Default)]
pub struct SectionChanges {
    pub title: Option<Name>,
    pub position: Option<Position>,
}

pub struct NewIndicator {
    pub catalog: CatalogCode,
    pub code: IndicatorCode,
    pub number: IndicatorNumber,
    pub name: Name,
    pub section: Option<SectionCode>,
    /// `None`: the item numbered like this one's parent number (7 for 7.1), when it exists.
    pub parent: Option<IndicatorCode>,
    pub unit_of_measure: Option<Name>,
    pub measure: Measure,
    pub precision: Option<Precision>,
    /// `None`: after the last indicator of the catalog.
    pub position: Option<Position>,
    pub description: OptionalText,
}

/// `None` keeps a field; `Some(None)` clears a nullable one.
#[derive(Default)]
pub struct IndicatorChanges {
    pub number: Option<IndicatorNumber>,
    pub name: Option<Name>,
    pub section: Option<Option<SectionCode>>,
    pub parent: Option<Option<IndicatorCode>>,
    pub unit_of_measure: Option<Option<Name>>,
    pub value_kind: Option<ValueKind>,
    pub direction: Option<Direction>,
    pub aggregation: Option<Aggregation>,
    pub precision: Option<Option<Precision>>,
    pub position: Option<Position>,
    pub description: Option<OptionalText>,
}

/// What an indicator measures and how its values roll up, known to fit together: ranks and
/// scores never sum, percentages roll up as a ratio of sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    value_kind: ValueKind,
    direction: Direction,
    aggregation: Aggregation,
}

impl Measure {
    /// Fills what is missing with the kind's defaults; the error is about the aggregation.
    pub fn parse(
        value_kind: ValueKind,
        direction: Option<Direction>,
        aggregation: Option<Aggregation>,
    ) -> Result<Self, Invalid> {
        let aggregation = aggregation.unwrap_or(value_kind.default_aggregation());
        value_kind.check_aggregation(aggregation)?;
        Ok(Self {
            value_kind,
            direction: direction.unwrap_or(value_kind.default_direction()),
            aggregation,
        })
    }

    pub fn value_kind(self) -> ValueKind {
        self.value_kind
    }

    pub fn direction(self) -> Direction {
        self.direction
    }

    pub fn aggregation(self) -> Aggregation {
        self.aggregation
    }
}

/// How many decimals a value is shown and exchanged with: 0 to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Precision(i32);

impl Precision {
    pub const MAX: i32 = 6;

    pub fn parse(raw: i32) -> Result<Self, Invalid> {
        if (0..=Self::MAX).contains(&raw) {
            Ok(Self(raw))
        } else {
            Err(Invalid::new(format!(
                "must be between 0 and {} decimals",
                Self::MAX
            )))
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// An ordering key among siblings: 0 to 1,000,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position(i32);

impl Position {
    pub const MAX: i32 = 1_000_000;

    pub fn parse(raw: i32) -> Result<Self, Invalid> {
        if (0..=Self::MAX).contains(&raw) {
            Ok(Self(raw))
        } else {
            Err(Invalid::new(format!("must be between 0 and {}", Self::MAX)))
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_takes_the_defaults_of_its_kind() {
        let rank = Measure::parse(ValueKind::Rank, None, None).unwrap();
        assert_eq!(rank.direction(), Direction::LowerIsBetter);
        assert_eq!(rank.aggregation(), Aggregation::None);
        let percent = Measure::parse(ValueKind::Percent, None, None).unwrap();
        assert_eq!(percent.aggregation(), Aggregation::Ratio);
    }

    #[test]
    fn a_rank_that_sums_is_refused_with_the_reason() {
        let error = Measure::parse(ValueKind::Rank, None, Some(Aggregation::Sum)).unwrap_err();
        assert!(error.0.contains("do not sum"), "{error}");
    }

    #[test]
    fn precision_is_between_zero_and_six() {
        assert!(Precision::parse(0).is_ok());
        assert!(Precision::parse(6).is_ok());
        assert!(Precision::parse(7).is_err());
        assert!(Precision::parse(-1).is_err());
    }
}
