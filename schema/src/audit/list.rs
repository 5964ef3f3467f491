//! Listing entries by unit, indicator, period and actor, within a subtree of the caller.

use diesel::prelude::*;

use super::entry::{AuditEntry, ENTRY_COLUMNS};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::{Db, MultiBackend};
use crate::pagination::{Page, PageRequest};
use crate::schema::{audit_entries, org_units};

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub unit_code: Option<String>,
    pub indicator_code: Option<String>,
    pub period: Option<String>,
    pub actor: Option<String>,
    pub plan_code: Option<String>,
    /// `value_set`, `validation_rule_changed` …
    pub action: Option<String>,
    /// Only entries of units in this subtree; `None`: everywhere.
    pub scope: Option<SubtreeRange>,
}

/// Entries matching `filter`, oldest first.
pub fn list(
    conn: &mut Db,
    filter: &AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditEntry>, StoreError> {
    let total = filtered(filter)
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting audit entries"))?;
    let items = filtered(filter)
        .order(audit_entries::id)
        .limit(page.limit())
        .offset(page.offset())
        .select(ENTRY_COLUMNS)
        .load::<AuditEntry>(conn)
        .map_err(StoreError::database("listing audit entries"))?;
    Ok(Page {
        items,
        request: page,
        total,
    })
}

fn filtered(filter: &AuditFilter) -> audit_entries::BoxedQuery<'static, MultiBackend> {
    let mut query = audit_entries::table.into_boxed();
    if let Some(unit) = &filter.unit_code {
        query = query.filter(audit_entries::unit_code.eq(unit.clone()));
    }
    if let Some(indicator) = &filter.indicator_code {
        query = query.filter(audit_entries::indicator_code.eq(indicator.clone()));
    }
    if let Some(period) = &filter.period {
        query = query.filter(audit_entries::period.eq(period.clone()));
    }
    if let Some(actor) = &filter.actor {
        query = query.filter(audit_entries::actor.eq(actor.clone()));
    }
    if let Some(plan) = &filter.plan_code {
        query = query.filter(audit_entries::plan_code.eq(plan.clone()));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_entries::action.eq(action.clone()));
    }
    if let Some(scope) = &filter.scope {
        let in_scope = org_units::table
            .filter(org_units::path.ge(scope.lower().to_owned()))
            .filter(org_units::path.lt(scope.upper().to_owned()))
            .select(org_units::code);
        query = query.filter(audit_entries::unit_code.eq_any(in_scope));
    }
    query
}
