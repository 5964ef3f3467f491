//! `/api/v1/org-units`: the organisation tree (national → province → commune → unit), addressed
//! by official codes.

mod ancestors;
mod children;
mod close;
mod create;
mod list;
mod show;
mod subtree;
mod update;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, HttpResponseBuilder};
use chitieu_schema::accounts::find_unit;
use chitieu_schema::db::Db;
use chitieu_schema::domain::{OrgUnitCode, OrgUnitKind};
use chitieu_schema::org_units::OrgUnitView;
use chitieu_schema::pagination::Page;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::with_etag;
use crate::pagination::Paged;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_org_unit)
        .service(list::list_org_units)
        .service(show::show_org_unit)
        .service(update::update_org_unit)
        .service(children::list_children)
        .service(subtree::list_subtree)
        .service(ancestors::list_ancestors)
        .service(close::close_org_unit);
}

/// The level of a unit in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OrgUnitKindName {
    /// The optional national root.
    National,
    Province,
    /// A xã, phường or đặc khu.
    Commune,
    /// An agency or other unit: a department, a commune office, a school, a clinic.
    Unit,
}

impl From<OrgUnitKindName> for OrgUnitKind {
    fn from(kind: OrgUnitKindName) -> Self {
        match kind {
            OrgUnitKindName::National => OrgUnitKind::National,
            OrgUnitKindName::Province => OrgUnitKind::Province,
            OrgUnitKindName::Commune => OrgUnitKind::Commune,
            OrgUnitKindName::Unit => OrgUnitKind::Unit,
        }
    }
}

impl From<OrgUnitKind> for OrgUnitKindName {
    fn from(kind: OrgUnitKind) -> Self {
        match kind {
            OrgUnitKind::National => OrgUnitKindName::National,
            OrgUnitKind::Province => OrgUnitKindName::Province,
            OrgUnitKind::Commune => OrgUnitKindName::Commune,
            OrgUnitKind::Unit => OrgUnitKindName::Unit,
        }
    }
}

/// An organisation unit. A closed unit stays readable, with its successors.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "code": "01001", "name": "Phường Hoàn Kiếm", "kind": "commune", "parentCode": "01",
    "level": 2, "validFrom": "2025-07-01", "validTo": null, "closed": false,
    "closureReason": null, "successors": [], "predecessors": ["00070", "00082"], "version": 3,
    "createdAt": "2026-11-22T05:00:00Z", "updatedAt": "2026-11-22T05:10:00Z"
}))]
pub struct OrgUnit {
    /// The official code (QĐ 19/2025/QĐ-TTg for provinces and communes).
    pub code: String,
    /// The name in Unicode NFC.
    pub name: String,
    pub kind: OrgUnitKindName,
    /// The parent's code; absent for a root.
    pub parent_code: Option<String>,
    /// 1 for a root, 2 for its children, and so on.
    pub level: i32,
    pub valid_from: Option<NaiveDate>,
    /// The day the unit closed (inclusive of its last reports).
    pub valid_to: Option<NaiveDate>,
    pub closed: bool,
    pub closure_reason: Option<String>,
    /// Codes of the units that took over when this one closed.
    pub successors: Vec<String>,
    /// Codes of the units this one took over from.
    pub predecessors: Vec<String>,
    /// Also the ETag: send it back in `If-Match` to change the unit.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrgUnit {
    pub fn from_view(view: OrgUnitView) -> Result<Self, ApiError> {
        let kind = view.row.kind()?;
        let row = view.row;
        Ok(OrgUnit {
            parent_code: row.parent_code().map(str::to_owned),
            closed: row.is_closed(),
            code: row.code,
            name: row.name,
            kind: kind.into(),
            level: row.depth,
            valid_from: row.valid_from,
            valid_to: row.valid_to,
            closure_reason: row.closure_reason,
            successors: view.successors,
            predecessors: view.predecessors,
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }

    /// Converts a batch, failing on the first unit that cannot be shown.
    pub fn from_views(views: Vec<OrgUnitView>) -> Result<Vec<Self>, ApiError> {
        views.into_iter().map(Self::from_view).collect()
    }

    /// The unit as a response with its ETag.
    fn respond(self, status: StatusCode) -> HttpResponse {
        let mut builder = HttpResponseBuilder::new(status);
        with_etag(&mut builder, self.version);
        builder.json(self)
    }
}

/// A page of stored units as a page of API units.
fn paged(page: Page<OrgUnitView>) -> Result<Paged<OrgUnit>, ApiError> {
    let Page {
        items,
        request,
        total,
    } = page;
    let items = OrgUnit::from_views(items)?;
    Ok(Paged::from_page(
        Page {
            items,
            request,
            total,
        },
        |unit| unit,
    ))
}

/// A code in the URL: one that cannot be a code names no unit.
pub(crate) fn code_in_path(raw: &str) -> Result<OrgUnitCode, ApiError> {
    OrgUnitCode::parse(raw).map_err(|_| missing(raw))
}

/// The 404 for a unit that does not exist, and for one outside the caller's subtree: the same
/// answer, so a caller cannot learn what exists outside its scope.
fn missing(code: &str) -> ApiError {
    ApiError::from(chitieu_schema::StoreError::not_found(
        "organisation unit",
        code,
    ))
}

/// The path of the unit with `code`, when the caller may read it; [`missing`] otherwise.
pub(crate) fn readable_path(
    conn: &mut Db,
    caller: &Caller,
    code: &OrgUnitCode,
) -> Result<String, ApiError> {
    match find_unit(conn, code)? {
        Some(unit) if caller.can_read_path(&unit.path) => Ok(unit.path),
        _ => Err(missing(code.as_str())),
    }
}

/// The root of a listing: the unit `unit` when the caller may read it, else the caller's own
/// part of the tree; `None` (everything) for administrators without `unit`.
pub(crate) fn listing_root(
    conn: &mut Db,
    caller: &Caller,
    unit: Option<&str>,
) -> Result<Option<String>, ApiError> {
    Ok(match (unit, caller.scope()) {
        (Some(code), _) => Some(readable_path(conn, caller, &code_in_path(code)?)?),
        (None, Some(range)) => Some(range.lower().to_owned()),
        (None, None) => None,
    })
}

/// The path of the unit with `code`, or `None` when no unit has it: for the policy checks of
/// changes, which answer the same for both.
fn path_of(conn: &mut Db, code: &OrgUnitCode) -> Result<Option<String>, ApiError> {
    Ok(find_unit(conn, code)?.map(|unit| unit.path))
}

/// Whether closed units are listed too.
#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ClosedQuery {
    /// List closed units too (default false).
    #[param(example = false)]
    #[serde(default)]
    pub include_closed: bool,
}
