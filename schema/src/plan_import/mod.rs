//! Reading a plan's appendix table from the documents officials already have (DOCX, XLSX, ODS,
//! CSV/TSV) and turning it into a catalog, agencies and a plan with its items.
//!
//! The pipeline is pure until [`apply`]: [`read_tables`] gives every table of the file as rows
//! of cells with a reference a person can find (`R12C3`, `B12`, `line 40`), [`understand`]
//! finds the indicator table by its header and reads sections, items and targets, keeping a
//! [`Diagnostic`] for everything guessed. [`apply`] writes it in one transaction (or rolls it
//! back for a dry run).

mod agencies;
mod apply;
mod delimited;
mod diagnostics;
mod docx;
mod format;
mod header;
mod headings;
mod item;
mod kind;
mod limits;
mod numbering;
mod ods;
mod resolve;
mod rows;
mod sheet;
mod summary;
mod table;
mod writes;
mod xlsx_percent;

pub use agencies::{AgencyName, EVERY_AGENCY, unit_code_for};
pub use apply::{ImportRequest, apply, apply_with_progress};
pub use diagnostics::{Diagnostic, Severity};
pub use format::{Claim, FileFormat};
pub use header::{Column, HEADER_WORDS};
pub use kind::infer_kind;
pub use limits::{ImportLimits, InvalidLimit};
pub use rows::{ParsedItem, ParsedSection, ParsedTable, understand};
pub use sheet::SheetHints;
pub use summary::{AgencyMatch, ImportSummary, ItemSummary, ProposedUnit, SectionSummary};
pub use table::{RefStyle, Table};

use crate::StoreError;

/// Why a file could not be imported. Nothing is stored when any of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },

    /// The format is not one the importer reads (PDF, legacy .doc, an image).
    #[error("{0}")]
    UnsupportedFormat(String),

    /// The bytes do not match what the name or the declared type says.
    #[error("{0}")]
    NotWhatItClaims(String),

    #[error(
        "zip bomb refused: the container would decompress to more than the limit of {limit} bytes \
         ({what})"
    )]
    ZipBomb { limit: u64, what: String },

    #[error("the table has {rows} rows, more than the limit of {limit} rows")]
    TooManyRows { rows: usize, limit: usize },

    /// The file is of the right kind but cannot be read (a broken zip, malformed XML).
    #[error("{0}")]
    Unreadable(String),

    #[error(
        "no table with a recognisable header was found; looked for a row naming an item number \
         column ({numbers}) and an indicator column ({names})"
    )]
    NoTable { numbers: String, names: String },

    /// The plan request or the table does not fit the stored data (an unknown issuing unit, a
    /// taken plan code, an item the existing catalog does not have).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// The error as a catalogue message, for those said to people in their language.
    pub fn message(&self) -> Option<crate::messages::Message> {
        use crate::messages::Message;
        Some(match self {
            ImportError::TooLarge { size, limit } => Message::new("import-error-too-large")
                .arg("size", size)
                .arg("limit", limit),
            ImportError::ZipBomb { limit, what } => Message::new("import-error-zip-bomb")
                .arg("limit", limit)
                .arg("what", what),
            ImportError::TooManyRows { rows, limit } => Message::new("import-error-too-many-rows")
                .arg("rows", rows)
                .arg("limit", limit),
            ImportError::NoTable { numbers, names } => Message::new("import-error-no-table")
                .arg("numbers", numbers)
                .arg("names", names),
            _ => return None,
        })
    }
}

/// Every table of a file, read according to its actual format.
pub fn read_tables(
    bytes: &[u8],
    claim: Claim,
    limits: &ImportLimits,
) -> Result<Vec<Table>, ImportError> {
    limits.check_size(bytes.len())?;
    let tables = match format::detect(bytes, claim)? {
        FileFormat::Docx => {
            let document =
                limits::read_zip_entry(bytes, "word/document.xml", "Word document", limits)?;
            docx::tables(&document)?
        }
        FileFormat::Xlsx => {
            limits::check_zip(bytes, limits)?;
            let hints: Vec<(String, SheetHints)> =
                xlsx_percent::percent_cells(bytes, limits.max_unzipped_bytes)?
                    .into_iter()
                    .map(|(sheet, percent)| {
                        let merges = Vec::new();
                        (sheet, SheetHints { merges, percent })
                    })
                    .collect();
            sheet::tables(bytes, &hints)?
        }
        FileFormat::Ods => {
            let content =
                limits::read_zip_entry(bytes, "content.xml", "OpenDocument spreadsheet", limits)?;
            sheet::tables(bytes, &ods::sheet_hints(&content)?)?
        }
        FileFormat::Delimited => vec![delimited::table(bytes)?],
    };
    for table in &tables {
        limits.check_rows(table.rows.len())?;
    }
    Ok(tables)
}
