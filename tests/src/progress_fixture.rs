//! A small province for roll-up tests, built through the API: province 31 with communes 31001
//! (agencies VHXH and YTE), 31002 and 31003, and plan KH-31-2026 of the province assigning a
//! percent, a count and a status to the communes and 31001's agencies. Values go in through
//! `POST /api/v1/dataValueSets`, as another system would send them.

use serde_json::{Value, json};

use crate::{TestApp, expect_json};

pub const PROVINCE: &str = "31";
pub const A: &str = "31001";
pub const A_VHXH: &str = "31001-VHXH";
pub const A_YTE: &str = "31001-YTE";
pub const B: &str = "31002";
pub const C: &str = "31003";
pub const CATALOG: &str = "NQ57-31";
pub const PLAN: &str = "KH-31-2026";
/// Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: a percent entered as numerator/denominator.
pub const ONLINE: &str = "NQ57-31-16";
/// Số lượng sáng kiến được công nhận: a count.
pub const INITIATIVES: &str = "NQ57-31-12";
/// Kết nối hệ thống họp trực tuyến: a status.
pub const CONNECTED: &str = "NQ57-31-21";

pub async fn seed_province(app: &TestApp) {
    app.seed_unit(PROVINCE, "province", None).await;
    for commune in [A, B, C] {
        app.seed_unit(commune, "commune", Some(PROVINCE)).await;
    }
    app.seed_unit(A_VHXH, "unit", Some(A)).await;
    app.seed_unit(A_YTE, "unit", Some(A)).await;
    let catalog =
        json!({"code": CATALOG, "name": "Chỉ tiêu Nghị quyết 57 tỉnh", "level": "province"});
    expect_json(app.post_json("/api/v1/catalogs", &catalog).await, 201).await;
    for (section, title) in [
        ("IV", "Phát triển hệ sinh thái ĐMST"),
        ("V", "Phát triển CĐS"),
    ] {
        let body = json!({"code": section, "title": title});
        let path = format!("/api/v1/catalogs/{CATALOG}/sections");
        expect_json(app.post_json(&path, &body).await, 201).await;
    }
    let indicators = [
        (
            INITIATIVES,
            "12",
            "IV",
            "Số lượng sáng kiến được công nhận/năm",
            "count",
            "sáng kiến",
        ),
        (
            ONLINE,
            "16",
            "V",
            "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
            "percent",
            "%",
        ),
        (
            CONNECTED,
            "21",
            "V",
            "Kết nối hệ thống họp trực tuyến",
            "status",
            "",
        ),
    ];
    for (code, number, section, name, kind, unit) in indicators {
        let mut body = json!({"catalogCode": CATALOG, "code": code, "number": number,
            "sectionCode": section, "name": name, "valueKind": kind});
        if !unit.is_empty() {
            body["unitOfMeasure"] = json!(unit);
        }
        expect_json(app.post_json("/api/v1/indicators", &body).await, 201).await;
    }
    let plan = json!({
        "code": PLAN, "number": "31/KH-UBND", "issuedOn": "2026-01-05",
        "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026", "issuingUnitCode": PROVINCE,
        "catalogCode": CATALOG, "validFrom": "2025-01-01", "validTo": "2030-12-31"
    });
    expect_json(app.post_json("/api/v1/plans", &plan).await, 201).await;
    let items = [
        (
            INITIATIVES,
            json!({"2026": "> 08", "2030": "≥ 20"}),
            vec![B, C],
        ),
        (
            ONLINE,
            json!({"2026": "> 70%", "2030": "100%"}),
            vec![A_VHXH, A_YTE, B, C],
        ),
        (CONNECTED, json!({"2026": "Kết nối"}), vec![A, B, C]),
    ];
    for (code, targets, units) in items {
        let body = json!({"indicatorCode": code, "targets": targets,
            "coordinatingUnitCodes": units});
        let path = format!("/api/v1/plans/{PLAN}/items");
        expect_json(app.post_json(&path, &body).await, 201).await;
    }
}

/// Enters values for one period through the DHIS2-shaped import: `(unit, indicator, value)`,
/// where a percent's value is `[numerator, denominator]`.
pub async fn enter(app: &TestApp, period: &str, values: &[(&str, &str, Value)]) {
    let mut data_values = Vec::new();
    for (unit, indicator, value) in values {
        match value {
            Value::Array(parts) => {
                for (combo, part) in ["NUMERATOR", "DENOMINATOR"].iter().zip(parts) {
                    data_values.push(json!({"orgUnit": unit, "dataElement": indicator,
                        "categoryOptionCombo": combo, "value": part.to_string()}));
                }
            }
            other => {
                let text = match other {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                data_values.push(json!({"orgUnit": unit, "dataElement": indicator, "value": text}));
            }
        }
    }
    let body = json!({"dataSet": PLAN, "period": period, "dataValues": data_values});
    let summary = expect_json(app.post_json("/api/v1/dataValueSets", &body).await, 200).await;
    assert_eq!(summary["response"]["status"], "SUCCESS", "{summary}");
}

/// The roll-up of `indicators` at `unit` for `period`.
pub async fn rollup(app: &TestApp, unit: &str, period: &str, indicators: &str) -> Vec<Value> {
    let path = format!("/api/v1/org-units/{unit}/rollup?period={period}&indicators={indicators}");
    let body = expect_json(app.get(&path).await, 200).await;
    body["figures"]
        .as_array()
        .expect("the roll-up lists figures")
        .clone()
}

/// Closes `unit` on `closed_on` (its last day) with `successor` taking over its work.
pub async fn merge_into(app: &TestApp, unit: &str, successor: &str, closed_on: &str) {
    let path = format!("/api/v1/org-units/{unit}");
    let shown = app.get(&path).await;
    let etag = shown
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("a unit has an ETag")
        .to_owned();
    let closure = json!({"closedOn": closed_on, "successorCodes": [successor],
        "reason": "Sáp nhập theo Nghị quyết của Ủy ban Thường vụ Quốc hội"});
    let response = app
        .request(reqwest::Method::POST, &format!("{path}/close"))
        .header("if-match", etag)
        .json(&closure)
        .send()
        .await
        .expect("POST is answered");
    expect_json(response, 200).await;
}
