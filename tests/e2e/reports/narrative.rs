use chitieu_e2e::reporting_fixture::{COMMUNE, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

use super::support::{act_ok, commune, etag_of, open, pointers, send};

const Q1: &str = "2026Q1";

/// Seed 000's outline: I–V with the assessment's sub-sections.
fn seed_000_outline() -> Value {
    json!({"sections": [
        {"code": "I", "title": "Công tác lãnh đạo, chỉ đạo", "position": 1,
         "contentHtml": "<p>Thường trực HĐND xã đã ban hành kế hoạch triển khai.</p>"},
        {"code": "I.1", "parentCode": "I", "title": "Công tác lãnh đạo, chỉ đạo ban hành các văn bản", "position": 1,
         "contentHtml": "<p>Xác định việc triển khai Nghị quyết số 57-NQ/TW là nhiệm vụ chính trị trọng tâm.</p>"},
        {"code": "II", "title": "Kết quả thực hiện", "position": 2, "contentHtml": "<ul><li>02 cuộc giám sát chuyên đề</li></ul>"},
        {"code": "III", "title": "Đánh giá chung", "position": 3, "contentHtml": ""},
        {"code": "III.1", "parentCode": "III", "title": "Ưu điểm", "position": 1,
         "contentHtml": "<p>Nhận thức được nâng lên rõ re\u{0323}\u{0302}t.</p>"},
        {"code": "III.2", "parentCode": "III", "title": "Tồn tại, hạn chế", "position": 2, "contentHtml": "<p>Hạ tầng còn hạn chế.</p>"},
        {"code": "IV", "title": "Nhiệm vụ trọng tâm quý tiếp theo", "position": 4, "contentHtml": "<p>Tiếp tục triển khai.</p>"},
        {"code": "V", "title": "Đề xuất, kiến nghị", "position": 5, "contentHtml": "<p>Không.</p>"},
    ]})
}

pub async fn the_narrative_follows_seed_000s_outline_and_keeps_its_html(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.commune_reporter, COMMUNE, Q1).await;
    let url = format!("{}/narrative", report_url(COMMUNE, Q1));
    let client = &people.commune_reporter;
    let response = send(
        &app,
        client,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&seed_000_outline()),
    )
    .await;
    let etag = etag_of(&response);
    let report = expect_json(response, 200).await;
    let sections = report["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 8);
    let strengths = sections.iter().find(|s| s["code"] == "III.1").unwrap();
    assert_eq!(strengths["parentCode"], "III");
    assert_eq!(
        strengths["contentHtml"],
        "<p>Nhận thức được nâng lên rõ rệt.</p>"
    );
    let second = sections.iter().find(|s| s["code"] == "II").unwrap();
    assert_eq!(
        second["contentHtml"],
        "<ul><li>02 cuộc giám sát chuyên đề</li></ul>"
    );

    let trail = app
        .get(&format!("/api/v1/audit-entries?unit={COMMUNE}"))
        .await;
    let trail = expect_json(trail, 200).await;
    assert_eq!(
        trail["totalItems"], 9,
        "the opening and one entry per section"
    );

    // Once submitted, the narrative is frozen.
    let (etag, _) = act_ok(&app, client, COMMUNE, Q1, "submit", &etag, None).await;
    let response = send(
        &app,
        client,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&seed_000_outline()),
    )
    .await;
    expect_json(response, 409).await;
}

pub async fn a_sub_section_under_the_wrong_parent_is_refused(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.commune_reporter, COMMUNE, Q1).await;
    let url = format!("{}/narrative", report_url(COMMUNE, Q1));
    let body = json!({"sections": [
        {"code": "II", "title": "Kết quả", "position": 2, "contentHtml": ""},
        {"code": "III", "title": "Đánh giá", "position": 3, "contentHtml": ""},
        {"code": "III.1", "parentCode": "II", "title": "Ưu điểm", "position": 1, "contentHtml": ""},
        {"code": "3", "title": "Sai", "position": 4, "contentHtml": ""},
        {"code": "IV", "title": " ", "position": -1, "contentHtml": ""},
    ]});
    let response = send(
        &app,
        &people.commune_reporter,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&body),
    )
    .await;
    let problem = expect_json(response, 422).await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(
        found,
        [
            "/sections/2/parentCode",
            "/sections/3/code",
            "/sections/4/position",
            "/sections/4/title",
        ]
    );
}
