//! The layouts officials use that the seeds' own tables do not show, from the fixtures
//! `thai_tan_yearly_2025` and `nghi_duong_appendix_1_lines` (see `make_fixtures.py`): title
//! rows above the header, a unit column, "I. Tên nhóm" rows merged across the table or "II)"
//! with the title beside it, numbering restarting in each section, agency cells with one agency
//! a line (Word paragraphs, Excel line breaks), comma lists, "every agency" phrases and named
//! groups, and Excel numbers stored as numbers and as percentages. Each file is imported into a
//! fresh database, so "every agency" means the four agencies each commune starts with.

use chitieu_e2e::TestApp;
use serde_json::Value;

use super::expected::{Appendix, BANKS, HDND_OFFICE};
use super::imports::{check_stored, check_summary};
use super::layout_appendices::{
    SCHOOLS, TT_CENTRE, nghi_duong_appendix_1_lines, thai_tan_yearly_2025,
};
use super::support::{fixture, import, plan_json, units};

/// Imports `file` as a new plan and catalog, checks the summary and what is stored.
async fn import_and_check(app: &TestApp, appendix: &Appendix, file: &str) -> Value {
    let stem = file.replace(['.', '_'], "-").to_ascii_uppercase();
    let (plan, catalog) = (format!("P-{stem}"), format!("C-{stem}"));
    let body = plan_json(&plan, appendix.commune, &catalog);
    let (status, summary) = import(app, file, &fixture(file), &body, false).await;
    assert_eq!(status, 201, "{file}: {summary}");
    check_summary(&summary, appendix);
    check_stored(app, appendix, &plan, &catalog).await;
    summary
}

fn proposed(summary: &Value) -> Vec<(String, String)> {
    summary["proposedUnits"]
        .as_array()
        .expect("proposed units")
        .iter()
        .map(|u| {
            let text = |k: &str| u[k].as_str().unwrap_or_default().to_owned();
            (text("code"), text("name"))
        })
        .collect()
}

async fn thai_tan_yearly(app: TestApp, file: &str) {
    units(&app).await;
    let summary = import_and_check(&app, &thai_tan_yearly_2025(), file).await;
    // One unit for the agency written with a hyphen and with an en dash; the named group
    // kept as written; nothing made of several agencies run together.
    assert_eq!(
        proposed(&summary),
        [
            (
                SCHOOLS.to_owned(),
                "Các cơ sở giáo dục trên địa bàn xã".to_owned()
            ),
            (TT_CENTRE.to_owned(), "Trung tâm VH TT - TT".to_owned()),
        ]
    );
    let warnings: Vec<&str> = summary["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter_map(|d| d["message"].as_str())
        .filter(|m| !m.contains("qualitative"))
        .collect();
    assert_eq!(
        warnings,
        [
            "the lead cell names several agencies: \"Công an xã\" leads, \"Phòng Văn hoá – Xã \
             hội\" is taken as coordinating"
        ],
        "restarting numbers and merged headings give no warning"
    );
}

pub async fn a_yearly_plan_from_word_keeps_sections_numbers_and_agencies_as_printed(app: TestApp) {
    thai_tan_yearly(app, "thai_tan_yearly_2025.docx").await;
}

pub async fn a_yearly_plan_from_excel_keeps_sections_numbers_and_agencies_as_printed(app: TestApp) {
    thai_tan_yearly(app, "thai_tan_yearly_2025.xlsx").await;
}

async fn nghi_duong_lines(app: TestApp, file: &str) {
    units(&app).await;
    let summary = import_and_check(&app, &nghi_duong_appendix_1_lines(), file).await;
    assert_eq!(
        proposed(&summary),
        [
            (HDND_OFFICE.to_owned(), "Văn phòng HĐND và UBND".to_owned()),
            (BANKS.to_owned(), "Các Ngân hàng".to_owned()),
        ],
        "a name broken over two lines is one agency"
    );
    let years: Vec<&str> = summary["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.contains("no year"))
        .collect();
    assert_eq!(
        years,
        [
            "13 rows: the target column has no year; read as 2030 (the section's title)",
            "2 rows: the target column has no year; read as 2045 (the section's title)"
        ]
    );
}

pub async fn an_appendix_from_word_with_agencies_one_a_paragraph_reads_as_printed(app: TestApp) {
    nghi_duong_lines(app, "nghi_duong_appendix_1_lines.docx").await;
}

pub async fn an_appendix_from_excel_with_line_breaks_in_cells_reads_as_printed(app: TestApp) {
    nghi_duong_lines(app, "nghi_duong_appendix_1_lines.xlsx").await;
}
