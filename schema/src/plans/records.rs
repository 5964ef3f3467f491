//! What the plan queries return, and the raw rows they are built from. Rows stay in this
//! module's crate; callers never see database ids or the stored spellings of the enums.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::StoreError;
use crate::domain::{DeadlineRule, DeadlineRules};
use crate::schema::{plan_item_targets, plans};

/// A plan, with the codes of what it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub code: String,
    pub number: String,
    pub issued_on: NaiveDate,
    pub title: String,
    pub issuing_unit_code: String,
    /// The issuing unit's materialised path, for scope checks.
    pub issuing_unit_path: String,
    pub catalog_code: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub deadlines: DeadlineRules,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// An item of a plan: an indicator with its targets and assignments.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub indicator_code: String,
    pub indicator_number: String,
    pub indicator_name: String,
    pub section_code: Option<String>,
    pub unit_of_measure: Option<String>,
    pub output_product: Option<String>,
    pub note: Option<String>,
    pub position: i32,
    /// By year.
    pub targets: Vec<StoredTarget>,
    pub lead_unit_code: Option<String>,
    /// In code order.
    pub coordinating_unit_codes: Vec<String>,
    pub version: i32,
}

/// A target cell as stored: the raw text and, when certain, its structure. Numbers are exact
/// decimal strings (`"3.5"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTarget {
    pub year: i32,
    pub raw: String,
    pub meaning: StoredMeaning,
    pub bound: Option<StoredBound>,
    /// The lower bound (`atLeast`, `moreThan`, `between`) or the value to reach (`reach`).
    pub low: Option<String>,
    /// The upper bound (`atMost`, `lessThan`, `between`).
    pub high: Option<String>,
    pub unit: Option<StoredUnit>,
    pub status_label: Option<String>,
    /// Why the cell is qualitative: what could not be read with certainty.
    pub doubt: Option<String>,
}

macro_rules! stored_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $db:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_db_str(self) -> &'static str {
                match self { $($name::$variant => $db),+ }
            }

            pub(crate) fn from_db(raw: &str, column: &str) -> Result<Self, StoreError> {
                match raw {
                    $($db => Ok($name::$variant),)+
                    other => Err(corrupt(column, other)),
                }
            }
        }
    };
}

stored_enum!(
    /// What a target cell was understood to mean.
    StoredMeaning { NoTarget = "none", Numeric = "numeric", Status = "status", Qualitative = "qualitative" }
);
stored_enum!(
    /// The comparison a numeric target asks for.
    StoredBound {
        AtLeast = "at_least", MoreThan = "more_than", AtMost = "at_most",
        LessThan = "less_than", Reach = "reach", Between = "between",
    }
);
stored_enum!(
    /// The unit written in a numeric target.
    StoredUnit { AsIndicator = "as_indicator", Percent = "percent", Rank = "rank" }
);
stored_enum!(
    /// How a unit takes part in an item.
    AssignmentRole { Lead = "lead", Coordinating = "coordinating" }
);

pub(crate) fn corrupt(column: &str, value: &str) -> StoreError {
    StoreError::Conflict {
        detail: format!("the stored value {value:?} of {column} is not known").into(),
    }
}

pub(crate) type PlanColumns = (
    plans::id,
    plans::code,
    plans::number,
    plans::issued_on,
    plans::title,
    plans::issuing_unit_id,
    plans::catalog_id,
    plans::valid_from,
    plans::valid_to,
    (plans::monthly_due_day, plans::monthly_due_offset),
    (plans::quarterly_due_day, plans::quarterly_due_offset),
    (plans::six_monthly_due_day, plans::six_monthly_due_offset),
    (plans::yearly_due_day, plans::yearly_due_offset),
    plans::version,
    plans::created_at,
    plans::updated_at,
);

