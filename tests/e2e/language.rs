//! What people read, read true: the demo's progress in figures an official would believe, and
//! every message in Vietnamese when the caller asks for it (`Accept-Language: vi`), in English
//! otherwise, with the machine fields the same in both.

use chitieu_e2e::{Scenario, TestApp, expect_json};
use chrono::Datelike;
use reqwest::header::{ACCEPT_LANGUAGE, AUTHORIZATION, HeaderMap, HeaderValue};
use serde_json::{Value, json};

use crate::plan_import::support::{fixture, import_as, plan_json, units};

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new("the_demo_progress_of_both_communes_reads_true", |app| {
            Box::pin(the_demo_progress_of_both_communes_reads_true(app))
        }),
        Scenario::new(
            "a_missing_resource_is_not_found_in_the_callers_language",
            |app| Box::pin(a_missing_resource_is_not_found_in_the_callers_language(app)),
        ),
        Scenario::new("field_errors_are_said_in_the_callers_language", |app| {
            Box::pin(field_errors_are_said_in_the_callers_language(app))
        }),
        Scenario::new(
            "conflicts_and_refusals_are_said_in_the_callers_language",
            |app| Box::pin(conflicts_and_refusals_are_said_in_the_callers_language(app)),
        ),
        Scenario::new("an_import_dry_run_speaks_the_callers_language", |app| {
            Box::pin(an_import_dry_run_speaks_the_callers_language(app))
        }),
        Scenario::new("the_progress_page_takes_its_language_from_lang", |app| {
            Box::pin(the_progress_page_takes_its_language_from_lang(app))
        }),
    ]
}

/// The administrator's client, asking for Vietnamese.
fn vietnamese(app: &TestApp) -> reqwest::Client {
    vietnamese_with(&app.admin_token)
}

