//! Checking every value in memory against the loaded context, with the rules of a single
//! `PUT …/values`, and deciding what each one does under the import strategy.

use std::collections::{HashMap, HashSet};

use super::load::Context;
use super::{
    BulkInput, BulkValue, Conflict, ImportCount, ImportOptions, ImportStrategy, UnitAccess,
};
use crate::StoreError;
use crate::domain::{Period, ReportedValue, ValueInput};
use crate::reports::context::PlanRef;

/// A change to write.
pub(super) enum Change {
    Insert {
        value: ReportedValue,
        comment: Option<String>,
    },
    /// Replaces the stored row `row_id`, keeping its evidence.
    Update {
        row_id: i64,
        old: Option<ReportedValue>,
        evidence: Option<String>,
        value: ReportedValue,
        comment: Option<String>,
    },
    Delete {
        row_id: i64,
        old: Option<ReportedValue>,
    },
}

pub(super) struct Planned {
    pub unit_id: i64,
    pub unit_code: String,
    pub period: Period,
    pub indicator_id: i64,
    pub indicator_code: String,
    pub change: Change,
}

pub(super) struct Plan {
    pub changes: Vec<Planned>,
    /// Reports to open as drafts, (unit id, unit code, period), in order of first need.
    pub to_open: Vec<(i64, String, Period)>,
    pub count: ImportCount,
    pub conflicts: Vec<Conflict>,
}

pub(super) fn plan_changes(
    context: &Context,
    plan: &PlanRef,
    values: Vec<BulkValue>,
    options: ImportOptions,
    access: &dyn Fn(&str) -> UnitAccess,
) -> Result<Plan, StoreError> {
    let mut out = Plan {
        changes: Vec::new(),
        to_open: Vec::new(),
        count: ImportCount::default(),
        conflicts: Vec::new(),
    };
    let mut seen: HashMap<(i64, Period, i64), usize> = HashMap::with_capacity(values.len());
    let mut opening: HashSet<(i64, Period)> = HashSet::new();
    let mut access_by_unit: HashMap<i64, UnitAccess> = HashMap::new();
    for entry in values {
        let conflict = |object: &str, value: &str, reason: String| Conflict {
            index: entry.index,
            object: object.to_owned(),
            value: value.to_owned(),
            reason,
        };
        let unit = context.units.get(&entry.unit_code);
        let unit_access = unit.map(|u| {
            *access_by_unit
                .entry(u.id)
                .or_insert_with(|| access(&u.path))
        });
        let unit = match (unit, unit_access) {
            (Some(unit), Some(UnitAccess::EnterData)) => unit,
            (Some(_), Some(UnitAccess::ReadOnly)) => {
                out.conflicts.push(conflict(
                    "orgUnit",
                    &entry.unit_code,
                    format!("you may not enter data for unit {}", entry.unit_code),
                ));
                continue;
            }
            _ => {
                out.conflicts.push(conflict(
                    "orgUnit",
                    &entry.unit_code,
                    format!("organisation unit {} not found", entry.unit_code),
                ));
                continue;
            }
        };
        let period_text = entry.period.to_string();
        if let Some(reason) = plan.period_outside(&entry.period) {
            out.conflicts
                .push(conflict("period", &period_text, reason.to_string()));
            continue;
        }
        let indicator = context
            .indicators
            .get(&entry.indicator_code)
            .filter(|i| context.reports(unit.id, i.id));
        let Some(indicator) = indicator else {
            out.conflicts.push(conflict(
                "dataElement",
                &entry.indicator_code,
                format!(
                    "indicator {} is not assigned to unit {} in plan {}",
                    entry.indicator_code, entry.unit_code, plan.code
                ),
            ));
            continue;
        };
        if let Some(first) = seen.insert((unit.id, entry.period, indicator.id), entry.index) {
            out.conflicts.push(conflict(
                "dataElement",
                &entry.indicator_code,
                format!(
                    "{} for {} in {period_text} is already listed at index {first}",
                    entry.indicator_code, entry.unit_code
                ),
            ));
            continue;
        }
        let report = context.reports.get(&(unit.id, entry.period));
        if let Some(reason) = report.and_then(|r| r.state.refusal_to_edit()) {
            let reason = reason.to_string();
            out.conflicts.push(conflict("period", &period_text, reason));
            continue;
        }
        let stored = report.and_then(|r| context.values.get(&(r.id, indicator.id)));
        let deletes = options.strategy == ImportStrategy::Delete
            || (entry.value == BulkInput::Delete && options.strategy != ImportStrategy::Create);
        let change = if deletes {
            match stored {
                Some(stored) => {
                    out.count.deleted += 1;
                    Change::Delete {
                        row_id: stored.row_id,
                        old: stored.value.clone(),
                    }
                }
                None => {
                    out.count.ignored += 1;
                    continue;
                }
            }
        } else {
            let input = match &entry.value {
                // A deletion under CREATE: nothing is created (DHIS2 ignores a null value).
                BulkInput::Delete => {
                    out.count.ignored += 1;
                    continue;
                }
                BulkInput::Text(text) => ValueInput::from_text(indicator.kind, text),
                BulkInput::Ratio {
                    numerator,
                    denominator,
                } => ValueInput::ratio_from_text(numerator, denominator),
            };
            let value = match input.and_then(|input| ReportedValue::parse(indicator.kind, input)) {
                Ok(value) => value,
                Err(invalid) => {
                    out.conflicts.push(conflict(
                        "value",
                        &entry.value.as_sent(),
                        format!("{}: {invalid}", entry.indicator_code),
                    ));
                    continue;
                }
            };
            match (stored, options.strategy) {
                (Some(_), ImportStrategy::Create) | (None, ImportStrategy::Update) => {
                    out.count.ignored += 1;
                    continue;
                }
                (Some(stored), _) => {
                    if stored.value.as_ref() == Some(&value) && stored.comment == entry.comment {
                        out.count.unchanged += 1;
                        continue;
                    }
                    out.count.updated += 1;
                    Change::Update {
                        row_id: stored.row_id,
                        old: stored.value.clone(),
                        evidence: stored.evidence.clone(),
                        value,
                        comment: entry.comment,
                    }
                }
                (None, _) => {
                    out.count.imported += 1;
                    if report.is_none() && opening.insert((unit.id, entry.period)) {
                        out.to_open
                            .push((unit.id, entry.unit_code.clone(), entry.period));
                    }
                    Change::Insert {
                        value,
                        comment: entry.comment,
                    }
                }
            }
        };
        out.changes.push(Planned {
            unit_id: unit.id,
            unit_code: entry.unit_code,
            period: entry.period,
            indicator_id: indicator.id,
            indicator_code: entry.indicator_code,
            change,
        });
    }
    Ok(out)
}
