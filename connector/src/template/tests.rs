use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use super::*;
use crate::delivery::Outcome;
use crate::payload::tests::{delivery, mapping};
use crate::payload::{self, theodoinq};
use crate::target::{Auth, Profile, Target, TargetTls};

const THEODOINQ: &str = include_str!("../../profiles/theodoinq.json.j2");
const REPORT_API: &str = include_str!("../../profiles/report-api.json.j2");

fn spec(body: &str) -> TemplateSpec {
    TemplateSpec {
        method: "POST".into(),
        path: "/api/v1/submissions".into(),
        headers: Default::default(),
        content_type: "application/json".into(),
        body: Some(body.into()),
        body_file: None,
        answer: AnswerRules::default(),
    }
}

fn target(spec: TemplateSpec) -> Target {
    Target {
        code: "tinh".into(),
        profile: Profile::Template,
        base_url: "http://127.0.0.1:1".into(),
        auth: Auth::None,
        mapping: mapping(),
        tls: TargetTls::default(),
        template: Some(spec),
    }
}

fn built_in_body(delivery: &crate::Delivery) -> Vec<u8> {
    let builtin = Target {
        profile: Profile::Theodoinq,
        template: None,
        ..target(spec("{}"))
    };
    payload::build(&builtin, delivery).unwrap().body
}

