//! What each row sends, and the fresh targets it first prepares as the administrator (with
//! codes unique to the cell, so no cell depends on another).

use std::sync::atomic::{AtomicU32, Ordering};

use chitieu_e2e::{TestApp, accounts::USER_PASSWORD, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

use super::fixture::{CATALOG, INDICATOR, SECTION, SIGN_IN_USER};
use super::plan_requests::{self, PlanReq};
use super::report_requests::{self, ReportReq};
use super::validation_requests::{self, ValidationReq};

#[derive(Debug, Clone, Copy)]
pub enum Req {
    ListUnits,
    ShowUnit,
    Children,
    Subtree,
    Rollup,
    Progress,
    /// A progress download: `progress.csv` and the other formats.
    ProgressFile(&'static str),
    Ancestors,
    Completeness,
    CreateUnit,
    CreateRoot,
    CreateUnderMissing,
    RenameUnit,
    RenameAnchor,
    MoveUnit,
    MoveOut,
    RenameMissing,
    CloseUnit,
    ListCatalogs,
    ShowCatalog,
    CatalogTree,
    ListSections,
    ShowSection,
    ListIndicators,
    ShowIndicator,
    CreateCatalog,
    UpdateCatalog,
    DeleteCatalog,
    CreateSection,
    UpdateSection,
    DeleteSection,
    CreateIndicator,
    UpdateIndicator,
    DeleteIndicator,
    SignIn,
    Me,
    CreateUser,
    ListUsers,
    ShowUser,
    UpdateUser,
    /// Set the password of a commune officer homed at the anchor.
    ResetOfficerPassword,
    CreateKey,
    ListKeys,
    RevokeKey,
    AccessEvents,
    Plans(PlanReq),
    Reports(ReportReq),
    Validation(ValidationReq),
    Webhook(super::webhook_requests::WebhookReq),
    ImportDataValues,
    /// The same set on DHIS2's path, unversioned or of an API version.
    ImportDataValuesDhis2(Option<u16>),
    /// DHIS2's export of the anchor's values: unversioned, of an API version, or by extension.
    ExportDataValuesDhis2(&'static str),
    SyncRun,
    SyncStatus,
    SyncTargetMissing,
    /// The permission test's server has no targets file: an administrator is told so (409).
    SyncReloadWithoutFile,
    SyncEntries,
    SyncRetryMissing,
    SyncDiscardMissing,
    SyncDeadlineWatch,
}

/// A request ready to send with any caller's client.
pub struct Prepared {
    pub method: Method,
    pub path: String,
    pub body: Option<Value>,
    pub if_match: Option<String>,
    /// A body sent as is, with its content type (a multipart upload).
    pub raw: Option<(String, Vec<u8>)>,
}

impl Prepared {
    pub(super) fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path, None, None)
    }

    pub(super) fn new(
        method: Method,
        path: impl Into<String>,
        body: Option<Value>,
        etag: Option<String>,
    ) -> Self {
        Self {
            method,
            path: path.into(),
            body,
            if_match: etag,
            raw: None,
        }
    }

    pub async fn send(&self, app: &TestApp, client: &reqwest::Client) -> u16 {
        let mut request = client.request(self.method.clone(), app.url(&self.path));
        if let Some(etag) = &self.if_match {
            request = request.header("If-Match", etag);
        }
        if let Some(body) = &self.body {
            request = request.json(body);
        }
        if let Some((content_type, bytes)) = &self.raw {
            request = request
                .header("Content-Type", content_type)
                .body(bytes.clone());
        }
        request
            .send()
            .await
            .expect("the server answers")
            .status()
            .as_u16()
    }
}

static NEXT: AtomicU32 = AtomicU32::new(1);
static NEXT_PROVINCE: AtomicU32 = AtomicU32::new(10);

pub(super) fn unique() -> u32 {
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Prepares the request of `req` for a cell whose target is at or under `anchor`.
pub async fn prepare(app: &TestApp, req: Req, anchor: &str) -> Prepared {
    let n = unique();
    let units = "/api/v1/org-units";
    match req {
        Req::ListUnits => Prepared::get(format!("{units}?parentCode={anchor}")),
        Req::ShowUnit => Prepared::get(format!("{units}/{anchor}")),
        Req::Children => Prepared::get(format!("{units}/{anchor}/children")),
        Req::Subtree => Prepared::get(format!("{units}/{anchor}/subtree")),
        Req::Progress => Prepared::get(format!(
            "{units}/{anchor}/progress?plan={}&period={}",
            super::fixture::Side::of(anchor).plan(),
            super::fixture::PERIOD
        )),
        Req::ProgressFile(suffix) => Prepared::get(format!(
            "{units}/{anchor}/progress.{suffix}?plan={}&period={}",
            super::fixture::Side::of(anchor).plan(),
            super::fixture::PERIOD
        )),
        Req::Rollup => Prepared::get(format!(
            "{units}/{anchor}/rollup?period={}&indicators={}",
            super::fixture::PERIOD,
            super::fixture::INDICATOR
        )),
        Req::Ancestors => Prepared::get(format!("{units}/{anchor}/ancestors")),
        Req::Completeness => Prepared::get(format!("{units}/{anchor}/completeness?period=202601")),
        Req::CreateUnit => post(units, new_unit(&format!("M-{n}"), Some(anchor))),
        Req::CreateRoot => {
            let code = format!("{:02}", NEXT_PROVINCE.fetch_add(1, Ordering::Relaxed));
            post(
                units,
                json!({"code": code, "name": "Tỉnh mới", "kind": "province"}),
            )
        }
        Req::CreateUnderMissing => post(
            units,
            new_unit(&format!("M-{n}"), Some(&format!("NONE-{n}"))),
        ),
        Req::RenameUnit => {
            let (code, etag) = fresh_unit(app, anchor, n).await;
            patch(format!("{units}/{code}"), etag, json!({"name": "Tên mới"}))
        }
        Req::RenameAnchor => {
            let response = app.get(&format!("{units}/{anchor}")).await;
            let etag = etag_of(&response);
            expect_json(response, 200).await;
            patch(
                format!("{units}/{anchor}"),
                etag,
                json!({"name": format!("Đơn vị {anchor} ({n})")}),
            )
        }
        Req::MoveUnit => {
            let (code, etag) = fresh_unit(app, anchor, n).await;
            let (parent, _) = fresh_unit(app, anchor, unique()).await;
            patch(
                format!("{units}/{code}"),
                etag,
                json!({"parentCode": parent}),
            )
        }
        Req::MoveOut => {
            let (code, etag) = fresh_unit(app, anchor, n).await;
            patch(
                format!("{units}/{code}"),
                etag,
                json!({"parentCode": "00002-A"}),
            )
        }
        Req::RenameMissing => patch(
            format!("{units}/NONE-{n}"),
            "\"1\"".into(),
            json!({"name": "Tên mới"}),
        ),
        Req::CloseUnit => {
            let (code, etag) = fresh_unit(app, anchor, n).await;
            let body = json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"});
            Prepared::new(
                Method::POST,
                format!("{units}/{code}/close"),
                Some(body),
                Some(etag),
            )
        }
        Req::ListCatalogs => Prepared::get("/api/v1/catalogs"),
        Req::ShowCatalog => Prepared::get(format!("/api/v1/catalogs/{CATALOG}")),
        Req::CatalogTree => Prepared::get(format!("/api/v1/catalogs/{CATALOG}/tree")),
        Req::ListSections => Prepared::get(format!("/api/v1/catalogs/{CATALOG}/sections")),
        Req::ShowSection => Prepared::get(format!("/api/v1/catalogs/{CATALOG}/sections/{SECTION}")),
        Req::ListIndicators => Prepared::get("/api/v1/indicators"),
        Req::ShowIndicator => Prepared::get(format!("/api/v1/indicators/{INDICATOR}")),
        Req::CreateCatalog => post("/api/v1/catalogs", new_catalog(n)),
        Req::UpdateCatalog | Req::DeleteCatalog => {
            let etag = created(app, "/api/v1/catalogs", new_catalog(n)).await;
            change(
                req,
                format!("/api/v1/catalogs/PERM-C{n}"),
                etag,
                json!({"name": "Tên mới"}),
            )
        }
        Req::CreateSection => {
            created(app, "/api/v1/catalogs", new_catalog(n)).await;
            post(&sections_of(n), new_section())
        }
        Req::UpdateSection | Req::DeleteSection => {
            created(app, "/api/v1/catalogs", new_catalog(n)).await;
            let etag = created(app, &sections_of(n), new_section()).await;
            let path = format!("{}/I", sections_of(n));
            change(req, path, etag, json!({"title": "Tiêu đề mới"}))
        }
        Req::CreateIndicator => post("/api/v1/indicators", new_indicator(n)),
        Req::UpdateIndicator | Req::DeleteIndicator => {
            let etag = created(app, "/api/v1/indicators", new_indicator(n)).await;
            change(
                req,
                format!("/api/v1/indicators/PERM-I{n}"),
                etag,
                json!({"name": "Tên mới"}),
            )
        }
        Req::SignIn => post(
            "/api/v1/auth/token",
            json!({"grantType": "password", "username": SIGN_IN_USER, "password": USER_PASSWORD}),
        ),
        Req::Me => Prepared::get("/api/v1/auth/me"),
        Req::CreateUser => post("/api/v1/users", new_user(n, anchor)),
        Req::ListUsers => Prepared::get("/api/v1/users"),
        Req::ShowUser => {
            created(app, "/api/v1/users", new_user(n, anchor)).await;
            Prepared::get(format!("/api/v1/users/matrix.user{n}"))
        }
        Req::UpdateUser => {
            let etag = created(app, "/api/v1/users", new_user(n, anchor)).await;
            patch(
                format!("/api/v1/users/matrix.user{n}"),
                etag,
                json!({"displayName": "Tên mới"}),
            )
        }
        Req::ResetOfficerPassword => {
            let mut officer = new_user(n, anchor);
            officer["role"] = json!("communeOfficer");
            let etag = created(app, "/api/v1/users", officer).await;
            patch(
                format!("/api/v1/users/matrix.user{n}"),
                etag,
                json!({"password": "set by someone else"}),
            )
        }
        Req::CreateKey => post("/api/v1/api-keys", new_key(anchor)),
        Req::ListKeys => Prepared::get("/api/v1/api-keys"),
        Req::RevokeKey => {
            let response = app.post_json("/api/v1/api-keys", &new_key(anchor)).await;
            let key = expect_json(response, 201).await;
            let prefix = key["prefix"].as_str().expect("a prefix");
            Prepared::new(
                Method::DELETE,
                format!("/api/v1/api-keys/{prefix}"),
                None,
                None,
            )
        }
        Req::AccessEvents => Prepared::get("/api/v1/access-events"),
        Req::Plans(req) => plan_requests::prepare(app, req, anchor, n).await,
        Req::Reports(req) => report_requests::prepare(app, req, anchor, n).await,
        Req::Validation(req) => validation_requests::prepare(app, req, anchor, n).await,
        Req::Webhook(req) => super::webhook_requests::prepare(app, req, anchor).await,
        Req::ImportDataValues => data_value_set(app, anchor, n, "/api/v1").await,
        Req::ImportDataValuesDhis2(None) => data_value_set(app, anchor, n, "/api").await,
        Req::ImportDataValuesDhis2(Some(version)) => {
            data_value_set(app, anchor, n, &format!("/api/{version}")).await
        }
        Req::ExportDataValuesDhis2(path) => Prepared::get(format!(
            "{path}?dataSet={}&period=2026Q1&orgUnit={anchor}",
            super::fixture::Side::of(anchor).plan()
        )),
        Req::SyncRun => post("/api/v1/sync/runs", json!({})),
        Req::SyncStatus => Prepared::get("/api/v1/sync/targets"),
        Req::SyncTargetMissing => Prepared::get("/api/v1/sync/targets/nowhere"),
        Req::SyncReloadWithoutFile => {
            Prepared::new(Method::POST, "/api/v1/sync/targets/reload", None, None)
        }
        Req::SyncEntries => Prepared::get("/api/v1/sync/entries?state=dead"),
        Req::SyncRetryMissing => Prepared::new(
            Method::POST,
            "/api/v1/sync/entries/999999/retry",
            None,
            None,
        ),
        Req::SyncDiscardMissing => Prepared::new(
            Method::POST,
            "/api/v1/sync/entries/999999/discard",
            None,
            None,
        ),
        Req::SyncDeadlineWatch => Prepared::get("/api/v1/sync/deadline-watch?period=202611"),
    }
}

/// A plan issued by the anchor's commune with the matrix indicator assigned to the anchor (or
/// the commune, for a province anchor), and one value for it; atomicMode=ALL, so a value the
/// caller may not enter makes the answer 409. `base` is `/api/v1` or one of DHIS2's paths.
async fn data_value_set(app: &TestApp, anchor: &str, n: u32, base: &str) -> Prepared {
    let commune = match anchor.split('-').next().unwrap_or(anchor) {
        "01" => "00001",
        "02" => "00002",
        other => other,
    };
    let unit = if anchor.len() == 2 { commune } else { anchor };
    let plan = format!("PERM-P{n}");
    let body = json!({"code": plan, "number": format!("{n}/KH-UBND"), "issuedOn": "2025-08-18",
        "title": "Kế hoạch", "issuingUnitCode": commune, "catalogCode": CATALOG,
        "validFrom": "2025-08-18", "validTo": "2030-12-31"});
    created(app, "/api/v1/plans", body).await;
    let item = json!({"indicatorCode": INDICATOR, "leadUnitCode": unit});
    created(app, &format!("/api/v1/plans/{plan}/items"), item).await;
    let set = json!({"dataSet": plan, "period": "2026Q1", "orgUnit": unit,
        "dataValues": [{"dataElement": INDICATOR, "value": "50"}]});
    post(&format!("{base}/dataValueSets?atomicMode=ALL"), set)
}

pub(super) fn post(path: &str, body: Value) -> Prepared {
    Prepared::new(Method::POST, path, Some(body), None)
}

pub(super) fn patch(path: String, etag: String, body: Value) -> Prepared {
    Prepared::new(Method::PATCH, path, Some(body), Some(etag))
}

/// A PATCH of `body` for the update rows, a DELETE for the others.
fn change(req: Req, path: String, etag: String, body: Value) -> Prepared {
    match req {
        Req::DeleteCatalog | Req::DeleteSection | Req::DeleteIndicator => {
            Prepared::new(Method::DELETE, path, None, Some(etag))
        }
        _ => patch(path, etag, body),
    }
}

fn new_unit(code: &str, parent: Option<&str>) -> Value {
    json!({"code": code, "name": format!("Đơn vị {code}"), "kind": "unit", "parentCode": parent})
}

fn new_catalog(n: u32) -> Value {
    json!({"code": format!("PERM-C{n}"), "name": "Danh mục", "level": "commune"})
}

fn sections_of(n: u32) -> String {
    format!("/api/v1/catalogs/PERM-C{n}/sections")
}

/// Section codes are Roman numerals up to XXXIX, too few for a section per cell: each cell
/// gets a catalog of its own, and its section I.
fn new_section() -> Value {
    json!({"code": "I", "title": "Mục"})
}

fn new_indicator(n: u32) -> Value {
    json!({"catalogCode": CATALOG, "code": format!("PERM-I{n}"), "number": format!("{}", 100 + n),
        "name": "Chỉ tiêu", "sectionCode": SECTION, "valueKind": "count"})
}

fn new_user(n: u32, anchor: &str) -> Value {
    json!({"username": format!("matrix.user{n}"), "displayName": "Người dùng",
        "password": "a long enough password", "role": "reporter", "homeUnitCode": anchor})
}

fn new_key(anchor: &str) -> Value {
    json!({"name": "Khoá", "role": "viewer", "homeUnitCode": anchor})
}

/// A new unit under `anchor`, made by the administrator: its code and ETag.
async fn fresh_unit(app: &TestApp, anchor: &str, n: u32) -> (String, String) {
    let code = format!("M-{n}");
    let etag = created(app, "/api/v1/org-units", new_unit(&code, Some(anchor))).await;
    (code, etag)
}

/// Creates `body` at `path` as the administrator and returns the ETag.
pub(super) async fn created(app: &TestApp, path: &str, body: Value) -> String {
    let response = app.post_json(path, &body).await;
    let etag = etag_of(&response);
    expect_json(response, 201).await;
    etag
}

pub(super) fn etag_of(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("\"1\"")
        .to_owned()
}
