use std::fmt;

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::StoreError;

const MARKER: &str = "ctk_";

/// A newly made API key: `ctk_<prefix>_<secret>`, shown to its creator once. The 16 hex digit
/// prefix is public and finds the row; the 64 hex digit (256-bit) secret is stored only as its
/// SHA-256.
#[derive(Clone)]
pub struct ApiKeySecret {
    prefix: String,
    full: String,
    secret_hash: String,
}

impl ApiKeySecret {
    pub fn generate() -> Result<Self, StoreError> {
        let prefix: [u8; 8] = super::random_bytes("making an API key prefix")?;
        let secret: [u8; 32] = super::random_bytes("making an API key secret")?;
        let prefix = hex::encode(prefix);
        let secret = hex::encode(secret);
        Ok(Self {
            full: format!("{MARKER}{prefix}_{secret}"),
            secret_hash: hash_secret(&secret),
            prefix,
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn secret_hash(&self) -> &str {
        &self.secret_hash
    }

    /// The whole key, for the one answer that hands it over.
    pub fn reveal(&self) -> &str {
        &self.full
    }
}

impl fmt::Debug for ApiKeySecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKeySecret({MARKER}{}_***)", self.prefix)
    }
}

/// A key as a caller presented it, split into its lookup prefix and its hashed secret.
#[derive(Clone)]
pub struct PresentedApiKey {
    prefix: String,
    secret_hash: String,
}

impl PresentedApiKey {
    /// `None` when the text is not shaped like a key this server issues.
    pub fn parse(raw: &str) -> Option<Self> {
        let rest = raw.trim().strip_prefix(MARKER)?;
        let (prefix, secret) = rest.split_once('_')?;
        let hex_of = |s: &str, len: usize| {
            s.len() == len
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        if !hex_of(prefix, 16) || !hex_of(secret, 64) {
            return None;
        }
        Some(Self {
            prefix: prefix.to_owned(),
            secret_hash: hash_secret(secret),
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The prefix and the SHA-256 of the secret: names the key in memory without its secret.
    pub fn fingerprint(&self) -> String {
        format!("{}:{}", self.prefix, self.secret_hash)
    }

    /// Compares with a stored hash in constant time.
    pub fn matches(&self, stored_hash: &str) -> bool {
        self.secret_hash
            .as_bytes()
            .ct_eq(stored_hash.as_bytes())
            .into()
    }
}

impl fmt::Debug for PresentedApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PresentedApiKey({MARKER}{}_***)", self.prefix)
    }
}

fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_is_recognised_and_matches_its_hash() {
        let key = ApiKeySecret::generate().unwrap();
        let presented = PresentedApiKey::parse(key.reveal()).unwrap();
        assert_eq!(presented.prefix(), key.prefix());
        assert!(presented.matches(key.secret_hash()));
        assert!(!format!("{key:?}").contains(&key.reveal()[21..]));
    }

    #[test]
    fn a_changed_secret_does_not_match() {
        let key = ApiKeySecret::generate().unwrap();
        let mut tampered = key.reveal().to_owned();
        let last = if tampered.ends_with('0') { "1" } else { "0" };
        tampered.replace_range(tampered.len() - 1.., last);
        let presented = PresentedApiKey::parse(&tampered).unwrap();
        assert!(!presented.matches(key.secret_hash()));
    }

    #[test]
    fn other_shapes_are_not_keys() {
        assert!(PresentedApiKey::parse("Bearer abc").is_none());
        assert!(PresentedApiKey::parse("ctk_00_11").is_none());
    }
}
