//! `POST /api/v1/org-units`: creates a unit under an open parent of an allowed kind.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, post, web};
use chitieu_schema::domain::{Name, OrgUnitCode, OrgUnitKind};
use chitieu_schema::org_units::{self, NewOrgUnit};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{OrgUnit, OrgUnitKindName, path_of};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "code": "01001-VHXH", "name": "Phòng Văn hóa – Xã hội", "kind": "unit",
    "parentCode": "01001", "validFrom": "2025-07-01"
}))]
pub struct CreateOrgUnitRequest {
    /// The official code: 2 digits for a province, 5 for a commune; other units take a code of
    /// their own such as `01001-VHXH` (A-Z, 0-9, `.`, `_`, `-`).
    #[schema(example = "01001-VHXH")]
    pub code: String,
    #[schema(example = "Phòng Văn hóa – Xã hội")]
    pub name: String,
    pub kind: OrgUnitKindName,
    /// The parent's code. A commune sits under a province; a unit under a province, a commune
    /// or another unit; a province at the root or under the national unit.
    #[schema(example = "01001")]
    pub parent_code: Option<String>,
    #[schema(example = "2025-07-01")]
    pub valid_from: Option<NaiveDate>,
}

impl CreateOrgUnitRequest {
    fn parse(self) -> Result<NewOrgUnit, ApiError> {
        let kind = OrgUnitKind::from(self.kind);
        let mut errors = FieldErrors::new();
        let code = errors.check("/code", OrgUnitCode::parse_for(kind, &self.code));
        let name = errors.check("/name", Name::parse(&self.name));
        let parent_code = match self.parent_code.as_deref() {
            Some(raw) => errors
                .check("/parentCode", OrgUnitCode::parse(raw))
                .map(Some),
            None => Some(None),
        };
        errors.finish(|| {
            Some(NewOrgUnit {
                code: code?,
                name: name?,
                kind,
                parent_code: parent_code?,
                valid_from: self.valid_from,
            })
        })
    }
}

/// Create an organisation unit.
///
/// Administrators anywhere; province and commune officers under their home unit or below it.
/// Only administrators create roots. Answers with the unit, its `ETag` and its `Location`.
#[utoipa::path(
    tag = "Organisation units",
    request_body(content = CreateOrgUnitRequest, example = json!({
        "code": "01001", "name": "Phường Hoàn Kiếm", "kind": "commune", "parentCode": "01",
        "validFrom": "2025-07-01"
    })),
    responses(
        (status = 201, description = "Created", body = OrgUnit, headers(
            ("ETag" = String, description = "The version, for If-Match"),
            ("Location" = String, description = "The unit's URL"))),
        (status = 400, description = "Not JSON, or a field of the wrong type", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:malformed-request", "title": "The request is malformed",
                "status": 400, "detail": "/name: invalid type: integer `5`, expected a string",
                "errors": [{"pointer": "/name", "detail": "invalid type: integer `5`, expected a string"}]})),
        (status = 403, description = "Not an administrator nor an officer; a root made by a \
            non-administrator; or a parent outside your part of the tree or that does not exist",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "an organisation unit with code 01001 already exists"})),
        (status = 413, description = "The body is too large", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Invalid code, name or parent", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/parentCode: a commune cannot sit under a commune (01002); its parent must be a province",
                "errors": [{"pointer": "/parentCode", "detail": "a commune cannot sit under a commune (01002); its parent must be a province"}]})),
    )
)]
#[post("/org-units")]
pub async fn create_org_unit(
    caller: Caller,
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<CreateOrgUnitRequest>,
) -> Result<HttpResponse, ApiError> {
    let new = body.parse()?;
    let view = state
        .db(move |conn| {
            match &new.parent_code {
                None => caller.require_admin()?,
                Some(parent) => {
                    let parent_path = path_of(conn, parent)?;
                    caller.ensure_may_add_under(parent_path.as_deref())?;
                }
            }
            Ok::<_, ApiError>(org_units::create(conn, &new)?)
        })
        .await?;
    let unit = OrgUnit::from_view(view)?;
    let location = format!("/api/v1/org-units/{}", unit.code);
    let mut response = unit.respond(StatusCode::CREATED);
    response.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(&location)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("a code made a bad header: {e}")))?,
    );
    Ok(response)
}
