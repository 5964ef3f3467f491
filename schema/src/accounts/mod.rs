//! Accounts: users, API keys and the access log, with the domain types they are made of.
//!
//! Secrets (passwords, API key secrets) have no `Debug` that shows them, and are stored only as
//! hashes: argon2id for passwords (people choose weak ones, so a slow hash), SHA-256 for API
//! key secrets (256 random bits, so a fast hash loses nothing).

mod api_key_secret;
pub mod api_keys;
pub mod events;
mod password;
mod role;
mod scope;
pub mod throttle;
mod units;
mod username;
pub mod users;

pub use api_key_secret::{ApiKeySecret, PresentedApiKey};
pub use password::{Password, PasswordHash, verify_password, verify_password_against_dummy};
pub use role::Role;
pub use scope::SubtreeRange;
pub use units::{HomeUnit, find_unit};
pub use username::Username;

/// Where an audited change came from, recorded with its access event.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
}

/// Random bytes from the operating system.
pub(crate) fn random_bytes<const N: usize>(
    context: &'static str,
) -> Result<[u8; N], crate::StoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| crate::StoreError::Crypto {
        context,
        detail: e.to_string(),
    })?;
    Ok(bytes)
}
