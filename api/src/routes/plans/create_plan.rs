use actix_web::{HttpResponse, post, web};
use chitieu_schema::StoreError;
use chitieu_schema::accounts::Role;
use chitieu_schema::domain::{CatalogCode, DeadlineRules, Name, OrgUnitCode};
use chitieu_schema::org_units;
use chitieu_schema::plans::{self, NewPlan, PlanCode};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use super::access::forbidden;
use super::requests::DeadlinesRequest;
use super::views::Plan;
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::created;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// A new plan, without items.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "code": "TT-18-2025", "number": "18/KH-UBND", "issuedOn": "2025-08-18",
    "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", "issuingUnitCode": "31001",
    "catalogCode": "NQ57-THAITAN-2025", "validFrom": "2025-08-18", "validTo": "2045-12-31",
    "deadlines": {"yearly": {"day": 10, "monthOffset": 0}}
}))]
pub struct NewPlanRequest {
    /// The plan's code in URLs: 2 to 64 of `A-Z 0-9 . _ -`.
    #[schema(example = "TT-18-2025")]
    pub code: String,
    /// The document number as written (`18/KH-UBND`).
    #[schema(example = "18/KH-UBND")]
    pub number: String,
    pub issued_on: NaiveDate,
    pub title: String,
    /// The unit that issued the plan; it must be in the caller's part of the tree.
    #[schema(example = "31001")]
    pub issuing_unit_code: String,
    /// The catalog whose indicators the plan lists.
    #[schema(example = "NQ57-THAITAN-2025")]
    pub catalog_code: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// Defaults: monthly before the 6th of the next month; quarterly, six-monthly and yearly
    /// before the 6th of the period's last month.
    pub deadlines: Option<DeadlinesRequest>,
}

impl NewPlanRequest {
    pub(crate) fn parse(self) -> Result<NewPlan, ApiError> {
        let mut errors = FieldErrors::new();
        let code = errors.check("/code", PlanCode::parse(&self.code));
        let number = errors.check("/number", Name::parse(&self.number));
        let title = errors.check("/title", Name::parse(&self.title));
        let unit = errors.check(
            "/issuingUnitCode",
            OrgUnitCode::parse(&self.issuing_unit_code),
        );
        let catalog = errors.check("/catalogCode", CatalogCode::parse(&self.catalog_code));
        if self.valid_from > self.valid_to {
            errors.add("/validTo", "must not be before validFrom");
        }
        let given = self.deadlines.unwrap_or_default().parse(&mut errors);
        let defaults = DeadlineRules::default();
        let deadlines = DeadlineRules {
            monthly: given.monthly.unwrap_or(defaults.monthly),
            quarterly: given.quarterly.unwrap_or(defaults.quarterly),
            six_monthly: given.six_monthly.unwrap_or(defaults.six_monthly),
            yearly: given.yearly.unwrap_or(defaults.yearly),
        };
        errors.finish(|| {
            Some(NewPlan {
                code: code?,
                number: number?,
                issued_on: self.issued_on,
                title: title?,
                issuing_unit: unit?,
                catalog: catalog?,
                valid_from: self.valid_from,
                valid_to: self.valid_to,
                deadlines,
            })
        })
    }
}

/// Create a plan.
///
/// Administrators anywhere, officers for an issuing unit in their part of the tree; other
/// roles get 403. An issuing unit outside the caller's part of the tree is refused like an
/// unknown one.
#[utoipa::path(
    tag = "Plans",
    request_body(content = NewPlanRequest),
    responses(
        (status = 201, description = "The plan was created", body = Plan,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "The caller's role may not create plans", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:forbidden", "title": "Not allowed", "status": 403,
                "detail": "a reporter may not do this; it needs one of: provinceOfficer, communeOfficer, administrator"})),
        (status = 409, description = "The code is taken", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "plan code TT-18-2025 is taken"})),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/catalogCode: there is no catalog with code NQ57-X",
                "errors": [{"pointer": "/catalogCode", "detail": "there is no catalog with code NQ57-X"}]})),
    )
)]
#[post("/plans")]
pub async fn create_plan(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<NewPlanRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
    let new = body.0.parse()?;
    let plan = state
        .db(move |conn| {
            let unknown = || {
                ApiError::invalid(
                    "/issuingUnitCode",
                    chitieu_schema::messages::Message::new("org-unit-no-unit-with-code")
                        .arg("code", &new.issuing_unit),
                )
            };
            let unit = match org_units::find(conn, &new.issuing_unit) {
                Err(StoreError::NotFound { .. }) => return Err(unknown()),
                other => other?,
            };
            if !caller.can_read_path(&unit.row.path) {
                return Err(unknown());
            }
            if !caller.may(Action::ManageCatalogAssignments, &unit.row.path) {
                return Err(forbidden(&caller));
            }
            Ok(plans::create_plan(conn, new)?)
        })
        .await?;
    let location = format!("/api/v1/plans/{}", plan.code);
    Ok(created(location, plan.version, Plan::from(plan)))
}
