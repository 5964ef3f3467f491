//! Target cells in and out of `plan_item_targets`: the raw text always, the structure only
//! when the parser was certain.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::inputs::TargetYear;
use super::records::{
    StoredBound, StoredMeaning, StoredTarget, StoredUnit, TARGET_COLUMNS, TargetRow,
};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{Bound, Target, TargetMeaning, TargetUnit};
use crate::schema::plan_item_targets;

impl StoredTarget {
    /// The stored form of a parsed cell for `year`.
    pub fn from_target(year: TargetYear, target: &Target) -> Self {
        let mut stored = StoredTarget {
            year: year.get(),
            raw: target.raw().to_owned(),
            meaning: StoredMeaning::NoTarget,
            bound: None,
            low: None,
            high: None,
            unit: None,
            status_label: None,
            doubt: None,
        };
        match target.meaning() {
            TargetMeaning::NoTarget => {}
            TargetMeaning::Numeric(numeric) => {
                stored.meaning = StoredMeaning::Numeric;
                let text = |d: crate::domain::Decimal| Some(d.to_string());
                let (bound, low, high) = match numeric.bound {
                    Bound::AtLeast(v) => (StoredBound::AtLeast, text(v), None),
                    Bound::MoreThan(v) => (StoredBound::MoreThan, text(v), None),
                    Bound::AtMost(v) => (StoredBound::AtMost, None, text(v)),
                    Bound::LessThan(v) => (StoredBound::LessThan, None, text(v)),
                    Bound::Reach(v) => (StoredBound::Reach, text(v), None),
                    Bound::Between(l, h) => (StoredBound::Between, text(l), text(h)),
                };
                stored.bound = Some(bound);
                stored.low = low;
                stored.high = high;
                stored.unit = Some(match numeric.unit {
                    TargetUnit::AsIndicator => StoredUnit::AsIndicator,
                    TargetUnit::Percent => StoredUnit::Percent,
                    TargetUnit::Rank => StoredUnit::Rank,
                });
            }
            TargetMeaning::Status(label) => {
                stored.meaning = StoredMeaning::Status;
                stored.status_label = Some((*label).to_owned());
            }
            TargetMeaning::Qualitative { reason } => {
                stored.meaning = StoredMeaning::Qualitative;
                stored.doubt = Some(reason.clone());
            }
        }
        stored
    }
}

/// Writes (or replaces) the targets of an item, one row per year.
pub(crate) fn put_targets(
    conn: &mut Db,
    item_id: i64,
    targets: &BTreeMap<TargetYear, Target>,
) -> Result<(), StoreError> {
    for (year, target) in targets {
        remove_target(conn, item_id, *year)?;
        let stored = StoredTarget::from_target(*year, target);
        diesel::insert_into(plan_item_targets::table)
            .values((
                plan_item_targets::plan_item_id.eq(item_id),
                plan_item_targets::year.eq(stored.year),
                plan_item_targets::raw.eq(&stored.raw),
                plan_item_targets::meaning.eq(stored.meaning.as_db_str()),
                plan_item_targets::bound.eq(stored.bound.map(StoredBound::as_db_str)),
                plan_item_targets::low.eq(&stored.low),
                plan_item_targets::high.eq(&stored.high),
                plan_item_targets::unit.eq(stored.unit.map(StoredUnit::as_db_str)),
                plan_item_targets::status_label.eq(&stored.status_label),
                plan_item_targets::doubt.eq(&stored.doubt),
            ))
            .execute(conn)
            .map_err(StoreError::database("storing a target"))?;
    }
    Ok(())
}

pub(crate) fn remove_target(
    conn: &mut Db,
    item_id: i64,
    year: TargetYear,
) -> Result<(), StoreError> {
    diesel::delete(
        plan_item_targets::table
            .filter(plan_item_targets::plan_item_id.eq(item_id))
            .filter(plan_item_targets::year.eq(year.get())),
    )
    .execute(conn)
    .map_err(StoreError::database("removing a target"))?;
    Ok(())
}

pub(crate) fn remove_all_targets(conn: &mut Db, item_id: i64) -> Result<(), StoreError> {
    diesel::delete(plan_item_targets::table.filter(plan_item_targets::plan_item_id.eq(item_id)))
        .execute(conn)
        .map_err(StoreError::database("removing an item's targets"))?;
    Ok(())
}

/// The targets of the given items, by item id, each list by year.
pub(crate) fn targets_of(
    conn: &mut Db,
    item_ids: &[i64],
) -> Result<BTreeMap<i64, Vec<StoredTarget>>, StoreError> {
    let rows: Vec<TargetRow> = plan_item_targets::table
        .filter(plan_item_targets::plan_item_id.eq_any(item_ids))
        .select(TARGET_COLUMNS)
        .order_by((plan_item_targets::plan_item_id, plan_item_targets::year))
        .load(conn)
        .map_err(StoreError::database("reading targets"))?;
    let mut by_item: BTreeMap<i64, Vec<StoredTarget>> = BTreeMap::new();
    for row in rows {
        let item = row.plan_item_id;
        by_item.entry(item).or_default().push(row.into_record()?);
    }
    Ok(by_item)
}
