use super::*;
use crate::plan_import::table::RefStyle;

const HEADER: &[&str] = &["STT", "Chỉ tiêu", "Năm 2026", "Cơ quan chủ trì"];

fn read(rows: &[&[&str]]) -> ParsedTable {
    let rows = std::iter::once(HEADER)
        .chain(rows.iter().copied())
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect();
    understand(&[Table::new(RefStyle::Lines, rows)], 2026).expect("a table")
}

fn sections(parsed: &ParsedTable) -> Vec<(&str, &str)> {
    parsed
        .sections
        .iter()
        .map(|s| (s.code.as_str(), s.title.as_str()))
        .collect()
}

fn items(parsed: &ParsedTable) -> Vec<(String, String)> {
    parsed
        .items
        .iter()
        .map(|i| {
            let section = i.section.as_ref().map_or("", |s| s.as_str()).to_owned();
            (section, i.number.as_str().to_owned())
        })
        .collect()
}

fn warnings(parsed: &ParsedTable) -> Vec<&str> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::plan_import::Severity::Warning)
        .map(|d| d.message.as_str())
        .collect()
}

#[test]
fn section_rows_are_read_in_every_form_and_numbering_restarts_without_a_warning() {
    let merged = "I. Phát triển hạ tầng";
    let parsed = read(&[
        &[merged, merged, merged, merged],
        &["1", "Tỷ lệ phủ sóng 5G", "100%", "Phòng Kinh tế"],
        &["2", "Tỷ lệ phủ sóng 6G", "-", "Phòng Kinh tế"],
        &["II.", "Phát triển nguồn lực", "", ""],
        &["1", "Tỷ lệ chi cho KHCN", "3%", "Phòng Kinh tế"],
        &["III)", "", "Phát triển KHCN", "Phát triển KHCN"],
        &["1", "Số lượng nhiệm vụ", "≥ 20", "Phòng Kinh tế"],
        &["", "IV. Hệ sinh thái ĐMST", "", ""],
        &["1", "Số lượng đề tài", "5", "Phòng Kinh tế"],
        &["V", "V. Phát triển CĐS", "V. Phát triển CĐS", ""],
        &["1", "Chỉ số CĐS xã", "Đạt", "Phòng Kinh tế"],
    ]);
    assert_eq!(
        sections(&parsed),
        [
            ("I", "Phát triển hạ tầng"),
            ("II", "Phát triển nguồn lực"),
            ("III", "Phát triển KHCN"),
            ("IV", "Hệ sinh thái ĐMST"),
            ("V", "Phát triển CĐS"),
        ]
    );
    let wanted: Vec<(String, String)> = [
        ("I", "1"),
        ("I", "2"),
        ("II", "1"),
        ("III", "1"),
        ("IV", "1"),
        ("V", "1"),
    ]
    .iter()
    .map(|(s, n)| ((*s).to_owned(), (*n).to_owned()))
    .collect();
    assert_eq!(items(&parsed), wanted);
    assert!(warnings(&parsed).is_empty(), "{:?}", warnings(&parsed));
}

#[test]
fn gaps_and_repeats_within_a_section_still_warn() {
    let parsed = read(&[
        &["I", "Hạ tầng", "", ""],
        &["1", "Tỷ lệ A", "1", "Phòng Kinh tế"],
        &["3", "Tỷ lệ B", "1", "Phòng Kinh tế"],
        &["3", "Tỷ lệ C", "1", "Phòng Kinh tế"],
    ]);
    let warnings = warnings(&parsed);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("skips from 1 to 3"));
    assert!(warnings[1].contains("number 3 appears twice in section I"));
    assert_eq!(parsed.items[2].number.as_str(), "4");
}

