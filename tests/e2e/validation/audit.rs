//! Changes to rules in the audit trail: created, replaced, switched off and on, deleted, each
//! with who, when, and the rule before and after, read through `GET /audit-entries`.

use chitieu_e2e::reporting_fixture::{COMMUNE, PLAN};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

use super::fixture::{PART_1, TOTAL, commune_with_sub_items, create_rule, send};

pub async fn rule_changes_are_in_the_audit_trail_with_who_when_before_and_after(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    let officer = &people.commune_officer;
    create_rule(
        &app,
        officer,
        json!({"code": "R-AUDIT", "name": "Tiểu mục không vượt tổng",
            "leftSide": format!("#{{{PART_1}}}"), "operator": "lessThanOrEqualTo",
            "rightSide": format!("#{{{TOTAL}}}"), "importance": "warning"}),
    )
    .await;
    let url = "/api/v1/validation-rules/R-AUDIT";
    let replacement = json!({"name": "Tiểu mục không vượt tổng", "leftSide": format!("#{{{PART_1}}}"),
        "operator": "lessThanOrEqualTo", "rightSide": format!("#{{{TOTAL}}}"), "importance": "blocking"});
    let replaced = send(
        &app,
        officer,
        Method::PUT,
        url,
        Some("\"1\""),
        Some(replacement),
    )
    .await;
    expect_json(replaced, 200).await;
    let switch = format!("/api/v1/validation-rules/built-in/{PLAN}/SUBITEM-{PART_1}");
    // Off, off again (nothing changes, nothing is recorded), then on.
    for enabled in [false, false, true] {
        let body = Some(json!({ "enabled": enabled }));
        let answer = send(&app, officer, Method::PUT, &switch, None, body).await;
        expect_json(answer, 200).await;
    }
    let deleted = send(&app, officer, Method::DELETE, url, Some("\"2\""), None).await;
    assert_eq!(deleted.status(), 204);

    let trail = expect_json(
        send(
            &app,
            officer,
            Method::GET,
            &format!("/api/v1/audit-entries?plan={PLAN}&unit={COMMUNE}"),
            None,
            None,
        )
        .await,
        200,
    )
    .await;
    let entries: Vec<&Value> = trail["items"].as_array().expect("entries").iter().collect();
    let actions: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "validation_rule_created",
            "validation_rule_changed",
            "built_in_rule_switched",
            "built_in_rule_switched",
            "validation_rule_deleted",
        ],
        "{trail}"
    );
    let json_of = |entry: &Value, field: &str| -> Value {
        serde_json::from_str(entry[field].as_str().expect("JSON text")).expect("JSON")
    };
    for entry in &entries {
        assert_eq!(entry["actor"], "xa.officer");
        assert_eq!(entry["planCode"], PLAN);
        assert_eq!(entry["period"], "");
        assert!(entry["at"].as_str().is_some_and(|at| at.ends_with('Z')));
        assert!(entry["requestId"].as_str().is_some(), "{entry}");
    }
    assert_eq!(entries[0]["oldValue"], Value::Null);
    assert_eq!(json_of(entries[0], "newValue")["importance"], "warning");
    let (before, after) = (
        json_of(entries[1], "oldValue"),
        json_of(entries[1], "newValue"),
    );
    assert_eq!(
        (before["importance"].as_str(), before["version"].as_i64()),
        (Some("warning"), Some(1))
    );
    assert_eq!(
        (after["importance"].as_str(), after["version"].as_i64()),
        (Some("blocking"), Some(2))
    );
    let rule = format!("SUBITEM-{PART_1}");
    assert_eq!(
        json_of(entries[2], "newValue"),
        json!({"code": rule, "enabled": false})
    );
    assert_eq!(
        json_of(entries[3], "newValue"),
        json!({"code": rule, "enabled": true})
    );
    assert_eq!(json_of(entries[4], "oldValue")["code"], "R-AUDIT");
    assert_eq!(entries[4]["newValue"], Value::Null);

    // One action at a time; the chain still verifies.
    let deletions = expect_json(
        app.get("/api/v1/audit-entries?action=validation_rule_deleted")
            .await,
        200,
    )
    .await;
    assert_eq!(deletions["totalItems"], 1);
    let verified = expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(verified["valid"], true, "{verified}");

    // The plan's rules are the commune's: an agency's reporter does not see their changes.
    let agency = expect_json(
        send(
            &app,
            &people.vhxh,
            Method::GET,
            &format!("/api/v1/audit-entries?plan={PLAN}&action=validation_rule_created"),
            None,
            None,
        )
        .await,
        200,
    )
    .await;
    assert_eq!(agency["totalItems"], 0, "{agency}");

    // A plan filter that is no plan code is refused by name, not answered with nothing.
    let misspelt = expect_json(
        send(
            &app,
            &people.vhxh,
            Method::GET,
            "/api/v1/audit-entries?plan=k%E1%BA%BF%20ho%E1%BA%A1ch",
            None,
            None,
        )
        .await,
        422,
    )
    .await;
    assert_eq!(misspelt["errors"][0]["pointer"], "plan", "{misspelt}");
}
