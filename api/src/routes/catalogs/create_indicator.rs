use actix_web::{HttpResponse, post, web};
use chitieu_schema::catalog::{self, Measure, NewIndicator, Position, Precision};
use chitieu_schema::domain::{
    CatalogCode, IndicatorCode, IndicatorNumber, Name, OptionalText, SectionCode,
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::kinds::{Aggregation, Direction, PeriodAggregation, ValueKind};
use super::respond::created;
use super::views::Indicator;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// A new indicator of a catalog.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "catalogCode": "NQ57-THAITAN-2025", "code": "NQ57-THAITAN-7.1", "number": "7.1",
    "name": "Tỷ lệ cán bộ, công chức làm chủ kỹ năng số", "unitOfMeasure": "%",
    "valueKind": "percent"
}))]
pub struct NewIndicatorRequest {
    #[schema(example = "NQ57-THAITAN-2025")]
    pub catalog_code: String,
    /// Global and unique across catalogs: the DHIS2 `dataElement` code in exchanges.
    #[schema(example = "NQ57-THAITAN-7.1")]
    pub code: String,
    /// The numbering inside the catalog, unique there: 7, 7.1, 18.1.
    #[schema(example = "7.1")]
    pub number: String,
    #[schema(example = "Tỷ lệ cán bộ, công chức làm chủ kỹ năng số")]
    pub name: String,
    /// Default: the parent's section, for a sub-indicator.
    #[schema(example = "II")]
    pub section_code: Option<String>,
    /// The parent's global code. Default: the indicator of the same catalog numbered like this
    /// one's parent number (7 for 7.1), when there is one.
    pub parent_code: Option<String>,
    #[schema(example = "%")]
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub direction: Option<Direction>,
    pub aggregation: Option<Aggregation>,
    /// How a quarter or year derives from its months; default by value kind.
    pub period_aggregation: Option<PeriodAggregation>,
    /// Decimals, 0 to 6.
    #[schema(example = 1)]
    pub precision: Option<i32>,
    /// Default: after the last indicator of the catalog.
    pub position: Option<i32>,
    pub description: Option<String>,
}

impl NewIndicatorRequest {
    fn parse(self) -> Result<NewIndicator, ApiError> {
        let mut errors = FieldErrors::new();
        let catalog = errors.check("/catalogCode", CatalogCode::parse(&self.catalog_code));
        let code = errors.check("/code", IndicatorCode::parse(&self.code));
        let number = errors.check("/number", IndicatorNumber::parse(&self.number));
        let name = errors.check("/name", Name::parse(&self.name));
        let section = errors.check(
            "/sectionCode",
            self.section_code
                .as_deref()
                .map(SectionCode::parse)
                .transpose(),
        );
        let parent = errors.check(
            "/parentCode",
            self.parent_code
                .as_deref()
                .map(IndicatorCode::parse)
                .transpose(),
        );
        let unit_of_measure = errors.check(
            "/unitOfMeasure",
            self.unit_of_measure.as_deref().map(Name::parse).transpose(),
        );
        let measure = match Measure::parse(
            self.value_kind.into(),
            self.direction.map(Into::into),
            self.aggregation.map(Into::into),
            self.period_aggregation.map(Into::into),
        ) {
            Ok(measure) => Some(measure),
            Err(misfits) => {
                for misfit in misfits {
                    errors.add(&format!("/{}", misfit.field), misfit.reason.into_text());
                }
                None
            }
        };
        let precision = errors.check(
            "/precision",
            self.precision.map(Precision::parse).transpose(),
        );
        let position = errors.check("/position", self.position.map(Position::parse).transpose());
        let description = errors.check(
            "/description",
            OptionalText::parse(self.description.as_deref()),
        );
        errors.finish(|| {
            Some(NewIndicator {
                catalog: catalog?,
                code: code?,
                number: number?,
                name: name?,
                section: section?,
                parent: parent?,
                unit_of_measure: unit_of_measure?,
                measure: measure?,
                precision: precision?,
                position: position?,
                description: description?,
            })
        })
    }
}

/// Add an indicator to a catalog.
///
/// Direction, aggregation and period aggregation default per value kind; an aggregation that
/// does not fit the kind (ranks and scores never sum, percents roll up as a ratio) is refused
/// under `/aggregation`, a period aggregation that does not (a status summed over months, text
/// derived at all) under `/periodAggregation`.
#[utoipa::path(
    tag = "Catalogs",
    request_body(content = NewIndicatorRequest, example = json!({
        "catalogCode": "NQ57-THAITAN-2025", "code": "NQ57-THAITAN-7.1", "number": "7.1",
        "name": "Tỷ lệ cán bộ, công chức làm chủ kỹ năng số", "unitOfMeasure": "%",
        "valueKind": "percent", "periodAggregation": "last", "precision": 1
    })),
    responses(
        (status = 201, description = "The indicator was added", body = Indicator,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The code, or the number in the catalog, is taken", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "number 7.1 is taken in catalog NQ57-THAITAN-2025 by indicator NQ57-THAITAN-7.1"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "2 field(s) are invalid",
                "errors": [
                    {"pointer": "/number", "detail": "\"7.\" is not an item number such as 7 or 7.1"},
                    {"pointer": "/aggregation", "detail": "rank values cannot roll up by sum: ranks and scores do not sum"}]})),
    )
)]
#[post("/indicators")]
pub async fn create_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<NewIndicatorRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let new = body.0.parse()?;
    let indicator = state
        .db(move |conn| catalog::create_indicator(conn, new))
        .await?;
    let location = format!("/api/v1/indicators/{}", indicator.code);
    Ok(created(
        location,
        indicator.version,
        Indicator::from(indicator),
    ))
}
