//! What an import's check was made from, compared again under the write lock: the plan's
//! reports of the periods named (a value written, a state changed or a draft opened moves a
//! report's version or adds one), and the plan's items and assignments. When it differs, the
//! import is checked again.

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::schema::{plan_item_assignments, plan_items, reports};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fingerprint {
    /// (id, version) of the plan's reports of the periods, by id.
    reports: Vec<(i64, i32)>,
    items: i64,
    assignments: i64,
}

impl Fingerprint {
    pub fn read(conn: &mut Db, plan_id: i64, periods: &[String]) -> Result<Self, StoreError> {
        let mut found = Vec::new();
        for chunk in periods.chunks(super::load::IN_CHUNK) {
            let rows: Vec<(i64, i32)> = reports::table
                .filter(reports::plan_id.eq(plan_id))
                .filter(reports::period.eq_any(chunk))
                .select((reports::id, reports::version))
                .load(conn)
                .map_err(StoreError::database("reading reports' versions"))?;
            found.extend(rows);
        }
        found.sort_unstable();
        let items = plan_items::table
            .filter(plan_items::plan_id.eq(plan_id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting the plan's items"))?;
        let assignments = plan_item_assignments::table
            .inner_join(plan_items::table)
            .filter(plan_items::plan_id.eq(plan_id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting the plan's assignments"))?;
        Ok(Fingerprint {
            reports: found,
            items,
            assignments,
        })
    }
}
