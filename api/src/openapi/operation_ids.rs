//! The operationIds of the contract, pinned: generated clients name their functions after
//! them (`list_org_units`, `approveReport`), so renaming a Rust handler must never change
//! them. Every documented operation must be in [`OPERATION_IDS`] and every entry must name a
//! documented operation; the test in `openapi/tests/contract.rs` checks both.
//!
//! To add an operation: add one line `("METHOD", "/its/path/{param}", "verbNoun")` here
//! (camelCase, a verb first: `list`, `get`, `create`, `update`, `delete`, or the action), keep
//! the list sorted by path, then regenerate `openapi/openapi.json`
//! (`UPDATE_OPENAPI=1 cargo test -p chitieu-openapi`). Never change an existing id: that breaks
//! every client generated before.

use serde_json::Value;

use super::conventions::HTTP_METHODS;

/// (method, path, operationId).
pub const OPERATION_IDS: &[(&str, &str, &str)] = &[
    ("POST", "/api/dataValueSets", "postDataValueSetsDhis2"),
    ("GET", "/api/dataValueSets", "getDataValueSetsDhis2"),
    (
        "GET",
        "/api/dataValueSets.{extension}",
        "getDataValueSetsDhis2WithExtension",
    ),
    (
        "GET",
        "/api/{version}/dataValueSets",
        "getDataValueSetsDhis2Versioned",
    ),
    ("GET", "/api/v1/access-events", "listAccessEvents"),
    ("GET", "/api/v1/api-keys", "listApiKeys"),
    ("POST", "/api/v1/api-keys", "createApiKey"),
    ("DELETE", "/api/v1/api-keys/{prefix}", "revokeApiKey"),
    ("GET", "/api/v1/audit-entries", "listAuditEntries"),
    ("GET", "/api/v1/audit-entries/verify", "verifyAuditTrail"),
    ("GET", "/api/v1/auth/me", "getCurrentCaller"),
    ("POST", "/api/v1/auth/token", "issueToken"),
    ("GET", "/api/v1/catalogs", "listCatalogs"),
    ("POST", "/api/v1/catalogs", "createCatalog"),
    ("DELETE", "/api/v1/catalogs/{code}", "deleteCatalog"),
    ("GET", "/api/v1/catalogs/{code}", "getCatalog"),
    ("PATCH", "/api/v1/catalogs/{code}", "updateCatalog"),
    (
        "GET",
        "/api/v1/catalogs/{code}/sections",
        "listCatalogSections",
    ),
    (
        "POST",
        "/api/v1/catalogs/{code}/sections",
        "createCatalogSection",
    ),
    (
        "DELETE",
        "/api/v1/catalogs/{code}/sections/{sectionCode}",
        "deleteCatalogSection",
    ),
    (
        "GET",
        "/api/v1/catalogs/{code}/sections/{sectionCode}",
        "getCatalogSection",
    ),
    (
        "PATCH",
        "/api/v1/catalogs/{code}/sections/{sectionCode}",
        "updateCatalogSection",
    ),
    ("GET", "/api/v1/catalogs/{code}/tree", "getCatalogTree"),
    ("POST", "/api/v1/dataValueSets", "importDataValueSets"),
    ("GET", "/api/v1/events", "listEvents"),
    ("GET", "/api/v1/indicators", "listIndicators"),
    ("POST", "/api/v1/indicators", "createIndicator"),
    ("DELETE", "/api/v1/indicators/{code}", "deleteIndicator"),
    ("GET", "/api/v1/indicators/{code}", "getIndicator"),
    ("PATCH", "/api/v1/indicators/{code}", "updateIndicator"),
    ("GET", "/api/v1/org-units", "listOrgUnits"),
    ("POST", "/api/v1/org-units", "createOrgUnit"),
    ("GET", "/api/v1/org-units/{code}", "getOrgUnit"),
    ("PATCH", "/api/v1/org-units/{code}", "updateOrgUnit"),
    (
        "GET",
        "/api/v1/org-units/{code}/ancestors",
        "listOrgUnitAncestors",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/children",
        "listOrgUnitChildren",
    ),
    ("POST", "/api/v1/org-units/{code}/close", "closeOrgUnit"),
    (
        "GET",
        "/api/v1/org-units/{code}/completeness",
        "getCompleteness",
    ),
    ("GET", "/api/v1/org-units/{code}/outliers", "listOutliers"),
    (
        "GET",
        "/api/v1/org-units/{code}/progress",
        "getProgressReport",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/progress.adx.xml",
        "getProgressAdx",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/progress.csv",
        "getProgressCsv",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/progress.dhis2.json",
        "getProgressDataValueSet",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/progress.html",
        "getProgressHtml",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/progress.xlsx",
        "getProgressXlsx",
    ),
    ("GET", "/api/v1/org-units/{code}/rollup", "getRollup"),
    (
        "GET",
        "/api/v1/org-units/{code}/subtree",
        "listOrgUnitSubtree",
    ),
    (
        "GET",
        "/api/v1/org-units/{code}/validation",
        "listSubtreeValidationViolations",
    ),
    ("GET", "/api/v1/plans", "listPlans"),
    ("POST", "/api/v1/plans", "createPlan"),
    ("POST", "/api/v1/plans/import", "importPlan"),
    ("DELETE", "/api/v1/plans/{code}", "deletePlan"),
    ("GET", "/api/v1/plans/{code}", "getPlan"),
    ("PATCH", "/api/v1/plans/{code}", "updatePlan"),
    ("GET", "/api/v1/plans/{code}/items", "listPlanItems"),
    ("POST", "/api/v1/plans/{code}/items", "createPlanItem"),
    (
        "DELETE",
        "/api/v1/plans/{code}/items/{indicatorCode}",
        "deletePlanItem",
    ),
    (
        "GET",
        "/api/v1/plans/{code}/items/{indicatorCode}",
        "getPlanItem",
    ),
    (
        "PATCH",
        "/api/v1/plans/{code}/items/{indicatorCode}",
        "updatePlanItem",
    ),
    ("GET", "/api/v1/plans/{code}/targets", "getPlanYearTargets"),
    ("GET", "/api/v1/reports", "listReports"),
    (
        "GET",
        "/api/v1/reports/{unitCode}/{planCode}/{period}",
        "getReport",
    ),
    (
        "PUT",
        "/api/v1/reports/{unitCode}/{planCode}/{period}",
        "openReport",
    ),
    (
        "GET",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/document",
        "getReportDocument",
    ),
    (
        "PUT",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/document",
        "setReportDocumentDetails",
    ),
    (
        "POST",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/approve",
        "approveReport",
    ),
    (
        "PUT",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/narrative",
        "setReportNarrative",
    ),
    (
        "POST",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/reopen",
        "reopenReport",
    ),
    (
        "POST",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/return",
        "returnReport",
    ),
    (
        "POST",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/submit",
        "submitReport",
    ),
    (
        "GET",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/validation",
        "validateReport",
    ),
    (
        "PUT",
        "/api/v1/reports/{unitCode}/{planCode}/{period}/values",
        "setReportValues",
    ),
    ("GET", "/api/v1/sync/deadline-watch", "getDeadlineWatch"),
    ("GET", "/api/v1/sync/entries", "listSyncEntries"),
    (
        "POST",
        "/api/v1/sync/entries/{id}/discard",
        "discardSyncEntry",
    ),
    ("POST", "/api/v1/sync/entries/{id}/retry", "retrySyncEntry"),
    ("POST", "/api/v1/sync/runs", "runSync"),
    ("GET", "/api/v1/sync/targets", "listSyncTargets"),
    ("POST", "/api/v1/sync/targets/reload", "reloadSyncTargets"),
    ("GET", "/api/v1/sync/targets/{code}", "getSyncTarget"),
    ("GET", "/api/v1/users", "listUsers"),
    ("POST", "/api/v1/users", "createUser"),
    ("GET", "/api/v1/users/{username}", "getUser"),
    ("PATCH", "/api/v1/users/{username}", "updateUser"),
    ("GET", "/api/v1/validation-rules", "listValidationRules"),
    ("POST", "/api/v1/validation-rules", "createValidationRule"),
    (
        "PUT",
        "/api/v1/validation-rules/built-in/{planCode}/{ruleCode}",
        "switchBuiltInValidationRule",
    ),
    (
        "DELETE",
        "/api/v1/validation-rules/{code}",
        "deleteValidationRule",
    ),
    (
        "GET",
        "/api/v1/validation-rules/{code}",
        "getValidationRule",
    ),
    (
        "PUT",
        "/api/v1/validation-rules/{code}",
        "updateValidationRule",
    ),
    ("GET", "/api/v1/webhooks", "listWebhooks"),
    ("POST", "/api/v1/webhooks", "createWebhook"),
    ("DELETE", "/api/v1/webhooks/{id}", "deleteWebhook"),
    ("GET", "/api/v1/webhooks/{id}", "getWebhook"),
    ("PUT", "/api/v1/webhooks/{id}", "updateWebhook"),
    (
        "POST",
        "/api/v1/webhooks/{id}/rotate-secret",
        "rotateWebhookSecret",
    ),
    ("POST", "/api/v1/webhooks/{id}/test", "testWebhook"),
    (
        "GET",
        "/api/v1/webhooks/{id}/deliveries",
        "listWebhookDeliveries",
    ),
    (
        "POST",
        "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry",
        "retryWebhookDelivery",
    ),
    ("GET", "/health/live", "getLiveness"),
    ("GET", "/health/ready", "getReadiness"),
    (
        "POST",
        "/api/{version}/dataValueSets",
        "postDataValueSetsDhis2Versioned",
    ),
];

/// The pinned id of an operation, if it has one.
pub fn pinned(method: &str, path: &str) -> Option<&'static str> {
    OPERATION_IDS
        .iter()
        .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && *p == path)
        .map(|(_, _, id)| *id)
}

/// Replaces each derived operationId by its pinned one; an operation missing from the list
/// keeps its derived id, which the contract test reports.
pub fn apply(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        for method in HTTP_METHODS {
            if let Some(operation) = item.get_mut(method)
                && let Some(id) = pinned(method, path)
            {
                operation["operationId"] = Value::String(id.to_owned());
            }
        }
    }
}
