//! What the plan actions take: parsed domain values, never raw request fields.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::domain::{
    CatalogCode, CodeRule, DeadlineRule, DeadlineRules, IndicatorCode, Invalid, Name, OrgUnitCode,
    Target,
};

/// The code of a plan, used in its URL: 2 to 64 of `A-Z 0-9 . _ -`, starting with a letter or
/// digit, e.g. `TT-18-2025`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlanCode(String);

impl PlanCode {
    pub const RULE: CodeRule = CodeRule { min: 2, max: 64 };

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::RULE.check(raw)?;
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PlanCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A milestone year of a target: 2000 to 2100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetYear(i32);

impl TargetYear {
    pub const FIRST: i32 = 2000;
    pub const LAST: i32 = 2100;

    pub fn new(year: i32) -> Result<Self, Invalid> {
        if (Self::FIRST..=Self::LAST).contains(&year) {
            Ok(Self(year))
        } else {
            Err(Invalid::said(
                crate::messages::Message::new("invalid-target-year")
                    .arg("first", Self::FIRST)
                    .arg("last", Self::LAST),
            ))
        }
    }

    /// A year written as a JSON object key (`"2030"`).
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let digits = raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit());
        match raw.parse::<i32>() {
            Ok(year) if digits => Self::new(year),
            _ => Err(Invalid::said(
                crate::messages::Message::new("invalid-year")
                    .arg("raw", format!("{raw:?}"))
                    .arg("first", Self::FIRST)
                    .arg("last", Self::LAST),
            )),
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// The units an item is assigned to: at most one lead agency and any coordinating agencies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignees {
    pub lead: Option<OrgUnitCode>,
    pub coordinating: Vec<OrgUnitCode>,
}

#[derive(Debug, Clone)]
pub struct NewPlan {
    pub code: PlanCode,
    pub number: Name,
    pub issued_on: NaiveDate,
    pub title: Name,
    pub issuing_unit: OrgUnitCode,
    pub catalog: CatalogCode,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub deadlines: DeadlineRules,
}

/// Changes to a plan: `None` keeps the stored value. The code, the issuing unit and the
/// catalog are the plan's identity and do not change.
#[derive(Debug, Clone, Default)]
pub struct PlanChanges {
    pub number: Option<Name>,
    pub issued_on: Option<NaiveDate>,
    pub title: Option<Name>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub monthly: Option<DeadlineRule>,
    pub quarterly: Option<DeadlineRule>,
    pub six_monthly: Option<DeadlineRule>,
    pub yearly: Option<DeadlineRule>,
}

#[derive(Debug, Clone)]
pub struct NewPlanItem {
    pub indicator: IndicatorCode,
    pub targets: BTreeMap<TargetYear, Target>,
    pub assignees: Assignees,
    pub output_product: Option<String>,
    pub note: Option<String>,
    /// `None`: after the last item.
    pub position: Option<i32>,
}

/// Changes to an item: `None` keeps the stored value; `Some(None)` clears a nullable one.
#[derive(Debug, Clone, Default)]
pub struct ItemChanges {
    /// Per year: a new cell, or `None` to remove that year's target. Years not named stay.
    pub targets: BTreeMap<TargetYear, Option<Target>>,
    pub lead: Option<Option<OrgUnitCode>>,
    /// The whole new list of coordinating units.
    pub coordinating: Option<Vec<OrgUnitCode>>,
    pub output_product: Option<Option<String>>,
    pub note: Option<Option<String>>,
    pub position: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_years_are_four_digits_between_2000_and_2100() {
        assert_eq!(TargetYear::parse("2030").unwrap().get(), 2030);
        for bad in ["1999", "2101", "20300", "+203", "năm", ""] {
            assert!(TargetYear::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plan_codes_are_url_safe() {
        assert!(PlanCode::parse("TT-18-2025").is_ok());
        for bad in ["tt-18", "18/KH-UBND", "-TT", "T"] {
            assert!(PlanCode::parse(bad).is_err(), "{bad}");
        }
    }
}
