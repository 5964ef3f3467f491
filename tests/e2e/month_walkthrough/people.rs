//! Hải Phòng, Thái Tân commune and its agencies, and the people who report for them: all made
//! by the administrator through the API. Every request a person sends carries a request id of
//! its own, so the audit trail can be matched step by step.

use std::sync::atomic::{AtomicU32, Ordering};

use chitieu_e2e::accounts::{client_with_token, sign_in};
use chitieu_e2e::thai_tan::COMMUNE;
use chitieu_e2e::{ADMIN_USERNAME, TestApp};
use reqwest::{Client, Method};
use serde_json::{Value, json};

pub const PROVINCE: &str = "31";
pub const VHXH: &str = "31001-VHXH";
pub const KT: &str = "31001-KT";
pub const TTHCC: &str = "31001-TTHCC";
pub const CA: &str = "31001-CA";

const PASSWORD: &str = "mật khẩu đủ dài cho kiểm thử";
/// What each person changes the administrator's first password to.
const OWN_PASSWORD: &str = "mật khẩu riêng của mỗi người";

/// The tree as the administrator enters it: (code, name, kind, parent).
const UNITS: [(&str, &str, &str, Option<&str>); 6] = [
    (PROVINCE, "Thành phố Hải Phòng", "province", None),
    (COMMUNE, "Xã Thái Tân", "commune", Some(PROVINCE)),
    (VHXH, "Phòng Văn hoá – Xã hội", "unit", Some(COMMUNE)),
    (KT, "Phòng Kinh tế", "unit", Some(COMMUNE)),
    (
        TTHCC,
        "Trung tâm phục vụ hành chính công",
        "unit",
        Some(COMMUNE),
    ),
    (CA, "Công an xã", "unit", Some(COMMUNE)),
];

/// Someone calling the API.
pub struct Person {
    pub username: String,
    client: Client,
    sent: AtomicU32,
}

/// What a request got back, and the request id it was sent with.
pub struct Answer {
    pub status: u16,
    pub etag: Option<String>,
    pub body: Value,
    pub request_id: String,
}

impl Answer {
    pub fn etag(&self) -> String {
        self.etag.clone().expect("an ETag")
    }
}

impl Person {
    pub fn administrator(app: &TestApp) -> Person {
        Person::new(ADMIN_USERNAME, app.client.clone())
    }

    fn new(username: &str, client: Client) -> Person {
        Person {
            username: username.to_owned(),
            client,
            sent: AtomicU32::new(0),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends a request with a fresh `X-Request-Id` (and `If-Match` when given).
    pub async fn send(
        &self,
        app: &TestApp,
        method: Method,
        path: &str,
        etag: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let n = self.sent.fetch_add(1, Ordering::Relaxed);
        let request_id = format!("walk.{}.{n}", self.username);
        let mut request = self
            .client
            .request(method, app.url(path))
            .header("X-Request-Id", &request_id);
        if let Some(etag) = etag {
            request = request.header("If-Match", etag);
        }
        if let Some(body) = &body {
            request = request.json(body);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = response.text().await.expect("a readable body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            etag,
            body,
            request_id,
        }
    }

    /// `send`, asserting the status (showing the body when it differs).
    pub async fn expect(
        &self,
        app: &TestApp,
        status: u16,
        method: Method,
        path: &str,
        etag: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let answer = self.send(app, method.clone(), path, etag, body).await;
        assert_eq!(
            answer.status, status,
            "{} {method} {path}: {}",
            self.username, answer.body
        );
        answer
    }
}

/// Everyone taking part in the month.
pub struct People {
    pub admin: Person,
    pub province_officer: Person,
    pub commune_officer: Person,
    /// A reporter homed at the commune itself, who enters the commune's own report.
    pub commune_reporter: Person,
    /// One reporter per agency, in the order of [`AGENCY_CODES`].
    pub agency_reporters: Vec<(&'static str, Person)>,
}

pub const AGENCY_CODES: [&str; 4] = [VHXH, KT, TTHCC, CA];

impl People {
    pub fn reporter_of(&self, agency: &str) -> &Person {
        &self
            .agency_reporters
            .iter()
            .find(|(code, _)| *code == agency)
            .expect("every agency has a reporter")
            .1
    }
}

/// Creates the tree and the accounts as the administrator, and signs everyone in.
pub async fn set_up(app: &TestApp) -> People {
    let admin = Person::administrator(app);
    for (code, name, kind, parent) in UNITS {
        let body = json!({"code": code, "name": name, "kind": kind, "parentCode": parent});
        admin
            .expect(
                app,
                201,
                Method::POST,
                "/api/v1/org-units",
                None,
                Some(body),
            )
            .await;
    }
    let tree = admin
        .expect(
            app,
            200,
            Method::GET,
            &format!("/api/v1/org-units/{COMMUNE}/children"),
            None,
            None,
        )
        .await;
    assert_eq!(tree.body["totalItems"], 4, "{}", tree.body);

    let mut agency_reporters = Vec::new();
    for agency in AGENCY_CODES {
        let username = format!("bc.{}", agency.trim_start_matches("31001-").to_lowercase());
        agency_reporters.push((
            agency,
            account(app, &admin, &username, "reporter", agency).await,
        ));
    }
    People {
        province_officer: account(app, &admin, "tinh.hp", "provinceOfficer", PROVINCE).await,
        commune_officer: account(app, &admin, "xa.thaitan", "communeOfficer", COMMUNE).await,
        commune_reporter: account(app, &admin, "bc.thaitan", "reporter", COMMUNE).await,
        agency_reporters,
        admin,
    }
}

async fn account(app: &TestApp, admin: &Person, username: &str, role: &str, unit: &str) -> Person {
    let body = json!({"username": username, "displayName": format!("Cán bộ {username}"),
        "password": PASSWORD, "role": role, "homeUnitCode": unit});
    admin
        .expect(app, 201, Method::POST, "/api/v1/users", None, Some(body))
        .await;
    // The administrator chose the first password: its owner replaces it before anything else,
    // and signs in again (the change ended the first token).
    let first = Person::new(
        username,
        client_with_token(&sign_in(&app.address, username, PASSWORD).await),
    );
    let own = format!("/api/v1/users/{username}");
    let refused = first
        .send(app, Method::GET, "/api/v1/reports", None, None)
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    let change = json!({"password": OWN_PASSWORD, "currentPassword": PASSWORD});
    first
        .expect(app, 200, Method::PATCH, &own, Some("*"), Some(change))
        .await;
    let token = sign_in(&app.address, username, OWN_PASSWORD).await;
    let person = Person::new(username, client_with_token(&token));
    let me = person
        .expect(app, 200, Method::GET, "/api/v1/auth/me", None, None)
        .await;
    assert_eq!(me.body["role"], role, "{}", me.body);
    person
}
