//! The catalog of 70 indicators and the national plan assigning them to every commune.

use super::{CATALOG, Failure, INDICATORS, NATIONAL, PLAN};
use chitieu_schema::db::Db;
use chitieu_schema::domain::{
    CatalogCode, DeadlineRule, DeadlineRules, Name, OrgUnitCode, name_key,
};
use chitieu_schema::plans::{self, NewPlan, PlanCode};
use chitieu_schema::schema::{catalogs, indicators, plan_item_assignments, plan_items};
use chrono::NaiveDate;
use diesel::prelude::*;

use super::tree::ids_by_code;

/// The value kind of the i-th indicator: 40 percents as numerator/denominator, 20 counts,
/// 5 statuses, 5 ranks.
pub fn kind_of(i: usize) -> &'static str {
    match i % 14 {
        0..=7 => "percent",
        8..=11 => "count",
        12 => "status",
        _ => "rank",
    }
}

/// The catalog, the plan issued by the national unit and every item assigned to every
/// commune; returns the indicators' codes and kinds.
pub fn seed_plan(conn: &mut Db) -> Result<Vec<(String, &'static str)>, Failure> {
    let now = chitieu_schema::now_utc();
    let catalog_id: i64 = diesel::insert_into(catalogs::table)
        .values((
            catalogs::code.eq(CATALOG),
            catalogs::name.eq("Chỉ tiêu Nghị quyết 57 toàn quốc"),
            catalogs::version.eq(1),
            catalogs::created_at.eq(now),
            catalogs::updated_at.eq(now),
        ))
        .returning(catalogs::id)
        .get_result(conn)
        .map_err(|e| format!("inserting the catalog: {e}"))?;
    let kinds: Vec<(String, &'static str)> = (0..INDICATORS)
        .map(|i| (format!("NQ57-QG-{:02}", i + 1), kind_of(i)))
        .collect();
    let rows: Vec<_> = kinds
        .iter()
        .enumerate()
        .map(|(i, (code, kind))| {
            let name = format!("Chỉ tiêu số {}", i + 1);
            let (direction, aggregation) = match *kind {
                "percent" => ("higher_is_better", "ratio"),
                "count" => ("higher_is_better", "sum"),
                "status" => ("reach", "share_achieved"),
                _ => ("lower_is_better", "none"),
            };
            (
                indicators::catalog_id.eq(catalog_id),
                indicators::code.eq(code.clone()),
                indicators::number.eq(format!("{}", i + 1)),
                indicators::name_key.eq(name_key(&name)),
                indicators::name.eq(name),
                indicators::value_kind.eq(*kind),
                indicators::direction.eq(direction),
                indicators::aggregation.eq(aggregation),
                // As migration 000006 sets it: counts are flows and sum over months, the other
                // kinds here are stocks whose last month stands for a longer period.
                indicators::period_aggregation.eq(if *kind == "count" { "sum" } else { "last" }),
                indicators::position.eq(i32::try_from(i).unwrap_or(0)),
                indicators::version.eq(1),
                indicators::created_at.eq(now),
                indicators::updated_at.eq(now),
            )
        })
        .collect();
    insert_chunks!(conn, indicators::table, rows, 500, "inserting indicators");
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("a calendar date");
    let rule = |day, offset| DeadlineRule::new(day, offset).map_err(|e| e.to_string());
    plans::create_plan(
        conn,
        NewPlan {
            code: PlanCode::parse(PLAN)?,
            number: Name::parse("57/KH-CP")?,
            issued_on: date(2025, 7, 1)?,
            title: Name::parse("Kế hoạch thực hiện Nghị quyết 57-NQ/TW")?,
            issuing_unit: OrgUnitCode::parse(NATIONAL)?,
            catalog: CatalogCode::parse(CATALOG)?,
            valid_from: date(2025, 7, 1)?,
            valid_to: date(2030, 12, 31)?,
            deadlines: DeadlineRules {
                monthly: rule(6, 1)?,
                quarterly: rule(6, 1)?,
                six_monthly: rule(6, 0)?,
                yearly: rule(6, 0)?,
            },
        },
    )?;
    let plan_id: i64 = chitieu_schema::schema::plans::table
        .filter(chitieu_schema::schema::plans::code.eq(PLAN))
        .select(chitieu_schema::schema::plans::id)
        .first(conn)
        .map_err(|e| format!("reading the plan: {e}"))?;
    let indicator_ids: Vec<i64> = indicators::table
        .filter(indicators::catalog_id.eq(catalog_id))
        .order(indicators::position)
        .select(indicators::id)
        .load(conn)
        .map_err(|e| format!("reading indicators: {e}"))?;
    let items: Vec<_> = indicator_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                plan_items::plan_id.eq(plan_id),
                plan_items::indicator_id.eq(*id),
                plan_items::output_product.eq("Bộ số liệu báo cáo"),
                plan_items::position.eq(i32::try_from(i).unwrap_or(0)),
                plan_items::version.eq(1),
            )
        })
        .collect();
    insert_chunks!(conn, plan_items::table, items, 500, "inserting plan items");
    let item_ids: Vec<i64> = plan_items::table
        .filter(plan_items::plan_id.eq(plan_id))
        .select(plan_items::id)
        .load(conn)
        .map_err(|e| format!("reading plan items: {e}"))?;
    let communes = ids_by_code(conn, "commune")?;
    let assignments: Vec<_> = item_ids
        .iter()
        .flat_map(|item| {
            communes.iter().map(move |(_, unit)| {
                (
                    plan_item_assignments::plan_item_id.eq(*item),
                    plan_item_assignments::unit_id.eq(*unit),
                    plan_item_assignments::role.eq("lead"),
                )
            })
        })
        .collect();
    insert_chunks!(
        conn,
        plan_item_assignments::table,
        assignments,
        10_000,
        "assigning items"
    );
    Ok(kinds)
}
