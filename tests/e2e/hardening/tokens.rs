//! Tokens end when the account changes; a password set by someone else is changed first; who
//! may set whose password.

use chitieu_e2e::accounts::{USER_PASSWORD, client_with_token, sign_in};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Client;
use serde_json::{Value, json};

async fn me(app: &TestApp, client: &Client) -> u16 {
    client
        .get(app.url("/api/v1/auth/me"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn patch_user(app: &TestApp, client: &Client, user: &str, body: Value) -> reqwest::Response {
    client
        .patch(app.url(&format!("/api/v1/users/{user}")))
        .header("If-Match", "*")
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn admin_patch(app: &TestApp, user: &str, body: Value) {
    expect_json(patch_user(app, &app.client, user, body).await, 200).await;
}

pub async fn a_token_ends_when_the_password_role_or_unit_changes_or_the_account_is_disabled(
    app: TestApp,
) {
    app.seed_unit("01", "province", None).await;
    app.seed_unit("00001", "commune", Some("01")).await;
    let token = app.token_for("lan.nguyen", "viewer", Some("01")).await;
    let lan = client_with_token(&token);
    assert_eq!(me(&app, &lan).await, 200);

    // Her own password change ends the token she changed it with.
    let change = json!({"password": "her own new password", "currentPassword": USER_PASSWORD});
    expect_json(patch_user(&app, &lan, "lan.nguyen", change).await, 200).await;
    assert_eq!(me(&app, &lan).await, 401);

    const OWN: &str = "her own new password";
    for change in [
        json!({"role": "reporter"}),
        json!({"homeUnitCode": "00001"}),
    ] {
        let lan = client_with_token(&sign_in(&app.address, "lan.nguyen", OWN).await);
        admin_patch(&app, "lan.nguyen", change.clone()).await;
        assert_eq!(me(&app, &lan).await, 401, "after {change}");
    }
    let lan = client_with_token(&sign_in(&app.address, "lan.nguyen", OWN).await);
    admin_patch(&app, "lan.nguyen", json!({"disabled": true})).await;
    // Enabling the account again does not bring the old token back.
    admin_patch(&app, "lan.nguyen", json!({"disabled": false})).await;
    assert_eq!(me(&app, &lan).await, 401);
    // A display name is not an access change: the token lives on.
    let lan = client_with_token(&sign_in(&app.address, "lan.nguyen", OWN).await);
    admin_patch(&app, "lan.nguyen", json!({"displayName": "Nguyễn Thị Lan"})).await;
    assert_eq!(me(&app, &lan).await, 200);
}

pub async fn a_password_set_by_someone_else_must_be_changed_first_and_is_logged(app: TestApp) {
    app.seed_unit("01", "province", None).await;
    let token = app.token_for("lan.nguyen", "viewer", Some("01")).await;
    let lan = client_with_token(&token);
    admin_patch(
        &app,
        "lan.nguyen",
        json!({"password": "chosen by the admin"}),
    )
    .await;
    assert_eq!(me(&app, &lan).await, 401);

    let lan = client_with_token(&sign_in(&app.address, "lan.nguyen", "chosen by the admin").await);
    assert_eq!(me(&app, &lan).await, 200);
    let refused = lan.get(app.url("/api/v1/org-units")).send().await.unwrap();
    let refused = expect_json(refused, 403).await;
    assert!(
        refused["detail"]
            .as_str()
            .unwrap()
            .contains("change it first"),
        "{refused}"
    );
    let change =
        json!({"password": "a password of her own", "currentPassword": "chosen by the admin"});
    expect_json(patch_user(&app, &lan, "lan.nguyen", change).await, 200).await;
    let lan =
        client_with_token(&sign_in(&app.address, "lan.nguyen", "a password of her own").await);
    let units = lan.get(app.url("/api/v1/org-units")).send().await.unwrap();
    expect_json(units, 200).await;

    let log = expect_json(
        app.get("/api/v1/access-events?subject=lan.nguyen").await,
        200,
    )
    .await;
    let kinds: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"password_reset") && kinds.contains(&"password_changed"),
        "{kinds:?}"
    );
}

pub async fn an_officer_cannot_set_the_password_of_a_peer_or_of_anyone_above(app: TestApp) {
    app.seed_unit("01", "province", None).await;
    app.seed_unit("00001", "commune", Some("01")).await;
    let officer = app
        .client_for("xa.officer", "communeOfficer", Some("00001"))
        .await;
    app.token_for("xa.peer", "communeOfficer", Some("00001"))
        .await;
    app.token_for("xa.reporter", "reporter", Some("00001"))
        .await;
    let province = app
        .client_for("tinh.officer", "provinceOfficer", Some("01"))
        .await;
    let reset = json!({"password": "taken over by a peer"});

    let peer = patch_user(&app, &officer, "xa.peer", reset.clone()).await;
    expect_json(peer, 403).await;
    // The peer's password still works; the officer could not sign in as them.
    sign_in(&app.address, "xa.peer", USER_PASSWORD).await;
    // A lower role at the same unit, and anyone below the unit, may be reset.
    let reporter = patch_user(&app, &officer, "xa.reporter", reset.clone()).await;
    expect_json(reporter, 200).await;
    let below = patch_user(&app, &province, "xa.peer", reset.clone()).await;
    expect_json(below, 200).await;
    // The commune officer cannot reach the province officer at all.
    let above = patch_user(&app, &officer, "tinh.officer", reset).await;
    expect_json(above, 404).await;
}
