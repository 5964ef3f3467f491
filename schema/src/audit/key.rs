//! The key of the audit chain's HMAC. It lives outside the database (the environment or a
//! file, read by the application at start-up), so someone who can write to the database but
//! does not hold the key cannot recompute a chain they edited.
//!
//! One key per process: the application installs it once before serving. A process that
//! installed none (the storage layer's own tests) uses [`DEVELOPMENT_KEY`], which is public and
//! proves nothing.

use std::fmt;
use std::sync::RwLock;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The key used when none was installed: public, for tests only.
pub const DEVELOPMENT_KEY: &[u8] = b"chitieu development audit key: public, proves nothing";

static INSTALLED: RwLock<Option<AuditKey>> = RwLock::new(None);

/// An HMAC-SHA256 key of at least 32 bytes; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey(Vec<u8>);

impl AuditKey {
    pub const MIN_BYTES: usize = 32;

    pub fn new(bytes: Vec<u8>) -> Result<Self, String> {
        if bytes.len() < Self::MIN_BYTES {
            return Err(format!("must be at least {} bytes long", Self::MIN_BYTES));
        }
        Ok(Self(bytes))
    }

    /// 32 random bytes, written as 64 hex digits by whoever stores it.
    pub fn random() -> Result<Self, crate::StoreError> {
        Ok(Self(
            crate::accounts::random_bytes::<32>("making an audit key")?.to_vec(),
        ))
    }

    /// The key as 64 hex digits, for its file.
    pub fn to_hex(&self) -> String {
        hex::encode(&self.0)
    }

    /// Makes this the key of every entry and checkpoint this process writes and checks.
    pub fn install(self) {
        *INSTALLED.write().unwrap_or_else(|e| e.into_inner()) = Some(self);
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuditKey(***)")
    }
}

/// HMAC-SHA256 of `message` under the installed key, as hex.
pub(crate) fn mac_hex(message: &[u8]) -> String {
    let installed = INSTALLED.read().unwrap_or_else(|e| e.into_inner());
    let key = installed
        .as_ref()
        .map_or(DEVELOPMENT_KEY, |k| k.0.as_slice());
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}
