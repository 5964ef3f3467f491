//! The rules of the IHE ADX schema `adx_loose.xsd` (github.com/dhis2/adx,
//! `IHE2015/schema/adx_loose.xsd`, commit 4876031), written as checks: the schema file carries
//! no licence, so it is read, not copied. What it requires:
//!
//! - the root `adx` in the namespace `urn:ihe:qrph:adx:2015`, with the attribute `exported`
//!   (`xs:dateTime`), other attributes allowed (`anyAttribute`);
//! - as content only `group` elements, at least one (`sequence maxOccurs="unbounded"`);
//! - a `group` with `orgUnit` (`xs:token`) and `period` (SDMX `TimeRangeType`, a date or
//!   dateTime, `/`, a duration: `.+/P[^T]+` or with a time part; or an `xs:dateTime`), other
//!   attributes allowed, and as content only `dataValue` elements, at least one;
//! - a `dataValue` with `dataElement` (`xs:token`) and `value` (`xs:decimal`), other attributes
//!   allowed, and at most one child element, `annotation`;
//! - element-only content everywhere (no text beside the elements), elements qualified
//!   (`elementFormDefault="qualified"`).

use roxmltree::{Document, Node};

pub const NAMESPACE: &str = "urn:ihe:qrph:adx:2015";

/// `Ok` when `xml` follows every rule above; otherwise the first rule it breaks.
pub fn validate(xml: &str) -> Result<(), String> {
    let document = Document::parse(xml).map_err(|e| format!("not XML: {e}"))?;
    let root = document.root_element();
    if !root.has_tag_name((NAMESPACE, "adx")) {
        return Err(format!(
            "the root is {:?} in {:?}, not adx in {NAMESPACE}",
            root.tag_name().name(),
            root.tag_name().namespace()
        ));
    }
    let exported = required(root, "exported")?;
    if !is_date_time(exported) {
        return Err(format!("exported {exported:?} is not an xs:dateTime"));
    }
    let groups = children(root, "group")?;
    if groups.is_empty() {
        return Err("adx needs at least one group".into());
    }
    for group in groups {
        token(required(group, "orgUnit")?, "orgUnit")?;
        let period = required(group, "period")?;
        if !is_time_range(period) && !is_date_time(period) {
            return Err(format!(
                "period {period:?} is not a TimeRangeType or xs:dateTime"
            ));
        }
        let values = children(group, "dataValue")?;
        if values.is_empty() {
            return Err("a group needs at least one dataValue".into());
        }
        for value in values {
            token(required(value, "dataElement")?, "dataElement")?;
            let number = required(value, "value")?;
            if !is_decimal(number) {
                return Err(format!("value {number:?} is not an xs:decimal"));
            }
            let annotations = children(value, "annotation")?;
            if annotations.len() > 1 {
                return Err("a dataValue has at most one annotation".into());
            }
        }
    }
    Ok(())
}

fn required<'a>(node: Node<'a, '_>, name: &str) -> Result<&'a str, String> {
    node.attribute(name)
        .ok_or_else(|| format!("{} needs the attribute {name}", node.tag_name().name()))
}

/// The element children of `node`, which must all be `name` in the ADX namespace, with no
/// text beside them.
fn children<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Result<Vec<Node<'a, 'i>>, String> {
    let mut found = Vec::new();
    for child in node.children() {
        if child.is_text() && child.text().is_some_and(|t| !t.trim().is_empty()) {
            // Text inside an annotation is its content (its type is anyType); elsewhere it
            // is not allowed.
            return Err(format!("text inside {}", node.tag_name().name()));
        }
        if child.is_element() {
            if !child.has_tag_name((NAMESPACE, name)) {
                return Err(format!(
                    "{} may hold only {name}, not {:?}",
                    node.tag_name().name(),
                    child.tag_name().name()
                ));
            }
            found.push(child);
        }
    }
    Ok(found)
}

