use actix_web::{HttpResponse, patch, web};
use chitieu_schema::catalog::{self, IndicatorChanges, Position, Precision};
use chitieu_schema::domain::{IndicatorCode, IndicatorNumber, Name, OptionalText, SectionCode};
use serde::Deserialize;
use utoipa::ToSchema;

use super::kinds::{Aggregation, Direction, PeriodAggregation, ValueKind};
use super::nullable::{not_null, present};
use super::respond::current;
use super::views::Indicator;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Changes to an indicator: absent fields stay, `null` clears a nullable one and is
/// refused for the others. The global code
/// and the catalog do not change: exchanges and reports refer to them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số"}))]
pub struct IndicatorPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false)]
    pub number: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false)]
    pub name: Option<Option<String>>,
    /// `null` files the indicator under no section. Sub-indicators move along.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub section_code: Option<Option<String>>,
    /// A parent in the same catalog and section, not the indicator itself or one of its
    /// sub-indicators; `null` makes it a top-level item. Without `sectionCode`, the indicator
    /// moves into the new parent's section.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub parent_code: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub unit_of_measure: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = ValueKind, required = false)]
    pub value_kind: Option<Option<ValueKind>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Direction, required = false)]
    pub direction: Option<Option<Direction>>,
    /// Checked against the value kind (the new one, if it changes too).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Aggregation, required = false)]
    pub aggregation: Option<Option<Aggregation>>,
    /// Checked against the value kind (the new one, if it changes too).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = PeriodAggregation, required = false)]
    pub period_aggregation: Option<Option<PeriodAggregation>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub precision: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = i32, required = false)]
    pub position: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
}

impl IndicatorPatch {
    fn parse(self) -> Result<IndicatorChanges, ApiError> {
        let mut errors = FieldErrors::new();
        // Each check keeps `Some(None)` for an absent field and `None` for an invalid one.
        let number = errors.check(
            "/number",
            not_null(self.number)
                .and_then(|number| number.as_deref().map(IndicatorNumber::parse).transpose()),
        );
        let name = errors.check(
            "/name",
            not_null(self.name).and_then(|name| name.as_deref().map(Name::parse).transpose()),
        );
        let section = errors.check(
            "/sectionCode",
            self.section_code
                .map(|code| code.as_deref().map(SectionCode::parse).transpose())
                .transpose(),
        );
        let parent = errors.check(
            "/parentCode",
            self.parent_code
                .map(|code| code.as_deref().map(IndicatorCode::parse).transpose())
                .transpose(),
        );
        let unit_of_measure = errors.check(
            "/unitOfMeasure",
            self.unit_of_measure
                .map(|unit| unit.as_deref().map(Name::parse).transpose())
                .transpose(),
        );
        let precision = errors.check(
            "/precision",
            self.precision
                .map(|p| p.map(Precision::parse).transpose())
                .transpose(),
        );
        let position = errors.check(
            "/position",
            not_null(self.position).and_then(|p| p.map(Position::parse).transpose()),
        );
        let value_kind = errors.check("/valueKind", not_null(self.value_kind));
        let direction = errors.check("/direction", not_null(self.direction));
        let aggregation = errors.check("/aggregation", not_null(self.aggregation));
        let period_aggregation =
            errors.check("/periodAggregation", not_null(self.period_aggregation));
        let description = errors.check(
            "/description",
            self.description
                .map(|text| OptionalText::parse(text.as_deref()))
                .transpose(),
        );
        errors.finish(|| {
            Some(IndicatorChanges {
                number: number?,
                name: name?,
                section: section?,
                parent: parent?,
                unit_of_measure: unit_of_measure?,
                value_kind: value_kind?.map(Into::into),
                direction: direction?.map(Into::into),
                aggregation: aggregation?.map(Into::into),
                period_aggregation: period_aggregation?.map(Into::into),
                precision: precision?,
                position: position?,
                description: description?,
            })
        })
    }
}

/// Change an indicator.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The indicator's global code", example = "NQ57-THAITAN-7.1"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"1\""),
    ),
    request_body(content = IndicatorPatch, example = json!({
        "parentCode": "NQ57-THAITAN-7", "precision": null
    })),
    responses(
        (status = 200, description = "The changed indicator", body = Indicator,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such indicator", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "indicator NQ57-X does not exist"})),
        (status = 409, description = "The new number is taken in the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "number 7.2 is taken in catalog NQ57-THAITAN-2025 by indicator NQ57-THAITAN-7.2"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422,
                "detail": "/parentCode: indicator NQ57-THAITAN-7 cannot sit under itself or one of its own sub-indicators (NQ57-THAITAN-7.1)",
                "errors": [{"pointer": "/parentCode", "detail": "indicator NQ57-THAITAN-7 cannot sit under itself or one of its own sub-indicators (NQ57-THAITAN-7.1)"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/indicators/{code}")]
pub async fn update_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<IndicatorPatch>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let changes = body.0.parse()?;
    let code = code.into_inner();
    let indicator = state
        .db(move |conn| catalog::update_indicator(conn, &code, if_match.expected(), changes))
        .await?;
    Ok(current(indicator.version, Indicator::from(indicator)))
}
