use base64::Engine as _;
use chitieu_e2e::reporting_fixture::{
    COUNT, PERCENT, PLAN, STATUS, TEXT, VHXH, report_url, seed_commune_plan,
};
use chitieu_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, TestApp, expect_json};
use serde_json::{Value, json};

const Q1: &str = "2026Q1";

pub fn basic() -> String {
    let pair = format!("{ADMIN_USERNAME}:{ADMIN_PASSWORD}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

/// POSTs `body` with `content_type` to `path` (and `query`) with Basic authentication as the
/// administrator; returns the status and the answer.
pub async fn post(app: &TestApp, path: &str, content_type: &str, body: String) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(app.url(path))
        .header("Authorization", basic())
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON answer"))
}

pub async fn post_json(app: &TestApp, path: &str, body: &Value) -> (u16, Value) {
    post(app, path, "application/json", body.to_string()).await
}

/// `[imported, updated, ignored, deleted]` of a WebMessage.
pub fn counts(message: &Value) -> [u64; 4] {
    let c = &message["response"]["importCount"];
    ["imported", "updated", "ignored", "deleted"].map(|k| c[k].as_u64().expect("a count"))
}

pub async fn stored(app: &TestApp) -> Value {
    let report = expect_json(app.get(&report_url(VHXH, Q1)).await, 200).await;
    let mut values = serde_json::Map::new();
    for value in report["values"].as_array().expect("values") {
        values.insert(
            value["indicatorCode"].as_str().expect("a code").to_owned(),
            json!({"value": value["value"], "comment": value["comment"]}),
        );
    }
    Value::Object(values)
}

pub async fn a_set_exactly_as_dhis2_2_40_exports_it_is_imported(app: TestApp) {
    seed_commune_plan(&app).await;
    // GET /api/40/dataValueSets?dataSet=…&idScheme=code writes every member of DataValue
    // (dhis2-core 2.40.0 `dxf2.datavalue.DataValue`), `followup` spelt DHIS2's way.
    let exported = json!({
        "dataSet": PLAN, "completeDate": "2026-04-03", "period": Q1, "orgUnit": VHXH,
        "attributeOptionCombo": "default",
        "dataValues": [
            {"dataElement": COUNT, "period": Q1, "orgUnit": VHXH,
                "categoryOptionCombo": "default", "attributeOptionCombo": "default",
                "value": "3", "storedBy": "admin", "created": "2026-04-01T08:15:30.123+0000",
                "lastUpdated": "2026-04-02T09:00:00.000+0000",
                "comment": "Theo báo cáo quý I", "followup": false},
            {"dataElement": PERCENT, "period": Q1, "orgUnit": VHXH,
                "categoryOptionCombo": "NUMERATOR", "attributeOptionCombo": "default",
                "value": "45", "storedBy": "admin", "created": "2026-04-01T08:15:30.123+0000",
                "lastUpdated": "2026-04-01T08:15:30.123+0000", "followup": true},
            {"dataElement": PERCENT, "period": Q1, "orgUnit": VHXH,
                "categoryOptionCombo": "DENOMINATOR", "attributeOptionCombo": "default",
                "value": "50", "storedBy": "admin", "created": "2026-04-01T08:15:30.123+0000",
                "lastUpdated": "2026-04-01T08:15:30.123+0000", "followup": false},
            {"dataElement": STATUS, "period": Q1, "orgUnit": VHXH,
                "categoryOptionCombo": "default", "attributeOptionCombo": "default",
                "value": "true", "storedBy": "admin", "created": "2026-04-01T08:15:30.123+0000",
                "lastUpdated": "2026-04-01T08:15:30.123+0000", "followup": false,
                "deleted": false}
        ]
    });
    let (status, message) = post_json(&app, "/api/40/dataValueSets", &exported).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(message["httpStatus"], "OK");
    assert_eq!(message["status"], "OK");
    assert_eq!(message["message"], "Import was successful.");
    assert_eq!(message["response"]["responseType"], "ImportSummary");
    assert_eq!(message["response"]["status"], "SUCCESS");
    assert_eq!(counts(&message), [3, 0, 0, 0]);
    let values = stored(&app).await;
    assert_eq!(values[COUNT]["value"], json!(3.0));
    assert_eq!(values[COUNT]["comment"], "Theo báo cáo quý I");
    assert_eq!(
        values[PERCENT]["value"],
        json!({"numerator": 45.0, "denominator": 50.0})
    );
}

pub async fn members_dhis2_ignores_are_ignored_here_and_refused_on_our_own_route(app: TestApp) {
    seed_commune_plan(&app).await;
    let set = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH,
        "completedDate": "2026-04-03", "idScheme": "CODE", "dryRun": false,
        "strategy": "CREATE_AND_UPDATE",
        "dataValues": [{"dataElement": COUNT, "value": "4", "href": "https://x/api/1"}]});
    let refused = app.post_json("/api/v1/dataValueSets", &set).await;
    let problem = expect_json(refused, 400).await;
    let pointers: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["/completedDate", "/dataValues/0/href"]);
    let (status, message) = post_json(&app, "/api/dataValueSets", &set).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(counts(&message), [1, 0, 0, 0]);
}

