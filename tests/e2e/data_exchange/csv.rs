use chitieu_e2e::TestApp;
use chitieu_e2e::reporting_fixture::{COUNT, PERCENT, PLAN, STATUS, VHXH, seed_commune_plan};
use serde_json::{Value, json};

use super::support::{Q1, counts, stored};

async fn import_csv(app: &TestApp, query: &str, csv: String) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(&format!("/api/v1/dataValueSets?dataSet={PLAN}{query}")))
        .header("Content-Type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    (status, body["response"].clone())
}

pub async fn a_csv_import_with_a_header_row_stores_its_values(app: TestApp) {
    seed_commune_plan(&app).await;
    let csv = format!(
        "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n\
         {COUNT},{Q1},{VHXH},,,3,admin,2026-04-01,\"Theo báo cáo, quý I\",false\n\
         {PERCENT},{Q1},{VHXH},NUMERATOR,,45,,,,\n\
         {PERCENT},{Q1},{VHXH},DENOMINATOR,,50,,,,\n\
         {STATUS},{Q1},{VHXH},,,Không đạt,,,,\n"
    );
    let (status, summary) = import_csv(&app, "", csv).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(counts(&summary), [3, 0, 0, 0, 0]);
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert_eq!(values[COUNT], json!(3.0));
    assert_eq!(
        values[PERCENT],
        json!({"numerator": 45.0, "denominator": 50.0})
    );
    assert_eq!(
        values[STATUS],
        json!({"achieved": false, "label": "Không đạt"})
    );
}

pub async fn a_csv_import_without_a_header_row_stores_its_values(app: TestApp) {
    seed_commune_plan(&app).await;
    let csv = format!(
        "{COUNT},{Q1},{VHXH},,,7\n\
         {STATUS},{Q1},{VHXH},,,có lẽ\n\
         {PERCENT},{Q1},{VHXH},,,62.5\n"
    );
    let (status, summary) = import_csv(&app, "&firstRowIsHeader=false", csv).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["status"], "WARNING");
    assert_eq!(counts(&summary), [2, 0, 0, 1, 0]);
    assert_eq!(summary["conflicts"][0]["indexes"], json!([1]));
    assert_eq!(summary["conflicts"][0]["property"], "value");
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert_eq!(values[COUNT], json!(7.0));
    assert_eq!(values[PERCENT], json!(62.5));
}