pub(crate) const PLAN_COLUMNS: PlanColumns = (
    plans::id,
    plans::code,
    plans::number,
    plans::issued_on,
    plans::title,
    plans::issuing_unit_id,
    plans::catalog_id,
    plans::valid_from,
    plans::valid_to,
    (plans::monthly_due_day, plans::monthly_due_offset),
    (plans::quarterly_due_day, plans::quarterly_due_offset),
    (plans::six_monthly_due_day, plans::six_monthly_due_offset),
    (plans::yearly_due_day, plans::yearly_due_offset),
    plans::version,
    plans::created_at,
    plans::updated_at,
);

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(crate) struct PlanRow {
    pub id: i64,
    pub code: String,
    pub number: String,
    pub issued_on: NaiveDate,
    pub title: String,
    pub issuing_unit_id: i64,
    pub catalog_id: i64,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub monthly: (i32, i32),
    pub quarterly: (i32, i32),
    pub six_monthly: (i32, i32),
    pub yearly: (i32, i32),
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl PlanRow {
    pub fn deadlines(&self) -> Result<DeadlineRules, StoreError> {
        let rule = |(day, offset): (i32, i32), column: &str| {
            let day = u32::try_from(day).map_err(|_| corrupt(column, &day.to_string()))?;
            let offset = u32::try_from(offset).map_err(|_| corrupt(column, &offset.to_string()))?;
            DeadlineRule::new(day, offset).map_err(|_| corrupt(column, &format!("{day}/{offset}")))
        };
        Ok(DeadlineRules {
            monthly: rule(self.monthly, "plans.monthly_due_day")?,
            quarterly: rule(self.quarterly, "plans.quarterly_due_day")?,
            six_monthly: rule(self.six_monthly, "plans.six_monthly_due_day")?,
            yearly: rule(self.yearly, "plans.yearly_due_day")?,
        })
    }

    pub fn into_record(
        self,
        issuing_unit_code: String,
        issuing_unit_path: String,
        catalog_code: String,
    ) -> Result<Plan, StoreError> {
        Ok(Plan {
            deadlines: self.deadlines()?,
            code: self.code,
            number: self.number,
            issued_on: self.issued_on,
            title: self.title,
            issuing_unit_code,
            issuing_unit_path,
            catalog_code,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) type TargetColumns = (
    plan_item_targets::plan_item_id,
    plan_item_targets::year,
    plan_item_targets::raw,
    plan_item_targets::meaning,
    plan_item_targets::bound,
    plan_item_targets::low,
    plan_item_targets::high,
    plan_item_targets::unit,
    plan_item_targets::status_label,
    plan_item_targets::doubt,
);

pub(crate) const TARGET_COLUMNS: TargetColumns = (
    plan_item_targets::plan_item_id,
    plan_item_targets::year,
    plan_item_targets::raw,
    plan_item_targets::meaning,
    plan_item_targets::bound,
    plan_item_targets::low,
    plan_item_targets::high,
    plan_item_targets::unit,
    plan_item_targets::status_label,
    plan_item_targets::doubt,
);

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(crate) struct TargetRow {
    pub plan_item_id: i64,
    pub year: i32,
    pub raw: String,
    pub meaning: String,
    pub bound: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub unit: Option<String>,
    pub status_label: Option<String>,
    pub doubt: Option<String>,
}

impl TargetRow {
    pub fn into_record(self) -> Result<StoredTarget, StoreError> {
        Ok(StoredTarget {
            year: self.year,
            meaning: StoredMeaning::from_db(&self.meaning, "plan_item_targets.meaning")?,
            bound: self
                .bound
                .as_deref()
                .map(|b| StoredBound::from_db(b, "plan_item_targets.bound"))
                .transpose()?,
            unit: self
                .unit
                .as_deref()
                .map(|u| StoredUnit::from_db(u, "plan_item_targets.unit"))
                .transpose()?,
            raw: self.raw,
            low: self.low,
            high: self.high,
            status_label: self.status_label,
            doubt: self.doubt,
        })
    }
}
