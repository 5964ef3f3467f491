//! What the first cell of a row says it is: a section heading in any of the forms officials
//! print (`I`, `I.`, `II)`, `I. Tên nhóm` in one cell merged across the table, a lettered group
//! `A.`, `B)`), an item number (`7`, `7.`, `7.1`, `1)`), or nothing either.

use crate::domain::{IndicatorNumber, SectionCode};

/// A section heading at the start of `text`: its code and the title after it, if any.
/// `strict` (for a text that is not in the number column) asks for a `.` or `)` after the
/// numeral, so a name such as "V Phát triển" is not taken for a heading by accident.
pub fn heading_in(text: &str, strict: bool) -> Option<(SectionCode, Option<String>)> {
    let text = text.trim();
    let letters_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (mark, rest) = text.split_at(letters_end);
    if mark.is_empty() || mark != mark.to_ascii_uppercase() {
        return None;
    }
    let is_roman = SectionCode::parse(mark).is_ok();
    if !is_roman && mark.chars().count() != 1 {
        return None;
    }
    let mut after = rest.chars();
    let title = match after.next() {
        None => None,
        Some('.' | ')' | ':') => {
            let title = after.as_str().trim();
            // "I.1" numbers a sub-section or an item, not a heading.
            if title.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            Some(title)
        }
        Some(c) if c.is_whitespace() && !strict => Some(after.as_str().trim()),
        _ => return None,
    };
    if strict && title.is_none_or(str::is_empty) {
        return None;
    }
    let code = SectionCode::heading(mark).ok()?;
    let title = title
        .map(|t| t.trim_start_matches(['-', '–', '.', ':']).trim().to_owned())
        .filter(|t| !t.is_empty());
    Some((code, title))
}

/// An item number as printed: `7`, `7.`, `7)`, `7.1`, `07` (read `7`), with the name that
/// follows it in the same cell, if any ("7. Tỷ lệ …" when the number and name cells are
/// merged).
pub fn item_number_in(text: &str) -> Option<(IndicatorNumber, Option<String>)> {
    let text = text.trim();
    // A spreadsheet stores 7.1 typed as a number and shows it with a decimal comma.
    let as_dots;
    let text = match text.split_once(',') {
        Some((a, b))
            if !a.is_empty()
                && !b.is_empty()
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) =>
        {
            as_dots = format!("{a}.{b}");
            as_dots.as_str()
        }
        _ => text,
    };
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(end);
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let digits = digits.trim_end_matches('.');
    let parts: Option<Vec<String>> = digits
        .split('.')
        .map(|part| {
            let trimmed = part.trim_start_matches('0');
            match (part.is_empty(), trimmed.is_empty()) {
                (true, _) => None,
                (false, true) => Some("0".to_owned()),
                (false, false) => Some(trimmed.to_owned()),
            }
        })
        .collect();
    let number = IndicatorNumber::parse(&parts?.join(".")).ok()?;
    let name = Some(rest.trim().to_owned()).filter(|n| !n.is_empty());
    Some((number, name))
}

/// An item number qualified by its section as some plans print it: `II.3` is item 3 of
/// section II.
pub fn qualified_item_number(text: &str) -> Option<(SectionCode, IndicatorNumber)> {
    let (section, number) = text.trim().split_once('.')?;
    if section != section.to_ascii_uppercase() {
        return None;
    }
    let section = SectionCode::parse(section).ok()?;
    match item_number_in(number)? {
        (number, None) => Some((section, number)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str, strict: bool) -> Option<(String, Option<String>)> {
        heading_in(text, strict).map(|(c, t)| (c.as_str().to_owned(), t))
    }

    #[test]
    fn a_section_heading_is_read_in_every_printed_form() {
        assert_eq!(heading("II", false), Some(("II".into(), None)));
        assert_eq!(heading("II.", false), Some(("II".into(), None)));
        assert_eq!(heading("IV)", false), Some(("IV".into(), None)));
        assert_eq!(
            heading("I. Phát triển hạ tầng số", false),
            Some(("I".into(), Some("Phát triển hạ tầng số".into())))
        );
        assert_eq!(
            heading("III - Phát triển KHCN", false),
            Some(("III".into(), Some("Phát triển KHCN".into())))
        );
        assert_eq!(
            heading("B. Chỉ tiêu về chuyển đổi số", true),
            Some(("B".into(), Some("Chỉ tiêu về chuyển đổi số".into())))
        );
    }

    #[test]
    fn names_numbers_and_sub_points_are_not_headings() {
        assert_eq!(heading("Tỷ lệ phủ sóng", false), None);
        assert_eq!(heading("a)", false), None);
        assert_eq!(heading("I.1", false), None);
        assert_eq!(heading("STT", false), None);
        assert_eq!(heading("V Phát triển CĐS", true), None);
        assert_eq!(heading("I.", true), None);
        assert_eq!(heading("7", false), None);
    }

    #[test]
    fn an_item_number_may_name_its_section() {
        let (section, number) = qualified_item_number("II.3").unwrap();
        assert_eq!((section.as_str(), number.as_str()), ("II", "3"));
        let (_, number) = qualified_item_number("IV.2.1").unwrap();
        assert_eq!(number.as_str(), "2.1");
        assert!(qualified_item_number("3.1").is_none());
        assert!(qualified_item_number("ii.3").is_none());
        assert!(qualified_item_number("II. Phát triển").is_none());
    }

    #[test]
    fn item_numbers_are_read_as_printed() {
        let number = |t: &str| item_number_in(t).map(|(n, name)| (n.as_str().to_owned(), name));
        assert_eq!(number("7"), Some(("7".into(), None)));
        assert_eq!(number("7."), Some(("7".into(), None)));
        assert_eq!(number("1)"), Some(("1".into(), None)));
        assert_eq!(number("7.1."), Some(("7.1".into(), None)));
        assert_eq!(number("07"), Some(("7".into(), None)));
        assert_eq!(
            number("7,1"),
            Some(("7.1".into(), None)),
            "a number cell of Excel"
        );
        assert_eq!(
            number("3. Tỷ lệ phủ sóng 5G"),
            Some(("3".into(), Some("Tỷ lệ phủ sóng 5G".into())))
        );
        assert_eq!(number("-"), None);
        assert_eq!(number("2025"), Some(("2025".into(), None)));
        assert_eq!(number("7a"), None);
        assert_eq!(number(""), None);
    }
}
