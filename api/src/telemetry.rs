//! Structured logs with `tracing`: JSON when stdout is not a terminal (collectors), readable
//! text when it is. `RUST_LOG` filters; `CHITIEU_LOG_FORMAT=json|text` overrides the choice.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::settings::SettingsError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogSettings {
    /// `None`: JSON when stdout is not a terminal.
    pub json: Option<bool>,
    /// A `tracing` filter (`RUST_LOG` syntax).
    pub filter: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            json: None,
            filter: "info".to_owned(),
        }
    }
}

impl LogSettings {
    pub fn from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let mut log = Self::default();
        if let Some(v) = lookup("CHITIEU_LOG_FORMAT") {
            log.json = match v.trim() {
                "json" => Some(true),
                "text" => Some(false),
                _ => {
                    return Err(SettingsError::new(
                        "CHITIEU_LOG_FORMAT",
                        &v,
                        "expected json or text",
                    ));
                }
            };
        }
        if let Some(v) = lookup("RUST_LOG").filter(|v| !v.trim().is_empty()) {
            EnvFilter::try_new(&v)
                .map_err(|e| SettingsError::new("RUST_LOG", &v, e.to_string()))?;
            log.filter = v;
        }
        Ok(log)
    }
}

pub fn init(settings: &LogSettings) {
    let filter = EnvFilter::try_new(&settings.filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let json = settings
        .json
        .unwrap_or_else(|| !std::io::stdout().is_terminal());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    // A second init (tests) keeps the first subscriber.
    let _ = if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.try_init()
    };
}
