//! Plan import without the HTTP layer: the fixtures of seeds 001 and 002 in DOCX, XLSX and
//! CSV/TSV read to the same sections, items and targets; and the import stored on SQLite in
//! one transaction, rolled back for a dry run or an error.

use chitieu_schema::StoreError;
use chitieu_schema::db::{DatabaseUrl, Db, run_pending_migrations};
use chitieu_schema::domain::ValueKind;
use chitieu_schema::domain::{CatalogCode, DeadlineRules, Name, OrgUnitCode, OrgUnitKind};
use chitieu_schema::org_units::{self, NewOrgUnit};
use chitieu_schema::plan_import::{
    Claim, ImportError, ImportLimits, ImportRequest, ParsedTable, RefStyle, Table, apply,
    read_tables, understand,
};
use chitieu_schema::plans::{self, NewPlan, PlanCode};
use chitieu_schema::schema::{indicators, org_units as units, plans as plan_rows};
use chrono::NaiveDate;
use diesel::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/plan_import");

fn parse(file: &str) -> ParsedTable {
    let bytes = std::fs::read(format!("{FIXTURES}/{file}")).unwrap();
    let tables = read_tables(&bytes, Claim::named(file), &ImportLimits::default()).unwrap();
    understand(&tables, 2045).unwrap()
}

/// What an item says, without where it was found.
fn items(parsed: &ParsedTable) -> Vec<String> {
    parsed
        .items
        .iter()
        .map(|i| {
            let targets: Vec<String> = i
                .targets
                .iter()
                .map(|(y, t)| format!("{y}={}", t.raw()))
                .collect();
            format!(
                "{} ({}) {:?} {} | {:?} | {:?} | {} | lead {:?} | {:?} | {:?}",
                i.number.as_str(),
                i.written_number,
                i.section.as_ref().map(|s| s.as_str().to_owned()),
                i.name,
                i.unit,
                i.kind,
                targets.join("; "),
                i.lead,
                i.coordinating,
                i.output_product
            )
        })
        .collect()
}

#[test]
fn the_docx_xlsx_ods_and_csv_of_each_appendix_read_to_the_same_items() {
    for (stem, text) in [
        ("nghi_duong_appendix_1", "csv"),
        ("nghi_duong_appendix_2", "csv"),
        ("thai_tan_appendix_2", "tsv"),
    ] {
        let from_text = parse(&format!("{stem}.{text}"));
        let others: &[&str] = if stem.starts_with("thai_tan") {
            &["docx", "xlsx", "ods"]
        } else {
            &["docx", "xlsx"]
        };
        for other in others {
            let parsed = parse(&format!("{stem}.{other}"));
            assert_eq!(items(&parsed), items(&from_text), "{stem}.{other}");
            let sections = |p: &ParsedTable| {
                p.sections
                    .iter()
                    .map(|s| (s.code.as_str().to_owned(), s.title.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(sections(&parsed), sections(&from_text), "{stem}.{other}");
        }
    }
}

#[test]
fn the_thai_tan_appendix_has_28_items_in_5_sections_with_broken_rows_joined() {
    let parsed = parse("thai_tan_appendix_2.tsv");
    assert_eq!(parsed.items.len(), 28);
    assert_eq!(parsed.sections.len(), 5);
    let item = |n: &str| {
        parsed
            .items
            .iter()
            .find(|i| i.number.as_str() == n)
            .unwrap()
    };
    assert!(item("13").name.ends_with("(STEM) và nghiên cứu khoa học."));
    assert_eq!(
        item("26").lead.as_deref(),
        Some("Trung tâm phục vụ hành\nchính công"),
        "the lead broken over two rows keeps its lines until the agencies are split"
    );
    assert!(parsed.items.iter().all(|i| i.number.as_str() != "16"));
    let gap = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.contains("skips from 15 to 17"));
    assert!(gap.is_some(), "the missing item 16 is reported");
    let joined = parsed
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("continues item"));
    assert_eq!(joined.count(), 2, "item 13's and item 26's continuations");
    assert_eq!(
        item("22").targets[0].1.raw(),
        "$\\geq 70\\%$",
        "kept as written"
    );
}

#[test]
fn a_result_column_takes_the_year_of_its_section_and_sub_items_follow_their_item() {
    let parsed = parse("nghi_duong_appendix_1.docx");
    let item = |n: &str| {
        parsed
            .items
            .iter()
            .find(|i| i.number.as_str() == n)
            .unwrap()
    };
    assert_eq!(item("1").targets[0].0, 2030);
    assert_eq!(item("19").targets[0].0, 2045);
    let sub_items: Vec<&str> = parsed
        .items
        .iter()
        .filter(|i| i.number.parent().is_some())
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(sub_items, ["7.1", "7.2", "7.6", "12.1", "12.2"]);
    assert_eq!(item("7.6").lead.as_deref(), Some("Văn phòng HĐND và\nUBND"));
    let heading = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("item 7 groups its sub-items"));
    assert!(heading.is_some(), "item 7 is a heading of 7.1 to 7.6");
}

