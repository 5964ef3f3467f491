//! The stored shape of a report and what callers get: the report with its values (by
//! indicator code) and narrative, never database ids.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::context::{Located, UnitRef};
use super::narrative::NarrativeSection;
use super::state::ReportState;
use crate::db::Db;
use crate::domain::{ReportedValue, ValueColumns, ValueKind};
use crate::schema::{indicators, report_sections, report_values, reports};
use crate::{StoreError, now_utc};

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(super) struct ReportRow {
    pub id: i64,
    pub unit_id: i64,
    pub plan_id: i64,
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub state: String,
    pub state_reason: Option<String>,
    pub due_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub submitted_by: Option<String>,
    pub late: bool,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by: Option<String>,
    pub approval_override: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub(super) type ReportColumns = (
    reports::id,
    reports::unit_id,
    reports::plan_id,
    reports::period,
    reports::period_start,
    reports::period_end,
    reports::state,
    reports::state_reason,
    reports::due_at,
    reports::submitted_at,
    reports::submitted_by,
    reports::late,
    reports::approved_at,
    reports::approved_by,
    reports::approval_override,
    reports::version,
    reports::created_at,
    reports::updated_at,
);

pub(super) const REPORT_COLUMNS: ReportColumns = (
    reports::id,
    reports::unit_id,
    reports::plan_id,
    reports::period,
    reports::period_start,
    reports::period_end,
    reports::state,
    reports::state_reason,
    reports::due_at,
    reports::submitted_at,
    reports::submitted_by,
    reports::late,
    reports::approved_at,
    reports::approved_by,
    reports::approval_override,
    reports::version,
    reports::created_at,
    reports::updated_at,
);

impl ReportRow {
    pub fn state(&self) -> Result<ReportState, StoreError> {
        ReportState::parse(&self.state).map_err(|invalid| StoreError::Conflict {
            detail: format!("report {} has an unknown stored state: {invalid}", self.id).into(),
        })
    }

    pub fn summary(self, unit: &UnitRef, plan_code: &str) -> Result<ReportSummary, StoreError> {
        Ok(ReportSummary {
            unit_code: unit.code.clone(),
            unit_path: unit.path.clone(),
            plan_code: plan_code.to_owned(),
            state: self.state()?,
            period: self.period,
            period_start: self.period_start,
            period_end: self.period_end,
            state_reason: self.state_reason,
            due_at: self.due_at,
            submitted_at: self.submitted_at,
            submitted_by: self.submitted_by,
            late: self.late,
            approved_at: self.approved_at,
            approved_by: self.approved_by,
            approval_override: self.approval_override,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A report without its values and narrative, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSummary {
    pub unit_code: String,
    /// The unit's place in the tree, for scope checks.
    pub unit_path: String,
    pub plan_code: String,
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub state: ReportState,
    pub state_reason: Option<String>,
    /// The first instant at which a submission is late (`None` for ad-hoc periods).
    pub due_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub submitted_by: Option<String>,
    pub late: bool,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by: Option<String>,
    pub approval_override: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A value as stored, with who last changed it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredValue {
    pub indicator_code: String,
    pub value_kind: ValueKind,
    pub value: ReportedValue,
    pub comment: Option<String>,
    pub evidence: Vec<String>,
    pub updated_at: NaiveDateTime,
    pub updated_by: String,
}

/// A report with its values (in indicator-code order) and narrative (in position order).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub summary: ReportSummary,
    pub values: Vec<StoredValue>,
    pub sections: Vec<NarrativeSection>,
    /// Validation warnings acknowledged at the last submission.
    pub acknowledged_warnings: Vec<crate::validation::AcknowledgedWarning>,
}

type ValueTuple = (
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
    Option<String>,
    Option<String>,
    NaiveDateTime,
    String,
);

/// The whole report of `located`, read again after a change.
pub(super) fn load_report(conn: &mut Db, located: Located) -> Result<Report, StoreError> {
    let report_id = located.row.id;
    let rows: Vec<ValueTuple> = report_values::table
        .inner_join(indicators::table)
        .filter(report_values::report_id.eq(report_id))
        .order(indicators::code)
        .select((
            indicators::code,
            indicators::value_kind,
            report_values::number_value,
            report_values::numerator,
            report_values::denominator,
            report_values::achieved,
            report_values::text_value,
            report_values::comment,
            report_values::evidence,
            report_values::updated_at,
            report_values::updated_by,
        ))
        .load(conn)
        .map_err(StoreError::database("reading a report's values"))?;
    let mut values = Vec::with_capacity(rows.len());
    for (code, kind, number, numerator, denominator, achieved, text, comment, evidence, at, by) in
        rows
    {
        let corrupt = |what: &str| StoreError::Conflict {
            detail: format!("the stored value of {code} in report {report_id} {what}").into(),
        };
        let value_kind =
            ValueKind::from_db_str(&kind).map_err(|_| corrupt("has an unknown kind"))?;
        let value = ReportedValue::from_columns(ValueColumns {
            number,
            numerator,
            denominator,
            achieved,
            text,
        })
        .ok_or_else(|| corrupt("is empty"))?;
        let evidence = match evidence {
            None => Vec::new(),
            Some(raw) => {
                serde_json::from_str(&raw).map_err(|_| corrupt("has unreadable evidence"))?
            }
        };
        values.push(StoredValue {
            indicator_code: code,
            value_kind,
            value,
            comment,
            evidence,
            updated_at: at,
            updated_by: by,
        });
    }
    let sections = report_sections::table
        .filter(report_sections::report_id.eq(report_id))
        .order((report_sections::position, report_sections::code))
        .select((
            report_sections::code,
            report_sections::parent_code,
            report_sections::title,
            report_sections::position,
            report_sections::content_html,
        ))
        .load::<(String, Option<String>, String, i32, String)>(conn)
        .map_err(StoreError::database("reading a report's narrative"))?
        .into_iter()
        .map(NarrativeSection::from_row)
        .collect();
    let acknowledged_warnings = crate::validation::acknowledged_warnings(conn, report_id)?;
    Ok(Report {
        summary: located.row.summary(&located.unit, &located.plan.code)?,
        values,
        sections,
        acknowledged_warnings,
    })
}

/// Checks the caller's version and moves the report to the next one, with `changes` applied
/// by the caller afterwards in the same transaction. Returns the new version.
pub(super) fn bump_version(
    conn: &mut Db,
    row: &ReportRow,
    expected: Option<i32>,
) -> Result<i32, StoreError> {
    if let Some(expected) = expected {
        if expected != row.version {
            return Err(StoreError::VersionMismatch {
                expected,
                current: row.version,
            });
        }
    }
    let updated = diesel::update(
        reports::table
            .find(row.id)
            .filter(reports::version.eq(row.version)),
    )
    .set((
        reports::version.eq(row.version + 1),
        reports::updated_at.eq(now_utc()),
    ))
    .execute(conn)
    .map_err(StoreError::database("updating a report"))?;
    if updated == 0 {
        return Err(StoreError::VersionMismatch {
            expected: row.version,
            current: row.version + 1,
        });
    }
    Ok(row.version + 1)
}

/// Re-reads the stored row after a change.
pub(super) fn reread(conn: &mut Db, mut located: Located) -> Result<Report, StoreError> {
    located.row = reports::table
        .find(located.row.id)
        .select(REPORT_COLUMNS)
        .first(conn)
        .map_err(StoreError::database("reading a report"))?;
    load_report(conn, located)
}