pub async fn an_empty_value_or_deleted_true_deletes_and_an_absent_value_is_a_conflict(
    app: TestApp,
) {
    seed_commune_plan(&app).await;
    let first = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH, "dataValues": [
        {"dataElement": COUNT, "value": "3"}, {"dataElement": STATUS, "value": "Đạt"},
        {"dataElement": PERCENT, "value": "62.5"}]});
    assert_eq!(post_json(&app, "/api/dataValueSets", &first).await.0, 200);
    let second = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH, "dataValues": [
        {"dataElement": COUNT, "value": ""},
        {"dataElement": STATUS, "value": "Đạt", "deleted": true},
        {"dataElement": PERCENT}]});
    let (status, message) = post_json(&app, "/api/dataValueSets", &second).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(message["status"], "WARNING");
    assert_eq!(counts(&message), [0, 0, 1, 2]);
    let conflict = &message["response"]["conflicts"][0];
    assert_eq!(conflict["errorCode"], "E7618");
    assert_eq!(conflict["indexes"], json!([2]));
    let values = stored(&app).await;
    assert!(
        values.get(COUNT).is_none() && values.get(STATUS).is_none(),
        "{values}"
    );
    assert!(values.get(PERCENT).is_some());
}

pub async fn a_csv_deleted_column_deletes_and_the_first_row_is_always_skipped(app: TestApp) {
    seed_commune_plan(&app).await;
    let path = format!("/api/dataValueSets?dataSet={PLAN}");
    // The first row is skipped whatever it says, as DHIS2's CSV reader does.
    let csv =
        format!("de,pe,ou,coc,aoc,value\n{COUNT},{Q1},{VHXH},,,5\n{STATUS},{Q1},{VHXH},,,Có\n");
    let (status, message) = post(&app, &path, "application/csv", csv).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(counts(&message), [2, 0, 0, 0]);
    let csv = format!(
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,\
         lastupdated,comment,followup,deleted\n\
         {COUNT},{Q1},{VHXH},,,5,admin,,,false,true\n"
    );
    let (status, message) = post(&app, &path, "application/csv", csv).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(counts(&message), [0, 0, 0, 1]);
    let values = stored(&app).await;
    assert!(values.get(COUNT).is_none(), "{values}");
    assert!(values.get(STATUS).is_some());
}

pub async fn an_adx_import_stores_its_values(app: TestApp) {
    seed_commune_plan(&app).await;
    let adx = format!(
        "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-04-03T00:00:00Z\">\
         <group orgUnit=\"{VHXH}\" period=\"2026-01-01/P3M\" dataSet=\"{PLAN}\">\
         <dataValue dataElement=\"{COUNT}\" value=\"6\"/>\
         <dataValue dataElement=\"{PERCENT}\" categoryOptionCombo=\"NUMERATOR\" value=\"9\"/>\
         <dataValue dataElement=\"{PERCENT}\" categoryOptionCombo=\"DENOMINATOR\" value=\"10\"/>\
         <dataValue dataElement=\"{STATUS}\" value=\"0\"><annotation>Đạt</annotation></dataValue>\
         </group></adx>"
    );
    let (status, message) = post(&app, "/api/dataValueSets", "application/adx+xml", adx).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(counts(&message), [3, 0, 0, 0]);
    let values = stored(&app).await;
    assert_eq!(values[COUNT]["value"], json!(6.0));
    assert_eq!(
        values[STATUS]["value"],
        json!({"achieved": true, "label": "Đạt"})
    );
}

pub async fn a_set_level_attribute_option_combo_is_a_conflict_on_every_value(app: TestApp) {
    seed_commune_plan(&app).await;
    let set = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH,
        "attributeOptionCombo": "FUNDER_A",
        "dataValues": [{"dataElement": COUNT, "value": "3"}, {"dataElement": TEXT, "value": "x"}]});
    let (status, message) = post_json(&app, "/api/dataValueSets", &set).await;
    assert_eq!(status, 409, "{message}");
    assert_eq!(message["status"], "ERROR");
    let conflicts = message["response"]["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 2);
    assert!(conflicts.iter().all(|c| c["errorCode"] == "E7615"));
    assert_eq!(message["response"]["rejectedIndexes"], json!([0, 1]));
}
