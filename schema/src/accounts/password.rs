use std::fmt;
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash as Phc;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::StoreError;
use crate::domain::Invalid;

/// A password as typed: 12 to 128 characters, not only spaces. Kept exactly (no trimming or
/// normalisation beyond what the client sent), and never shown by `Debug`.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let count = raw.chars().count();
        if count < Self::MIN_CHARS {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-too-short").arg("min", Self::MIN_CHARS),
            ));
        }
        if count > Self::MAX_CHARS {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-too-long-chars").arg("max", Self::MAX_CHARS),
            ));
        }
        if raw.trim().is_empty() {
            return Err(Invalid::said(crate::messages::Message::new(
                "invalid-only-spaces",
            )));
        }
        Ok(Self(raw.to_owned()))
    }

    /// A random password of 24 letters and digits (about 142 bits), for a bootstrap account.
    pub fn random() -> Result<Self, StoreError> {
        const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        let bytes: [u8; 24] = super::random_bytes("making a random password")?;
        // 256 is not a multiple of 57: the bias of the modulo is below 1% per character and
        // leaves well over 128 bits of entropy.
        let text = bytes
            .iter()
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
            .collect();
        Ok(Self(text))
    }

    /// The password itself, for printing it once to an operator.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// An argon2id hash with a fresh random salt.
    pub fn hash(&self) -> Result<PasswordHash, StoreError> {
        let phc = Argon2::default()
            .hash_password(self.0.as_bytes())
            .map_err(|e| StoreError::Crypto {
                context: "hashing a password",
                detail: e.to_string(),
            })?;
        Ok(PasswordHash(phc.to_string()))
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`).
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(***)")
    }
}

/// Whether `candidate` is the password of `hash`. The comparison inside argon2 is
/// constant-time; an unreadable stored hash counts as a mismatch.
pub fn verify_password(candidate: &str, hash: &PasswordHash) -> bool {
    match Phc::new(hash.as_str()) {
        Ok(parsed) => Argon2::default()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok(),
        Err(error) => {
            tracing::error!(%error, "a stored password hash is not a PHC string");
            false
        }
    }
}

/// Spends the same time as [`verify_password`] for an account that does not exist, so the
/// answer time does not tell which usernames exist. Always `false`.
pub fn verify_password_against_dummy(candidate: &str) {
    static DUMMY: OnceLock<Option<PasswordHash>> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| {
        Password("a dummy password nobody has".to_owned())
            .hash()
            .ok()
    });
    if let Some(hash) = dummy {
        let _ = verify_password(candidate, hash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let password = Password::parse("correct horse battery").unwrap();
        let hash = password.hash().unwrap();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
    }

    #[test]
    fn short_passwords_are_refused_and_debug_hides_the_text() {
        assert!(Password::parse("short").is_err());
        let password = Password::parse("a long enough secret").unwrap();
        assert!(!format!("{password:?}").contains("secret"));
    }

    #[test]
    fn random_passwords_are_long_and_different() {
        let a = Password::random().unwrap();
        let b = Password::random().unwrap();
        assert_eq!(a.reveal().len(), 24);
        assert_ne!(a.reveal(), b.reveal());
    }
}
