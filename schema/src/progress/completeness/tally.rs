//! Deciding each expected report's status and counting them, in memory, from the rows the
//! queries returned.

use std::collections::{BTreeMap, HashMap};

use super::load::{Child, Plans, ReportingUnit, StoredReport, Window};
use super::{ChildCompleteness, ExpectedReport, ReportingStatus, UnitLabel};
use crate::StoreError;
use crate::org_units::path;
use crate::pagination::{Page, PageRequest};
use crate::reports::ReportState;

/// Counts of expected reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub expected: u64,
    pub received: u64,
    pub on_time: u64,
    pub late: u64,
    pub missing: u64,
}

impl Tally {
    pub fn of(reports: &[ExpectedReport]) -> Self {
        let mut tally = Tally::default();
        for report in reports {
            tally.count(report.status);
        }
        tally
    }

    fn count(&mut self, status: ReportingStatus) {
        self.expected += 1;
        match status {
            ReportingStatus::OnTime => {
                self.received += 1;
                self.on_time += 1;
            }
            ReportingStatus::Late => {
                self.received += 1;
                self.late += 1;
            }
            ReportingStatus::Missing => self.missing += 1,
        }
    }

    /// Received over expected, rounded to four decimals; `None` when nothing was expected
    /// (nothing to be complete about is not 0 % nor 100 %).
    pub fn rate(&self) -> Option<f64> {
        (self.expected > 0).then(|| {
            let share = self.received as f64 / self.expected as f64;
            (share * 10_000.0).round() / 10_000.0
        })
    }
}

/// One line per expected (unit, plan), in path order then plan code, with its status.
pub(super) fn statuses(
    reporting: Vec<ReportingUnit>,
    plans: &Plans,
    stored: Vec<StoredReport>,
) -> Result<Vec<ExpectedReport>, StoreError> {
    let mut reports: HashMap<(i64, i64), StoredReport> = stored
        .into_iter()
        .map(|report| ((report.unit_id, report.plan_id), report))
        .collect();
    // A unit that both issued a plan and is assigned items in it owes one report: keyed once.
    let mut expected = BTreeMap::new();
    for unit in reporting {
        let Some(plan) = plans.by_id.get(&unit.plan_id) else {
            continue;
        };
        let key = (unit.path.clone(), plan.code.clone());
        if expected.contains_key(&key) {
            continue;
        }
        let report = reports.remove(&(unit.unit_id, unit.plan_id));
        let line = match report {
            None => ExpectedReport {
                parent_code: path::parent_code(&unit.path).map(str::to_owned),
                unit_code: unit.code,
                unit_name: unit.name,
                unit_path: unit.path,
                plan_code: plan.code.clone(),
                state: None,
                due_at: plan.due_at,
                submitted_at: None,
                status: ReportingStatus::Missing,
            },
            Some(report) => {
                let state =
                    ReportState::parse(&report.state).map_err(|invalid| StoreError::Conflict {
                        detail: format!(
                            "the report of {} for plan {} has a stored state that is not \
                             known: {invalid}",
                            unit.code, plan.code
                        )
                        .into(),
                    })?;
                ExpectedReport {
                    parent_code: path::parent_code(&unit.path).map(str::to_owned),
                    unit_code: unit.code,
                    unit_name: unit.name,
                    unit_path: unit.path,
                    plan_code: plan.code.clone(),
                    state: Some(state),
                    due_at: report.due_at,
                    submitted_at: report.submitted_at,
                    status: status_of(state, report.late),
                }
            }
        };
        expected.insert(key, line);
    }
    Ok(expected.into_values().collect())
}

/// Received means submitted or approved; a returned report awaits correction.
fn status_of(state: ReportState, late: bool) -> ReportingStatus {
    match state {
        ReportState::Submitted | ReportState::Approved if late => ReportingStatus::Late,
        ReportState::Submitted | ReportState::Approved => ReportingStatus::OnTime,
        ReportState::Draft | ReportState::Returned => ReportingStatus::Missing,
    }
}

/// Counts per child of the queried unit over the child's subtree: every child open during the
/// period, and any other child below which reports are still expected, so no count is lost.
pub(super) fn by_child(
    root_path: &str,
    children: Vec<Child>,
    window: &Window,
    expected: &[ExpectedReport],
) -> Vec<ChildCompleteness> {
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    for report in expected {
        let below_root = report.unit_path.get(root_path.len()..).unwrap_or_default();
        if let Some(child) = path::codes(below_root).next() {
            tallies.entry(child).or_default().count(report.status);
        }
    }
    children
        .into_iter()
        .filter_map(|child| {
            let tally = tallies.get(child.code.as_str()).copied();
            let listed = tally.is_some() || window.is_open(child.valid_from, child.valid_to);
            listed.then(|| ChildCompleteness {
                tally: tally.unwrap_or_default(),
                unit: UnitLabel {
                    code: child.code,
                    name: child.name,
                },
            })
        })
        .collect()
}

/// One page of the lines with `status` (all lines when `None`).
pub(super) fn page(
    expected: Vec<ExpectedReport>,
    status: Option<ReportingStatus>,
    request: PageRequest,
) -> Page<ExpectedReport> {
    let matching: Vec<ExpectedReport> = expected
        .into_iter()
        .filter(|line| status.is_none_or(|status| line.status == status))
        .collect();
    let total = i64::try_from(matching.len()).unwrap_or(i64::MAX);
    let skip = usize::try_from(request.offset()).unwrap_or(usize::MAX);
    let take = usize::try_from(request.limit()).unwrap_or(usize::MAX);
    Page {
        items: matching.into_iter().skip(skip).take(take).collect(),
        request,
        total,
    }
}

#[cfg(test)]
mod tests;
