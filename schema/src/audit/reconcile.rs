//! Reconciling the stored values with the trail: every value in `report_values` must be the
//! `new_value` of the newest `value_set` entry for its unit, plan, period and indicator, and a
//! value whose newest entry is `value_deleted` must not exist. A value written straight into
//! the database, without an entry, is found here even though the chain itself is intact.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::{ReportedValue, ValueColumns};
use crate::schema::{audit_entries, indicators, org_units, plans, report_values, reports};

/// Where a stored value and the trail disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnaccountedValue {
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub indicator_code: String,
    /// The value stored now (`None`: missing although the trail says it was set).
    pub stored: Option<String>,
    /// The value the trail last recorded (`None`: no entry, or deleted).
    pub audited: Option<String>,
}

/// At most this many disagreements are listed.
pub const MAX_LISTED: usize = 100;

type Key = (String, String, String, String);

/// How many values were checked, and the first [`MAX_LISTED`] disagreements.
pub fn reconcile(conn: &mut Db) -> Result<(i64, Vec<UnaccountedValue>), StoreError> {
    let mut audited: HashMap<Key, Option<String>> = HashMap::new();
    let entries = audit_entries::table
        .filter(audit_entries::action.eq_any(["value_set", "value_deleted"]))
        .filter(audit_entries::indicator_code.is_not_null())
        .order(audit_entries::id)
        .select((
            audit_entries::unit_code,
            audit_entries::plan_code,
            audit_entries::period,
            audit_entries::indicator_code.assume_not_null(),
            audit_entries::action,
            audit_entries::new_value,
        ))
        .load::<(String, String, String, String, String, Option<String>)>(conn)
        .map_err(StoreError::database(
            "reading the value entries of the trail",
        ))?;
    for (unit, plan, period, indicator, action, new_value) in entries {
        let value = (action == "value_set").then_some(new_value).flatten();
        audited.insert((unit, plan, period, indicator), value);
    }
    let stored = report_values::table
        .inner_join(
            reports::table
                .inner_join(org_units::table)
                .inner_join(plans::table),
        )
        .inner_join(indicators::table)
        .select((
            org_units::code,
            plans::code,
            reports::period,
            indicators::code,
            report_values::number_value,
            report_values::numerator,
            report_values::denominator,
            report_values::achieved,
            report_values::text_value,
        ))
        .load::<StoredRow>(conn)
        .map_err(StoreError::database("reading the stored values"))?;
    let mut checked = 0;
    let mut unaccounted = Vec::new();
    for (unit, plan, period, indicator, number, numerator, denominator, achieved, text) in stored {
        checked += 1;
        let value = ReportedValue::from_columns(ValueColumns {
            number,
            numerator,
            denominator,
            achieved,
            text,
        })
        .map(|v| v.to_string());
        let key = (unit, plan, period, indicator);
        let trail = audited.remove(&key).flatten();
        if value != trail || value.is_none() {
            push(&mut unaccounted, key, value, trail);
        }
    }
    // Values the trail set that are no longer stored, without a `value_deleted` entry.
    for (key, trail) in audited {
        if trail.is_some() {
            push(&mut unaccounted, key, None, trail);
        }
    }
    Ok((checked, unaccounted))
}

type StoredRow = (
    String,
    String,
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
);

fn push(
    list: &mut Vec<UnaccountedValue>,
    key: Key,
    stored: Option<String>,
    audited: Option<String>,
) {
    if list.len() < MAX_LISTED {
        let (unit_code, plan_code, period, indicator_code) = key;
        list.push(UnaccountedValue {
            unit_code,
            plan_code,
            period,
            indicator_code,
            stored,
            audited,
        });
    }
}
