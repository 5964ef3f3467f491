//! The matrix's tree and callers: province 01 → commune 00001 → agency 00001-A, and the same
//! shape under province 02 (everything outside the callers' scope). Built as the administrator.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::{Value, json};

use super::table::{ROLES, Role};

/// The catalog, section and indicator every read cell looks at.
pub const CATALOG: &str = "PERM-CATALOG";
pub const SECTION: &str = "I";
pub const INDICATOR: &str = "PERM-INDICATOR";
/// An account anyone may sign in as, for the token endpoint's row.
pub const SIGN_IN_USER: &str = "matrix.signin";
/// The plans every read cell looks at: issued by province 01 (and 02), assigning the indicator
/// to agency 00001-A (00002-A) as lead and to commune 00001 (00002) as coordinating unit.
pub const PLAN_IN: &str = "PERM-PLAN-01";
pub const PLAN_OUT: &str = "PERM-PLAN-02";
/// The period of the reports every read cell looks at (agency 00001-A's and 00002-A's).
pub const PERIOD: &str = "202601";

/// Which side of a caller's scope a cell's target lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// In the caller's part of the tree (under province 01).
    In,
    /// Under province 02, outside every caller's scope but the administrator's.
    Out,
}

impl Role {
    /// The unit a cell's target is placed at or under: the caller's home unit, or its twin
    /// under province 02. The administrator has no home; its cells use the communes.
    pub fn anchor(self, side: Side) -> &'static str {
        let (inside, outside) = match self {
            Role::Administrator | Role::CommuneOfficer | Role::Viewer => ("00001", "00002"),
            Role::ProvinceOfficer | Role::Integrator => ("01", "02"),
            Role::Reporter => ("00001-A", "00002-A"),
        };
        match side {
            Side::In => inside,
            Side::Out => outside,
        }
    }
}

impl Side {
    /// The side an anchor of [`Role::anchor`] lies on.
    pub fn of(anchor: &str) -> Side {
        if anchor == "02" || anchor.starts_with("00002") {
            Side::Out
        } else {
            Side::In
        }
    }

    pub fn province(self) -> &'static str {
        match self {
            Side::In => "01",
            Side::Out => "02",
        }
    }

    pub fn commune(self) -> &'static str {
        match self {
            Side::In => "00001",
            Side::Out => "00002",
        }
    }

    pub fn agency(self) -> &'static str {
        match self {
            Side::In => "00001-A",
            Side::Out => "00002-A",
        }
    }

    /// The shared plan of this side.
    pub fn plan(self) -> &'static str {
        match self {
            Side::In => PLAN_IN,
            Side::Out => PLAN_OUT,
        }
    }
}

/// A plan of the shared catalog issued by `issuer`, valid 2025–2030, without items.
pub fn plan_body(code: &str, issuer: &str) -> Value {
    json!({"code": code, "number": "01/KH-UBND", "issuedOn": "2025-01-02",
        "title": "Kế hoạch của ma trận quyền", "issuingUnitCode": issuer,
        "catalogCode": CATALOG, "validFrom": "2025-01-01", "validTo": "2030-12-31"})
}

/// A plan issued by the side's province whose indicator the agency leads and the commune
/// coordinates; returns nothing, the code is the caller's.
pub async fn reporting_plan(app: &TestApp, code: &str, side: Side) {
    let plan = plan_body(code, side.province());
    expect_json(app.post_json("/api/v1/plans", &plan).await, 201).await;
    let item = json!({"indicatorCode": INDICATOR, "targets": {"2026": "≥ 70%"},
        "leadUnitCode": side.agency(), "coordinatingUnitCodes": [side.commune()]});
    let items = format!("/api/v1/plans/{code}/items");
    expect_json(app.post_json(&items, &item).await, 201).await;
}

/// A client per role (in the order of [`ROLES`]) and one without credentials.
pub struct Callers {
    pub by_role: Vec<(Role, reqwest::Client)>,
    pub anonymous: reqwest::Client,
}

impl Callers {
    pub fn client(&self, role: Role) -> &reqwest::Client {
        &self
            .by_role
            .iter()
            .find(|(r, _)| *r == role)
            .expect("every role has a client")
            .1
    }
}

/// Builds the tree, the shared catalog and the callers.
pub async fn build(app: &TestApp) -> Callers {
    for (code, kind, parent) in [
        ("01", "province", None),
        ("00001", "commune", Some("01")),
        ("00001-A", "unit", Some("00001")),
        ("02", "province", None),
        ("00002", "commune", Some("02")),
        ("00002-A", "unit", Some("00002")),
    ] {
        let body = json!({"code": code, "name": format!("Đơn vị {code}"), "kind": kind,
            "parentCode": parent});
        expect_json(app.post_json("/api/v1/org-units", &body).await, 201).await;
    }
    let catalog = json!({"code": CATALOG, "name": "Danh mục ma trận quyền",
        "level": "commune"});
    expect_json(app.post_json("/api/v1/catalogs", &catalog).await, 201).await;
    let section = json!({"code": SECTION, "title": "Phát triển hạ tầng"});
    let sections = format!("/api/v1/catalogs/{CATALOG}/sections");
    expect_json(app.post_json(&sections, &section).await, 201).await;
    let indicator = json!({"catalogCode": CATALOG, "code": INDICATOR, "number": "1",
        "name": "Tỷ lệ phủ sóng 5G", "sectionCode": SECTION, "valueKind": "percent"});
    expect_json(app.post_json("/api/v1/indicators", &indicator).await, 201).await;
    app.token_for(SIGN_IN_USER, "viewer", Some("00001")).await;
    for side in [Side::In, Side::Out] {
        reporting_plan(app, side.plan(), side).await;
        let report = format!("/api/v1/reports/{}/{}/{PERIOD}", side.agency(), side.plan());
        let opened = app.request(reqwest::Method::PUT, &report).send().await;
        expect_json(opened.expect("PUT is answered"), 201).await;
    }

    let mut by_role = Vec::new();
    for role in ROLES {
        let client = match role {
            Role::Administrator => app.client.clone(),
            Role::Integrator => integrator_client(app).await,
            _ => {
                let name = format!("matrix.{}", role.api_name().to_lowercase());
                app.client_for(&name, role.api_name(), Some(role.anchor(Side::In)))
                    .await
            }
        };
        by_role.push((role, client));
    }
    Callers {
        by_role,
        anonymous: app.anonymous(),
    }
}

/// The integrator calls with an API key (made by the administrator), to cover that path.
async fn integrator_client(app: &TestApp) -> reqwest::Client {
    let body = json!({"name": "Matrix integrator", "role": "integrator",
        "homeUnitCode": Role::Integrator.anchor(Side::In)});
    let created = expect_json(app.post_json("/api/v1/api-keys", &body).await, 201).await;
    let key = created["apiKey"].as_str().expect("the key's secret");
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-api-key",
        HeaderValue::from_str(key).expect("a header value"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a client")
}
