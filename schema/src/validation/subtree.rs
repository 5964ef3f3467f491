//! Rules over a subtree, for reviewers: every report of the plan and period in the subtree
//! (any state) judged, and the units whose reports violate a rule listed in path order.

use diesel::prelude::*;

use super::judge::{report_numbers, violations};
use super::read::{plan_id, rules_in_force};
use super::rule::{Judgement, RuleDefinition};
use crate::StoreError;
use crate::db::Db;
use crate::org_units::path;
use crate::pagination::{Page, PageRequest};
use crate::schema::{org_units, reports};

/// A unit whose report violates at least one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitViolations {
    pub unit_code: String,
    pub unit_name: String,
    pub report_state: String,
    pub violations: Vec<Judgement>,
}

/// The units under (and including) the unit at `root_path` whose report for the plan and
/// period violates a rule in force, a page at a time.
pub fn subtree_violations(
    conn: &mut Db,
    root_path: &str,
    plan_code: &str,
    period: &str,
    page: PageRequest,
) -> Result<Page<UnitViolations>, StoreError> {
    let plan_id = plan_id(conn, plan_code)?;
    let rules: Vec<RuleDefinition> = rules_in_force(conn, plan_id)?;
    let rows: Vec<(i64, String, String, String)> = reports::table
        .inner_join(org_units::table)
        .filter(reports::plan_id.eq(plan_id))
        .filter(reports::period.eq(period))
        .filter(org_units::path.ge(root_path))
        .filter(org_units::path.lt(path::upper_bound(root_path)))
        .order(org_units::path)
        .select((
            reports::id,
            org_units::code,
            org_units::name,
            reports::state,
        ))
        .load(conn)
        .map_err(StoreError::database("reading the subtree's reports"))?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut numbers = report_numbers(conn, &ids)?;
    let mut listed = Vec::new();
    for (id, unit_code, unit_name, report_state) in rows {
        let values = numbers.remove(&id).unwrap_or_default();
        let violated = violations(rules.iter().map(|rule| rule.judge(&values)).collect());
        if !violated.is_empty() {
            listed.push(UnitViolations {
                unit_code,
                unit_name,
                report_state,
                violations: violated,
            });
        }
    }
    Ok(Page::of_all(listed, page))
}
