use std::fmt;

use crate::domain::Invalid;

/// A sign-in name, used in URLs: 3 to 64 of `a-z 0-9 . _ -`, starting with a letter or digit.
/// Upper-case ASCII letters are folded to lower case, so `Lan.Nguyen` and `lan.nguyen` are
/// one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let name = raw.trim().to_ascii_lowercase();
        if !(3..=64).contains(&name.len()) {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-code-length")
                    .arg("min", 3)
                    .arg("max", 64),
            ));
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if let Some(bad) = name.chars().find(|c| !allowed(*c)) {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-username-character")
                    .arg("found", format!("{bad:?}")),
            ));
        }
        if !name.as_bytes()[0].is_ascii_alphanumeric() {
            return Err(Invalid::said(crate::messages::Message::new(
                "invalid-code-start",
            )));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_fold_to_lower_case() {
        assert_eq!(
            Username::parse("Lan.Nguyen").unwrap().as_str(),
            "lan.nguyen"
        );
    }

    #[test]
    fn short_spaced_or_slashed_names_are_refused() {
        for bad in ["ab", "lan nguyen", "a/b", "-lan", "lân"] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
    }
}
