//! Agencies named in the lead and coordinating columns: split, matched to the issuing unit's
//! existing units by normalised name, or proposed as new units with a derived code.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::domain::name_key;

/// One agency named in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyName {
    /// A single agency, as written (NFC, trimmed).
    Named(String),
    /// "Các cơ quan, đơn vị", "Các phòng, đơn vị": every agency of the issuing unit.
    Everyone(String),
}

/// The agencies of a cell. Names are separated by `;` or line breaks, never by commas, which
/// occur inside names ("Các cơ quan, đơn vị").
pub fn split_agencies(cell: &str) -> Vec<AgencyName> {
    cell.split([';', '\n'])
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "-")
        .map(|name| {
            if is_everyone(name) {
                AgencyName::Everyone(name.to_owned())
            } else {
                AgencyName::Named(name.to_owned())
            }
        })
        .collect()
}

fn is_everyone(name: &str) -> bool {
    let key = agency_key(name);
    [
        "cơ quan, đơn vị",
        "phòng, đơn vị",
        "các phòng",
        "các đơn vị",
        "các cơ quan",
    ]
    .iter()
    .any(|w| key.contains(&name_key(w)))
}

/// Abbreviations officials use for agencies, expanded before matching.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("VH-XH", "Văn hóa - Xã hội"),
    ("VHXH", "Văn hóa - Xã hội"),
    ("HCC", "hành chính công"),
];

/// The matching key of an agency name: [`name_key`] after expanding abbreviations and
/// spacing dashes, so "Phòng Văn hoá-Xã hội" and "Phòng VH-XH" match "Phòng Văn hóa – Xã hội".
pub fn agency_key(name: &str) -> String {
    let expanded: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            let bare = word.trim_end_matches([';', ',', '.']);
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| bare.eq_ignore_ascii_case(short))
                .map_or_else(|| word.to_owned(), |(_, long)| (*long).to_owned())
        })
        .collect();
    let spaced: String = expanded
        .join(" ")
        .chars()
        .map(|c| match c {
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => " - ".to_owned(),
            c => c.to_string(),
        })
        .collect();
    name_key(spaced.trim_end_matches([';', '.', ',']))
}

/// The unit among `units` (`(code, name)`) that `name` designates: the same key, or the key
/// of "Phòng " + the name (a cell "Phòng VH-XH; Kinh tế" names Phòng Kinh tế).
pub fn find_unit<'a>(units: &'a [(String, String)], name: &str) -> Option<&'a (String, String)> {
    let wanted = [agency_key(name), agency_key(&format!("Phòng {name}"))];
    units
        .iter()
        .find(|(_, unit_name)| wanted.contains(&agency_key(unit_name)))
}

/// A code for a new unit named `name` under `issuing`: the issuing code, a dash and an ASCII
/// slug of the name (`31001-CAC-NGAN-HANG`), at most 40 characters, made unique with `-2`, `-3`
/// … when `taken` says so.
pub fn unit_code_for(issuing: &str, name: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug = ascii_slug(name);
    // Room for the issuing code, its dash and a "-NN" to make the code unique.
    let room = 40usize.saturating_sub(issuing.len() + 4).max(1);
    let slug = if slug.len() <= room {
        slug
    } else {
        // Whole words where possible: "…-HANH-CHINH", not "…-HANH-CHINH-CO".
        let cut = &slug[..room];
        match cut.rfind('-') {
            Some(at) if at > 0 => cut[..at].to_owned(),
            _ => cut.to_owned(),
        }
    };
    let base = format!("{issuing}-{slug}");
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|code| !taken(code))
        .unwrap_or(base)
}

/// Upper-case ASCII letters and digits, words joined by dashes: "Văn phòng HĐND và UBND" →
/// "VAN-PHONG-HDND-VA-UBND".
fn ascii_slug(name: &str) -> String {
    let letters: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    letters
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<(String, String)> {
        [
            ("31001-VHXH", "Phòng Văn hoá – Xã hội"),
            ("31001-KT", "Phòng Kinh tế"),
            ("31001-TTHCC", "Trung tâm phục vụ hành chính công"),
        ]
        .iter()
        .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
        .collect()
    }

    #[test]
    fn agencies_match_regardless_of_dashes_tone_marks_and_abbreviations() {
        let units = units();
        for written in [
            "Phòng Văn hóa-Xã hội",
            "Phòng VH-XH",
            "phòng văn hoá – xã hội",
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
        assert!(find_unit(&units, "Các Ngân hàng").is_none());
    }

    #[test]
    fn a_cell_splits_on_semicolons_and_knows_collective_names() {
        assert_eq!(
            split_agencies("Các cơ quan, đơn vị; Công an xã"),
            [
                AgencyName::Everyone("Các cơ quan, đơn vị".into()),
                AgencyName::Named("Công an xã".into())
            ]
        );
        assert_eq!(
            split_agencies("Công an xã;"),
            [AgencyName::Named("Công an xã".into())]
        );
        assert!(matches!(
            split_agencies("Cơ cơ quan, đơn vị")[0],
            AgencyName::Everyone(_)
        ));
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
}