#[test]
fn a_table_longer_than_the_row_limit_is_refused_naming_the_limit() {
    let bytes = std::fs::read(format!("{FIXTURES}/thai_tan_appendix_2.tsv")).unwrap();
    let limits = ImportLimits {
        max_rows: 10,
        ..ImportLimits::default()
    };
    let refused = read_tables(&bytes, Claim::named("a.tsv"), &limits).unwrap_err();
    assert!(
        matches!(refused, ImportError::TooManyRows { limit: 10, .. }),
        "{refused}"
    );
}

fn table(rows: &[&[&str]]) -> Table {
    let rows = rows
        .iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect();
    Table::new(RefStyle::Lines, rows)
}

#[test]
fn a_row_numbering_the_columns_is_skipped_and_a_second_table_is_reported() {
    let first = table(&[
        &[
            "TT",
            "Nội dung",
            "Đơn vị tính",
            "Năm 2026",
            "Cơ quan thực hiện",
        ],
        &["(1)", "(2)", "(3)", "(4)", "(5)"],
        &["I", "Phát triển hạ tầng", "", "", ""],
        &[
            "1",
            "Số doanh nghiệp số",
            "doanh nghiệp",
            "≥ 5",
            "Phòng Kinh tế",
        ],
        &["", "trên địa bàn", "", "", ""],
        &["-", "một dòng gạch đầu dòng", "", "", ""],
    ]);
    let second = table(&[&["STT", "Chỉ tiêu", "Năm 2030"], &["1", "Tỷ lệ", "100%"]]);
    let parsed = understand(&[first, second], 2030).unwrap();
    assert_eq!(parsed.items.len(), 1);
    let item = &parsed.items[0];
    assert_eq!(item.name, "Số doanh nghiệp số trên địa bàn");
    assert_eq!(item.kind, ValueKind::Count);
    assert_eq!(item.targets[0].0, 2026);
    assert!(item.lead.is_none(), "a coordinating column names no lead");
    assert_eq!(item.coordinating.as_deref(), Some("Phòng Kinh tế"));
    let said = |words: &str| parsed.diagnostics.iter().any(|d| d.message.contains(words));
    assert!(said("numbering the columns"));
    assert!(said("another indicator table"));
    assert!(said("neither an item number"), "the dash row is reported");
}

