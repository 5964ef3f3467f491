use actix_web::{HttpResponse, patch, web};
use chitieu_schema::catalog::{self, Position, SectionChanges};
use chitieu_schema::domain::Name;
use serde::Deserialize;
use utoipa::ToSchema;

use super::nullable::{not_null, present};
use super::path_codes::section_in_path;
use super::respond::current;
use super::views::Section;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Changes to a section; absent fields stay, `null` is refused. The numeral is the section's identity.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"title": "Phát triển hạ tầng số"}))]
pub struct SectionPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false)]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = i32, required = false)]
    pub position: Option<Option<i32>>,
}

impl SectionPatch {
    fn parse(self) -> Result<SectionChanges, ApiError> {
        let mut errors = FieldErrors::new();
        let title = errors.check(
            "/title",
            not_null(self.title).and_then(|title| title.as_deref().map(Name::parse).transpose()),
        );
        let position = errors.check(
            "/position",
            not_null(self.position).and_then(|p| p.map(Position::parse).transpose()),
        );
        errors.finish(|| {
            Some(SectionChanges {
                title: title?,
                position: position?,
            })
        })
    }
}

/// Change a section.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        ("sectionCode" = String, Path, description = "The section's numeral", example = "IV"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"1\""),
    ),
    request_body(content = SectionPatch, example = json!({"title": "Phát triển hạ tầng số", "position": 1})),
    responses(
        (status = 200, description = "The changed section", body = Section,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such catalog or section", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "section IV of catalog NQ57-THAITAN-2025 does not exist"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/title: must not be empty",
                "errors": [{"pointer": "/title", "detail": "must not be empty"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/catalogs/{code}/sections/{sectionCode}")]
pub async fn update_section(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
    body: JsonBody<SectionPatch>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let (catalog_code, section_code) = path.into_inner();
    let section_code = section_in_path(&section_code)?;
    let changes = body.0.parse()?;
    let section = state
        .db(move |conn| {
            catalog::update_section(
                conn,
                &catalog_code,
                section_code.as_str(),
                if_match.expected(),
                changes,
            )
        })
        .await?;
    Ok(current(section.version, Section::from(section)))
}
