use chitieu_e2e::reporting_fixture::{VHXH, YTE, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Client;
use serde_json::Value;

use super::support::{commune, open};

const Q4: &str = "2026Q4";

async fn submit_with_key(
    app: &TestApp,
    client: &Client,
    unit: &str,
    etag: &str,
    key: &str,
) -> (u16, Option<String>, Value) {
    let response = client
        .post(app.url(&format!("{}/submit", report_url(unit, Q4))))
        .header("If-Match", etag)
        .header("Idempotency-Key", key)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let replayed = response
        .headers()
        .get("idempotent-replayed")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.json().await.unwrap();
    (status, replayed, body)
}

pub async fn a_retried_submission_returns_the_first_answer(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (status, replayed, first) = submit_with_key(&app, &people.vhxh, VHXH, &etag, "k-1").await;
    assert_eq!((status, replayed), (200, None));
    assert_eq!(first["state"], "submitted");
    let (status, replayed, again) = submit_with_key(&app, &people.vhxh, VHXH, &etag, "k-1").await;
    assert_eq!((status, replayed.as_deref()), (200, Some("true")));
    assert_eq!(again, first);
    // Without the key the same request is a real second submission, refused by the state.
    let response = people
        .vhxh
        .post(app.url(&format!("{}/submit", report_url(VHXH, Q4))))
        .header("If-Match", "*")
        .send()
        .await
        .unwrap();
    expect_json(response, 409).await;
    let trail = expect_json(
        app.get(&format!("/api/v1/audit-entries?unit={VHXH}")).await,
        200,
    )
    .await;
    let submissions = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "submitted")
        .count();
    assert_eq!(submissions, 1);
}

pub async fn a_key_reused_for_another_request_is_refused(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (status, _, _) = submit_with_key(&app, &people.vhxh, VHXH, &etag, "k-2").await;
    assert_eq!(status, 200);
    // Same key, another version: another request.
    let (status, _, problem) = submit_with_key(&app, &people.vhxh, VHXH, "\"7\"", "k-2").await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["pointer"], "Idempotency-Key");
    // Keys are scoped per caller: another reporter may use the same key for its own report.
    let yte_etag = open(&app, &people.yte, YTE, Q4).await;
    let (status, replayed, body) = submit_with_key(&app, &people.yte, YTE, &yte_etag, "k-2").await;
    assert_eq!((status, replayed), (200, None));
    assert_eq!(body["unitCode"], YTE);
    // A refusal is an answer too: retried, it comes back the same.
    let (status, _, first) = submit_with_key(&app, &people.yte, YTE, &yte_etag, "k-3").await;
    assert_eq!(status, 412);
    let (status, replayed, again) = submit_with_key(&app, &people.yte, YTE, &yte_etag, "k-3").await;
    assert_eq!((status, replayed.as_deref()), (412, Some("true")));
    assert_eq!(again, first);
}
