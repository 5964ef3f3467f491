//! Settings of the records that must resist loss and forgery: how long `Idempotency-Key`s hold
//! and live, where the audit key and the audit checkpoints are kept, and how long the event
//! feed keeps its events. Every variable is
//! listed in the README.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use chitieu_schema::audit::AuditKey;
use chitieu_schema::db::{Backend, DatabaseUrl};
use chitieu_schema::reports::idempotency::KeyTimes;
use chrono::TimeDelta;

use crate::settings::SettingsError;

#[derive(Debug, Clone)]
pub struct IntegritySettings {
    /// `CHITIEU_IDEMPOTENCY_LEASE_SECONDS` (default 300) and `CHITIEU_IDEMPOTENCY_TTL_SECONDS`
    /// (default 86400).
    pub idempotency: KeyTimes,
    /// `CHITIEU_AUDIT_KEY`: the key itself (at least 32 bytes). Without it the key is read from
    /// `audit_key_file`, which is made with a random key on the first start.
    pub audit_key: Option<AuditKey>,
    /// `CHITIEU_AUDIT_KEY_PATH`, default `audit.key` beside the SQLite database, or
    /// `data/audit.key` with PostgreSQL (64 hex digits, 0600).
    pub audit_key_file: PathBuf,
    /// `CHITIEU_AUDIT_CHECKPOINT_FILE`, default `audit-checkpoints` in the same directory as the
    /// default key file.
    pub checkpoint_file: PathBuf,
    /// `CHITIEU_AUDIT_CHECKPOINT_SECONDS`, default 60: how often the chain's head is sealed.
    pub checkpoint_every: Duration,
    /// `CHITIEU_EVENT_RETENTION_DAYS`, default 90: how long the event feed keeps an event.
    pub event_retention: TimeDelta,
}

impl Default for IntegritySettings {
    fn default() -> Self {
        Self {
            idempotency: KeyTimes::default(),
            audit_key: None,
            audit_key_file: "data/audit.key".into(),
            checkpoint_file: "data/audit-checkpoints".into(),
            checkpoint_every: Duration::from_secs(60),
            event_retention: TimeDelta::days(90),
        }
    }
}

impl IntegritySettings {
    /// The defaults, with the key and checkpoint files beside a SQLite database (its directory
    /// is private already), or under `data/` for PostgreSQL.
    pub fn for_database(url: &DatabaseUrl) -> Self {
        let dir = match url.backend() {
            Backend::Sqlite => Path::new(&url.sqlite_path())
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Backend::Postgres => PathBuf::from("data"),
        };
        Self {
            audit_key_file: dir.join("audit.key"),
            checkpoint_file: dir.join("audit-checkpoints"),
            ..Self::default()
        }
    }

    pub fn from_lookup(
        url: &DatabaseUrl,
        lookup: &impl Fn(&str) -> Option<String>,
    ) -> Result<Self, SettingsError> {
        let mut settings = Self::for_database(url);
        let seconds = |name: &'static str| -> Result<Option<i64>, SettingsError> {
            lookup(name)
                .map(|v| match v.trim().parse::<i64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err(SettingsError::new(
                        name,
                        &v,
                        "must be a positive whole number",
                    )),
                })
                .transpose()
        };
        if let Some(n) = seconds("CHITIEU_IDEMPOTENCY_LEASE_SECONDS")? {
            settings.idempotency.lease = TimeDelta::seconds(n);
        }
        if let Some(n) = seconds("CHITIEU_IDEMPOTENCY_TTL_SECONDS")? {
            settings.idempotency.ttl = TimeDelta::seconds(n);
        }
        if let Some(n) = seconds("CHITIEU_AUDIT_CHECKPOINT_SECONDS")? {
            settings.checkpoint_every = Duration::from_secs(n.unsigned_abs());
        }
        if let Some(n) = seconds("CHITIEU_EVENT_RETENTION_DAYS")? {
            settings.event_retention = TimeDelta::try_days(n).ok_or_else(|| {
                SettingsError::new("CHITIEU_EVENT_RETENTION_DAYS", &n.to_string(), "too large")
            })?;
        }
        if let Some(v) = lookup("CHITIEU_AUDIT_KEY").filter(|v| !v.is_empty()) {
            // A secret: the error names the variable, not the value.
            settings.audit_key = Some(
                AuditKey::new(v.into_bytes())
                    .map_err(|e| SettingsError::new("CHITIEU_AUDIT_KEY", "***", e))?,
            );
        }
        if let Some(v) = lookup("CHITIEU_AUDIT_KEY_PATH").filter(|v| !v.trim().is_empty()) {
            settings.audit_key_file = v.trim().into();
        }
        if let Some(v) = lookup("CHITIEU_AUDIT_CHECKPOINT_FILE").filter(|v| !v.trim().is_empty()) {
            settings.checkpoint_file = v.trim().into();
        }
        Ok(settings)
    }

    /// The audit key: from the environment, else from its file; with `make_if_missing`, a
    /// missing file is made with a new random key (the first start of a new installation).
    pub fn load_audit_key(&self, make_if_missing: bool) -> anyhow::Result<AuditKey> {
        if let Some(key) = &self.audit_key {
            return Ok(key.clone());
        }
        let path = &self.audit_key_file;
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let bytes = hex::decode(text.trim())
                    .with_context(|| format!("the audit key file {} is not hex", path.display()))?;
                AuditKey::new(bytes)
                    .map_err(|e| anyhow::anyhow!("the audit key in {}: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && make_if_missing => {
                let key = AuditKey::random()?;
                write_private(path, &key.to_hex())?;
                tracing::warn!(
                    file = %path.display(),
                    "made a new audit key; keep a copy of this file apart from the database \
                     backups: without it the audit trail cannot be verified"
                );
                Ok(key)
            }
            Err(e) => Err(e).with_context(|| {
                format!(
                    "no audit key: set CHITIEU_AUDIT_KEY, or CHITIEU_AUDIT_KEY_PATH to the key \
                     file the server uses (could not read {})",
                    path.display()
                )
            }),
        }
    }
}

/// Writes a new file readable by the owner only, in a directory made 0700 if it is new.
fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("could not make {}", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("could not write {}", path.display()))?;
    writeln!(file, "{text}")?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_is_made_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let settings = IntegritySettings {
            audit_key_file: dir.path().join("keys/audit.key"),
            ..IntegritySettings::default()
        };
        assert!(settings.load_audit_key(false).is_err());
        let made = settings.load_audit_key(true).unwrap();
        assert_eq!(settings.load_audit_key(false).unwrap(), made);
    }

    #[test]
    fn the_event_retention_is_read_in_days() {
        let url = DatabaseUrl::parse("sqlite://data/chitieu.db").unwrap();
        let read = |v: &'static str| {
            IntegritySettings::from_lookup(&url, &|n| {
                (n == "CHITIEU_EVENT_RETENTION_DAYS").then(|| v.to_owned())
            })
        };
        assert_eq!(read("30").unwrap().event_retention, TimeDelta::days(30));
        assert!(read("0").is_err());
        assert_eq!(
            IntegritySettings::default().event_retention,
            TimeDelta::days(90)
        );
    }

    #[test]
    fn a_short_audit_key_is_refused_without_echoing_it() {
        let url = DatabaseUrl::parse("sqlite://data/chitieu.db").unwrap();
        let err = IntegritySettings::from_lookup(&url, &|n| {
            (n == "CHITIEU_AUDIT_KEY").then(|| "short key".to_owned())
        })
        .unwrap_err();
        assert!(!err.to_string().contains("short key"));
    }
}
