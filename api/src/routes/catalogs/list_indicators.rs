use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog::{self, IndicatorFilter};
use chitieu_schema::domain::{CatalogCode, SectionCode};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::Indicator;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Which indicators to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct IndicatorQuery {
    /// Only this catalog's indicators.
    #[param(example = "NQ57-THAITAN-2025")]
    pub catalog: Option<String>,
    /// Only indicators filed under this section numeral.
    #[param(example = "II")]
    pub section: Option<String>,
    /// Words of the name, regardless of case, tone-mark placement (hoá/hóa) and dashes.
    #[param(example = "kỹ năng số")]
    pub q: Option<String>,
}

impl IndicatorQuery {
    fn parse(self) -> Result<IndicatorFilter, ApiError> {
        let mut errors = FieldErrors::new();
        let catalog = errors.check(
            "catalog",
            self.catalog.as_deref().map(CatalogCode::parse).transpose(),
        );
        let section = errors.check(
            "section",
            self.section.as_deref().map(SectionCode::parse).transpose(),
        );
        errors.finish(|| {
            Some(IndicatorFilter {
                catalog: catalog?,
                section: section?,
                name_contains: self.q,
            })
        })
    }
}

/// List indicators, by catalog then position.
#[utoipa::path(
    tag = "Catalogs",
    params(IndicatorQuery, PageQuery),
    responses(
        (status = 200, description = "A page of indicators", body = Paged<Indicator>),
        (status = 422, description = "A filter or the page is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "section: \"2\" is not a Roman numeral such as I, IV or XI",
                "errors": [{"pointer": "section", "detail": "\"2\" is not a Roman numeral such as I, IV or XI"}]})),
    )
)]
#[get("/indicators")]
pub async fn list_indicators(
    state: web::Data<AppState>,
    filter: web::Query<IndicatorQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let filter = filter.into_inner().parse()?;
    let request = page.into_inner().to_request()?;
    let page = state
        .db(move |conn| catalog::list_indicators(conn, &filter, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, Indicator::from)))
}
