use actix_web::{HttpResponse, get, web};
use chitieu_schema::audit::{self, Verification};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Whether the chain is intact, or where it first breaks.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"valid": true, "entries": 128}))]
pub struct VerificationView {
    pub valid: bool,
    /// Entries checked and found intact (before the broken one, if any).
    pub entries: i64,
    /// The first broken entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken_at: Option<i64>,
    /// Why it is broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl From<Verification> for VerificationView {
    fn from(v: Verification) -> Self {
        Self {
            valid: v.broken.is_none(),
            entries: v.entries,
            broken_at: v.broken.as_ref().map(|b| b.id),
            reason: v.broken.map(|b| b.reason),
        }
    }
}

/// Verify the audit trail: every hash recomputed from the first entry (administrators).
#[utoipa::path(
    tag = "Audit",
    responses(
        (status = 200, description = "The outcome: valid, or the first broken link", body = VerificationView,
            examples(
                ("valid" = (value = json!({"valid": true, "entries": 128}))),
                ("broken" = (value = json!({"valid": false, "entries": 41, "brokenAt": 42,
                    "reason": "the stored hash 9f… does not match the entry's content (recomputed 1c…): the entry was edited"}))),
            )),
        (status = 403, description = "Only administrators verify the trail", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/audit-entries/verify")]
pub async fn verify_audit_trail(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let verification = state.db(|conn| audit::verify(conn)).await?;
    Ok(HttpResponse::Ok().json(VerificationView::from(verification)))
}

/// `chitieu audit verify`: prints the outcome as JSON; `Ok(false)` when the chain is broken.
pub async fn verify_to_stdout(pool: &chitieu_schema::db::DbPool) -> anyhow::Result<bool> {
    let pool = pool.clone();
    let verification = web::block(move || -> anyhow::Result<Verification> {
        let mut conn = pool.get()?;
        Ok(audit::verify(&mut conn)?)
    })
    .await??;
    let view = VerificationView::from(verification);
    println!("{}", serde_json::to_string(&view)?);
    Ok(view.valid)
}
