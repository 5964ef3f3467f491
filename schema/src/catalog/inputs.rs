//! Parsed inputs of the catalog's write actions: every value here is already valid on its own;
//! the store checks only what needs the database (existence, uniqueness, the tree).

use crate::domain::{
    Aggregation, CatalogCode, Direction, IndicatorCode, IndicatorNumber, Invalid, Name,
    OptionalText, OrgUnitKind, PeriodAggregation, SectionCode, ValueKind,
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
    pub period_aggregation: Option<PeriodAggregation>,
    pub precision: Option<Option<Precision>>,
    pub position: Option<Position>,
    pub description: Option<OptionalText>,
}

/// What an indicator measures and how its values roll up, across units and across periods,
/// known to fit together: ranks and scores never sum, percentages roll up as a ratio of sums,
/// a status is never summed or averaged over months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    value_kind: ValueKind,
    direction: Direction,
    aggregation: Aggregation,
    period_aggregation: PeriodAggregation,
}

/// A part of a measure that does not fit its value kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureMisfit {
    /// The request field's name (`aggregation`, `periodAggregation`).
    pub field: &'static str,
    pub reason: Invalid,
}

impl Measure {
    /// Fills what is missing with the kind's defaults. Every part that does not fit the kind
    /// is reported, so a caller can fix them in one go.
    pub fn parse(
        value_kind: ValueKind,
        direction: Option<Direction>,
        aggregation: Option<Aggregation>,
        period_aggregation: Option<PeriodAggregation>,
    ) -> Result<Self, Vec<MeasureMisfit>> {
        let aggregation = aggregation.unwrap_or(value_kind.default_aggregation());
        let period_aggregation =
            period_aggregation.unwrap_or(value_kind.default_period_aggregation());
        let misfits: Vec<MeasureMisfit> = [
            ("aggregation", value_kind.check_aggregation(aggregation)),
            (
                "periodAggregation",
                value_kind.check_period_aggregation(period_aggregation),
            ),
        ]
        .into_iter()
        .filter_map(|(field, check)| check.err().map(|reason| MeasureMisfit { field, reason }))
        .collect();
        if !misfits.is_empty() {
            return Err(misfits);
        }
        Ok(Self {
            value_kind,
            direction: direction.unwrap_or(value_kind.default_direction()),
            aggregation,
            period_aggregation,
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

    pub fn period_aggregation(self) -> PeriodAggregation {
        self.period_aggregation
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
            Err(Invalid::said(
                crate::messages::Message::new("invalid-decimals").arg("max", Self::MAX),
            ))
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
            Err(Invalid::said(
                crate::messages::Message::new("invalid-between-zero-and").arg("max", Self::MAX),
            ))
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
        let rank = Measure::parse(ValueKind::Rank, None, None, None).unwrap();
        assert_eq!(rank.direction(), Direction::LowerIsBetter);
        assert_eq!(rank.aggregation(), Aggregation::None);
        assert_eq!(rank.period_aggregation(), PeriodAggregation::Last);
        let percent = Measure::parse(ValueKind::Percent, None, None, None).unwrap();
        assert_eq!(percent.aggregation(), Aggregation::Ratio);
        let count = Measure::parse(ValueKind::Count, None, None, None).unwrap();
        assert_eq!(count.period_aggregation(), PeriodAggregation::Sum);
    }

    #[test]
    fn a_rank_that_sums_is_refused_with_the_reason() {
        let misfits =
            Measure::parse(ValueKind::Rank, None, Some(Aggregation::Sum), None).unwrap_err();
        assert_eq!(misfits.len(), 1);
        assert_eq!(misfits[0].field, "aggregation");
        assert!(misfits[0].reason.0.contains("do not sum"), "{misfits:?}");
    }

    #[test]
    fn a_status_summed_over_months_is_refused_naming_the_period_aggregation() {
        let misfits = Measure::parse(ValueKind::Status, None, None, Some(PeriodAggregation::Sum))
            .unwrap_err();
        assert_eq!(misfits.len(), 1);
        assert_eq!(misfits[0].field, "periodAggregation");
    }

    #[test]
    fn both_misfits_of_a_measure_are_reported_at_once() {
        let misfits = Measure::parse(
            ValueKind::Score,
            None,
            Some(Aggregation::Sum),
            Some(PeriodAggregation::Sum),
        )
        .unwrap_err();
        let fields: Vec<&str> = misfits.iter().map(|m| m.field).collect();
        assert_eq!(fields, ["aggregation", "periodAggregation"]);
    }

    #[test]
    fn precision_is_between_zero_and_six() {
        assert!(Precision::parse(0).is_ok());
        assert!(Precision::parse(6).is_ok());
        assert!(Precision::parse(7).is_err());
        assert!(Precision::parse(-1).is_err());
    }
}