fn database() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&format!("sqlite://{}/import.db", dir.path().display())).unwrap();
    let mut db = Db::open(&url).unwrap();
    run_pending_migrations(&mut db).unwrap();
    for (code, name, kind, parent) in [
        ("31", "Thành phố Hải Phòng", OrgUnitKind::Province, None),
        ("31001", "Xã Thái Tân", OrgUnitKind::Commune, Some("31")),
        (
            "31001-VHXH",
            "Phòng Văn hoá – Xã hội",
            OrgUnitKind::Unit,
            Some("31001"),
        ),
        (
            "31001-KT",
            "Phòng Kinh tế",
            OrgUnitKind::Unit,
            Some("31001"),
        ),
    ] {
        let new = NewOrgUnit {
            code: OrgUnitCode::parse(code).unwrap(),
            name: Name::parse(name).unwrap(),
            kind,
            parent_code: parent.map(|p| OrgUnitCode::parse(p).unwrap()),
            valid_from: None,
        };
        org_units::create(&mut db, &new).unwrap();
    }
    (dir, db)
}

fn plan(code: &str, catalog: &str) -> NewPlan {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    NewPlan {
        code: PlanCode::parse(code).unwrap(),
        number: Name::parse("18/KH-UBND").unwrap(),
        issued_on: date(2025, 8, 18),
        title: Name::parse("Kế hoạch thực hiện Nghị quyết 57-NQ/TW").unwrap(),
        issuing_unit: OrgUnitCode::parse("31001").unwrap(),
        catalog: CatalogCode::parse(catalog).unwrap(),
        valid_from: date(2025, 8, 18),
        valid_to: date(2045, 12, 31),
        deadlines: DeadlineRules::default(),
    }
}

fn stored(db: &mut Db) -> (i64, i64, i64) {
    (
        plan_rows::table.count().get_result(db).unwrap(),
        indicators::table.count().get_result(db).unwrap(),
        units::table.count().get_result(db).unwrap(),
    )
}

#[test]
fn an_import_is_stored_in_one_transaction_and_a_dry_run_rolls_it_back() {
    let (_dir, mut db) = database();
    let parsed = parse("thai_tan_appendix_2.tsv");
    let empty = stored(&mut db);
    let dry = ImportRequest {
        plan: plan("TT-18", "NQ57-TT"),
        dry_run: true,
    };
    let summary = apply(&mut db, &parsed, dry).unwrap();
    assert!(summary.dry_run);
    assert_eq!(summary.items.len(), 28);
    let proposed: Vec<&str> = summary
        .proposed_units
        .iter()
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(
        proposed,
        ["31001-TRUNG-TAM-PHUC-VU-HANH-CHINH", "31001-CONG-AN-XA"]
    );
    assert_eq!(stored(&mut db), empty, "a dry run stores nothing");

    let real = ImportRequest {
        plan: plan("TT-18", "NQ57-TT"),
        dry_run: false,
    };
    let summary = apply(&mut db, &parsed, real).unwrap();
    assert!(!summary.dry_run);
    assert_eq!(stored(&mut db), (empty.0 + 1, empty.1 + 28, empty.2 + 2));
    let items = plans::list_items(&mut db, "TT-18").unwrap();
    assert_eq!(items.len(), 28);
    assert_eq!(items[0].lead_unit_code.as_deref(), Some("31001-VHXH"));

    // The plan code is taken: the new catalog and its indicators go with the failed plan.
    let after = stored(&mut db);
    let clash = ImportRequest {
        plan: plan("TT-18", "NQ57-TT-AGAIN"),
        dry_run: false,
    };
    let refused = apply(&mut db, &parsed, clash).unwrap_err();
    assert!(
        matches!(refused, ImportError::Store(StoreError::Conflict { .. })),
        "{refused}"
    );
    assert_eq!(stored(&mut db), after, "nothing is half-imported");
}

#[test]
fn the_layouts_officials_use_read_alike_from_word_and_excel() {
    for stem in ["thai_tan_yearly_2025", "nghi_duong_appendix_1_lines"] {
        let docx = parse(&format!("{stem}.docx"));
        let xlsx = parse(&format!("{stem}.xlsx"));
        if std::env::var("SHOW").is_ok() {
            for line in items(&docx) {
                println!("{line}");
            }
            for d in &docx.diagnostics {
                println!("{d}");
            }
        }
        assert_eq!(items(&docx), items(&xlsx), "{stem}");
    }
}
