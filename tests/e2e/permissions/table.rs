//! The permission matrix: one row per endpoint (and a few per-case rows), with the status each
//! role gets for a target in its part of the tree and for one under province 02.
//!
//! Each cell is `[in scope, out of scope]`; rows without a unit scope (catalogs, lists of
//! accounts) have equal columns. `docs/PERMISSIONS.md` shows the same table.

use super::plan_requests::PlanReq as P;
use super::report_requests::ReportReq as R;
use super::requests::Req;
use super::validation_requests::ValidationReq as V;
use super::webhook_requests::WebhookReq as W;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Administrator,
    ProvinceOfficer,
    CommuneOfficer,
    Reporter,
    Viewer,
    Integrator,
}

/// The columns, in order.
pub const ROLES: [Role; 6] = [
    Role::Administrator,
    Role::ProvinceOfficer,
    Role::CommuneOfficer,
    Role::Reporter,
    Role::Viewer,
    Role::Integrator,
];

impl Role {
    pub fn api_name(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProvinceOfficer => "provinceOfficer",
            Role::CommuneOfficer => "communeOfficer",
            Role::Reporter => "reporter",
            Role::Viewer => "viewer",
            Role::Integrator => "integrator",
        }
    }

    /// The column heading: the role and where it is homed.
    pub fn heading(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProvinceOfficer => "provinceOfficer@01",
            Role::CommuneOfficer => "communeOfficer@00001",
            Role::Reporter => "reporter@00001-A",
            Role::Viewer => "viewer@00001",
            Role::Integrator => "integrator@01 (key)",
        }
    }
}

pub struct Row {
    /// Method and path template, as in the OpenAPI document.
    pub endpoint: &'static str,
    /// Which case of the endpoint the row tries, when it has several rows.
    pub case: &'static str,
    pub request: Req,
    /// `[in scope, out of scope]` per role, in the order of [`ROLES`].
    pub expected: [[u16; 2]; 6],
    /// Without credentials.
    pub anonymous: u16,
}

const fn row(
    endpoint: &'static str,
    case: &'static str,
    request: Req,
    expected: [[u16; 2]; 6],
) -> Row {
    Row {
        endpoint,
        case,
        request,
        expected,
        anonymous: 401,
    }
}

/// Readable by everybody signed in, wherever.
const ALL_READ: [[u16; 2]; 6] = [[200; 2]; 6];
/// Readable in the caller's part of the tree; outside it, 404 as if it did not exist.
const SCOPED_READ: [[u16; 2]; 6] = [
    [200, 200],
    [200, 404],
    [200, 404],
    [200, 404],
    [200, 404],
    [200, 404],
];
/// Things attached to a unit that whoever reads the unit may manage (webhook subscriptions):
/// `done` in the caller's part of the tree, 404 outside it.
const fn scoped(done: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [done, 404],
        [done, 404],
        [done, 404],
        [done, 404],
        [done, 404],
    ]
}
/// DHIS2's export: readable in the caller's part of the tree; outside it DHIS2's 409 (E2012),
/// the same for a unit that does not exist.
const DHIS2_READ: [[u16; 2]; 6] = [
    [200, 200],
    [200, 409],
    [200, 409],
    [200, 409],
    [200, 409],
    [200, 409],
];
/// Changes to units strictly below the caller's home unit: administrators and officers.
const UNIT_CHANGE: [[u16; 2]; 6] = [
    [200, 200],
    [200, 403],
    [200, 403],
    [403, 403],
    [403, 403],
    [403, 403],
];
/// Plans issued in the caller's part of the tree: administrators and officers change them;
/// others read them (403); outside it, 404.
const fn plan_change(done: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [done, 404],
        [done, 404],
        [403, 404],
        [403, 404],
        [403, 404],
    ]
}
/// A report of agency 00001-A: its reporter enters and submits (`EnterData`); outside, 404.
const fn enter_data(done: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [403, 404],
        [403, 404],
        [done, 404],
        [403, 404],
        [403, 404],
    ]
}
/// A report of agency 00001-A: officers above it return, approve and reopen (`ApproveReports`).
const APPROVE: [[u16; 2]; 6] = [
    [200, 200],
    [200, 404],
    [200, 404],
    [403, 404],
    [403, 404],
    [403, 404],
];
/// Administrators only (`done` is the success status).
const fn admin_only(done: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [403, 403],
        [403, 403],
        [403, 403],
        [403, 403],
        [403, 403],
    ]
}
/// The sync's state: administrators and province officers, wherever (it has no unit scope).
const fn sync_read(done: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [done, done],
        [403, 403],
        [403, 403],
        [403, 403],
        [403, 403],
    ]
}
/// Account changes: administrators anywhere, officers in their subtree.
const fn officers_in_scope(done: u16, outside: u16) -> [[u16; 2]; 6] {
    [
        [done, done],
        [done, outside],
        [done, outside],
        [403, 403],
        [403, 403],
        [403, 403],
    ]
}

