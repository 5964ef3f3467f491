//! Signed checkpoints of the chain's head, kept outside the database (a file the operator
//! keeps, ideally copied elsewhere). A checkpoint names how many entries the chain had, the id
//! and hash of its newest entry, and when; its MAC under the audit key makes it unforgeable
//! without the key. Deleting the newest entries, or replacing the chain, no longer matches a
//! checkpoint taken before.
//!
//! One line per checkpoint: `v1 <entries> <last id> <head hash> <RFC 3339 time> <mac>`.

use std::io::Write;
use std::path::Path;

use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;

use super::key::mac_hex;
use crate::StoreError;
use crate::db::Db;
use crate::schema::audit_entries;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub entries: i64,
    pub last_id: i64,
    pub head: String,
    pub at: NaiveDateTime,
    mac: String,
}

impl Checkpoint {
    fn message(entries: i64, last_id: i64, head: &str, at: NaiveDateTime) -> String {
        format!(
            "chitieu audit checkpoint v1\n{entries}\n{last_id}\n{head}\n{}",
            at.and_utc().to_rfc3339_opts(SecondsFormat::Micros, true)
        )
    }

    /// A checkpoint of the chain as it is in `conn` now; `None` while it is empty.
    pub fn of_head(conn: &mut Db, at: NaiveDateTime) -> Result<Option<Self>, StoreError> {
        let entries: i64 = audit_entries::table
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting audit entries"))?;
        let head = audit_entries::table
            .order(audit_entries::id.desc())
            .select((audit_entries::id, audit_entries::hash))
            .first::<(i64, String)>(conn)
            .optional()
            .map_err(StoreError::database("reading the newest audit entry"))?;
        Ok(head.map(|(last_id, head)| {
            let mac = mac_hex(Self::message(entries, last_id, &head, at).as_bytes());
            Self {
                entries,
                last_id,
                head,
                at,
                mac,
            }
        }))
    }

    /// Whether the MAC matches under the installed key.
    pub fn is_authentic(&self) -> bool {
        let expected =
            mac_hex(Self::message(self.entries, self.last_id, &self.head, self.at).as_bytes());
        subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), self.mac.as_bytes()).into()
    }

    pub fn to_line(&self) -> String {
        format!(
            "v1 {} {} {} {} {}",
            self.entries,
            self.last_id,
            self.head,
            self.at
                .and_utc()
                .to_rfc3339_opts(SecondsFormat::Micros, true),
            self.mac
        )
    }

    pub fn parse_line(line: &str) -> Option<Self> {
        let mut parts = line.split_whitespace();
        if parts.next()? != "v1" {
            return None;
        }
        let entries = parts.next()?.parse().ok()?;
        let last_id = parts.next()?.parse().ok()?;
        let head = parts.next()?.to_owned();
        let at = chrono::DateTime::parse_from_rfc3339(parts.next()?)
            .ok()?
            .naive_utc();
        let mac = parts.next()?.to_owned();
        parts.next().is_none().then_some(Self {
            entries,
            last_id,
            head,
            at,
            mac,
        })
    }
}

/// The lines of a checkpoint file; none when it does not exist yet.
pub fn read_lines(path: &Path) -> std::io::Result<Vec<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Appends a checkpoint of the current head to `path` (0600, synced) unless the newest line
/// already names that head; returns the checkpoint written.
pub fn append_to_file(
    conn: &mut Db,
    path: &Path,
    at: NaiveDateTime,
) -> Result<Option<Checkpoint>, CheckpointError> {
    let Some(checkpoint) = Checkpoint::of_head(conn, at)? else {
        return Ok(None);
    };
    let newest = read_lines(path)?
        .last()
        .and_then(|line| Checkpoint::parse_line(line));
    if newest.is_some_and(|n| n.last_id == checkpoint.last_id && n.head == checkpoint.head) {
        return Ok(None);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?
    };
    writeln!(file, "{}", checkpoint.to_line())?;
    file.sync_all()?;
    Ok(Some(checkpoint))
}

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the audit checkpoint file: {0}")]
    File(#[from] std::io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_survives_its_line_and_an_edited_one_is_not_authentic() {
        let at = crate::now_utc();
        let mac = mac_hex(Checkpoint::message(3, 7, "ab", at).as_bytes());
        let checkpoint = Checkpoint {
            entries: 3,
            last_id: 7,
            head: "ab".into(),
            at,
            mac,
        };
        let read = Checkpoint::parse_line(&checkpoint.to_line()).unwrap();
        assert!(read.is_authentic());
        let edited = checkpoint.to_line().replacen(" 3 7 ", " 2 6 ", 1);
        assert!(!Checkpoint::parse_line(&edited).unwrap().is_authentic());
    }
}
