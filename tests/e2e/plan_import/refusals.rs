use std::io::{Cursor, Write};

use chitieu_e2e::TestApp;

use super::expected::BANKS;
use super::support::{
    Upload, counts, detail, fixture, import, import_as, plan_json, units, upload_as,
};

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("an entry");
        writer.write_all(content).expect("its content");
    }
    writer.finish().expect("a zip");
    out.into_inner()
}

/// Uploads `file` as `name` and expects `status`, a problem+json whose detail contains each
/// of `words`, and no change in the database.
async fn refused(app: &TestApp, name: &str, file: &[u8], status: u16, words: &[&str]) {
    let before = counts(app).await;
    let body = plan_json("REFUSED", "31001", "NQ57-REFUSED");
    let (got, problem) = import(app, name, file, &body, false).await;
    assert_eq!(got, status, "{name}: {problem}");
    let detail = detail(&problem);
    for word in words {
        assert!(
            detail.contains(word),
            "{name}: {detail:?} should name {word:?}"
        );
    }
    assert_eq!(counts(app).await, before, "{name}: nothing changed");
}

pub async fn a_docx_that_is_not_a_zip_is_refused_and_nothing_changes(app: TestApp) {
    units(&app).await;
    let text = "STT,Chỉ tiêu\n1,Tỷ lệ\n".as_bytes();
    refused(
        &app,
        "ke-hoach.docx",
        text,
        422,
        &["named .docx", "not a zip container"],
    )
    .await;
}

pub async fn a_zip_without_a_word_document_is_refused_and_nothing_changes(app: TestApp) {
    units(&app).await;
    let zip = zip_of(&[("hello.txt", b"xin chao")]);
    refused(&app, "ke-hoach.docx", &zip, 422, &["word/document.xml"]).await;
}

pub async fn a_zip_bomb_is_refused_naming_the_limit_and_nothing_changes(app: TestApp) {
    units(&app).await;
    // One entry of 51 MiB of zeros: a few hundred KB compressed, over the 50 MiB default.
    let zeros = vec![0u8; 51 * 1024 * 1024];
    let bomb = zip_of(&[("word/document.xml", &zeros)]);
    drop(zeros);
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let words = ["zip bomb", "52428800", "CHITIEU_IMPORT_MAX_UNZIPPED_BYTES"];
    refused(&app, "ke-hoach.docx", &bomb, 422, &words).await;
}

pub async fn a_file_over_the_upload_limit_is_refused_with_413_and_nothing_changes(app: TestApp) {
    let small = TestApp::spawn_with(app.backend, |settings| {
        settings.import_limits.max_bytes = 1024;
    })
    .await;
    units(&small).await;
    let docx = fixture("thai_tan_appendix_2.docx");
    assert!(docx.len() > 1024);
    let words = ["1024", "CHITIEU_IMPORT_MAX_BYTES"];
    refused(&small, "thai_tan_appendix_2.docx", &docx, 413, &words).await;
}

pub async fn a_table_over_the_row_limit_is_refused_naming_the_limit(app: TestApp) {
    let small = TestApp::spawn_with(app.backend, |settings| {
        settings.import_limits.max_rows = 10;
    })
    .await;
    units(&small).await;
    let tsv = fixture("thai_tan_appendix_2.tsv");
    let words = ["more than the limit of 10 rows", "CHITIEU_IMPORT_MAX_ROWS"];
    refused(&small, "thai_tan_appendix_2.tsv", &tsv, 422, &words).await;
}

pub async fn a_table_without_a_recognisable_header_is_refused_naming_the_headers_looked_for(
    app: TestApp,
) {
    units(&app).await;
    let csv = "Tên,Giá trị\nA,1\nB,2\n".as_bytes();
    refused(&app, "bang.csv", csv, 422, &["no table", "STT", "Chỉ tiêu"]).await;
}

pub async fn csv_that_is_not_utf8_and_a_pdf_are_refused_with_the_reason(app: TestApp) {
    units(&app).await;
    refused(
        &app,
        "bang.csv",
        b"STT,Ch\xec ti\xeau\n1,T\xfd l\xea\n",
        422,
        &["not UTF-8"],
    )
    .await;
    refused(&app, "ke-hoach.pdf", b"%PDF-1.7\n...", 415, &["PDF"]).await;
}

pub async fn an_error_late_in_the_import_rolls_back_the_catalog_and_the_units(app: TestApp) {
    units(&app).await;
    let tsv = fixture("thai_tan_appendix_2.tsv");
    let taken = plan_json("TAKEN", "31001", "NQ57-TT");
    let (status, _) = import(&app, "thai_tan_appendix_2.tsv", &tsv, &taken, false).await;
    assert_eq!(status, 201);
    let before = counts(&app).await;
    // A new catalog and two new units are written before the plan code is found taken.
    let clash = plan_json("TAKEN", "31002", "NQ57-ND-NEW");
    let docx = fixture("nghi_duong_appendix_1.docx");
    let (status, problem) = import(&app, "nghi_duong_appendix_1.docx", &docx, &clash, false).await;
    assert_eq!(status, 409, "{problem}");
    assert!(detail(&problem).contains("TAKEN"), "{problem}");
    assert_eq!(counts(&app).await, before, "nothing is half-imported");
    assert_eq!(
        app.get("/api/v1/catalogs/NQ57-ND-NEW")
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get(&format!("/api/v1/org-units/{BANKS}"))
            .await
            .status()
            .as_u16(),
        404
    );
}

