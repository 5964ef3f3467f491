//! Optimistic concurrency and races with concurrent writers, turned into precise answers.

use diesel::result::{DatabaseErrorKind, Error};

use crate::StoreError;

/// Refuses a change made against another version than the stored one (`None`: `If-Match: *`).
pub(crate) fn check_version(expected: Option<i32>, current: i32) -> Result<(), StoreError> {
    match expected {
        Some(expected) if expected != current => {
            Err(StoreError::VersionMismatch { expected, current })
        }
        _ => Ok(()),
    }
}

/// Maps a foreign-key violation on delete (a reference added by a concurrent writer after our
/// check) to a conflict instead of a server error.
pub(crate) fn referenced_meanwhile(
    context: &'static str,
    detail: impl FnOnce() -> crate::messages::Text,
) -> impl FnOnce(Error) -> StoreError {
    move |error| match error {
        Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
            StoreError::Conflict { detail: detail() }
        }
        error => StoreError::database(context)(error),
    }
}
