//! Target notation: every form listed in DOMAIN.md, every target cell of the Thái Tân plan
//! (seed 002, appendix 2), and properties that hold for any input.

use chitieu_schema::domain::{Bound, Target, TargetMeaning, TargetUnit};
use proptest::prelude::*;

/// A compact reading of a target, for tables of hand-checked expectations.
fn describe(cell: &str) -> String {
    let target = Target::parse(cell);
    match target.meaning() {
        TargetMeaning::NoTarget => "none".to_owned(),
        TargetMeaning::Status(label) => format!("status {label}"),
        TargetMeaning::Qualitative { .. } => "qualitative".to_owned(),
        TargetMeaning::Numeric(n) => {
            let unit = match n.unit {
                TargetUnit::AsIndicator => "",
                TargetUnit::Percent => " %",
                TargetUnit::Rank => " rank",
            };
            let bound = match n.bound {
                Bound::AtLeast(v) => format!(">= {v}"),
                Bound::MoreThan(v) => format!("> {v}"),
                Bound::AtMost(v) => format!("<= {v}"),
                Bound::LessThan(v) => format!("< {v}"),
                Bound::Reach(v) => format!("reach {v}"),
                Bound::Between(a, b) => format!("{a}..{b}"),
            };
            format!("{bound}{unit}")
        }
    }
}

#[test]
fn every_form_listed_in_the_domain_reference_is_read_as_a_person_would() {
    let expectations = [
        ("≥ 70", ">= 70"),
        (">60%", "> 60 %"),
        ("≥60%", ">= 60 %"),
        ("$\\geq 70\\%$", ">= 70 %"),
        ("100%", "reach 100 %"),
        ("80-90%", "80..90 %"),
        ("80% - 90%", "80..90 %"),
        ("> 0,77", "> 0.77"),
        ("≥ 0,7", ">= 0.7"),
        ("đạt 3%", "reach 3 %"),
        ("đạt trên 3,5%", "> 3.5 %"),
        ("phấn đấu ít nhất 3%", ">= 3 %"),
        ("phần đầu ít nhất 2-3%", "2..3 %"),
        ("Phấn đấu đạt 3%", "reach 3 %"),
        ("≥ 01", ">= 1"),
        ("01", "reach 1"),
        ("800", "reach 800"),
        ("Top 50 của thành phố", "<= 50 rank"),
        ("< 70", "< 70"),
        ("Đạt", "status Đạt"),
        ("Có", "status Có"),
        ("Duy trì", "status Duy trì"),
        ("Nâng cấp", "status Nâng cấp"),
        ("Kết nối", "status Kết nối"),
        ("Đáp ứng", "status Đáp ứng"),
        ("Hoạt động ổn định", "status Hoạt động ổn định"),
        ("hoạt động ổn định.", "status Hoạt động ổn định"),
        ("Thực hiện thường xuyên trong các năm", "qualitative"),
        ("Hàng năm bình quân có ≥ 5 đề tài, sáng kiến", "qualitative"),
        ("Đạt chỉ tiêu thành phố giao", "qualitative"),
        ("-", "none"),
        ("", "none"),
        ("   ", "none"),
    ];
    for (cell, expected) in expectations {
        assert_eq!(describe(cell), expected, "cell {cell:?}");
    }
}

#[test]
fn doubtful_cells_are_left_to_a_person() {
    for cell in [
        "> 95% đối với cơ sở giáo dục phổ thông và > 90% đối với mầm non",
        "1.000", // thousands separator or decimal point?
        "≥ 70 doanh nghiệp mỗi năm",
        "90-80%",   // a backwards range
        "> 70-80%", // a range with a strict bound
        "đạt ≤ 5%", // words and symbol disagree? no: đạt is neutral, so this one is fine
    ] {
        let target = Target::parse(cell);
        if cell == "đạt ≤ 5%" {
            assert_eq!(describe(cell), "<= 5 %");
            continue;
        }
        assert!(
            matches!(target.meaning(), TargetMeaning::Qualitative { reason } if !reason.is_empty()),
            "{cell:?} should be qualitative, got {:?}",
            target.meaning()
        );
    }
}

#[test]
fn the_raw_text_is_kept_exactly_in_nfc() {
    let decomposed = "đa\u{323}t tre\u{302}n 3,5%";
    let target = Target::parse(decomposed);
    assert_eq!(target.raw(), "đạt trên 3,5%");
    assert_eq!(describe(decomposed), "> 3.5 %");
}

