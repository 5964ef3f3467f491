//! A progress report rendered for download or exchange: the API's JSON view, CSV and XLSX for
//! spreadsheets, a printable HTML page, and DHIS2 `dataValueSets` JSON and ADX XML for other
//! reporting systems. One file per format; `render` picks one.

mod adx;
mod csv;
mod dhis2;
#[cfg(test)]
pub(crate) mod fixture;
pub(crate) mod html;
pub(crate) mod table;
mod xlsx;

use chitieu_schema::messages::Lang;
use chitieu_schema::progress::ProgressReport;
use chrono::Utc;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use utoipa::ToSchema;

use super::views::ProgressReportView;

/// The `format` query value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// The API's own view (`ProgressReportView`).
    Json,
    /// UTF-8 with a byte order mark so Excel reads Vietnamese; dot decimals.
    Csv,
    /// One sheet, `Tiến độ`, with numeric cells.
    Xlsx,
    /// A printable page.
    Html,
    /// DHIS2 `dataValueSets` JSON, codes as identifiers; re-importable here.
    Dhis2,
    /// ADX XML, the SDMX-based twin of `dataValueSets`.
    Adx,
}

impl ExportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::Dhis2 => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ExportFormat::Html => "text/html; charset=utf-8",
            ExportFormat::Adx => "application/adx+xml",
        }
    }

    /// The file name's ending; the exchange formats say which they are, since both DHIS2
    /// files would otherwise be `.json`/`.xml` like any other.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Html => "html",
            ExportFormat::Dhis2 => "dhis2.json",
            ExportFormat::Adx => "adx.xml",
        }
    }
}

/// A rendered export, ready for the response body and its `Content-Disposition` file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub content_type: &'static str,
    /// ASCII only: `tien-do-31001-kh-21-du-2025-202510.xlsx`.
    pub filename: String,
    pub body: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the CSV could not be written: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("the spreadsheet could not be written: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("the JSON could not be written: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the export could not be written: {0}")]
    Io(#[from] std::io::Error),
}

/// Renders `report` in `format`; the files people read (CSV, XLSX, HTML) speak `lang`.
pub fn render(
    report: &ProgressReport,
    format: ExportFormat,
    lang: Lang,
) -> Result<Rendered, ExportError> {
    let body = match format {
        ExportFormat::Json => serde_json::to_vec(&ProgressReportView::from(report))?,
        ExportFormat::Csv => csv::render(report, lang)?,
        ExportFormat::Xlsx => xlsx::render(report, lang)?,
        ExportFormat::Html => html::render(report, lang).into_bytes(),
        ExportFormat::Dhis2 => dhis2::render(report)?,
        ExportFormat::Adx => adx::render(report, Utc::now()).into_bytes(),
    };
    Ok(Rendered {
        content_type: format.content_type(),
        filename: filename(report, format),
        body,
    })
}

/// `tien-do-<unit>-<plan>-<period>.<extension>`, ASCII only so every browser and mail client
/// keeps it as is.
pub fn filename(report: &ProgressReport, format: ExportFormat) -> String {
    let parts = [
        "tien-do".to_owned(),
        report.unit.code.clone(),
        report.plan.code.clone(),
        report.period.to_string(),
    ];
    format!("{}.{}", ascii_slug(&parts.join("-")), format.extension())
}

/// Codes joined by dashes as an ASCII file name part (`31001-tt-18-2025-2026q1`).
pub fn filename_slug(parts: &[&str]) -> String {
    ascii_slug(&parts.join("-"))
}

/// Lower-case ASCII letters, digits and single dashes: Vietnamese letters lose their marks
/// (`đ` becomes `d`), anything else becomes a dash.
fn ascii_slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let folded = text
        .nfd()
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .filter(|c| c.is_ascii() || !is_combining_mark(*c));
    for c in folded {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Vietnamese tone and vowel marks all sit in the Combining Diacritical Marks block.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::fixture::seed_report;
    use super::*;

    #[test]
    fn the_format_is_read_from_its_query_value() {
        let formats: Vec<ExportFormat> =
            serde_json::from_str(r#"["json","csv","xlsx","html","dhis2","adx"]"#).unwrap();
        assert_eq!(
            formats,
            [
                ExportFormat::Json,
                ExportFormat::Csv,
                ExportFormat::Xlsx,
                ExportFormat::Html,
                ExportFormat::Dhis2,
                ExportFormat::Adx
            ]
        );
        assert!(serde_json::from_str::<ExportFormat>(r#""pdf""#).is_err());
    }

    #[test]
    fn the_file_name_is_ascii_and_names_unit_plan_and_period() {
        let mut report = seed_report();
        report.plan.code = "KH-21/ĐU Thái Tân".to_owned();
        assert_eq!(
            filename(&report, ExportFormat::Xlsx),
            "tien-do-31001-kh-21-du-thai-tan-202510.xlsx"
        );
        report.period = chitieu_schema::domain::Period::parse("2026-03-15..2026-03-20").unwrap();
        let adhoc = filename(&report, ExportFormat::Dhis2);
        assert_eq!(
            adhoc,
            "tien-do-31001-kh-21-du-thai-tan-2026-03-15-2026-03-20.dhis2.json"
        );
        assert!(adhoc.is_ascii());
    }

    #[test]
    fn every_format_renders_with_its_content_type() {
        let report = seed_report();
        for format in [
            ExportFormat::Json,
            ExportFormat::Csv,
            ExportFormat::Xlsx,
            ExportFormat::Html,
            ExportFormat::Dhis2,
            ExportFormat::Adx,
        ] {
            let rendered = render(&report, format, Lang::Vi).unwrap();
            assert_eq!(rendered.content_type, format.content_type());
            assert!(rendered.filename.ends_with(format.extension()));
            assert!(!rendered.body.is_empty());
        }
    }

    #[test]
    fn the_json_export_is_the_api_view() {
        let rendered = render(&seed_report(), ExportFormat::Json, Lang::Vi).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&rendered.body).unwrap();
        assert_eq!(json["sections"][0]["rows"][0]["actualText"], "75%");
    }
}
