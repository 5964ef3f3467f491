use chitieu_connector::sim::{self, SimConfig};
use chitieu_connector::targets_file::TargetsFile;
use chitieu_e2e::sync_fixture::{agency, approve_reports, store_target};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::json;

/// The target maps the agency to a blank code, which the upstream refuses with 422.
async fn store_target_with_a_broken_mapping(app: &TestApp, base_url: &str) {
    let raw = format!(
        r#"{{"targets": [{{"code": "theodoinq", "profile": "theodoinq", "baseUrl": "{base_url}",
             "auth": {{"type": "none"}}, "mapping": {{"units": {{"{}": " "}}}}}}]}}"#,
        agency(0)
    );
    let file = TargetsFile::parse("broken", &raw).unwrap();
    app.with_db(move |conn| file.store(conn).unwrap()).await;
}

pub async fn a_refused_report_waits_for_a_person_to_retry_or_discard_it(app: TestApp) {
    let upstream = sim::start(SimConfig::default()).await.unwrap();
    store_target_with_a_broken_mapping(&app, &upstream.base_url()).await;
    approve_reports(&app, 2).await;
    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(run["attention"], 2, "{run}");
    // Each refusal is an event of the feed (and so a webhook delivery), with the upstream's word.
    let feed = expect_json(app.get("/api/v1/events").await, 200).await;
    let raised: Vec<&serde_json::Value> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "sync.attention")
        .collect();
    assert_eq!(raised.len(), 2, "{feed}");
    assert_eq!(raised[0]["data"]["target"], "theodoinq");
    assert!(
        raised[0]["data"]["error"]
            .as_str()
            .unwrap()
            .starts_with("422")
    );

    let refused = expect_json(app.get("/api/v1/sync/entries?state=attention").await, 200).await;
    assert_eq!(refused["totalItems"], 2);
    let first = &refused["items"][0];
    let message = first["lastError"].as_str().unwrap();
    assert!(
        message.starts_with("422") && message.contains("unit.code is missing"),
        "{message}"
    );
    let (retried, discarded) = (first["id"].clone(), refused["items"][1]["id"].clone());

    // The mapping is mended; one entry is sent again, the other given up on.
    store_target(&app, &upstream.base_url()).await;
    let url = |id: &serde_json::Value, action: &str| format!("/api/v1/sync/entries/{id}/{action}");
    let pending = expect_json(app.post_empty(&url(&retried, "retry")).await, 200).await;
    assert_eq!(
        (pending["state"].clone(), pending["attempts"].clone()),
        (json!("pending"), json!(0))
    );
    let gone = expect_json(app.post_empty(&url(&discarded, "discard")).await, 200).await;
    assert_eq!(gone["state"], "discarded");
    expect_json(app.post_empty(&url(&discarded, "retry")).await, 409).await;
    expect_json(app.post_empty(&url(&json!(999_999), "discard")).await, 404).await;

    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(run["sent"], 1, "{run}");
    let status = expect_json(app.get("/api/v1/sync/targets/theodoinq").await, 200).await;
    assert_eq!(
        (
            status["sent"].clone(),
            status["discarded"].clone(),
            status["attention"].clone()
        ),
        (json!(1), json!(1), json!(0))
    );
    assert_eq!(upstream.stats().unique, 1);
}
