//! The targets through the API: listed and shown with their template version (never a
//! secret), the targets file reloaded on request, and a template that does not parse refused
//! with its target, line and column while the targets in force stay.

use chitieu_connector::sim::{self, GenericSim, SimConfig};
use chitieu_e2e::sync_fixture::approve_reports;
use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

const CODE: &str = "theodoinq";

fn targets(base_url: &str, body_file: &str) -> String {
    json!({"targets": [{"code": CODE, "profile": "template", "baseUrl": base_url,
        "auth": {"type": "none"},
        "mapping": {"outline": {"I": 1021}},
        "template": {"method": "PUT", "path": "/tinh/{{ unit.code }}", "bodyFile": body_file,
            "answer": {"receipt": "/data/id"}}}]})
    .to_string()
}

async fn version(app: &TestApp) -> String {
    let list = expect_json(app.get("/api/v1/sync/targets").await, 200).await;
    let target = list["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == CODE)
        .unwrap()
        .clone();
    assert_eq!(
        (&target["profile"], &target["authType"]),
        (&json!("template"), &json!("none")),
        "{target}"
    );
    target["templateVersion"].as_str().unwrap().to_owned()
}

pub async fn the_targets_file_is_reloaded_through_the_api_and_a_broken_template_is_refused(
    app: TestApp,
) {
    let upstream = sim::start(SimConfig {
        generic: Some(GenericSim::default()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("targets.json");
    let body = dir.path().join("body.json.j2");
    std::fs::write(&path, targets(&upstream.base_url(), "body.json.j2")).unwrap();
    std::fs::write(&body, r#"{"v": 1, "unit": {{ unit.code }}}"#).unwrap();
    let file = path.display().to_string();
    let app = TestApp::spawn_with(app.backend, move |s| s.sync.targets_file = Some(file)).await;

    let first = version(&app).await;
    assert!(first.starts_with("sha256:"), "{first}");
    let shown = expect_json(app.get(&format!("/api/v1/sync/targets/{CODE}")).await, 200).await;
    assert_eq!(shown["templateVersion"], json!(first));
    assert_eq!(
        shown["template"]["body"],
        json!(r#"{"v": 1, "unit": {{ unit.code }}}"#)
    );
    assert_eq!(shown["template"]["bodyFile"], "body.json.j2");
    assert_eq!(shown["template"]["answer"]["receipt"], "/data/id");

    // A changed body file, reloaded now: the next delivery is sent with it.
    std::fs::write(
        &body,
        r#"{"v": 2, "unit": {{ unit.code }}, "ids": {{ outlineIds | json }}}"#,
    )
    .unwrap();
    let reloaded = expect_json(app.post_empty("/api/v1/sync/targets/reload").await, 200).await;
    assert_eq!(reloaded["stored"], 1, "{reloaded}");
    assert_eq!(reloaded["path"], json!(path.display().to_string()));
    let second = reloaded["targets"][0]["templateVersion"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(second, first);
    assert_eq!(version(&app).await, second);

    approve_reports(&app, 1).await;
    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(run["sent"], 1, "{run}");
    let sent = expect_json(app.get("/api/v1/sync/entries?state=sent").await, 200).await;
    assert_eq!(sent["items"][0]["templateVersion"], json!(second));
    let stored: Value = upstream.submissions()[0].body["body"].clone();
    assert_eq!(stored["v"], 2, "{stored}");
    assert_eq!(stored["ids"], json!({"I": 1021}), "{stored}");

    // A body that does not parse is refused with where it breaks; the targets stay.
    std::fs::write(&body, "{\"v\": 3,\n \"unit\": {% if %}}").unwrap();
    let refused = app.post_empty("/api/v1/sync/targets/reload").await;
    let problem = expect_json(refused, 422).await;
    assert_eq!(
        problem["errors"][0]["pointer"], "/targets/0/template",
        "{problem}"
    );
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(&format!("target {CODE}: template body, line 2, column ")),
        "{detail}"
    );
    assert_eq!(version(&app).await, second);

    // Without a targets file there is nothing to reload.
    let plain = expect_json(
        TestApp::spawn(app.backend)
            .await
            .post_empty("/api/v1/sync/targets/reload")
            .await,
        409,
    )
    .await;
    assert!(
        plain["detail"]
            .as_str()
            .unwrap()
            .contains("CHITIEU_SYNC_TARGETS_FILE"),
        "{plain}"
    );
}
