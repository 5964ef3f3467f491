//! Behind a reverse proxy: the forwarded client address is believed only from the proxies in
//! `CHITIEU_TRUSTED_PROXIES`, and then the access log and the sign-in throttle see each client.

use chitieu_api::proxies::TrustedProxies;
use chitieu_e2e::{Scenario, TestApp, expect_json};
use serde_json::json;

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "a_forwarded_address_from_an_untrusted_peer_is_ignored",
            |app| Box::pin(a_forwarded_address_from_an_untrusted_peer_is_ignored(app)),
        ),
        Scenario::new(
            "behind_a_trusted_proxy_each_client_is_logged_and_throttled_apart",
            |app| Box::pin(behind_a_trusted_proxy_each_client_is_logged_and_throttled_apart(app)),
        ),
    ]
}

/// A failed sign-in as `username`, sent through a proxy that says the client is `client`.
async fn failed_sign_in_from(app: &TestApp, client: &str, username: &str) -> reqwest::Response {
    app.anonymous()
        .post(app.url("/api/v1/auth/token"))
        .header("X-Forwarded-For", client)
        .json(
            &json!({"grantType": "password", "username": username, "password": "not the password"}),
        )
        .send()
        .await
        .unwrap()
}

async fn logged_failure_address(app: &TestApp, username: &str) -> String {
    let path = format!("/api/v1/access-events?kind=sign_in_failed&subject={username}");
    let events = expect_json(app.get(&path).await, 200).await;
    events["items"][0]["clientIp"].as_str().unwrap().to_owned()
}

async fn a_forwarded_address_from_an_untrusted_peer_is_ignored(app: TestApp) {
    expect_json(failed_sign_in_from(&app, "203.0.113.7", "lan").await, 401).await;
    assert_eq!(logged_failure_address(&app, "lan").await, "127.0.0.1");
}

async fn behind_a_trusted_proxy_each_client_is_logged_and_throttled_apart(app: TestApp) {
    let proxied = TestApp::spawn_with(app.backend, |settings| {
        settings.trusted_proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        settings.auth.throttle.per_address.free_tries = 3;
    })
    .await;
    // A client's own claim is skipped: the address our proxy (10.0.0.5) saw is the client.
    let chain = "198.51.100.99, 203.0.113.7, 10.0.0.5";
    expect_json(failed_sign_in_from(&proxied, chain, "lan").await, 401).await;
    assert_eq!(logged_failure_address(&proxied, "lan").await, "203.0.113.7");

    for n in 0..2 {
        let name = format!("guess{n}");
        expect_json(failed_sign_in_from(&proxied, chain, &name).await, 401).await;
    }
    let throttled = failed_sign_in_from(&proxied, chain, "someone").await;
    assert!(throttled.headers().contains_key("retry-after"));
    expect_json(throttled, 429).await;
    // Another client behind the same proxy is not held back by the first one's failures.
    expect_json(
        failed_sign_in_from(&proxied, "192.0.2.44", "mai").await,
        401,
    )
    .await;
    assert_eq!(logged_failure_address(&proxied, "mai").await, "192.0.2.44");
}
