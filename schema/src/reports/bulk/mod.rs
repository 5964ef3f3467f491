//! Bulk import of values (DHIS2 `dataValueSets`): many units, periods and indicators of one
//! plan. The context (units, assignments, reports, stored values) is read in a few set
//! queries, every value is checked in memory with the rules of [`super::set_values`]
//! ([`crate::domain::ReportedValue::parse`], the unit's assignments, the plan's validity, the
//! report's state), and the changes are written with set-based SQL, with one audit entry per
//! change appended in the same transaction.
//!
//! Every import is all-or-nothing and holds the write lock briefly, whatever its size (a
//! national month is 230,000 values):
//! 1. the check runs in a read transaction, without the write lock (one snapshot, so it sees
//!    one state of the database), and notes what it was made from ([`fingerprint`]);
//! 2. the changes and their audit entries are copied into TEMP tables of the import's own
//!    connection ([`write::stage`]): private to that connection, they take no lock on the
//!    shared database;
//! 3. one short write transaction compares the fingerprint and moves everything into the
//!    shared tables with `INSERT … SELECT` ([`write::move_in`]); the audit chain's hashes are
//!    computed there, since the chain continues from its head, known only under the lock.
//!
//! When the fingerprint moved (someone wrote to the same plan and periods meanwhile), the
//! import is checked again; after [`CHECK_ATTEMPTS`] such rounds it is checked and written
//! under the lock, which always succeeds. A crash at any point leaves nothing of the import.

mod check;
mod fingerprint;
mod load;
mod write;

use std::time::Instant;

use diesel::Connection;

use check::Plan;
use fingerprint::Fingerprint;

use crate::StoreError;
use crate::db::Db;
use crate::domain::Period;

use super::context::{PlanRef, plan_ref};
use super::key::Actor;

/// One value of an import, at `index` among the rows sent (its first row for a ratio sent as
/// two rows).
#[derive(Debug, Clone, PartialEq)]
pub struct BulkValue {
    pub index: usize,
    pub unit_code: String,
    pub period: Period,
    pub indicator_code: String,
    pub value: BulkInput,
    pub comment: Option<String>,
}

/// The value as written in the exchange format, read once the indicator's kind is known.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkInput {
    Text(String),
    Ratio {
        numerator: String,
        denominator: String,
    },
    /// Deletes the stored value (DHIS2: `deleted: true` or an empty value).
    Delete,
}

