//! The figures as ADX XML in the IHE namespace `urn:ihe:qrph:adx:2015` (the one of the IHE
//! schema `adx_loose.xsd` and of DHIS2), the SDMX-based twin of `dataValueSets`: one `group` for the unit,
//! period (an ISO interval, `2025-10-01/P1M`) and plan, one `dataValue` per value. The values
//! and their conventions are those of the DHIS2 JSON export (`dhis2::exchange_values`), so the
//! two formats always carry the same data:
//! - the halves of a ratio carry the disaggregation attribute `categoryOptionCombo`
//!   (`NUMERATOR` / `DENOMINATOR`), the name DHIS2's ADX import passes through as the category
//!   option combo, and the same codes as in the JSON;
//! - ADX's `value` is numeric, so statuses and texts are written as DHIS2 writes non-numeric
//!   values: `value="0"` with the text in an `<annotation>` child element;
//! - ADX has no comment attribute, so the JSON's comments are left out.

use std::fmt::Write as _;

use chitieu_schema::progress::ProgressReport;
use chrono::{DateTime, SecondsFormat, Utc};

use super::dhis2::exchange_values;
use super::html::escape;

pub use chitieu_schema::dhis2::adx::{COMBO_ATTRIBUTE as RATIO_PART_ATTRIBUTE, NAMESPACE};

pub fn render(report: &ProgressReport, exported: DateTime<Utc>) -> String {
    let mut xml = String::with_capacity(4 * 1024);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<adx xmlns=\"{NAMESPACE}\" exported=\"{}\">",
        exported.to_rfc3339_opts(SecondsFormat::Secs, true)
    );
    let _ = writeln!(
        xml,
        "  <group orgUnit=\"{}\" period=\"{}\" dataSet=\"{}\">",
        attribute(&report.unit.code),
        attribute(&report.period.adx()),
        attribute(&report.plan.code)
    );
    for value in exchange_values(report) {
        let _ = write!(
            xml,
            "    <dataValue dataElement=\"{}\"",
            attribute(value.data_element)
        );
        if let Some(part) = value.part {
            let _ = write!(xml, " {RATIO_PART_ATTRIBUTE}=\"{}\"", part.code());
        }
        if value.numeric {
            let _ = writeln!(xml, " value=\"{}\"/>", attribute(&value.value));
        } else {
            let _ = writeln!(
                xml,
                " value=\"0\"><annotation>{}</annotation></dataValue>",
                attribute(&value.value)
            );
        }
    }
    xml.push_str("  </group>\n</adx>\n");
    xml
}

/// Escaped text without the control characters XML 1.0 forbids even as references.
fn attribute(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    escape(&allowed)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::routes::progress::export::fixture::seed_report;

    fn exported_at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 11, 3, 2, 30, 0).unwrap()
    }

    fn adx() -> String {
        render(&seed_report(), exported_at())
    }

    #[test]
    fn the_adx_export_is_one_group_in_the_adx_namespace() {
        let xml = adx();
        let document = roxmltree::Document::parse(&xml).unwrap();
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "adx");
        assert_eq!(root.tag_name().namespace(), Some(NAMESPACE));
        assert_eq!(root.attribute("exported"), Some("2025-11-03T02:30:00Z"));
        let groups: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(groups.len(), 1);
        let group = groups[0];
        assert_eq!(group.tag_name().name(), "group");
        assert_eq!(group.tag_name().namespace(), Some(NAMESPACE));
        assert_eq!(group.attribute("orgUnit"), Some("31001"));
        assert_eq!(group.attribute("period"), Some("2025-10-01/P1M"));
        assert_eq!(group.attribute("dataSet"), Some("KH-21-DU-2025"));
    }

    #[test]
    fn each_adx_data_value_has_a_data_element_and_a_value() {
        let xml = adx();
        let document = roxmltree::Document::parse(&xml).unwrap();
        let values: Vec<_> = document
            .descendants()
            .filter(|n| n.has_tag_name((NAMESPACE, "dataValue")))
            .collect();
        assert_eq!(values.len(), 5);
        for value in &values {
            assert!(value.attribute("dataElement").is_some());
            assert!(value.attribute("value").is_some());
        }
        let halves: Vec<_> = values
            .iter()
            .filter(|v| v.attribute("dataElement") == Some("NQ57-1"))
            .map(|v| (v.attribute(RATIO_PART_ATTRIBUTE), v.attribute("value")))
            .collect();
        assert_eq!(
            halves,
            [
                (Some("NUMERATOR"), Some("30")),
                (Some("DENOMINATOR"), Some("40"))
            ]
        );
        let count = values
            .iter()
            .find(|v| v.attribute("dataElement") == Some("NQ57-12"))
            .unwrap();
        assert_eq!(count.attribute("value"), Some("9"));
    }

    #[test]
    fn adx_texts_are_escaped_annotations_of_a_zero_value() {
        let xml = adx();
        assert!(xml.contains("&lt;b&gt;2&lt;/b&gt; chợ &amp; 1 &quot;phố&quot;"));
        let document = roxmltree::Document::parse(&xml).unwrap();
        let text = document
            .descendants()
            .find(|n| n.attribute("dataElement") == Some("NQ57-19"))
            .unwrap();
        assert_eq!(text.attribute("value"), Some("0"));
        let annotation = text
            .children()
            .find(|n| n.has_tag_name((NAMESPACE, "annotation")))
            .unwrap();
        assert_eq!(
            annotation.text(),
            Some("Đã triển khai <b>2</b> chợ & 1 \"phố\"")
        );
    }

    #[test]
    fn adx_attribute_values_are_escaped() {
        let mut report = seed_report();
        report.unit.code = "A&B \"<x>\"\u{1}".to_owned();
        let xml = render(&report, exported_at());
        let document = roxmltree::Document::parse(&xml).unwrap();
        let group = document
            .descendants()
            .find(|n| n.has_tag_name((NAMESPACE, "group")))
            .unwrap();
        assert_eq!(group.attribute("orgUnit"), Some("A&B \"<x>\""));
    }
}
