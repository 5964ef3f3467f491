//! Twelve months of plausible reports for Thái Tân and Nghi Dương, in the states a real month leaves behind:
//! old months approved up to the commune, last month's commune report awaiting the province,
//! this month's reports being written, one sent back for correction, one late.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::{OrgUnitCode, Period, Target, ValueKind};
use crate::plans::assigned_items;
use crate::reports::{self, Actor, ReportKey, Transition, ValueEntry};
use crate::schema::{
    indicators, org_units, plan_item_assignments, plan_item_targets, plan_items,
    plans as plan_table, reports as report_table,
};

use super::plan::{NGHI_DUONG_PLAN, PLAN};
use super::tree::{NGHI_DUONG, THAI_TAN, demo_data};
use super::values::{Draw, is_numeric, is_planted_outlier, plausible};

const AGENCIES: [&str; 4] = ["31001-VHXH", "31001-KT", "31001-TTHCC", "31001-CA"];

/// How far a unit's report for a month got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Draft,
    Submitted,
    Returned,
    Approved,
}

pub fn seed(conn: &mut Db, today: NaiveDate) -> Result<usize, StoreError> {
    let months = last_twelve_months(today)?;
    let kinds = value_kinds(conn)?;
    let mut written = 0;
    for (index, month) in months.iter().enumerate() {
        let recent = months.len() - 1 - index; // 0 for the latest month
        for (n, agency) in AGENCIES.iter().enumerate() {
            let stage = match (recent, n) {
                (0, 0) => Stage::Returned,
                (0, 1) => Stage::Draft,
                (0, _) => Stage::Submitted,
                _ => Stage::Approved,
            };
            written += report(conn, &kinds, PLAN, agency, *month, index, stage)?;
        }
        let commune = match recent {
            0 => None,
            1 => Some(Stage::Submitted),
            _ => Some(Stage::Approved),
        };
        if let Some(stage) = commune {
            written += report(conn, &kinds, PLAN, THAI_TAN, *month, index, stage)?;
        }
        // Nghi Dương reports its plan as a commune, without agency reports; its latest month
        // waits for the province.
        let stage = if recent == 0 {
            Stage::Submitted
        } else {
            Stage::Approved
        };
        written += report(
            conn,
            &kinds,
            NGHI_DUONG_PLAN,
            NGHI_DUONG,
            *month,
            index,
            stage,
        )?;
    }
    written += super::quarterly::seed(conn, &kinds, today)?;
    backdate(conn, &months)?;
    Ok(written)
}

fn last_twelve_months(today: NaiveDate) -> Result<Vec<Period>, StoreError> {
    let mut months = Vec::new();
    let (mut year, mut month) = (today.year(), today.month());
    for _ in 0..12 {
        (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        months.push(Period::Monthly { year, month });
    }
    months.reverse();
    Ok(months)
}

pub(super) fn report(
    conn: &mut Db,
    kinds: &HashMap<i64, ValueKind>,
    plan: &str,
    unit: &str,
    period: Period,
    month_index: usize,
    stage: Stage,
) -> Result<usize, StoreError> {
    let key = ReportKey {
        unit: OrgUnitCode::parse(unit).map_err(demo_data(unit))?,
        plan: plan.to_owned(),
        period,
    };
    let actor = Actor {
        subject: "demo".to_owned(),
        request_id: None,
    };
    reports::open(conn, &key, &actor)?;
    let (unit_id, plan_id) = ids(conn, plan, unit)?;
    let _ = month_index; // the period itself says where in the year the report falls
    let items = assigned_items(conn, unit_id, plan_id)?;
    let targets = year_targets(conn, plan_id, period.end().year())?;
    let agencies = agencies_per_item(conn, plan_id)?;
    let planted = if plan == PLAN {
        planted_outlier(conn, kinds, plan_id, &targets)?
    } else {
        None
    };
    let mut entries = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let kind = *kinds
            .get(&item.indicator_id)
            .ok_or_else(|| demo_data(&item.indicator_code)("an indicator without a kind"))?;
        let share = if unit == THAI_TAN || unit == NGHI_DUONG {
            1.0
        } else {
            1.0 / f64::from(*agencies.get(&item.plan_item_id).unwrap_or(&1).max(&1))
        };
        let input = plausible(&Draw {
            kind,
            indicator: &item.indicator_code,
            unit,
            period,
            target: targets.get(&item.plan_item_id),
            share,
            outlier: is_planted_outlier(
                period,
                planted.as_ref() == Some(&(item.plan_item_id, unit.to_owned())),
            ),
        });
        entries.push(ValueEntry {
            index,
            input,
            indicator_code: item.indicator_code,
            comment: None,
            evidence: Vec::new(),
        });
    }
    let count = entries.len();
    reports::set_values(conn, &key, None, entries, false, &actor)?;
    let steps: Vec<Transition> = match stage {
        Stage::Draft => vec![],
        Stage::Submitted => vec![Transition::Submit(Default::default())],
        Stage::Returned => vec![
            Transition::Submit(Default::default()),
            Transition::Return {
                reason: "Số liệu tỷ lệ chưa có mẫu số, đề nghị bổ sung".to_owned(),
            },
        ],
        Stage::Approved => vec![
            Transition::Submit(Default::default()),
            Transition::Approve {
                // Nghi Dương's agencies send their figures on paper; the commune consolidates.
                override_reason: (unit == NGHI_DUONG)
                    .then(|| "Tổng hợp từ báo cáo giấy của các phòng, đơn vị".to_owned()),
            },
        ],
    };
    for step in steps {
        reports::transition(conn, &key, None, step, &actor)?;
    }
    Ok(count)
}

