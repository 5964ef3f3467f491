//! `template` targets end to end: the two shipped templates through injected faults, exactly
//! once; a template that fails to render, and a 200 whose body refuses, each waiting for a
//! person; and the template version every delivery records.

use std::time::Duration;

use chitieu_connector::sim::{self, Faults, GenericSim, RunningSim, SimConfig};
use chitieu_connector::targets_file::TargetsFile;
use chitieu_e2e::sync_fixture::{approve_reports, outbox_counts};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

const TARGET: &str = "theodoinq";
const PROFILES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../connector/profiles");

/// Stores a template target named `theodoinq` from a targets file in `connector/profiles/`,
/// its base URL pointed at the simulator.
async fn store_template_target(app: &TestApp, file: &str, base_url: &str) {
    let path = format!("{PROFILES}/{file}");
    let raw = std::fs::read_to_string(&path).unwrap();
    let mut json: Value = serde_json::from_str(&raw).unwrap();
    json["targets"][0]["code"] = json!(TARGET);
    json["targets"][0]["baseUrl"] = json!(base_url);
    json["targets"][0]["auth"] = json!({"type": "none"});
    json["targets"][0]["mapping"] = json!({});
    store(app, &path, &json).await;
}

async fn store(app: &TestApp, path: &str, json: &Value) {
    let file = TargetsFile::parse(path, &json.to_string()).unwrap();
    app.with_db(move |conn| file.store(conn).unwrap()).await;
}

fn flaky(generic: Option<GenericSim>) -> SimConfig {
    SimConfig {
        faults: Faults {
            failure_rate: 0.3,
            drop_rate: 0.05,
            rate_limit_rate: 0.03,
            retry_after: Duration::from_secs(1),
            ..Faults::default()
        },
        seed: 19,
        generic,
        ..SimConfig::default()
    }
}

