use chitieu_e2e::TestApp;
use chitieu_e2e::reporting_fixture::{
    COMMUNE, COUNT, PERCENT, STATUS, TEXT, VHXH, YTE, seed_commune_plan,
};
use serde_json::{Value, json};

use super::support::{Q1, audit_count, counts, import, set, stored};

/// Seven rows, six values: a ratio in two rows, a count, a status label, a row for another
/// unit, a row for another unit and period, and a percent entered directly.
fn commune_values() -> Value {
    set(
        VHXH,
        json!([
            {"dataElement": PERCENT, "categoryOptionCombo": "NUMERATOR", "value": "45"},
            {"dataElement": PERCENT, "categoryOptionCombo": "DENOMINATOR", "value": "50"},
            {"dataElement": COUNT, "value": "3", "comment": "Theo báo cáo quý"},
            {"dataElement": STATUS, "value": "Đạt"},
            {"dataElement": COUNT, "orgUnit": YTE, "value": 5},
            {"dataElement": TEXT, "orgUnit": COMMUNE, "period": "2026Q2",
             "value": "Đã triển khai họp trực tuyến"},
            {"dataElement": PERCENT, "orgUnit": COMMUNE, "value": "80"},
        ]),
    )
}

pub async fn a_json_import_creates_values_and_counts_them_exactly(app: TestApp) {
    seed_commune_plan(&app).await;
    let (status, summary) = import(&app, &app.client, "", &commune_values()).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["status"], "SUCCESS");
    assert_eq!(counts(&summary), [6, 0, 0, 0, 0]);
    assert_eq!(summary["conflicts"], json!([]));
    let vhxh = stored(&app, VHXH, Q1).await.expect("the report was opened");
    assert_eq!(
        vhxh[PERCENT],
        json!({"numerator": 45.0, "denominator": 50.0})
    );
    assert_eq!(vhxh[COUNT], json!(3.0));
    assert_eq!(vhxh[STATUS], json!({"achieved": true, "label": "Đạt"}));
    assert_eq!(stored(&app, YTE, Q1).await.unwrap()[COUNT], json!(5.0));
    assert_eq!(
        stored(&app, COMMUNE, Q1).await.unwrap()[PERCENT],
        json!(80.0)
    );
    assert_eq!(
        stored(&app, COMMUNE, "2026Q2").await.unwrap()[TEXT],
        json!("Đã triển khai họp trực tuyến")
    );
    // The report opened and three values set, each an audit entry; the chain holds.
    assert_eq!(audit_count(&app, VHXH).await, 4);
    let verified =
        chitieu_e2e::expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(verified["valid"], true, "{verified}");
}

pub async fn the_same_import_again_leaves_everything_unchanged(app: TestApp) {
    seed_commune_plan(&app).await;
    let (status, _) = import(&app, &app.client, "", &commune_values()).await;
    assert_eq!(status, 200);
    let entries = audit_count(&app, VHXH).await;
    let (status, summary) = import(&app, &app.client, "", &commune_values()).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["status"], "SUCCESS");
    assert_eq!(counts(&summary), [0, 6, 6, 0, 0]);
    assert_eq!(audit_count(&app, VHXH).await, entries);
}

pub async fn the_update_strategy_changes_stored_values_and_ignores_new_ones(app: TestApp) {
    seed_commune_plan(&app).await;
    let first = set(VHXH, json!([{"dataElement": COUNT, "value": "3"}]));
    assert_eq!(import(&app, &app.client, "", &first).await.0, 200);
    let update = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "value": "4"},
            {"dataElement": STATUS, "value": "false"},
        ]),
    );
    let (status, summary) = import(&app, &app.client, "importStrategy=UPDATE", &update).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(counts(&summary), [0, 1, 0, 1, 0]);
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert_eq!(values[COUNT], json!(4.0));
    assert!(values.get(STATUS).is_none(), "{values}");
}

pub async fn the_create_strategy_ignores_stored_values(app: TestApp) {
    seed_commune_plan(&app).await;
    let first = set(VHXH, json!([{"dataElement": COUNT, "value": "3"}]));
    assert_eq!(import(&app, &app.client, "", &first).await.0, 200);
    let create = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "value": "9"},
            {"dataElement": STATUS, "value": "true"},
        ]),
    );
    let (status, summary) = import(&app, &app.client, "importStrategy=CREATE", &create).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(counts(&summary), [1, 0, 0, 1, 0]);
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert_eq!(values[COUNT], json!(3.0));
    assert_eq!(values[STATUS], json!({"achieved": true}));
}

pub async fn the_delete_strategy_removes_values(app: TestApp) {
    seed_commune_plan(&app).await;
    let first = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "value": "3"},
            {"dataElement": STATUS, "value": "Có"},
        ]),
    );
    assert_eq!(import(&app, &app.client, "", &first).await.0, 200);
    let delete = set(
        VHXH,
        json!([{"dataElement": COUNT}, {"dataElement": PERCENT, "value": "10"}]),
    );
    let (status, summary) = import(&app, &app.client, "importStrategy=DELETE", &delete).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(counts(&summary), [0, 0, 0, 1, 1]);
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert!(values.get(COUNT).is_none(), "{values}");
    assert_eq!(values[STATUS], json!({"achieved": true, "label": "Có"}));
    let trail = chitieu_e2e::expect_json(
        app.get(&format!("/api/v1/audit-entries?unit={VHXH}&pageSize=100"))
            .await,
        200,
    )
    .await;
    let deleted: Vec<&Value> = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "value_deleted")
        .collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["oldValue"], "3");
}

pub async fn a_dry_run_counts_but_stores_nothing(app: TestApp) {
    seed_commune_plan(&app).await;
    let (status, summary) = import(&app, &app.client, "dryRun=true", &commune_values()).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["importOptions"]["dryRun"], true);
    assert_eq!(counts(&summary), [6, 0, 0, 0, 0]);
    assert_eq!(stored(&app, VHXH, Q1).await, None);
    assert_eq!(stored(&app, COMMUNE, "2026Q2").await, None);
    assert_eq!(audit_count(&app, VHXH).await, 0);
}

pub async fn a_retried_import_with_the_same_key_returns_the_first_summary(app: TestApp) {
    seed_commune_plan(&app).await;
    let send = || {
        app.client
            .post(app.url("/api/v1/dataValueSets"))
            .header("Idempotency-Key", "import-2026Q1")
            .json(&commune_values())
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status().as_u16(), 200);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();
    let entries = audit_count(&app, VHXH).await;
    let again = send().await.unwrap();
    assert_eq!(again.status().as_u16(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again, first);
    assert_eq!(counts(&again["response"]), [6, 0, 0, 0, 0]);
    assert_eq!(audit_count(&app, VHXH).await, entries);
}

pub async fn the_issuing_unit_imports_items_assigned_only_to_its_agencies(app: TestApp) {
    seed_commune_plan(&app).await;
    // Item 12 is assigned to the agencies; the commune issued the plan and reports it too.
    let body = set(COMMUNE, json!([{"dataElement": COUNT, "value": "7"}]));
    let (status, summary) = import(&app, &app.client, "", &body).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(counts(&summary), [1, 0, 0, 0, 0]);
    assert_eq!(stored(&app, COMMUNE, Q1).await.unwrap()[COUNT], json!(7.0));
}