#[rustfmt::skip]
pub const MATRIX: &[Row] = &[
    // Organisation units                                                       admin       province    commune     reporter    viewer      integrator
    row("GET /api/v1/org-units", "?parentCode={unit}", Req::ListUnits,        [[200, 200], [200, 422], [200, 422], [200, 422], [200, 422], [200, 422]]),
    row("GET /api/v1/org-units/{code}", "", Req::ShowUnit,                    SCOPED_READ),
    row("GET /api/v1/org-units/{code}/children", "", Req::Children,           SCOPED_READ),
    row("GET /api/v1/org-units/{code}/subtree", "", Req::Subtree,             SCOPED_READ),
    row("GET /api/v1/org-units/{code}/ancestors", "", Req::Ancestors,         SCOPED_READ),
    row("GET /api/v1/org-units/{code}/rollup", "", Req::Rollup,               SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress", "", Req::Progress,           SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress.csv", "", Req::ProgressFile("csv"), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress.xlsx", "", Req::ProgressFile("xlsx"), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress.html", "", Req::ProgressFile("html"), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress.dhis2.json", "", Req::ProgressFile("dhis2.json"), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/progress.adx.xml", "", Req::ProgressFile("adx.xml"), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/completeness", "", Req::Completeness,   SCOPED_READ),
    row("POST /api/v1/org-units", "under {unit}", Req::CreateUnit,            [[201, 201], [201, 403], [201, 403], [403, 403], [403, 403], [403, 403]]),
    row("POST /api/v1/org-units", "a root", Req::CreateRoot,                  admin_only(201)),
    row("POST /api/v1/org-units", "under a missing parent", Req::CreateUnderMissing,
                                                                              [[422, 422], [403, 403], [403, 403], [403, 403], [403, 403], [403, 403]]),
    row("PATCH /api/v1/org-units/{code}", "rename below {unit}", Req::RenameUnit, UNIT_CHANGE),
    row("PATCH /api/v1/org-units/{code}", "rename {unit} itself", Req::RenameAnchor,
                                                                              [[200, 200], [403, 403], [403, 403], [403, 403], [403, 403], [403, 403]]),
    row("PATCH /api/v1/org-units/{code}", "move below {unit}", Req::MoveUnit, UNIT_CHANGE),
    row("PATCH /api/v1/org-units/{code}", "move below {unit} to under 00002-A", Req::MoveOut,
                                                                              admin_only(200)),
    row("PATCH /api/v1/org-units/{code}", "a missing unit", Req::RenameMissing,
                                                                              [[404, 404], [403, 403], [403, 403], [403, 403], [403, 403], [403, 403]]),
    row("POST /api/v1/org-units/{code}/close", "below {unit}", Req::CloseUnit, UNIT_CHANGE),
    // Catalogs: shared reference data
    row("GET /api/v1/catalogs", "", Req::ListCatalogs,                        ALL_READ),
    row("GET /api/v1/catalogs/{code}", "", Req::ShowCatalog,                  ALL_READ),
    row("GET /api/v1/catalogs/{code}/tree", "", Req::CatalogTree,             ALL_READ),
    row("GET /api/v1/catalogs/{code}/sections", "", Req::ListSections,        ALL_READ),
    row("GET /api/v1/catalogs/{code}/sections/{sectionCode}", "", Req::ShowSection, ALL_READ),
    row("GET /api/v1/indicators", "", Req::ListIndicators,                    ALL_READ),
    row("GET /api/v1/indicators/{code}", "", Req::ShowIndicator,              ALL_READ),
    row("POST /api/v1/catalogs", "", Req::CreateCatalog,                      admin_only(201)),
    row("PATCH /api/v1/catalogs/{code}", "", Req::UpdateCatalog,              admin_only(200)),
    row("DELETE /api/v1/catalogs/{code}", "", Req::DeleteCatalog,             admin_only(204)),
    row("POST /api/v1/catalogs/{code}/sections", "", Req::CreateSection,      admin_only(201)),
    row("PATCH /api/v1/catalogs/{code}/sections/{sectionCode}", "", Req::UpdateSection, admin_only(200)),
    row("DELETE /api/v1/catalogs/{code}/sections/{sectionCode}", "", Req::DeleteSection, admin_only(204)),
    row("POST /api/v1/indicators", "", Req::CreateIndicator,                  admin_only(201)),
    row("PATCH /api/v1/indicators/{code}", "", Req::UpdateIndicator,          admin_only(200)),
    row("DELETE /api/v1/indicators/{code}", "", Req::DeleteIndicator,         admin_only(204)),
    // Signing in and accounts
    Row { endpoint: "POST /api/v1/auth/token", case: "public", request: Req::SignIn, expected: ALL_READ, anonymous: 200 },
    row("GET /api/v1/auth/me", "", Req::Me,                                   ALL_READ),
    row("POST /api/v1/users", "a reporter at {unit}", Req::CreateUser,        officers_in_scope(201, 403)),
    row("GET /api/v1/users", "", Req::ListUsers,                              officers_in_scope(200, 200)),
    row("GET /api/v1/users/{username}", "homed at {unit}", Req::ShowUser,     [[200, 200], [200, 404], [200, 404], [404, 404], [404, 404], [404, 404]]),
    row("PATCH /api/v1/users/{username}", "homed at {unit}", Req::UpdateUser, [[200, 200], [200, 404], [200, 404], [404, 404], [404, 404], [404, 404]]),
    row("PATCH /api/v1/users/{username}", "the password of a communeOfficer homed at {unit}", Req::ResetOfficerPassword, [[200, 200], [200, 404], [403, 404], [404, 404], [404, 404], [404, 404]]),
    row("POST /api/v1/api-keys", "a viewer key at {unit}", Req::CreateKey,    officers_in_scope(201, 403)),
    row("GET /api/v1/api-keys", "", Req::ListKeys,                            officers_in_scope(200, 200)),
    row("DELETE /api/v1/api-keys/{prefix}", "homed at {unit}", Req::RevokeKey, [[204, 204], [204, 404], [204, 404], [403, 404], [403, 404], [403, 404]]),
    row("GET /api/v1/access-events", "", Req::AccessEvents,                   admin_only(200)),
    // Plans: reads look at the plan of province 01 (02) that assigns commune 00001 and agency 00001-A
    row("GET /api/v1/plans", "", Req::Plans(P::List),                         ALL_READ),
    row("POST /api/v1/plans", "issued by {unit}", Req::Plans(P::Create),      [[201, 201], [201, 422], [201, 422], [403, 403], [403, 403], [403, 403]]),
    row("POST /api/v1/plans/import", "issued by {unit}", Req::Plans(P::Import), [[201, 201], [201, 422], [201, 422], [403, 403], [403, 403], [403, 403]]),
    row("GET /api/v1/plans/{code}", "of province 01", Req::Plans(P::Show),    SCOPED_READ),
    row("PATCH /api/v1/plans/{code}", "issued by {unit}", Req::Plans(P::Update), plan_change(200)),
    row("DELETE /api/v1/plans/{code}", "issued by {unit}", Req::Plans(P::Delete), plan_change(204)),
    row("GET /api/v1/plans/{code}/items", "of province 01", Req::Plans(P::ListItems), SCOPED_READ),
    row("POST /api/v1/plans/{code}/items", "issued by {unit}", Req::Plans(P::CreateItem), plan_change(201)),
    row("GET /api/v1/plans/{code}/items/{indicatorCode}", "of province 01", Req::Plans(P::ShowItem), SCOPED_READ),
    row("PATCH /api/v1/plans/{code}/items/{indicatorCode}", "issued by {unit}", Req::Plans(P::UpdateItem), plan_change(200)),
    row("DELETE /api/v1/plans/{code}/items/{indicatorCode}", "issued by {unit}", Req::Plans(P::DeleteItem), plan_change(204)),
    row("GET /api/v1/plans/{code}/targets", "of province 01", Req::Plans(P::YearTargets), SCOPED_READ),
    // Reports of agency 00001-A (00002-A), and the audit trail
    row("GET /api/v1/reports", "", Req::Reports(R::List),                     ALL_READ),
    row("PUT /api/v1/reports/{unitCode}/{planCode}/{period}", "open 00001-A's", Req::Reports(R::Open), enter_data(201)),
    row("GET /api/v1/reports/{unitCode}/{planCode}/{period}", "00001-A's", Req::Reports(R::Show), SCOPED_READ),
    row("GET /api/v1/reports/{unitCode}/{planCode}/{period}/document", "00001-A's", Req::Reports(R::Document), SCOPED_READ),
    row("PUT /api/v1/reports/{unitCode}/{planCode}/{period}/document", "00001-A's draft", Req::Reports(R::DocumentDetails), enter_data(200)),
    row("PUT /api/v1/reports/{unitCode}/{planCode}/{period}/values", "00001-A's draft", Req::Reports(R::Values), enter_data(200)),
    row("PUT /api/v1/reports/{unitCode}/{planCode}/{period}/narrative", "00001-A's draft", Req::Reports(R::Narrative), enter_data(200)),
    row("POST /api/v1/reports/{unitCode}/{planCode}/{period}/submit", "00001-A's draft", Req::Reports(R::Submit), enter_data(200)),
    row("POST /api/v1/reports/{unitCode}/{planCode}/{period}/return", "00001-A's, submitted", Req::Reports(R::Return), APPROVE),
    row("POST /api/v1/reports/{unitCode}/{planCode}/{period}/approve", "00001-A's, submitted", Req::Reports(R::Approve), APPROVE),
    row("POST /api/v1/reports/{unitCode}/{planCode}/{period}/approve", "commune 00001's own, submitted", Req::Reports(R::ApproveCommune),
                                                                              [[200, 200], [200, 404], [403, 404], [404, 404], [403, 404], [403, 404]]),
    row("POST /api/v1/reports/{unitCode}/{planCode}/{period}/reopen", "00001-A's, approved", Req::Reports(R::Reopen), APPROVE),
    row("GET /api/v1/audit-entries", "", Req::Reports(R::AuditEntries),       ALL_READ),
    row("GET /api/v1/audit-entries/verify", "", Req::Reports(R::VerifyAudit), admin_only(200)),
    row("POST /api/v1/dataValueSets", "a value at {unit}, atomicMode=ALL", Req::ImportDataValues,
                                                                              [[200, 200], [403, 403], [403, 403], [200, 409], [403, 403], [403, 403]]),
    row("POST /api/dataValueSets", "a value at {unit}, atomicMode=ALL", Req::ImportDataValuesDhis2(None),
                                                                              [[200, 200], [403, 403], [403, 403], [200, 409], [403, 403], [403, 403]]),
    row("POST /api/{version}/dataValueSets", "version 40, a value at {unit}, atomicMode=ALL", Req::ImportDataValuesDhis2(Some(40)),
                                                                              [[200, 200], [403, 403], [403, 403], [200, 409], [403, 403], [403, 403]]),
    // Validation rules of plans, and their verdicts on reports and subtrees
    row("GET /api/v1/validation-rules", "of province 01's plan", Req::Validation(V::List), SCOPED_READ),
    row("POST /api/v1/validation-rules", "plan issued by {unit}", Req::Validation(V::Create), plan_change(201)),
    row("GET /api/v1/validation-rules/{code}", "of province 01's plan", Req::Validation(V::Show), SCOPED_READ),
    row("PUT /api/v1/validation-rules/{code}", "plan issued by {unit}", Req::Validation(V::Update), plan_change(200)),
    row("DELETE /api/v1/validation-rules/{code}", "plan issued by {unit}", Req::Validation(V::Delete), plan_change(204)),
    row("PUT /api/v1/validation-rules/built-in/{planCode}/{ruleCode}", "plan issued by {unit}", Req::Validation(V::SwitchBuiltIn), plan_change(200)),
    row("GET /api/v1/org-units/{code}/validation", "{unit}, province 01's plan", Req::Validation(V::Subtree), SCOPED_READ),
    row("GET /api/v1/org-units/{code}/outliers", "{unit}, province 01's plan", Req::Validation(V::Outliers), SCOPED_READ),
    row("GET /api/v1/reports/{unitCode}/{planCode}/{period}/validation", "00001-A's", Req::Validation(V::Report), SCOPED_READ),
    row("GET /api/v1/events", "the caller's part of the tree", Req::Validation(V::EventFeed), ALL_READ),
    // Webhook subscriptions of a unit's subtree
    row("GET /api/v1/webhooks", "?unit={unit}", Req::Webhook(W::List), SCOPED_READ),
    row("POST /api/v1/webhooks", "covering {unit}", Req::Webhook(W::Create), scoped(201)),
    row("GET /api/v1/webhooks/{id}", "covering {unit}", Req::Webhook(W::Show), SCOPED_READ),
    row("PUT /api/v1/webhooks/{id}", "covering {unit}", Req::Webhook(W::Update), scoped(200)),
    row("DELETE /api/v1/webhooks/{id}", "covering {unit}", Req::Webhook(W::Delete), scoped(204)),
    row("POST /api/v1/webhooks/{id}/rotate-secret", "covering {unit}", Req::Webhook(W::RotateSecret), scoped(200)),
    row("POST /api/v1/webhooks/{id}/test", "covering {unit}, receiver down", Req::Webhook(W::Test), scoped(200)),
    row("GET /api/v1/webhooks/{id}/deliveries", "covering {unit}, ?state=dead", Req::Webhook(W::Deliveries), SCOPED_READ),
    row("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", "covering {unit}, a missing delivery", Req::Webhook(W::RetryMissingDelivery), scoped(404)),
    row("GET /api/dataValueSets", "{unit}'s values", Req::ExportDataValuesDhis2("/api/dataValueSets"), DHIS2_READ),
    row("GET /api/{version}/dataValueSets", "version 40, {unit}'s values", Req::ExportDataValuesDhis2("/api/40/dataValueSets"), DHIS2_READ),
    row("GET /api/dataValueSets.{extension}", ".csv, {unit}'s values", Req::ExportDataValuesDhis2("/api/dataValueSets.csv"), DHIS2_READ),
    // Sync to upstream systems
    row("POST /api/v1/sync/runs", "", Req::SyncRun,                           admin_only(202)),
    row("GET /api/v1/sync/targets", "", Req::SyncStatus,                      sync_read(200)),
    row("GET /api/v1/sync/targets/{code}", "a missing target", Req::SyncTargetMissing, sync_read(404)),
    row("POST /api/v1/sync/targets/reload", "no targets file", Req::SyncReloadWithoutFile, admin_only(409)),
    row("GET /api/v1/sync/entries", "?state=dead", Req::SyncEntries,          sync_read(200)),
    row("POST /api/v1/sync/entries/{id}/retry", "a missing entry", Req::SyncRetryMissing, admin_only(404)),
    row("POST /api/v1/sync/entries/{id}/discard", "a missing entry", Req::SyncDiscardMissing, admin_only(404)),
    row("GET /api/v1/sync/deadline-watch", "?period=202611", Req::SyncDeadlineWatch, sync_read(200)),
];
