//! Completeness of reporting for a unit, a period and one plan or all of them: which reports
//! were expected below the unit, which arrived, on time or late, and which are missing, listed
//! per reporting unit and counted for the whole subtree and for each child of the unit.
//!
//! # What counts
//!
//! - **Expected**: one report per (reporting unit, plan) where
//!   - the reporting unit lies in the queried unit's subtree (the unit itself included);
//!   - it reports the plan: it issued the plan (its own report consolidates every item) or is
//!     assigned at least one of the plan's items, as lead or coordinating agency;
//!   - the period lies within the plan's validity (`valid_from ≤ start`, `end ≤ valid_to`);
//!   - the unit was open during the period: not created after the period's last day
//!     (`valid_from`), and not closed on or before its first day (`valid_to`). A unit closed
//!     by a merger is therefore expected for the periods before its closure and for the
//!     period in which it closed when it closed after that period's first day; its successors
//!     are open units, expected as any other from their own `valid_from`.
//! - **Received**: the report for exactly that period (same identifier, not a longer period
//!   containing it) is `submitted` or `approved`. A `returned` report awaits correction, so it
//!   is not received; its state is shown.
//! - **On time** / **late**: a received report is late when the workflow recorded it as late at
//!   submission (submitted at or after its due time, see
//!   [`crate::domain::DeadlineRules::is_late`]); on time otherwise (including ad-hoc periods,
//!   which have no deadline).
//! - **Missing**: expected but not received: no report, a draft, or a returned report.
//!
//! The summary counts every expected report in the subtree, the queried unit's own included;
//! each child line counts the expected reports of that child and everything below it, so the
//! child lines add up to the summary less the queried unit's own reports. Children listed are
//! those open during the period, by the same rule as reporting units.
//!
//! # Cost
//!
//! A fixed number of queries whatever the size of the subtree: the unit, the candidate plans,
//! the issuing units, the assigned units, the children, and the reports of the period; the
//! grouping by path prefix is done in memory.

mod load;
mod tally;

use chrono::NaiveDateTime;

use crate::StoreError;
use crate::db::Db;
use crate::domain::Period;
use crate::pagination::{Page, PageRequest};
use crate::reports::ReportState;

pub use tally::Tally;

/// What to count: the unit whose subtree is looked at, one plan or all, one period, and which
/// page of the per-unit list (optionally only one status) to return.
#[derive(Debug, Clone)]
pub struct CompletenessQuery {
    pub unit_code: String,
    /// `None`: every plan valid over the period that has reporting units in the subtree.
    pub plan_code: Option<String>,
    pub period: Period,
    /// Only these lines in [`Completeness::units`]; counts are never filtered.
    pub status: Option<ReportingStatus>,
    pub page: PageRequest,
}

/// Where an expected report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportingStatus {
    OnTime,
    Late,
    Missing,
}

/// The queried unit or one of its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLabel {
    pub code: String,
    pub name: String,
}

/// One expected report: who owes it, under which plan, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedReport {
    pub unit_code: String,
    pub unit_name: String,
    pub unit_path: String,
    /// `None` for a root of the tree.
    pub parent_code: Option<String>,
    pub plan_code: String,
    /// `None` when no report was opened.
    pub state: Option<ReportState>,
    /// The stored deadline of the report, or the plan's deadline for the period when there is
    /// no report; `None` for ad-hoc periods. UTC.
    pub due_at: Option<NaiveDateTime>,
    /// UTC.
    pub submitted_at: Option<NaiveDateTime>,
    pub status: ReportingStatus,
}

/// The counts of one child of the queried unit, over its whole subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildCompleteness {
    pub unit: UnitLabel,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Completeness {
    pub unit: UnitLabel,
    pub period: Period,
    pub plan_code: Option<String>,
    pub summary: Tally,
    /// In code order.
    pub by_child: Vec<ChildCompleteness>,
    /// In path order, then plan code; only the status asked for, one page of it.
    pub units: Page<ExpectedReport>,
}

/// The completeness of reporting below `query.unit_code` for `query.period`, as described in
/// the module documentation. An unknown unit is `NotFound`; an unknown plan is rejected at
/// `plan`.
pub fn completeness(conn: &mut Db, query: &CompletenessQuery) -> Result<Completeness, StoreError> {
    let period = query.period;
    let root = load::root(conn, &query.unit_code)?;
    let plans = load::candidate_plans(conn, query.plan_code.as_deref(), &period)?;
    let window = load::Window::of(&root.path, &period);
    let reporting = load::reporting_units(conn, &plans, &window)?;
    let children = load::children(conn, root.id)?;
    let received = load::reports_of_period(conn, &plans, &window)?;
    let expected = tally::statuses(reporting, &plans, received)?;
    let summary = Tally::of(&expected);
    let by_child = tally::by_child(&root.path, children, &window, &expected);
    let units = tally::page(expected, query.status, query.page);
    Ok(Completeness {
        unit: UnitLabel {
            code: root.code,
            name: root.name,
        },
        period,
        plan_code: query.plan_code.clone(),
        summary,
        by_child,
        units,
    })
}
