//! Configuration: parsed and checked here from named values; [`crate::settings_args`] gathers
//! them from arguments, environment variables and secrets' files, and `--help` lists them.

use std::net::IpAddr;
use std::time::Duration;

use chitieu_schema::db::DatabaseUrl;
use chitieu_schema::plan_import::ImportLimits;

use crate::auth::AuthSettings;
use crate::integrity_settings::IntegritySettings;
use crate::proxies::TrustedProxies;
use crate::sync_settings::SyncSettings;
use crate::telemetry::LogSettings;

/// Everything the application needs to start. Tests build it directly; `main` reads it from
/// the environment with [`Settings::from_env`].
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub host: IpAddr,
    /// 0 asks the operating system for a free port (tests).
    pub port: u16,
    /// Proxies whose `Forwarded` / `X-Forwarded-For` headers name the client.
    pub trusted_proxies: TrustedProxies,
    pub pool_size: u32,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Largest body of the bulk data exchange route (`POST /api/v1/dataValueSets`), in bytes.
    pub bulk_body_limit: usize,
    /// How long in-flight requests may finish after SIGTERM or Ctrl-C.
    pub shutdown_grace: Duration,
    pub workers: Option<usize>,
    /// Tokens, sign-in throttling and the bootstrap administrator.
    pub auth: AuthSettings,
    /// The sync of approved reports to upstream systems.
    pub sync: SyncSettings,
    /// Plan import: upload size, decompressed size of DOCX/XLSX/ODS, rows
    /// (`CHITIEU_IMPORT_MAX_BYTES`, `CHITIEU_IMPORT_MAX_UNZIPPED_BYTES`, `CHITIEU_IMPORT_MAX_ROWS`).
    pub import_limits: ImportLimits,
    /// Idempotency key leases and expiry; the audit key and checkpoints.
    pub integrity: IntegritySettings,
    /// Seed the demo data set into an empty database at start-up.
    pub demo: bool,
    /// With the demo on: the port of the in-process simulator of the national system the demo
    /// syncs to (0 picks a free one).
    pub demo_upstream_port: u16,
    pub log: LogSettings,
}

#[derive(Debug, thiserror::Error)]
#[error("environment variable {name}={value:?} is invalid: {reason}")]
pub struct SettingsError {
    name: String,
    value: String,
    reason: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/chitieu.db";

impl Settings {
    /// Defaults suited to a first run on a laptop: SQLite under `./data/`, port 8080 on
    /// localhost.
    pub fn local(database_url: DatabaseUrl) -> Self {
        Self {
            integrity: IntegritySettings::for_database(&database_url),
            database_url,
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            trusted_proxies: TrustedProxies::default(),
            pool_size: 8,
            body_limit: 2 * 1024 * 1024,
            bulk_body_limit: 64 * 1024 * 1024,
            shutdown_grace: Duration::from_secs(30),
            workers: None,
            auth: AuthSettings::default(),
            sync: SyncSettings::default(),
            import_limits: ImportLimits::default(),
            demo: false,
            demo_upstream_port: 0,
            log: LogSettings::default(),
        }
    }

    /// From environment variables (and secrets' `_FILE`s), as every command but `serve` reads
    /// them.
    pub fn from_env() -> Result<Self, SettingsError> {
        crate::settings_args::settings_from_env()
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let configured_url = lookup("DATABASE_URL");
        // The demo is on by default only for the embedded default database, so the README's
        // run command shows a living system while a configured production database is never
        // filled with demo data unless asked.
        let demo_default = configured_url.is_none();
        let raw_url = configured_url.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        let database_url = DatabaseUrl::parse(&raw_url)
            .map_err(|e| SettingsError::new("DATABASE_URL", &raw_url, e.to_string()))?;
        let mut settings = Self::local(database_url);
        if let Some(v) = lookup("CHITIEU_HOST") {
            settings.host = parse("CHITIEU_HOST", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_PORT").or_else(|| lookup("PORT")) {
            settings.port = parse("CHITIEU_PORT", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_TRUSTED_PROXIES") {
            settings.trusted_proxies = TrustedProxies::parse(&v)
                .map_err(|e| SettingsError::new("CHITIEU_TRUSTED_PROXIES", &v, e))?;
        }
        settings.log = LogSettings::from_lookup(&lookup)?;
        if let Some(v) = lookup("CHITIEU_DB_POOL_SIZE") {
            settings.pool_size = parse_positive("CHITIEU_DB_POOL_SIZE", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_BODY_LIMIT_BYTES") {
            settings.body_limit = parse_positive("CHITIEU_BODY_LIMIT_BYTES", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_BULK_BODY_LIMIT_BYTES") {
            settings.bulk_body_limit = parse_positive("CHITIEU_BULK_BODY_LIMIT_BYTES", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_SHUTDOWN_GRACE_SECONDS") {
            settings.shutdown_grace =
                Duration::from_secs(parse("CHITIEU_SHUTDOWN_GRACE_SECONDS", &v)?);
        }
        if let Some(v) = lookup("CHITIEU_WORKERS") {
            settings.workers = Some(parse_positive("CHITIEU_WORKERS", &v)?);
        }
        settings.demo_upstream_port = match lookup("CHITIEU_DEMO_UPSTREAM_PORT") {
            Some(v) => parse("CHITIEU_DEMO_UPSTREAM_PORT", &v)?,
            None => 8090,
        };
        settings.demo = match lookup("CHITIEU_DEMO").as_deref() {
            None => demo_default,
            Some("on") => true,
            Some("off") => false,
            Some(other) => {
                return Err(SettingsError::new(
                    "CHITIEU_DEMO",
                    other,
                    "expected on or off",
                ));
            }
        };
        settings.auth = AuthSettings::from_lookup(&lookup)?;
        settings.sync = SyncSettings::from_lookup(&lookup)?;
        settings.integrity = IntegritySettings::from_lookup(&settings.database_url, &lookup)?;
        settings.import_limits = ImportLimits::from_lookup(&lookup)
            .map_err(|e| SettingsError::new(e.name, &e.value, "must be a positive whole number"))?;
        Ok(settings)
    }
}

impl SettingsError {
    pub(crate) fn new(name: impl Into<String>, value: &str, reason: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.to_owned(),
            reason: reason.into(),
        }
    }
}

fn parse<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, SettingsError>
where
    T::Err: std::fmt::Display,
{
    value
        .trim()
        .parse()
        .map_err(|e: T::Err| SettingsError::new(name, value, e.to_string()))
}

fn parse_positive<T>(name: &'static str, value: &str) -> Result<T, SettingsError>
where
    T: std::str::FromStr + Default + PartialEq,
    T::Err: std::fmt::Display,
{
    let parsed: T = parse(name, value)?;
    if parsed == T::default() {
        return Err(SettingsError::new(name, value, "must be greater than 0"));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_sqlite_under_data_on_localhost() {
        let settings = Settings::from_lookup(|_| None).unwrap();
        assert_eq!(settings.database_url.as_str(), DEFAULT_DATABASE_URL);
        assert_eq!(settings.port, 8080);
    }

    #[test]
    fn a_bad_port_names_the_variable() {
        let err =
            Settings::from_lookup(|n| (n == "CHITIEU_PORT").then(|| "eighty".into())).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_PORT"));
    }
}
