//! The plan rules of the module docs, applied to a loaded plan.

use chitieu_schema::db::Db;
use chitieu_schema::plans::{self, Plan, PlanScope};

use crate::auth::{Action, Caller};
use crate::error::ApiError;

/// 404 unless the caller may read `plan`: its issuing unit, or a unit assigned to one of its
/// items, is in the caller's scope.
pub fn ensure_readable(caller: &Caller, conn: &mut Db, plan: &Plan) -> Result<(), ApiError> {
    if caller.can_read_path(&plan.issuing_unit_path) {
        return Ok(());
    }
    if let Some(range) = caller.scope() {
        if plans::plan_assigns_within(conn, &plan.code, &range)? {
            return Ok(());
        }
    }
    Err(chitieu_schema::StoreError::not_found("plan", plan.code.as_str()).into())
}

/// 404 unless readable, 403 unless the caller may manage plans of the issuing unit.
pub fn ensure_manageable(caller: &Caller, conn: &mut Db, plan: &Plan) -> Result<(), ApiError> {
    ensure_readable(caller, conn, plan)?;
    if caller.may(Action::ManageCatalogAssignments, &plan.issuing_unit_path) {
        Ok(())
    } else {
        Err(forbidden(caller))
    }
}

pub fn forbidden(caller: &Caller) -> ApiError {
    ApiError::said(
        crate::error::SaidKind::Forbidden,
        chitieu_schema::messages::Message::new("access-may-not-change-plans")
            .message("role", caller.role().message()),
    )
}

/// Which plans the caller may list.
pub fn scope_of(caller: &Caller) -> PlanScope {
    match caller.scope() {
        None => PlanScope::Everything,
        Some(range) => PlanScope::Subtree(range),
    }
}

/// Loads the plan named in the URL and checks that the caller may read it.
pub fn readable_plan(caller: &Caller, conn: &mut Db, code: &str) -> Result<Plan, ApiError> {
    let plan = plans::find_plan(conn, code)?;
    ensure_readable(caller, conn, &plan)?;
    Ok(plan)
}

/// Loads the plan named in the URL and checks that the caller may change it.
pub fn manageable_plan(caller: &Caller, conn: &mut Db, code: &str) -> Result<Plan, ApiError> {
    let plan = plans::find_plan(conn, code)?;
    ensure_manageable(caller, conn, &plan)?;
    Ok(plan)
}
