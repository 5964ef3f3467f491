//! Connections to SQLite (the embedded default) or PostgreSQL (production), chosen by the
//! scheme of `DATABASE_URL`, behind one Diesel `MultiConnection` enum.

mod backup;
mod migrations;
mod pool;
#[cfg(test)]
pub(crate) mod test_databases;
#[cfg(test)]
mod tls_tests;
mod url;

pub use backup::{BackupError, backup_sqlite, restore_sqlite};
pub use migrations::run_pending_migrations;
pub use pool::{DbPool, PooledDb, build_pool};
pub use url::{Backend, DatabaseUrl};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

#[derive(diesel::MultiConnection)]
pub enum Db {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

impl Db {
    /// Opens the backend the URL names: never guessed by trying each in turn, since SQLite
    /// would accept a PostgreSQL URL as a file name when the server is down.
    pub fn open(url: &DatabaseUrl) -> Result<Db, ConnectError> {
        match url.backend() {
            Backend::Postgres => diesel::PgConnection::establish(url.as_str())
                .map(Db::Postgresql)
                .map_err(|source| ConnectError::Establish {
                    url: url.redacted(),
                    source,
                }),
            Backend::Sqlite => {
                let path = url.sqlite_path();
                if let Some(dir) = std::path::Path::new(&path).parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir).map_err(|source| ConnectError::CreateDir {
                            dir: dir.display().to_string(),
                            source,
                        })?;
                    }
                }
                let mut conn = diesel::SqliteConnection::establish(&path).map_err(|source| {
                    ConnectError::Establish {
                        url: url.redacted(),
                        source,
                    }
                })?;
                // WAL lets readers proceed during a write; busy_timeout makes concurrent writers
                // wait instead of failing at once; foreign keys are off by default in SQLite.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                     PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                )
                .map_err(|source| ConnectError::Configure {
                    url: url.redacted(),
                    source,
                })?;
                Ok(Db::Sqlite(conn))
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Postgresql(_) => Backend::Postgres,
            Db::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// A round trip to the database, for readiness checks.
    pub fn ping(&mut self) -> QueryResult<()> {
        diesel::sql_query("SELECT 1").execute(self).map(|_| ())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("could not connect to {url}")]
    Establish {
        url: String,
        #[source]
        source: diesel::ConnectionError,
    },
    #[error("could not configure the SQLite connection to {url}")]
    Configure {
        url: String,
        #[source]
        source: diesel::result::Error,
    },
    #[error("could not create the database directory {dir}")]
    CreateDir {
        dir: String,
        #[source]
        source: std::io::Error,
    },
}
