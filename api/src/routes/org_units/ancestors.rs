//! `GET /api/v1/org-units/{code}/ancestors`: the chain from the root down to the parent.

use actix_web::{HttpResponse, get, web};
use chitieu_schema::org_units;

use super::{OrgUnit, code_in_path, readable_path};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// List the ancestors of a unit, root first, ending with its parent.
///
/// Empty for a root. Not paged: the tree is at most a few levels deep. The unit must be in your
/// part of the tree; the units above it are listed even when they lie above your home unit.
#[utoipa::path(
    tag = "Organisation units",
    params(("code" = String, Path, description = "The unit's official code", example = "01001-VHXH")),
    responses(
        (status = 200, description = "The ancestors, root first", body = Vec<OrgUnit>),
        (status = 404, description = "No unit has this code, or it lies outside your part of the \
            organisation tree (the same answer)", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/ancestors")]
pub async fn list_ancestors(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let views = state
        .db(move |conn| {
            readable_path(conn, &caller, &code)?;
            Ok::<_, ApiError>(org_units::ancestors(conn, &code)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(OrgUnit::from_views(views)?))
}
