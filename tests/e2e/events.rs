//! The event feed: report events in commit order, read with a cursor, within the caller's
//! part of the tree.

use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT, PERCENT, VHXH, YTE};
use chitieu_e2e::{Scenario, TestApp, expect_json};
use chrono::TimeZone;
use reqwest::{Client, Method};
use serde_json::{Value, json};

use crate::reports::support::{act_ok, commune, open, put_values, send, vhxh_values};

const Q1: &str = "2026Q1";

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "the_feed_lists_report_events_in_order_once_each_within_the_callers_scope",
            |app| {
                Box::pin(
                    the_feed_lists_report_events_in_order_once_each_within_the_callers_scope(app),
                )
            },
        ),
        Scenario::new(
            "the_deadline_watch_raises_approaching_before_the_deadline_and_missed_after_it_once_per_owed_report",
            |app| {
                Box::pin(the_deadline_watch_raises_approaching_before_the_deadline_and_missed_after_it_once_per_owed_report(app))
            },
        ),
    ]
}

async fn the_deadline_watch_raises_approaching_before_the_deadline_and_missed_after_it_once_per_owed_report(
    app: TestApp,
) {
    let people = commune(&app).await;
    let raised = app
        .with_db(|conn| {
            let period = chitieu_schema::domain::Period::parse("202611").unwrap();
            let watch = chitieu_connector::schedule::DeadlineWatch::of(conn, &period).unwrap();
            let before = chrono::Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap();
            let after = chrono::Utc.with_ymd_and_hms(2026, 12, 10, 8, 0, 0).unwrap();
            let first = watch.raise_events(conn, before).unwrap();
            // The watch runs every day: a second run before the deadline raises nothing new.
            let second = watch.raise_events(conn, before).unwrap();
            let missed = watch.raise_events(conn, after).unwrap();
            let missed_again = watch.raise_events(conn, after).unwrap();
            (watch.missing.len(), first, second, missed, missed_again)
        })
        .await;
    assert!(
        raised.0 >= 2,
        "the commune's units owe the month: {raised:?}"
    );
    assert_eq!(
        (raised.1, raised.2, raised.3, raised.4),
        (raised.0, 0, raised.0, 0)
    );
    let all = feed(&app, &people.province_officer, "").await;
    let units: Vec<(String, String)> = kinds_and_units(&all);
    assert_eq!(units.len(), 2 * raised.0);
    let (approaching, missed) = units.split_at(raised.0);
    assert!(
        approaching
            .iter()
            .all(|(kind, _)| kind == "deadline.approaching")
    );
    assert!(missed.iter().all(|(kind, _)| kind == "deadline.missed"));
    assert_eq!(all["items"][0]["period"], "202611");
    let own = feed(&app, &people.vhxh, "").await;
    assert_eq!(
        kinds_and_units(&own),
        vec![
            ("deadline.approaching".to_owned(), VHXH.to_owned()),
            ("deadline.missed".to_owned(), VHXH.to_owned())
        ]
    );
}

async fn feed(app: &TestApp, client: &Client, query: &str) -> Value {
    let response = send(
        app,
        client,
        Method::GET,
        &format!("/api/v1/events{query}"),
        None,
        None,
    )
    .await;
    expect_json(response, 200).await
}

fn kinds_and_units(page: &Value) -> Vec<(String, String)> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["unitCode"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn the_feed_lists_report_events_in_order_once_each_within_the_callers_scope(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q1).await;
    let (etag, _) = put_values(&app, &people.vhxh, VHXH, Q1, &etag, vhxh_values()).await;
    act_ok(&app, &people.vhxh, VHXH, Q1, "submit", &etag, None).await;
    let etag = open(&app, &people.yte, YTE, Q1).await;
    let values = json!([{"indicatorCode": PERCENT, "value": {"numerator": 1, "denominator": 2}},
        {"indicatorCode": COUNT, "value": 1}]);
    let (etag, _) = put_values(&app, &people.yte, YTE, Q1, &etag, values).await;
    let (etag, _) = act_ok(&app, &people.yte, YTE, Q1, "submit", &etag, None).await;
    let reason = "Số sáng kiến chưa khớp với biên bản";
    act_ok(
        &app,
        &people.commune_officer,
        YTE,
        Q1,
        "return",
        &etag,
        Some(json!({"reason": reason})),
    )
    .await;

    let all = feed(&app, &people.commune_officer, "").await;
    let expected = [
        ("report.submitted", VHXH),
        ("report.submitted", YTE),
        ("report.returned", YTE),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, u)| ((*k).to_owned(), (*u).to_owned()))
        .collect();
    assert_eq!(kinds_and_units(&all), expected);
    let returned = &all["items"][2];
    assert_eq!(returned["data"]["reason"], reason);
    assert_eq!(returned["data"]["by"], "xa.officer");
    assert_eq!(returned["planCode"], chitieu_e2e::reporting_fixture::PLAN);
    assert_eq!(all["nextCursor"], returned["id"]);

    // Page by page with the cursor: each event once, then nothing new.
    let mut cursor = 0;
    let mut seen = Vec::new();
    loop {
        let page = feed(
            &app,
            &people.province_officer,
            &format!("?unit={COMMUNE}&after={cursor}&limit=1"),
        )
        .await;
        if page["items"].as_array().unwrap().is_empty() {
            assert_eq!(page["nextCursor"], cursor);
            break;
        }
        seen.extend(kinds_and_units(&page));
        cursor = page["nextCursor"].as_i64().unwrap();
    }
    assert_eq!(seen, expected);

    // An agency's reporter sees its own unit's events, and nothing of the other agency.
    let own = feed(&app, &people.vhxh, "").await;
    assert_eq!(
        kinds_and_units(&own),
        vec![("report.submitted".to_owned(), VHXH.to_owned())]
    );
    let other = send(
        &app,
        &people.vhxh,
        Method::GET,
        &format!("/api/v1/events?unit={YTE}"),
        None,
        None,
    )
    .await;
    expect_json(other, 404).await;
    let bad = send(
        &app,
        &people.vhxh,
        Method::GET,
        "/api/v1/events?limit=0",
        None,
        None,
    )
    .await;
    expect_json(bad, 422).await;
}
