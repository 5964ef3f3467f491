//! `GET /api/v1/org-units`: the roots of the tree, or a search by parent, kind and name.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::StoreError;
use chitieu_schema::accounts::find_unit;
use chitieu_schema::domain::OrgUnitCode;
use chitieu_schema::org_units::{self, ListFilter, Scope};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{OrgUnit, OrgUnitKindName, paged};
use crate::auth::Caller;
use crate::conditional::ConditionalRead;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListOrgUnitsQuery {
    /// Only units of this kind, anywhere in the tree.
    pub kind: Option<OrgUnitKindName>,
    /// Only the units directly under this one.
    #[param(example = "01")]
    pub parent_code: Option<String>,
    /// Names containing this text, ignoring case, tone-mark placement (`hoá`/`hóa`), dashes
    /// and spacing; or codes starting with it.
    #[param(example = "hoàn kiếm")]
    pub q: Option<String>,
    /// List closed units too (default false).
    #[serde(default)]
    pub include_closed: bool,
}

impl ListOrgUnitsQuery {
    fn parse(self, caller: &Caller) -> Result<ListFilter, ApiError> {
        let scope = match (&self.parent_code, self.kind, &self.q) {
            (Some(raw), _, _) => Scope::ChildrenOf(
                OrgUnitCode::parse(raw)
                    .map_err(|invalid| ApiError::invalid("parentCode", invalid.into_text()))?,
            ),
            (None, None, None) => Scope::Roots,
            (None, _, _) => Scope::Everywhere,
        };
        Ok(ListFilter {
            scope,
            kind: self.kind.map(Into::into),
            query: self.q,
            include_closed: self.include_closed,
            within: caller.scope(),
        })
    }
}

/// List organisation units.
///
/// Only units in your part of the tree are listed (and counted). Without filters: the top of
/// what you may see: the roots (provinces, or the national unit) for administrators, your home
/// unit for everybody else. With `parentCode` (a unit in your part of the tree): the units
/// directly under it. With only `kind` or `q`: matching units anywhere in your part of the
/// tree. Ordered by code.
#[utoipa::path(
    tag = "Organisation units",
    params(PageQuery, ListOrgUnitsQuery),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "A page of units", body = Paged<OrgUnit>),
        (status = 400, description = "A query parameter of the wrong type", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "An unknown parent or a page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "parentCode: there is no organisation unit with code 99",
                "errors": [{"pointer": "parentCode", "detail": "there is no organisation unit with code 99"}]})),
    )
)]
#[get("/org-units")]
pub async fn list_org_units(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    page: web::Query<PageQuery>,
    query: web::Query<ListOrgUnitsQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let filter = query.into_inner().parse(&caller)?;
    let read = ConditionalRead {
        key: format!("org-units {filter:?} {page:?}"),
    };
    let reader = caller.clone();
    read.answer_json(&request, &state, &caller, move |conn| {
        let caller = reader;
        let unknown = |code: &str| {
            ApiError::invalid(
                "parentCode",
                chitieu_schema::messages::Message::new("org-unit-no-unit-with-code")
                    .arg("code", code),
            )
        };
        // A parent outside the caller's subtree is answered as one that does not exist.
        if let Scope::ChildrenOf(code) = &filter.scope {
            let readable = find_unit(conn, code)?.is_some_and(|u| caller.can_read_path(&u.path));
            if !readable {
                return Err(unknown(code.as_str()));
            }
        }
        match org_units::list(conn, &filter, page) {
            Err(StoreError::NotFound { key, .. }) => Err(unknown(&key)),
            other => paged(other?),
        }
    })
    .await
}
