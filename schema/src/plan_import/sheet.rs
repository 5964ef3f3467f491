//! Tables of a workbook (XLSX, ODS) through calamine: one table per sheet, merged
//! regions expanded (XLSX from calamine, ODS from `content.xml`) so a merged lead-agency or
//! header cell reads in every position.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};

use super::ImportError;
use super::table::{RefStyle, Table, clean_cell};

/// What calamine does not tell about a sheet, read from the file by us.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetHints {
    /// Merged regions (ODS; calamine reports those of XLSX itself).
    pub merges: Vec<Dimensions>,
    /// Cells shown as percentages, `(row, column)` from A1: `1` there reads `100%`.
    pub percent: HashSet<(u32, u32)>,
}

/// One table per sheet; `hints` by sheet name.
pub fn tables(bytes: &[u8], hints: &[(String, SheetHints)]) -> Result<Vec<Table>, ImportError> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ImportError::Unreadable(format!("the workbook cannot be read: {e}")))?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ImportError::Unreadable(format!("sheet {name:?} cannot be read: {e}")))?;
        let hint = hints
            .iter()
            .find(|(sheet, _)| *sheet == name)
            .map(|(_, hint)| hint.clone())
            .unwrap_or_default();
        let merges = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| ImportError::Unreadable(format!("sheet {name:?}: {e}")))?,
            _ => hint.merges,
        };
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = range
            .rows()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, cell)| {
                        let at = (first_row + r as u32, first_column + c as u32);
                        text_of(cell, hint.percent.contains(&at))
                    })
                    .collect()
            })
            .collect();
        expand_merges(&mut rows, &merges, first_row, first_column);
        let mut table = Table::new(RefStyle::Sheet { name: name.clone() }, rows);
        table.lines = (0..table.rows.len())
            .map(|i| first_row as usize + i + 1)
            .collect();
        table.first_column = first_column as usize;
        tables.push(table);
    }
    Ok(tables)
}

/// A cell as a person sees it in a Vietnamese spreadsheet: numbers with a decimal comma,
/// percentages as such (`1` shown as `100%` is `100%`, never the target 1).
fn text_of(cell: &Data, shown_as_percent: bool) -> String {
    let number = match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        Data::String(s) => return clean_cell(s),
        Data::Empty | Data::Error(_) => return String::new(),
        other => return clean_cell(&other.to_string()),
    };
    if shown_as_percent {
        format!("{}%", number_text(number * 100.0))
    } else {
        number_text(number)
    }
}

/// `60`, `3,5`, `0,77`: rounded to 9 decimals, which drops float noise (`0.6 × 100`) and
/// nothing a plan writes.
fn number_text(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        return format!("{}", rounded as i64);
    }
    format!("{rounded}").replace('.', ",")
}

fn expand_merges(rows: &mut [Vec<String>], merges: &[Dimensions], top: u32, left: u32) {
    for merge in merges {
        let (Some(r0), Some(c0)) = (
            merge.start.0.checked_sub(top),
            merge.start.1.checked_sub(left),
        ) else {
            continue;
        };
        let (r0, c0) = (r0 as usize, c0 as usize);
        let value = rows
            .get(r0)
            .and_then(|r| r.get(c0))
            .cloned()
            .unwrap_or_default();
        let last_row = (merge.end.0.saturating_sub(top) as usize).min(rows.len().saturating_sub(1));
        let last_column = merge.end.1.saturating_sub(left) as usize;
        for row in rows.iter_mut().take(last_row + 1).skip(r0) {
            if row.len() <= last_column {
                row.resize(last_column + 1, String::new());
            }
            for cell in row.iter_mut().take(last_column + 1).skip(c0) {
                cell.clone_from(&value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_vietnamese_spreadsheet_shows_them() {
        assert_eq!(text_of(&Data::Float(1.0), true), "100%");
        assert_eq!(text_of(&Data::Float(0.6), true), "60%");
        assert_eq!(text_of(&Data::Float(0.035), true), "3,5%");
        assert_eq!(text_of(&Data::Float(0.77), false), "0,77");
        assert_eq!(text_of(&Data::Float(2045.0), false), "2045");
        assert_eq!(text_of(&Data::Int(800), false), "800");
    }

    #[test]
    fn a_merged_region_gives_its_text_to_every_cell() {
        let mut rows = vec![
            vec!["1".to_owned(), "Phòng Kinh tế".to_owned()],
            vec!["2".to_owned(), String::new()],
        ];
        let merge = Dimensions {
            start: (1, 1),
            end: (2, 1),
        };
        expand_merges(&mut rows, &[merge], 1, 0);
        assert_eq!(rows[1][1], "Phòng Kinh tế");
    }
}
