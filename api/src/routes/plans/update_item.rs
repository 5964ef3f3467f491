use std::collections::BTreeMap;

use actix_web::{HttpResponse, patch, web};
use chitieu_schema::domain::{OptionalText, OrgUnitCode, Target};
use chitieu_schema::plans::{self, ItemChanges};
use serde::Deserialize;
use utoipa::ToSchema;

use super::access::manageable_plan;
use super::requests::{parse_targets, parse_unit_codes};
use super::views::PlanItem;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::routes::catalogs::nullable::present;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Changes to a plan item: absent fields stay, `null` clears a nullable one. Targets change
/// year by year: a cell sets that year, `null` removes it, years not named stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"targets": {"2026": "≥ 65%", "2045": null}, "leadUnitCode": "31001-KT"}))]
pub struct ItemPatch {
    #[serde(default)]
    #[schema(value_type = BTreeMap<String, Option<String>>, example = json!({"2026": "≥ 65%", "2045": null}))]
    pub targets: BTreeMap<String, Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub lead_unit_code: Option<Option<String>>,
    /// The whole new list.
    pub coordinating_unit_codes: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub output_product: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub note: Option<Option<String>>,
    pub position: Option<i32>,
}

impl ItemPatch {
    fn parse(self) -> Result<ItemChanges, ApiError> {
        let mut errors = FieldErrors::new();
        let targets = parse_targets(&mut errors, self.targets, |cell| {
            cell.map(|raw| Target::parse(&raw))
        });
        let lead = match &self.lead_unit_code {
            Some(Some(code)) => errors
                .check("/leadUnitCode", OrgUnitCode::parse(code))
                .map(|c| Some(Some(c))),
            Some(None) => Some(Some(None)),
            None => Some(None),
        };
        let coordinating = match &self.coordinating_unit_codes {
            Some(codes) => parse_unit_codes(&mut errors, codes).map(Some),
            None => Some(None),
        };
        let text =
            |errors: &mut FieldErrors, pointer: &str, field: &Option<Option<String>>| match field {
                Some(value) => errors
                    .check(pointer, OptionalText::parse(value.as_deref()))
                    .map(|t| Some(t.into_option())),
                None => Some(None),
            };
        let output_product = text(&mut errors, "/outputProduct", &self.output_product);
        let note = text(&mut errors, "/note", &self.note);
        errors.finish(|| {
            Some(ItemChanges {
                targets,
                lead: lead?,
                coordinating: coordinating?,
                output_product: output_product?,
                note: note?,
                position: self.position,
            })
        })
    }
}

/// Change a plan item: its targets, assignments, output product, note or position.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("indicatorCode" = String, Path, description = "The indicator's code", example = "NQ57-THAITAN-1"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"1\""),
    ),
    request_body(content = ItemPatch),
    responses(
        (status = 200, description = "The changed item", body = PlanItem,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read, or no such item", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/targets/2101: a target year must be between 2000 and 2100",
                "errors": [{"pointer": "/targets/2101", "detail": "a target year must be between 2000 and 2100"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/plans/{code}/items/{indicatorCode}")]
pub async fn update_item(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
    body: JsonBody<ItemPatch>,
) -> Result<HttpResponse, ApiError> {
    let (code, indicator) = path.into_inner();
    let changes = body.0.parse()?;
    let item = state
        .db(move |conn| {
            manageable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::update_item(
                conn,
                &code,
                &indicator,
                if_match.expected(),
                changes,
            )?)
        })
        .await?;
    Ok(current(item.version, PlanItem::from(item)))
}
