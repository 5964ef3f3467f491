//! Authentication settings from the environment; see the module docs of [`crate::auth`].

use std::fmt;
use std::time::Duration;

use chitieu_schema::accounts::throttle::ThrottleRule;
use chitieu_schema::accounts::{Password, Username};
use chrono::TimeDelta;

use crate::settings::SettingsError;

/// The HS256 signing secret: at least 32 bytes, never printed.
#[derive(Clone)]
pub struct JwtSecret(Vec<u8>);

impl JwtSecret {
    pub const MIN_BYTES: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.len() < Self::MIN_BYTES {
            return Err(format!("must be at least {} bytes long", Self::MIN_BYTES));
        }
        Ok(Self(raw.as_bytes().to_vec()))
    }

    /// 32 random bytes, for a process that was given no secret.
    pub fn random() -> anyhow::Result<Self> {
        let mut bytes = vec![0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| anyhow::anyhow!("no random source for the JWT secret: {e}"))?;
        Ok(Self(bytes))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for JwtSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JwtSecret(***)")
    }
}

/// Sign-in throttling: free tries per account at one client address and per client address,
/// then doubling delays; see [`crate::auth::sign_in`].
#[derive(Debug, Clone, Copy)]
pub struct ThrottleSettings {
    pub per_account_address: ThrottleRule,
    pub per_address: ThrottleRule,
}

impl ThrottleSettings {
    fn rule(free_tries: u32) -> ThrottleRule {
        ThrottleRule {
            free_tries,
            first_delay: TimeDelta::seconds(30),
            max_delay: TimeDelta::minutes(15),
            window: TimeDelta::minutes(15),
        }
    }

    /// `CHITIEU_SIGN_IN_FREE_TRIES` (per account at one address, default 5) and
    /// `CHITIEU_SIGN_IN_FREE_TRIES_PER_ADDRESS` (default 20); 0 switches a limit off.
    pub fn from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let mut throttle = Self::default();
        for (name, rule) in [
            (
                "CHITIEU_SIGN_IN_FREE_TRIES",
                &mut throttle.per_account_address,
            ),
            (
                "CHITIEU_SIGN_IN_FREE_TRIES_PER_ADDRESS",
                &mut throttle.per_address,
            ),
        ] {
            if let Some(v) = lookup(name) {
                let tries = v.trim().parse().map_err(|e: std::num::ParseIntError| {
                    SettingsError::new(name, &v, e.to_string())
                })?;
                *rule = Self::rule(tries);
            }
        }
        Ok(throttle)
    }
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self {
            per_account_address: Self::rule(5),
            per_address: Self::rule(20),
        }
    }
}

#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// `None`: a random per-process secret is made at start-up (with a warning).
    pub jwt_secret: Option<JwtSecret>,
    pub token_ttl: Duration,
    pub throttle: ThrottleSettings,
    /// The administrator to create when the database has no user yet.
    pub bootstrap_admin: Option<Username>,
    /// Its password; `None` makes a random one, written to `bootstrap_password_file`.
    pub bootstrap_admin_password: Option<Password>,
    /// Where a generated bootstrap password is written (readable by the owner only), so that
    /// no secret ever goes to the log.
    pub bootstrap_password_file: std::path::PathBuf,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            jwt_secret: None,
            token_ttl: Duration::from_secs(900),
            throttle: ThrottleSettings::default(),
            bootstrap_admin: None,
            bootstrap_admin_password: None,
            bootstrap_password_file: "data/bootstrap-admin-password".into(),
        }
    }
}

impl AuthSettings {
    pub fn from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let mut auth = Self {
            throttle: ThrottleSettings::from_lookup(lookup)?,
            ..Self::default()
        };
        if let Some(v) = lookup("CHITIEU_JWT_SECRET") {
            // The value is a secret: the error names the variable, not the value.
            auth.jwt_secret = Some(
                JwtSecret::parse(&v)
                    .map_err(|e| SettingsError::new("CHITIEU_JWT_SECRET", "***", e))?,
            );
        }
        if let Some(v) = lookup("CHITIEU_TOKEN_TTL_SECONDS") {
            let secs: u64 = v.trim().parse().map_err(|e: std::num::ParseIntError| {
                SettingsError::new("CHITIEU_TOKEN_TTL_SECONDS", &v, e.to_string())
            })?;
            if !(60..=86_400).contains(&secs) {
                return Err(SettingsError::new(
                    "CHITIEU_TOKEN_TTL_SECONDS",
                    &v,
                    "must be between 60 and 86400",
                ));
            }
            auth.token_ttl = Duration::from_secs(secs);
        }
        if let Some(v) = lookup("CHITIEU_BOOTSTRAP_ADMIN").filter(|v| !v.trim().is_empty()) {
            auth.bootstrap_admin = Some(
                Username::parse(&v)
                    .map_err(|e| SettingsError::new("CHITIEU_BOOTSTRAP_ADMIN", &v, e.0))?,
            );
        }
        if let Some(v) = lookup("CHITIEU_BOOTSTRAP_ADMIN_PASSWORD").filter(|v| !v.is_empty()) {
            auth.bootstrap_admin_password =
                Some(Password::parse(&v).map_err(|e| {
                    SettingsError::new("CHITIEU_BOOTSTRAP_ADMIN_PASSWORD", "***", e.0)
                })?);
        }
        if let Some(v) = lookup("CHITIEU_BOOTSTRAP_PASSWORD_FILE").filter(|v| !v.trim().is_empty())
        {
            auth.bootstrap_password_file = v.trim().into();
        }
        Ok(auth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<AuthSettings, SettingsError> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        AuthSettings::from_lookup(&|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_are_a_random_secret_and_fifteen_minute_tokens() {
        let auth = from(&[]).unwrap();
        assert!(auth.jwt_secret.is_none());
        assert_eq!(auth.token_ttl, Duration::from_secs(900));
        assert!(auth.bootstrap_admin.is_none());
    }

    #[test]
    fn a_short_secret_is_refused_without_echoing_it() {
        let err = from(&[("CHITIEU_JWT_SECRET", "short-secret-value")]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("CHITIEU_JWT_SECRET"), "{text}");
        assert!(!text.contains("short-secret-value"), "{text}");
    }

    #[test]
    fn secrets_never_appear_in_debug_output() {
        let auth = from(&[
            (
                "CHITIEU_JWT_SECRET",
                "a secret of at least thirty-two bytes",
            ),
            ("CHITIEU_BOOTSTRAP_ADMIN", "root"),
            (
                "CHITIEU_BOOTSTRAP_ADMIN_PASSWORD",
                "bootstrap password here",
            ),
        ])
        .unwrap();
        let text = format!("{auth:?}");
        assert!(!text.contains("thirty-two") && !text.contains("bootstrap password"));
        assert_eq!(auth.bootstrap_admin.unwrap().as_str(), "root");
    }

    #[test]
    fn token_lifetimes_outside_a_minute_to_a_day_are_refused() {
        assert!(from(&[("CHITIEU_TOKEN_TTL_SECONDS", "10")]).is_err());
        let auth = from(&[("CHITIEU_TOKEN_TTL_SECONDS", "3600")]).unwrap();
        assert_eq!(auth.token_ttl, Duration::from_secs(3600));
    }
}
