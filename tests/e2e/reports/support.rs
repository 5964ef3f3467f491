//! Small helpers: people of the commune, and requests with If-Match.

use chitieu_e2e::reporting_fixture::{COMMUNE, PROVINCE, VHXH, YTE, report_url, seed_commune_plan};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::{Client, Method, Response};
use serde_json::{Value, json};

pub struct People {
    pub vhxh: Client,
    pub yte: Client,
    pub commune_reporter: Client,
    pub commune_officer: Client,
    pub province_officer: Client,
}

/// Seeds the commune and its plan, and one account per role that matters.
pub async fn commune(app: &TestApp) -> People {
    seed_commune_plan(app).await;
    People {
        vhxh: app
            .client_for("vhxh.reporter", "reporter", Some(VHXH))
            .await,
        yte: app.client_for("yte.reporter", "reporter", Some(YTE)).await,
        commune_reporter: app
            .client_for("xa.reporter", "reporter", Some(COMMUNE))
            .await,
        commune_officer: app
            .client_for("xa.officer", "communeOfficer", Some(COMMUNE))
            .await,
        province_officer: app
            .client_for("tinh.officer", "provinceOfficer", Some(PROVINCE))
            .await,
    }
}

pub async fn send(
    app: &TestApp,
    client: &Client,
    method: Method,
    path: &str,
    etag: Option<&str>,
    body: Option<&Value>,
) -> Response {
    let mut request = client.request(method, app.url(path));
    if let Some(etag) = etag {
        request = request.header("If-Match", etag);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.expect("the server answers")
}

/// Opens the report and returns its ETag.
pub async fn open(app: &TestApp, client: &Client, unit: &str, period: &str) -> String {
    let response = send(
        app,
        client,
        Method::PUT,
        &report_url(unit, period),
        None,
        None,
    )
    .await;
    let etag = etag_of(&response);
    expect_json(response, 201).await;
    etag
}

pub fn etag_of(response: &Response) -> String {
    response.headers()["etag"]
        .to_str()
        .expect("an ETag")
        .to_owned()
}

/// PUT values, expecting 200; returns the new ETag and the report.
pub async fn put_values(
    app: &TestApp,
    client: &Client,
    unit: &str,
    period: &str,
    etag: &str,
    values: Value,
) -> (String, Value) {
    let url = format!("{}/values", report_url(unit, period));
    let body = json!({ "values": values });
    let response = send(app, client, Method::PUT, &url, Some(etag), Some(&body)).await;
    let etag = etag_of(&response);
    (etag, expect_json(response, 200).await)
}

/// POST to a workflow action (`submit`, `return`, `approve`, `reopen`), returning the response.
pub async fn act(
    app: &TestApp,
    client: &Client,
    unit: &str,
    period: &str,
    action: &str,
    etag: &str,
    body: Option<Value>,
) -> Response {
    let url = format!("{}/{action}", report_url(unit, period));
    send(app, client, Method::POST, &url, Some(etag), body.as_ref()).await
}

/// `act` expecting 200; returns the new ETag and the report.
pub async fn act_ok(
    app: &TestApp,
    client: &Client,
    unit: &str,
    period: &str,
    action: &str,
    etag: &str,
    body: Option<Value>,
) -> (String, Value) {
    let response = act(app, client, unit, period, action, etag, body).await;
    let etag = if response.status().is_success() {
        etag_of(&response)
    } else {
        String::new()
    };
    (etag, expect_json(response, 200).await)
}

pub fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["pointer"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The agency's standard values: 45 of 50 staff, 3 initiatives, connected.
pub fn vhxh_values() -> Value {
    use chitieu_e2e::reporting_fixture::{COUNT, PERCENT, STATUS};
    json!([
        {"indicatorCode": PERCENT, "value": {"numerator": 45, "denominator": 50}},
        {"indicatorCode": COUNT, "value": 3, "comment": "Theo báo cáo quý"},
        {"indicatorCode": STATUS, "value": {"achieved": true, "label": "Đạt"},
         "evidence": ["https://vanban.example.vn/420-CV-DU"]},
    ])
}

/// PUT `body` to `url` with `If-Match: etag`; asserts the status and returns the answer.
pub async fn put_expecting(
    app: &TestApp,
    client: &Client,
    url: &str,
    etag: &str,
    body: &Value,
    status: u16,
) -> Value {
    let response = send(app, client, Method::PUT, url, Some(etag), Some(body)).await;
    expect_json(response, status).await
}
