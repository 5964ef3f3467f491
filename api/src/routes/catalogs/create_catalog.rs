use actix_web::{HttpResponse, post, web};
use chitieu_schema::catalog::{self, NewCatalog};
use chitieu_schema::domain::{CatalogCode, Name, OptionalText};
use serde::Deserialize;
use utoipa::ToSchema;

use super::kinds::CatalogLevel;
use super::respond::created;
use super::views::Catalog;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// A new, empty catalog.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "code": "NQ57-THAITAN-2025", "name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân",
    "level": "commune"
}))]
pub struct NewCatalogRequest {
    /// 2 to 64 of `A-Z 0-9 . _ -`.
    #[schema(example = "NQ57-THAITAN-2025")]
    pub code: String,
    #[schema(example = "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân")]
    pub name: String,
    pub description: Option<String>,
    pub level: Option<CatalogLevel>,
}

impl NewCatalogRequest {
    fn parse(self) -> Result<NewCatalog, ApiError> {
        let mut errors = FieldErrors::new();
        let code = errors.check("/code", CatalogCode::parse(&self.code));
        let name = errors.check("/name", Name::parse(&self.name));
        let description = errors.check(
            "/description",
            OptionalText::parse(self.description.as_deref()),
        );
        errors.finish(|| {
            Some(NewCatalog {
                code: code?,
                name: name?,
                description: description?,
                level: self.level.map(Into::into),
            })
        })
    }
}

/// Create a catalog.
#[utoipa::path(
    tag = "Catalogs",
    request_body(content = NewCatalogRequest, example = json!({
        "code": "NQ57-THAITAN-2025", "name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân",
        "description": "Phụ lục 2", "level": "commune"
    })),
    responses(
        (status = 201, description = "The catalog was created", body = Catalog,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "catalog code NQ57-THAITAN-2025 is taken"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/code: must be 2 to 64 characters long",
                "errors": [{"pointer": "/code", "detail": "must be 2 to 64 characters long"}]})),
    )
)]
#[post("/catalogs")]
pub async fn create_catalog(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<NewCatalogRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let new = body.0.parse()?;
    let catalog = state
        .db(move |conn| catalog::create_catalog(conn, new))
        .await?;
    let location = format!("/api/v1/catalogs/{}", catalog.code);
    Ok(created(location, catalog.version, Catalog::from(catalog)))
}
