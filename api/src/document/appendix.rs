//! The appendix table on its own page: the progress export's table (`progress::export::table`:
//! the same headings, column titles, group lines and cells), so the document and the export
//! can never disagree. Numbers are written with the decimal comma.

use chitieu_schema::messages::Lang;
use chitieu_schema::progress::{ProgressReport, ProgressRow};
use docx_rs::{
    AlignmentType, BreakType, Paragraph, Run, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::style::{self, TEXT_WIDTH, centred, run, size};
use crate::routes::progress::export::table::{self, COLUMNS, Line};

/// STT, indicator, unit, target, result, status, achievement: the indicator takes the rest.
const NARROW: [usize; COLUMNS] = [600, 0, 900, 1300, 1300, 1250, 900];

fn widths() -> [usize; COLUMNS] {
    let mut widths = NARROW;
    widths[1] = TEXT_WIDTH - NARROW.iter().sum::<usize>();
    widths
}

/// The page break, the headings, and the table.
pub fn paragraphs_before(report: &ProgressReport) -> Vec<Paragraph> {
    let [title, plan, scope] = table::heading_lines(report, Lang::Vi);
    vec![
        Paragraph::new().add_run(Run::new().add_break(BreakType::Page)),
        centred(run(title, size::TITLE).bold()),
        centred(run(format!("({plan})"), size::BODY).italic()),
        centred(run(scope, size::BODY).italic()).line_spacing(style::single().after(240)),
    ]
}

pub fn table(report: &ProgressReport) -> Table {
    let widths = widths();
    let header = TableRow::new(
        table::column_titles(report, Lang::Vi)
            .into_iter()
            .zip(widths)
            .map(|(title, width)| cell(&title, width, true, AlignmentType::Center))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for line in table::lines(report) {
        rows.push(match line {
            Line::Section { code, title } => TableRow::new(vec![
                cell(code, widths[0], true, AlignmentType::Center),
                cell(title, TEXT_WIDTH - widths[0], true, AlignmentType::Left)
                    .grid_span(COLUMNS - 1),
            ]),
            Line::Item(row) => item(row, widths),
        });
    }
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn item(row: &ProgressRow, widths: [usize; COLUMNS]) -> TableRow {
    let cells = table::display_cells(row, Lang::Vi);
    TableRow::new(
        cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(column, (text, width))| {
                let align = if column == 1 {
                    AlignmentType::Left
                } else {
                    AlignmentType::Center
                };
                cell(text, width, false, align)
            })
            .collect(),
    )
    .cant_split()
}

fn cell(text: &str, width: usize, bold: bool, align: AlignmentType) -> TableCell {
    let mut text_run = run(text, size::TABLE);
    if bold {
        text_run = text_run.bold();
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .add_run(text_run)
                .align(align)
                .line_spacing(style::single()),
        )
}
