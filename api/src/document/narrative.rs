//! The report's narrative in the numbering administrative documents use: sections `I.`, `II.`
//! (upper case, bold), their items `1.`, `2.` (bold), and sub-items `a)`, `b)` (bold italic),
//! each followed by its text with the HTML's emphasis, lists and tables carried over.

use chitieu_schema::reports::NarrativeSection;
use docx_rs::{
    AlignmentType, Paragraph, Run, SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

use super::html::{Block, Row, Span, blocks};
use super::style::{self, FIRST_LINE_INDENT, TEXT_WIDTH, run, size};

/// One thing the document body holds, in order.
pub enum Element {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The sections in reading order: children right after their parent, siblings by position.
pub fn ordered(sections: &[NarrativeSection]) -> Vec<&NarrativeSection> {
    fn visit<'a>(
        parent: Option<&str>,
        sections: &'a [NarrativeSection],
        out: &mut Vec<&'a NarrativeSection>,
    ) {
        let mut children: Vec<&NarrativeSection> = sections
            .iter()
            .filter(|s| s.parent_code.as_deref() == parent)
            .collect();
        children.sort_by(|a, b| (a.position, &a.code).cmp(&(b.position, &b.code)));
        for child in children {
            out.push(child);
            visit(Some(&child.code), sections, out);
        }
    }
    let mut out = Vec::with_capacity(sections.len());
    visit(None, sections, &mut out);
    out
}

/// The heading of a section as printed: `I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO`, `1. Ưu điểm`, `a) …`.
pub fn heading_text(section: &NarrativeSection) -> String {
    let parts: Vec<&str> = section.code.split('.').collect();
    let title = section.title.trim();
    match parts.as_slice() {
        [numeral] => format!("{numeral}. {}", title.to_uppercase()),
        [_, item] => format!("{}. {title}", item.trim_start_matches('0')),
        [_, _, sub] => {
            let letter = sub
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=26).contains(n))
                .and_then(|n| char::from_u32(u32::from(b'a') + n - 1))
                .map_or_else(|| sub.to_string(), String::from);
            format!("{letter}) {title}")
        }
        _ => format!("- {title}"),
    }
}

pub fn elements(sections: &[NarrativeSection]) -> Vec<Element> {
    let mut out = Vec::new();
    for section in ordered(sections) {
        let depth = section.code.split('.').count();
        let mut heading = run(heading_text(section), size::BODY).bold();
        if depth == 3 {
            heading = heading.italic();
        }
        out.push(Element::Paragraph(Box::new(
            Paragraph::new()
                .add_run(heading)
                .align(AlignmentType::Both)
                .line_spacing(style::body_spacing())
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
                    None,
                    None,
                )
                .keep_next(true),
        )));
        for block in blocks(&section.content_html) {
            out.push(element(block));
        }
    }
    out
}

fn element(block: Block) -> Element {
    match block {
        Block::Paragraph(spans) => Element::Paragraph(Box::new(
            runs(Paragraph::new(), &spans, size::BODY)
                .align(AlignmentType::Both)
                .line_spacing(style::body_spacing())
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
                    None,
                    None,
                ),
        )),
        Block::ListItem {
            marker,
            depth,
            spans,
        } => {
            let left = FIRST_LINE_INDENT * (i32::try_from(depth).unwrap_or(0) + 1);
            let paragraph = Paragraph::new().add_run(run(format!("{marker} "), size::BODY));
            Element::Paragraph(Box::new(
                runs(paragraph, &spans, size::BODY)
                    .align(AlignmentType::Both)
                    .line_spacing(style::body_spacing())
                    .indent(Some(left), None, None, None),
            ))
        }
        Block::Table(rows) => Element::Table(Box::new(table(rows))),
    }
}

/// The spans as runs; a line break inside a span becomes a break in the paragraph.
pub fn runs(mut paragraph: Paragraph, spans: &[Span], points: usize) -> Paragraph {
    for span in spans {
        for (index, line) in span.text.split('\n').enumerate() {
            if index > 0 {
                paragraph = paragraph.add_run(
                    Run::new()
                        .add_break(docx_rs::BreakType::TextWrapping)
                        .size(style::half_points(points)),
                );
            }
            if line.is_empty() {
                continue;
            }
            let mut piece = run(line, points);
            if span.bold {
                piece = piece.bold();
            }
            if span.italic {
                piece = piece.italic();
            }
            if span.underline {
                piece = piece.underline("single");
            }
            paragraph = paragraph.add_run(piece);
        }
    }
    paragraph
}

fn table(rows: Vec<Row>) -> Table {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = TEXT_WIDTH / columns;
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut row: Vec<TableCell> = cells
                .into_iter()
                .map(|(header, spans)| {
                    let mut spans = spans;
                    if header {
                        spans.iter_mut().for_each(|s| s.bold = true);
                    }
                    let paragraph = runs(Paragraph::new(), &spans, size::TABLE)
                        .line_spacing(style::single())
                        .align(if header {
                            AlignmentType::Center
                        } else {
                            AlignmentType::Left
                        });
                    TableCell::new()
                        .width(width, WidthType::Dxa)
                        .add_paragraph(paragraph)
                })
                .collect();
            // Short rows are filled so every row spans the table.
            while row.len() < columns {
                row.push(
                    TableCell::new()
                        .width(width, WidthType::Dxa)
                        .add_paragraph(Paragraph::new()),
                );
            }
            TableRow::new(row)
        })
        .collect();
    Table::new(rows)
        .set_grid(vec![width; columns])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(code: &str, parent: Option<&str>, title: &str, position: i32) -> NarrativeSection {
        NarrativeSection {
            code: code.to_owned(),
            parent_code: parent.map(str::to_owned),
            title: title.to_owned(),
            position,
            content_html: String::new(),
        }
    }

    #[test]
    fn sections_read_parent_first_and_siblings_by_position() {
        let sections = [
            section("II", None, "Kết quả đạt được", 2),
            section("III.2", Some("III"), "Tồn tại, hạn chế", 2),
            section("I", None, "Công tác lãnh đạo, chỉ đạo", 1),
            section("III", None, "Đánh giá chung", 3),
            section("III.1", Some("III"), "Ưu điểm", 1),
            section("III.1.1", Some("III.1"), "Về hạ tầng", 1),
        ];
        let headings: Vec<String> = ordered(&sections).into_iter().map(heading_text).collect();
        assert_eq!(
            headings,
            [
                "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
                "II. KẾT QUẢ ĐẠT ĐƯỢC",
                "III. ĐÁNH GIÁ CHUNG",
                "1. Ưu điểm",
                "a) Về hạ tầng",
                "2. Tồn tại, hạn chế",
            ]
        );
    }
}
