//! The appendix table as an Excel workbook: one sheet, the headings above the table, numbers as
//! numeric cells so officers can add up and chart them, targets as written, and a page setup
//! that prints landscape on one page wide with the header repeated.

use chitieu_schema::messages::Lang;
use chitieu_schema::progress::{ProgressReport, ProgressRow};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::table::{self, Actual, COLUMNS, Line};

/// Excel accepts any Unicode in sheet names except `[]:*?/\`.
pub const SHEET_NAME: &str = "Tiến độ";
/// Three heading lines, then a blank line, then the column titles.
pub const HEADER_ROW: u32 = 4;
const LAST_COLUMN: u16 = COLUMNS as u16 - 1;
const COLUMN_WIDTHS: [f64; COLUMNS] = [6.0, 55.0, 12.0, 16.0, 18.0, 20.0, 12.0];
const PERCENT: &str = "0.0%";
const A4: u8 = 9;

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    section: Format,
    centered: Format,
    text: Format,
    number: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Self {
            title: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center),
            subtitle: Format::new()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(0xD9E1F2),
            section: cell.clone().set_bold().set_text_wrap(),
            centered: cell.clone().set_align(FormatAlign::Center).set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            number: cell.clone(),
            percent: cell.set_num_format(PERCENT),
        }
    }
}

