//! The top of the first page: the "DỰ THẢO" box of a draft, the header table (issuing body and
//! number on the left; the national title and motto, or the Party's title, and the place and
//! date on the right), then "BÁO CÁO" and the summary line.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Table, TableCell, TableRow, WidthType,
};

use super::particulars::{Particulars, date_in_words};
use super::style::{self, TEXT_WIDTH, centred, run, size};

pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
pub const DRAFT_MARK: &str = "DỰ THẢO";
pub const DOCUMENT_TYPE: &str = "BÁO CÁO";

/// The left column holds the issuing body; the right one the national title.
const LEFT_WIDTH: usize = TEXT_WIDTH * 2 / 5;
const RIGHT_WIDTH: usize = TEXT_WIDTH - LEFT_WIDTH;

pub fn paragraphs_before(particulars: &Particulars) -> Vec<Paragraph> {
    if !particulars.draft {
        return Vec::new();
    }
    // The decree's mark for a draft: bold, in a box, at the top right.
    let mark = Paragraph::new()
        .add_run(run(DRAFT_MARK, size::TITLE).bold())
        .align(AlignmentType::Right)
        .line_spacing(style::single());
    vec![boxed(mark)]
}

pub fn header_table(particulars: &Particulars) -> Table {
    let left = left_cell(particulars);
    let right = if particulars.party {
        right_cell_party(particulars)
    } else {
        right_cell_state(particulars)
    };
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![LEFT_WIDTH, RIGHT_WIDTH])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn left_cell(particulars: &Particulars) -> TableCell {
    let mut cell = TableCell::new().width(LEFT_WIDTH, WidthType::Dxa);
    if let Some(superior) = &particulars.superior_body {
        cell = cell.add_paragraph(centred(run(superior.to_uppercase(), size::BODY_NAME)));
    }
    let last = particulars.issuing_body.len().saturating_sub(1);
    for (index, line) in particulars.issuing_body.iter().enumerate() {
        cell = cell.add_paragraph(centred(run(line.clone(), size::BODY_NAME).bold()));
        // The rule under the issuing body is a third to a half of the line's length; a Party
        // body's name is followed by a star instead.
        if index == last && !particulars.party {
            cell = cell.add_paragraph(rule(text_width(line, size::BODY_NAME) / 2, LEFT_WIDTH));
        }
    }
    if particulars.party {
        cell = cell.add_paragraph(centred(run("*", size::BODY_NAME)));
    }
    let number = if particulars.party {
        format!("Số {}", particulars.document_number)
    } else {
        format!("Số: {}", particulars.document_number)
    };
    cell.add_paragraph(centred(run(number, size::NUMBER)).line_spacing(style::single().before(120)))
}

fn right_cell_state(particulars: &Particulars) -> TableCell {
    TableCell::new()
        .width(RIGHT_WIDTH, WidthType::Dxa)
        .add_paragraph(centred(run(NATIONAL_TITLE, size::NATIONAL_TITLE).bold()))
        .add_paragraph(centred(run(MOTTO, size::MOTTO).bold()))
        .add_paragraph(rule(text_width(MOTTO, size::MOTTO), RIGHT_WIDTH))
        .add_paragraph(place_and_date(particulars))
}

fn right_cell_party(particulars: &Particulars) -> TableCell {
    TableCell::new()
        .width(RIGHT_WIDTH, WidthType::Dxa)
        .add_paragraph(centred(run(PARTY_TITLE, size::PARTY_TITLE).bold()))
        .add_paragraph(rule(
            text_width(PARTY_TITLE, size::PARTY_TITLE),
            RIGHT_WIDTH,
        ))
        .add_paragraph(place_and_date(particulars))
}

fn place_and_date(particulars: &Particulars) -> Paragraph {
    centred(
        run(
            format!(
                "{}, {}",
                particulars.place,
                date_in_words(particulars.issued_on)
            ),
            size::PLACE_DATE,
        )
        .italic(),
    )
    .line_spacing(style::single().before(240))
}

/// "BÁO CÁO" and the summary line below it, with a short rule under the summary.
pub fn title(particulars: &Particulars) -> Vec<Paragraph> {
    vec![
        centred(run(DOCUMENT_TYPE, size::TITLE).bold()).line_spacing(style::single().before(360)),
        centred(run(particulars.summary.clone(), size::TITLE).bold()),
        rule(TEXT_WIDTH / 4, TEXT_WIDTH),
        Paragraph::new().size(style::half_points(size::BODY)),
    ]
}

/// An empty paragraph whose bottom border is a rule `rule` long, centred in `width`: the
/// decree's rules under the motto, the issuing body and the summary line.
fn rule(rule: usize, width: usize) -> Paragraph {
    let rule = rule.min(width);
    let side = i32::try_from((width - rule) / 2).unwrap_or(0);
    // Six points high, so the rule sits clear below the line above it.
    let mut paragraph = Paragraph::new()
        .size(2)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(60)
                .line(120)
                .line_rule(LineSpacingType::Exact),
        )
        .indent(Some(side), None, Some(side), None);
    // Only the bottom border: docx-rs starts a paragraph's borders with all four sides.
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(0)
                .color("000000"),
        ),
    );
    paragraph
}

/// About how wide `text` is at `points`, in twentieths of a point: an average Times New Roman
/// letter is half the font size wide, a capital about seven tenths.
fn text_width(text: &str, points: usize) -> usize {
    text.chars()
        .map(|c| {
            if c.is_uppercase() {
                points * 14
            } else {
                points * 10
            }
        })
        .sum()
}

fn boxed(mut paragraph: Paragraph) -> Paragraph {
    for position in [
        ParagraphBorderPosition::Top,
        ParagraphBorderPosition::Bottom,
        ParagraphBorderPosition::Left,
        ParagraphBorderPosition::Right,
    ] {
        paragraph.property = paragraph.property.set_border(
            ParagraphBorder::new(position)
                .val(BorderType::Single)
                .size(8)
                .space(2)
                .color("000000"),
        );
    }
    paragraph.indent(Some((TEXT_WIDTH * 4 / 5) as i32), None, None, None)
}
