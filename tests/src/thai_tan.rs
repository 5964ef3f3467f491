//! Thái Tân commune's plan 18/KH-UBND (seed 002, Appendix 2), from
//! `tests/fixtures/thai_tan_plan_18.tsv`: its 28 items, the catalog built through the catalog
//! API and the items through the plans API. Shared by the plans tests and the month's
//! walk-through.

use chitieu_schema::domain::name_key;
use serde_json::{Value, json};

use crate::{TestApp, expect_json};

pub const CATALOG: &str = "NQ57-THAITAN-2025";
pub const PLAN: &str = "TT-18-2025";
pub const COMMUNE: &str = "31001";
pub const YEARS: [&str; 5] = ["2025", "2030", "2035", "2040", "2045"];
pub const AGENCIES: [&str; 4] = ["31001-CA", "31001-KT", "31001-TTHCC", "31001-VHXH"];

const TABLE: &str = include_str!("../fixtures/thai_tan_plan_18.tsv");

const SECTIONS: [(&str, &str); 6] = [
    ("I", "Phát triển hạ tầng"),
    ("II", "Phát triển nguồn lực"),
    ("III", "Phát triển KHCN"),
    ("IV", "Phát triển hệ sinh thái ĐMST"),
    ("V", "Phát triển CDS"),
    ("VI", "Dữ liệu số"),
];

/// One line of the appendix.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: String,
    pub section: String,
    pub value_kind: String,
    pub unit: String,
    pub name: String,
    /// The cells for 2025, 2030, 2035, 2040, 2045 as written.
    pub cells: Vec<String>,
    pub lead: String,
}

pub fn rows() -> Vec<Row> {
    TABLE
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 12, "a fixture line has 12 fields: {line}");
            Row {
                number: f[0].into(),
                section: f[1].into(),
                value_kind: f[2].into(),
                unit: f[3].into(),
                name: f[4].into(),
                cells: f[5..10].iter().map(|c| (*c).to_owned()).collect(),
                lead: f[10].into(),
            }
        })
        .collect()
}

pub fn indicator_code(number: &str) -> String {
    format!("NQ57-THAITAN-{number}")
}

/// The unit code of a lead agency as the plan names it; `None` for "Các phòng, đơn vị" (all
/// of them, assigned as coordinating agencies instead).
pub fn lead_unit(lead: &str) -> Option<&'static str> {
    let key = name_key(lead.trim_end_matches(';'));
    let known = [
        ("Phòng Văn hóa – Xã hội", "31001-VHXH"),
        ("Phòng Kinh tế", "31001-KT"),
        ("Trung tâm phục vụ hành chính công", "31001-TTHCC"),
        ("Công an xã", "31001-CA"),
    ];
    if key == name_key("Các phòng, đơn vị") {
        return None;
    }
    let found = known.iter().find(|(name, _)| name_key(name) == key);
    Some(
        found
            .unwrap_or_else(|| panic!("unknown lead agency {lead:?}"))
            .1,
    )
}

pub async fn catalog(app: &TestApp, code: &str) {
    let body = json!({"code": code, "name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân",
        "level": "commune"});
    expect_json(app.post_json("/api/v1/catalogs", &body).await, 201).await;
    for (section, title) in SECTIONS {
        let path = format!("/api/v1/catalogs/{code}/sections");
        let body = json!({"code": section, "title": title});
        expect_json(app.post_json(&path, &body).await, 201).await;
    }
}

pub async fn indicators(app: &TestApp) {
    for row in rows() {
        let mut body = json!({
            "catalogCode": CATALOG, "code": indicator_code(&row.number), "number": row.number,
            "name": row.name, "sectionCode": row.section, "valueKind": row.value_kind,
        });
        if !row.unit.is_empty() {
            body["unitOfMeasure"] = json!(row.unit);
        }
        expect_json(app.post_json("/api/v1/indicators", &body).await, 201).await;
    }
}

pub fn plan_body(code: &str) -> Value {
    json!({
        "code": code, "number": "18/KH-UBND", "issuedOn": "2025-08-18",
        "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "issuingUnitCode": COMMUNE, "catalogCode": CATALOG,
        "validFrom": "2025-08-18", "validTo": "2045-12-31",
        "deadlines": {"yearly": {"day": 10, "monthOffset": 0}}
    })
}

pub fn item_body(row: &Row) -> Value {
    let targets: serde_json::Map<String, Value> = YEARS
        .iter()
        .zip(&row.cells)
        .map(|(year, cell)| ((*year).to_owned(), json!(cell)))
        .collect();
    let mut body = json!({
        "indicatorCode": indicator_code(&row.number), "targets": targets,
        "outputProduct": "Bộ số liệu báo cáo",
    });
    match lead_unit(&row.lead) {
        Some(unit) => body["leadUnitCode"] = json!(unit),
        None => body["coordinatingUnitCodes"] = json!(AGENCIES),
    }
    body
}

/// Adds every item of the appendix to plan `code`, as `client` (an officer, or `app.client`).
pub async fn items(app: &TestApp, client: &reqwest::Client, code: &str) {
    let path = app.url(&format!("/api/v1/plans/{code}/items"));
    for row in rows() {
        let response = client.post(&path).json(&item_body(&row)).send().await;
        expect_json(response.expect("POST is answered"), 201).await;
    }
}
