//! Tables of a workbook (XLSX, ODS, XLS) through calamine: one table per sheet, merged
//! regions expanded (XLSX from calamine, ODS from `content.xml`) so a merged lead-agency or
//! header cell reads in every position.

use std::io::Cursor;

use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};

use super::ImportError;
use super::table::{RefStyle, Table, clean_cell};

/// `known_merges`: the merged regions per sheet when calamine cannot tell them (ODS).
pub fn tables(
    bytes: &[u8],
    known_merges: &[(String, Vec<Dimensions>)],
) -> Result<Vec<Table>, ImportError> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ImportError::Unreadable(format!("the workbook cannot be read: {e}")))?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ImportError::Unreadable(format!("sheet {name:?} cannot be read: {e}")))?;
        let merges = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| ImportError::Unreadable(format!("sheet {name:?}: {e}")))?,
            _ => known_merges
                .iter()
                .find(|(sheet, _)| *sheet == name)
                .map(|(_, merges)| merges.clone())
                .unwrap_or_default(),
        };
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(text_of).collect())
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

fn text_of(cell: &Data) -> String {
    match cell {
        Data::String(s) => clean_cell(s),
        // Whole numbers typed as numbers (item numbers, years) read as written.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Empty | Data::Error(_) => String::new(),
        other => clean_cell(&other.to_string()),
    }
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
