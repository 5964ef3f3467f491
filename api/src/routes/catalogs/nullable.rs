//! PATCH bodies tell "leave as is" (field absent) from "clear it" (`null`).

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
