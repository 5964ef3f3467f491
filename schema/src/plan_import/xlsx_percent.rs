//! Which cells of an XLSX workbook are shown as percentages. Excel stores a typed `100%` as
//! the number 1 with a percent number format, which calamine does not report: read as a bare
//! number it would be a target of 1, a wrong number. The styles (`xl/styles.xml`) say which
//! cell formats are percentages; each sheet's cells (`<c r="C5" s="3">`) say which format
//! they use.

use std::collections::HashSet;

use roxmltree::{Document, Node, ParsingOptions};

use super::ImportError;
use super::limits::read_entry;

/// `(sheet name, cells (row, column) from A1 = (0, 0))` per sheet with percentage cells.
pub type PercentCells = Vec<(String, HashSet<(u32, u32)>)>;

pub fn percent_cells(bytes: &[u8], cap: u64) -> Result<PercentCells, ImportError> {
    let styles = match read_entry(bytes, "xl/styles.xml", cap) {
        Ok(styles) => styles,
        // A workbook without styles has no percent formats.
        Err(ImportError::NotWhatItClaims(_)) => return Ok(Vec::new()),
        Err(other) => return Err(other),
    };
    let percent_styles = with_xml(&styles, "xl/styles.xml", percent_style_indexes)?;
    if percent_styles.is_empty() {
        return Ok(Vec::new());
    }
    let workbook = read_entry(bytes, "xl/workbook.xml", cap)?;
    let sheets = with_xml(&workbook, "xl/workbook.xml", sheet_ids)?;
    let rels = read_entry(bytes, "xl/_rels/workbook.xml.rels", cap)?;
    let targets = with_xml(&rels, "xl/_rels/workbook.xml.rels", relationship_targets)?;
    let mut found = Vec::new();
    for (name, id) in sheets {
        let Some((_, target)) = targets.iter().find(|(rel, _)| *rel == id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{target}"),
        };
        let sheet = read_entry(bytes, &path, cap)?;
        let cells = with_xml(&sheet, &path, |doc| cells_styled(doc, &percent_styles))?;
        if !cells.is_empty() {
            found.push((name, cells));
        }
    }
    Ok(found)
}

fn with_xml<T>(
    bytes: &[u8],
    name: &str,
    read: impl FnOnce(&Document) -> T,
) -> Result<T, ImportError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::Unreadable(format!("{name} is not UTF-8: {e}")))?;
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options)
        .map_err(|e| ImportError::Unreadable(format!("{name} is not well-formed: {e}")))?;
    Ok(read(&document))
}

fn is(node: &Node, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local
}

fn attribute<'a>(node: Node<'a, '_>, local: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == local)
        .map(|a| a.value())
}

/// The indexes of `cellXfs` whose number format shows a percentage: built-in 9 (`0%`) and 10
/// (`0.00%`), or a custom format with `%` outside quotes.
fn percent_style_indexes(styles: &Document) -> HashSet<usize> {
    let custom: Vec<(&str, bool)> = styles
        .descendants()
        .filter(|n| is(n, "numFmt"))
        .filter_map(|n| {
            let id = attribute(n, "numFmtId")?;
            let code = attribute(n, "formatCode").unwrap_or_default();
            let unquoted: String = code.split('"').step_by(2).collect();
            Some((id, unquoted.contains('%')))
        })
        .collect();
    let Some(cell_xfs) = styles.descendants().find(|n| is(n, "cellXfs")) else {
        return HashSet::new();
    };
    cell_xfs
        .children()
        .filter(|n| is(n, "xf"))
        .enumerate()
        .filter(|(_, xf)| {
            let id = attribute(*xf, "numFmtId").unwrap_or("0");
            matches!(id, "9" | "10") || custom.iter().any(|(c, percent)| *c == id && *percent)
        })
        .map(|(index, _)| index)
        .collect()
}

/// `(sheet name, relationship id)` in workbook order.
fn sheet_ids(workbook: &Document) -> Vec<(String, String)> {
    workbook
        .descendants()
        .filter(|n| is(n, "sheet"))
        .filter_map(|sheet| {
            let name = attribute(sheet, "name")?;
            let id = sheet
                .attributes()
                .find(|a| a.name() == "id" && a.namespace().is_some())?
                .value();
            Some((name.to_owned(), id.to_owned()))
        })
        .collect()
}

fn relationship_targets(rels: &Document) -> Vec<(String, String)> {
    rels.descendants()
        .filter(|n| is(n, "Relationship"))
        .filter_map(|r| {
            Some((
                attribute(r, "Id")?.to_owned(),
                attribute(r, "Target")?.to_owned(),
            ))
        })
        .collect()
}

fn cells_styled(sheet: &Document, styles: &HashSet<usize>) -> HashSet<(u32, u32)> {
    sheet
        .descendants()
        .filter(|n| is(n, "c"))
        .filter(|c| {
            attribute(*c, "s")
                .and_then(|s| s.parse::<usize>().ok())
                .is_some_and(|s| styles.contains(&s))
        })
        .filter_map(|c| position(attribute(c, "r")?))
        .collect()
}

/// `B12` → `(11, 1)`.
fn position(reference: &str) -> Option<(u32, u32)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    let column = letters.bytes().try_fold(0u32, |acc, b| {
        b.is_ascii_uppercase()
            .then(|| acc * 26 + u32::from(b - b'A') + 1)
    })?;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_become_positions() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("B12"), Some((11, 1)));
        assert_eq!(position("AA3"), Some((2, 26)));
        assert_eq!(position("12"), None);
    }

    #[test]
    fn percent_formats_are_built_in_or_custom_with_a_percent_sign() {
        let styles = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/>
            <numFmt numFmtId="165" formatCode="&quot;%&quot;0"/></numFmts>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/>
            </cellXfs></styleSheet>"#;
        let document = Document::parse(styles).unwrap();
        let found = percent_style_indexes(&document);
        assert_eq!(found, HashSet::from([1, 2]));
    }
}
