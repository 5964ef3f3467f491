use std::collections::BTreeMap;

use actix_web::{HttpResponse, post, web};
use chitieu_schema::domain::{IndicatorCode, OptionalText, OrgUnitCode, Target};
use chitieu_schema::plans::{self, Assignees, NewPlanItem};
use serde::Deserialize;
use utoipa::ToSchema;

use super::access::manageable_plan;
use super::requests::{parse_targets, parse_unit_codes};
use super::views::PlanItem;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::created;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// An indicator added to a plan, with its target cells per milestone year as written.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "indicatorCode": "NQ57-THAITAN-1",
    "targets": {"2025": "≥60%", "2030": "100%", "2035": "100%", "2040": "100%", "2045": "100%"},
    "leadUnitCode": "31001-VHXH", "outputProduct": "Bộ số liệu báo cáo"
}))]
pub struct NewItemRequest {
    /// An indicator of the plan's catalog.
    #[schema(example = "NQ57-THAITAN-1")]
    pub indicator_code: String,
    /// Target cells by year (2000–2100), exactly as written in the plan (`≥60%`,
    /// `$\geq 70\%$`, `Đạt`, `-`). Each is kept as written and read by the target parser.
    #[serde(default)]
    #[schema(example = json!({"2025": "≥60%", "2030": "100%"}))]
    pub targets: BTreeMap<String, String>,
    /// The lead agency (cơ quan chủ trì): a unit in the issuing unit's subtree.
    pub lead_unit_code: Option<String>,
    /// Coordinating agencies (cơ quan phối hợp), in the issuing unit's subtree.
    #[serde(default)]
    pub coordinating_unit_codes: Vec<String>,
    /// Usually "Bộ số liệu báo cáo".
    pub output_product: Option<String>,
    pub note: Option<String>,
    /// Order in the plan; default after the last item.
    pub position: Option<i32>,
}

impl NewItemRequest {
    fn parse(self) -> Result<NewPlanItem, ApiError> {
        let mut errors = FieldErrors::new();
        let indicator = errors.check("/indicatorCode", IndicatorCode::parse(&self.indicator_code));
        let targets: BTreeMap<_, _> =
            parse_targets(&mut errors, self.targets, |cell| Some(Target::parse(&cell)))
                .into_iter()
                .filter_map(|(year, target)| target.map(|t| (year, t)))
                .collect();
        let lead = match &self.lead_unit_code {
            Some(code) => errors
                .check("/leadUnitCode", OrgUnitCode::parse(code))
                .map(Some),
            None => Some(None),
        };
        let coordinating = parse_unit_codes(&mut errors, &self.coordinating_unit_codes);
        let output_product = errors.check(
            "/outputProduct",
            OptionalText::parse(self.output_product.as_deref()),
        );
        let note = errors.check("/note", OptionalText::parse(self.note.as_deref()));
        errors.finish(|| {
            Some(NewPlanItem {
                indicator: indicator?,
                targets,
                assignees: Assignees {
                    lead: lead?,
                    coordinating: coordinating?,
                },
                output_product: output_product?.into_option(),
                note: note?.into_option(),
                position: self.position,
            })
        })
    }
}

/// Add an indicator to a plan.
///
/// The answer shows each target as written with what it was understood to mean, and why a
/// qualitative one could not be read with certainty.
#[utoipa::path(
    tag = "Plans",
    params(("code" = String, Path, description = "The plan's code", example = "TT-18-2025")),
    request_body(content = NewItemRequest),
    responses(
        (status = 201, description = "The item was added", body = PlanItem,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The plan already has this indicator", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/coordinatingUnitCodes/1: there is no unit 32001-KT under the plan's issuing unit; only units of its subtree can be assigned",
                "errors": [{"pointer": "/coordinatingUnitCodes/1", "detail": "there is no unit 32001-KT under the plan's issuing unit; only units of its subtree can be assigned"}]})),
    )
)]
#[post("/plans/{code}/items")]
pub async fn create_item(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    body: JsonBody<NewItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let new = body.0.parse()?;
    let (code, item) = state
        .db(move |conn| {
            manageable_plan(&caller, conn, &code)?;
            let item = plans::create_item(conn, &code, new)?;
            Ok::<_, ApiError>((code, item))
        })
        .await?;
    let location = format!("/api/v1/plans/{code}/items/{}", item.indicator_code);
    Ok(created(location, item.version, PlanItem::from(item)))
}
