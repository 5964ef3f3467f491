//! The queries behind completeness, each one set query over the whole subtree: never one per
//! unit or per plan, so a national month costs the same handful of round trips as a commune.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::StoreError;
use crate::db::{Db, MultiBackend};
use crate::domain::{DeadlineRule, DeadlineRules, Period};
use crate::org_units::path;
use crate::schema::{org_units, plan_item_assignments, plan_items, plans, reports};

/// The queried unit.
#[derive(Debug, Clone, Queryable)]
pub(super) struct Root {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub path: String,
}

pub(super) fn root(conn: &mut Db, code: &str) -> Result<Root, StoreError> {
    org_units::table
        .filter(org_units::code.eq(code))
        .select((
            org_units::id,
            org_units::code,
            org_units::name,
            org_units::path,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database(
            "reading the unit of a completeness query",
        ))?
        .ok_or_else(|| StoreError::not_found("organisation unit", code))
}

/// The subtree's path range and the period's bounds, shared by every query.
pub(super) struct Window {
    lower: String,
    upper: String,
    start: NaiveDate,
    end: NaiveDate,
    period: String,
}

impl Window {
    pub fn of(root_path: &str, period: &Period) -> Self {
        Self {
            lower: root_path.to_owned(),
            upper: path::upper_bound(root_path),
            start: period.start(),
            end: period.end(),
            period: period.to_string(),
        }
    }

    /// Whether a unit valid from `from` to `to` was open during the period.
    pub fn is_open(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        from.is_none_or(|from| from <= self.end) && to.is_none_or(|to| to > self.start)
    }
}

/// A plan whose validity covers the period, with its deadline for the period.
#[derive(Debug, Clone)]
pub(super) struct CandidatePlan {
    pub code: String,
    pub due_at: Option<NaiveDateTime>,
}

/// The plans looked at, by id; `only` is the plan asked for, if one was.
pub(super) struct Plans {
    pub by_id: HashMap<i64, CandidatePlan>,
    pub only: Option<i64>,
}

/// (day, month offset) for monthly, quarterly, six-monthly and yearly reports.
type StoredRules = ((i32, i32), (i32, i32), (i32, i32), (i32, i32));

/// Plans valid over the whole period, or just the one named. An unknown plan code is rejected
/// at `plan`; a known plan not valid over the period simply expects nothing.
pub(super) fn candidate_plans(
    conn: &mut Db,
    code: Option<&str>,
    period: &Period,
) -> Result<Plans, StoreError> {
    let only = match code {
        None => None,
        Some(code) => Some(
            plans::table
                .filter(plans::code.eq(code))
                .select(plans::id)
                .first::<i64>(conn)
                .optional()
                .map_err(StoreError::database(
                    "reading the plan of a completeness query",
                ))?
                .ok_or_else(|| {
                    StoreError::rejected(
                        "plan",
                        crate::messages::Message::new("plan-no-plan-with-code").arg("code", code),
                    )
                })?,
        ),
    };
    let mut query = plans::table
        .filter(plans::valid_from.le(period.start()))
        .filter(plans::valid_to.ge(period.end()))
        .select((
            plans::id,
            plans::code,
            (
                (plans::monthly_due_day, plans::monthly_due_offset),
                (plans::quarterly_due_day, plans::quarterly_due_offset),
                (plans::six_monthly_due_day, plans::six_monthly_due_offset),
                (plans::yearly_due_day, plans::yearly_due_offset),
            ),
        ))
        .into_boxed::<MultiBackend>();
    if let Some(id) = only {
        query = query.filter(plans::id.eq(id));
    }
    let rows: Vec<(i64, String, StoredRules)> = query.load(conn).map_err(StoreError::database(
        "reading the plans valid over a period",
    ))?;
    let by_id = rows
        .into_iter()
        .map(|(id, code, (m, q, s, y))| {
            let due_at = due_at(&code, [m, q, s, y], period)?;
            Ok((id, CandidatePlan { code, due_at }))
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Plans { by_id, only })
}

/// The plan's deadline for the period; a stored rule out of range is reported, not guessed.
fn due_at(
    code: &str,
    rules: [(i32, i32); 4],
    period: &Period,
) -> Result<Option<NaiveDateTime>, StoreError> {
    let rule = |(day, offset): (i32, i32)| {
        let day = u32::try_from(day).unwrap_or(0);
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        DeadlineRule::new(day, offset).map_err(|invalid| StoreError::Conflict {
            detail: format!("plan {code} has an invalid deadline rule: {invalid}").into(),
        })
    };
    let rules = DeadlineRules {
        monthly: rule(rules[0])?,
        quarterly: rule(rules[1])?,
        six_monthly: rule(rules[2])?,
        yearly: rule(rules[3])?,
    };
    Ok(rules
        .for_period(period)
        .map(|rule| rule.due_at(period).naive_utc()))
}

/// A unit that owes a report under a plan (possibly twice over: as issuer and assignee).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub(super) struct ReportingUnit {
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    pub path: String,
    pub plan_id: i64,
}

/// The (unit, plan) pairs expected in the window: issuing units of the candidate plans and
/// units assigned an item of one, inside the subtree and open during the period. Two queries,
/// whatever the number of plans.
pub(super) fn reporting_units(
    conn: &mut Db,
    plans: &Plans,
    window: &Window,
) -> Result<Vec<ReportingUnit>, StoreError> {
    if plans.by_id.is_empty() {
        return Ok(Vec::new());
    }
    let columns = (
        org_units::id,
        org_units::code,
        org_units::name,
        org_units::path,
        plans::id,
    );
    macro_rules! restricted {
        ($query:expr) => {{
            let mut query = $query
                .filter(plans::valid_from.le(window.start))
                .filter(plans::valid_to.ge(window.end))
                .filter(org_units::path.ge(window.lower.clone()))
                .filter(org_units::path.lt(window.upper.clone()))
                .filter(
                    org_units::valid_from
                        .is_null()
                        .or(org_units::valid_from.le(window.end)),
                )
                .filter(
                    org_units::valid_to
                        .is_null()
                        .or(org_units::valid_to.gt(window.start)),
                )
                .into_boxed::<MultiBackend>();
            if let Some(id) = plans.only {
                query = query.filter(plans::id.eq(id));
            }
            query
        }};
    }
    let mut units: Vec<ReportingUnit> =
        restricted!(plans::table.inner_join(org_units::table).select(columns))
            .load(conn)
            .map_err(StoreError::database("reading the issuing units of plans"))?;
    let assigned: Vec<ReportingUnit> = restricted!(
        plan_item_assignments::table
            .inner_join(org_units::table)
            .inner_join(plan_items::table.inner_join(plans::table))
            .select(columns)
            .distinct()
    )
    .load(conn)
    .map_err(StoreError::database(
        "reading the units assigned items of plans",
    ))?;
    units.extend(assigned);
    units.retain(|unit| plans.by_id.contains_key(&unit.plan_id));
    Ok(units)
}

/// A direct child of the queried unit, with its validity.
#[derive(Debug, Clone, Queryable)]
pub(super) struct Child {
    pub code: String,
    pub name: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

pub(super) fn children(conn: &mut Db, root_id: i64) -> Result<Vec<Child>, StoreError> {
    org_units::table
        .filter(org_units::parent_id.eq(root_id))
        .order(org_units::code)
        .select((
            org_units::code,
            org_units::name,
            org_units::valid_from,
            org_units::valid_to,
        ))
        .load(conn)
        .map_err(StoreError::database("reading the children of a unit"))
}

/// A stored report of exactly the period.
#[derive(Debug, Clone, Queryable)]
pub(super) struct StoredReport {
    pub unit_id: i64,
    pub plan_id: i64,
    pub state: String,
    pub due_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub late: bool,
}

/// Every report of the period in the subtree (of the plan asked for, if one was), found
/// through the period range index.
pub(super) fn reports_of_period(
    conn: &mut Db,
    plans: &Plans,
    window: &Window,
) -> Result<Vec<StoredReport>, StoreError> {
    if plans.by_id.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = reports::table
        .inner_join(org_units::table)
        .filter(reports::period_start.eq(window.start))
        .filter(reports::period_end.eq(window.end))
        .filter(reports::period.eq(window.period.clone()))
        .filter(org_units::path.ge(window.lower.clone()))
        .filter(org_units::path.lt(window.upper.clone()))
        .select((
            reports::unit_id,
            reports::plan_id,
            reports::state,
            reports::due_at,
            reports::submitted_at,
            reports::late,
        ))
        .into_boxed::<MultiBackend>();
    if let Some(id) = plans.only {
        query = query.filter(reports::plan_id.eq(id));
    }
    let mut found: Vec<StoredReport> = query
        .load(conn)
        .map_err(StoreError::database("reading the reports of a period"))?;
    found.retain(|report| plans.by_id.contains_key(&report.plan_id));
    Ok(found)
}
