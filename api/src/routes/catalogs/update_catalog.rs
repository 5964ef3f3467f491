use actix_web::{HttpResponse, patch, web};
use chitieu_schema::catalog::{self, CatalogChanges};
use chitieu_schema::domain::{Name, OptionalText};
use serde::Deserialize;
use utoipa::ToSchema;

use super::kinds::CatalogLevel;
use super::nullable::{not_null, present};
use super::respond::current;
use super::views::Catalog;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Changes to a catalog: absent fields stay, `null` clears a nullable one (and is refused for the name). The code is the
/// catalog's identity and does not change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân (sửa đổi)"}))]
pub struct CatalogPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false)]
    pub name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<CatalogLevel>)]
    pub level: Option<Option<CatalogLevel>>,
}

impl CatalogPatch {
    fn parse(self) -> Result<CatalogChanges, ApiError> {
        let mut errors = FieldErrors::new();
        // Each check keeps `Some(None)` for an absent field and `None` for an invalid one.
        let name = errors.check(
            "/name",
            not_null(self.name).and_then(|name| name.as_deref().map(Name::parse).transpose()),
        );
        let description = errors.check(
            "/description",
            self.description
                .map(|text| OptionalText::parse(text.as_deref()))
                .transpose(),
        );
        errors.finish(|| {
            Some(CatalogChanges {
                name: name?,
                description: description?,
                level: self.level.map(|level| level.map(Into::into)),
            })
        })
    }
}

/// Change a catalog.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"1\""),
    ),
    request_body(content = CatalogPatch, example = json!({"description": null, "level": "commune"})),
    responses(
        (status = 200, description = "The changed catalog", body = Catalog,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/name: must not be empty",
                "errors": [{"pointer": "/name", "detail": "must not be empty"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/catalogs/{code}")]
pub async fn update_catalog(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<CatalogPatch>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let changes = body.0.parse()?;
    let code = code.into_inner();
    let catalog = state
        .db(move |conn| catalog::update_catalog(conn, &code, if_match.expected(), changes))
        .await?;
    Ok(current(catalog.version, Catalog::from(catalog)))
}