/// `xs:token`: no line breaks or tabs, no leading, trailing or double spaces.
fn token(text: &str, name: &str) -> Result<(), String> {
    let ok = !text.contains(['\n', '\r', '\t']) && text.trim() == text && !text.contains("  ");
    ok.then_some(())
        .ok_or_else(|| format!("{name} {text:?} is not an xs:token"))
}

fn digits(text: &str, n: usize) -> bool {
    text.len() == n && text.bytes().all(|b| b.is_ascii_digit())
}

/// `xs:date`: `YYYY-MM-DD` with an optional zone.
fn is_date(text: &str) -> bool {
    let (date, _) = split_zone(text);
    let parts: Vec<&str> = date.split('-').collect();
    parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2)
}

/// `xs:dateTime`: `YYYY-MM-DDThh:mm:ss(.s+)?` with an optional zone (`Z` or `±hh:mm`).
fn is_date_time(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    let (time, _) = split_zone(time);
    let (whole, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = whole.split(':').collect();
    is_date(date)
        && parts.len() == 3
        && parts.iter().all(|p| digits(p, 2))
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn split_zone(text: &str) -> (&str, &str) {
    if let Some(rest) = text.strip_suffix('Z') {
        return (rest, "Z");
    }
    if text.len() > 6 {
        let (head, zone) = text.split_at(text.len() - 6);
        let z = zone.as_bytes();
        if (z[0] == b'+' || z[0] == b'-') && z[3] == b':' {
            return (head, zone);
        }
    }
    (text, "")
}

/// SDMX `TimeRangeType`: a date or dateTime, `/`, and an ISO 8601 duration (`P1M`, `P3M`,
/// `P1Y`, `P7D`, `PT12H` …).
fn is_time_range(text: &str) -> bool {
    let Some((start, duration)) = text.split_once('/') else {
        return false;
    };
    let start_ok = is_date(start) || is_date_time(start);
    let Some(rest) = duration.strip_prefix('P') else {
        return false;
    };
    let (date_part, time_part) = rest.split_once('T').unwrap_or((rest, ""));
    let units_ok = |part: &str, units: &str| {
        let mut number = false;
        for c in part.chars() {
            if c.is_ascii_digit() {
                number = true;
            } else if units.contains(c) && number {
                number = false;
            } else {
                return false;
            }
        }
        !number
    };
    start_ok
        && !rest.is_empty()
        && units_ok(date_part, "YMWD")
        && (time_part.is_empty() || units_ok(time_part, "HMS"))
}

/// `xs:decimal`: an optional sign, digits with at most one decimal point, no exponent.
fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-02-01T00:00:00Z\">\
        <group orgUnit=\"31001\" period=\"2026-01-01/P1M\" dataSet=\"TT\">\
        <dataValue dataElement=\"A\" value=\"3.5\"/>\
        <dataValue dataElement=\"B\" value=\"0\"><annotation>Đạt</annotation></dataValue>\
        </group></adx>";

    #[test]
    fn a_document_following_the_schema_passes() {
        assert_eq!(validate(GOOD), Ok(()));
    }

    #[test]
    fn each_rule_of_the_schema_is_enforced() {
        let broken = [
            GOOD.replace("urn:ihe:qrph:adx:2015", "urn:ietf:params:xml:ns:adx"),
            GOOD.replace(" exported=\"2026-02-01T00:00:00Z\"", ""),
            GOOD.replace("2026-02-01T00:00:00Z", "2026-02-01"),
            GOOD.replace("2026-01-01/P1M", "202601"),
            GOOD.replace("value=\"3.5\"", "value=\"3,5\""),
            GOOD.replace("value=\"3.5\"", "value=\"Đạt\""),
            GOOD.replace("orgUnit=\"31001\"", "orgUnit=\" 31001\""),
            GOOD.replace("<annotation>Đạt</annotation>", "<note>x</note>"),
            "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-02-01T00:00:00Z\"/>".to_owned(),
        ];
        for xml in broken {
            assert!(validate(&xml).is_err(), "{xml}");
        }
    }
}
