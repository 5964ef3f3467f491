use actix_web::{HttpResponse, post, web};
use chitieu_schema::catalog::{self, NewSection, Position};
use chitieu_schema::domain::{Name, SectionCode};
use serde::Deserialize;
use utoipa::ToSchema;

use super::respond::created;
use super::views::Section;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// A new section of a catalog.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"code": "IV", "title": "Phát triển hệ sinh thái ĐMST"}))]
pub struct NewSectionRequest {
    /// A Roman numeral from I to XXXIX.
    #[schema(example = "IV")]
    pub code: String,
    #[schema(example = "Phát triển hệ sinh thái ĐMST")]
    pub title: String,
    /// Default: the numeral's value (IV → 4).
    pub position: Option<i32>,
}

impl NewSectionRequest {
    fn parse(self) -> Result<NewSection, ApiError> {
        let mut errors = FieldErrors::new();
        let code = errors.check("/code", SectionCode::parse(&self.code));
        let title = errors.check("/title", Name::parse(&self.title));
        let position = errors.check("/position", self.position.map(Position::parse).transpose());
        errors.finish(|| {
            Some(NewSection {
                code: code?,
                title: title?,
                position: position?,
            })
        })
    }
}

/// Add a section to a catalog.
#[utoipa::path(
    tag = "Catalogs",
    params(("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025")),
    request_body(content = NewSectionRequest, example = json!({
        "code": "IV", "title": "Phát triển hệ sinh thái ĐMST", "position": 4
    })),
    responses(
        (status = 201, description = "The section was added", body = Section,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
        (status = 409, description = "The catalog already has this section", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "catalog NQ57-THAITAN-2025 already has a section IV"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/code: \"4\" is not a Roman numeral such as I, IV or XI",
                "errors": [{"pointer": "/code", "detail": "\"4\" is not a Roman numeral such as I, IV or XI"}]})),
    )
)]
#[post("/catalogs/{code}/sections")]
pub async fn create_section(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: JsonBody<NewSectionRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let new = body.0.parse()?;
    let catalog_code = code.into_inner();
    let section = state
        .db(move |conn| catalog::create_section(conn, &catalog_code, new))
        .await?;
    let location = format!(
        "/api/v1/catalogs/{}/sections/{}",
        section.catalog_code, section.code
    );
    Ok(created(location, section.version, Section::from(section)))
}