pub fn render(report: &ProgressReport, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    write_headings(sheet, report, &formats, lang)?;
    for (row, line) in (HEADER_ROW + 1..).zip(table::lines(report)) {
        match line {
            Line::Section { code, title } => {
                sheet.write_string_with_format(row, 0, code, &formats.section)?;
                sheet.merge_range(row, 1, row, LAST_COLUMN, title, &formats.section)?;
            }
            Line::Item(item) => write_item(sheet, row, item, &formats, lang)?,
        }
    }
    set_up_page(sheet)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_headings(
    sheet: &mut Worksheet,
    report: &ProgressReport,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let [title, plan, scope] = table::heading_lines(report, lang);
    sheet.merge_range(0, 0, 0, LAST_COLUMN, &title, &formats.title)?;
    sheet.merge_range(1, 0, 1, LAST_COLUMN, &plan, &formats.subtitle)?;
    sheet.merge_range(2, 0, 2, LAST_COLUMN, &scope, &formats.subtitle)?;
    for (column, title) in (0u16..).zip(table::column_titles(report, lang)) {
        sheet.write_string_with_format(HEADER_ROW, column, title, &formats.header)?;
    }
    Ok(())
}

fn write_item(
    sheet: &mut Worksheet,
    row: u32,
    item: &ProgressRow,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let target = item
        .target
        .as_ref()
        .map(|t| chitieu_schema::domain::display_of(&t.raw))
        .unwrap_or_default();
    sheet.write_string_with_format(row, 0, &item.number, &formats.centered)?;
    sheet.write_string_with_format(row, 1, &item.indicator_name, &formats.text)?;
    let unit = item.unit_of_measure.as_deref().unwrap_or("");
    sheet.write_string_with_format(row, 2, unit, &formats.centered)?;
    sheet.write_string_with_format(row, 3, &target, &formats.centered)?;
    match table::actual(item) {
        // A percent cell holds the fraction: Excel's `%` format multiplies by 100.
        Actual::Number(value) if table::is_percent(item) => {
            sheet.write_number_with_format(row, 4, value / 100.0, &formats.percent)?
        }
        Actual::Number(value) => sheet.write_number_with_format(row, 4, value, &formats.number)?,
        Actual::Text(text) => sheet.write_string_with_format(row, 4, text, &formats.centered)?,
        Actual::Missing => sheet.write_blank(row, 4, &formats.number)?,
    };
    let status = table::status_label(item, lang);
    sheet.write_string_with_format(row, 5, &status, &formats.centered)?;
    match table::achievement_percent(item) {
        Some(percent) => {
            sheet.write_number_with_format(row, 6, percent / 100.0, &formats.percent)?
        }
        None => sheet.write_blank(row, 6, &formats.number)?,
    };
    Ok(())
}

fn set_up_page(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    for (column, width) in (0u16..).zip(COLUMN_WIDTHS) {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

    use super::*;
    use crate::routes::progress::export::fixture::seed_report;

    fn workbook() -> Xlsx<Cursor<Vec<u8>>> {
        let bytes = render(&seed_report(), Lang::Vi).unwrap();
        open_workbook_from_rs(Cursor::new(bytes)).unwrap()
    }

    fn sheet() -> (Vec<String>, calamine::Range<Data>) {
        let mut workbook = workbook();
        let names = workbook.sheet_names();
        let range = workbook.worksheet_range(SHEET_NAME).unwrap();
        (names, range)
    }

    fn cell(range: &calamine::Range<Data>, row: u32, column: u32) -> Data {
        range
            .get_value((row, column))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn text(value: &str) -> Data {
        Data::String(value.to_owned())
    }

    /// The sheet row of the item numbered `number` (STT).
    fn item_row(range: &calamine::Range<Data>, number: &str) -> u32 {
        (HEADER_ROW + 1..)
            .take(20)
            .find(|&row| cell(range, row, 0) == text(number))
            .unwrap()
    }

    #[test]
    fn the_xlsx_export_has_vietnamese_headers_and_numeric_cells() {
        let (names, range) = sheet();
        assert_eq!(names, [SHEET_NAME]);
        let header: Vec<Data> = (0..7).map(|c| cell(&range, HEADER_ROW, c)).collect();
        assert_eq!(
            header,
            [
                text("STT"),
                text("Chỉ tiêu"),
                text("Đơn vị tính"),
                text("Chỉ tiêu năm 2025"),
                text("Thực hiện tháng 10/2025"),
                text("So với chỉ tiêu kế hoạch"),
                text("Tỷ lệ đạt (%)"),
            ]
        );
        let coverage = item_row(&range, "1");
        assert_eq!(cell(&range, coverage, 3), text("> 60 %"));
        assert_eq!(cell(&range, coverage, 4), Data::Float(0.75));
        assert_eq!(cell(&range, coverage, 5), text("Đạt"));
        assert_eq!(cell(&range, coverage, 6), Data::Float(1.25));
        let count = item_row(&range, "12");
        assert_eq!(cell(&range, count, 3), text("> 8"));
        assert_eq!(cell(&range, count, 4), Data::Float(9.0));
    }

    #[test]
    fn the_xlsx_export_has_headings_and_merged_section_rows() {
        let (_, range) = sheet();
        assert_eq!(
            cell(&range, 0, 0),
            text("Phụ lục tiến độ thực hiện các chỉ tiêu (năm 2025)")
        );
        assert_eq!(cell(&range, HEADER_ROW + 1, 0), text("I"));
        assert_eq!(
            cell(&range, HEADER_ROW + 1, 1),
            text("Phát triển hạ tầng số")
        );
        assert_eq!(cell(&range, HEADER_ROW + 1, 2), Data::Empty);
        let mut workbook = workbook();
        let merged: Vec<_> = workbook
            .merge_cells_by_sheet_name(SHEET_NAME)
            .unwrap()
            .into_iter()
            .map(|region| (region.start, region.end))
            .collect();
        assert!(merged.contains(&((HEADER_ROW + 1, 1), (HEADER_ROW + 1, 6))));
        assert!(merged.contains(&((0, 0), (0, 6))));
    }

    #[test]
    fn the_xlsx_export_writes_statuses_as_text_and_leaves_missing_figures_blank() {
        let (_, range) = sheet();
        let status = item_row(&range, "4");
        assert_eq!(cell(&range, status, 4), text("Đạt"));
        let no_data = item_row(&range, "5");
        assert_eq!(cell(&range, no_data, 4), Data::Empty);
        assert_eq!(cell(&range, no_data, 5), text("Chưa có số liệu"));
        assert_eq!(cell(&range, no_data, 6), Data::Empty);
    }
}