/// A client signed in with `token`, asking for Vietnamese.
fn vietnamese_with(token: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    let bearer = format!("Bearer {token}");
    headers.insert(
        AUTHORIZATION,
        HeaderValue::from_str(&bearer).expect("a header"),
    );
    headers.insert(
        ACCEPT_LANGUAGE,
        HeaderValue::from_static("vi-VN,vi;q=0.9,en;q=0.5"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a client")
}

async fn get_vi(app: &TestApp, path: &str) -> reqwest::Response {
    vietnamese(app)
        .get(app.url(path))
        .send()
        .await
        .expect("GET is answered")
}

/// The year the demo's reports fall in: the last twelve months before today, so the current
/// year unless today is in January.
fn demo_year() -> i32 {
    let today = chrono::Utc::now().date_naive();
    if today.month() == 1 {
        today.year() - 1
    } else {
        today.year()
    }
}

fn rows(report: &Value) -> Vec<&Value> {
    report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["rows"].as_array().expect("rows"))
        .collect()
}

/// Numbers in `text` written with more than `places` decimals (either separator), except
/// groups of exactly three digits after a Vietnamese thousands dot.
fn over_precise(text: &str, places: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || ".,".contains(chars[i])) {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let number = number.trim_end_matches(['.', ',']);
            if let Some(fraction) = number
                .rsplit([',', '.'])
                .next()
                .filter(|_| number.contains([',', '.']))
            {
                if fraction.len() > places && fraction.len() != 3 {
                    found.push(number.to_owned());
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

async fn the_demo_progress_of_both_communes_reads_true(app: TestApp) {
    let demo = TestApp::spawn_with(app.backend, |settings| settings.demo = true).await;
    let year = demo_year();
    let mut planted = Vec::new();
    for (unit, plan) in [("31001", "TT-18-2025"), ("31002", "ND-KH-2025")] {
        let path = format!("/api/v1/org-units/{unit}/progress?plan={plan}&period={year}");
        let english = expect_json(demo.get(&path).await, 200).await;
        let vietnamese = expect_json(get_vi(&demo, &path).await, 200).await;
        for (row, vi_row) in rows(&english).into_iter().zip(rows(&vietnamese)) {
            let code = row["indicatorCode"].as_str().unwrap_or_default().to_owned();
            if let Some(ratio) = row["achievementRatio"].as_f64() {
                if ratio > 3.0 {
                    planted.push((unit, code.clone(), ratio));
                }
            }
            if let Some(display) = row["target"]["display"].as_str() {
                assert!(
                    !display.contains(['$', '\\']),
                    "{unit} {code}: target shown as {display:?}"
                );
            }
            let explanation = row["trajectory"]["explanation"].as_str();
            let vi_explanation = vi_row["trajectory"]["explanation"].as_str();
            if let (Some(en), Some(vi)) = (explanation, vi_explanation) {
                assert!(over_precise(en, 2).is_empty(), "{unit} {code}: {en}");
                assert!(over_precise(vi, 2).is_empty(), "{unit} {code}: {vi}");
                assert_ne!(en, vi, "{unit} {code}: the explanation is translated");
                assert_eq!(row["trajectory"]["status"], vi_row["trajectory"]["status"]);
            }
        }
    }
    assert_eq!(
        planted.len(),
        1,
        "exactly the one planted outlier is above 300 %: {planted:?}"
    );
    assert_eq!(planted[0].0, "31001", "the outlier is Thái Tân's");
    six_g_has_no_target_before_2035(&demo, year).await;
    // Some trajectory explanation is said in each language.
    let path = format!("/api/v1/org-units/31001/progress?plan=TT-18-2025&period={year}");
    let vi = expect_json(get_vi(&demo, &path).await, 200).await;
    let said: Vec<&str> = rows(&vi)
        .iter()
        .filter_map(|r| r["trajectory"]["explanation"].as_str())
        .collect();
    assert!(!said.is_empty(), "trajectories are explained");
    assert!(
        said.iter()
            .any(|s| s.contains("năm") || s.contains("chưa có")),
        "Vietnamese explanations: {said:?}"
    );
}

/// Thái Tân's item 3, 6G coverage, sets no target until 2030 ("-") and 50 % for 2035: a report
/// of this year has no target to be judged against (not "93 % achieved" against 2035's), and
/// its way toward 2035 is the trajectory, which names that year.
async fn six_g_has_no_target_before_2035(demo: &TestApp, year: i32) {
    let path = format!("/api/v1/org-units/31001/progress?plan=TT-18-2025&period={year}");
    let report = expect_json(get_vi(demo, &path).await, 200).await;
    let six_g = rows(&report)
        .into_iter()
        .find(|r| r["number"] == "3")
        .expect("item 3")
        .clone();
    assert_eq!(six_g["status"], "noTarget", "{six_g}");
    assert_eq!(six_g["achievementRatio"], Value::Null, "{six_g}");
    assert_eq!(six_g["target"]["year"], 2030, "{six_g}");
    assert_eq!(six_g["trajectory"]["milestoneYear"], 2035, "{six_g}");
    let page = demo
        .get(&format!(
            "/api/v1/org-units/31001/progress.html?plan=TT-18-2025&period={year}"
        ))
        .await
        .text()
        .await
        .expect("a page");
    assert!(page.contains("Không giao chỉ tiêu"), "the page says so");
}

async fn a_missing_resource_is_not_found_in_the_callers_language(app: TestApp) {
    let path = "/api/v1/org-units/99999";
    let english = app.get(path).await;
    assert_eq!(english.headers()["content-language"], "en");
    let english = expect_json(english, 404).await;
    let vietnamese = get_vi(&app, path).await;
    assert_eq!(vietnamese.headers()["content-language"], "vi");
    let vietnamese = expect_json(vietnamese, 404).await;
    assert_eq!(english["type"], "urn:chitieu:problem:not-found");
    assert_eq!(
        vietnamese["type"], english["type"],
        "the type is a machine field"
    );
    assert_eq!(english["title"], "Not found");
    assert_eq!(vietnamese["title"], "Không tìm thấy");
    assert_eq!(english["detail"], "organisation unit 99999 does not exist");
    assert_eq!(vietnamese["detail"], "Không có đơn vị 99999");
}

async fn field_errors_are_said_in_the_callers_language(app: TestApp) {
    let body = json!({"code": "311", "name": " ", "kind": "commune", "parentCode": null});
    let english = expect_json(app.post_json("/api/v1/org-units", &body).await, 422).await;
    let response = vietnamese(&app)
        .post(app.url("/api/v1/org-units"))
        .json(&body)
        .send()
        .await
        .expect("POST is answered");
    let vietnamese = expect_json(response, 422).await;
    assert_eq!(vietnamese["type"], english["type"]);
    assert_eq!(english["title"], "A field is invalid");
    assert_eq!(vietnamese["title"], "Có trường dữ liệu không hợp lệ");
    let errors = |problem: &Value| -> Vec<(String, String)> {
        problem["errors"]
            .as_array()
            .expect("field errors")
            .iter()
            .map(|e| {
                (
                    e["pointer"].as_str().unwrap_or_default().to_owned(),
                    e["detail"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let (en, vi) = (errors(&english), errors(&vietnamese));
    assert!(en.len() >= 2, "{english}");
    let pointers = |e: &[(String, String)]| e.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(pointers(&en), pointers(&vi), "pointers are machine fields");
    assert!(
        en.contains(&(
            "/code".to_owned(),
            "a commune code has exactly 5 digits (QĐ 19/2025/QĐ-TTg)".to_owned()
        )),
        "{en:?}"
    );
    assert!(
        vi.contains(&(
            "/code".to_owned(),
            "mã xã gồm đúng 5 chữ số (QĐ 19/2025/QĐ-TTg)".to_owned()
        )),
        "{vi:?}"
    );
    assert!(
        vi.contains(&("/name".to_owned(), "không được để trống".to_owned())),
        "{vi:?}"
    );
}

/// Sends `body` to `path` as `client` and reads the problem it answers with `status`.
async fn problem_of(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    body: &Value,
    status: u16,
) -> Value {
    let response = client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .expect("POST is answered");
    expect_json(response, status).await
}

async fn conflicts_and_refusals_are_said_in_the_callers_language(app: TestApp) {
    let path = "/api/v1/org-units";
    let province = json!({"code": "31", "name": "Thành phố Hải Phòng", "kind": "province",
        "parentCode": null});
    expect_json(app.post_json(path, &province).await, 201).await;
    let admin_vi = vietnamese(&app);

    // 409: the code is taken.
    let english = problem_of(&app, &app.client, path, &province, 409).await;
    let vietnamese = problem_of(&app, &admin_vi, path, &province, 409).await;
    assert_eq!(english["type"], "urn:chitieu:problem:conflict");
    assert_eq!(vietnamese["type"], english["type"]);
    assert_eq!(
        english["detail"],
        "an organisation unit with code 31 already exists"
    );
    assert_eq!(vietnamese["title"], "Thay đổi mâu thuẫn với dữ liệu đã lưu");
    assert_eq!(vietnamese["detail"], "đã có đơn vị mang mã 31");

    // 403: a viewer may read the province but not add units under it.
    let token = app.token_for("hoa.tran", "viewer", Some("31")).await;
    let commune = json!({"code": "31001", "name": "Xã Thái Tân", "kind": "commune",
        "parentCode": "31"});
    let english = problem_of(
        &app,
        &chitieu_e2e::accounts::client_with_token(&token),
        path,
        &commune,
        403,
    )
    .await;
    let vietnamese = problem_of(&app, &vietnamese_with(&token), path, &commune, 403).await;
    assert_eq!(english["type"], "urn:chitieu:problem:forbidden");
    assert_eq!(vietnamese["type"], english["type"]);
    assert_eq!(english["title"], "Not allowed");
    assert_eq!(vietnamese["title"], "Không được phép");
    let (en, vi) = (
        english["detail"].as_str().unwrap_or_default(),
        vietnamese["detail"].as_str().unwrap_or_default(),
    );
    assert!(en.starts_with("a viewer may not"), "{en}");
    assert!(vi.starts_with("vai trò người xem không được"), "{vi}");

    // 422 on a reference: the parent does not exist.
    let orphan = json!({"code": "32001", "name": "Xã Mới", "kind": "commune",
        "parentCode": "32"});
    let english = problem_of(&app, &app.client, path, &orphan, 422).await;
    let vietnamese = problem_of(&app, &admin_vi, path, &orphan, 422).await;
    assert_eq!(
        english["errors"][0]["pointer"],
        vietnamese["errors"][0]["pointer"]
    );
    assert_eq!(
        english["errors"][0]["detail"],
        "there is no organisation unit with code 32"
    );
    assert_eq!(
        vietnamese["errors"][0]["detail"],
        "không có đơn vị mang mã 32"
    );
}

async fn an_import_dry_run_speaks_the_callers_language(app: TestApp) {
    units(&app).await;
    let file = fixture("nghi_duong_appendix_1.docx");
    let body = plan_json("ND-DRY", "31002", "NQ57-ND-DRY");
    let name = "nghi_duong_appendix_1.docx";
    let (status, english) = import_as(&app, &app.client, name, &file, &body, true).await;
    assert_eq!(status, 200, "{english}");
    let (status, vietnamese) = import_as(&app, &vietnamese(&app), name, &file, &body, true).await;
    assert_eq!(status, 200, "{vietnamese}");
    let messages = |summary: &Value| -> Vec<String> {
        summary["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter_map(|d| d["message"].as_str().map(str::to_owned))
            .collect()
    };
    let (en, vi) = (messages(&english), messages(&vietnamese));
    assert_eq!(en.len(), vi.len());
    assert!(en.iter().any(|m| m.starts_with("header found")), "{en:?}");
    assert!(
        vi.iter().any(|m| m.starts_with("đã tìm thấy dòng tiêu đề")),
        "{vi:?}"
    );
    assert!(vi.iter().any(|m| m.starts_with("chỉ tiêu ")), "{vi:?}");
    assert_eq!(
        english["diagnostics"][0]["reference"], vietnamese["diagnostics"][0]["reference"],
        "cell references are machine fields"
    );
}

async fn the_progress_page_takes_its_language_from_lang(app: TestApp) {
    let demo = TestApp::spawn_with(app.backend, |s| s.demo = true).await;
    let year = demo_year();
    let path = format!("/api/v1/org-units/31001/progress.html?plan=TT-18-2025&period={year}");
    let page = |response: reqwest::Response| async move {
        assert_eq!(response.status().as_u16(), 200);
        response.text().await.expect("a page")
    };
    let default = page(demo.get(&path).await).await;
    assert!(default.contains("<html lang=\"vi\">") && default.contains("Chỉ tiêu năm"));
    let english = page(demo.get(&format!("{path}&lang=en")).await).await;
    assert!(english.contains("<html lang=\"en\">") && english.contains(">Target "));
    assert!(!default.contains('$') && !default.contains('\\'));
    let refused = expect_json(demo.get(&format!("{path}&lang=fr")).await, 422).await;
    assert_eq!(refused["errors"][0]["pointer"], "lang");
}
