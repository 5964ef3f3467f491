//! Webhooks: Standard Webhooks deliveries through the sync outbox, each event once per
//! subscription whatever the receiver's failures, signed, and only from the subscription's
//! subtree; subscriptions checked against their creator's scope, secrets shown once and
//! rotated, a test delivery, and a receiver that answers 410 Gone turned off.

mod receiver;
mod subscriptions;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT, PERCENT, PROVINCE, VHXH, YTE};
use chitieu_e2e::{Scenario, TestApp, expect_json};
use chitieu_schema::events;
use chitieu_schema::schema::{events as events_table, sync_outbox};
use diesel::prelude::*;
use reqwest::{Client, Method};
use serde_json::json;

use crate::reports::support::{act_ok, commune, open, put_values, send, vhxh_values};
use receiver::Receiver;

const OTHER_COMMUNE: &str = "31002";
const Q1: &str = "2026Q1";

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "a_receiver_failing_three_deliveries_in_ten_gets_each_event_once_signed_and_only_from_its_subtree",
            |app| {
                Box::pin(a_receiver_failing_three_deliveries_in_ten_gets_each_event_once_signed_and_only_from_its_subtree(app))
            },
        ),
        Scenario::new(
            "subscriptions_stay_in_their_creators_scope_show_the_secret_once_rotate_test_and_stop_on_410",
            |app| {
                Box::pin(subscriptions::subscriptions_stay_in_their_creators_scope_show_the_secret_once_rotate_test_and_stop_on_410(app))
            },
        ),
    ]
}

/// The same database backend with the sync worker on, polling often.
async fn with_worker(app: TestApp) -> TestApp {
    TestApp::spawn_with(app.backend, |settings| {
        settings.sync.worker = true;
        settings.sync.worker_config.poll_interval = Duration::from_millis(100);
    })
    .await
}

async fn subscribe(
    app: &TestApp,
    client: &Client,
    receiver: &Receiver,
    path: &str,
    unit: &str,
    kinds: &[&str],
) -> (i64, String) {
    let body = json!({"unitCode": unit, "url": receiver.url(path), "events": kinds});
    let response = send(
        app,
        client,
        Method::POST,
        "/api/v1/webhooks",
        None,
        Some(&body),
    )
    .await;
    let created = expect_json(response, 201).await;
    let secret = created["secret"].as_str().expect("the secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{created}");
    receiver.trust(path, &secret);
    (created["id"].as_i64().expect("an id"), secret)
}

/// Appends an event the way the server does (fanned out to the subscriptions in the same
/// transaction).
async fn raise(app: &TestApp, kind: &'static str, unit: &str) {
    let unit = unit.to_owned();
    app.with_db(move |conn| {
        events::append_at_unit(conn, kind, &unit, None, Some("202611".into()), json!({}))
            .expect("the event is appended")
    })
    .await;
}

/// Webhook entries not yet sent, dead or refused.
async fn in_flight(app: &TestApp) -> i64 {
    app.with_db(|conn| {
        sync_outbox::table
            .filter(sync_outbox::webhook_id.is_not_null())
            .filter(sync_outbox::state.eq_any(["pending", "sending"]))
            .count()
            .get_result::<i64>(conn)
            .expect("counted")
    })
    .await
}

