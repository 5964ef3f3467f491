//! An upstream system to deliver to: where it is, how to authenticate, which payload profile it
//! takes and how our codes map to its codes.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// Our name for the target (`theodoinq`, `dhis2-province`); outbox entries refer to it.
    pub code: String,
    pub profile: Profile,
    /// The upstream's base URL, without a trailing slash.
    pub base_url: String,
    pub auth: Auth,
    #[serde(default)]
    pub mapping: CodeMapping,
    /// Extra trust and a client certificate for HTTPS to this target.
    #[serde(default, skip_serializing_if = "TargetTls::is_default")]
    pub tls: TargetTls,
    /// The request of a `template` target (`crate::template`); `None` for the built-in
    /// profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<crate::template::TemplateSpec>,
}

/// TLS to one target, as PEM files on the server: a CA bundle trusted besides the built-in
/// (Mozilla) roots, for upstreams signed by a government CA, and a client certificate with its
/// key for upstreams that require mutual TLS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetTls {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<String>,
    /// The certificate (chain) presented to the upstream; needs `clientKeyFile`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_cert_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_key_file: Option<String>,
}

impl TargetTls {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The payload an upstream takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Profile {
    /// Our documented JSON: one document per unit and period with KPI values and the narrative
    /// report outline rows (code, name, parent, order, HTML content).
    Theodoinq,
    /// DHIS2 `POST /api/dataValueSets` (JSON, idScheme=code).
    Dhis2,
    /// The request described in the target's `template` (`crate::template`), for an
    /// upstream whose interface is learnt after the release.
    Template,
}

impl Profile {
    /// Whether the payload carries a signed checkpoint of our audit chain. DHIS2's data value
    /// set has no member for it (DHIS2 drops members it does not know), so only our own
    /// profile does, and templates, whose context is our profile's document.
    pub fn takes_audit_checkpoint(self) -> bool {
        matches!(self, Profile::Theodoinq | Profile::Template)
    }
}

/// How to authenticate. Secrets are named by environment variable, never stored in the
/// database or in the targets file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Auth {
    None,
    /// `Authorization: Bearer <token>`.
    Bearer {
        token_env: String,
    },
    /// A header such as `X-API-Key: <key>`.
    ApiKey {
        header: String,
        key_env: String,
    },
    /// `Authorization: Basic` with a user's password (DHIS2 accepts it on every request).
    Basic {
        username: String,
        password_env: String,
    },
    /// `Authorization: ApiToken <token>`: a DHIS2 personal access token (2.37+).
    ApiToken {
        token_env: String,
    },
    /// OAuth2 client credentials; the token is cached until shortly before it expires and
    /// fetched again after a 401.
    OAuth2ClientCredentials {
        token_url: String,
        client_id: String,
        client_secret_env: String,
        scope: Option<String>,
        /// How the client proves itself to the token endpoint: `body` (`client_id` and
        /// `client_secret` in the form, the default) or `basic` (HTTP Basic, as DHIS2's
        /// `/uaa/oauth/token` requires).
        #[serde(default)]
        client_authentication: ClientAuthentication,
    },
}

/// Where the client id and secret go in a token request (RFC 6749 §2.3.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ClientAuthentication {
    #[default]
    Body,
    Basic,
}

/// Our indicator, unit, plan and outline row codes to the upstream's; a code without an entry
/// is sent as it is. For DHIS2, `dataSets` maps plans to data sets and `categoryOptionCombos` names the
/// combos of a ratio's numerator and denominator (`NUMERATOR` and `DENOMINATOR` when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeMapping {
    #[serde(default)]
    pub indicators: HashMap<String, String>,
    #[serde(default)]
    pub units: HashMap<String, String>,
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub data_sets: HashMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_option_combos: Option<RatioCombos>,
    /// For a `template` target: our outline row codes to the upstream's own row ids (a number
    /// or a text), given to the template as `outlineIds` (the report API's `idxId` and
    /// `parentId`). The built-in profiles send our codes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outline: BTreeMap<String, serde_json::Value>,
}

/// The upstream's category option combos of a ratio's two halves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RatioCombos {
    pub numerator: String,
    pub denominator: String,
}

impl CodeMapping {
    pub fn data_set<'a>(&'a self, plan_code: &'a str) -> &'a str {
        self.data_sets
            .get(plan_code)
            .map_or(plan_code, String::as_str)
    }

    /// The upstream's code of a ratio half.
    pub fn ratio_combo(&self, part: chitieu_schema::dhis2::RatioPart) -> &str {
        use chitieu_schema::dhis2::RatioPart;
        match (&self.category_option_combos, part) {
            (Some(combos), RatioPart::Numerator) => &combos.numerator,
            (Some(combos), RatioPart::Denominator) => &combos.denominator,
            (None, part) => part.code(),
        }
    }

    pub fn indicator<'a>(&'a self, code: &'a str) -> &'a str {
        self.indicators.get(code).map_or(code, String::as_str)
    }

    pub fn unit<'a>(&'a self, code: &'a str) -> &'a str {
        self.units.get(code).map_or(code, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_as_docs_theodoinq_md_shows_it() {
        let target: Target = serde_json::from_str(
            r#"{"code": "theodoinq", "profile": "theodoinq",
                "baseUrl": "https://theodoinq.example.vn",
                "auth": {"type": "oAuth2ClientCredentials",
                    "tokenUrl": "https://theodoinq.example.vn/oauth/token",
                    "clientId": "chitieu-hcm", "clientSecretEnv": "THEODOINQ_CLIENT_SECRET",
                    "scope": "submissions"},
                "mapping": {"indicators": {"NQ57-1": "KPI-0101"}, "units": {}}}"#,
        )
        .unwrap();
        assert_eq!(target.profile, Profile::Theodoinq);
        assert!(matches!(target.auth, Auth::OAuth2ClientCredentials { .. }));
        assert_eq!(target.mapping.indicator("NQ57-1"), "KPI-0101");
        let others: Vec<Auth> = serde_json::from_str(
            r#"[{"type": "none"}, {"type": "bearer", "tokenEnv": "T"},
                {"type": "apiKey", "header": "X-API-Key", "keyEnv": "K"}]"#,
        )
        .unwrap();
        assert_eq!(others.len(), 3);
    }
}
