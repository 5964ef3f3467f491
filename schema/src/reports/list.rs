//! Listing reports by unit, plan, period and state, within a subtree of the caller.

use diesel::prelude::*;

use super::context::UnitRef;
use super::record::{REPORT_COLUMNS, ReportRow, ReportSummary};
use super::state::ReportState;
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::{org_units, plans, reports};

#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub unit_code: Option<String>,
    pub plan_code: Option<String>,
    pub period: Option<String>,
    pub state: Option<ReportState>,
    /// Only reports of units in this subtree; `None`: everywhere.
    pub scope: Option<SubtreeRange>,
}

/// Reports matching `filter`, by unit code, plan code and period.
pub fn list(
    conn: &mut Db,
    filter: &ReportFilter,
    page: PageRequest,
) -> Result<Page<ReportSummary>, StoreError> {
    macro_rules! filtered {
        () => {{
            let mut query = reports::table
                .inner_join(org_units::table)
                .inner_join(plans::table)
                .into_boxed();
            if let Some(unit) = &filter.unit_code {
                query = query.filter(org_units::code.eq(unit.clone()));
            }
            if let Some(plan) = &filter.plan_code {
                query = query.filter(plans::code.eq(plan.clone()));
            }
            if let Some(period) = &filter.period {
                query = query.filter(reports::period.eq(period.clone()));
            }
            if let Some(state) = filter.state {
                query = query.filter(reports::state.eq(state.as_db_str()));
            }
            if let Some(scope) = &filter.scope {
                query = query
                    .filter(org_units::path.ge(scope.lower().to_owned()))
                    .filter(org_units::path.lt(scope.upper().to_owned()));
            }
            query
        }};
    }
    let total = filtered!()
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting reports"))?;
    let rows: Vec<(ReportRow, UnitRef, String)> = filtered!()
        .order((org_units::code, plans::code, reports::period))
        .limit(page.limit())
        .offset(page.offset())
        .select((
            REPORT_COLUMNS,
            (
                org_units::id,
                org_units::code,
                org_units::path,
                org_units::parent_id,
            ),
            plans::code,
        ))
        .load(conn)
        .map_err(StoreError::database("listing reports"))?;
    let items = rows
        .into_iter()
        .map(|(row, unit, plan)| row.summary(&unit, &plan))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        request: page,
        total,
    })
}
