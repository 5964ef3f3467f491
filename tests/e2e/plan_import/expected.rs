//! Hand-checked expectations: what a person reads in each appendix table of the seeds.
//! Seed 001's come from the seed text (Appendix 1 has one "Kết quả" column whose year is the
//! section's: "Đến năm 2030", "Đến năm 2045"); seed 002's from `thai_tan_plan_18.tsv`, the
//! plans tests' own hand-made transcription of the same appendix.

use chitieu_e2e::thai_tan;

/// One item of a plan as it must be stored.
#[derive(Debug, Clone)]
pub struct Item {
    /// The stored number: as printed, within the item's section.
    pub number: String,
    /// The number as written in the table.
    pub written: String,
    pub section: &'static str,
    pub kind: String,
    /// `None` where the table has no unit column or an empty cell.
    pub unit: Option<&'static str>,
    /// `(year, cell as written)`, empty cells left out.
    pub targets: Vec<(i32, String)>,
    /// The lead agency's code suffix (`VHXH` for `31001-VHXH`), or a full code of a new unit.
    pub lead: Option<String>,
    pub coordinating: Vec<String>,
    /// The name as printed, where the expectation checks it.
    pub name: Option<String>,
}

pub struct Appendix {
    pub commune: &'static str,
    pub sections: Vec<(&'static str, &'static str)>,
    pub items: Vec<Item>,
}

impl Appendix {
    pub fn sub_items(&self) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|i| i.number.contains('.'))
            .collect()
    }
}

fn item(
    number: &str,
    section: &'static str,
    kind: &str,
    unit: Option<&'static str>,
    targets: &[(i32, &str)],
    lead: Option<&str>,
    coordinating: &[&str],
) -> Item {
    Item {
        number: number.to_owned(),
        written: number.to_owned(),
        section,
        kind: kind.to_owned(),
        unit,
        targets: targets.iter().map(|(y, t)| (*y, (*t).to_owned())).collect(),
        lead: lead.map(str::to_owned),
        coordinating: coordinating.iter().map(|c| (*c).to_owned()).collect(),
        name: None,
    }
}

pub const ALL: [&str; 4] = ["CA", "KT", "TTHCC", "VHXH"];
pub const HDND_OFFICE: &str = "31002-VAN-PHONG-HDND-VA-UBND";
pub const BANKS: &str = "31002-CAC-NGAN-HANG";

/// Seed 001, Appendix 1 (the excerpt in the fixtures): 16 items, 5 of them sub-items.
pub fn nghi_duong_appendix_1() -> Appendix {
    let vh = Some("VHXH");
    let y30 = |t: &str| vec![(2030, t.to_owned())];
    let mut items = vec![
        item("1", "I", "rank", Some("Thứ bậc"), &[], vh, &[]),
        item("2", "I", "rank", Some("Thứ bậc"), &[], vh, &[]),
        item("4", "I", "rank", Some("Thứ bậc"), &[], vh, &[]),
        item("6", "I", "percent", Some("% GDP"), &[], vh, &[]),
        item("7", "I", "status", None, &[], None, &[]),
        item("7.1", "I", "percent", Some("%"), &[], vh, &[]),
        item("7.2", "I", "percent", Some("%"), &[], vh, &[]),
        item(
            "7.6",
            "I",
            "percent",
            Some("%"),
            &[],
            Some(HDND_OFFICE),
            &[],
        ),
        item("8", "I", "percent", Some("%"), &[], Some(BANKS), &[]),
        item(
            "11",
            "I",
            "percent",
            Some("% tổng chi NSNN"),
            &[],
            Some("KT"),
            &[],
        ),
        item("12", "I", "status", None, &[], vh, &[]),
        item("12.1", "I", "percent", Some("%"), &[], vh, &[]),
        item("12.2", "I", "percent", Some("% dân số"), &[], vh, &[]),
        item("17", "I", "rank", Some("Thứ bậc"), &[], vh, &[]),
        item("19", "II", "percent", Some("%"), &[(2045, "100")], vh, &[]),
        item("21", "II", "percent", Some("%"), &[(2045, "100")], vh, &[]),
    ];
    let targets_2030 = [
        "Top 50 của thành phố về phát triển KHCN và ĐMST",
        "Đạt mức cao của TP",
        "Phấn đấu top 50 của TP",
        "> 40",
        "",
        "> 80",
        "100",
        "100",
        "> 85",
        "Phấn đấu đạt 3%",
        "Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng",
        "100",
        "100",
        "< 70",
    ];
    for (item, target) in items.iter_mut().zip(targets_2030) {
        if !target.is_empty() {
            item.targets = y30(target);
        }
    }
    Appendix {
        commune: "31002",
        sections: vec![("I", "Đến năm 2030"), ("II", "Đến năm 2045")],
        items,
    }
}

