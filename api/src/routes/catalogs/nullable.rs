//! PATCH bodies tell "leave as is" (field absent) from "clear it" (`null`).

use chitieu_schema::domain::Invalid;
use serde::{Deserialize, Deserializer};

/// With `#[serde(default, deserialize_with = "present")]`: absent → `None`, `null` →
/// `Some(None)`, a value → `Some(Some(value))`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A field that may be left out but not cleared: `null` is refused, since the resource cannot
/// be without it.
pub fn not_null<T>(field: Option<Option<T>>) -> Result<Option<T>, Invalid> {
    match field {
        Some(None) => Err(Invalid::new(
            "cannot be null; leave the field out to keep the current value",
        )),
        Some(Some(value)) => Ok(Some(value)),
        None => Ok(None),
    }
}