async fn sync_until_drained(app: &TestApp) {
    for _ in 1..=200 {
        let answer = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
        assert_eq!(answer["unrecorded"], 0, "{answer}");
        let status = expect_json(app.get("/api/v1/sync/targets/theodoinq").await, 200).await;
        if status["pending"] == 0 && status["sending"] == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the outbox did not drain: {:?}", outbox_counts(app).await);
}

async fn sent_entries(app: &TestApp) -> Vec<Value> {
    let sent = expect_json(
        app.get("/api/v1/sync/entries?state=sent&pageSize=100")
            .await,
        200,
    )
    .await;
    sent["items"].as_array().unwrap().clone()
}

fn assert_exactly_once(upstream: &RunningSim, reports: u64) {
    let stats = upstream.stats();
    assert_eq!(stats.unique, reports, "{stats:?}");
    assert_eq!(stats.duplicates, 0, "{stats:?}");
    assert!(stats.faults.server_error > 0, "{stats:?}");
}

pub async fn the_theodoinq_template_reaches_a_flaky_upstream_exactly_once(app: TestApp) {
    const REPORTS: usize = 40;
    // The built-in endpoint, which checks the document as the theodoinq profile's.
    let upstream = sim::start(flaky(None)).await.unwrap();
    store_template_target(&app, "theodoinq.target.json", &upstream.base_url()).await;
    approve_reports(&app, REPORTS).await;
    sync_until_drained(&app).await;

    assert_exactly_once(&upstream, REPORTS as u64);
    assert_eq!(upstream.stats().rejected, 0, "{:?}", upstream.stats());
    let entries = sent_entries(&app).await;
    assert_eq!(entries.len(), REPORTS);
    let version = entries[0]["templateVersion"].as_str().unwrap();
    assert!(version.starts_with("sha256:"), "{version}");
    assert!(entries.iter().all(|e| e["templateVersion"] == version));
    assert!(
        entries
            .iter()
            .all(|e| e["receipt"].as_str().unwrap().starts_with("TDNQ-"))
    );
}

pub async fn the_report_api_template_reaches_a_flaky_upstream_exactly_once(app: TestApp) {
    const REPORTS: usize = 40;
    let upstream = sim::start(flaky(Some(GenericSim::default())))
        .await
        .unwrap();
    store_template_target(&app, "report-api.target.json", &upstream.base_url()).await;
    let approved = approve_reports(&app, REPORTS).await;
    sync_until_drained(&app).await;

    assert_exactly_once(&upstream, REPORTS as u64);
    let stored = upstream.submissions();
    let (unit, _) = &approved[0];
    let first = stored
        .iter()
        .find(|s| {
            s.idempotency_key
                .as_deref()
                .is_some_and(|k| k.contains(unit.as_str()))
        })
        .unwrap();
    let request = first.body["request"].as_str().unwrap();
    assert!(
        request.starts_with(&format!(
            "PUT /report_api/api/rp_objidx_data?grant_id={unit}&action=input"
        )),
        "{request}"
    );
    assert!(first.body["body"].is_array(), "{}", first.body);
    // The receipt is read where the answer rules point: `/data/id`.
    let entries = sent_entries(&app).await;
    assert!(
        entries
            .iter()
            .all(|e| e["receipt"].as_str().unwrap().starts_with("GEN-"))
    );
}

pub async fn a_template_error_puts_the_entry_in_attention_without_sending(app: TestApp) {
    let upstream = sim::start(SimConfig {
        generic: Some(GenericSim::default()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let targets = json!({"targets": [{"code": TARGET, "profile": "template",
        "baseUrl": upstream.base_url(), "auth": {"type": "none"},
        "template": {"method": "PUT", "path": "/x",
            "body": "{\"unit\": {{ unit.code }},\n \"kpis\": {{ kpis[0].valeu }}}"}}]});
    store(&app, "inline", &targets).await;
    approve_reports(&app, 2).await;
    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(run["attention"], 2, "{run}");
    assert_eq!(upstream.stats().received, 0);
    let refused = expect_json(app.get("/api/v1/sync/entries?state=attention").await, 200).await;
    let message = refused["items"][0]["lastError"].as_str().unwrap();
    assert!(
        message.starts_with("0: template body, line 2, column "),
        "{message}"
    );
    assert!(message.contains("(template sha256:"), "{message}");
}

pub async fn a_200_whose_body_refuses_is_a_refusal(app: TestApp) {
    let upstream = sim::start(SimConfig {
        generic: Some(GenericSim {
            status: 200,
            body: json!({"success": false, "message": "Không tìm thấy chỉ tiêu idxId"}),
            replay_status: 200,
        }),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    store_template_target(&app, "report-api.target.json", &upstream.base_url()).await;
    approve_reports(&app, 1).await;
    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(
        (run["attention"].clone(), run["sent"].clone()),
        (json!(1), json!(0)),
        "{run}"
    );
    let refused = expect_json(app.get("/api/v1/sync/entries?state=attention").await, 200).await;
    let message = refused["items"][0]["lastError"].as_str().unwrap();
    assert!(
        message.starts_with("200: Không tìm thấy chỉ tiêu idxId"),
        "{message}"
    );
}

/// An XML target's values are escaped as XML and its body checked before sending: a template
/// whose output is not well-formed is never sent and its entry waits for a person.
pub async fn an_xml_template_is_sent_escaped_and_a_malformed_one_waits_in_attention(app: TestApp) {
    let upstream = sim::start(SimConfig {
        generic: Some(GenericSim::default()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let xml = |code: &str, body: &str| {
        json!({"code": code, "profile": "template", "baseUrl": upstream.base_url(),
            "auth": {"type": "none"},
            "template": {"path": "/xml", "contentType": "application/xml", "body": body,
                "answer": {"receipt": "/data/id"}}})
    };
    let targets = json!({"targets": [
        xml(TARGET, "<report unit=\"{{ unit.code }}\" key=\"{{ idempotencyKey }}\">\
            {% for kpi in kpis %}<kpi code=\"{{ kpi.code }}\">{{ kpi.value }}</kpi>{% endfor %}\
            <note>{{ \"A < B & C\" }}</note></report>"),
        xml("xml-broken", "<report>\n<unit>{{ unit.code }}</report>"),
    ]});
    store(&app, "inline", &targets).await;
    let approved = approve_reports(&app, 1).await;
    let run = expect_json(app.post_json("/api/v1/sync/runs", &json!({})).await, 202).await;
    assert_eq!(
        (run["sent"].clone(), run["attention"].clone()),
        (json!(1), json!(1)),
        "{run}"
    );
    assert_eq!(upstream.stats().received, 1);
    let stored = upstream.submissions()[0].body["body"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        stored.starts_with(&format!("<report unit=\"{}\"", approved[0].0)),
        "{stored}"
    );
    assert!(stored.contains("<note>A &lt; B &amp; C</note>"), "{stored}");
    let refused = expect_json(app.get("/api/v1/sync/entries?state=attention").await, 200).await;
    assert_eq!(refused["items"][0]["targetCode"], "xml-broken");
    let message = refused["items"][0]["lastError"].as_str().unwrap();
    assert!(
        message.contains("the rendered body is not well-formed XML (line 2, column "),
        "{message}"
    );
}
