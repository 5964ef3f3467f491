use chitieu_e2e::TestApp;
use chitieu_e2e::reporting_fixture::{COUNT, PLAN, VHXH, seed_commune_plan};
use serde_json::{Value, json};

use super::sets::post_json;

fn partial() -> Value {
    json!({"dataSet": PLAN, "period": "2026Q1", "orgUnit": VHXH, "dataValues": [
        {"dataElement": COUNT, "value": "3"}, {"dataElement": COUNT, "orgUnit": "99999", "value": "1"}]})
}

pub async fn a_partial_import_is_200_warning_unversioned_and_409_warning_on_api_40(app: TestApp) {
    seed_commune_plan(&app).await;
    let (status, message) = post_json(&app, "/api/dataValueSets", &partial()).await;
    assert_eq!(status, 200, "{message}");
    assert_eq!(message["httpStatusCode"], 200);
    assert_eq!(message["status"], "WARNING");
    assert_eq!(
        message["message"],
        "Import completed with warnings, please check import summary."
    );
    let summary = &message["response"];
    assert_eq!(
        summary["importCount"],
        json!({"imported": 1, "updated": 0,
        "ignored": 1, "deleted": 0, "unchanged": 0})
    );
    assert_eq!(summary["rejectedIndexes"], json!([1]));
    let conflict = &summary["conflicts"][0];
    assert_eq!(conflict["object"], "99999");
    assert_eq!(conflict["objects"], json!({"orgUnit": "99999"}));
    assert_eq!(conflict["property"], "orgUnit");
    assert_eq!(conflict["errorCode"], "E7612");
    assert_eq!(conflict["indexes"], json!([1]));
    assert_eq!(conflict["value"], "organisation unit 99999 not found");

    let (status, message) = post_json(&app, "/api/40/dataValueSets", &partial()).await;
    assert_eq!(status, 409, "{message}");
    assert_eq!(message["httpStatus"], "Conflict");
    assert_eq!(message["status"], "WARNING");
    assert_eq!(
        message["message"],
        "One more conflicts encountered, please check import summary."
    );
    // The value stored by the first import is counted updated, as DHIS2 counts it.
    assert_eq!(message["response"]["importCount"]["updated"], 1);

    let (status, message) = post_json(&app, "/api/43/dataValueSets", &partial()).await;
    assert_eq!((status, message["status"].as_str()), (200, Some("WARNING")));
}

pub async fn an_unknown_data_set_is_409_error_with_e7600(app: TestApp) {
    seed_commune_plan(&app).await;
    let mut set = partial();
    set["dataSet"] = json!("KH-KHONG-CO");
    let (status, message) = post_json(&app, "/api/dataValueSets", &set).await;
    assert_eq!(status, 409, "{message}");
    assert_eq!(message["status"], "ERROR");
    assert_eq!(
        message["message"],
        "An error occurred, please check import summary."
    );
    let conflict = &message["response"]["conflicts"][0];
    assert_eq!(conflict["errorCode"], "E7600");
    assert_eq!(conflict["object"], "KH-KHONG-CO");
}

pub async fn api_versions_before_38_answer_the_bare_summary_and_unknown_ones_404(app: TestApp) {
    seed_commune_plan(&app).await;
    let (status, summary) = post_json(&app, "/api/37/dataValueSets", &partial()).await;
    assert_eq!(status, 409, "{summary}");
    assert_eq!(summary["responseType"], "ImportSummary");
    assert_eq!(summary["status"], "WARNING");
    assert!(summary.get("httpStatus").is_none());
    let (status, message) = post_json(&app, "/api/99/dataValueSets", &partial()).await;
    assert_eq!(status, 404, "{message}");
    assert_eq!(message["status"], "ERROR");
}
