//! Plan import without the HTTP layer: the fixtures of seeds 001 and 002 in DOCX, XLSX and CSV
//! read to the same sections, items and targets; and the import stored on SQLite.

use chitieu_schema::plan_import::{ImportLimits, ParsedTable, read_tables, understand};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/plan_import");

fn parse(file: &str) -> ParsedTable {
    let bytes = std::fs::read(format!("{FIXTURES}/{file}")).unwrap();
    let tables = read_tables(&bytes, Some(file), &ImportLimits::default()).unwrap();
    understand(&tables, 2045).unwrap()
}

#[test]
fn dump() {
    for file in [
        "nghi_duong_appendix_1.docx",
        "nghi_duong_appendix_1.xlsx",
        "nghi_duong_appendix_1.csv",
        "nghi_duong_appendix_2.docx",
        "nghi_duong_appendix_2.xlsx",
        "nghi_duong_appendix_2.csv",
        "thai_tan_appendix_2.docx",
        "thai_tan_appendix_2.xlsx",
        "thai_tan_appendix_2.tsv",
    ] {
        let parsed = parse(file);
        println!("=== {file} header {}", parsed.header_reference);
        for s in &parsed.sections {
            println!("S {} {}", s.code.as_str(), s.title);
        }
        for i in &parsed.items {
            let targets: Vec<String> = i
                .targets
                .iter()
                .map(|(y, t)| format!("{y}={}", t.raw()))
                .collect();
            println!(
                "{} ({}) [{:?}] {:?} unit={:?} kind={:?} {:?} lead={:?} coord={:?} out={:?}",
                i.number.as_str(),
                i.written_number,
                i.section.as_ref().map(|s| s.as_str()),
                i.name,
                i.unit,
                i.kind,
                targets,
                i.lead,
                i.coordinating,
                i.output_product
            );
        }
        for d in &parsed.diagnostics {
            if d.severity == chitieu_schema::plan_import::Severity::Warning {
                println!("  {d}");
            }
        }
    }
}
