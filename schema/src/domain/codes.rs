use std::fmt;

use super::{Invalid, OrgUnitKind};
use crate::messages::Message;

/// The official code of an organisation unit. Provinces have 2 digits and communes 5 digits
/// (QĐ 19/2025/QĐ-TTg), never reused; the national root and agencies get codes of their own:
/// 2 to 40 of `A-Z 0-9 . _ -`, starting with a letter or digit, and not shaped like an
/// official province or commune code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgUnitCode(String);

impl OrgUnitCode {
    /// What any unit code looks like; the official shape per level is checked on top.
    pub const RULE: CodeRule = CodeRule { min: 2, max: 40 };

    /// Parses a code whose kind is not known yet (a code in a URL or a parent reference).
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::RULE.check(raw)?;
        Ok(Self(raw.to_owned()))
    }

    /// Parses the code of a new unit of `kind`, checking the official format for its level.
    pub fn parse_for(kind: OrgUnitKind, raw: &str) -> Result<Self, Invalid> {
        let code = Self::parse(raw)?;
        let digits = raw.bytes().all(|b| b.is_ascii_digit());
        match kind {
            OrgUnitKind::Province if !(digits && raw.len() == 2) => {
                Err(Invalid::said(Message::new("invalid-province-code")))
            }
            OrgUnitKind::Commune if !(digits && raw.len() == 5) => {
                Err(Invalid::said(Message::new("invalid-commune-code")))
            }
            OrgUnitKind::National | OrgUnitKind::Unit if digits && matches!(raw.len(), 2 | 5) => {
                Err(Invalid::said(Message::new("invalid-reserved-code")))
            }
            _ => Ok(code),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgUnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The code of an indicator catalog, e.g. `NQ57-2026-XA`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CatalogCode(String);

impl CatalogCode {
    pub const RULE: CodeRule = CodeRule { min: 2, max: 64 };

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::RULE.check(raw)?;
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The global code of an indicator (its DHIS2 `dataElement` code in exchanges), e.g.
/// `NQ57-XA-7.1`. Unique across catalogs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndicatorCode(String);

impl IndicatorCode {
    pub const RULE: CodeRule = CodeRule { min: 1, max: 64 };

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::RULE.check(raw)?;
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The shape every official code shares: `min` to `max` of `A-Z 0-9 . _ -`, starting with a
/// letter or a digit. The check and the regular expression the OpenAPI document publishes
/// ([`CodeRule::pattern`]) come from the same two numbers, so they cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRule {
    pub min: usize,
    pub max: usize,
}

impl CodeRule {
    /// The rule as an ECMA-262 regular expression (JSON Schema's `pattern`). Length limits are
    /// in the pattern too: every allowed character is one byte, one UTF-16 unit.
    pub fn pattern(&self) -> String {
        format!(
            "^[A-Z0-9][A-Z0-9._-]{{{},{}}}$",
            self.min.saturating_sub(1),
            self.max - 1
        )
    }

    pub fn check(&self, raw: &str) -> Result<(), Invalid> {
        let (min, max) = (self.min, self.max);
        if raw.len() < min || raw.len() > max {
            return Err(Invalid::said(
                Message::new("invalid-code-length")
                    .arg("min", min)
                    .arg("max", max),
            ));
        }
        let allowed = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b"._-".contains(&b);
        if let Some(bad) = raw.chars().find(|c| !c.is_ascii() || !allowed(*c as u8)) {
            return Err(Invalid::said(
                Message::new("invalid-code-character").arg("found", format!("{bad:?}")),
            ));
        }
        if !raw.as_bytes()[0].is_ascii_alphanumeric() {
            return Err(Invalid::said(Message::new("invalid-code-start")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_province_and_commune_codes_are_checked_by_level() {
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Province, "31").is_ok());
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Province, "311").is_err());
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Commune, "11311").is_ok());
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Commune, "1131A").is_err());
    }

    #[test]
    fn agencies_cannot_take_an_official_shape() {
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Unit, "11311").is_err());
        assert!(OrgUnitCode::parse_for(OrgUnitKind::Unit, "11311-VHXH").is_ok());
    }

    #[test]
    fn codes_refuse_lower_case_spaces_and_slashes() {
        for bad in ["ab", "A B", "A/B", "-AB", "Ả1"] {
            assert!(OrgUnitCode::parse(bad).is_err(), "{bad}");
        }
    }
}
