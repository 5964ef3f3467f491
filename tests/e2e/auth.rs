//! Signing in, tokens and API keys: what gets in and what is kept out.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chitieu_e2e::accounts::client_with_token;
use chitieu_e2e::{
    ADMIN_PASSWORD, ADMIN_USERNAME, Scenario, TEST_JWT_SECRET, TestApp, expect_json,
};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "signing_in_with_the_right_password_gives_a_working_token",
            |app| {
                Box::pin(signing_in_with_the_right_password_gives_a_working_token(
                    app,
                ))
            },
        ),
        Scenario::new(
            "a_wrong_password_and_an_unknown_user_get_the_same_401",
            |app| Box::pin(a_wrong_password_and_an_unknown_user_get_the_same_401(app)),
        ),
        Scenario::new("repeated_failures_for_an_account_are_throttled", |app| {
            Box::pin(repeated_failures_for_an_account_are_throttled(app))
        }),
        Scenario::new("repeated_failures_from_one_address_are_throttled", |app| {
            Box::pin(repeated_failures_from_one_address_are_throttled(app))
        }),
        Scenario::new(
            "requests_without_credentials_get_401_but_health_and_docs_are_public",
            |app| {
                Box::pin(requests_without_credentials_get_401_but_health_and_docs_are_public(app))
            },
        ),
        Scenario::new("forged_expired_and_misdirected_tokens_are_refused", |app| {
            Box::pin(forged_expired_and_misdirected_tokens_are_refused(app))
        }),
        Scenario::new(
            "a_disabled_users_token_is_refused_on_its_next_request",
            |app| Box::pin(a_disabled_users_token_is_refused_on_its_next_request(app)),
        ),
        Scenario::new(
            "an_api_key_is_shown_once_works_and_stops_when_revoked",
            |app| Box::pin(an_api_key_is_shown_once_works_and_stops_when_revoked(app)),
        ),
        Scenario::new("an_expired_api_key_is_refused", |app| {
            Box::pin(an_expired_api_key_is_refused(app))
        }),
    ]
}

async fn token_request(app: &TestApp, body: Value) -> reqwest::Response {
    app.anonymous()
        .post(app.url("/api/v1/auth/token"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn password_attempt(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    token_request(
        app,
        json!({"grantType": "password", "username": username, "password": password}),
    )
    .await
}

async fn me_with(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    client.get(app.url("/api/v1/auth/me")).send().await.unwrap()
}

async fn signing_in_with_the_right_password_gives_a_working_token(app: TestApp) {
    let response = password_attempt(&app, ADMIN_USERNAME, ADMIN_PASSWORD).await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body = expect_json(response, 200).await;
    assert_eq!(body["tokenType"], "Bearer");
    assert_eq!(body["expiresIn"], 900);
    let client = client_with_token(body["accessToken"].as_str().unwrap());
    let me = expect_json(me_with(&app, &client).await, 200).await;
    assert_eq!(me["kind"], "user");
    assert_eq!(me["username"], ADMIN_USERNAME);
    assert_eq!(me["role"], "administrator");
}

async fn a_wrong_password_and_an_unknown_user_get_the_same_401(app: TestApp) {
    let wrong = password_attempt(&app, ADMIN_USERNAME, "not the password at all").await;
    assert_eq!(wrong.headers()["content-type"], "application/problem+json");
    assert!(
        wrong.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let wrong = expect_json(wrong, 401).await;
    let unknown = expect_json(
        password_attempt(&app, "nobody", "not the password at all").await,
        401,
    )
    .await;
    assert_eq!(wrong["detail"], unknown["detail"]);
}

async fn repeated_failures_for_an_account_are_throttled(app: TestApp) {
    for _ in 0..5 {
        expect_json(
            password_attempt(&app, ADMIN_USERNAME, "guessing the password").await,
            401,
        )
        .await;
    }
    // Even the right password is refused while the account is throttled.
    let response = password_attempt(&app, ADMIN_USERNAME, ADMIN_PASSWORD).await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=900).contains(&retry_after),
        "Retry-After {retry_after}"
    );
    let body = expect_json(response, 429).await;
    assert_eq!(body["status"], 429);
}

async fn repeated_failures_from_one_address_are_throttled(app: TestApp) {
    for n in 0..20 {
        let name = format!("guess{n}");
        expect_json(
            password_attempt(&app, &name, "guessing the password").await,
            401,
        )
        .await;
    }
    let response = password_attempt(&app, "someone.else", "guessing the password").await;
    assert!(response.headers().contains_key("retry-after"));
    expect_json(response, 429).await;
}

async fn requests_without_credentials_get_401_but_health_and_docs_are_public(app: TestApp) {
    let anonymous = app.anonymous();
    for path in [
        "/api/v1/users",
        "/api/v1/auth/me",
        "/api/v1/api-keys",
        "/api/v1/nothing-here",
    ] {
        let response = anonymous.get(app.url(path)).send().await.unwrap();
        assert!(
            response.headers().contains_key("www-authenticate"),
            "{path}"
        );
        let body = expect_json(response, 401).await;
        assert_eq!(body["type"], "urn:chitieu:problem:unauthorized", "{path}");
    }
    for path in [
        "/health/live",
        "/health/ready",
        "/api-docs/openapi.json",
        "/swagger-ui/",
    ] {
        let response = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
}

fn claims(iss: &str, aud: &str, exp_offset: i64) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({"sub": format!("user:{ADMIN_USERNAME}"), "iss": iss, "aud": aud,
        "iat": now, "exp": now + exp_offset})
}

fn sign(alg: Algorithm, claims: &Value) -> String {
    let key = EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes());
    jsonwebtoken::encode(&Header::new(alg), claims, &key).unwrap()
}

fn with_header(token: &str, header: Value) -> String {
    let rest = token.split_once('.').unwrap().1;
    format!("{}.{rest}", URL_SAFE_NO_PAD.encode(header.to_string()))
}

async fn forged_expired_and_misdirected_tokens_are_refused(app: TestApp) {
    let good = claims("chitieu", "chitieu-api", 600);
    let valid = sign(Algorithm::HS256, &good);
    expect_json(me_with(&app, &client_with_token(&valid)).await, 200).await;

    let mut tampered = valid.clone();
    let last = if tampered.ends_with('A') { "B" } else { "A" };
    tampered.replace_range(tampered.len() - 1.., last);
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(good.to_string())
    );
    let mut no_exp = good.clone();
    no_exp.as_object_mut().unwrap().remove("exp");
    let forged = [
        ("tampered signature", tampered),
        (
            "expired an hour ago",
            sign(Algorithm::HS256, &claims("chitieu", "chitieu-api", -3600)),
        ),
        (
            "wrong audience",
            sign(Algorithm::HS256, &claims("chitieu", "another-api", 600)),
        ),
        (
            "wrong issuer",
            sign(
                Algorithm::HS256,
                &claims("someone-else", "chitieu-api", 600),
            ),
        ),
        ("no expiry", sign(Algorithm::HS256, &no_exp)),
        ("alg none", unsigned),
        ("HS512", sign(Algorithm::HS512, &good)),
        (
            "RS256 header",
            with_header(&valid, json!({"alg": "RS256", "typ": "JWT"})),
        ),
        ("not a JWT", "hello".to_owned()),
    ];
    for (what, token) in forged {
        let response = me_with(&app, &client_with_token(&token)).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
    }
}

