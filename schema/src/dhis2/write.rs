//! Writing exported data values in DHIS2's two other forms: CSV with the header row DHIS2
//! writes ([`super::csv::HEADER`], dhis2-core `CsvDataValueSetWriter`), and ADX in the IHE
//! namespace with one `group` per unit, period and data set (`DefaultAdxDataService`), a
//! non-numeric value as `value="0"` with its text in an `annotation`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::adx::{COMBO_ATTRIBUTE, NAMESPACE};
use super::combo::DEFAULT_COMBO;
use super::csv::HEADER;
use super::model::DataValue;
use crate::domain::Period;

pub fn csv(values: &[DataValue]) -> String {
    let mut out = String::with_capacity(64 * (values.len() + 1));
    out.push_str(&HEADER.join(","));
    out.push('\n');
    for value in values {
        let flag = |flag: Option<bool>| flag.unwrap_or(false).to_string();
        let cells = [
            value.data_element.clone().unwrap_or_default(),
            value.period.clone().unwrap_or_default(),
            value.org_unit.clone().unwrap_or_default(),
            value.category_option_combo.clone().unwrap_or_default(),
            value.attribute_option_combo.clone().unwrap_or_default(),
            value.value.clone().unwrap_or_default(),
            value.stored_by.clone().unwrap_or_default(),
            value.last_updated.clone().unwrap_or_default(),
            value.comment.clone().unwrap_or_default(),
            flag(value.followup),
            flag(value.deleted),
        ];
        let quoted: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out
}

/// A cell quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// `data_set` names the plan of every group (the export is by data set).
pub fn adx(values: &[DataValue], data_set: &str, exported: &str) -> String {
    let mut groups: BTreeMap<(&str, &str), Vec<&DataValue>> = BTreeMap::new();
    for value in values {
        let unit = value.org_unit.as_deref().unwrap_or_default();
        let period = value.period.as_deref().unwrap_or_default();
        groups.entry((unit, period)).or_default().push(value);
    }
    let mut xml = String::with_capacity(128 * (values.len() + 1));
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<adx xmlns=\"{NAMESPACE}\" exported=\"{}\">",
        text(exported)
    );
    for ((unit, period), values) in groups {
        let interval = Period::parse(period).map_or_else(|_| period.to_owned(), |p| p.adx());
        let _ = writeln!(
            xml,
            "  <group orgUnit=\"{}\" period=\"{}\" dataSet=\"{}\">",
            text(unit),
            text(&interval),
            text(data_set)
        );
        for value in values {
            let element = value.data_element.as_deref().unwrap_or_default();
            let _ = write!(xml, "    <dataValue dataElement=\"{}\"", text(element));
            let combo = value
                .category_option_combo
                .as_deref()
                .unwrap_or(DEFAULT_COMBO);
            if combo != DEFAULT_COMBO {
                let _ = write!(xml, " {COMBO_ATTRIBUTE}=\"{}\"", text(combo));
            }
            let raw = value.value.as_deref().unwrap_or_default();
            if raw.parse::<f64>().is_ok_and(f64::is_finite) {
                let _ = writeln!(xml, " value=\"{}\"/>", text(raw));
            } else {
                let _ = writeln!(
                    xml,
                    " value=\"0\"><annotation>{}</annotation></dataValue>",
                    text(raw)
                );
            }
        }
        xml.push_str("  </group>\n");
    }
    xml.push_str("</adx>\n");
    xml
}

/// Escaped for an attribute or element, without the control characters XML 1.0 forbids.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(element: &str, combo: &str, raw: &str) -> DataValue {
        DataValue {
            data_element: Some(element.into()),
            period: Some("2026Q1".into()),
            org_unit: Some("31001".into()),
            category_option_combo: Some(combo.into()),
            attribute_option_combo: Some("default".into()),
            value: Some(raw.into()),
            comment: Some("a, \"quoted\" note".into()),
            ..DataValue::default()
        }
    }

    #[test]
    fn csv_has_dhis2s_header_and_quotes_what_needs_it() {
        let written = csv(&[value("X-1", "default", "3")]);
        let mut lines = written.lines();
        assert_eq!(lines.next().unwrap(), HEADER.join(","));
        assert_eq!(
            lines.next().unwrap(),
            "X-1,2026Q1,31001,default,default,3,,,\"a, \"\"quoted\"\" note\",false,false"
        );
    }

    #[test]
    fn adx_groups_by_unit_and_period_and_annotates_text() {
        let written = adx(
            &[
                value("X-1", "NUMERATOR", "3"),
                value("X-2", "default", "Đạt"),
            ],
            "TT-18-2025",
            "2026-04-01T00:00:00Z",
        );
        assert!(written.contains(
            "<group orgUnit=\"31001\" period=\"2026-01-01/P3M\" dataSet=\"TT-18-2025\">"
        ));
        assert!(written.contains("categoryOptionCombo=\"NUMERATOR\" value=\"3\"/>"));
        assert!(written.contains("value=\"0\"><annotation>Đạt</annotation>"));
    }
}