/// Seed 001, Appendix 2 (excerpt): numbering restarts at 1 in section II and resumes at 14 in
/// III, as printed; each item keeps its printed number within its section (II.1, II.2). (Until
/// numbers were kept per section, II.1 and II.2 were stored as 23 and 24.)
pub fn nghi_duong_appendix_2() -> Appendix {
    let vh = Some("VHXH");
    let items = vec![
        item(
            "1",
            "I",
            "percent",
            None,
            &full(">60%", "100%", "100%", "100%", "100%"),
            vh,
            &[],
        ),
        item(
            "2",
            "I",
            "percent",
            None,
            &full(">60%", "100%", "100%", "100%", "100%"),
            vh,
            &[],
        ),
        item(
            "3",
            "I",
            "percent",
            None,
            &full("-", "-", "50%", "80%", "100%"),
            vh,
            &[],
        ),
        item(
            "1",
            "II",
            "percent",
            None,
            &full(
                "phấn đấu ít nhất 3%",
                "phấn đấu ít nhất 3%",
                "đạt 3%",
                "đạt trên 3%",
                "đạt trên 3,5%",
            ),
            Some("KT"),
            &[],
        ),
        item(
            "2",
            "II",
            "percent",
            None,
            &full("80%", "100%", "100%", "100%", "100%"),
            None,
            &ALL,
        ),
        item(
            "5",
            "II",
            "percent",
            None,
            &full("80%", "90%", "95%", "97%", "100%"),
            vh,
            &["KT"],
        ),
        item(
            "6",
            "II",
            "percent",
            None,
            &full("-", "-", "-", "80-90%", "> 90%"),
            vh,
            &[],
        ),
        item(
            "14",
            "III",
            "score",
            None,
            &full("> 0,77", "> 0,8", "> 0,85", "> 0,92", "đạt 1,0"),
            vh,
            &[],
        ),
        item(
            "15",
            "III",
            "percent",
            None,
            &full("> 70%", "100%", "100%", "100%", "100%"),
            Some("TTHCC"),
            &[],
        ),
        item(
            "21",
            "III",
            "percent",
            None,
            &full("-", "> 10%", "20%", "30%", "40%"),
            Some("CA"),
            &[],
        ),
        item(
            "22",
            "III",
            "percent",
            None,
            &full("> 70%", "85%", "> 95%", "100%", "100%"),
            Some("CA"),
            &["KT", "TTHCC", "VHXH"],
        ),
    ];
    Appendix {
        commune: "31002",
        sections: vec![
            ("I", "Phát triển hạ tầng"),
            ("II", "Phát triển nguồn lực"),
            ("III", "Phát triển CĐS"),
        ],
        items,
    }
}

/// The targets of the five milestone years, 2025 to 2045.
fn full<'a>(a: &'a str, b: &'a str, c: &'a str, d: &'a str, e: &'a str) -> [(i32, &'a str); 5] {
    [(2025, a), (2030, b), (2035, c), (2040, d), (2045, e)]
}

/// Seed 002, Appendix 2: the 28 items of `thai_tan_plan_18.tsv` (the seed has no item 16).
pub fn thai_tan_appendix_2() -> Appendix {
    let items = thai_tan::rows()
        .into_iter()
        .map(|row| {
            let targets = thai_tan::YEARS
                .iter()
                .zip(&row.cells)
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(year, cell)| (year.parse().expect("a year"), cell.clone()))
                .collect();
            let lead = thai_tan::lead_unit(&row.lead).map(|code| code["31001-".len()..].to_owned());
            let coordinating = if lead.is_none() {
                ALL.iter().map(|c| (*c).to_owned()).collect()
            } else {
                Vec::new()
            };
            let section: &'static str = match row.section.as_str() {
                "I" => "I",
                "II" => "II",
                "III" => "III",
                "IV" => "IV",
                _ => "V",
            };
            Item {
                number: row.number.clone(),
                written: row.number,
                section,
                kind: row.value_kind,
                unit: None,
                targets,
                lead,
                coordinating,
                name: None,
            }
        })
        .collect();
    Appendix {
        commune: "31001",
        sections: vec![
            ("I", "Phát triển hạ tầng"),
            ("II", "Phát triển nguồn lực"),
            ("III", "Phát triển KHCN"),
            ("IV", "Phát triển hệ sinh thái ĐMST"),
            ("V", "Phát triển CDS"),
        ],
        items,
    }
}
