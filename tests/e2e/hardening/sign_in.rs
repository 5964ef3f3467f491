//! Sign-in throttling that cannot be turned into a lock-out, and that a race cannot pass.

use std::net::IpAddr;

use chitieu_e2e::accounts::USER_PASSWORD;
use chitieu_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, TestApp, expect_json};
use serde_json::{Value, json};

/// A client whose connections come from `address` (any of 127.0.0.0/8 reaches the server).
pub fn client_from(address: &str) -> reqwest::Client {
    let ip: IpAddr = address.parse().expect("an address");
    reqwest::Client::builder()
        .local_address(ip)
        .build()
        .expect("a client")
}

async fn attempt(app: &TestApp, client: &reqwest::Client, user: &str, password: &str) -> u16 {
    client
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": user, "password": password}))
        .send()
        .await
        .expect("the token endpoint answers")
        .status()
        .as_u16()
}

pub async fn failures_from_one_address_do_not_keep_the_owner_out_from_another(app: TestApp) {
    let attacker = client_from("127.0.0.2");
    for _ in 0..5 {
        assert_eq!(
            attempt(&app, &attacker, ADMIN_USERNAME, "a guess").await,
            401
        );
    }
    // The attacker's address now waits, even with the right password ...
    assert_eq!(
        attempt(&app, &attacker, ADMIN_USERNAME, ADMIN_PASSWORD).await,
        429
    );
    // ... while the owner, from an address that has not failed, signs in.
    let owner = client_from("127.0.0.1");
    assert_eq!(
        attempt(&app, &owner, ADMIN_USERNAME, ADMIN_PASSWORD).await,
        200
    );
}

pub async fn forty_concurrent_wrong_passwords_are_checked_at_most_five_times(app: TestApp) {
    app.token_for("lan.nguyen", "administrator", None).await;
    let attacker = client_from("127.0.0.3");
    let guesses = (0..40).map(|n| {
        let (app, attacker) = (&app, &attacker);
        async move { attempt(app, attacker, "lan.nguyen", &format!("guess number {n}")).await }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let delayed = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, delayed), (5, 35), "{statuses:?}");
    let failures = expect_json(
        app.get("/api/v1/access-events?kind=sign_in_failed&subject=lan.nguyen")
            .await,
        200,
    )
    .await;
    assert_eq!(failures["totalItems"], 5, "{failures}");
    // The owner elsewhere is not affected.
    let owner = client_from("127.0.0.4");
    assert_eq!(
        attempt(&app, &owner, "lan.nguyen", USER_PASSWORD).await,
        200
    );
}

pub async fn delays_grow_with_each_further_attempt(app: TestApp) {
    let attacker = client_from("127.0.0.5");
    for _ in 0..5 {
        attempt(&app, &attacker, ADMIN_USERNAME, "a guess").await;
    }
    let retry_after = |response: &reqwest::Response| -> u64 {
        response.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    let first = attacker
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": ADMIN_USERNAME, "password": "x"}))
        .send()
        .await
        .unwrap();
    let waited = retry_after(&first);
    assert!((1..=30).contains(&waited), "{waited}");
    let body: Value = first.json().await.unwrap();
    assert_eq!(body["status"], 429);
    // Time passes: the delay is over, one more failure doubles it.
    app.with_db(|conn| {
        use chitieu_schema::schema::sign_in_throttle as t;
        use diesel::prelude::*;
        let past = chitieu_schema::now_utc() - chrono::TimeDelta::seconds(1);
        diesel::update(t::table)
            .set(t::blocked_until.eq(Some(past)))
            .execute(conn)
            .unwrap();
    })
    .await;
    assert_eq!(
        attempt(&app, &attacker, ADMIN_USERNAME, "a guess").await,
        401
    );
    let second = attacker
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": ADMIN_USERNAME, "password": "x"}))
        .send()
        .await
        .unwrap();
    assert!(
        (31..=60).contains(&retry_after(&second)),
        "{}",
        retry_after(&second)
    );
}
