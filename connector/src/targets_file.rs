//! Targets from a JSON file (`CHITIEU_SYNC_TARGETS_FILE`), stored in the database at start-up,
//! and read back from the database as [`Target`]s.
//!
//! ```json
//! {"targets": [{"code": "theodoinq", "profile": "theodoinq",
//!   "baseUrl": "https://theodoinq.example/api", "enabled": true,
//!   "auth": {"type": "oAuth2ClientCredentials", "tokenUrl": "https://…/token",
//!            "clientId": "chitieu", "clientSecretEnv": "THEODOINQ_CLIENT_SECRET"},
//!   "mapping": {"indicators": {"NQ57-THAITAN-7": "KPI_07"}, "units": {}}}]}
//! ```

use chitieu_schema::db::Db;
use chitieu_schema::sync::{self, NewTarget, StoredTarget};
use serde::Deserialize;

use crate::error::SyncError;
use crate::target::{Auth, CodeMapping, Profile, Target, TargetTls};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetsFile {
    pub targets: Vec<TargetEntry>,
}

/// A target and whether approvals are queued for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetEntry {
    #[serde(flatten)]
    pub target: Target,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

impl TargetsFile {
    pub fn read(path: &str) -> Result<Self, SyncError> {
        let raw = std::fs::read_to_string(path).map_err(|source| SyncError::TargetsFile {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(path, &raw)
    }

    /// Parses and checks the file: a `template` target's `bodyFile` is read (relative to the
    /// file's folder) and every template must parse, or start-up stops naming its line and
    /// column.
    pub fn parse(path: &str, raw: &str) -> Result<Self, SyncError> {
        let mut file: TargetsFile =
            serde_json::from_str(raw).map_err(|e| SyncError::TargetsJson {
                path: path.to_owned(),
                detail: e.to_string(),
            })?;
        let base = std::path::Path::new(path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        for (index, entry) in file.targets.iter_mut().enumerate() {
            crate::template::check_target(&mut entry.target, base).map_err(|error| {
                SyncError::TargetTemplate {
                    path: path.to_owned(),
                    index,
                    code: entry.target.code.clone(),
                    error: Box::new(error),
                }
            })?;
        }
        for entry in &file.targets {
            let target = &entry.target;
            if target.code.is_empty() || target.code.contains(':') {
                return Err(SyncError::TargetsJson {
                    path: path.to_owned(),
                    detail: format!(
                        "target code {:?} must be non-empty, without ':'",
                        target.code
                    ),
                });
            }
            if !(target.base_url.starts_with("http://") || target.base_url.starts_with("https://"))
            {
                return Err(SyncError::TargetsJson {
                    path: path.to_owned(),
                    detail: format!("target {}: baseUrl must be an http(s) URL", target.code),
                });
            }
            // Unreadable TLS files stop start-up here rather than every delivery later.
            crate::http::tls::check(target).map_err(|e| SyncError::TargetsJson {
                path: path.to_owned(),
                detail: e.to_string(),
            })?;
        }
        Ok(file)
    }

    /// Creates or updates each target in the database; targets not in the file are left as
    /// they are (disable them in the file rather than removing them: their entries refer to
    /// them).
    pub fn store(&self, conn: &mut Db) -> Result<usize, SyncError> {
        for entry in &self.targets {
            let target = &entry.target;
            let new = NewTarget {
                code: target.code.clone(),
                profile: profile_name(target.profile).to_owned(),
                base_url: target.base_url.trim_end_matches('/').to_owned(),
                auth_json: to_json(&target.auth, &target.code)?,
                mapping_json: to_json(&target.mapping, &target.code)?,
                enabled: entry.enabled,
                tls_json: match target.tls.is_default() {
                    true => None,
                    false => Some(to_json(&target.tls, &target.code)?),
                },
                template_json: target
                    .template
                    .as_ref()
                    .map(|template| to_json(template, &target.code))
                    .transpose()?,
            };
            sync::upsert_target(conn, &new).map_err(SyncError::store("storing a sync target"))?;
        }
        Ok(self.targets.len())
    }
}

fn to_json<T: serde::Serialize>(value: &T, code: &str) -> Result<String, SyncError> {
    serde_json::to_string(value).map_err(|e| SyncError::StoredTarget {
        code: code.to_owned(),
        detail: e.to_string(),
    })
}

pub fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Theodoinq => "theodoinq",
        Profile::Dhis2 => "dhis2",
        Profile::Template => "template",
    }
}

/// The target as the transport needs it, from its stored row.
pub fn target_from_stored(stored: &StoredTarget) -> Result<Target, SyncError> {
    let invalid = |detail: String| SyncError::StoredTarget {
        code: stored.code.clone(),
        detail,
    };
    let profile = match stored.profile.as_str() {
        "theodoinq" => Profile::Theodoinq,
        "dhis2" => Profile::Dhis2,
        "template" => Profile::Template,
        other => return Err(invalid(format!("unknown profile {other:?}"))),
    };
    let auth: Auth =
        serde_json::from_str(&stored.auth_json).map_err(|e| invalid(format!("auth: {e}")))?;
    let mapping: CodeMapping =
        serde_json::from_str(&stored.mapping_json).map_err(|e| invalid(format!("mapping: {e}")))?;
    let tls = match &stored.tls_json {
        Some(json) => serde_json::from_str(json).map_err(|e| invalid(format!("tls: {e}")))?,
        None => TargetTls::default(),
    };
    let template = stored
        .template_json
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| invalid(format!("template: {e}")))?;
    Ok(Target {
        code: stored.code.clone(),
        profile,
        base_url: stored.base_url.clone(),
        auth,
        mapping,
        tls,
        template,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_names_secrets_by_environment_variable() {
        let file = TargetsFile::parse(
            "targets.json",
            r#"{"targets": [
                {"code": "theodoinq", "profile": "theodoinq", "baseUrl": "http://127.0.0.1:8090",
                 "auth": {"type": "bearer", "tokenEnv": "THEODOINQ_TOKEN"}},
                {"code": "dhis2", "profile": "dhis2", "baseUrl": "https://dhis2.example",
                 "enabled": false,
                 "auth": {"type": "apiKey", "header": "X-API-Key", "keyEnv": "DHIS2_KEY"},
                 "mapping": {"indicators": {"NQ57-THAITAN-7": "KPI07"}}}
            ]}"#,
        )
        .unwrap();
        assert_eq!(file.targets.len(), 2);
        assert!(file.targets[0].enabled);
        assert!(!file.targets[1].enabled);
        assert_eq!(
            file.targets[0].target.auth,
            Auth::Bearer {
                token_env: "THEODOINQ_TOKEN".into()
            }
        );
        assert_eq!(
            file.targets[1].target.mapping.indicator("NQ57-THAITAN-7"),
            "KPI07"
        );
    }

    #[test]
    fn a_target_without_an_http_url_is_refused() {
        let err = TargetsFile::parse(
            "t.json",
            r#"{"targets": [{"code": "x", "profile": "dhis2", "baseUrl": "ftp://x",
                 "auth": {"type": "none"}}]}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("baseUrl"));
    }
}
