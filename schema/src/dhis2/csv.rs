//! DHIS2's CSV form of a data value set (dhis2-core 2.40.0 `CsvDataValueSetReader`): the first
//! row is skipped as the header, whatever it says, unless `firstRowIsHeader=false`; then the
//! columns `dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value,
//! storedby, lastupdated, comment, followup, deleted` by position (the writer's header row,
//! `CsvDataValueSetWriter.HEADER_ROW`). `followup` and `deleted` are true only when they say
//! `true`. Blank lines are skipped; fields may be quoted with `"` (a quote inside written `""`),
//! as in RFC 4180.

use super::model::DataValue;

/// The header DHIS2 writes, and we with it.
pub const HEADER: [&str; 11] = [
    "dataelement",
    "period",
    "orgunit",
    "categoryoptioncombo",
    "attributeoptioncombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
    "deleted",
];

/// Why a body is not CSV.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CsvError(pub String);

/// The data rows, in order; their index is their position among the data rows (the header
/// and blank lines not counted).
pub fn parse(bytes: &[u8], first_row_is_header: bool) -> Result<Vec<DataValue>, CsvError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| CsvError(format!("the CSV body is not UTF-8: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let records = records(text)?;
    let skip = usize::from(first_row_is_header);
    for record in records.into_iter().skip(skip) {
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let text = |i: usize| record.get(i).map(|f| f.trim().to_owned());
        let field = |i: usize| text(i).filter(|f| !f.is_empty());
        let flag = |i: usize| text(i).map(|f| f.eq_ignore_ascii_case("true"));
        rows.push(DataValue {
            data_element: field(0),
            period: field(1),
            org_unit: field(2),
            category_option_combo: field(3),
            attribute_option_combo: field(4),
            // An empty cell is an empty value, which deletes (DHIS2 reads it as "").
            value: text(5),
            stored_by: field(6),
            created: None,
            last_updated: field(7),
            comment: field(8),
            followup: flag(9),
            deleted: flag(10),
            unknown: Default::default(),
        });
    }
    Ok(rows)
}

/// Splits `text` into records of fields.
fn records(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
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
        return Err(CsvError(format!(
            "the CSV body ends inside a quoted field (line {line})"
        )));
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
            true,
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].value.as_deref(), Some("Đạt, \"tốt\""));
        assert_eq!(rows[0].comment.as_deref(), Some("ghi chú"));
    }

    #[test]
    fn the_first_row_is_skipped_whatever_it_says_as_dhis2_does() {
        let rows = parse(b"de,pe,ou,co,ao,value\nNQ-1,2026Q1,31001,,,3", true).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].data_element.as_deref(), Some("NQ-1"));
    }

    #[test]
    fn without_a_header_every_row_is_data() {
        let rows = parse(b"NQ-1,2026Q1,31001,,,3", false).unwrap();
        assert_eq!(rows[0].value.as_deref(), Some("3"));
    }

    #[test]
    fn followup_and_deleted_columns_are_read() {
        let rows = parse(
            b"h\nNQ-1,2026Q1,31001,,,3,,,,true,TRUE\nNQ-2,2026Q1,31001,,,,,,,false,false",
            true,
        )
        .unwrap();
        assert_eq!(rows[0].followup, Some(true));
        assert_eq!(rows[0].deleted, Some(true));
        assert_eq!(rows[1].deleted, Some(false));
        assert_eq!(rows[1].value.as_deref(), Some(""));
    }
}
