//! `GET /api/v1/org-units/{code}`: one unit, open or closed, with its ETag.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chitieu_schema::org_units;

use super::{OrgUnit, code_in_path, readable_path};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Read an organisation unit.
#[utoipa::path(
    tag = "Organisation units",
    params(("code" = String, Path, description = "The unit's official code", example = "01001")),
    responses(
        (status = 200, description = "The unit", body = OrgUnit,
            headers(("ETag" = String, description = "The version, for If-Match"))),
        (status = 404, description = "No unit has this code, or it lies outside your part of the \
            organisation tree (the same answer)", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "organisation unit 09999 does not exist"})),
    )
)]
#[get("/org-units/{code}")]
pub async fn show_org_unit(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let view = state
        .db(move |conn| {
            readable_path(conn, &caller, &code)?;
            Ok::<_, ApiError>(org_units::find(conn, &code)?)
        })
        .await?;
    Ok(OrgUnit::from_view(view)?.respond(StatusCode::OK))
}
