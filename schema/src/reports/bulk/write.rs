//! Writing a checked import in two steps. [`stage`] copies every change into TEMP tables of the
//! import's own connection (private to it; writing them takes no lock on the shared database),
//! with the audit entries, outside the write transaction. [`move_in`], inside one short write
//! transaction, moves them into the shared tables with set-based SQL: drafts opened, values
//! removed and inserted with `INSERT … SELECT`, versions bumped, audit entries appended. It is
//! the one place a bulk import writes shared tables: anything that must change in the same
//! transaction as the values (a data version, summaries) belongs there.

use std::collections::BTreeSet;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use super::check::{Change, Plan};
use crate::audit::{self, NewAuditEntry, StagedEntries};
use crate::db::Db;
use crate::domain::ReportedValue;
use crate::reports::context::PlanRef;
use crate::reports::key::Actor;
use crate::reports::state::ReportState;
use crate::{StoreError, now_utc};

diesel::table! {
    /// TEMP: the drafts to open.
    bulk_staged_reports (seq) {
        seq -> BigInt,
        unit_id -> BigInt,
        period -> Text,
        period_start -> Date,
        period_end -> Date,
        due_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// TEMP: the values to insert, by report key (a draft opened in the same import has no id
    /// yet).
    bulk_staged_values (seq) {
        seq -> BigInt,
        unit_id -> BigInt,
        period -> Text,
        indicator_id -> BigInt,
        number_value -> Nullable<Double>,
        numerator -> Nullable<Double>,
        denominator -> Nullable<Double>,
        achieved -> Nullable<Bool>,
        text_value -> Nullable<Text>,
        comment -> Nullable<Text>,
        evidence -> Nullable<Text>,
    }
}

diesel::table! {
    /// TEMP: stored values replaced or deleted.
    bulk_staged_removed (row_id) {
        row_id -> BigInt,
    }
}

diesel::table! {
    /// TEMP: the reports whose version moves on.
    bulk_staged_touched (seq) {
        seq -> BigInt,
        unit_id -> BigInt,
        period -> Text,
    }
}

const SQLITE_TABLES: &str = "\
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_reports (seq INTEGER PRIMARY KEY, \
     unit_id INTEGER NOT NULL, period TEXT NOT NULL, period_start TEXT NOT NULL, \
     period_end TEXT NOT NULL, due_at TEXT); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_values (seq INTEGER PRIMARY KEY, \
     unit_id INTEGER NOT NULL, period TEXT NOT NULL, indicator_id INTEGER NOT NULL, \
     number_value REAL, numerator REAL, denominator REAL, achieved INTEGER, text_value TEXT, \
     comment TEXT, evidence TEXT); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_removed (row_id INTEGER PRIMARY KEY); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_touched (seq INTEGER PRIMARY KEY, \
     unit_id INTEGER NOT NULL, period TEXT NOT NULL); \
    DELETE FROM bulk_staged_reports; DELETE FROM bulk_staged_values; \
    DELETE FROM bulk_staged_removed; DELETE FROM bulk_staged_touched;";

const POSTGRES_TABLES: &str = "\
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_reports (seq BIGINT PRIMARY KEY, \
     unit_id BIGINT NOT NULL, period TEXT NOT NULL, period_start DATE NOT NULL, \
     period_end DATE NOT NULL, due_at TIMESTAMP); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_values (seq BIGINT PRIMARY KEY, \
     unit_id BIGINT NOT NULL, period TEXT NOT NULL, indicator_id BIGINT NOT NULL, \
     number_value DOUBLE PRECISION, numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, \
     achieved BOOLEAN, text_value TEXT, comment TEXT, evidence TEXT); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_removed (row_id BIGINT PRIMARY KEY); \
    CREATE TEMP TABLE IF NOT EXISTS bulk_staged_touched (seq BIGINT PRIMARY KEY, \
     unit_id BIGINT NOT NULL, period TEXT NOT NULL); \
    TRUNCATE bulk_staged_reports, bulk_staged_values, bulk_staged_removed, bulk_staged_touched;";

/// Rows per multi-row INSERT into the staging tables: 11 columns × 2,500 stays below SQLite's
/// 32,766 bound parameters (PostgreSQL allows 65,535).
const STAGE_CHUNK: usize = 2_500;

/// Multi-row INSERTs do not compile on the `MultiConnection` enum: run `$body` on the inner
/// connection of either backend.
macro_rules! on_backend {
    ($conn:expr, |$inner:ident| $body:expr) => {
        match $conn {
            Db::Postgresql($inner) => $body,
            Db::Sqlite($inner) => $body,
        }
    };
}

/// What [`stage`] left in the connection's staging tables.
pub(super) struct Staged {
    values: usize,
    entries: StagedEntries,
}

/// Copies the changes of `planned` and their audit entries into the connection's staging
/// tables (emptied first).
pub(super) fn stage(
    conn: &mut Db,
    plan: &PlanRef,
    planned: &Plan,
    actor: &Actor,
) -> Result<Staged, StoreError> {
    clear(conn)?;
    let entry = |action: &'static str, unit: &str, period: String| NewAuditEntry {
        actor: actor.subject.clone(),
        request_id: actor.request_id.clone(),
        action,
        unit_code: unit.to_owned(),
        plan_code: plan.code.clone(),
        period,
        indicator_code: None,
        old_value: None,
        new_value: None,
        reason: None,
    };
    let mut entries = Vec::with_capacity(planned.to_open.len() + planned.changes.len());

    let mut drafts = Vec::with_capacity(planned.to_open.len());
    for (seq, (unit_id, unit_code, period)) in planned.to_open.iter().enumerate() {
        drafts.push((
            bulk_staged_reports::seq.eq(seq as i64),
            bulk_staged_reports::unit_id.eq(*unit_id),
            bulk_staged_reports::period.eq(period.to_string()),
            bulk_staged_reports::period_start.eq(period.start()),
            bulk_staged_reports::period_end.eq(period.end()),
            bulk_staged_reports::due_at.eq(plan.due_at(period)?),
        ));
        let mut opened = entry("report_opened", unit_code, period.to_string());
        opened.new_value = Some(ReportState::Draft.as_db_str().to_owned());
        entries.push(opened);
    }
    for chunk in drafts.chunks(STAGE_CHUNK) {
        on_backend!(conn, |inner| diesel::insert_into(
            bulk_staged_reports::table
        )
        .values(chunk)
        .execute(inner))
        .map_err(StoreError::database("staging reports to open"))?;
    }

    let mut inserted = Vec::new();
    let mut removed = Vec::new();
    let mut touched = BTreeSet::new();
    for change in &planned.changes {
        touched.insert((change.unit_id, change.period.to_string()));
        let mut value_entry = entry("value_set", &change.unit_code, change.period.to_string());
        value_entry.indicator_code = Some(change.indicator_code.clone());
        let text = |v: &Option<ReportedValue>| v.as_ref().map(ToString::to_string);
        let (value, comment, evidence) = match &change.change {
            Change::Insert { value, comment } => (value, comment, None),
            Change::Update {
                row_id,
                old,
                evidence,
                value,
                comment,
            } => {
                removed.push(bulk_staged_removed::row_id.eq(*row_id));
                value_entry.old_value = text(old);
                (value, comment, evidence.clone())
            }
            Change::Delete { row_id, old } => {
                removed.push(bulk_staged_removed::row_id.eq(*row_id));
                value_entry.action = "value_deleted";
                value_entry.old_value = text(old);
                entries.push(value_entry);
                continue;
            }
        };
        value_entry.new_value = Some(value.to_string());
        value_entry.reason = comment.clone();
        entries.push(value_entry);
        let columns = value.columns();
        inserted.push((
            bulk_staged_values::seq.eq(inserted.len() as i64),
            bulk_staged_values::unit_id.eq(change.unit_id),
            bulk_staged_values::period.eq(change.period.to_string()),
            bulk_staged_values::indicator_id.eq(change.indicator_id),
            bulk_staged_values::number_value.eq(columns.number),
            bulk_staged_values::numerator.eq(columns.numerator),
            bulk_staged_values::denominator.eq(columns.denominator),
            bulk_staged_values::achieved.eq(columns.achieved),
            bulk_staged_values::text_value.eq(columns.text),
            bulk_staged_values::comment.eq(comment.clone()),
            bulk_staged_values::evidence.eq(evidence),
        ));
    }
    for chunk in inserted.chunks(STAGE_CHUNK) {
        on_backend!(conn, |inner| diesel::insert_into(bulk_staged_values::table)
            .values(chunk)
            .execute(inner))
        .map_err(StoreError::database("staging values"))?;
    }
    for chunk in removed.chunks(STAGE_CHUNK * 10) {
        on_backend!(conn, |inner| diesel::insert_into(
            bulk_staged_removed::table
        )
        .values(chunk)
        .execute(inner))
        .map_err(StoreError::database("staging values to remove"))?;
    }
    let touched: Vec<_> = touched
        .into_iter()
        .enumerate()
        .map(|(seq, (unit_id, period))| {
            (
                bulk_staged_touched::seq.eq(seq as i64),
                bulk_staged_touched::unit_id.eq(unit_id),
                bulk_staged_touched::period.eq(period),
            )
        })
        .collect();
    for chunk in touched.chunks(STAGE_CHUNK * 4) {
        on_backend!(conn, |inner| diesel::insert_into(
            bulk_staged_touched::table
        )
        .values(chunk)
        .execute(inner))
        .map_err(StoreError::database("staging reports to update"))?;
    }
    Ok(Staged {
        values: inserted.len(),
        entries: audit::stage(conn, entries)?,
    })
}

