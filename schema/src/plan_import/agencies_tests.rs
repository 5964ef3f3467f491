use super::*;

fn units() -> Vec<(String, String)> {
    [
        ("31001-VHXH", "Phòng Văn hoá – Xã hội"),
        ("31001-KT", "Phòng Kinh tế"),
        ("31001-TTHCC", "Trung tâm phục vụ hành chính công"),
        ("31001-UBND", "Ủy ban nhân dân xã"),
    ]
    .iter()
    .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
    .collect()
}

fn named(names: &[&str]) -> Vec<AgencyName> {
    names
        .iter()
        .map(|n| AgencyName::Named((*n).to_owned()))
        .collect()
}

#[test]
fn agencies_match_regardless_of_dashes_tone_marks_punctuation_and_abbreviations() {
    let units = units();
    for written in [
        "Phòng Văn hóa-Xã hội",
        "Phòng VH-XH",
        "phòng văn hoá – xã hội",
        "Phòng Văn hóa, Xã hội",
    ] {
        assert_eq!(
            find_unit(&units, written).unwrap().0,
            "31001-VHXH",
            "{written}"
        );
    }
    assert_eq!(find_unit(&units, "Kinh tế").unwrap().0, "31001-KT");
    assert_eq!(
        find_unit(&units, "Trung tâm phục vụ HCC").unwrap().0,
        "31001-TTHCC"
    );
    assert_eq!(find_unit(&units, "UBND xã").unwrap().0, "31001-UBND");
    assert_eq!(
        find_unit(&units, "Phòng Kinh tế (chủ trì)").unwrap().0,
        "31001-KT"
    );
    assert!(find_unit(&units, "Các Ngân hàng").is_none());
    assert_eq!(
        agency_key("Văn phòng HĐND, UBND"),
        agency_key("Văn phòng HĐND  UBND")
    );
}

fn split(cell: &str) -> Vec<AgencyName> {
    let units = units();
    split_agencies(cell, |name| find_unit(&units, name).is_some())
}

#[test]
fn a_cell_splits_on_lines_and_semicolons_and_joins_a_name_broken_over_lines() {
    assert_eq!(
        split("Phòng Kinh tế\nPhòng Văn hóa - Xã hội\n- Công an xã;"),
        named(&["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Công an xã"])
    );
    assert_eq!(
        split("Văn phòng HĐND và\nUBND"),
        named(&["Văn phòng HĐND và UBND"])
    );
    assert_eq!(
        split("Trung tâm phục vụ\nhành chính công"),
        named(&["Trung tâm phục vụ hành chính công"])
    );
    assert_eq!(
        split("Trung tâm phục vụ\nHCC"),
        named(&["Trung tâm phục vụ HCC"])
    );
    assert_eq!(
        split("Phòng VH-XH;\nKinh tế"),
        named(&["Phòng VH-XH", "Kinh tế"])
    );
    assert_eq!(
        split("Phòng Kinh tế, UBND xã\nCác cơ sở giáo dục trên địa bàn"),
        named(&[
            "Phòng Kinh tế",
            "UBND xã",
            "Các cơ sở giáo dục trên địa bàn"
        ])
    );
    assert_eq!(
        split("Các cơ quan, đơn vị; Công an xã"),
        [
            AgencyName::Everyone("Các cơ quan, đơn vị".into()),
            AgencyName::Named("Công an xã".into())
        ]
    );
}

#[test]
fn every_agency_is_a_short_list_of_whole_phrases_and_groups_stay_named() {
    for everyone in [
        "Các cơ quan, đơn vị",
        "Cơ cơ quan, đơn vị",
        "Các phòng, đơn vị",
        "các phòng, ban, đơn vị liên quan",
        "Tất cả các cơ quan, đơn vị",
        "Các phòng chuyên môn",
        "Các sở, ban, ngành",
    ] {
        assert!(is_every_agency(everyone), "{everyone}");
    }
    for group in [
        "Các cơ quan thuộc UBND xã",
        "Các trường học trực thuộc Phòng Văn hóa - Xã hội",
        "Các Ngân hàng",
        "Các phòng, đơn vị có dịch vụ công",
    ] {
        assert!(!is_every_agency(group), "{group}");
    }
}

#[test]
fn a_comma_list_splits_only_when_every_part_is_an_agency() {
    let units = units();
    let known = |name: &str| find_unit(&units, name).is_some();
    let known = &known;
    assert_eq!(
        comma_parts("Phòng Kinh tế, UBND xã", known),
        Some(vec!["Phòng Kinh tế".to_owned(), "UBND xã".to_owned()])
    );
    assert_eq!(
        comma_parts("Phòng Kinh tế, Văn hóa - Xã hội", known),
        Some(vec![
            "Phòng Kinh tế".to_owned(),
            "Văn hóa - Xã hội".to_owned()
        ])
    );
    assert_eq!(comma_parts("Phòng Văn hóa, Thông tin", known), None);
    assert_eq!(comma_parts("Các cơ quan, đơn vị", known), None);
    assert_eq!(
        comma_parts("Phòng Kinh tế, các cơ quan, đơn vị liên quan", known),
        Some(vec![
            "Phòng Kinh tế".to_owned(),
            "các cơ quan, đơn vị liên quan".to_owned()
        ])
    );
}

#[test]
fn proposed_codes_are_the_issuing_code_and_an_ascii_slug() {
    assert_eq!(
        unit_code_for("31001", "Văn phòng HĐND và UBND", |_| false),
        "31001-VAN-PHONG-HDND-VA-UBND"
    );
    assert_eq!(
        unit_code_for("31001", "Các Ngân hàng", |c| c == "31001-CAC-NGAN-HANG"),
        "31001-CAC-NGAN-HANG-2"
    );
    let long = unit_code_for("31001", &"Trung tâm ".repeat(10), |_| false);
    assert!(long.len() <= 40, "{long}");
    assert!(long.ends_with("-TAM"), "cut between words: {long}");
}
