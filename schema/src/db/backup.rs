//! A consistent copy of a live SQLite database, and putting one back.
//!
//! `VACUUM INTO` reads the database in one read transaction, so the copy is the database as it
//! was at one instant, while other connections go on writing (WAL). PostgreSQL is backed up
//! with its own tools (`pg_dump`), which do the same there.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

use super::{Backend, DatabaseUrl, Db};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "the database is PostgreSQL: back it up with pg_dump (README, \"Backups\"), e.g. \
         pg_dump --format=custom --no-owner --file=chitieu.dump \"$DATABASE_URL\""
    )]
    NotSqlite,
    #[error("{0} exists already: choose a new file, a backup never overwrites")]
    Exists(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a sound SQLite database: {detail}")]
    Unsound { path: String, detail: String },
    #[error("SQLite refused: {0}")]
    Sqlite(#[from] diesel::result::Error),
    #[error("could not open {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: diesel::ConnectionError,
    },
}

/// Writes a consistent copy of the database `conn` is connected to into `destination`, which
/// must not exist. The copy is written under a temporary name beside it and renamed when
/// complete, so a file with the final name is always a whole backup.
pub fn backup_sqlite(conn: &mut Db, destination: &Path) -> Result<(), BackupError> {
    let Db::Sqlite(sqlite) = conn else {
        return Err(BackupError::NotSqlite);
    };
    if destination.exists() {
        return Err(BackupError::Exists(destination.display().to_string()));
    }
    let partial = with_suffix(destination, ".partial");
    let _ = std::fs::remove_file(&partial);
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(partial.to_string_lossy().into_owned())
        .execute(sqlite)?;
    std::fs::rename(&partial, destination).map_err(|source| BackupError::Io {
        path: destination.display().to_string(),
        source,
    })
}

/// Replaces the SQLite database of `url` by the backup at `backup`, after an integrity check
/// of the backup. The service must be stopped: open connections would keep the old file.
pub fn restore_sqlite(url: &DatabaseUrl, backup: &Path) -> Result<(), BackupError> {
    if url.backend() != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    check_integrity(backup)?;
    let target = PathBuf::from(url.sqlite_path());
    let incoming = with_suffix(&target, ".restoring");
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| BackupError::Io { path, source }
    };
    std::fs::copy(backup, &incoming).map_err(io(&incoming))?;
    // The old database's write-ahead log belongs to the old file: left in place, SQLite would
    // replay it into the restored one.
    for stale in [with_suffix(&target, "-wal"), with_suffix(&target, "-shm")] {
        match std::fs::remove_file(&stale) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&stale)(e)),
            _ => {}
        }
    }
    std::fs::rename(&incoming, &target).map_err(io(&target))
}

#[derive(QueryableByName)]
struct IntegrityRow {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

fn check_integrity(path: &Path) -> Result<(), BackupError> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(BackupError::Unsound {
            path: shown,
            detail: "no such file".into(),
        });
    }
    let mut conn = SqliteConnection::establish(&shown).map_err(|source| BackupError::Open {
        path: shown.clone(),
        source,
    })?;
    conn.batch_execute("PRAGMA query_only = ON;")?;
    let rows: Vec<IntegrityRow> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .map_err(|e| BackupError::Unsound {
            path: shown.clone(),
            detail: e.to_string(),
        })?;
    match rows.first().map(|r| r.integrity_check.as_str()) {
        Some("ok") => Ok(()),
        other => Err(BackupError::Unsound {
            path: shown,
            detail: other.unwrap_or("no answer").to_owned(),
        }),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