impl BulkInput {
    /// The value as sent, for conflicts.
    pub fn as_sent(&self) -> String {
        match self {
            BulkInput::Text(text) => text.clone(),
            BulkInput::Ratio {
                numerator,
                denominator,
            } => format!("{numerator}/{denominator}"),
            BulkInput::Delete => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStrategy {
    /// New values only; values already stored are ignored.
    Create,
    /// Stored values only; values not stored yet are ignored.
    Update,
    CreateAndUpdate,
    /// Removes the stored values named; values not stored are ignored.
    Delete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomicMode {
    /// Nothing is stored when any value is rejected.
    All,
    /// The valid values are stored; the rejected ones are listed.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    pub strategy: ImportStrategy,
    pub atomic: AtomicMode,
    /// Check and count, store nothing.
    pub dry_run: bool,
}

/// What the caller may do at a unit, decided by the API's policy from the unit's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitAccess {
    EnterData,
    /// Readable, but the caller may not enter data there.
    ReadOnly,
    /// Outside the caller's scope: answered like a unit that does not exist.
    Hidden,
}

/// A value (or row) that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The position of the row among the rows sent, from 0.
    pub index: usize,
    /// The code (or field) the conflict is about.
    pub object: String,
    /// The value of that code or field as sent.
    pub value: String,
    pub reason: String,
}

/// Counts of values: a ratio sent as two rows is one value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCount {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub ignored: u64,
    pub deleted: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub count: ImportCount,
    /// In index order.
    pub conflicts: Vec<Conflict>,
    /// Atomic mode `ALL` met a conflict: nothing was stored, the valid values count as
    /// ignored.
    pub rejected_atomically: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStatus {
    /// No conflict.
    Success,
    /// Some values were rejected, the others were taken.
    Warning,
    /// Nothing was taken: every value was rejected, or atomic mode `ALL` met a conflict.
    Error,
}

impl ImportSummary {
    pub fn status(&self) -> ImportStatus {
        let c = &self.count;
        let taken = c.imported + c.updated + c.unchanged + c.deleted + c.ignored;
        if self.conflicts.is_empty() {
            ImportStatus::Success
        } else if taken == 0 || self.rejected_atomically {
            ImportStatus::Error
        } else {
            ImportStatus::Warning
        }
    }
}

/// Rounds of checking outside the write lock before an import is checked under it.
pub const CHECK_ATTEMPTS: usize = 3;

/// Imports `values` into the reports of plan `plan_code`; `early` are conflicts found while
/// reading the request (they count for atomic mode `ALL`). A missing plan is refused at
/// `dataSet`. See the module docs for how an import is written.
pub fn import_values(
    conn: &mut Db,
    plan_code: &str,
    values: Vec<BulkValue>,
    early: Vec<Conflict>,
    options: ImportOptions,
    access: &dyn Fn(&str) -> UnitAccess,
    actor: &Actor,
) -> Result<ImportSummary, StoreError> {
    if options.dry_run {
        let checked = read_snapshot(conn, |conn| {
            check(conn, plan_code, values, early, options, access)
        })?;
        return Ok(checked.summary());
    }
    for _ in 0..CHECK_ATTEMPTS {
        let started = Instant::now();
        let checked = read_snapshot(conn, |conn| {
            check(
                conn,
                plan_code,
                values.clone(),
                early.clone(),
                options,
                access,
            )
        })?;
        if checked.refused {
            return Ok(checked.summary());
        }
        let check_took = started.elapsed();
        let staged = write::stage(conn, &checked.plan, &checked.planned, actor);
        let stage_took = started.elapsed() - check_took;
        let written = staged.and_then(|staged| {
            conn.write_transaction(|conn| {
                crate::audit::lock_chain(conn)?;
                let now = Fingerprint::read(conn, checked.plan.id, &checked.periods)?;
                if now != checked.fingerprint {
                    return Ok(false);
                }
                write::move_in(conn, &checked.plan, &staged, actor)?;
                Ok(true)
            })
        });
        let write_took = started.elapsed() - check_took - stage_took;
        let cleared = write::clear(conn);
        if written? {
            cleared?;
            tracing::info!(
                values = checked.planned.changes.len(),
                check_ms = check_took.as_millis() as u64,
                stage_ms = stage_took.as_millis() as u64,
                write_ms = write_took.as_millis() as u64,
                "bulk import written; the write transaction took write_ms"
            );
            return Ok(checked.summary());
        }
    }
    // Every round met a change by someone else: check and write under the lock.
    let summary = conn.write_transaction(|conn| {
        crate::audit::lock_chain(conn)?;
        let checked = check(conn, plan_code, values, early, options, access)?;
        if !checked.refused {
            let staged = write::stage(conn, &checked.plan, &checked.planned, actor)?;
            write::move_in(conn, &checked.plan, &staged, actor)?;
        }
        Ok::<_, StoreError>(checked.summary())
    });
    write::clear(conn)?;
    summary
}

/// `read` in a transaction that sees one state of the database throughout (PostgreSQL's
/// default isolation would let each statement see a newer one).
fn read_snapshot<T>(
    conn: &mut Db,
    read: impl FnOnce(&mut Db) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.transaction(|conn| {
        if let Db::Postgresql(_) = conn {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .map_err(StoreError::database("starting a snapshot"))?;
        }
        read(conn)
    })
}

/// An import checked against one state of the database.
struct Checked {
    plan: PlanRef,
    planned: Plan,
    periods: Vec<String>,
    fingerprint: Fingerprint,
    /// Atomic mode `ALL` met a conflict: nothing is written.
    refused: bool,
}

impl Checked {
    fn summary(&self) -> ImportSummary {
        let counted = self.planned.count;
        if !self.refused {
            return ImportSummary {
                count: counted,
                conflicts: self.planned.conflicts.clone(),
                rejected_atomically: false,
            };
        }
        ImportSummary {
            count: ImportCount {
                ignored: counted.imported
                    + counted.updated
                    + counted.unchanged
                    + counted.ignored
                    + counted.deleted,
                ..ImportCount::default()
            },
            conflicts: self.planned.conflicts.clone(),
            rejected_atomically: true,
        }
    }
}

/// Reads the context of `values` and decides what each one does; writes nothing.
fn check(
    conn: &mut Db,
    plan_code: &str,
    values: Vec<BulkValue>,
    early: Vec<Conflict>,
    options: ImportOptions,
    access: &dyn Fn(&str) -> UnitAccess,
) -> Result<Checked, StoreError> {
    let plan = plan_ref(conn, plan_code).map_err(|error| match error {
        StoreError::NotFound { .. } => StoreError::rejected(
            "dataSet",
            crate::messages::Message::new("plan-no-plan-with-code").arg("code", plan_code),
        ),
        other => other,
    })?;
    let periods: Vec<String> = values
        .iter()
        .map(|v| v.period)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|p| p.to_string())
        .collect();
    let fingerprint = Fingerprint::read(conn, plan.id, &periods)?;
    let context = load::context(conn, &plan, &values)?;
    let mut planned = check::plan_changes(&context, &plan, values, options, access)?;
    planned.conflicts.extend(early);
    planned.conflicts.sort_by_key(|c| c.index);
    let refused = options.atomic == AtomicMode::All && !planned.conflicts.is_empty();
    Ok(Checked {
        plan,
        planned,
        periods,
        fingerprint,
        refused,
    })
}
