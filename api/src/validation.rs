//! Collecting every invalid field of a request before answering, so a caller fixes them all in
//! one round trip.

use chitieu_schema::domain::Invalid;

use crate::error::ApiError;
use crate::problem::FieldError;

#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value, or records why it is invalid under `pointer` (e.g. `/parentCode`).
    pub fn check<T>(&mut self, pointer: &str, parsed: Result<T, Invalid>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(invalid) => {
                self.0.push(FieldError::new(pointer, invalid.into_text()));
                None
            }
        }
    }

    /// Records a problem found by other means.
    pub fn add(&mut self, pointer: &str, detail: impl Into<chitieu_schema::messages::Text>) {
        self.0.push(FieldError::new(pointer, detail));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when no field was invalid, else a 422 naming every invalid field. `build`
    /// runs only when all checks passed, so it may unwrap the checked `Option`s.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, ApiError> {
        if !self.0.is_empty() {
            return Err(ApiError::Invalid(self.0));
        }
        build().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a checked field was missing")))
    }
}
