//! How much the importer accepts, and reading zip containers without trusting their headers.

use std::io::{Cursor, Read};

use super::ImportError;

/// The limits of one import. Defaults: 10 MiB upload, 50 MiB decompressed, 5,000 rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    /// Largest file accepted (`CHITIEU_IMPORT_MAX_BYTES`).
    pub max_bytes: usize,
    /// Largest total a zip container (DOCX, XLSX, ODS) may decompress to
    /// (`CHITIEU_IMPORT_MAX_UNZIPPED_BYTES`).
    pub max_unzipped_bytes: u64,
    /// Most rows in a table (`CHITIEU_IMPORT_MAX_ROWS`).
    pub max_rows: usize,
}

impl Default for ImportLimits {
    fn default() -> Self {
        Self {
            max_bytes: 10 * 1024 * 1024,
            max_unzipped_bytes: 50 * 1024 * 1024,
            max_rows: 5_000,
        }
    }
}

impl ImportLimits {
    /// The defaults overridden by `CHITIEU_IMPORT_MAX_BYTES`, `CHITIEU_IMPORT_MAX_UNZIPPED_BYTES`
    /// and `CHITIEU_IMPORT_MAX_ROWS` as `lookup` finds them.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, InvalidLimit> {
        let positive = |name: &'static str| -> Result<Option<u64>, InvalidLimit> {
            let Some(raw) = lookup(name) else {
                return Ok(None);
            };
            match raw.trim().parse::<u64>() {
                Ok(n) if n > 0 => Ok(Some(n)),
                _ => Err(InvalidLimit { name, value: raw }),
            }
        };
        let as_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        let mut limits = Self::default();
        if let Some(n) = positive("CHITIEU_IMPORT_MAX_BYTES")? {
            limits.max_bytes = as_usize(n);
        }
        if let Some(n) = positive("CHITIEU_IMPORT_MAX_UNZIPPED_BYTES")? {
            limits.max_unzipped_bytes = n;
        }
        if let Some(n) = positive("CHITIEU_IMPORT_MAX_ROWS")? {
            limits.max_rows = as_usize(n);
        }
        Ok(limits)
    }

    pub fn check_size(&self, size: usize) -> Result<(), ImportError> {
        if size > self.max_bytes {
            return Err(ImportError::TooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        Ok(())
    }

    pub fn check_rows(&self, rows: usize) -> Result<(), ImportError> {
        if rows > self.max_rows {
            return Err(ImportError::TooManyRows {
                rows,
                limit: self.max_rows,
            });
        }
        Ok(())
    }
}

/// A limit variable that is not a positive whole number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name} must be a positive whole number, not {value:?}")]
pub struct InvalidLimit {
    pub name: &'static str,
    pub value: String,
}

fn open(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, ImportError> {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::Unreadable(format!("the zip container cannot be read: {e}")))
}

/// Refuses a container whose entries declare, or actually decompress to, more than the limit
/// in total. Every entry is read through a reader capped at what is left of the limit, so a
/// header that lies about an entry's size cannot make us hold more than the limit.
pub fn check_zip(bytes: &[u8], limits: &ImportLimits) -> Result<(), ImportError> {
    let mut archive = open(bytes)?;
    let limit = limits.max_unzipped_bytes;
    let mut declared: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|e| ImportError::Unreadable(format!("a zip entry cannot be read: {e}")))?;
        declared = declared.saturating_add(entry.size());
        if declared > limit {
            return Err(ImportError::ZipBomb {
                limit,
                what: format!("the entries declare more, at entry {index}"),
            });
        }
    }
    let mut actual: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| ImportError::Unreadable(format!("a zip entry cannot be read: {e}")))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let left = limit - actual;
        let read = std::io::copy(&mut entry.by_ref().take(left + 1), &mut std::io::sink())
            .map_err(|e| ImportError::Unreadable(format!("zip entry {name:?}: {e}")))?;
        actual += read;
        if actual > limit {
            return Err(ImportError::ZipBomb {
                limit,
                what: format!("entry {name:?} decompresses to more than its header says"),
            });
        }
    }
    Ok(())
}

