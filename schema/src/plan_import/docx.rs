//! Tables of a Word document (`word/document.xml`): `w:tbl` rows and cells, with horizontal
//! (`w:gridSpan`) and vertical (`w:vMerge`) merges expanded so every grid position has text.

use roxmltree::{Document, Node, ParsingOptions};

use super::ImportError;
use super::table::{RefStyle, Table, clean_cell};

/// Every top-level table of the document, in order; tables nested in cells are read as the
/// text of their cell.
pub fn tables(document_xml: &[u8]) -> Result<Vec<Table>, ImportError> {
    let text = std::str::from_utf8(document_xml)
        .map_err(|e| ImportError::Unreadable(format!("word/document.xml is not UTF-8: {e}")))?;
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|e| {
        ImportError::Unreadable(format!("word/document.xml is not well-formed XML: {e}"))
    })?;
    let top_level = document
        .descendants()
        .filter(|n| is(n, "tbl"))
        .filter(|n| !n.ancestors().skip(1).any(|a| is(&a, "tbl")));
    Ok(top_level
        .enumerate()
        .map(|(index, table)| read_table(table, index + 1))
        .collect())
}

fn is(node: &Node, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    local: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |n| is(n, local))
}

fn property<'a>(cell: Node<'a, '_>, local: &str) -> Option<Node<'a, 'a>> {
    children(cell, "tcPr")
        .next()
        .and_then(|pr| pr.children().find(|n| is(n, local)))
}

fn value_of<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

/// The nearest ancestor that is a `local` element (a row's table, a cell's row), so rows and
/// cells wrapped in content controls (`w:sdt`) or custom XML are found, and those of nested
/// tables are not taken for this table's.
fn owner<'a, 'input>(node: Node<'a, 'input>, local: &str) -> Option<Node<'a, 'input>> {
    node.ancestors().skip(1).find(|a| is(a, local))
}

fn read_table(table: Node, number: usize) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let table_rows = table
        .descendants()
        .filter(|n| is(n, "tr") && owner(*n, "tbl") == Some(table));
    for row in table_rows {
        // Cells the row skips at its start (`w:gridBefore`) are empty grid positions.
        let skipped = children(row, "trPr")
            .next()
            .and_then(|pr| pr.children().find(|n| is(n, "gridBefore")))
            .and_then(value_of)
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
            .min(64);
        let mut cells: Vec<String> = vec![String::new(); skipped];
        let row_cells = row
            .descendants()
            .filter(|n| is(n, "tc") && owner(*n, "tr") == Some(row));
        for cell in row_cells {
            let span = property(cell, "gridSpan")
                .and_then(value_of)
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            let continues_above = property(cell, "vMerge")
                .is_some_and(|merge| value_of(merge).is_none_or(|v| v == "continue"));
            let column = cells.len();
            let text = if continues_above {
                rows.last()
                    .and_then(|above| above.get(column))
                    .cloned()
                    .unwrap_or_default()
            } else {
                cell_text(cell)
            };
            cells.extend(std::iter::repeat_n(text, span));
        }
        rows.push(cells);
    }
    Table::new(RefStyle::Grid { table: number }, rows)
}

/// The paragraphs of a cell, one a line (and a line break `w:br` as one): officials list
/// agencies one a paragraph; names broken over lines are joined by the reader of each column.
fn cell_text(cell: Node) -> String {
    let mut text = String::new();
    for paragraph in cell.descendants().filter(|n| is(n, "p")) {
        if !text.is_empty() {
            text.push('\n');
        }
        for piece in paragraph.descendants() {
            if is(&piece, "t") {
                text.push_str(piece.text().unwrap_or_default());
            } else if is(&piece, "br") || is(&piece, "cr") {
                text.push('\n');
            } else if is(&piece, "tab") {
                text.push(' ');
            }
        }
    }
    clean_cell(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn document(body: &str) -> Vec<u8> {
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
            .into_bytes()
    }

    #[test]
    fn merged_cells_are_expanded_and_paragraphs_kept_as_lines() {
        let xml = document(
            r#"<w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>I</w:t></w:r></w:p></w:tc>
                <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Phát triển hạ tầng</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>Tỷ lệ phủ sóng</w:t></w:r></w:p><w:p><w:r><w:t>5G</w:t></w:r></w:p></w:tc>
                <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Phòng Kinh tế</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>Tỷ lệ chi</w:t></w:r></w:p></w:tc>
                <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
            </w:tbl>"#,
        );
        let tables = tables(&xml).unwrap();
        assert_eq!(tables.len(), 1);
        let rows = &tables[0].rows;
        assert_eq!(rows[0], ["I", "Phát triển hạ tầng", "Phát triển hạ tầng"]);
        assert_eq!(rows[1], ["1", "Tỷ lệ phủ sóng\n5G", "Phòng Kinh tế"]);
        assert_eq!(rows[2], ["2", "Tỷ lệ chi", "Phòng Kinh tế"]);
        assert_eq!(tables[0].cell_ref(2, 2), "table 1, R3C3");
    }

    #[test]
    fn rows_in_content_controls_and_skipped_grid_columns_are_read() {
        let xml = document(
            r#"<w:tbl>
              <w:sdt><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt>
              <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
                <w:tc><w:p><w:r><w:t>nối tiếp</w:t></w:r></w:p>
                  <w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>
            </w:tbl>"#,
        );
        let tables = tables(&xml).unwrap();
        assert_eq!(tables.len(), 1, "a nested table is part of its cell");
        assert_eq!(tables[0].rows[0], ["STT", "Chỉ tiêu"]);
        assert_eq!(tables[0].rows[1], ["", "nối tiếp\nlồng"]);
    }

    #[test]
    fn malformed_xml_is_unreadable() {
        let refused = tables(b"<w:document><w:body>").unwrap_err();
        assert!(matches!(refused, ImportError::Unreadable(_)));
    }
}