/// Moves what [`stage`] left into the shared tables; call it inside the write transaction,
/// after checking that what the plan was made from has not changed.
pub(super) fn move_in(
    conn: &mut Db,
    plan: &PlanRef,
    staged: &Staged,
    actor: &Actor,
) -> Result<(), StoreError> {
    let now = now_utc();
    let draft = ReportState::Draft.as_db_str();
    let open = "INSERT INTO reports (unit_id, plan_id, period, period_start, period_end, state, \
         due_at, late, version, created_at, updated_at) \
         SELECT unit_id, ?, period, period_start, period_end, ?, due_at, FALSE, 1, ?, ? \
         FROM bulk_staged_reports ORDER BY seq";
    on_backend!(conn, |inner| diesel::sql_query(numbered(inner, open))
        .bind::<BigInt, _>(plan.id)
        .bind::<Text, _>(draft)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .execute(inner))
    .map_err(StoreError::database("opening reports"))?;

    conn.batch_execute(
        "DELETE FROM report_values WHERE id IN (SELECT row_id FROM bulk_staged_removed)",
    )
    .map_err(StoreError::database("removing values"))?;

    let insert = "INSERT INTO report_values (report_id, indicator_id, number_value, numerator, \
         denominator, achieved, text_value, comment, evidence, updated_at, updated_by) \
         SELECT r.id, s.indicator_id, s.number_value, s.numerator, s.denominator, s.achieved, \
         s.text_value, s.comment, s.evidence, ?, ? \
         FROM bulk_staged_values s JOIN reports r \
         ON r.plan_id = ? AND r.unit_id = s.unit_id AND r.period = s.period ORDER BY s.seq";
    let stored = on_backend!(conn, |inner| diesel::sql_query(numbered(inner, insert))
        .bind::<Timestamp, _>(now)
        .bind::<Text, _>(&actor.subject)
        .bind::<BigInt, _>(plan.id)
        .execute(inner))
    .map_err(StoreError::database("storing values"))?;
    if stored != staged.values {
        return Err(StoreError::Conflict {
            detail: format!(
                "{stored} of {} checked values found their report: a report was removed \
                 during the import",
                staged.values
            )
            .into(),
        });
    }

    let bump = "UPDATE reports SET version = version + 1, updated_at = ? \
         WHERE plan_id = ? AND (unit_id, period) IN \
         (SELECT unit_id, period FROM bulk_staged_touched)";
    on_backend!(conn, |inner| diesel::sql_query(numbered(inner, bump))
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(plan.id)
        .execute(inner))
    .map_err(StoreError::database("updating reports"))?;

    audit::append_staged(conn, &staged.entries)
}

/// Empties the connection's staging tables (creating them on first use), so a finished import
/// does not keep its rows in the connection's memory.
pub(super) fn clear(conn: &mut Db) -> Result<(), StoreError> {
    let sql = match conn {
        Db::Postgresql(_) => POSTGRES_TABLES,
        Db::Sqlite(_) => SQLITE_TABLES,
    };
    conn.batch_execute(sql)
        .map_err(StoreError::database("preparing the staging tables"))?;
    audit::clear_staged(conn)
}

/// `sql` with its `?` placeholders as PostgreSQL's `$1`, `$2`, … on a PostgreSQL connection.
fn numbered<C: 'static>(_: &C, sql: &str) -> String {
    if std::any::TypeId::of::<C>() != std::any::TypeId::of::<diesel::PgConnection>() {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}
