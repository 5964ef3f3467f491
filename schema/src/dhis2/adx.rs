//! ADX, the SDMX-based XML twin of `dataValueSets` (IHE QRPH ADX 2015, as DHIS2 implements it
//! in dhis2-core 2.40.0 `dxf2.adx`): the namespace `urn:ihe:qrph:adx:2015`, an `adx` root with
//! an `exported` time, `group`s with `orgUnit`, `period` (an ISO interval such as
//! `2026-01-01/P1M`) and `dataSet`, and `dataValue`s with `dataElement` and a numeric `value`.
//! A non-numeric value is written as `value="0"` with the text in an `annotation` child, and
//! read back from it (`DefaultAdxDataService`). Disaggregations other than DHIS2's own
//! `categoryOptionCombo` attribute are not read.

use chrono::{Datelike, NaiveDate};

use super::model::DataValue;

pub const NAMESPACE: &str = "urn:ihe:qrph:adx:2015";
/// The disaggregation attribute DHIS2's ADX import passes through as the category option
/// combo; ratio halves carry it.
pub const COMBO_ATTRIBUTE: &str = "categoryOptionCombo";

/// Why a body is not ADX we can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AdxError(pub String);

/// The rows of an ADX document, and the data set its groups name (one for all of them).
pub fn parse(bytes: &[u8]) -> Result<(Option<String>, Vec<DataValue>), AdxError> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| AdxError(format!("the body is not UTF-8: {e}")))?;
    let document = roxmltree::Document::parse(text)
        .map_err(|e| AdxError(format!("the body is not XML: {e}")))?;
    let root = document.root_element();
    if !root.has_tag_name((NAMESPACE, "adx")) {
        return Err(AdxError(format!(
            "the root element is not adx in the namespace {NAMESPACE}"
        )));
    }
    let mut data_set: Option<String> = None;
    let mut rows = Vec::new();
    for group in root
        .children()
        .filter(|n| n.has_tag_name((NAMESPACE, "group")))
    {
        if let Some(code) = group.attribute("dataSet") {
            match &data_set {
                Some(known) if known != code => {
                    return Err(AdxError(format!(
                        "the groups name two data sets, {known} and {code}: send one per request"
                    )));
                }
                _ => data_set = Some(code.to_owned()),
            }
        }
        let period = group.attribute("period").map(period_of_interval);
        for value in group
            .children()
            .filter(|n| n.has_tag_name((NAMESPACE, "dataValue")))
        {
            let annotation = value
                .children()
                .find(|n| n.has_tag_name((NAMESPACE, "annotation")))
                .map(|n| n.text().unwrap_or_default().to_owned());
            rows.push(DataValue {
                data_element: value.attribute("dataElement").map(str::to_owned),
                period: period.clone(),
                org_unit: group.attribute("orgUnit").map(str::to_owned),
                category_option_combo: value.attribute(COMBO_ATTRIBUTE).map(str::to_owned),
                attribute_option_combo: group.attribute("attributeOptionCombo").map(str::to_owned),
                value: annotation.or_else(|| value.attribute("value").map(str::to_owned)),
                ..DataValue::default()
            });
        }
    }
    Ok((data_set, rows))
}

/// A DHIS2 period id for an ADX interval (`2026-01-01/P1M` → `202601`, `/P3M` → `2026Q1`,
/// `/P6M` → `2026S1`, `/P1Y` → `2026`, `/P5D` → `2026-01-01..2026-01-05`); anything else is
/// returned as sent, to be refused as a period.
pub fn period_of_interval(interval: &str) -> String {
    let as_sent = || interval.to_owned();
    let Some((start, duration)) = interval.trim().split_once('/') else {
        return as_sent();
    };
    let Ok(start) = NaiveDate::parse_from_str(start, "%Y-%m-%d") else {
        return as_sent();
    };
    let (year, month, first_day) = (start.year(), start.month(), start.day() == 1);
    match duration {
        "P1M" if first_day => format!("{year}{month:02}"),
        "P3M" if first_day && month % 3 == 1 => format!("{year}Q{}", month.div_ceil(3)),
        "P6M" if first_day && (month == 1 || month == 7) => format!("{year}S{}", month.div_ceil(6)),
        "P1Y" if first_day && month == 1 => format!("{year}"),
        days => match days
            .strip_prefix('P')
            .and_then(|d| d.strip_suffix('D'))
            .and_then(|d| d.parse::<u64>().ok())
            .filter(|d| *d >= 1)
            .and_then(|d| start.checked_add_days(chrono::Days::new(d - 1)))
        {
            Some(end) => format!("{start}..{end}"),
            None => as_sent(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_become_dhis2_period_ids() {
        assert_eq!(period_of_interval("2026-01-01/P1M"), "202601");
        assert_eq!(period_of_interval("2026-04-01/P3M"), "2026Q2");
        assert_eq!(period_of_interval("2026-07-01/P6M"), "2026S2");
        assert_eq!(period_of_interval("2026-01-01/P1Y"), "2026");
        assert_eq!(
            period_of_interval("2026-03-15/P6D"),
            "2026-03-15..2026-03-20"
        );
        assert_eq!(period_of_interval("2026-02-01/P3M"), "2026-02-01/P3M");
    }

    #[test]
    fn an_annotation_is_the_value_of_a_non_numeric_data_element() {
        let xml = format!(
            "<adx xmlns=\"{NAMESPACE}\" exported=\"2026-02-01T00:00:00Z\">\
             <group orgUnit=\"31001\" period=\"2026-01-01/P1M\" dataSet=\"TT\">\
             <dataValue dataElement=\"A\" {COMBO_ATTRIBUTE}=\"NUMERATOR\" value=\"3\"/>\
             <dataValue dataElement=\"B\" value=\"0\"><annotation>Đạt</annotation></dataValue>\
             </group></adx>"
        );
        let (data_set, rows) = parse(xml.as_bytes()).unwrap();
        assert_eq!(data_set.as_deref(), Some("TT"));
        assert_eq!(rows[0].category_option_combo.as_deref(), Some("NUMERATOR"));
        assert_eq!(rows[0].period.as_deref(), Some("202601"));
        assert_eq!(rows[1].value.as_deref(), Some("Đạt"));
    }

    #[test]
    fn another_namespace_is_refused() {
        let xml = "<adx xmlns=\"urn:ietf:params:xml:ns:adx\"/>";
        assert!(parse(xml.as_bytes()).is_err());
    }
}
