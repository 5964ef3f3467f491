//! Subscriptions in their creator's scope: the secret shown once, a test delivery, rotation
//! with two signatures, a receiver answering 410 Gone turned off, deliveries listed and retried.

use chitieu_e2e::reporting_fixture::{COMMUNE, VHXH, YTE};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::events;
use reqwest::{Client, Method};
use serde_json::{Value, json};

use super::receiver::Receiver;
use super::{drained, raise, subscribe, with_worker};
use crate::reports::support::{commune, etag_of, send};

pub(super) async fn subscriptions_stay_in_their_creators_scope_show_the_secret_once_rotate_test_and_stop_on_410(
    app: TestApp,
) {
    let app = with_worker(app).await;
    let people = commune(&app).await;
    let receiver = Receiver::start().await;
    let url = receiver.url("/a");
    let post = |client: &Client, body: Value| {
        let (client, body) = (client.clone(), body);
        let app = &app;
        async move {
            send(
                app,
                &client,
                Method::POST,
                "/api/v1/webhooks",
                None,
                Some(&body),
            )
            .await
        }
    };

    // A reporter of an agency cannot cover its commune; unknown types and bad URLs are named.
    let outside = json!({"unitCode": COMMUNE, "url": url, "events": ["report.approved"]});
    expect_json(post(&people.vhxh, outside).await, 404).await;
    let unknown =
        json!({"unitCode": COMMUNE, "url": url, "events": ["report.approved", "report.deleted"]});
    let problem = expect_json(post(&people.commune_officer, unknown).await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/events/1");
    let ftp =
        json!({"unitCode": COMMUNE, "url": "ftp://example.vn/x", "events": ["report.approved"]});
    let problem = expect_json(post(&people.commune_officer, ftp).await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/url");

    let kinds = [events::DEADLINE_MISSED];
    let (id, first_secret) = subscribe(
        &app,
        &people.commune_officer,
        &receiver,
        "/a",
        COMMUNE,
        &kinds,
    )
    .await;
    let path = format!("/api/v1/webhooks/{id}");
    let shown = send(
        &app,
        &people.commune_officer,
        Method::GET,
        &path,
        None,
        None,
    )
    .await;
    let etag = etag_of(&shown);
    let shown = expect_json(shown, 200).await;
    assert!(
        shown.get("secret").is_none(),
        "the secret is shown once: {shown}"
    );
    assert_eq!(shown["unitCode"], COMMUNE);
    expect_json(
        send(&app, &people.vhxh, Method::GET, &path, None, None).await,
        404,
    )
    .await;
    let listed = send(
        &app,
        &people.vhxh,
        Method::GET,
        "/api/v1/webhooks",
        None,
        None,
    )
    .await;
    assert_eq!(expect_json(listed, 200).await["totalItems"], 0);
    let listed = send(
        &app,
        &people.province_officer,
        Method::GET,
        "/api/v1/webhooks",
        None,
        None,
    )
    .await;
    assert_eq!(expect_json(listed, 200).await["items"][0]["id"], id);

    // A test delivery, signed, answered at once.
    let tested = send(
        &app,
        &people.commune_officer,
        Method::POST,
        &format!("{path}/test"),
        None,
        None,
    )
    .await;
    let tested = expect_json(tested, 200).await;
    assert_eq!(tested["delivered"], true, "{tested}");
    let test_id = tested["webhookId"].as_str().unwrap().to_owned();
    assert!(
        receiver
            .record
            .lock()
            .unwrap()
            .accepted
            .iter()
            .any(|a| a.webhook_id == test_id && a.body["type"] == "webhook.test")
    );

    // Rotation: a new secret, and both signatures while the old one's grace lasts; the
    // receiver trusting only the new secret still accepts.
    let rotated = send(
        &app,
        &people.commune_officer,
        Method::POST,
        &format!("{path}/rotate-secret"),
        None,
        None,
    )
    .await;
    let rotated = expect_json(rotated, 200).await;
    let new_secret = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, first_secret);
    assert!(rotated["previousSecretValidUntil"].is_string());
    receiver
        .record
        .lock()
        .unwrap()
        .secrets
        .insert("/a".into(), vec![new_secret.clone()]);
    raise(&app, events::DEADLINE_MISSED, VHXH).await;
    drained(&app).await;
    {
        let record = receiver.record.lock().unwrap();
        let last = record.accepted.last().expect("the event was delivered");
        assert_eq!(last.body["type"], "deadline.missed");
        assert_eq!(last.signatures.len(), 2, "{:?}", last.signatures);
    }

    // A receiver answering 410 Gone is turned off; enabling it again is a change like any.
    let gone = json!({"unitCode": COMMUNE, "url": receiver.url("/gone"), "events": kinds});
    let gone = expect_json(post(&people.commune_officer, gone).await, 201).await;
    let gone_path = format!("/api/v1/webhooks/{}", gone["id"]);
    raise(&app, events::DEADLINE_MISSED, YTE).await;
    drained(&app).await;
    let shown = send(
        &app,
        &people.commune_officer,
        Method::GET,
        &gone_path,
        None,
        None,
    )
    .await;
    let gone_etag = etag_of(&shown);
    let shown = expect_json(shown, 200).await;
    assert_eq!(shown["enabled"], false);
    assert!(
        shown["disabledReason"].as_str().unwrap().contains("410"),
        "{shown}"
    );
    let enable = json!({"url": receiver.url("/gone"), "events": kinds, "enabled": true});
    let enabled = send(
        &app,
        &people.commune_officer,
        Method::PUT,
        &gone_path,
        Some(&gone_etag),
        Some(&enable),
    )
    .await;
    let enabled = expect_json(enabled, 200).await;
    assert_eq!(
        (
            enabled["enabled"].clone(),
            enabled["disabledReason"].clone()
        ),
        (json!(true), Value::Null)
    );
    // The refused delivery is listed with the receiver's answer, and can be sent again.
    let refused = format!("{gone_path}/deliveries?state=attention");
    let refused = send(
        &app,
        &people.commune_officer,
        Method::GET,
        &refused,
        None,
        None,
    )
    .await;
    let refused = expect_json(refused, 200).await;
    let delivery = &refused["items"][0];
    assert!(
        delivery["lastError"].as_str().unwrap().contains("410"),
        "{refused}"
    );
    assert_eq!(delivery["type"], "deadline.missed");
    let retry = format!("{gone_path}/deliveries/{}/retry", delivery["id"]);
    let retried = send(
        &app,
        &people.commune_officer,
        Method::POST,
        &retry,
        None,
        None,
    )
    .await;
    assert_eq!(expect_json(retried, 200).await["state"], "pending");
    let other = format!("{path}/deliveries/{}/retry", delivery["id"]);
    let other = send(
        &app,
        &people.commune_officer,
        Method::POST,
        &other,
        None,
        None,
    )
    .await;
    assert_eq!(other.status(), 404, "a delivery of another subscription");

    // Deleting needs the current version.
    let stale = send(
        &app,
        &people.commune_officer,
        Method::DELETE,
        &path,
        Some("\"1\""),
        None,
    )
    .await;
    assert_eq!(stale.status(), 412);
    let current = send(
        &app,
        &people.commune_officer,
        Method::GET,
        &path,
        None,
        None,
    )
    .await;
    assert_ne!(etag_of(&current), etag);
    let current = etag_of(&current);
    let deleted = send(
        &app,
        &people.commune_officer,
        Method::DELETE,
        &path,
        Some(&current),
        None,
    )
    .await;
    assert_eq!(deleted.status(), 204);
    expect_json(
        send(
            &app,
            &people.commune_officer,
            Method::GET,
            &path,
            None,
            None,
        )
        .await,
        404,
    )
    .await;
}