/// Each item's target for `year`: its own cell, or the nearest later milestone's.
fn year_targets(
    conn: &mut Db,
    plan_id: i64,
    year: i32,
) -> Result<HashMap<i64, Target>, StoreError> {
    let rows: Vec<(i64, i32, String)> = plan_item_targets::table
        .inner_join(plan_items::table)
        .filter(plan_items::plan_id.eq(plan_id))
        .filter(plan_item_targets::year.ge(year))
        .select((
            plan_item_targets::plan_item_id,
            plan_item_targets::year,
            plan_item_targets::raw,
        ))
        .order_by(plan_item_targets::year.desc())
        .load(conn)
        .map_err(StoreError::database("reading the demo targets"))?;
    // Latest first, so the nearest year is inserted last and stands.
    Ok(rows
        .into_iter()
        .map(|(item, _, raw)| (item, Target::parse(&raw)))
        .collect())
}

/// Where the planted outlier goes: the plan's first count item with a numeric target, in the
/// report of the first unit (by code) that reports it.
fn planted_outlier(
    conn: &mut Db,
    kinds: &HashMap<i64, ValueKind>,
    plan_id: i64,
    targets: &HashMap<i64, Target>,
) -> Result<Option<(i64, String)>, StoreError> {
    let items: Vec<(i64, i64)> = plan_items::table
        .filter(plan_items::plan_id.eq(plan_id))
        .order_by((plan_items::position, plan_items::id))
        .select((plan_items::id, plan_items::indicator_id))
        .load(conn)
        .map_err(StoreError::database("reading the demo plan items"))?;
    let Some((item, _)) = items.into_iter().find(|(item, indicator)| {
        kinds.get(indicator) == Some(&ValueKind::Count) && is_numeric(targets.get(item))
    }) else {
        return Ok(None);
    };
    let unit: Option<String> = plan_item_assignments::table
        .inner_join(org_units::table.on(org_units::id.eq(plan_item_assignments::unit_id)))
        .filter(plan_item_assignments::plan_item_id.eq(item))
        .order_by(org_units::code)
        .select(org_units::code)
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading the demo assignments"))?;
    Ok(unit.map(|unit| (item, unit)))
}

/// How many agencies (units other than the communes) report each item of the plan.
fn agencies_per_item(conn: &mut Db, plan_id: i64) -> Result<HashMap<i64, u32>, StoreError> {
    let rows: Vec<i64> = plan_item_assignments::table
        .inner_join(plan_items::table)
        .inner_join(org_units::table.on(org_units::id.eq(plan_item_assignments::unit_id)))
        .filter(plan_items::plan_id.eq(plan_id))
        .filter(org_units::code.ne_all([THAI_TAN, NGHI_DUONG]))
        .select(plan_item_assignments::plan_item_id)
        .load(conn)
        .map_err(StoreError::database("reading the demo assignments"))?;
    let mut counts = HashMap::new();
    for item in rows {
        *counts.entry(item).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Every indicator's value kind, read once: the demo's catalogs are small.
pub(super) fn value_kinds(conn: &mut Db) -> Result<HashMap<i64, ValueKind>, StoreError> {
    let rows: Vec<(i64, String)> = indicators::table
        .select((indicators::id, indicators::value_kind))
        .load(conn)
        .map_err(StoreError::database("reading the demo indicators"))?;
    rows.into_iter()
        .map(|(id, kind)| Ok((id, ValueKind::from_db_str(&kind).map_err(demo_data(&kind))?)))
        .collect()
}

fn ids(conn: &mut Db, plan: &str, unit: &str) -> Result<(i64, i64), StoreError> {
    let unit_id = org_units::table
        .filter(org_units::code.eq(unit))
        .select(org_units::id)
        .first(conn)
        .map_err(StoreError::database("reading a demo unit"))?;
    let plan_id = plan_table::table
        .filter(plan_table::code.eq(plan))
        .select(plan_table::id)
        .first(conn)
        .map_err(StoreError::database("reading the demo plan"))?;
    Ok((unit_id, plan_id))
}

/// Reports of past months were written today; give them the dates a real year would have left:
/// submitted two days before the deadline and approved the next day, except one agency that
/// was three days late in the third month.
fn backdate(conn: &mut Db, months: &[Period]) -> Result<(), StoreError> {
    let rows: Vec<(i64, String, String, Option<chrono::NaiveDateTime>, String)> =
        report_table::table
            .inner_join(org_units::table.on(org_units::id.eq(report_table::unit_id)))
            .filter(report_table::submitted_at.is_not_null())
            .select((
                report_table::id,
                org_units::code,
                report_table::period,
                report_table::due_at,
                report_table::state,
            ))
            .load(conn)
            .map_err(StoreError::database("reading the demo reports"))?;
    let late_one = months.get(2).map(|p| p.to_string());
    for (id, unit, period, due_at, state) in rows {
        let Some(due_at) = due_at else { continue };
        if due_at > crate::now_utc() {
            continue; // the current month's reports are on time as they are
        }
        let late = unit == "31001-KT" && Some(&period) == late_one.as_ref();
        let submitted = if late {
            due_at + Duration::days(3)
        } else {
            due_at - Duration::days(2)
        };
        let approved = (state == "approved").then(|| submitted + Duration::days(1));
        diesel::update(report_table::table.find(id))
            .set((
                report_table::submitted_at.eq(Some(submitted)),
                report_table::late.eq(late),
                report_table::approved_at.eq(approved),
            ))
            .execute(conn)
            .map_err(StoreError::database("dating the demo reports"))?;
    }
    Ok(())
}
