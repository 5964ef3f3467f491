//! Parsing codes that arrive in URLs: a code that cannot exist names no resource (404).

use chitieu_schema::domain::SectionCode;

use crate::error::ApiError;

/// A section numeral from a URL, upper-cased (`iv` finds section IV).
pub fn section_in_path(raw: &str) -> Result<SectionCode, ApiError> {
    SectionCode::parse(raw).map_err(|invalid| {
        ApiError::said(
            crate::error::SaidKind::NotFound,
            chitieu_schema::messages::Message::new("catalog-no-section-path")
                .arg("raw", format!("{raw:?}"))
                .message("reason", invalid.into_message()),
        )
    })
}
