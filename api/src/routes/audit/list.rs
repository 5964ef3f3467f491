use actix_web::{HttpResponse, get, web};
use chitieu_schema::audit::{self, AuditEntry, AuditFilter};
use chitieu_schema::domain::{IndicatorCode, OrgUnitCode, Period};
use chitieu_schema::plans::PlanCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Which entries to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    #[param(example = "01001-VHXH")]
    pub unit: Option<String>,
    #[param(example = "NQ57-THAITAN-1")]
    pub indicator: Option<String>,
    #[param(example = "2026Q1")]
    pub period: Option<String>,
    /// A username or API key prefix.
    #[param(example = "vhxh.reporter")]
    pub actor: Option<String>,
    /// A plan's code.
    #[param(example = "TT-18-2025")]
    pub plan: Option<String>,
    /// One action, e.g. `validation_rule_changed` (see `action` in the entries).
    #[param(example = "validation_rule_changed")]
    pub action: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// One change, chained to the one before it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    #[schema(example = 42)]
    pub id: i64,
    pub at: DateTime<Utc>,
    #[schema(example = "vhxh.reporter")]
    pub actor: String,
    pub request_id: Option<String>,
    /// report_opened, value_set, narrative_set, submitted, returned, approved, reopened,
    /// value_deleted, warning_acknowledged (a validation warning named on submission); for a
    /// plan's validation rules validation_rule_created, validation_rule_changed,
    /// validation_rule_deleted and built_in_rule_switched, with the rule (or the switch) as
    /// JSON in oldValue and newValue.
    #[schema(example = "value_set")]
    pub action: String,
    #[schema(example = "01001-VHXH")]
    pub unit_code: String,
    #[schema(example = "KH-18-THAITAN-2025")]
    pub plan_code: String,
    /// Empty for changes to a plan's validation rules.
    #[schema(example = "2026Q1")]
    pub period: String,
    #[schema(example = "NQ57-THAITAN-1")]
    pub indicator_code: Option<String>,
    #[schema(example = "40/50")]
    pub old_value: Option<String>,
    #[schema(example = "45/50")]
    pub new_value: Option<String>,
    pub reason: Option<String>,
    /// The hash of the entry before (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 over this entry's canonical fields and `prevHash`.
    pub hash: String,
}

impl From<AuditEntry> for AuditEntryView {
    fn from(e: AuditEntry) -> Self {
        Self {
            id: e.id,
            at: e.at.and_utc(),
            actor: e.actor,
            request_id: e.request_id,
            action: e.action,
            unit_code: e.unit_code,
            plan_code: e.plan_code,
            period: e.period,
            indicator_code: e.indicator_code,
            old_value: e.old_value,
            new_value: e.new_value,
            reason: e.reason,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

/// List audit entries of units in the caller's subtree, oldest first.
#[utoipa::path(
    tag = "Audit",
    params(AuditQuery),
    responses(
        (status = 200, description = "A page of entries", body = Paged<AuditEntryView>),
        (status = 422, description = "A filter or the page is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/audit-entries")]
pub async fn list_audit_entries(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let mut errors = FieldErrors::new();
    let unit = errors.check(
        "unit",
        query.unit.as_deref().map(OrgUnitCode::parse).transpose(),
    );
    let indicator = errors.check(
        "indicator",
        query
            .indicator
            .as_deref()
            .map(IndicatorCode::parse)
            .transpose(),
    );
    let period = errors.check(
        "period",
        query.period.as_deref().map(Period::parse).transpose(),
    );
    let plan = errors.check(
        "plan",
        query.plan.as_deref().map(PlanCode::parse).transpose(),
    );
    let filter = errors.finish(|| {
        Some(AuditFilter {
            unit_code: unit?.map(|u| u.as_str().to_owned()),
            indicator_code: indicator?.map(|i| i.as_str().to_owned()),
            period: period?.map(|p| p.to_string()),
            actor: query.actor.clone(),
            plan_code: plan?.map(|p| p.as_str().to_owned()),
            action: query.action.clone(),
            scope: caller.scope(),
        })
    })?;
    let request = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .to_request()?;
    let page = state
        .db(move |conn| audit::list(conn, &filter, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, AuditEntryView::from)))
}
