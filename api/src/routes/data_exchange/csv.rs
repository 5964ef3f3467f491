//! The CSV body, in DHIS2's column order: `dataelement, period, orgunit, catoptcombo,
//! attroptcombo, value, storedby, lastupdated, comment, followup`. The header row is optional
//! (recognised by its first cell, `dataelement`); blank lines are skipped. Fields may be
//! quoted with `"` (a quote inside written `""`), as in RFC 4180.

use super::request::DataValue;
use crate::error::ApiError;

/// The data rows, in order.
pub fn parse(bytes: &[u8]) -> Result<Vec<DataValue>, ApiError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ApiError::Malformed {
        detail: format!("the CSV body is not UTF-8: {e}"),
        errors: Vec::new(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    for (line, record) in records(text)?.into_iter().enumerate() {
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if line == 0 && record[0].trim().eq_ignore_ascii_case("dataelement") {
            continue;
        }
        let field = |i: usize| {
            record
                .get(i)
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
        };
        rows.push(DataValue {
            data_element: field(0),
            period: field(1),
            org_unit: field(2),
            category_option_combo: field(3),
            attribute_option_combo: field(4),
            value: field(5),
            stored_by: field(6),
            created: None,
            last_updated: field(7),
            comment: field(8),
            follow_up: None,
        });
    }
    Ok(rows)
}

/// Splits `text` into records of fields.
fn records(text: &str) -> Result<Vec<Vec<String>>, ApiError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut line = 1;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                line += 1;
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(ApiError::Malformed {
            detail: format!("the CSV body ends inside a quoted field (line {line})"),
            errors: Vec::new(),
        });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_vietnamese_text() {
        let rows = parse(
            "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment\n\
             NQ-1,2026Q1,31001,,,\"Đạt, \"\"tốt\"\"\",,,\"ghi chú\"\r\n\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].value.as_deref(), Some("Đạt, \"tốt\""));
        assert_eq!(rows[0].comment.as_deref(), Some("ghi chú"));
    }

    #[test]
    fn a_body_without_a_header_starts_with_data() {
        let rows = parse(b"NQ-1,2026Q1,31001,,,3").unwrap();
        assert_eq!(rows[0].data_element.as_deref(), Some("NQ-1"));
        assert_eq!(rows[0].value.as_deref(), Some("3"));
    }
}