#[test]
fn the_shipped_theodoinq_template_renders_the_built_in_body_byte_for_byte() {
    let mut bare = delivery();
    bare.report.approved_at = None;
    bare.report.approved_by = None;
    bare.report.outline.clear();
    let mut empty = delivery();
    empty.report.values.clear();
    let mut quoted = delivery();
    quoted.report.outline[1].html = "<p>\"Trích\" \\ dẫn\n\t</p>".into();
    let mut checkpointed = delivery();
    checkpointed.audit_checkpoint = chitieu_schema::audit::checkpoint::Checkpoint::parse_line(
        "v1 12 40 9f3a 2026-02-02T03:04:05.000000Z 0011aabb",
    );
    assert!(checkpointed.audit_checkpoint.is_some());
    for delivery in [delivery(), bare, empty, quoted, checkpointed] {
        let rendered = render(&target(spec(THEODOINQ)), &delivery).unwrap();
        let expected = built_in_body(&delivery);
        assert_eq!(
            String::from_utf8(rendered.body).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
    assert_eq!(theodoinq::PATH, "/api/v1/submissions");
}

#[test]
fn the_report_api_template_sends_outline_rows_as_idx_fields() {
    let mut api = spec(REPORT_API);
    api.method = "put".into();
    api.path = "/report_api/api/rp_objidx_data?grant_id={{ unit.code }}&action=input".into();
    let rendered = render(&target(api), &delivery()).unwrap();
    assert_eq!(rendered.method, reqwest::Method::PUT);
    assert_eq!(
        rendered.path,
        "/report_api/api/rp_objidx_data?grant_id=VN-31001&action=input"
    );
    let rows: Value = serde_json::from_slice(&rendered.body).unwrap();
    assert_eq!(
        rows,
        json!([
            {"idxId": "I", "idxCode": "I", "idxName": "Công tác lãnh đạo", "parentId": null,
                "idxOrder": 1, "idxContent": ""},
            {"idxId": "I.1", "idxCode": "I.1", "idxName": "Lãnh đạo, chỉ đạo", "parentId": "I",
                "idxOrder": 1, "idxContent": "<p>Đã ban hành <b>3</b> văn bản</p>"},
        ])
    );
}

#[test]
fn a_template_that_does_not_parse_is_refused_with_its_line_and_column() {
    let error = spec("{\n  \"unit\": {{ unit.code }},\n  \"x\": {% if %}\n}")
        .check()
        .err()
        .unwrap();
    let text = error.to_string();
    assert!(text.starts_with("template body, line 3, column "), "{text}");
    assert!(text.contains("syntax error"), "{text}");
}

#[test]
fn a_misspelt_member_fails_the_delivery_instead_of_sending_an_empty_value() {
    let error = render(&target(spec(r#"{"unit": {{ unit.cod }}}"#)), &delivery()).unwrap_err();
    assert!(
        matches!(&error, TemplateError::Template { part, line: Some(1), .. } if part == "body"),
        "{error}"
    );
}

#[test]
fn a_body_that_is_not_json_is_never_sent() {
    let error = render(&target(spec(r#"{"unit": {{ unit.code }},}"#)), &delivery()).unwrap_err();
    assert!(
        matches!(error, TemplateError::NotJson { line: 1, .. }),
        "{error}"
    );
}

#[test]
fn a_quote_in_a_value_cannot_break_the_document() {
    let mut tricky = delivery();
    tricky.report.outline[0].name = "Tên \"có\" ngoặc\", \"x\": \"".into();
    let rendered = render(
        &target(spec(
            r#"{"name": {{ outline[0].name }}, "key": {{ idempotencyKey }}, "to": {{ target }}}"#,
        )),
        &tricky,
    )
    .unwrap();
    let body: Value = serde_json::from_slice(&rendered.body).unwrap();
    assert_eq!(body["name"], "Tên \"có\" ngoặc\", \"x\": \"");
    assert_eq!(body["key"], "chitieu:31001:KH-57-2026:202601:v3:theodoinq");
    assert_eq!(body["to"], "tinh");
}

#[test]
fn dates_and_numbers_have_filters() {
    let rendered = render(
        &target(spec(
            r#"{"at": {{ approvedAt | date("%d/%m/%Y %H:%M", "Asia/Ho_Chi_Minh") }},
                "day": {{ approvedAt | date }}, "n": {{ kpis[2].value | number(2) }},
                "none": {{ kpis[0].value | number }}, "all": {{ unit | json }}}"#,
        )),
        &delivery(),
    )
    .unwrap();
    let body: Value = serde_json::from_slice(&rendered.body).unwrap();
    assert_eq!(body["at"], "02/02/2026 10:04");
    assert_eq!(body["day"], "2026-02-02");
    assert_eq!(body["n"], json!(9.0));
    assert!(String::from_utf8_lossy(&rendered.body).contains(r#""n": 9.00"#));
    assert_eq!(body["none"], Value::Null);
    assert_eq!(body["all"], json!({"code": "VN-31001"}));
}

#[test]
fn headers_are_templates_but_credentials_are_not_theirs_to_set() {
    let mut with_header = spec("{}");
    with_header
        .headers
        .insert("X-Don-Vi".into(), "{{ unit.code }}".into());
    let rendered = render(&target(with_header), &delivery()).unwrap();
    assert_eq!(rendered.headers[0].0.as_str(), "x-don-vi");
    assert_eq!(rendered.headers[0].1, "VN-31001");
    let mut secret = spec("{}");
    secret
        .headers
        .insert("Authorization".into(), "Bearer abc".into());
    assert!(secret.check().err().unwrap().to_string().contains("auth"));
}

#[test]
fn the_version_changes_with_the_template_and_not_with_where_it_was_read_from() {
    let first = spec("{}");
    let mut from_file = first.clone();
    from_file.body_file = Some("profiles/x.json.j2".into());
    assert_eq!(first.version(), from_file.version());
    assert!(first.version().starts_with("sha256:") && first.version().len() == 23);
    assert_ne!(first.version(), spec("[]").version());
}

fn rules(json: Value) -> AnswerRules {
    serde_json::from_value(json).unwrap()
}

fn outcome(rules: &AnswerRules, status: u16, body: &str) -> Outcome {
    rules.outcome(
        StatusCode::from_u16(status).unwrap(),
        &HeaderMap::new(),
        body,
    )
}

#[test]
fn a_200_with_a_refusal_body_is_a_refusal_with_the_upstreams_message() {
    let rules = rules(json!({"receipt": "/data/id",
        "refusal": {"pointer": "/success", "equals": false, "message": "/message"}}));
    assert_eq!(
        outcome(
            &rules,
            200,
            r#"{"success": false, "message": "Chỉ tiêu không tồn tại"}"#
        ),
        Outcome::Rejected {
            status: 200,
            message: "Chỉ tiêu không tồn tại".into()
        }
    );
    assert_eq!(
        outcome(&rules, 200, r#"{"success": true, "data": {"id": 4521}}"#),
        Outcome::Delivered {
            receipt: "4521".into()
        }
    );
}

#[test]
fn an_exact_status_wins_over_a_class_and_unnamed_statuses_read_as_usual() {
    let rules = rules(json!({"stored": ["2xx", 409], "retry": [423], "refused": ["5xx", 503]}));
    rules.check().unwrap();
    assert!(matches!(
        outcome(&rules, 409, "{}"),
        Outcome::Delivered { .. }
    ));
    assert!(matches!(outcome(&rules, 423, "{}"), Outcome::Retry { .. }));
    assert!(matches!(
        outcome(&rules, 500, "{}"),
        Outcome::Rejected { status: 500, .. }
    ));
    assert!(matches!(outcome(&rules, 429, "{}"), Outcome::Retry { .. }));
    assert!(matches!(
        outcome(&rules, 404, "{}"),
        Outcome::Rejected { status: 404, .. }
    ));
}

#[test]
fn answer_rules_that_contradict_themselves_are_refused() {
    let twice = rules(json!({"stored": [200], "refused": [200]}));
    assert!(twice.check().unwrap_err().contains("200"));
    let no_pointer = rules(json!({"receipt": "data.id"}));
    assert!(no_pointer.check().unwrap_err().contains("JSON pointer"));
    let bad_class = rules(json!({"retry": ["5x"]}));
    assert!(bad_class.check().is_err());
}

#[test]
fn the_report_api_template_sends_the_upstreams_row_ids_from_the_outline_mapping() {
    let mut mapped = target(spec(REPORT_API));
    mapped.mapping.outline = std::collections::BTreeMap::from([
        ("I".to_owned(), json!(1021)),
        ("I.1".to_owned(), json!("A-7")),
    ]);
    let rendered = render(&mapped, &delivery()).unwrap();
    let rows: Value = serde_json::from_slice(&rendered.body).unwrap();
    assert_eq!(
        (&rows[0]["idxId"], &rows[0]["parentId"], &rows[0]["idxCode"]),
        (&json!(1021), &Value::Null, &json!("I"))
    );
    assert_eq!(
        (&rows[1]["idxId"], &rows[1]["parentId"], &rows[1]["idxCode"]),
        (&json!("A-7"), &json!(1021), &json!("I.1"))
    );
}

fn with_content_type(body: &str, content_type: &str) -> TemplateSpec {
    TemplateSpec {
        content_type: content_type.into(),
        ..spec(body)
    }
}

#[test]
fn an_xml_body_has_its_values_escaped_and_must_be_well_formed() {
    let mut tricky = delivery();
    tricky.report.outline[0].name = "A < B & \"C\"".into();
    let xml = with_content_type(
        "<report unit=\"{{ unit.code }}\"><row name=\"{{ outline[0].name }}\">{{ outline[1].html }}</row></report>",
        "application/xml; charset=utf-8",
    );
    let rendered = render(&target(xml), &tricky).unwrap();
    let text = String::from_utf8(rendered.body).unwrap();
    assert!(
        text.contains("name=\"A &lt; B &amp; &quot;C&quot;\""),
        "{text}"
    );
    assert!(
        text.contains("&lt;p&gt;Đã ban hành &lt;b&gt;3&lt;/b&gt;"),
        "{text}"
    );
    content::BodyKind::Xml.check(&text).unwrap();

    let unclosed = with_content_type("<report>\n<unit>{{ unit.code }}</report>", "text/xml");
    let error = render(&target(unclosed), &delivery()).unwrap_err();
    assert!(
        matches!(&error, TemplateError::NotWellFormed { line: 2, .. }),
        "{error}"
    );
}

#[test]
fn a_form_body_has_its_values_percent_encoded_and_must_be_pairs() {
    let form = with_content_type(
        "unit={{ unit.code }}&name={{ outline[0].name }}&period={{ period }}",
        "application/x-www-form-urlencoded",
    );
    let rendered = render(&target(form), &delivery()).unwrap();
    assert_eq!(
        String::from_utf8(rendered.body).unwrap(),
        "unit=VN-31001&name=C%C3%B4ng%20t%C3%A1c%20l%C3%A3nh%20%C4%91%E1%BA%A1o&period=202601"
    );
    let raw = with_content_type(
        "unit={{ unit.code }}&note=as is",
        "application/x-www-form-urlencoded",
    );
    let error = render(&target(raw), &delivery()).unwrap_err();
    assert!(
        error.to_string().contains("must be percent-encoded"),
        "{error}"
    );
}

#[test]
fn a_text_body_is_sent_as_rendered() {
    let text = with_content_type(
        "Đơn vị {{ unit.code }}: {{ outline[1].html }} & <x",
        "text/plain",
    );
    let rendered = render(&target(text), &delivery()).unwrap();
    assert_eq!(
        String::from_utf8(rendered.body).unwrap(),
        "Đơn vị VN-31001: <p>Đã ban hành <b>3</b> văn bản</p> & <x"
    );
}

#[test]
fn a_template_is_compiled_once_per_version() {
    let first = spec(r#"{"cache": {{ unit.code }}}"#);
    let again = cache::compiled(&first).unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &again,
        &cache::compiled(&first).unwrap()
    ));
    let changed = spec(r#"{"cache": {{ period }}}"#);
    assert!(!std::sync::Arc::ptr_eq(
        &again,
        &cache::compiled(&changed).unwrap()
    ));
    // A template that does not compile is not kept: its error comes back every time.
    let broken = spec("{% if %}");
    assert!(cache::compiled(&broken).is_err());
    assert!(cache::compiled(&broken).is_err());
}
