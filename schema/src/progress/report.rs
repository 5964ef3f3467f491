//! A unit's progress against its plan for one period: the appendix table of a periodic report
//! (No. | indicator | target of the year | actual to date | compared with the plan target),
//! grouped by the catalog's sections, with the trajectory toward the next milestone.

use chrono::NaiveDate;

use super::assess::Assessment;
use super::figure::Figure;
use super::trajectory::Trajectory;
use crate::domain::{Aggregation, Direction, OrgUnitKind, Period, ValueKind};
use crate::plans::{StoredTarget, TargetSource};

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressReport {
    pub unit: UnitHeading,
    pub plan: PlanHeading,
    pub period: Period,
    /// The year whose targets apply: the year of the period's last day.
    pub target_year: i32,
    pub approved_only: bool,
    pub sections: Vec<ProgressSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitHeading {
    pub code: String,
    pub name: String,
    pub kind: OrgUnitKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHeading {
    pub code: String,
    pub number: String,
    pub title: String,
    pub issued_on: NaiveDate,
}

/// Items of one catalog section (Roman numeral and title), in plan order; items outside any
/// section come in a section without code.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressSection {
    pub code: Option<String>,
    pub title: Option<String>,
    pub rows: Vec<ProgressRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    pub number: String,
    pub indicator_code: String,
    pub indicator_name: String,
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub direction: Direction,
    pub aggregation: Aggregation,
    /// The target that applies in the target year, and where it came from.
    pub target: Option<StoredTarget>,
    pub target_source: TargetSource,
    /// The unit's figure for the period: its own, or rolled up over its subtree.
    pub actual: Option<Figure>,
    /// The figure as one number in the indicator's unit, when it has one.
    pub actual_value: Option<f64>,
    /// Units whose figures went into `actual`.
    pub reporting_units: u32,
    pub assessment: Assessment,
    /// Toward the next milestone after the target year that sets a numeric target.
    pub trajectory: Option<Trajectory>,
}

impl ProgressReport {
    pub fn rows(&self) -> impl Iterator<Item = &ProgressRow> {
        self.sections.iter().flat_map(|section| section.rows.iter())
    }
}
