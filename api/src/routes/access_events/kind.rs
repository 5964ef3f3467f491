//! The kinds of access event as the API names them: the same names as the stored ones
//! ([`EventKind::as_str`]), as a closed set the document lists.

use chitieu_schema::accounts::events::EventKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "sign_in_failed")]
pub enum EventKindName {
    SignIn,
    SignInFailed,
    KeyCreated,
    KeyRevoked,
    UserCreated,
    UserDisabled,
    UserEnabled,
    PasswordChanged,
    PasswordReset,
}

impl From<EventKind> for EventKindName {
    fn from(kind: EventKind) -> Self {
        match kind {
            EventKind::SignIn => Self::SignIn,
            EventKind::SignInFailed => Self::SignInFailed,
            EventKind::KeyCreated => Self::KeyCreated,
            EventKind::KeyRevoked => Self::KeyRevoked,
            EventKind::UserCreated => Self::UserCreated,
            EventKind::UserDisabled => Self::UserDisabled,
            EventKind::UserEnabled => Self::UserEnabled,
            EventKind::PasswordChanged => Self::PasswordChanged,
            EventKind::PasswordReset => Self::PasswordReset,
        }
    }
}

impl From<EventKindName> for EventKind {
    fn from(kind: EventKindName) -> Self {
        match kind {
            EventKindName::SignIn => Self::SignIn,
            EventKindName::SignInFailed => Self::SignInFailed,
            EventKindName::KeyCreated => Self::KeyCreated,
            EventKindName::KeyRevoked => Self::KeyRevoked,
            EventKindName::UserCreated => Self::UserCreated,
            EventKindName::UserDisabled => Self::UserDisabled,
            EventKindName::UserEnabled => Self::UserEnabled,
            EventKindName::PasswordChanged => Self::PasswordChanged,
            EventKindName::PasswordReset => Self::PasswordReset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_names_are_the_stored_names() {
        for kind in EventKind::ALL {
            let named = serde_json::to_value(EventKindName::from(kind)).unwrap();
            assert_eq!(named, kind.as_str());
            assert_eq!(EventKind::from(EventKindName::from(kind)), kind);
        }
    }
}
