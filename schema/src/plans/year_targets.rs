//! The target each item of a plan sets for one year.

use super::inputs::TargetYear;
use super::lookup::{ItemDetail, items_of, require_plan};
use super::records::{PlanItem, StoredTarget};
use crate::StoreError;
use crate::db::Db;

/// Where a year's target came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSource {
    /// The plan has a cell for that very year (even `-`: no target that year).
    Explicit,
    /// No cell for that year: the nearest later milestone, since a report is judged by its
    /// progress toward that milestone (a 2026 report against 2030). When that milestone says
    /// `-`, the years up to it have no target: a target set only for a milestone beyond it
    /// (6G coverage, 50 % in 2035) is not one for 2026; the trajectory shows the way to it.
    LaterMilestone,
    /// Neither: the plan has no cell after that year.
    Missing,
}

/// An item with the target that applies in the year asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct YearTarget {
    /// The item and its targets, without its lead and coordinating units (`None` and empty):
    /// a year's target does not depend on them, and reading them for a national plan would
    /// cost more than everything else a progress report reads.
    pub item: PlanItem,
    pub source: TargetSource,
    /// The applicable cell; its `year` says which milestone it is.
    pub target: Option<StoredTarget>,
}

/// For each item of the plan, in position order, the target of `year`.
pub fn year_targets(
    conn: &mut Db,
    plan_code: &str,
    year: TargetYear,
) -> Result<Vec<YearTarget>, StoreError> {
    let plan = require_plan(conn, plan_code)?;
    let items = items_of(conn, plan.id, None, ItemDetail::TargetsOnly)?;
    Ok(items
        .into_iter()
        .map(|item| {
            let (source, target) = target_for(&item.targets, year.get());
            YearTarget {
                source,
                target: target.cloned(),
                item,
            }
        })
        .collect())
}

fn target_for(targets: &[StoredTarget], year: i32) -> (TargetSource, Option<&StoredTarget>) {
    if let Some(explicit) = targets.iter().find(|t| t.year == year) {
        return (TargetSource::Explicit, Some(explicit));
    }
    let later = targets
        .iter()
        .filter(|t| t.year > year)
        .min_by_key(|t| t.year);
    match later {
        Some(target) => (TargetSource::LaterMilestone, Some(target)),
        None => (TargetSource::Missing, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Target;
    use crate::plans::records::StoredMeaning;

    fn cells(raw: &[(i32, &str)]) -> Vec<StoredTarget> {
        raw.iter()
            .map(|(year, cell)| {
                StoredTarget::from_target(TargetYear::new(*year).unwrap(), &Target::parse(cell))
            })
            .collect()
    }

    #[test]
    fn a_year_between_milestones_takes_the_next_milestone() {
        let targets = cells(&[(2025, "≥60%"), (2030, "100%")]);
        let (source, target) = target_for(&targets, 2026);
        assert_eq!(source, TargetSource::LaterMilestone);
        assert_eq!(target.unwrap().year, 2030);
    }

    #[test]
    fn an_explicit_year_wins_even_when_it_sets_no_target() {
        let targets = cells(&[(2025, "-"), (2030, "100%")]);
        assert_eq!(target_for(&targets, 2025).0, TargetSource::Explicit);
    }

    #[test]
    fn a_year_before_a_milestone_without_a_target_has_no_target_even_if_a_later_one_has() {
        // Thái Tân's 6G coverage: nothing until 2030, 50 % in 2035. A 2026 report is not
        // judged against 2035 (it would read 93 % achieved); it has no target.
        let targets = cells(&[(2025, "-"), (2030, "-"), (2035, "50%")]);
        let (source, target) = target_for(&targets, 2026);
        assert_eq!(source, TargetSource::LaterMilestone);
        let target = target.unwrap();
        assert_eq!(
            (target.year, target.meaning),
            (2030, StoredMeaning::NoTarget)
        );
        assert_eq!(target_for(&targets, 2031).1.unwrap().year, 2035);
        assert_eq!(target_for(&targets, 2036), (TargetSource::Missing, None));
    }
}
