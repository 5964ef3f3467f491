//! `GET /api/v1/org-units/{code}/subtree`: a unit and everything below it, page by page.

use actix_web::{HttpResponse, get, web};
use chitieu_schema::org_units::{self, SubtreeFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{OrgUnit, OrgUnitKindName, code_in_path, paged, readable_path};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SubtreeQuery {
    /// Only units of this kind.
    pub kind: Option<OrgUnitKindName>,
    /// How many levels below the unit to include, relative to it: 0 is the unit alone, 1 adds
    /// its children. Unlimited when absent.
    #[param(minimum = 0, maximum = 2147483647, example = 1)]
    pub max_depth: Option<u32>,
    /// List closed units too (default false).
    #[serde(default)]
    pub include_closed: bool,
}

/// List a subtree in path order.
///
/// The unit itself comes first (when it matches the filters), and each unit precedes its
/// descendants. One range scan on the materialised path, however deep the tree.
#[utoipa::path(
    tag = "Organisation units",
    params(("code" = String, Path, description = "The subtree root's official code", example = "01"),
        PageQuery, SubtreeQuery),
    responses(
        (status = 200, description = "A page of the subtree", body = Paged<OrgUnit>),
        (status = 400, description = "A query parameter of the wrong type", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No unit has this code, or it lies outside your part of the \
            organisation tree (the same answer)", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "pageSize: pageSize must be between 1 and 500",
                "errors": [{"pointer": "pageSize", "detail": "pageSize must be between 1 and 500"}]})),
    )
)]
#[get("/org-units/{code}/subtree")]
pub async fn list_subtree(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    page: web::Query<PageQuery>,
    query: web::Query<SubtreeQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let code = code_in_path(&code)?;
    let query = query.into_inner();
    // The document's bound: a 32-bit signed integer, as most clients hold it.
    if query
        .max_depth
        .is_some_and(|depth| depth > i32::MAX.unsigned_abs())
    {
        return Err(ApiError::invalid(
            "maxDepth",
            chitieu_schema::messages::Message::new("invalid-max-depth"),
        ));
    }
    let filter = SubtreeFilter {
        kind: query.kind.map(Into::into),
        max_depth: query.max_depth,
        include_closed: query.include_closed,
        within: caller.scope(),
    };
    let found = state
        .db(move |conn| {
            readable_path(conn, &caller, &code)?;
            Ok::<_, ApiError>(org_units::subtree(conn, &code, &filter, page)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(paged(found)?))
}
