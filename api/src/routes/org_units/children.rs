//! `GET /api/v1/org-units/{code}/children`: the units directly under one, by code.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::org_units::{self, ListFilter, Scope};

use super::{ClosedQuery, OrgUnit, code_in_path, paged, readable_path};
use crate::auth::Caller;
use crate::conditional::ConditionalRead;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List the units directly under a unit.
#[utoipa::path(
    tag = "Organisation units",
    params(("code" = String, Path, description = "The parent's official code", example = "01"),
        PageQuery, ClosedQuery),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "A page of child units, ordered by code", body = Paged<OrgUnit>),
        (status = 404, description = "No unit has this code, or it lies outside your part of the \
            organisation tree (the same answer)", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/children")]
pub async fn list_children(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    page: web::Query<PageQuery>,
    closed: web::Query<ClosedQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let code = code_in_path(&code)?;
    let filter = ListFilter {
        scope: Scope::ChildrenOf(code.clone()),
        kind: None,
        query: None,
        include_closed: closed.include_closed,
        within: caller.scope(),
    };
    let read = ConditionalRead {
        key: format!("org-unit children {filter:?} {page:?}"),
    };
    let reader = caller.clone();
    read.answer_json(&request, &state, &caller, move |conn| {
        readable_path(conn, &reader, &code)?;
        paged(org_units::list(conn, &filter, page)?)
    })
    .await
}