/// One entry of a checked container, e.g. `word/document.xml` of a DOCX; `format` names what
/// the container would be without it.
pub fn read_zip_entry(
    bytes: &[u8],
    name: &str,
    format: &str,
    limits: &ImportLimits,
) -> Result<Vec<u8>, ImportError> {
    check_zip(bytes, limits)?;
    read_entry(bytes, name, limits.max_unzipped_bytes).map_err(|e| match e {
        ImportError::NotWhatItClaims(_) => ImportError::NotWhatItClaims(format!(
            "the zip container has no {name}: it is not a {format}"
        )),
        other => other,
    })
}

/// One entry of a container already checked with [`check_zip`], read through a reader capped
/// at `cap` bytes all the same.
pub fn read_entry(bytes: &[u8], name: &str, cap: u64) -> Result<Vec<u8>, ImportError> {
    let mut archive = open(bytes)?;
    let entry = archive
        .by_name(name)
        .map_err(|_| ImportError::NotWhatItClaims(format!("the zip container has no {name}")))?;
    let mut content = Vec::new();
    entry
        .take(cap)
        .read_to_end(&mut content)
        .map_err(|e| ImportError::Unreadable(format!("{name}: {e}")))?;
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_container_decompressing_beyond_the_limit_is_a_zip_bomb() {
        let zeros = vec![0u8; 2 * 1024 * 1024];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        assert!(bomb.len() < 64 * 1024, "the bomb is small: {}", bomb.len());
        let limits = ImportLimits {
            max_unzipped_bytes: 1024 * 1024,
            ..ImportLimits::default()
        };
        let refused = check_zip(&bomb, &limits).unwrap_err();
        assert!(matches!(refused, ImportError::ZipBomb { .. }), "{refused}");
        assert!(refused.to_string().contains("zip bomb"), "{refused}");
    }

    #[test]
    fn an_entry_whose_header_understates_its_size_is_stopped_at_the_limit() {
        let zeros = vec![0u8; 2 * 1024 * 1024];
        let mut lying = zip_of(&[("word/document.xml", &zeros)]);
        // Declare 100 bytes in the local and central headers (offsets 22 and 24).
        for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let at = lying.windows(4).position(|w| w == signature).unwrap() + offset;
            lying[at..at + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        let limits = ImportLimits {
            max_unzipped_bytes: 1024 * 1024,
            ..ImportLimits::default()
        };
        // The zip reader stops at the declared size itself; the capped reader is the second
        // guard. Either way the entry is refused before the limit is held in memory.
        let refused = check_zip(&lying, &limits).unwrap_err();
        assert!(
            matches!(
                refused,
                ImportError::ZipBomb { .. } | ImportError::Unreadable(_)
            ),
            "{refused}"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_not_a_word_document() {
        let zip = zip_of(&[("hello.txt", b"hi")]);
        let refused = read_zip_entry(
            &zip,
            "word/document.xml",
            "Word document",
            &ImportLimits::default(),
        );
        assert!(matches!(refused, Err(ImportError::NotWhatItClaims(_))));
    }

    #[test]
    fn limits_come_from_the_environment_and_name_a_wrong_variable() {
        let limits = ImportLimits::from_lookup(|name| {
            (name == "CHITIEU_IMPORT_MAX_ROWS").then(|| "10".to_owned())
        })
        .unwrap();
        assert_eq!(limits.max_rows, 10);
        assert_eq!(limits.max_bytes, 10 * 1024 * 1024);
        let wrong = ImportLimits::from_lookup(|_| Some("lots".to_owned())).unwrap_err();
        assert_eq!(wrong.name, "CHITIEU_IMPORT_MAX_BYTES");
    }
}