#[test]
fn arabic_sections_head_their_numbered_items() {
    let parsed = read(&[
        &["1.", "Hạ tầng số", "", ""],
        &["1.1", "Tỷ lệ phủ sóng 5G", "100%", "Phòng Kinh tế"],
        &["1.2", "Tỷ lệ phủ sóng 6G", "50%", "Phòng Kinh tế"],
        &["2.", "Nguồn lực", "", ""],
        &["2.1", "Tỷ lệ chi cho KHCN", "3%", "Phòng Kinh tế"],
    ]);
    assert_eq!(sections(&parsed), [("1", "Hạ tầng số"), ("2", "Nguồn lực")]);
    let numbers: Vec<(String, String)> = items(&parsed);
    assert_eq!(numbers[0], ("1".to_owned(), "1.1".to_owned()));
    assert_eq!(numbers[2], ("2".to_owned(), "2.1".to_owned()));
    assert!(warnings(&parsed).is_empty(), "{:?}", warnings(&parsed));
}

#[test]
fn an_item_heading_its_sub_items_under_a_roman_section_stays_an_item() {
    let parsed = read(&[
        &["I", "Đến năm 2030", "", ""],
        &["7", "Chỉ tiêu về dịch vụ công", "", ""],
        &[
            "7.1",
            "Tỷ lệ dịch vụ công trực tuyến",
            "> 80",
            "Phòng Kinh tế",
        ],
    ]);
    assert_eq!(parsed.items.len(), 2);
    assert_eq!(parsed.items[1].number.parent().unwrap().as_str(), "7");
}

#[test]
fn lettered_groups_whose_numerals_restart_qualify_their_sections() {
    let parsed = read(&[
        &["A", "Chỉ tiêu đến năm 2030", "", ""],
        &["I", "Hạ tầng", "", ""],
        &["1", "Tỷ lệ A", "1", "Phòng Kinh tế"],
        &["B", "Chỉ tiêu đến năm 2045", "", ""],
        &["I", "Hạ tầng", "", ""],
        &["1", "Tỷ lệ A", "2", "Phòng Kinh tế"],
    ]);
    let codes: Vec<&str> = parsed.sections.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["A", "A.I", "B", "B.I"]);
    assert_eq!(
        items(&parsed),
        [
            ("A.I".to_owned(), "1".to_owned()),
            ("B.I".to_owned(), "1".to_owned())
        ]
    );
}

#[test]
fn a_number_and_its_name_in_one_cell_are_an_item() {
    let parsed = read(&[
        &["I", "Hạ tầng", "", ""],
        &[
            "1. Tỷ lệ phủ sóng 5G",
            "1. Tỷ lệ phủ sóng 5G",
            "100%",
            "Phòng Kinh tế",
        ],
    ]);
    assert_eq!(parsed.items[0].name, "Tỷ lệ phủ sóng 5G");
    assert_eq!(parsed.items[0].number.as_str(), "1");
}

#[test]
fn a_target_column_without_a_year_is_said_once_for_all_its_rows() {
    let rows: Vec<Vec<String>> = std::iter::once(vec!["STT", "Chỉ tiêu", "Kết quả"])
        .chain((1..=62).map(|_| vec!["", "", ""]))
        .enumerate()
        .map(|(i, r)| {
            if i == 0 {
                r.iter().map(|c| (*c).to_owned()).collect()
            } else {
                vec![i.to_string(), format!("Tỷ lệ {i}"), "100%".to_owned()]
            }
        })
        .collect();
    let parsed = understand(&[Table::new(RefStyle::Lines, rows)], 2026).unwrap();
    let said: Vec<&Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no year"))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(
        said[0].message,
        "62 rows: the target column has no year; read as 2026 (the plan's last year)"
    );
}

#[test]
fn an_item_numbered_with_its_section_keeps_its_number_in_that_section() {
    let parsed = read(&[
        &["II", "Nguồn lực", "", ""],
        &["II.1", "Tỷ lệ chi cho KHCN", "3%", "Phòng Kinh tế"],
        &["II.2", "Tỷ lệ cán bộ", "80%", "Phòng Kinh tế"],
    ]);
    assert_eq!(
        items(&parsed),
        [
            ("II".to_owned(), "1".to_owned()),
            ("II".to_owned(), "2".to_owned())
        ]
    );
}
