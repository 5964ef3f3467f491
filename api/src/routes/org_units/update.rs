//! `PATCH /api/v1/org-units/{code}`: rename and/or move a unit, against the version read.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, patch, web};
use chitieu_schema::domain::{Name, OrgUnitCode};
use chitieu_schema::org_units::{self, OrgUnitChanges};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{OrgUnit, code_in_path, path_of};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// The fields to change; absent fields stay as they are. Code and kind cannot change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Phường Hoàn Kiếm", "parentCode": "01"}))]
pub struct UpdateOrgUnitRequest {
    #[schema(example = "Phường Hoàn Kiếm")]
    pub name: Option<String>,
    /// Move the unit, with everything under it, under this unit. The new parent must be open,
    /// of a kind the unit may sit under, and not the unit itself or below it.
    #[schema(example = "01")]
    pub parent_code: Option<String>,
    #[schema(example = "2025-07-01")]
    pub valid_from: Option<NaiveDate>,
}

impl UpdateOrgUnitRequest {
    fn parse(self) -> Result<OrgUnitChanges, ApiError> {
        let mut errors = FieldErrors::new();
        let name = self
            .name
            .as_deref()
            .map(|raw| errors.check("/name", Name::parse(raw)));
        let parent_code = self
            .parent_code
            .as_deref()
            .map(|raw| errors.check("/parentCode", OrgUnitCode::parse(raw)));
        errors.finish(|| {
            Some(OrgUnitChanges {
                name: name.map_or(Some(None), |parsed| parsed.map(Some))?,
                parent_code: parent_code.map_or(Some(None), |parsed| parsed.map(Some))?,
                valid_from: self.valid_from,
            })
        })
    }
}

/// Rename or move an organisation unit.
///
/// Administrators, and officers for units strictly below their home unit (a unit does not
/// rename itself; the level above does); a new parent must be their home unit or below it.
/// Needs `If-Match` with the ETag last read. A move carries the whole subtree along; every
/// unit in it gets a new version, since its level and ancestors changed.
#[utoipa::path(
    tag = "Organisation units",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "01001"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"3\""),
    ),
    request_body(content = UpdateOrgUnitRequest, example = json!({"parentCode": "79"})),
    responses(
        (status = 200, description = "Changed", body = OrgUnit,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, description = "Not JSON, an unknown field, or a field of the wrong type",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator, nor an officer above the unit; or the unit (or a unit \
            named in the request) lies outside your part of the tree or does not exist", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No unit has this code (administrators; everybody else gets \
            403)", body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "An invalid name, or a parent the unit cannot move under \
            (unknown, closed, of the wrong kind, or the unit itself or one of its descendants)",
            body = crate::problem::Problem, content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422,
                "detail": "/parentCode: 01001-VHXH lies under 01001: a unit cannot move under its own descendant",
                "errors": [{"pointer": "/parentCode",
                    "detail": "01001-VHXH lies under 01001: a unit cannot move under its own descendant"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/org-units/{code}")]
pub async fn update_org_unit(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
    JsonBody(body): JsonBody<UpdateOrgUnitRequest>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let changes = body.parse()?;
    let view = state
        .db(move |conn| {
            let path = path_of(conn, &code)?;
            caller.ensure_may_change(Action::ManageUnits, path.as_deref())?;
            if let Some(parent) = &changes.parent_code {
                let parent_path = path_of(conn, parent)?;
                caller.ensure_may_add_under(parent_path.as_deref())?;
            }
            Ok::<_, ApiError>(org_units::update(
                conn,
                &code,
                if_match.expected(),
                &changes,
            )?)
        })
        .await?;
    Ok(OrgUnit::from_view(view)?.respond(StatusCode::OK))
}
