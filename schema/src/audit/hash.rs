//! The canonical serialisation of an entry and its keyed hash: HMAC-SHA256 under the audit key
//! (see [`super::key`]), so the chain cannot be recomputed without the key.
//!
//! Each field is written as `name:` followed by `-` when absent, or by its length in bytes, a
//! colon and the UTF-8 text when present, then a newline; the timestamp is RFC 3339 in UTC with
//! microseconds. Lengths make the encoding unambiguous whatever the texts contain. The last
//! line is the previous entry's hash (64 zeros for the first entry).

use chrono::NaiveDateTime;

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The keyed hash of an entry with these fields following the entry whose hash is `prev_hash`.
#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    at: NaiveDateTime,
    actor: &str,
    request_id: Option<&str>,
    action: &str,
    unit_code: &str,
    plan_code: &str,
    period: &str,
    indicator_code: Option<&str>,
    old_value: Option<&str>,
    new_value: Option<&str>,
    reason: Option<&str>,
    prev_hash: &str,
) -> String {
    let at = at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    let fields: [(&str, Option<&str>); 12] = [
        ("at", Some(&at)),
        ("actor", Some(actor)),
        ("request_id", request_id),
        ("action", Some(action)),
        ("unit_code", Some(unit_code)),
        ("plan_code", Some(plan_code)),
        ("period", Some(period)),
        ("indicator_code", indicator_code),
        ("old_value", old_value),
        ("new_value", new_value),
        ("reason", reason),
        ("prev_hash", Some(prev_hash)),
    ];
    let mut canonical = String::new();
    for (name, value) in fields {
        canonical.push_str(name);
        canonical.push(':');
        match value {
            None => canonical.push('-'),
            Some(text) => {
                canonical.push_str(&text.len().to_string());
                canonical.push(':');
                canonical.push_str(text);
            }
        }
        canonical.push('\n');
    }
    super::key::mac_hex(canonical.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> NaiveDateTime {
        chrono::DateTime::parse_from_rfc3339("2026-04-10T08:00:00.123456Z")
            .unwrap()
            .naive_utc()
    }

    #[test]
    fn an_absent_field_and_an_empty_one_hash_differently() {
        let absent = entry_hash(
            at(),
            "a",
            None,
            "submitted",
            "01001",
            "P",
            "2026Q1",
            None,
            None,
            None,
            None,
            GENESIS_HASH,
        );
        let empty = entry_hash(
            at(),
            "a",
            Some(""),
            "submitted",
            "01001",
            "P",
            "2026Q1",
            None,
            None,
            None,
            None,
            GENESIS_HASH,
        );
        assert_ne!(absent, empty);
        assert_eq!(absent.len(), 64);
    }

    #[test]
    fn moving_text_between_fields_changes_the_hash() {
        let one = entry_hash(
            at(),
            "ab",
            None,
            "c",
            "01001",
            "P",
            "2026Q1",
            None,
            None,
            None,
            None,
            GENESIS_HASH,
        );
        let two = entry_hash(
            at(),
            "a",
            None,
            "bc",
            "01001",
            "P",
            "2026Q1",
            None,
            None,
            None,
            None,
            GENESIS_HASH,
        );
        assert_ne!(one, two);
    }
}
