//! The access log: sign-ins, failures and account changes (password changes and resets among
//! them).

mod list;
mod record;

pub use list::{EventFilter, list};
pub use record::{NewEvent, record};

use chrono::NaiveDateTime;

use crate::domain::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    SignIn,
    SignInFailed,
    KeyCreated,
    KeyRevoked,
    UserCreated,
    UserDisabled,
    UserEnabled,
    /// The owner changed their own password.
    PasswordChanged,
    /// Someone else set the password; the owner must change it at the next sign-in.
    PasswordReset,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::SignIn,
        EventKind::SignInFailed,
        EventKind::KeyCreated,
        EventKind::KeyRevoked,
        EventKind::UserCreated,
        EventKind::UserDisabled,
        EventKind::UserEnabled,
        EventKind::PasswordChanged,
        EventKind::PasswordReset,
    ];

    /// The name in the database and in the API (`sign_in_failed`), as the issue spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::SignIn => "sign_in",
            EventKind::SignInFailed => "sign_in_failed",
            EventKind::KeyCreated => "key_created",
            EventKind::KeyRevoked => "key_revoked",
            EventKind::UserCreated => "user_created",
            EventKind::UserDisabled => "user_disabled",
            EventKind::UserEnabled => "user_enabled",
            EventKind::PasswordChanged => "password_changed",
            EventKind::PasswordReset => "password_reset",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Invalid::new(format!("unknown event kind {raw:?}")))
    }
}

/// A stored access event.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessEvent {
    pub id: i64,
    pub at: NaiveDateTime,
    pub kind: EventKind,
    /// A username or an API key prefix.
    pub subject: String,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    pub detail: Option<String>,
}
