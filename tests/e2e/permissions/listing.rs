//! `GET /api/v1/org-units` filters to the caller's part of the tree in SQL.

use chitieu_e2e::{Scenario, TestApp, expect_json};
use serde_json::{Value, json};

pub fn scenarios() -> Vec<Scenario> {
    vec![Scenario::new(
        "a_scoped_caller_lists_and_counts_only_units_in_its_part_of_the_tree",
        |app| Box::pin(a_scoped_caller_lists_only_its_part_of_the_tree(app)),
    )]
}

fn codes(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|unit| unit["code"].as_str().expect("a code"))
        .collect()
}

async fn a_scoped_caller_lists_only_its_part_of_the_tree(app: TestApp) {
    for (code, kind, parent) in [
        ("01", "province", None),
        ("00001", "commune", Some("01")),
        ("00001-A", "unit", Some("00001")),
        ("02", "province", None),
        ("00002", "commune", Some("02")),
        ("00002-A", "unit", Some("00002")),
    ] {
        let body = json!({"code": code, "name": format!("Đơn vị {code}"), "kind": kind,
            "parentCode": parent});
        expect_json(app.post_json("/api/v1/org-units", &body).await, 201).await;
    }
    let officer = app
        .client_for("scoped.officer", "provinceOfficer", Some("01"))
        .await;
    let list = |query: &str| {
        let request = officer.get(app.url(&format!("/api/v1/org-units{query}")));
        async move { expect_json(request.send().await.unwrap(), 200).await }
    };

    let top = list("").await;
    assert_eq!(codes(&top), ["01"]);
    assert_eq!(top["totalItems"], 1);
    let units = list("?kind=unit").await;
    assert_eq!(codes(&units), ["00001-A"]);
    assert_eq!(units["totalItems"], 1);
    let searched = list("?q=00").await;
    assert_eq!(codes(&searched), ["00001", "00001-A"]);
    assert_eq!(searched["totalItems"], 2);

    let everything = expect_json(app.get("/api/v1/org-units").await, 200).await;
    assert_eq!(codes(&everything), ["01", "02"]);
}
