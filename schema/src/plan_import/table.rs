//! The one table model every reader produces: rows of cell texts, merged cells already
//! expanded, and a way to name any cell as the source document would.

use unicode_normalization::UnicodeNormalization;

/// How a cell is named to a person looking at the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefStyle {
    /// A Word table: `table 2, R12C3` (rows and columns from 1).
    Grid { table: usize },
    /// A spreadsheet: `Sheet1!B12`.
    Sheet { name: String },
    /// A CSV/TSV file: `line 40, field 3`; the line of each row is kept in [`Table::lines`].
    Lines,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub style: RefStyle,
    /// Cell texts, NFC-normalised, trimmed, spaces collapsed; line breaks inside a cell (a
    /// Word cell's paragraphs, Alt+Enter in Excel) kept as `\n`: agencies are listed one a
    /// line. [`one_line`] gives the text as one line where breaks mean nothing.
    pub rows: Vec<Vec<String>>,
    /// For [`RefStyle::Lines`]: the source line of each row. For sheets: the first row's
    /// number minus one (a range need not start at A1).
    pub lines: Vec<usize>,
    /// For sheets: the first column's index (a range need not start at column A).
    pub first_column: usize,
}

impl Table {
    pub fn new(style: RefStyle, rows: Vec<Vec<String>>) -> Self {
        let lines = (1..=rows.len()).collect();
        Self {
            style,
            rows,
            lines,
            first_column: 0,
        }
    }

    /// The cell at `row`, `column` (from 0); empty when the row is shorter.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", String::as_str)
    }

    /// Where a row is, for a diagnostic about the whole row.
    pub fn row_ref(&self, row: usize) -> String {
        let line = self.lines.get(row).copied().unwrap_or(row + 1);
        match &self.style {
            RefStyle::Grid { table } => format!("table {table}, R{line}"),
            RefStyle::Sheet { name } => format!("{name}!{line}:{line}"),
            RefStyle::Lines => format!("line {line}"),
        }
    }

    /// Where a cell is: `table 1, R12C3`, `Sheet1!B12`, `line 40, field 3`.
    pub fn cell_ref(&self, row: usize, column: usize) -> String {
        let line = self.lines.get(row).copied().unwrap_or(row + 1);
        match &self.style {
            RefStyle::Grid { table } => format!("table {table}, R{line}C{}", column + 1),
            RefStyle::Sheet { name } => {
                format!(
                    "{name}!{}{line}",
                    column_letters(self.first_column + column)
                )
            }
            RefStyle::Lines => format!("line {line}, field {}", column + 1),
        }
    }
}

/// `0` → `A`, `27` → `AB`.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// A cell's text as the rest of the importer sees it: NFC, LaTeX left by converters
/// (`$\geq 70\%$`) kept as written (the target parser reads it), runs of spaces made one,
/// empty lines dropped and the line breaks between the others kept.
pub fn clean_cell(raw: &str) -> String {
    let nfc: String = raw.nfc().collect();
    nfc.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{b}'])
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cell's text on one line: a name or a target broken over lines reads as one text.
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn cells_are_named_as_the_source_would_name_them() {
        let rows = vec![vec!["a".to_owned(), "b".to_owned()]];
        let grid = Table::new(RefStyle::Grid { table: 2 }, rows.clone());
        assert_eq!(grid.cell_ref(0, 1), "table 2, R1C2");
        let sheet = Table::new(RefStyle::Sheet { name: "PL2".into() }, rows.clone());
        assert_eq!(sheet.cell_ref(0, 1), "PL2!B1");
        let mut lines = Table::new(RefStyle::Lines, rows);
        lines.lines = vec![40];
        assert_eq!(lines.cell_ref(0, 2), "line 40, field 3");
    }

    #[test]
    fn a_cell_keeps_its_line_breaks_and_reads_as_one_line_where_they_mean_nothing() {
        let cell = clean_cell(" Phòng Văn hóa-\r\n\n Xã hội  ");
        assert_eq!(cell, "Phòng Văn hóa-\nXã hội");
        assert_eq!(one_line(&cell), "Phòng Văn hóa- Xã hội");
    }
}
