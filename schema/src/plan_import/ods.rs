//! What calamine does not report of an OpenDocument spreadsheet, read from `content.xml`:
//! merged cells (`table:number-columns-spanned`, `table:number-rows-spanned`) and cells shown
//! as percentages (`office:value-type="percentage"`), with repeated rows and columns counted
//! so positions match calamine's.

use calamine::Dimensions;
use roxmltree::{Document, Node, ParsingOptions};

use super::ImportError;
use super::sheet::SheetHints;

/// `(sheet name, hints)` per sheet, positions from A1 = (0, 0).
pub fn sheet_hints(content_xml: &[u8]) -> Result<Vec<(String, SheetHints)>, ImportError> {
    let text = std::str::from_utf8(content_xml)
        .map_err(|e| ImportError::Unreadable(format!("content.xml is not UTF-8: {e}")))?;
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options)
        .map_err(|e| ImportError::Unreadable(format!("content.xml is not well-formed: {e}")))?;
    Ok(document
        .descendants()
        .filter(|n| is(n, "table"))
        .map(|sheet| {
            let name = attribute(sheet, "name").unwrap_or_default().to_owned();
            (name, hints_of(sheet))
        })
        .collect())
}

fn is(node: &Node, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local
}

fn attribute<'a>(node: Node<'a, '_>, local: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == local)
        .map(|a| a.value())
}

fn count(node: Node, local: &str) -> u32 {
    attribute(node, local)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn hints_of(sheet: Node) -> SheetHints {
    let mut hints = SheetHints::default();
    let mut row: u32 = 0;
    let rows = sheet
        .descendants()
        .filter(|n| is(n, "table-row"))
        .filter(|r| {
            // Rows of this sheet, not of a sheet nested in a cell.
            r.ancestors().find(|a| is(a, "table")) == Some(sheet)
        });
    for table_row in rows {
        let mut column: u32 = 0;
        for cell in table_row
            .children()
            .filter(|n| is(n, "table-cell") || is(n, "covered-table-cell"))
        {
            let columns = count(cell, "number-columns-spanned");
            let rows_spanned = count(cell, "number-rows-spanned");
            if columns > 1 || rows_spanned > 1 {
                hints.merges.push(Dimensions {
                    start: (row, column),
                    end: (row + rows_spanned - 1, column + columns - 1),
                });
            }
            let repeated = count(cell, "number-columns-repeated");
            if attribute(cell, "value-type") == Some("percentage") {
                // A repeated cell is rare in a table and never repeated far; cap the work.
                for offset in 0..repeated.min(1024) {
                    hints.percent.insert((row, column + offset));
                }
            }
            column = column.saturating_add(repeated);
        }
        row = row.saturating_add(count(table_row, "number-rows-repeated"));
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_percentages_are_read_with_repeated_cells_counted() {
        let xml = r#"<?xml version="1.0"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
              xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
            <office:body><office:spreadsheet><table:table table:name="PL2">
              <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
              <table:table-row><table:table-cell table:number-columns-repeated="2"/>
                <table:table-cell table:number-rows-spanned="3"/>
                <table:table-cell office:value-type="percentage" office:value="0.7"/></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let sheets = sheet_hints(xml.as_bytes()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].0, "PL2");
        assert_eq!(
            sheets[0].1.merges,
            [Dimensions {
                start: (2, 2),
                end: (4, 2)
            }]
        );
        assert!(sheets[0].1.percent.contains(&(2, 3)));
    }
}
