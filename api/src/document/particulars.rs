//! Everything around the report's own content, decided once: what was stored on the report
//! (or asked for in the request) wins, and the rest is defaulted from the unit, the period and
//! today's date the way a commune office would write it.

use chitieu_schema::domain::Period;
use chitieu_schema::reports::{DocumentDetails, UnitNames};
use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

/// The resolved particulars the document is drawn with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Particulars {
    /// A Party body's document: Party header, `Số 15-BC/ĐU`.
    pub party: bool,
    pub superior_body: Option<String>,
    /// The issuing body's lines, upper case.
    pub issuing_body: Vec<String>,
    /// What follows "Số", e.g. `11/BC-HĐND`; blank before the number for a clerk to fill in.
    pub document_number: String,
    pub place: String,
    pub issued_on: NaiveDate,
    pub summary: String,
    pub signer_authority: Option<String>,
    pub signer_title: String,
    pub signer_name: String,
    pub recipients: Vec<String>,
    pub draft: bool,
}

/// What defaults are made from.
pub struct Context<'a> {
    pub unit: &'a UnitNames,
    pub period: &'a Period,
    pub today: NaiveDate,
    pub approved: bool,
}

/// The resolution the 57-NQ/TW reports answer to, as seed 000 names it.
const RESOLUTION: &str = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về “đột phá \
                          phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia”";

