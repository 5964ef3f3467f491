//! A unit's progress report: the appendix table as JSON, and its exports read back as a
//! spreadsheet program and a DHIS2 system would read them.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chitieu_e2e::progress_fixture::{
    B, C, CONNECTED, INITIATIVES, ONLINE, PLAN, PROVINCE, enter, seed_province,
};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

async fn seeded(app: &TestApp) {
    seed_province(app).await;
    enter(
        app,
        "2025",
        &[(B, ONLINE, json!([20, 100])), (C, ONLINE, json!([20, 100]))],
    )
    .await;
    enter(
        app,
        "202603",
        &[
            (B, ONLINE, json!([50, 100])),
            (C, ONLINE, json!([40, 100])),
            (B, INITIATIVES, json!(5)),
            (C, INITIATIVES, json!(7)),
            (B, CONNECTED, json!("Kết nối")),
            (C, CONNECTED, json!("false")),
        ],
    )
    .await;
}

fn progress_path(unit: &str, format: &str) -> String {
    format!("/api/v1/org-units/{unit}/progress?plan={PLAN}&period=202603&format={format}")
}

fn row<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|section| section["rows"].as_array().expect("rows"))
        .find(|row| row["indicatorCode"] == code)
        .unwrap_or_else(|| panic!("a row for {code}"))
}

pub async fn the_progress_report_judges_each_item_against_the_target_of_the_year(app: TestApp) {
    seeded(&app).await;
    let report = expect_json(app.get(&progress_path(PROVINCE, "json")).await, 200).await;
    assert_eq!(report["targetYear"], 2026);
    let sections: Vec<&Value> = report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .collect();
    assert_eq!(sections[0]["code"], "IV");
    assert_eq!(sections[0]["title"], "Phát triển hệ sinh thái ĐMST");
    // 90 online out of 200 files: 45%, against "> 70%".
    let online = row(&report, ONLINE);
    assert_eq!(
        online["actual"],
        json!({"kind": "ratio", "numerator": 90.0, "denominator": 200.0})
    );
    assert_eq!(online["target"]["raw"], "> 70%");
    assert_eq!(online["status"], "notAchieved");
    assert!((online["achievementRatio"].as_f64().expect("a ratio") - 45.0 / 70.0).abs() < 1e-9);
    // 5 + 7 initiatives against "> 08".
    let initiatives = row(&report, INITIATIVES);
    assert_eq!(initiatives["actualValue"], 12.0);
    assert_eq!(initiatives["status"], "achieved");
    // One of the two communes is connected: not achieved for the province.
    assert_eq!(row(&report, CONNECTED)["status"], "notAchieved");
}

pub async fn the_trajectory_shows_the_numbers_it_was_computed_from(app: TestApp) {
    seeded(&app).await;
    let report = expect_json(app.get(&progress_path(B, "json")).await, 200).await;
    let trajectory = &row(&report, ONLINE)["trajectory"];
    assert_eq!(trajectory["milestoneYear"], 2030);
    assert_eq!(trajectory["baseline"]["period"], "2025");
    assert_eq!(trajectory["baseline"]["value"], 20.0);
    assert_eq!(trajectory["current"]["value"], 50.0);
    assert_eq!(trajectory["method"], "cagr");
    assert_eq!(trajectory["status"], "onTrack");
    let (actual, required) = (
        trajectory["actualRate"].as_f64().expect("an actual rate"),
        trajectory["requiredRate"]
            .as_f64()
            .expect("a required rate"),
    );
    assert!((trajectory["ratio"].as_f64().expect("a ratio") - actual / required).abs() < 1e-9);
}

pub async fn the_xlsx_export_opens_with_vietnamese_headers_and_numeric_cells(app: TestApp) {
    seeded(&app).await;
    let response = app.get(&progress_path(PROVINCE, "xlsx")).await;
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ASCII")
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"tien-do-31-"),
        "{disposition}"
    );
    let bytes = response.bytes().await.expect("a body");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .expect("the export is a workbook");
    assert_eq!(workbook.sheet_names(), vec!["Tiến độ".to_owned()]);
    let sheet = workbook
        .worksheet_range("Tiến độ")
        .expect("the sheet reads");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let header = rows
        .iter()
        .position(|row| row.first() == Some(&Data::String("STT".to_owned())))
        .expect("a header row");
    assert_eq!(rows[header][1], Data::String("Chỉ tiêu".to_owned()));
    let initiatives = rows
        .iter()
        .find(|row| row[1] == Data::String("Số lượng sáng kiến được công nhận/năm".to_owned()))
        .expect("the initiatives row");
    assert!(initiatives.contains(&Data::Float(12.0)), "{initiatives:?}");
    let online = rows
        .iter()
        .find(|row| {
            row[1] == Data::String("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến".to_owned())
        })
        .expect("the online row");
    assert!(online.contains(&Data::Float(0.45)), "{online:?}");
}

pub async fn the_adx_export_follows_the_ihe_adx_schema(app: TestApp) {
    seeded(&app).await;
    let response = app.get(&progress_path(PROVINCE, "adx")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/adx+xml");
    let text = response.text().await.expect("a body");
    assert_eq!(chitieu_e2e::adx_loose::validate(&text), Ok(()), "{text}");
    let document = roxmltree::Document::parse(&text).expect("the export is XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "adx");
    let group = root
        .children()
        .find(|n| n.has_tag_name("group"))
        .expect("a group");
    assert_eq!(group.attribute("orgUnit"), Some(PROVINCE));
    assert_eq!(group.attribute("period"), Some("2026-03-01/P1M"));
    assert_eq!(group.attribute("dataSet"), Some(PLAN));
    let values: Vec<_> = group
        .children()
        .filter(|n| n.has_tag_name("dataValue"))
        .collect();
    assert!(!values.is_empty());
    for value in values {
        assert!(value.attribute("dataElement").is_some() && value.attribute("value").is_some());
    }
}

pub async fn the_dhis2_export_is_a_data_value_set_with_codes(app: TestApp) {
    seeded(&app).await;
    let set = expect_json(app.get(&progress_path(PROVINCE, "dhis2")).await, 200).await;
    assert_eq!(set["dataSet"], PLAN);
    assert_eq!(set["orgUnit"], PROVINCE);
    assert_eq!(set["period"], "202603");
    let initiatives = set["dataValues"]
        .as_array()
        .expect("data values")
        .iter()
        .find(|v| v["dataElement"] == INITIATIVES)
        .expect("the initiatives value");
    assert_eq!(initiatives["value"], "12");
}

pub async fn the_printable_page_and_the_csv_carry_the_table(app: TestApp) {
    seeded(&app).await;
    let page = app.get(&progress_path(PROVINCE, "html")).await;
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let html = page.text().await.expect("a page");
    assert!(html.contains("Phát triển CĐS"));
    let csv = app
        .get(&progress_path(PROVINCE, "csv"))
        .await
        .text()
        .await
        .expect("a CSV");
    assert!(csv.starts_with('\u{feff}'), "a byte order mark for Excel");
    assert!(csv.contains("STT,Chỉ tiêu"));
}

pub async fn a_plan_the_caller_cannot_read_is_not_found(app: TestApp) {
    seeded(&app).await;
    let path = format!("/api/v1/org-units/{PROVINCE}/progress?plan=KH-NONE&period=202603");
    expect_json(app.get(&path).await, 404).await;
}
