//! Reading what an import needs in a few set queries: the units named, the plan's indicators
//! and assignments, its reports for the periods named, and their stored values.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::BulkValue;
use crate::StoreError;
use crate::db::Db;
use crate::domain::{Period, ReportedValue, ValueColumns, ValueKind};
use crate::reports::context::PlanRef;
use crate::reports::state::ReportState;
use crate::schema::{
    indicators, org_units, plan_item_assignments, plan_items, plans, report_values, reports,
};

/// Codes or ids per `IN (…)` list: well below SQLite's 32,766 bound parameters.
pub(super) const IN_CHUNK: usize = 10_000;

pub(super) struct Unit {
    pub id: i64,
    pub path: String,
}

pub(super) struct Indicator {
    pub id: i64,
    pub kind: ValueKind,
}

pub(super) struct StoredReport {
    pub id: i64,
    pub state: ReportState,
}

pub(super) struct Stored {
    pub row_id: i64,
    pub value: Option<ReportedValue>,
    pub comment: Option<String>,
    pub evidence: Option<String>,
}

impl Context {
    /// Whether `unit_id` reports `indicator_id` in the plan.
    pub fn reports(&self, unit_id: i64, indicator_id: i64) -> bool {
        unit_id == self.issuer || self.assigned.contains(&(unit_id, indicator_id))
    }
}

pub(super) struct Context {
    pub units: HashMap<String, Unit>,
    /// The plan's indicators by code.
    pub indicators: HashMap<String, Indicator>,
    /// (unit id, indicator id) of every assignment of the plan.
    pub assigned: HashSet<(i64, i64)>,
    /// The unit that issued the plan: it reports every item (its consolidated report).
    pub issuer: i64,
    pub reports: HashMap<(i64, Period), StoredReport>,
    /// (report id, indicator id) → the stored value.
    pub values: HashMap<(i64, i64), Stored>,
}

type ValueRow = (
    i64,
    i64,
    i64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub(super) fn context(
    conn: &mut Db,
    plan: &PlanRef,
    values: &[BulkValue],
) -> Result<Context, StoreError> {
    let codes: Vec<String> = values
        .iter()
        .map(|v| v.unit_code.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut units = HashMap::with_capacity(codes.len());
    for chunk in codes.chunks(IN_CHUNK) {
        let rows: Vec<(i64, String, String)> = org_units::table
            .filter(org_units::code.eq_any(chunk))
            .select((org_units::id, org_units::code, org_units::path))
            .load(conn)
            .map_err(StoreError::database("reading organisation units"))?;
        for (id, code, path) in rows {
            units.insert(code, Unit { id, path });
        }
    }

    let issuer: i64 = plans::table
        .filter(plans::id.eq(plan.id))
        .select(plans::issuing_unit_id)
        .first(conn)
        .map_err(StoreError::database("reading the plan's issuing unit"))?;
    let items: Vec<(i64, String, String)> = plan_items::table
        .inner_join(indicators::table)
        .filter(plan_items::plan_id.eq(plan.id))
        .select((indicators::id, indicators::code, indicators::value_kind))
        .load(conn)
        .map_err(StoreError::database("reading the plan's indicators"))?;
    let mut indicators = HashMap::with_capacity(items.len());
    for (id, code, kind) in items {
        let kind = ValueKind::from_db_str(&kind).map_err(|invalid| StoreError::Conflict {
            detail: format!("indicator {code} has a stored kind that is not known: {invalid}")
                .into(),
        })?;
        indicators.insert(code, Indicator { id, kind });
    }
    // Only the units named: a batch of a national import must not read the whole country.
    let unit_ids: Vec<i64> = units.values().map(|u| u.id).collect();
    let mut assigned = HashSet::new();
    for chunk in unit_ids.chunks(IN_CHUNK) {
        let rows = plan_item_assignments::table
            .inner_join(plan_items::table)
            .filter(plan_items::plan_id.eq(plan.id))
            .filter(plan_item_assignments::unit_id.eq_any(chunk))
            .select((plan_item_assignments::unit_id, plan_items::indicator_id))
            .load::<(i64, i64)>(conn)
            .map_err(StoreError::database("reading the plan's assignments"))?;
        assigned.extend(rows);
    }

    let periods: Vec<String> = values
        .iter()
        .map(|v| v.period)
        .collect::<HashSet<_>>()
        .into_iter()
        .map(|p| p.to_string())
        .collect();
    let reports = plan_reports(conn, plan.id, &periods, Some(&unit_ids))?;

    let report_ids: Vec<i64> = reports.values().map(|r| r.id).collect();
    let mut stored = HashMap::new();
    for chunk in report_ids.chunks(IN_CHUNK) {
        let rows: Vec<ValueRow> = report_values::table
            .filter(report_values::report_id.eq_any(chunk))
            .select((
                report_values::id,
                report_values::report_id,
                report_values::indicator_id,
                report_values::number_value,
                report_values::numerator,
                report_values::denominator,
                report_values::achieved,
                report_values::text_value,
                report_values::comment,
                report_values::evidence,
            ))
            .load(conn)
            .map_err(StoreError::database("reading reports' values"))?;
        for (
            row_id,
            report,
            indicator,
            number,
            numerator,
            denominator,
            achieved,
            text,
            comment,
            evidence,
        ) in rows
        {
            let value = ReportedValue::from_columns(ValueColumns {
                number,
                numerator,
                denominator,
                achieved,
                text,
            });
            stored.insert(
                (report, indicator),
                Stored {
                    row_id,
                    value,
                    comment,
                    evidence,
                },
            );
        }
    }
    Ok(Context {
        units,
        indicators,
        assigned,
        issuer,
        reports,
        values: stored,
    })
}

/// The plan's reports for `periods` (of the units `unit_ids` when given), by (unit id, period).
pub(super) fn plan_reports(
    conn: &mut Db,
    plan_id: i64,
    periods: &[String],
    unit_ids: Option<&[i64]>,
) -> Result<HashMap<(i64, Period), StoredReport>, StoreError> {
    let mut reports_by_key = HashMap::new();
    let all_units = [None];
    let unit_chunks: Vec<Option<&[i64]>> = match unit_ids {
        Some(ids) => ids.chunks(IN_CHUNK).map(Some).collect(),
        None => all_units.to_vec(),
    };
    for (chunk, units) in periods
        .chunks(IN_CHUNK)
        .flat_map(|p| unit_chunks.iter().map(move |u| (p, *u)))
    {
        let mut query = reports::table
            .filter(reports::plan_id.eq(plan_id))
            .filter(reports::period.eq_any(chunk))
            .into_boxed();
        if let Some(units) = units {
            query = query.filter(reports::unit_id.eq_any(units));
        }
        let rows: Vec<(i64, i64, String, String)> = query
            .select((
                reports::id,
                reports::unit_id,
                reports::period,
                reports::state,
            ))
            .load(conn)
            .map_err(StoreError::database("reading reports"))?;
        for (id, unit_id, period, state) in rows {
            let corrupt = |what: String| StoreError::Conflict {
                detail: format!("report {id} has {what}").into(),
            };
            let period = Period::parse(&period)
                .map_err(|e| corrupt(format!("an unreadable period: {e}")))?;
            let state = ReportState::parse(&state)
                .map_err(|e| corrupt(format!("an unknown state: {e}")))?;
            reports_by_key.insert((unit_id, period), StoredReport { id, state });
        }
    }
    Ok(reports_by_key)
}