pub async fn an_officer_imports_into_an_existing_catalog_but_may_not_create_one(app: TestApp) {
    units(&app).await;
    let token = app
        .token_for("officer31001", "communeOfficer", Some("31001"))
        .await;
    let officer = chitieu_e2e::accounts::client_with_token(&token);
    let tsv = fixture("thai_tan_appendix_2.tsv");
    let before = counts(&app).await;
    let new_catalog = plan_json("TT-OFFICER", "31001", "NQ57-TT-OFFICER");
    let (status, problem) = import_as(
        &app,
        &officer,
        "thai_tan_appendix_2.tsv",
        &tsv,
        &new_catalog,
        false,
    )
    .await;
    assert_eq!(status, 403, "{problem}");
    assert!(detail(&problem).contains("administrator"), "{problem}");
    assert_eq!(counts(&app).await, before);
    let by_admin = plan_json("TT-ADMIN", "31001", "NQ57-TT");
    let (status, _) = import(&app, "thai_tan_appendix_2.tsv", &tsv, &by_admin, false).await;
    assert_eq!(status, 201);
    let existing = plan_json("TT-OFFICER", "31001", "NQ57-TT");
    let (status, summary) = import_as(
        &app,
        &officer,
        "thai_tan_appendix_2.tsv",
        &tsv,
        &existing,
        false,
    )
    .await;
    assert_eq!(status, 201, "{summary}");
    let elsewhere = plan_json("ND-OFFICER", "31002", "NQ57-TT");
    let (status, problem) = import_as(
        &app,
        &officer,
        "thai_tan_appendix_2.tsv",
        &tsv,
        &elsewhere,
        false,
    )
    .await;
    assert_eq!(
        status, 422,
        "a commune outside the officer's tree is unknown: {problem}"
    );
}

pub async fn a_file_whose_declared_type_is_not_its_content_is_refused(app: TestApp) {
    units(&app).await;
    let before = counts(&app).await;
    let csv = fixture("nghi_duong_appendix_1.csv");
    let upload = Upload {
        file_name: "phu-luc",
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file: &csv,
    };
    let body = plan_json("DECLARED", "31002", "NQ57-DECLARED");
    let (status, problem) = upload_as(&app, &app.client, upload, &body, false).await;
    assert_eq!(status, 422, "{problem}");
    assert!(detail(&problem).contains("declared as .xlsx"), "{problem}");
    assert_eq!(counts(&app).await, before);
}

pub async fn an_invalid_plan_or_a_row_the_catalog_lacks_is_refused_naming_where(app: TestApp) {
    units(&app).await;
    let tsv = fixture("thai_tan_appendix_2.tsv");
    let mut bad = plan_json("tt lower", "31001", "NQ57-TT");
    bad["validTo"] = serde_json::json!("2020-01-01");
    let (status, problem) = import(&app, "thai_tan_appendix_2.tsv", &tsv, &bad, false).await;
    assert_eq!(status, 422, "{problem}");
    let pointers: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert_eq!(pointers, ["/plan/code", "/plan/validTo"], "{problem}");
    // A catalog made from a one-item table lacks Thái Tân's item 2 (line 4 of the TSV).
    let small = "STT,Chỉ tiêu,Năm 2025\nI,Phát triển hạ tầng\n1,Tỷ lệ phủ sóng 5G,≥60%\n";
    let first = plan_json("TT-SMALL", "31001", "NQ57-SMALL");
    let (status, _) = import(&app, "bang.csv", small.as_bytes(), &first, false).await;
    assert_eq!(status, 201);
    let before = counts(&app).await;
    let more = plan_json("TT-MORE", "31001", "NQ57-SMALL");
    let (status, problem) = import(&app, "thai_tan_appendix_2.tsv", &tsv, &more, false).await;
    assert_eq!(status, 422, "{problem}");
    let detail = detail(&problem);
    assert!(
        detail.starts_with("line 4: the plan's catalog has no indicator numbered 2"),
        "{detail}"
    );
    assert_eq!(counts(&app).await, before);
}

pub async fn a_body_that_is_not_multipart_is_refused_with_415(app: TestApp) {
    let response = app
        .post_json("/api/v1/plans/import", &plan_json("X1", "31001", "NQ57-X"))
        .await;
    assert_eq!(response.status().as_u16(), 415);
}
