//! Accounts: who may create, see and change whom, and the access log.

use chitieu_e2e::{Scenario, TestApp, expect_json};
use reqwest::StatusCode;
use serde_json::{Value, json};

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new("officers_create_accounts_only_in_their_subtree", |app| {
            Box::pin(officers_create_accounts_only_in_their_subtree(app))
        }),
        Scenario::new("officers_cannot_grant_a_role_above_their_own", |app| {
            Box::pin(officers_cannot_grant_a_role_above_their_own(app))
        }),
        Scenario::new("officers_see_only_accounts_homed_in_their_subtree", |app| {
            Box::pin(officers_see_only_accounts_homed_in_their_subtree(app))
        }),
        Scenario::new(
            "readers_may_not_list_accounts_or_read_the_access_log",
            |app| Box::pin(readers_may_not_list_accounts_or_read_the_access_log(app)),
        ),
        Scenario::new(
            "people_change_their_own_password_but_not_their_role",
            |app| Box::pin(people_change_their_own_password_but_not_their_role(app)),
        ),
        Scenario::new(
            "the_access_log_records_sign_ins_failures_and_key_changes",
            |app| {
                Box::pin(the_access_log_records_sign_ins_failures_and_key_changes(
                    app,
                ))
            },
        ),
    ]
}

/// Province 01 with commune 01001 (and its agency), and province 02.
async fn seed_tree(app: &TestApp) {
    app.seed_unit("01", "province", None).await;
    app.seed_unit("01001", "commune", Some("01")).await;
    app.seed_unit("01001-VHXH", "unit", Some("01001")).await;
    app.seed_unit("02", "province", None).await;
}

fn new_user(username: &str, role: &str, unit: &str) -> Value {
    json!({"username": username, "displayName": username, "password": "a long enough password",
        "role": role, "homeUnitCode": unit})
}

async fn post_as(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    body: &Value,
) -> reqwest::Response {
    client.post(app.url(path)).json(body).send().await.unwrap()
}

async fn officers_create_accounts_only_in_their_subtree(app: TestApp) {
    seed_tree(&app).await;
    let officer = app
        .client_for("officer", "communeOfficer", Some("01001"))
        .await;

    let inside = post_as(
        &app,
        &officer,
        "/api/v1/users",
        &new_user("agency.reporter", "reporter", "01001-VHXH"),
    )
    .await;
    assert_eq!(expect_json(inside, 201).await["homeUnitCode"], "01001-VHXH");

    for unit in ["02", "01", "99999"] {
        let outside = post_as(
            &app,
            &officer,
            "/api/v1/users",
            &new_user("elsewhere", "reporter", unit),
        )
        .await;
        let body = expect_json(outside, 403).await;
        assert_eq!(body["type"], "urn:chitieu:problem:forbidden", "{unit}");
    }
}

async fn officers_cannot_grant_a_role_above_their_own(app: TestApp) {
    seed_tree(&app).await;
    let officer = app
        .client_for("officer", "communeOfficer", Some("01001"))
        .await;
    for role in ["provinceOfficer", "administrator"] {
        let above = post_as(
            &app,
            &officer,
            "/api/v1/users",
            &new_user("climber", role, "01001"),
        )
        .await;
        expect_json(above, 403).await;
    }
    let key = post_as(
        &app,
        &officer,
        "/api/v1/api-keys",
        &json!({"name": "Too strong", "role": "provinceOfficer"}),
    )
    .await;
    expect_json(key, 403).await;
    let peer = post_as(
        &app,
        &officer,
        "/api/v1/users",
        &new_user("peer", "communeOfficer", "01001"),
    )
    .await;
    expect_json(peer, 201).await;
}

async fn officers_see_only_accounts_homed_in_their_subtree(app: TestApp) {
    seed_tree(&app).await;
    app.token_for("far.away", "reporter", Some("02")).await;
    app.token_for("near.by", "reporter", Some("01001-VHXH"))
        .await;
    let officer = app
        .client_for("officer", "provinceOfficer", Some("01"))
        .await;

    let listed = officer.get(app.url("/api/v1/users")).send().await.unwrap();
    let listed = expect_json(listed, 200).await;
    let names: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["near.by", "officer"]);
    assert_eq!(listed["totalItems"], 2);

    let hidden = officer
        .get(app.url("/api/v1/users/far.away"))
        .send()
        .await
        .unwrap();
    expect_json(hidden, 404).await;
    let admin_hidden = officer
        .get(app.url("/api/v1/users/admin"))
        .send()
        .await
        .unwrap();
    expect_json(admin_hidden, 404).await;
    let visible = officer
        .get(app.url("/api/v1/users/near.by"))
        .send()
        .await
        .unwrap();
    assert!(visible.headers().contains_key("etag"));
    expect_json(visible, 200).await;
}

