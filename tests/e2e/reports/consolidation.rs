//! The unit that issued a plan reports on every item of it: its report consolidates the plan,
//! whoever leads each item.

use chitieu_e2e::TestApp;
use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT};
use serde_json::json;

use super::support::{commune, open, put_values};

pub async fn the_issuing_unit_reports_every_item_of_its_plan(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.commune_reporter, COMMUNE, "202601").await;
    // Item 12 is assigned to the agencies only; the commune issued the plan, so it reports it too.
    let (_, report) = put_values(
        &app,
        &people.commune_reporter,
        COMMUNE,
        "202601",
        &etag,
        json!([{"indicatorCode": COUNT, "value": 7}]),
    )
    .await;
    let stored = report["values"]
        .as_array()
        .expect("the report lists its values")
        .iter()
        .find(|v| v["indicatorCode"] == COUNT)
        .expect("the count is stored");
    assert_eq!(stored["value"], 7.0);
}
