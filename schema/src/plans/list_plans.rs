use diesel::prelude::*;

use super::assignments::plans_assigning_within;
use super::records::{PLAN_COLUMNS, Plan, PlanRow};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::{catalogs, org_units, plans};

/// Which plans a caller may list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanScope {
    /// Every plan (administrators).
    Everything,
    /// Plans issued by a unit inside the range, and plans that assign an item to a unit
    /// inside it (plans of units above the caller that it must report on).
    Subtree(SubtreeRange),
}

/// Plans in code order.
pub fn list_plans(
    conn: &mut Db,
    scope: &PlanScope,
    request: PageRequest,
) -> Result<Page<Plan>, StoreError> {
    let base = || {
        plans::table
            .inner_join(org_units::table)
            .inner_join(catalogs::table)
            .into_boxed()
    };
    let (mut counted, mut listed) = (base(), base());
    if let PlanScope::Subtree(range) = scope {
        let assigned = plans_assigning_within(conn, range)?;
        let issued_within = || {
            org_units::path
                .ge(range.lower().to_owned())
                .and(org_units::path.lt(range.upper().to_owned()))
        };
        counted = counted.filter(issued_within().or(plans::id.eq_any(assigned.clone())));
        listed = listed.filter(issued_within().or(plans::id.eq_any(assigned)));
    }
    let total: i64 = counted
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting plans"))?;
    let rows: Vec<(PlanRow, String, String, String)> = listed
        .select((
            PLAN_COLUMNS,
            org_units::code,
            org_units::path,
            catalogs::code,
        ))
        .order_by(plans::code)
        .offset(request.offset())
        .limit(request.limit())
        .load(conn)
        .map_err(StoreError::database("listing plans"))?;
    let items = rows
        .into_iter()
        .map(|(row, unit, path, catalog)| row.into_record(unit, path, catalog))
        .collect::<Result<_, _>>()?;
    Ok(Page {
        items,
        request,
        total,
    })
}
