//! A small real catalog: sections I–VI and some indicators of Thái Tân's Appendix 2.

use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

pub const THAI_TAN: &str = "NQ57-THAITAN-2025";

pub const SECTIONS: [(&str, &str); 6] = [
    ("I", "Phát triển hạ tầng"),
    ("II", "Phát triển nguồn lực"),
    ("III", "Phát triển KHCN"),
    ("IV", "Phát triển hệ sinh thái ĐMST"),
    ("V", "Phát triển CDS"),
    ("VI", "Dữ liệu số"),
];

/// (number, section, name, value kind, unit)
pub const INDICATORS: [(&str, &str, &str, &str, &str); 9] = [
    (
        "1",
        "I",
        "Tỷ lệ phủ sóng 5G trên địa bàn xã",
        "percent",
        "%",
    ),
    (
        "3",
        "I",
        "Tỷ lệ phủ sóng 6G trên địa bàn xã",
        "percent",
        "%",
    ),
    (
        "7",
        "II",
        "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
        "percent",
        "%",
    ),
    (
        "18",
        "III",
        "Số lượng nhiệm vụ khoa học và công nghệ cấp thành phố triển khai / năm",
        "count",
        "nhiệm vụ",
    ),
    (
        "19",
        "III",
        "Triển khai ứng dụng AI trợ lý ảo cho cán bộ, công chức và người dân",
        "status",
        "",
    ),
    (
        "20",
        "IV",
        "Số lượng đề tài, sáng kiến trong khu vực công được công nhận/năm",
        "count",
        "sáng kiến",
    ),
    ("21", "V", "Chỉ số CDS xã", "rank", "thứ bậc"),
    (
        "25",
        "V",
        "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
        "percent",
        "%",
    ),
    (
        "29",
        "V",
        "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)",
        "percent",
        "%",
    ),
];

pub fn code_of(number: &str) -> String {
    format!("NQ57-THAITAN-{number}")
}

pub async fn create_catalog(app: &TestApp, code: &str) -> Value {
    let body = json!({
        "code": code,
        "name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân",
        "description": "Phụ lục 2: các chỉ tiêu và phân công thực hiện, theo dõi, đánh giá",
        "level": "commune"
    });
    expect_json(app.post_json("/api/v1/catalogs", &body).await, 201).await
}

pub async fn create_section(app: &TestApp, catalog: &str, code: &str, title: &str) -> Value {
    let path = format!("/api/v1/catalogs/{catalog}/sections");
    let body = json!({"code": code, "title": title});
    expect_json(app.post_json(&path, &body).await, 201).await
}

/// Creates an indicator and returns it, asserting 201.
pub async fn create_indicator(app: &TestApp, body: Value) -> Value {
    expect_json(app.post_json("/api/v1/indicators", &body).await, 201).await
}

/// Sends a new indicator and returns the raw answer, for refusals.
pub async fn try_indicator(app: &TestApp, body: Value, status: u16) -> Value {
    expect_json(app.post_json("/api/v1/indicators", &body).await, status).await
}

/// The catalog with its six sections and nine indicators.
pub async fn thai_tan(app: &TestApp) {
    create_catalog(app, THAI_TAN).await;
    for (code, title) in SECTIONS {
        create_section(app, THAI_TAN, code, title).await;
    }
    for (number, section, name, kind, unit) in INDICATORS {
        let mut body = json!({
            "catalogCode": THAI_TAN,
            "code": code_of(number),
            "number": number,
            "name": name,
            "sectionCode": section,
            "valueKind": kind,
        });
        if !unit.is_empty() {
            body["unitOfMeasure"] = json!(unit);
        }
        create_indicator(app, body).await;
    }
}

/// A sub-item of Thái Tân's item 7, left to find its parent and section by its number.
pub async fn sub_item(app: &TestApp, number: &str, position: Option<i32>) -> Value {
    let mut body = json!({
        "catalogCode": THAI_TAN,
        "code": code_of(number),
        "number": number,
        "name": format!("Tỷ lệ cán bộ, công chức xã được bồi dưỡng kỹ năng số ({number})"),
        "valueKind": "percent",
        "unitOfMeasure": "%",
    });
    if let Some(position) = position {
        body["position"] = json!(position);
    }
    create_indicator(app, body).await
}

/// The JSON pointers a problem document names.
pub fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["pointer"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Reads a resource and returns its ETag with its body.
pub async fn read_with_etag(app: &TestApp, path: &str) -> (String, Value) {
    let response = app.get(path).await;
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    (etag, expect_json(response, 200).await)
}