/// Every target cell of the Thái Tân plan, hand-checked.
#[test]
fn every_target_cell_of_the_thai_tan_plan_is_read_as_hand_checked() {
    let expected = |cell: &str| -> Option<&'static str> {
        Some(match cell {
            "≥60%" => ">= 60 %",
            "100%" => "reach 100 %",
            "-" | "" => "none",
            "50%" => "reach 50 %",
            "80%" => "reach 80 %",
            "phần đầu ít nhất 2-3%" => "2..3 %",
            "đạt 3%" => "reach 3 %",
            "đạt trên 3%" => "> 3 %",
            "đạt trên 3,5%" => "> 3.5 %",
            "2%" => "reach 2 %",
            "90%" => "reach 90 %",
            "95%" => "reach 95 %",
            "97%" => "reach 97 %",
            "80-90%" => "80..90 %",
            "≥ 90%" => ">= 90 %",
            "≥ 75%" => ">= 75 %",
            "≥ 95%" => ">= 95 %",
            "≥ 70%" => ">= 70 %",
            "≥ 80%" => ">= 80 %",
            "≥ 20" => ">= 20",
            "Thực hiện thường xuyên trong các năm" => "qualitative",
            "Hàng năm bình quân có ≥ 5 đề tài, sáng kiến" => "qualitative",
            "Đạt chỉ tiêu thành phố giao" => "qualitative",
            "$\\geq 70\\%$" => ">= 70 %",
            "$\\geq 80\\%$" => ">= 80 %",
            "$\\geq 85\\%$" => ">= 85 %",
            "$\\geq 95\\%$" => ">= 95 %",
            "$\\geq 10\\%$" => ">= 10 %",
            "20%" => "reach 20 %",
            "30%" => "reach 30 %",
            "40%" => "reach 40 %",
            "85%" => "reach 85 %",
            _ => return None,
        })
    };
    let table = include_str!("fixtures/thai_tan_appendix2.tsv");
    let mut cells = 0;
    for line in table.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let is_item = fields
            .first()
            .is_some_and(|f| f.trim().chars().all(|c| c.is_ascii_digit()) && !f.trim().is_empty());
        if !is_item || fields.len() < 7 {
            continue;
        }
        for cell in &fields[2..7] {
            let cell = cell.trim();
            let wanted =
                expected(cell).unwrap_or_else(|| panic!("no hand-checked reading for {cell:?}"));
            assert_eq!(describe(cell), wanted, "cell {cell:?} in line {line:?}");
            cells += 1;
        }
    }
    assert!(
        cells >= 100,
        "only {cells} cells were read from the fixture"
    );
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking_and_kept(raw in "\\PC{0,40}") {
        let target = Target::parse(&raw);
        let trimmed = raw.trim();
        prop_assert!(target.raw().chars().count() <= trimmed.chars().count() + 8);
    }

    #[test]
    fn a_number_is_never_invented(raw in "[≥>≤<= ]{0,2}[0-9]{1,4}([,.][0-9]{1,3})?[ %]{0,2}(-[0-9]{1,3}%?)?") {
        let target = Target::parse(&raw);
        if let Some(numeric) = target.numeric() {
            let digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
            for value in numeric.bound.values() {
                let written: String = value.to_string().chars().filter(|c| c.is_ascii_digit()).collect();
                let written = written.trim_start_matches('0');
                prop_assert!(digits.contains(written), "{value} not in {raw:?}");
            }
        }
    }

    #[test]
    fn symbol_number_percent_round_trips(
        op in prop::sample::select(vec!["≥", ">", "≤", "<", ""]),
        integer in 0u32..10_000,
        fraction in prop::option::of(1u32..100),
        percent in any::<bool>(),
        space in any::<bool>(),
    ) {
        let number = match fraction {
            Some(f) => format!("{integer},{f}"),
            None => integer.to_string(),
        };
        let cell = format!("{op}{}{number}{}", if space { " " } else { "" }, if percent { "%" } else { "" });
        let expected_value = match fraction {
            Some(f) => format!("{integer}.{f}").trim_end_matches('0').trim_end_matches('.').to_owned(),
            None => integer.to_string(),
        };
        let word = match op { "≥" => ">=", ">" => ">", "≤" => "<=", "<" => "<", _ => "reach" };
        let unit = if percent { " %" } else { "" };
        prop_assert_eq!(describe(&cell), format!("{word} {expected_value}{unit}"));
    }
}

/// Every target cell of the Nghi Dương plan (seed 001, appendices 1 and 2), hand-checked.
#[test]
fn every_target_cell_of_the_nghi_duong_plan_is_read_as_hand_checked() {
    let table = include_str!("fixtures/nghi_duong_targets.tsv");
    let mut cells = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [place, cell, reading] = fields[..] else {
            panic!("a fixture line has three columns: {line:?}")
        };
        assert_eq!(describe(cell), reading, "{place}: {cell:?}");
        cells += 1;
    }
    assert!(
        cells >= 140,
        "only {cells} cells were read from the fixture"
    );
}
