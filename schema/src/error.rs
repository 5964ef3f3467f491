use crate::messages::Text;

/// What can go wrong in the storage layer, with enough context to answer a caller precisely.
/// Details and reasons are [`Text`]: catalogue messages, said in the caller's language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{what} {key} does not exist")]
    NotFound { what: &'static str, key: String },

    /// A unique value is taken, or the change conflicts with the current state.
    #[error("{detail}")]
    Conflict { detail: Text },

    /// The caller's copy is stale: it read version `expected` but the stored one is `current`.
    #[error("the stored version is {current}, not {expected}")]
    VersionMismatch { expected: i32, current: i32 },

    /// A field refers to something that does not fit (an unknown parent, a parent of the wrong
    /// kind); `field` is the request field's name.
    #[error("{field}: {reason}")]
    Rejected { field: &'static str, reason: Text },

    /// As [`StoreError::Rejected`], for a field inside a list or map of the request: `pointer`
    /// is a JSON Pointer such as `/coordinatingUnitCodes/1`.
    #[error("{pointer}: {reason}")]
    RejectedAt { pointer: String, reason: Text },

    /// The report violates validation rules: blocking ones, or warnings not acknowledged.
    #[error("{detail}")]
    RulesViolated {
        detail: String,
        violations: Vec<crate::validation::Judgement>,
    },

    /// Hashing or random generation failed (the operating system's random source is gone).
    #[error("cryptographic operation failed while {context}: {detail}")]
    Crypto {
        context: &'static str,
        detail: String,
    },

    #[error("database error while {context}")]
    Database {
        context: &'static str,
        #[source]
        source: diesel::result::Error,
    },
}

impl StoreError {
    /// The error as a catalogue message, for those said to people in their language.
    pub fn message(&self) -> Option<crate::messages::Message> {
        use crate::messages::Message;
        match self {
            StoreError::NotFound { what, key } => Some(match thing_key(what) {
                Some(thing) => Message::new("store-not-found")
                    .message("what", Message::new(thing))
                    .arg("key", key),
                None => Message::new("store-not-found")
                    .arg("what", what)
                    .arg("key", key),
            }),
            _ => None,
        }
    }

    pub fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        Self::NotFound {
            what,
            key: key.into(),
        }
    }

    /// A conflict with the stored state, said by a catalogue message.
    pub fn conflict(message: crate::messages::Message) -> Self {
        Self::Conflict {
            detail: message.into(),
        }
    }

    pub fn rejected(field: &'static str, reason: impl Into<Text>) -> Self {
        Self::Rejected {
            field,
            reason: reason.into(),
        }
    }

    /// Whether the database was too busy to answer in time: SQLite's write lock still held by
    /// another writer after the busy timeout, or PostgreSQL's lock or statement timeout or a
    /// serialization failure. Worth retrying a moment later.
    pub fn is_busy(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        let StoreError::Database { source, .. } = self else {
            return false;
        };
        match source {
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
            Error::DatabaseError(_, info) => {
                let message = info.message();
                message.contains("database is locked")
                    || message.contains("database table is locked")
                    || message.contains("lock timeout")
                    || message.contains("statement timeout")
            }
            _ => false,
        }
    }

    /// Wraps a Diesel error with what was being done, turning unique violations into conflicts.
    pub fn database(context: &'static str) -> impl FnOnce(diesel::result::Error) -> Self {
        move |source| match source {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                ref info,
            ) => Self::Conflict {
                detail: format!("{context}: {}", info.message()).into(),
            },
            source => Self::Database { context, source },
        }
    }
}

/// Lets `conn.transaction(|c| ...)` closures return `StoreError` directly.
impl From<diesel::result::Error> for StoreError {
    fn from(source: diesel::result::Error) -> Self {
        Self::Database {
            context: "running a transaction",
            source,
        }
    }
}

/// The catalogue key naming each kind of stored thing a caller can ask for.
fn thing_key(what: &str) -> Option<&'static str> {
    Some(match what {
        "API key" => "thing-api-key",
        "catalog" => "thing-catalog",
        "indicator" => "thing-indicator",
        "organisation unit" => "thing-org-unit",
        "outbox entry" => "thing-outbox-entry",
        "plan item" => "thing-plan-item",
        "plan" => "thing-plan",
        "report" => "thing-report",
        "sync target" => "thing-sync-target",
        "user" => "thing-user",
        "webhook" => "thing-webhook",
        _ => return None,
    })
}
