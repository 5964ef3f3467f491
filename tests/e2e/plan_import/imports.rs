use chitieu_e2e::{TestApp, expect_json};
use serde_json::Value;

use super::expected::{
    Appendix, BANKS, HDND_OFFICE, nghi_duong_appendix_1, nghi_duong_appendix_2, thai_tan_appendix_2,
};
use super::support::{FIXTURES, counts, fixture, import, plan_json, units};

/// The code an expected agency stands for: a suffix under the commune, or a full code.
fn unit_code(commune: &str, agency: &str) -> String {
    if agency.starts_with(commune) {
        agency.to_owned()
    } else {
        format!("{commune}-{agency}")
    }
}

/// Compares what is stored for `plan` (every item's section, number, name, targets, agencies)
/// and its catalog (sections, kinds, units, sub-items) with the hand-checked expectations.
pub async fn check_stored(app: &TestApp, appendix: &Appendix, plan: &str, catalog: &str) {
    let items = expect_json(app.get(&format!("/api/v1/plans/{plan}/items")).await, 200).await;
    let items = items.as_array().expect("a list of items");
    assert_eq!(items.len(), appendix.items.len(), "items of {plan}");
    for (got, want) in items.iter().zip(&appendix.items) {
        let number = &format!("{}.{}", want.section, want.number);
        assert_eq!(got["sectionCode"], want.section, "{plan} item {number}");
        assert_eq!(
            got["indicatorNumber"],
            want.number.as_str(),
            "{plan} item {number}"
        );
        if let Some(name) = &want.name {
            assert_eq!(got["indicatorName"], name.as_str(), "{plan} item {number}");
        }
        let targets: Vec<(i32, String)> = got["targets"]
            .as_array()
            .expect("targets")
            .iter()
            .map(|t| {
                let year = t["year"].as_i64().expect("a year") as i32;
                (year, t["raw"].as_str().expect("raw").to_owned())
            })
            .collect();
        assert_eq!(targets, want.targets, "{plan} item {number}: every target");
        let lead = want.lead.as_deref().map(|l| unit_code(appendix.commune, l));
        assert_eq!(
            got["leadUnitCode"].as_str(),
            lead.as_deref(),
            "{plan} item {number}"
        );
        let mut coordinating: Vec<String> = want
            .coordinating
            .iter()
            .map(|c| unit_code(appendix.commune, c))
            .collect();
        coordinating.sort();
        let got_coordinating: Vec<String> = got["coordinatingUnitCodes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(got_coordinating, coordinating, "{plan} item {number}");
        let code = got["indicatorCode"].as_str().expect("a code");
        let indicator =
            expect_json(app.get(&format!("/api/v1/indicators/{code}")).await, 200).await;
        assert_eq!(
            indicator["valueKind"],
            want.kind.as_str(),
            "{plan} item {number}"
        );
        assert_eq!(
            indicator["unitOfMeasure"].as_str(),
            want.unit,
            "{plan} item {number}"
        );
        // The parent is the item of the same section numbered like the parent number.
        let parent = want.number.rsplit_once('.').and_then(|(p, _)| {
            items
                .iter()
                .find(|i| i["sectionCode"] == want.section && i["indicatorNumber"] == p)
                .and_then(|i| i["indicatorCode"].as_str())
        });
        assert_eq!(
            indicator["parentCode"].as_str(),
            parent,
            "{plan} item {number}"
        );
    }
    let sections = expect_json(
        app.get(&format!("/api/v1/catalogs/{catalog}/sections"))
            .await,
        200,
    )
    .await;
    let sections = sections.get("items").unwrap_or(&sections).clone();
    let sections: Vec<(String, String)> = sections
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap_or_default().to_owned(),
                s["title"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let wanted: Vec<(String, String)> = appendix
        .sections
        .iter()
        .map(|(c, t)| ((*c).to_owned(), (*t).to_owned()))
        .collect();
    assert_eq!(sections, wanted, "sections of {catalog}");
}

/// The summary's counts and written numbers match the expectations.
pub fn check_summary(summary: &Value, appendix: &Appendix) {
    assert_eq!(
        summary["counts"]["items"],
        appendix.items.len(),
        "{summary}"
    );
    assert_eq!(summary["counts"]["subItems"], appendix.sub_items().len());
    assert_eq!(summary["counts"]["sections"], appendix.sections.len());
    let written: Vec<&str> = summary["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["writtenNumber"].as_str().unwrap_or_default())
        .collect();
    let wanted: Vec<&str> = appendix.items.iter().map(|i| i.written.as_str()).collect();
    assert_eq!(written, wanted);
}

async fn import_each_format(app: &TestApp, appendix: &Appendix, stem: &str, files: &[&str]) {
    for file in files {
        let format = file
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let plan = format!("{stem}-{format}");
        let catalog = format!("NQ57-{stem}-{format}");
        let body = plan_json(&plan, appendix.commune, &catalog);
        let (status, summary) = import(app, file, &fixture(file), &body, false).await;
        assert_eq!(status, 201, "{file}: {summary}");
        assert_eq!(summary["dryRun"], false);
        assert_eq!(summary["catalogCreated"], true);
        check_summary(&summary, appendix);
        check_stored(app, appendix, &plan, &catalog).await;
    }
}

pub async fn the_thai_tan_appendix_imports_alike_from_docx_xlsx_ods_and_tsv(app: TestApp) {
    units(&app).await;
    let appendix = thai_tan_appendix_2();
    let files = [
        "thai_tan_appendix_2.docx",
        "thai_tan_appendix_2.xlsx",
        "thai_tan_appendix_2.ods",
        "thai_tan_appendix_2.tsv",
    ];
    import_each_format(&app, &appendix, "TT", &files).await;
    // Rows the converter broke are joined: item 13's name and item 26's lead agency.
    let items = expect_json(app.get("/api/v1/plans/TT-TSV/items").await, 200).await;
    let item_13 = &items[12];
    assert!(
        item_13["indicatorName"]
            .as_str()
            .is_some_and(|n| n.ends_with("(STEM) và nghiên cứu khoa học.")),
        "{item_13}"
    );
}

pub async fn nghi_duong_appendix_1_imports_with_sub_items_and_proposed_agencies(app: TestApp) {
    units(&app).await;
    let appendix = nghi_duong_appendix_1();
    let body = plan_json("ND-PL1-DOCX", "31002", "NQ57-ND-PL1-DOCX");
    let before = counts(&app).await;
    let (status, summary) = import(
        &app,
        "nghi_duong_appendix_1.docx",
        &fixture("nghi_duong_appendix_1.docx"),
        &body,
        false,
    )
    .await;
    assert_eq!(status, 201, "{summary}");
    let proposed: Vec<&str> = summary["proposedUnits"]
        .as_array()
        .expect("proposed units")
        .iter()
        .map(|u| u["code"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(proposed, [HDND_OFFICE, BANKS]);
    assert_eq!(counts(&app).await.units, before.units + 2);
    let banks = expect_json(app.get(&format!("/api/v1/org-units/{BANKS}")).await, 200).await;
    assert_eq!(banks["name"], "Các Ngân hàng");
    assert_eq!(banks["parentCode"], "31002");
    check_summary(&summary, &appendix);
    check_stored(&app, &appendix, "ND-PL1-DOCX", "NQ57-ND-PL1-DOCX").await;
    // The units created by the first import are matched by name by the next ones.
    import_each_format(
        &app,
        &appendix,
        "ND-PL1",
        &["nghi_duong_appendix_1.xlsx", "nghi_duong_appendix_1.csv"],
    )
    .await;
    assert_eq!(counts(&app).await.units, before.units + 2);
    let item = expect_json(
        app.get("/api/v1/plans/ND-PL1-CSV/items/NQ57-ND-PL1-CSV-7.6")
            .await,
        200,
    )
    .await;
    assert_eq!(
        item["indicatorName"],
        "Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của cơ quan \
         hành chính nhà nước",
        "a name continued on the next row is joined"
    );
}

pub async fn nghi_duong_appendix_2_keeps_its_printed_numbering_in_each_section(app: TestApp) {
    units(&app).await;
    let appendix = nghi_duong_appendix_2();
    let files = [
        "nghi_duong_appendix_2.docx",
        "nghi_duong_appendix_2.xlsx",
        "nghi_duong_appendix_2.csv",
    ];
    import_each_format(&app, &appendix, "ND-PL2", &files).await;
    let (_, summary) = import(
        &app,
        "nghi_duong_appendix_2.csv",
        &fixture("nghi_duong_appendix_2.csv"),
        &plan_json("ND-PL2-DRY", "31002", "NQ57-ND-PL2-DRY"),
        true,
    )
    .await;
    let warnings: Vec<&str> = summary["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.contains("numbering") || m.contains("appears twice"))
        .collect();
    // Restarting in II is the usual way: no word. The excerpt's gaps within II and III are.
    assert_eq!(
        warnings,
        [
            "the numbering of section II skips from 2 to 5: kept as printed",
            "the numbering of section III skips from 15 to 21: kept as printed"
        ]
    );
    let code = |item: &Value| {
        item["indicatorCode"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let items = expect_json(app.get("/api/v1/plans/ND-PL2-CSV/items").await, 200).await;
    assert_eq!(
        code(&items[3]),
        "NQ57-ND-PL2-CSV-II-1",
        "codes name the section when the numbering restarts"
    );
}

pub async fn a_dry_run_answers_the_same_summary_and_stores_nothing(app: TestApp) {
    units(&app).await;
    let before = counts(&app).await;
    let file = fixture("nghi_duong_appendix_1.docx");
    let body = plan_json("ND-DRY", "31002", "NQ57-ND-DRY");
    let (status, dry) = import(&app, "nghi_duong_appendix_1.docx", &file, &body, true).await;
    assert_eq!(status, 200, "{dry}");
    assert_eq!(dry["dryRun"], true);
    assert_eq!(dry["counts"]["items"], 16);
    assert_eq!(dry["proposedUnits"].as_array().map(Vec::len), Some(2));
    assert_eq!(counts(&app).await, before, "a dry run stores nothing");
    assert_eq!(
        app.get(&format!("/api/v1/org-units/{BANKS}"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(app.get("/api/v1/plans/ND-DRY").await.status().as_u16(), 404);
    let (status, real) = import(&app, "nghi_duong_appendix_1.docx", &file, &body, false).await;
    assert_eq!(status, 201, "{real}");
    // Only the real import is an event: `plan.imported` at the issuing unit.
    let feed = expect_json(app.get("/api/v1/events").await, 200).await;
    let kinds: Vec<(&str, &str, &str)> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let field = |k: &str| e[k].as_str().unwrap_or("");
            (field("type"), field("unitCode"), field("planCode"))
        })
        .collect();
    assert_eq!(kinds, [("plan.imported", "31002", "ND-DRY")], "{feed}");
    assert_eq!(feed["items"][0]["data"]["items"], 16);
    let mut dry = dry;
    dry["dryRun"] = Value::Bool(false);
    assert_eq!(dry, real, "the dry run answered what the real run did");
}

pub async fn an_existing_catalog_is_reused_and_its_indicators_matched_by_number(app: TestApp) {
    units(&app).await;
    let appendix = thai_tan_appendix_2();
    let tsv = fixture("thai_tan_appendix_2.tsv");
    let first = plan_json("TT-2025", "31001", "NQ57-TT");
    let (status, _) = import(&app, "thai_tan_appendix_2.tsv", &tsv, &first, false).await;
    assert_eq!(status, 201);
    let before = counts(&app).await;
    let again = plan_json("TT-2025-B", "31001", "NQ57-TT");
    let xlsx = fixture("thai_tan_appendix_2.xlsx");
    let (status, summary) = import(&app, "thai_tan_appendix_2.xlsx", &xlsx, &again, false).await;
    assert_eq!(status, 201, "{summary}");
    assert_eq!(summary["catalogCreated"], false);
    let after = counts(&app).await;
    assert_eq!(after.indicators, before.indicators, "no indicator is added");
    assert_eq!(after.catalogs, before.catalogs);
    assert_eq!(after.plans, before.plans + 1);
    check_stored(&app, &appendix, "TT-2025-B", "NQ57-TT").await;
}

pub async fn the_command_line_imports_a_plan_and_its_dry_run_stores_nothing(app: TestApp) {
    use chitieu_api::import_cli::{ImportPlanArgs, import_plan};
    use chitieu_schema::plan_import::ImportLimits;

    units(&app).await;
    let plan_file = tempfile::NamedTempFile::new().expect("a temporary file");
    let plan = plan_json("TT-CLI", "31001", "NQ57-TT-CLI");
    std::fs::write(plan_file.path(), plan.to_string()).expect("the plan is written");
    let args = |dry_run| ImportPlanArgs {
        file: format!("{FIXTURES}/thai_tan_appendix_2.docx").into(),
        plan_json: format!("@{}", plan_file.path().display()),
        dry_run,
    };
    let before = counts(&app).await;
    let dry = import_plan(&app.pool, ImportLimits::default(), args(true))
        .await
        .expect("the dry run succeeds");
    assert!(dry.dry_run);
    assert_eq!(dry.counts.items, 28);
    assert_eq!(counts(&app).await, before, "a dry run stores nothing");
    let real = import_plan(&app.pool, ImportLimits::default(), args(false))
        .await
        .expect("the import succeeds");
    assert!(!real.dry_run);
    let after = counts(&app).await;
    assert_eq!(after.plans, before.plans + 1);
    assert_eq!(after.indicators, before.indicators + 28);
    check_stored(&app, &thai_tan_appendix_2(), "TT-CLI", "NQ57-TT-CLI").await;
    let small = ImportLimits {
        max_bytes: 100,
        ..ImportLimits::default()
    };
    let refused = import_plan(&app.pool, small, args(false))
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("CHITIEU_IMPORT_MAX_BYTES"),
        "{refused}"
    );
}
