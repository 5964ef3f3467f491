//! Finding plans, items, units, catalogs and indicators by their codes, shared by the actions.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::records::{AssignmentRole, PLAN_COLUMNS, Plan, PlanItem, PlanRow};
use super::targets::targets_of;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{
    catalog_sections, catalogs, indicators, org_units, plan_item_assignments, plan_items, plans,
};

pub(crate) fn plan_by_code(conn: &mut Db, code: &str) -> Result<Option<PlanRow>, StoreError> {
    plans::table
        .filter(plans::code.eq(code))
        .select(PLAN_COLUMNS)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding a plan"))
}

/// The plan named in a URL: 404 when it does not exist.
pub(crate) fn require_plan(conn: &mut Db, code: &str) -> Result<PlanRow, StoreError> {
    plan_by_code(conn, code)?.ok_or_else(|| StoreError::not_found("plan", code))
}

pub(crate) fn plan_record(conn: &mut Db, row: PlanRow) -> Result<Plan, StoreError> {
    let (unit_code, unit_path): (String, String) = org_units::table
        .find(row.issuing_unit_id)
        .select((org_units::code, org_units::path))
        .first(conn)
        .map_err(StoreError::database("reading a plan's issuing unit"))?;
    let catalog_code: String = catalogs::table
        .find(row.catalog_id)
        .select(catalogs::code)
        .first(conn)
        .map_err(StoreError::database("reading a plan's catalog"))?;
    row.into_record(unit_code, unit_path, catalog_code)
}

/// A unit as the plan actions need it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub(crate) struct UnitRef {
    pub id: i64,
    pub code: String,
    pub path: String,
    pub valid_to: Option<chrono::NaiveDate>,
}

pub(crate) fn unit_by_code(conn: &mut Db, code: &str) -> Result<Option<UnitRef>, StoreError> {
    org_units::table
        .filter(org_units::code.eq(code))
        .select((
            org_units::id,
            org_units::code,
            org_units::path,
            org_units::valid_to,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding an organisation unit"))
}

pub(crate) fn catalog_id_by_code(conn: &mut Db, code: &str) -> Result<Option<i64>, StoreError> {
    catalogs::table
        .filter(catalogs::code.eq(code))
        .select(catalogs::id)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding a catalog"))
}

/// `(id, catalog_id)` of an indicator.
pub(crate) fn indicator_by_code(
    conn: &mut Db,
    code: &str,
) -> Result<Option<(i64, i64)>, StoreError> {
    indicators::table
        .filter(indicators::code.eq(code))
        .select((indicators::id, indicators::catalog_id))
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding an indicator"))
}

/// `(item id, version)` of the item of `plan_id` for the indicator `code`: 404 when missing.
pub(crate) fn require_item(
    conn: &mut Db,
    plan: &PlanRow,
    indicator_code: &str,
) -> Result<(i64, i32), StoreError> {
    plan_items::table
        .inner_join(indicators::table)
        .filter(plan_items::plan_id.eq(plan.id))
        .filter(indicators::code.eq(indicator_code))
        .select((plan_items::id, plan_items::version))
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding a plan item"))?
        .ok_or_else(|| {
            StoreError::not_found("plan item", format!("{}/{indicator_code}", plan.code))
        })
}

type ItemRow = (
    i64,
    Option<String>,
    Option<String>,
    i32,
    i32,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// How much of each item [`items_of`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemDetail {
    /// Targets, lead and coordinating units.
    Full,
    /// Targets only; no lead, no coordinating units. A national plan assigns every item to
    /// thousands of communes (232,470 rows for 70 items), which costs far more to read than
    /// the items: readers of targets alone must not pay for it.
    TargetsOnly,
}

/// The items of a plan, in position order (then indicator number), optionally only `ids`.
pub(crate) fn items_of(
    conn: &mut Db,
    plan_id: i64,
    only: Option<&[i64]>,
    detail: ItemDetail,
) -> Result<Vec<PlanItem>, StoreError> {
    let mut query = plan_items::table
        .inner_join(indicators::table.left_join(catalog_sections::table))
        .filter(plan_items::plan_id.eq(plan_id))
        .select((
            plan_items::id,
            plan_items::output_product,
            plan_items::note,
            plan_items::position,
            plan_items::version,
            indicators::code,
            indicators::number,
            indicators::name,
            indicators::unit_of_measure,
            catalog_sections::code.nullable(),
        ))
        .order_by((plan_items::position, plan_items::id))
        .into_boxed();
    if let Some(ids) = only {
        query = query.filter(plan_items::id.eq_any(ids.to_vec()));
    }
    let rows: Vec<ItemRow> = query
        .load(conn)
        .map_err(StoreError::database("reading plan items"))?;
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let mut targets = targets_of(conn, &ids)?;
    let assignments: Vec<(i64, String, String)> = match detail {
        ItemDetail::TargetsOnly => Vec::new(),
        ItemDetail::Full => plan_item_assignments::table
            .inner_join(org_units::table)
            .filter(plan_item_assignments::plan_item_id.eq_any(&ids))
            .select((
                plan_item_assignments::plan_item_id,
                org_units::code,
                plan_item_assignments::role,
            ))
            .order_by(org_units::code)
            .load(conn)
            .map_err(StoreError::database("reading assignments"))?,
    };
    let mut leads: BTreeMap<i64, String> = BTreeMap::new();
    let mut coordinating: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (item, code, role) in assignments {
        match AssignmentRole::from_db(&role, "plan_item_assignments.role")? {
            AssignmentRole::Lead => {
                leads.insert(item, code);
            }
            AssignmentRole::Coordinating => coordinating.entry(item).or_default().push(code),
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let id = row.0;
            PlanItem {
                output_product: row.1,
                note: row.2,
                position: row.3,
                version: row.4,
                indicator_code: row.5,
                indicator_number: row.6,
                indicator_name: row.7,
                unit_of_measure: row.8,
                section_code: row.9,
                targets: targets.remove(&id).unwrap_or_default(),
                lead_unit_code: leads.remove(&id),
                coordinating_unit_codes: coordinating.remove(&id).unwrap_or_default(),
            }
        })
        .collect())
}

/// One item, read back after a change.
pub(crate) fn item_record(
    conn: &mut Db,
    plan_id: i64,
    item_id: i64,
) -> Result<PlanItem, StoreError> {
    items_of(conn, plan_id, Some(&[item_id]), ItemDetail::Full)?
        .pop()
        .ok_or_else(|| StoreError::not_found("plan item", item_id.to_string()))
}