pub fn resolve(details: &DocumentDetails, draft: Option<bool>, context: &Context) -> Particulars {
    let unit = context.unit;
    let commune_name = if unit.kind == "unit" {
        unit.parent_name.as_deref().unwrap_or(&unit.name)
    } else {
        unit.name.as_str()
    };
    let (default_superior, default_issuing, symbol, authority, title) = match unit.kind.as_str() {
        "unit" => (
            Some(format!("UBND {}", upper(commune_name))),
            upper(&unit.name),
            "BC",
            None,
            "THỦ TRƯỞNG ĐƠN VỊ",
        ),
        _ => (
            None,
            format!("ỦY BAN NHÂN DÂN\n{}", upper(&unit.name)),
            "BC-UBND",
            Some("TM. ỦY BAN NHÂN DÂN".to_owned()),
            "CHỦ TỊCH",
        ),
    };
    let document_number = given(&details.document_number)
        .unwrap_or_else(|| format!("{}/{symbol}", "\u{a0}".repeat(6)));
    let issuing_body = given(&details.issuing_body).unwrap_or(default_issuing);
    let default_recipients = match &unit.parent_name {
        Some(parent) => vec![format!("{parent} (báo cáo)"), "Lưu: VT".to_owned()],
        None => vec!["Lưu: VT".to_owned()],
    };
    Particulars {
        party: is_party_number(&document_number),
        superior_body: given(&details.superior_body).or(default_superior),
        issuing_body: issuing_body
            .lines()
            .map(|line| upper(line.trim()))
            .filter(|line| !line.is_empty())
            .collect(),
        document_number,
        place: given(&details.place).unwrap_or_else(|| place_name(commune_name)),
        issued_on: details.issued_on.unwrap_or(context.today),
        summary: given(&details.summary).unwrap_or_else(|| {
            format!(
                "Kết quả thực hiện {RESOLUTION} {}",
                period_title(context.period)
            )
        }),
        signer_authority: given(&details.signer_authority)
            .or(authority)
            .map(|a| upper(&a)),
        signer_title: upper(&given(&details.signer_title).unwrap_or_else(|| title.to_owned())),
        signer_name: given(&details.signer_name).unwrap_or_default(),
        recipients: details
            .recipients
            .clone()
            .filter(|list| !list.is_empty())
            .unwrap_or(default_recipients),
        draft: draft.unwrap_or(!context.approved),
    }
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn upper(text: &str) -> String {
    text.nfc().collect::<String>().to_uppercase()
}

/// A Party body numbers its documents with the Party committee's symbol: `15-BC/ĐU`,
/// `21-KH/ĐU`, `BC-ĐU`, and likewise `TU` (provincial committee), `HU`, `QU`, `TW`.
pub fn is_party_number(number: &str) -> bool {
    const PARTY: [&str; 6] = ["ĐU", "ĐUK", "TU", "HU", "QU", "TW"];
    let number: String = number.nfc().collect::<String>().to_uppercase();
    number
        .split(|c: char| c == '/' || c == '-' || c.is_whitespace())
        .any(|token| PARTY.contains(&token))
}

/// The place as documents write it: the commune's name without `Xã`, `Phường`, `Đặc khu`.
fn place_name(unit_name: &str) -> String {
    let name: String = unit_name.nfc().collect();
    for prefix in [
        "Xã ",
        "Phường ",
        "Đặc khu ",
        "Thị trấn ",
        "Tỉnh ",
        "Thành phố ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    name.trim().to_owned()
}

/// `ngày 10 tháng 4 năm 2026`; days below 10 and the months 1 and 2 take a leading zero
/// (`ngày 05 tháng 01 năm 2026`), as administrative documents write them.
pub fn date_in_words(date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// The period as a summary line ends: `Quý I năm 2026`, `tháng 10 năm 2026`.
pub fn period_title(period: &Period) -> String {
    match *period {
        Period::Monthly { year, month } => format!("tháng {month} năm {year}"),
        Period::Quarterly { year, quarter } => {
            let numeral = ["I", "II", "III", "IV"]
                .get(usize::try_from(quarter).unwrap_or(0).saturating_sub(1))
                .copied()
                .unwrap_or("?");
            format!("Quý {numeral} năm {year}")
        }
        Period::SixMonthly { year, half: 1 } => format!("6 tháng đầu năm {year}"),
        Period::SixMonthly { year, .. } => format!("6 tháng cuối năm {year}"),
        Period::Yearly { year } => format!("năm {year}"),
        Period::AdHoc { start, end } => format!(
            "từ {} đến {}",
            start.format("%d/%m/%Y"),
            end.format("%d/%m/%Y")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune() -> UnitNames {
        UnitNames {
            name: "Xã Nghi Dương".to_owned(),
            kind: "commune".to_owned(),
            parent_name: Some("Thành phố Hải Phòng".to_owned()),
        }
    }

    fn resolve_with(details: DocumentDetails, approved: bool) -> Particulars {
        let unit = commune();
        let period = Period::parse("2026Q1").unwrap();
        resolve(
            &details,
            None,
            &Context {
                unit: &unit,
                period: &period,
                today: NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
                approved,
            },
        )
    }

    #[test]
    fn dates_read_in_words_with_the_leading_zeros_documents_use() {
        let date = |y, m, d| date_in_words(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(date(2026, 4, 10), "ngày 10 tháng 4 năm 2026");
        assert_eq!(date(2026, 1, 5), "ngày 05 tháng 01 năm 2026");
        assert_eq!(date(2026, 2, 28), "ngày 28 tháng 02 năm 2026");
        assert_eq!(date(2026, 12, 1), "ngày 01 tháng 12 năm 2026");
    }

    #[test]
    fn a_commune_report_defaults_to_the_peoples_committee_as_issuer() {
        let p = resolve_with(DocumentDetails::default(), false);
        assert!(!p.party);
        assert_eq!(p.issuing_body, ["ỦY BAN NHÂN DÂN", "XÃ NGHI DƯƠNG"]);
        assert!(p.document_number.ends_with("/BC-UBND"));
        assert_eq!(p.place, "Nghi Dương");
        assert!(p.summary.ends_with("Quý I năm 2026"));
        assert_eq!(p.signer_title, "CHỦ TỊCH");
        assert_eq!(p.signer_name, "");
        assert!(p.draft, "an unapproved report is a draft");
        assert!(!resolve_with(DocumentDetails::default(), true).draft);
    }

    #[test]
    fn given_particulars_win_and_a_party_number_selects_the_party_header() {
        let p = resolve_with(
            DocumentDetails {
                document_number: Some("15-BC/ĐU".to_owned()),
                issuing_body: Some("Đảng ủy xã Nghi Dương".to_owned()),
                signer_name: Some("Phạm Thị Thanh".to_owned()),
                ..DocumentDetails::default()
            },
            true,
        );
        assert!(p.party);
        assert_eq!(p.issuing_body, ["ĐẢNG ỦY XÃ NGHI DƯƠNG"]);
        assert_eq!(p.signer_name, "Phạm Thị Thanh");
        assert!(is_party_number("BC-ĐU"));
        assert!(is_party_number("21-KH/ĐU"));
        assert!(!is_party_number("11/BC-HĐND"));
        assert!(!is_party_number("11/BC-UBND"));
    }
}
