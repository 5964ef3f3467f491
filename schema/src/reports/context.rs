//! What a report hangs on, read with this module's own queries: the unit, the plan with its
//! validity and deadline rules, and the indicators assigned to the unit in the plan.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::key::ReportKey;
use super::record::{REPORT_COLUMNS, ReportRow};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{DeadlineRule, DeadlineRules, Period, ValueKind};
use crate::schema::{indicators, org_units, plan_item_assignments, plan_items, plans, reports};

/// A unit as reports need it: its place in the tree decides who may read and approve.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub path: String,
    pub parent_id: Option<i64>,
}

/// The unit with `code`; 404 when there is none.
pub fn unit_ref(conn: &mut Db, code: &str) -> Result<UnitRef, StoreError> {
    org_units::table
        .filter(org_units::code.eq(code))
        .select((
            org_units::id,
            org_units::code,
            org_units::path,
            org_units::parent_id,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading an organisation unit"))?
        .ok_or_else(|| StoreError::not_found("organisation unit", code))
}

#[derive(Debug, Clone, Queryable)]
pub(super) struct PlanRef {
    pub id: i64,
    pub code: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub monthly: (i32, i32),
    pub quarterly: (i32, i32),
    pub six_monthly: (i32, i32),
    pub yearly: (i32, i32),
}

impl PlanRef {
    /// The plan's deadline rules; a stored rule that is out of range is reported, not guessed.
    pub fn deadline_rules(&self) -> Result<DeadlineRules, StoreError> {
        let rule = |(day, offset): (i32, i32)| {
            let day = u32::try_from(day).unwrap_or(0);
            let offset = u32::try_from(offset).unwrap_or(u32::MAX);
            DeadlineRule::new(day, offset).map_err(|invalid| StoreError::Conflict {
                detail: format!("plan {} has an invalid deadline rule: {invalid}", self.code)
                    .into(),
            })
        };
        Ok(DeadlineRules {
            monthly: rule(self.monthly)?,
            quarterly: rule(self.quarterly)?,
            six_monthly: rule(self.six_monthly)?,
            yearly: rule(self.yearly)?,
        })
    }

    /// Why a report for `period` cannot exist under this plan: the period must lie within the
    /// plan's validity.
    pub fn period_outside(&self, period: &Period) -> Option<crate::messages::Message> {
        (period.start() < self.valid_from || period.end() > self.valid_to).then(|| {
            crate::messages::Message::new("report-period-outside-plan")
                .arg("period", period)
                .arg("start", period.start())
                .arg("end", period.end())
                .arg("plan", &self.code)
                .arg("from", self.valid_from)
                .arg("to", self.valid_to)
        })
    }

    /// When a report for `period` falls due (`None` for ad-hoc periods).
    pub fn due_at(&self, period: &Period) -> Result<Option<NaiveDateTime>, StoreError> {
        Ok(self
            .deadline_rules()?
            .for_period(period)
            .map(|rule| rule.due_at(period).naive_utc()))
    }
}

pub(super) fn plan_ref(conn: &mut Db, code: &str) -> Result<PlanRef, StoreError> {
    plans::table
        .filter(plans::code.eq(code))
        .select((
            plans::id,
            plans::code,
            plans::valid_from,
            plans::valid_to,
            (plans::monthly_due_day, plans::monthly_due_offset),
            (plans::quarterly_due_day, plans::quarterly_due_offset),
            (plans::six_monthly_due_day, plans::six_monthly_due_offset),
            (plans::yearly_due_day, plans::yearly_due_offset),
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a plan"))?
        .ok_or_else(|| StoreError::not_found("plan", code))
}

/// An indicator the unit reports in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Assigned {
    pub indicator_id: i64,
    pub code: String,
    pub kind: ValueKind,
}

/// The indicators `unit_id` reports in the plan: those assigned to it, or every item of the
/// plan when the unit issued it (its own report consolidates the whole plan).
pub(super) fn assigned_indicators(
    conn: &mut Db,
    plan_id: i64,
    unit_id: i64,
) -> Result<Vec<Assigned>, StoreError> {
    let issued_here = plans::table
        .filter(plans::id.eq(plan_id))
        .filter(plans::issuing_unit_id.eq(unit_id))
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("reading the plan's issuing unit"))?
        > 0;
    let mut query = plan_items::table
        .inner_join(indicators::table)
        .filter(plan_items::plan_id.eq(plan_id))
        .order(plan_items::position)
        .select((indicators::id, indicators::code, indicators::value_kind))
        .into_boxed();
    if !issued_here {
        let assigned_items = plan_item_assignments::table
            .filter(plan_item_assignments::unit_id.eq(unit_id))
            .select(plan_item_assignments::plan_item_id);
        query = query.filter(plan_items::id.eq_any(assigned_items));
    }
    let rows: Vec<(i64, String, String)> = query
        .load(conn)
        .map_err(StoreError::database("reading the unit's assignments"))?;
    rows.into_iter()
        .map(|(indicator_id, code, kind)| {
            let kind = ValueKind::from_db_str(&kind).map_err(|invalid| StoreError::Conflict {
                detail: format!("indicator {code} has a stored kind that is not known: {invalid}")
                    .into(),
            })?;
            Ok(Assigned {
                indicator_id,
                code,
                kind,
            })
        })
        .collect()
}

/// The unit, plan and stored report a key names.
pub(super) struct Located {
    pub unit: UnitRef,
    pub plan: PlanRef,
    pub row: ReportRow,
}

pub(super) fn locate(conn: &mut Db, key: &ReportKey) -> Result<Located, StoreError> {
    let unit = unit_ref(conn, key.unit.as_str())?;
    let plan = plan_ref(conn, &key.plan)?;
    let period = key.period.to_string();
    let row = reports::table
        .filter(reports::unit_id.eq(unit.id))
        .filter(reports::plan_id.eq(plan.id))
        .filter(reports::period.eq(&period))
        .select(REPORT_COLUMNS)
        .first::<ReportRow>(conn)
        .optional()
        .map_err(StoreError::database("reading a report"))?
        .ok_or_else(|| {
            StoreError::not_found("report", format!("{}/{}/{period}", unit.code, plan.code))
        })?;
    Ok(Located { unit, plan, row })
}