async fn readers_may_not_list_accounts_or_read_the_access_log(app: TestApp) {
    seed_tree(&app).await;
    for (name, role) in [
        ("viewer", "viewer"),
        ("integrator", "integrator"),
        ("reporter", "reporter"),
    ] {
        let reader = app.client_for(name, role, Some("01001")).await;
        let users = reader.get(app.url("/api/v1/users")).send().await.unwrap();
        expect_json(users, 403).await;
        let events = reader
            .get(app.url("/api/v1/access-events"))
            .send()
            .await
            .unwrap();
        expect_json(events, 403).await;
        let me = expect_json(
            reader.get(app.url("/api/v1/auth/me")).send().await.unwrap(),
            200,
        )
        .await;
        assert_eq!(me["role"], role);
        assert_eq!(me["homeUnitCode"], "01001");
    }
}

async fn people_change_their_own_password_but_not_their_role(app: TestApp) {
    seed_tree(&app).await;
    let reporter = app.client_for("reporter", "reporter", Some("01001")).await;
    let own = reporter
        .get(app.url("/api/v1/users/reporter"))
        .send()
        .await
        .unwrap();
    let etag = own.headers()["etag"].to_str().unwrap().to_owned();

    let patch = |body: Value, etag: String| {
        reporter
            .patch(app.url("/api/v1/users/reporter"))
            .header("If-Match", etag)
            .json(&body)
            .send()
    };
    expect_json(
        patch(json!({"role": "communeOfficer"}), etag.clone())
            .await
            .unwrap(),
        403,
    )
    .await;
    let missing_current = patch(json!({"password": "a brand new password"}), etag.clone())
        .await
        .unwrap();
    expect_json(missing_current, 422).await;
    let changed = patch(
        json!({"password": "a brand new password", "currentPassword": chitieu_e2e::accounts::USER_PASSWORD}),
        etag,
    )
    .await
    .unwrap();
    expect_json(changed, 200).await;
    // The change ended the token it was made with: sign in again with the new password.
    let token =
        chitieu_e2e::accounts::sign_in(&app.address, "reporter", "a brand new password").await;
    let reporter = chitieu_e2e::accounts::client_with_token(&token);
    assert_eq!(
        patch(json!({"displayName": "Lan"}), "*".into())
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );

    let without_if_match = reporter
        .patch(app.url("/api/v1/users/reporter"))
        .json(&json!({"displayName": "Lan"}))
        .send()
        .await
        .unwrap();
    assert_eq!(without_if_match.status(), StatusCode::PRECONDITION_REQUIRED);
}

async fn the_access_log_records_sign_ins_failures_and_key_changes(app: TestApp) {
    let failed = app
        .anonymous()
        .post(app.url("/api/v1/auth/token"))
        .json(
            &json!({"grantType": "password", "username": "admin", "password": "wrong password!!"}),
        )
        .send()
        .await
        .unwrap();
    expect_json(failed, 401).await;
    let key = expect_json(
        app.post_json(
            "/api/v1/api-keys",
            &json!({"name": "Audited", "role": "administrator"}),
        )
        .await,
        201,
    )
    .await;
    let prefix = key["prefix"].as_str().unwrap();
    let revoked = app.delete(&format!("/api/v1/api-keys/{prefix}"), "*").await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);

    let log = expect_json(app.get("/api/v1/access-events?pageSize=100").await, 200).await;
    let kinds: Vec<(&str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["subject"].as_str().unwrap()))
        .collect();
    for expected in [
        ("sign_in", "admin"),
        ("sign_in_failed", "admin"),
        ("key_created", prefix),
        ("key_revoked", prefix),
        ("user_created", "admin"),
    ] {
        assert!(
            kinds.contains(&expected),
            "{expected:?} missing from {kinds:?}"
        );
    }
    // Newest first: the revocation is the latest event.
    assert_eq!(kinds[0], ("key_revoked", prefix));
    let failures = expect_json(
        app.get("/api/v1/access-events?kind=sign_in_failed&subject=admin")
            .await,
        200,
    )
    .await;
    assert_eq!(failures["totalItems"], 1);
    assert_eq!(failures["items"][0]["clientIp"], "127.0.0.1");
    assert!(failures["items"][0]["requestId"].is_string());
    // `kind` is an enum in the document and the server: the answer names the parameter and
    // lists the kinds there are.
    let unknown_kind = app.get("/api/v1/access-events?kind=teleported").await;
    let problem = expect_json(unknown_kind, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "kind", "{problem}");
    assert!(
        problem["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("sign_in_failed"),
        "{problem}"
    );
}
