//! CSV and TSV: UTF-8 with or without a byte-order mark, the delimiter sniffed from the text.

use super::ImportError;
use super::table::{RefStyle, Table, clean_cell};

pub fn table(bytes: &[u8]) -> Result<Table, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::NotWhatItClaims(format!(
            "the file is not UTF-8 text (byte {}): save the CSV as UTF-8",
            e.valid_up_to()
        ))
    })?;
    if text.contains('\0') {
        return Err(ImportError::NotWhatItClaims(
            "the file holds NUL bytes: it is binary, not CSV or TSV text".to_owned(),
        ));
    }
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable(format!("CSV: {e}")))?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push(record.iter().map(clean_cell).collect());
        lines.push(line);
    }
    let mut table = Table::new(RefStyle::Lines, rows);
    table.lines = lines;
    Ok(table)
}

/// Tab when the text has tabs (converters' TSV carry commas inside names); otherwise the one
/// of `;` and `,` seen most often in the first lines (Excel in Vietnamese locales writes `;`).
fn sniff_delimiter(text: &str) -> u8 {
    let head: Vec<&str> = text.lines().take(30).collect();
    let count = |c: char| head.iter().map(|l| l.matches(c).count()).sum::<usize>();
    if count('\t') > 0 {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tsv_with_commas_in_names_splits_on_tabs() {
        let table = table("Stt\tChỉ tiêu\n1\tTỷ lệ cán bộ, công chức\n".as_bytes()).unwrap();
        assert_eq!(table.rows[1], ["1", "Tỷ lệ cán bộ, công chức"]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        let table = table("\u{FEFF}STT;Chỉ tiêu\n1;Tỷ lệ\n".as_bytes()).unwrap();
        assert_eq!(table.rows[0][0], "STT");
        assert_eq!(table.cell_ref(1, 1), "line 2, field 2");
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_saying_so() {
        let refused = table(b"STT,Ch\xec ti\xeau\n").unwrap_err();
        assert!(refused.to_string().contains("not UTF-8"), "{refused}");
    }
}
