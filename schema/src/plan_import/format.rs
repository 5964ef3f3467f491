//! What a file is, from its bytes, checked against what its name says.

use std::io::Cursor;

use super::ImportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Docx,
    Xlsx,
    Ods,
    /// CSV or TSV text.
    Delimited,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What the sender says a file is: its name and its declared media type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Claim<'a> {
    pub file_name: Option<&'a str>,
    /// The part's `Content-Type`; `application/octet-stream` claims nothing.
    pub media_type: Option<&'a str>,
}

impl<'a> Claim<'a> {
    pub fn named(file_name: &'a str) -> Self {
        Self {
            file_name: Some(file_name),
            media_type: None,
        }
    }
}

/// The extension a media type stands for, when it names one format.
fn extension_of(media_type: &str) -> Option<&'static str> {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    Some(match essence.to_ascii_lowercase().as_str() {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        "application/vnd.oasis.opendocument.spreadsheet" => "ods",
        "application/vnd.ms-excel" => "xls",
        "application/msword" => "doc",
        "application/pdf" => "pdf",
        "text/csv" | "application/csv" => "csv",
        "text/tab-separated-values" => "tsv",
        "text/plain" => "txt",
        _ => return None,
    })
}

/// The format of `bytes`; the extension of the file name and the declared media type must
/// each agree with it.
pub fn detect(bytes: &[u8], claim: Claim) -> Result<FileFormat, ImportError> {
    let extension = claim
        .file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    let declared = claim.media_type.and_then(extension_of);
    let actual = sniff(bytes)?;
    check_claim(
        actual,
        extension.as_deref(),
        claim.file_name.unwrap_or("the file"),
        "named",
    )?;
    check_claim(
        actual,
        declared,
        claim.media_type.unwrap_or_default(),
        "declared as",
    )?;
    Ok(actual)
}

fn check_claim(
    actual: FileFormat,
    claimed: Option<&str>,
    who: &str,
    how: &str,
) -> Result<(), ImportError> {
    let agrees = match claimed {
        None => true,
        Some("docx") => actual == FileFormat::Docx,
        Some("xlsx" | "xlsm") => actual == FileFormat::Xlsx,
        Some("ods") => actual == FileFormat::Ods,
        Some("csv" | "tsv" | "txt") => actual == FileFormat::Delimited,
        Some(other) => {
            return Err(ImportError::UnsupportedFormat(format!(
                "{other} files are not read; send DOCX, XLSX, ODS, CSV or TSV"
            )));
        }
    };
    if !agrees {
        return Err(ImportError::NotWhatItClaims(format!(
            "{who:?} is {how} .{} but its content is {}",
            claimed.unwrap_or_default(),
            describe(actual)
        )));
    }
    Ok(())
}

fn describe(format: FileFormat) -> &'static str {
    match format {
        FileFormat::Docx => "a Word document (DOCX)",
        FileFormat::Xlsx => "an Excel workbook (XLSX)",
        FileFormat::Ods => "an OpenDocument spreadsheet (ODS)",
        FileFormat::Delimited => "text, not a zip container",
    }
}

fn sniff(bytes: &[u8]) -> Result<FileFormat, ImportError> {
    if bytes.starts_with(ZIP_MAGIC) {
        return zip_kind(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        // Legacy .doc and .xls: a .doc's tables are not reachable, and an .xls does not tell
        // which numbers are shown as percentages (1 shown as 100%): a wrong number.
        return Err(ImportError::UnsupportedFormat(
            "legacy Office files (.doc, .xls) are not read: save the plan as .docx or .xlsx"
                .to_owned(),
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::UnsupportedFormat(
            "PDF files are not read: their tables lose their cells; send the DOCX or XLSX the \
             PDF was made from"
                .to_owned(),
        ));
    }
    Ok(FileFormat::Delimited)
}

fn zip_kind(bytes: &[u8]) -> Result<FileFormat, ImportError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::Unreadable(format!("the zip container cannot be read: {e}")))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("word/document.xml") {
        Ok(FileFormat::Docx)
    } else if has("xl/workbook.xml") {
        Ok(FileFormat::Xlsx)
    } else if has("content.xml") && has("mimetype") {
        Ok(FileFormat::Ods)
    } else {
        Err(ImportError::NotWhatItClaims(
            "the file is a zip container but holds neither word/document.xml (DOCX), \
             xl/workbook.xml (XLSX) nor content.xml (ODS)"
                .to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_docx_that_is_not_a_zip_is_refused_saying_what_it_is() {
        let refused = detect(b"STT,Chi tieu\n", Claim::named("ke-hoach.docx")).unwrap_err();
        assert!(matches!(refused, ImportError::NotWhatItClaims(_)));
        assert!(
            refused.to_string().contains("not a zip container"),
            "{refused}"
        );
    }

    #[test]
    fn text_named_csv_is_delimited() {
        assert_eq!(
            detect(b"STT,Chi tieu\n", Claim::named("a.csv")).unwrap(),
            FileFormat::Delimited
        );
    }

    #[test]
    fn legacy_office_files_are_an_unsupported_format() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        for name in ["ke-hoach.doc", "bang.xls"] {
            let refused = detect(&ole, Claim::named(name)).unwrap_err();
            assert!(
                matches!(refused, ImportError::UnsupportedFormat(_)),
                "{name}"
            );
        }
    }

    #[test]
    fn a_pdf_is_an_unsupported_format() {
        let refused = detect(b"%PDF-1.7", Claim::named("plan.pdf")).unwrap_err();
        assert!(matches!(refused, ImportError::UnsupportedFormat(_)));
    }

    #[test]
    fn a_declared_media_type_must_agree_with_the_content() {
        let claim = Claim {
            file_name: Some("bang"),
            media_type: Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
        let refused = detect(b"STT,Chi tieu\n", claim).unwrap_err();
        assert!(
            refused.to_string().contains("declared as .xlsx"),
            "{refused}"
        );
        let neutral = Claim {
            file_name: Some("bang.csv"),
            media_type: Some("application/octet-stream"),
        };
        assert_eq!(detect(b"STT\n", neutral).unwrap(), FileFormat::Delimited);
    }
}
