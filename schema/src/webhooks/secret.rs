//! Signing secrets: 32 random bytes (the specification asks for 24 to 64), shown as `whsec_`
//! followed by their base64.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::StoreError;

pub const PREFIX: &str = "whsec_";

/// A serialised secret, `whsec_…`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HMAC key: the base64 after the prefix, decoded.
    pub fn key(&self) -> Option<Vec<u8>> {
        key_of(&self.0)
    }

    /// A stored secret, as it was written by [`new_secret`].
    pub(crate) fn stored(raw: String) -> Secret {
        Secret(raw)
    }
}

/// Never printed by accident: only [`Secret::as_str`] shows it.
impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(whsec_…)")
    }
}

pub fn new_secret() -> Result<Secret, StoreError> {
    let bytes = crate::accounts::random_bytes::<32>("generating a webhook secret")?;
    Ok(Secret(format!("{PREFIX}{}", STANDARD.encode(bytes))))
}

pub(super) fn key_of(serialised: &str) -> Option<Vec<u8>> {
    let encoded = serialised.strip_prefix(PREFIX)?;
    STANDARD.decode(encoded).ok().filter(|key| !key.is_empty())
}
