//! The storage limit the bulk import is compared with: the rows one import writes (a draft per
//! commune, its values, an audit entry per value and per draft) inserted with one prepared
//! single-row INSERT per row in one transaction, nothing checked, parsed or hashed. Diesel keeps
//! each statement prepared and re-binds it, as a hand-written loader would.

use chitieu_schema::db::Db;
use chitieu_schema::schema::{audit_entries, report_values, reports};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A value as the import stores it.
pub struct RawValue {
    pub indicator_id: i64,
    pub indicator_code: String,
    pub number: Option<f64>,
    pub achieved: Option<bool>,
    pub text: Option<String>,
}

/// Inserts the month's rows for every commune (`values[c]` are commune `c`'s); returns how
/// many values were written.
pub fn insert_month(
    conn: &mut Db,
    plan_id: i64,
    communes: &[(i64, String)],
    values: &[Vec<RawValue>],
    month: (i32, u32),
) -> QueryResult<usize> {
    let (year, month_number) = month;
    let period = format!("{year}{month_number:02}");
    let start = NaiveDate::from_ymd_opt(year, month_number, 1).expect("a month");
    let end = start
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .expect("a month's end");
    let now: NaiveDateTime = chrono::Utc::now().naive_utc();
    conn.transaction(|conn| {
        let mut written = 0;
        let mut entry = 0u64;
        for ((unit_id, unit_code), values) in communes.iter().zip(values) {
            diesel::insert_into(reports::table)
                .values((
                    reports::unit_id.eq(unit_id),
                    reports::plan_id.eq(plan_id),
                    reports::period.eq(&period),
                    reports::period_start.eq(start),
                    reports::period_end.eq(end),
                    reports::state.eq("draft"),
                    reports::late.eq(false),
                    reports::version.eq(1),
                    reports::created_at.eq(now),
                    reports::updated_at.eq(now),
                ))
                .execute(conn)?;
            let report_id: i64 = reports::table
                .filter(reports::unit_id.eq(unit_id))
                .filter(reports::plan_id.eq(plan_id))
                .filter(reports::period.eq(&period))
                .select(reports::id)
                .first(conn)?;
            audit(conn, now, &mut entry, unit_code, &period, None, "draft")?;
            for value in values {
                diesel::insert_into(report_values::table)
                    .values((
                        report_values::report_id.eq(report_id),
                        report_values::indicator_id.eq(value.indicator_id),
                        report_values::number_value.eq(value.number),
                        report_values::achieved.eq(value.achieved),
                        report_values::text_value.eq(&value.text),
                        report_values::updated_at.eq(now),
                        report_values::updated_by.eq("admin"),
                    ))
                    .execute(conn)?;
                let shown = value
                    .number
                    .map_or_else(|| value.text.clone().unwrap_or_default(), |n| n.to_string());
                let code = Some(value.indicator_code.as_str());
                audit(conn, now, &mut entry, unit_code, &period, code, &shown)?;
                written += 1;
            }
        }
        Ok(written)
    })
}

fn audit(
    conn: &mut Db,
    at: NaiveDateTime,
    entry: &mut u64,
    unit_code: &str,
    period: &str,
    indicator_code: Option<&str>,
    new_value: &str,
) -> QueryResult<usize> {
    let previous = format!("{:064x}", *entry);
    *entry += 1;
    diesel::insert_into(audit_entries::table)
        .values((
            audit_entries::at.eq(at),
            audit_entries::actor.eq("admin"),
            audit_entries::action.eq(if indicator_code.is_some() {
                "value_set"
            } else {
                "report_opened"
            }),
            audit_entries::unit_code.eq(unit_code),
            audit_entries::plan_code.eq("KH-NQ57-QUOCGIA"),
            audit_entries::period.eq(period),
            audit_entries::indicator_code.eq(indicator_code),
            audit_entries::new_value.eq(new_value),
            audit_entries::prev_hash.eq(previous),
            // Unique like a real chain's hashes; this month's chain starts at an odd offset so
            // it cannot collide with another's.
            audit_entries::hash.eq(format!("{:063x}f", *entry)),
        ))
        .execute(conn)
}