async fn drained(app: &TestApp) {
    let started = Instant::now();
    while in_flight(app).await > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "webhook deliveries still in flight after a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn a_receiver_failing_three_deliveries_in_ten_gets_each_event_once_signed_and_only_from_its_subtree(
    app: TestApp,
) {
    let app = with_worker(app).await;
    let people = commune(&app).await;
    app.seed_unit(OTHER_COMMUNE, "commune", Some(PROVINCE))
        .await;
    let other_officer = app
        .client_for("xa2.officer", "communeOfficer", Some(OTHER_COMMUNE))
        .await;
    let receiver = Receiver::start().await;
    let all = events::KINDS;
    let (a, _) = subscribe(
        &app,
        &people.commune_officer,
        &receiver,
        "/a",
        COMMUNE,
        &all,
    )
    .await;
    let b_kinds = ["report.submitted", "report.approved", "deadline.missed"];
    let (b, _) = subscribe(&app, &people.vhxh, &receiver, "/b", VHXH, &b_kinds).await;
    let (c, _) = subscribe(&app, &other_officer, &receiver, "/c", OTHER_COMMUNE, &all).await;

    // Report events through the API, then deadline events in both communes.
    let etag = open(&app, &people.vhxh, VHXH, Q1).await;
    let (etag, _) = put_values(&app, &people.vhxh, VHXH, Q1, &etag, vhxh_values()).await;
    let (vhxh_etag, _) = act_ok(&app, &people.vhxh, VHXH, Q1, "submit", &etag, None).await;
    let etag = open(&app, &people.yte, YTE, Q1).await;
    let values = json!([{"indicatorCode": PERCENT, "value": {"numerator": 1, "denominator": 2}},
        {"indicatorCode": COUNT, "value": 1}]);
    let (etag, _) = put_values(&app, &people.yte, YTE, Q1, &etag, values).await;
    let (etag, _) = act_ok(&app, &people.yte, YTE, Q1, "submit", &etag, None).await;
    let back = Some(json!({"reason": "Số liệu chưa khớp"}));
    act_ok(
        &app,
        &people.commune_officer,
        YTE,
        Q1,
        "return",
        &etag,
        back,
    )
    .await;
    act_ok(
        &app,
        &people.commune_officer,
        VHXH,
        Q1,
        "approve",
        &vhxh_etag,
        None,
    )
    .await;
    let units = [VHXH, YTE, COMMUNE, OTHER_COMMUNE];
    let kinds = [
        events::DEADLINE_APPROACHING,
        events::DEADLINE_MISSED,
        events::SYNC_DEAD,
    ];
    for i in 0..36 {
        raise(&app, kinds[i % 3], units[i % 4]).await;
    }
    drained(&app).await;

    // What each subscription should have got: the events of its subtree and types.
    let stored: Vec<(i64, String, String)> = app
        .with_db(|conn| {
            events_table::table
                .select((
                    events_table::id,
                    events_table::kind,
                    events_table::unit_code,
                ))
                .order(events_table::id)
                .load(conn)
                .expect("the events")
        })
        .await;
    let covers = |id: i64, kind: &str, unit: &str| match id {
        _ if id == a => [VHXH, YTE, COMMUNE].contains(&unit),
        _ if id == b => unit == VHXH && b_kinds.contains(&kind),
        _ => unit == OTHER_COMMUNE,
    };
    let mut expected: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (path, id) in [("/a", a), ("/b", b), ("/c", c)] {
        let ids = stored
            .iter()
            .filter(|(_, kind, unit)| covers(id, kind, unit))
            .map(|(event, _, _)| format!("msg_{event}_{id}"))
            .collect();
        expected.insert(path, ids);
    }
    // The subscriber sees its deliveries, all sent, some after failed attempts.
    let path = format!("/api/v1/webhooks/{a}/deliveries?pageSize=500");
    let listed = send(
        &app,
        &people.commune_officer,
        Method::GET,
        &path,
        None,
        None,
    )
    .await;
    let listed = expect_json(listed, 200).await;
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), expected["/a"].len());
    assert!(items.iter().all(|d| d["state"] == "sent"), "{listed}");
    assert!(
        items.iter().any(|d| d["attempts"].as_i64() > Some(1)),
        "{listed}"
    );
    let record = receiver.record.lock().unwrap();
    assert_eq!(record.forged, 0, "every delivery verifies");
    assert!(
        record.failed > 10,
        "the receiver failed some: {}",
        record.failed
    );
    let mut got: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for accepted in &record.accepted {
        let path = ["/a", "/b", "/c"]
            .into_iter()
            .find(|p| *p == accepted.path)
            .expect("a known path");
        got.entry(path)
            .or_default()
            .push(accepted.webhook_id.clone());
        // The body names the event's own unit, which is in the subscription's subtree.
        let event: i64 = accepted
            .webhook_id
            .split('_')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let (_, kind, unit) = stored.iter().find(|(id, _, _)| *id == event).unwrap();
        assert_eq!(accepted.body["type"], kind.as_str());
        assert_eq!(accepted.body["data"]["unitCode"], unit.as_str());
        assert_eq!(accepted.body["data"]["id"], event);
    }
    for (path, ids) in &expected {
        let mut received = got.remove(path).unwrap_or_default();
        let count = received.len();
        received.sort();
        received.dedup();
        assert_eq!(
            count,
            received.len(),
            "{path}: a delivery was accepted twice"
        );
        let received: BTreeSet<String> = received.into_iter().collect();
        assert_eq!(&received, ids, "{path} gets exactly its events");
    }
    assert!(expected["/a"].len() >= 30 && expected["/c"].len() == 9);
    assert!(!expected["/b"].is_empty());
}
