use std::time::{Duration, Instant};

use chitieu_connector::sim::{self, Faults, SimConfig};
use chitieu_e2e::reporting_fixture::PLAN;
use chitieu_e2e::sync_fixture::{approve_reports, outbox_counts, store_target};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

/// Runs the sync through the API until nothing is left to send.
async fn sync_until_drained(app: &TestApp) -> usize {
    for run in 1..=200 {
        let answer = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
        assert_eq!(answer["unrecorded"], 0, "{answer}");
        let status = expect_json(app.get("/api/v1/sync/targets/theodoinq").await, 200).await;
        if status["pending"] == 0 && status["sending"] == 0 {
            return run;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the outbox did not drain: {:?}", outbox_counts(app).await);
}

async fn send_action(app: &TestApp, unit: &str, period: &str, action: &str, body: Option<Value>) {
    let url = format!("/api/v1/reports/{unit}/{PLAN}/{period}");
    let report = app.get(&url).await;
    let etag = report.headers()["etag"].to_str().unwrap().to_owned();
    let mut request = app
        .request(reqwest::Method::POST, &format!("{url}/{action}"))
        .header("If-Match", etag);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    expect_json(response, 200).await;
}

pub async fn a_corrected_report_is_sent_again_as_a_new_version(app: TestApp) {
    let upstream = sim::start(SimConfig::default()).await.unwrap();
    store_target(&app, &upstream.base_url()).await;
    let approved = approve_reports(&app, 1).await;
    let run = expect_json(
        app.post_json("/api/v1/sync/runs", &json!({"target": "theodoinq"}))
            .await,
        202,
    )
    .await;
    assert_eq!(
        (run["claimed"].clone(), run["sent"].clone()),
        (json!(1), json!(1))
    );

    let (unit, period) = (approved[0].0.as_str(), approved[0].1.as_str());
    send_action(
        &app,
        unit,
        period,
        "reopen",
        Some(json!({"reason": "sai số liệu"})),
    )
    .await;
    send_action(&app, unit, period, "submit", None).await;
    send_action(&app, unit, period, "approve", Some(json!({}))).await;
    sync_until_drained(&app).await;

    let stats = upstream.stats();
    assert_eq!((stats.unique, stats.duplicates), (2, 0));
    let sent = expect_json(app.get("/api/v1/sync/entries?state=sent").await, 200).await;
    assert_eq!(sent["totalItems"], 2);
    let keys: Vec<&str> = sent["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["idempotencyKey"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys[0],
        format!("chitieu:{unit}:{PLAN}:{period}:v4:theodoinq")
    );
    assert_eq!(
        keys[1],
        format!("chitieu:{unit}:{PLAN}:{period}:v7:theodoinq")
    );
    let status = expect_json(app.get("/api/v1/sync/targets").await, 200).await;
    assert_eq!(status["targets"][0]["sent"], 2);
    assert_eq!(status["metrics"]["sent"], 2);
    assert_eq!(status["jobs"].as_array().unwrap().len(), 4);
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains("chitieu_sync_sent_total 2\n"), "{metrics}");
}

pub async fn five_hundred_reports_reach_a_flaky_upstream_exactly_once(app: TestApp) {
    const REPORTS: usize = 520;
    let upstream = sim::start(SimConfig {
        faults: Faults {
            failure_rate: 0.3,
            drop_rate: 0.05,
            rate_limit_rate: 0.03,
            retry_after: Duration::from_secs(1),
            ..Faults::default()
        },
        seed: 57,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    store_target(&app, &upstream.base_url()).await;
    let seeding = Instant::now();
    approve_reports(&app, REPORTS).await;
    let seeded_in = seeding.elapsed();

    let draining = Instant::now();
    let runs = sync_until_drained(&app).await;
    eprintln!(
        "{REPORTS} approved reports seeded in {seeded_in:?}; drained in {:?} over {runs} runs; \
         upstream {:?}",
        draining.elapsed(),
        upstream.stats()
    );

    let stats = upstream.stats();
    assert_eq!(stats.unique, REPORTS as u64, "{stats:?}");
    assert_eq!(stats.duplicates, 0, "{stats:?}");
    assert!(
        stats.faults.server_error > 0 && stats.faults.dropped > 0,
        "{stats:?}"
    );
    assert_eq!(
        outbox_counts(&app).await,
        (REPORTS as i64, REPORTS as i64, 0, 0)
    );
}
