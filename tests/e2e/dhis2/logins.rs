use chitieu_e2e::reporting_fixture::{COUNT, PLAN, VHXH, seed_commune_plan};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::json;

use super::sets::basic;

fn set() -> serde_json::Value {
    json!({"dataSet": PLAN, "period": "2026Q1", "orgUnit": VHXH,
        "dataValues": [{"dataElement": COUNT, "value": "3"}]})
}

pub async fn basic_authentication_takes_a_password_and_is_throttled_like_sign_in(app: TestApp) {
    seed_commune_plan(&app).await;
    let anonymous = reqwest::Client::new();
    let post = |authorization: String| {
        anonymous
            .post(app.url("/api/dataValueSets"))
            .header("Authorization", authorization)
            .json(&set())
            .send()
    };
    let ok = post(basic()).await.unwrap();
    assert_eq!(ok.status(), 200);
    let none = anonymous
        .post(app.url("/api/dataValueSets"))
        .json(&set())
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 401);
    assert!(
        none.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    // Our own routes do not take a password on every request.
    let v1 = anonymous
        .get(app.url("/api/v1/auth/me"))
        .header("Authorization", basic())
        .send()
        .await
        .unwrap();
    assert_eq!(v1.status(), 401);
    use base64::Engine as _;
    let wrong = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("admin:not the password")
    );
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(post(wrong.clone()).await.unwrap().status().as_u16());
    }
    // Five failures for the account within the window, then 429 as at POST /api/v1/auth/token.
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429]);
    let throttled = post(basic()).await.unwrap();
    assert_eq!(throttled.status(), 429);
    assert!(throttled.headers().get("retry-after").is_some());
    // Each attempt is in the access log, as sign-ins are.
    let events = expect_json(
        app.get("/api/v1/access-events?kind=sign_in_failed&subject=admin")
            .await,
        200,
    )
    .await;
    let failures = events["totalItems"].as_u64().unwrap();
    assert_eq!(failures, 5);
}

pub async fn an_api_token_header_takes_an_api_key(app: TestApp) {
    seed_commune_plan(&app).await;
    let created = expect_json(
        app.post_json(
            "/api/v1/api-keys",
            &json!({"name": "DHIS2 client", "role": "administrator"}),
        )
        .await,
        201,
    )
    .await;
    let key = created["apiKey"].as_str().unwrap();
    let client = reqwest::Client::new();
    let answered = client
        .post(app.url("/api/40/dataValueSets"))
        .header("Authorization", format!("ApiToken {key}"))
        .json(&set())
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 200);
    let wrong = client
        .post(app.url("/api/dataValueSets"))
        .header("Authorization", "ApiToken d2pat_notOurs")
        .json(&set())
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
}
