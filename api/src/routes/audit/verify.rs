use std::path::Path;

use actix_web::{HttpResponse, get, web};
use chitieu_schema::audit::{self, UnaccountedValue, Verification, checkpoint};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::integrity_settings::IntegritySettings;
use crate::state::AppState;

/// Whether the chain is intact and matches its checkpoints, or where it first breaks; and
/// whether every stored value is the one the trail last recorded.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"valid": true, "entries": 128, "checkpoints": 12, "values": 96,
    "unaccountedValues": []}))]
pub struct VerificationView {
    pub valid: bool,
    /// Entries checked and found intact (before the broken one, if any).
    pub entries: i64,
    /// The first broken entry (the checkpoint's newest entry when entries after it are gone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken_at: Option<i64>,
    /// Why it is broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Signed checkpoints of the chain's head (from the checkpoint file) held against it.
    pub checkpoints: usize,
    /// Stored report values reconciled with the trail.
    pub values: i64,
    /// Stored values the trail does not account for (at most 100).
    pub unaccounted_values: Vec<UnaccountedValueView>,
}

/// A stored value that differs from the one the trail last recorded.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"unitCode": "31001", "planCode": "TT-18-2025", "period": "202611",
    "indicatorCode": "CT-01", "stored": "99", "audited": "42"}))]
pub struct UnaccountedValueView {
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub indicator_code: String,
    /// The value stored now; absent when it is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<String>,
    /// The value the trail last recorded; absent when it recorded none (or a deletion).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audited: Option<String>,
}

impl From<UnaccountedValue> for UnaccountedValueView {
    fn from(v: UnaccountedValue) -> Self {
        Self {
            unit_code: v.unit_code,
            plan_code: v.plan_code,
            period: v.period,
            indicator_code: v.indicator_code,
            stored: v.stored,
            audited: v.audited,
        }
    }
}

impl From<Verification> for VerificationView {
    fn from(v: Verification) -> Self {
        Self {
            valid: v.is_valid(),
            entries: v.entries,
            broken_at: v.broken.as_ref().map(|b| b.id),
            reason: v.broken.map(|b| b.reason),
            checkpoints: v.checkpoints,
            values: v.values,
            unaccounted_values: v.unaccounted.into_iter().map(Into::into).collect(),
        }
    }
}

/// Verify the audit trail (administrators): every keyed hash recomputed from the first entry,
/// the chain held against the signed checkpoints in the checkpoint file, and every stored
/// value reconciled with the trail.
#[utoipa::path(
    tag = "Audit",
    responses(
        (status = 200, description = "The outcome: valid, or the first broken link and the values the trail does not account for", body = VerificationView,
            examples(
                ("valid" = (value = json!({"valid": true, "entries": 128, "checkpoints": 12,
                    "values": 96, "unaccountedValues": []}))),
                ("broken" = (value = json!({"valid": false, "entries": 41, "brokenAt": 42,
                    "reason": "the stored hash 9f… does not match the entry's content (recomputed 1c…): the entry was edited",
                    "checkpoints": 12, "values": 96, "unaccountedValues": []}))),
                ("tail removed" = (value = json!({"valid": false, "entries": 28, "brokenAt": 128,
                    "reason": "the checkpoint of 2026-12-07 10:00:00 saw 128 entries up to id 128, but the chain now ends with 28 entries at id 28: the newest entries were removed",
                    "checkpoints": 12, "values": 96, "unaccountedValues": []}))),
                ("value edited" = (value = json!({"valid": false, "entries": 128, "checkpoints": 12,
                    "values": 96, "unaccountedValues": [{"unitCode": "31001",
                    "planCode": "TT-18-2025", "period": "202611", "indicatorCode": "CT-01",
                    "stored": "99", "audited": "42"}]}))),
            )),
        (status = 403, description = "Only administrators verify the trail", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/audit-entries/verify")]
pub async fn verify_audit_trail(
    state: web::Data<AppState>,
    integrity: web::Data<IntegritySettings>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let lines = checkpoint_lines(&integrity.checkpoint_file).map_err(ApiError::Internal)?;
    let verification = state.db(move |conn| audit::verify(conn, &lines)).await?;
    Ok(HttpResponse::Ok().json(VerificationView::from(verification)))
}

fn checkpoint_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    checkpoint::read_lines(path).map_err(|e| {
        anyhow::anyhow!(
            "could not read the audit checkpoints {}: {e}",
            path.display()
        )
    })
}

/// `chitieu audit verify`: prints the outcome as JSON; `Ok(false)` when the chain is broken
/// or a value is unaccounted for. The audit key must be the server's (it is never made here).
pub async fn verify_to_stdout(
    pool: &chitieu_schema::db::DbPool,
    integrity: &IntegritySettings,
) -> anyhow::Result<bool> {
    integrity.load_audit_key(false)?.install();
    let lines = checkpoint_lines(&integrity.checkpoint_file)?;
    let pool = pool.clone();
    let verification = web::block(move || -> anyhow::Result<Verification> {
        let mut conn = pool.get()?;
        Ok(audit::verify(&mut conn, &lines)?)
    })
    .await??;
    let view = VerificationView::from(verification);
    println!("{}", serde_json::to_string(&view)?);
    Ok(view.valid)
}
