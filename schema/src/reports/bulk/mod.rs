//! Bulk import of values (DHIS2 `dataValueSets`): many units, periods and indicators of one
//! plan. The context (units, assignments, reports, stored values) is read in a few set
//! queries, every value is checked in memory with the rules of [`super::set_values`]
//! ([`crate::domain::ReportedValue::parse`], the unit's assignments, the plan's validity, the
//! report's state), and the changes are written with multi-row statements in chunks, with one
//! audit entry per change appended in the same transaction.
//!
//! An import of up to [`WRITE_BATCH`] values is one transaction. A larger one (a national
//! month is 230,000 values) would hold the write lock for seconds and keep every other writer
//! waiting, so it is first checked as a whole without the write lock (atomic mode `ALL` is
//! decided there), then written report by report in transactions of about [`WRITE_BATCH`]
//! values, each checking its values again under the lock and appending their audit entries.
//! Other writers wait for one batch at most. The price: a crash in the middle leaves the
//! batches before it written (each whole, with its audit entries); retrying the import (with
//! the same `Idempotency-Key`) finds them unchanged and writes the rest. A report changed by
//! someone else between the check and its batch is checked again there; with atomic mode
//! `ALL`, a conflict found only then refuses that batch and the ones after it.

mod check;
mod load;
mod write;

use diesel::Connection;

use crate::StoreError;
use crate::db::Db;
use crate::domain::Period;

use super::context::plan_ref;
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

/// Values per write transaction of a large import: about a tenth of a second of the write lock
/// in a release build.
pub const WRITE_BATCH: usize = 2_500;

/// Imports `values` into the reports of plan `plan_code`; `early` are conflicts found while
/// reading the request (they count for atomic mode `ALL`). A missing plan is refused at
/// `dataSet`. See the module docs for how a large import is written.
pub fn import_values(
    conn: &mut Db,
    plan_code: &str,
    values: Vec<BulkValue>,
    early: Vec<Conflict>,
    options: ImportOptions,
    access: &dyn Fn(&str) -> UnitAccess,
    actor: &Actor,
) -> Result<ImportSummary, StoreError> {
    if values.len() <= WRITE_BATCH || options.dry_run {
        return import_batch(conn, plan_code, values, early, options, access, actor);
    }
    let check = ImportOptions {
        dry_run: true,
        ..options
    };
    let checked = import_batch(
        conn,
        plan_code,
        values.clone(),
        early.clone(),
        check,
        access,
        actor,
    )?;
    if checked.rejected_atomically {
        return Ok(checked);
    }
    let mut total = ImportSummary {
        count: ImportCount::default(),
        conflicts: early,
        rejected_atomically: false,
    };
    for batch in batches_by_report(values) {
        if total.rejected_atomically {
            // A conflict found only under the lock: the rest is not written.
            total.count.ignored += batch.len() as u64;
            continue;
        }
        let done = import_batch(conn, plan_code, batch, Vec::new(), options, access, actor)?;
        let (c, d) = (&mut total.count, done.count);
        c.imported += d.imported;
        c.updated += d.updated;
        c.unchanged += d.unchanged;
        c.ignored += d.ignored;
        c.deleted += d.deleted;
        total.conflicts.extend(done.conflicts);
        total.rejected_atomically = done.rejected_atomically;
    }
    total.conflicts.sort_by_key(|c| c.index);
    Ok(total)
}

/// `values` cut into batches of about [`WRITE_BATCH`], never splitting one report's values.
fn batches_by_report(mut values: Vec<BulkValue>) -> Vec<Vec<BulkValue>> {
    values.sort_by(|a, b| (&a.unit_code, a.period).cmp(&(&b.unit_code, b.period)));
    let mut batches: Vec<Vec<BulkValue>> = Vec::new();
    let mut current: Vec<BulkValue> = Vec::new();
    for value in values {
        let new_report = current
            .last()
            .is_some_and(|last| (&last.unit_code, last.period) != (&value.unit_code, value.period));
        if new_report && current.len() >= WRITE_BATCH {
            batches.push(std::mem::take(&mut current));
        }
        current.push(value);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

/// One transaction: the whole pipeline for `values`.
fn import_batch(
    conn: &mut Db,
    plan_code: &str,
    values: Vec<BulkValue>,
    early: Vec<Conflict>,
    options: ImportOptions,
    access: &dyn Fn(&str) -> UnitAccess,
    actor: &Actor,
) -> Result<ImportSummary, StoreError> {
    conn.transaction(|conn| {
        if !options.dry_run {
            crate::audit::lock_chain(conn)?;
        }
        let plan = plan_ref(conn, plan_code).map_err(|error| match error {
            StoreError::NotFound { .. } => {
                StoreError::rejected("dataSet", format!("there is no plan with code {plan_code}"))
            }
            other => other,
        })?;
        let context = load::context(conn, &plan, &values)?;
        let mut planned = check::plan_changes(&context, &plan, values, options, access)?;
        planned.conflicts.extend(early);
        planned.conflicts.sort_by_key(|c| c.index);
        let atomic_refusal = options.atomic == AtomicMode::All && !planned.conflicts.is_empty();
        if atomic_refusal {
            let taken = planned.count;
            return Ok(ImportSummary {
                count: ImportCount {
                    ignored: taken.imported
                        + taken.updated
                        + taken.unchanged
                        + taken.ignored
                        + taken.deleted,
                    ..ImportCount::default()
                },
                conflicts: planned.conflicts,
                rejected_atomically: true,
            });
        }
        if !options.dry_run {
            write::apply(conn, &plan, &context, &planned, actor)?;
        }
        Ok(ImportSummary {
            count: planned.count,
            conflicts: planned.conflicts,
            rejected_atomically: false,
        })
    })
}