async fn a_disabled_users_token_is_refused_on_its_next_request(app: TestApp) {
    let created = app
        .post_json(
            "/api/v1/users",
            &json!({"username": "lan.nguyen", "displayName": "Nguyễn Thị Lan",
                "password": "correct horse battery", "role": "administrator"}),
        )
        .await;
    let etag = created.headers()["etag"].to_str().unwrap().to_owned();
    expect_json(created, 201).await;
    let token =
        chitieu_e2e::accounts::sign_in(&app.address, "lan.nguyen", "correct horse battery").await;
    let lan = client_with_token(&token);
    expect_json(me_with(&app, &lan).await, 200).await;

    let disabled = app
        .patch_json(
            "/api/v1/users/lan.nguyen",
            &etag,
            &json!({"disabled": true}),
        )
        .await;
    assert_eq!(expect_json(disabled, 200).await["disabled"], true);

    expect_json(me_with(&app, &lan).await, 401).await;
    expect_json(
        password_attempt(&app, "lan.nguyen", "correct horse battery").await,
        401,
    )
    .await;
}

async fn create_key(app: &TestApp, body: Value) -> Value {
    expect_json(app.post_json("/api/v1/api-keys", &body).await, 201).await
}

fn key_client(secret: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-api-key", secret.parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn an_api_key_is_shown_once_works_and_stops_when_revoked(app: TestApp) {
    let created = create_key(
        &app,
        json!({"name": "Reporting system", "role": "administrator"}),
    )
    .await;
    let secret = created["apiKey"].as_str().unwrap().to_owned();
    let prefix = created["prefix"].as_str().unwrap().to_owned();
    assert!(secret.starts_with(&format!("ctk_{prefix}_")));

    let listed = app.get("/api/v1/api-keys").await.text().await.unwrap();
    assert!(
        listed.contains(&prefix) && !listed.contains(&secret[21..]),
        "{listed}"
    );

    let by_key = key_client(&secret);
    let me = expect_json(me_with(&app, &by_key).await, 200).await;
    assert_eq!(me["kind"], "apiKey");
    assert_eq!(me["keyPrefix"], prefix.as_str());
    let exchanged = expect_json(
        token_request(&app, json!({"grantType": "apiKey", "apiKey": secret})).await,
        200,
    )
    .await;
    let by_token = client_with_token(exchanged["accessToken"].as_str().unwrap());
    expect_json(me_with(&app, &by_token).await, 200).await;

    let revoked = app.delete(&format!("/api/v1/api-keys/{prefix}"), "*").await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    expect_json(me_with(&app, &by_key).await, 401).await;
    expect_json(me_with(&app, &by_token).await, 401).await;
    expect_json(
        token_request(&app, json!({"grantType": "apiKey", "apiKey": secret})).await,
        401,
    )
    .await;
}

async fn an_expired_api_key_is_refused(app: TestApp) {
    let created = create_key(
        &app,
        json!({"name": "Short-lived", "role": "administrator",
        "expiresAt": "2099-01-01T00:00:00Z"}),
    )
    .await;
    let secret = created["apiKey"].as_str().unwrap().to_owned();
    let prefix = created["prefix"].as_str().unwrap().to_owned();
    expect_json(me_with(&app, &key_client(&secret)).await, 200).await;

    // Time passes: the expiry is moved into the past, as the clock would.
    app.with_db(move |conn| {
        use chitieu_schema::schema::api_keys;
        use diesel::prelude::*;
        let past = chitieu_schema::now_utc() - chrono::TimeDelta::minutes(1);
        diesel::update(api_keys::table.filter(api_keys::prefix.eq(prefix)))
            .set(api_keys::expires_at.eq(Some(past)))
            .execute(conn)
            .unwrap();
    })
    .await;

    expect_json(me_with(&app, &key_client(&secret)).await, 401).await;
}
