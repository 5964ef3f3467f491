//! The appendix table as CSV: UTF-8 with a byte order mark, since Excel otherwise reads the file
//! in the machine's legacy code page and mangles Vietnamese; numbers with a dot decimal
//! separator so other programs read them as numbers.

use chitieu_schema::messages::Lang;
use chitieu_schema::progress::ProgressReport;

use super::ExportError;
use super::table::{self, Actual, Line};

const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

pub fn render(report: &ProgressReport, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut writer = ::csv::Writer::from_writer(BYTE_ORDER_MARK.to_vec());
    writer.write_record(table::column_titles(report, lang))?;
    for line in table::lines(report) {
        match line {
            Line::Section { code, title } => {
                writer.write_record([code, title, "", "", "", "", ""])?;
            }
            Line::Item(row) => {
                let actual = match table::actual(row) {
                    Actual::Number(value) => table::machine_number(value),
                    Actual::Text(text) => text,
                    Actual::Missing => String::new(),
                };
                writer.write_record([
                    row.number.clone(),
                    row.indicator_name.clone(),
                    row.unit_of_measure.clone().unwrap_or_default(),
                    row.target
                        .as_ref()
                        .map(|t| chitieu_schema::domain::display_of(&t.raw))
                        .unwrap_or_default(),
                    actual,
                    table::status_label(row, lang),
                    table::achievement_percent(row)
                        .map(|percent| table::machine_number((percent * 100.0).round() / 100.0))
                        .unwrap_or_default(),
                ])?;
            }
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::progress::export::fixture::seed_report;

    fn records() -> Vec<Vec<String>> {
        let bytes = render(&seed_report(), Lang::Vi).unwrap();
        assert!(bytes.starts_with(BYTE_ORDER_MARK));
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .from_reader(&bytes[BYTE_ORDER_MARK.len()..])
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn the_csv_export_starts_with_a_bom_and_the_vietnamese_header() {
        let records = records();
        assert_eq!(
            records[0],
            [
                "STT",
                "Chỉ tiêu",
                "Đơn vị tính",
                "Chỉ tiêu năm 2025",
                "Thực hiện tháng 10/2025",
                "So với chỉ tiêu kế hoạch",
                "Tỷ lệ đạt (%)"
            ]
        );
    }

    #[test]
    fn the_csv_export_has_section_rows_and_machine_readable_numbers() {
        let records = records();
        assert_eq!(
            records[1],
            ["I", "Phát triển hạ tầng số", "", "", "", "", ""]
        );
        assert_eq!(
            records[2],
            [
                "1",
                "Tỷ lệ phủ sóng 5G trên địa bàn",
                "%",
                "> 60 %",
                "75",
                "Đạt",
                "125"
            ]
        );
        let count = records.iter().find(|r| r[0] == "12").unwrap();
        assert_eq!(count[3], "> 8");
        assert_eq!(count[4], "9");
        assert_eq!(count[6], "112.5");
    }

    #[test]
    fn the_csv_export_writes_statuses_texts_and_missing_data_as_words() {
        let records = records();
        let row = |number: &str| records.iter().find(|r| r[0] == number).unwrap().clone();
        assert_eq!(row("3")[5], "Không giao chỉ tiêu");
        assert_eq!(row("4")[4], "Đạt");
        assert_eq!(row("5")[4], "");
        assert_eq!(row("5")[5], "Chưa có số liệu");
        assert_eq!(row("19")[4], "Đã triển khai <b>2</b> chợ & 1 \"phố\"");
        assert_eq!(row("19")[5], "Cần đánh giá");
    }
}
