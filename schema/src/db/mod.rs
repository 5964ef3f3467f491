//! Connections to SQLite (the embedded default) or PostgreSQL (production), chosen by the
//! scheme of `DATABASE_URL`, behind one Diesel `MultiConnection` enum.

mod backup;
mod migrations;
mod pool;
mod private_files;
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
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(url.as_str()).map_err(|source| {
                    ConnectError::Establish {
                        url: url.redacted(),
                        source,
                    }
                })?;
                // As SQLite's busy timeout: a writer waits for a lock at most 5 s, then the
                // caller gets 503 with Retry-After instead of a request that hangs.
                conn.batch_execute("SET lock_timeout = '5s'")
                    .map_err(|source| ConnectError::Configure {
                        url: url.redacted(),
                        source,
                    })?;
                Ok(Db::Postgresql(conn))
            }
            Backend::Sqlite => {
                let path = url.sqlite_path();
                private_files::prepare(&path)
                    .map_err(|(dir, source)| ConnectError::CreateDir { dir, source })?;
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

    /// A transaction that writes. SQLite runs one writer at a time, and a transaction that
    /// reads before its first write fails at once ("database is locked") when another writer
    /// committed in between, instead of waiting; so on SQLite the write lock is taken first, by
    /// a write that changes nothing (waiting up to busy_timeout). PostgreSQL needs nothing.
    pub fn write_transaction<T, E>(
        &mut self,
        work: impl FnOnce(&mut Db) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<diesel::result::Error>,
    {
        self.transaction(|conn| {
            if let Db::Sqlite(sqlite) = conn {
                diesel::sql_query("UPDATE org_units SET id = id WHERE id = -1").execute(sqlite)?;
            }
            work(conn)
        })
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
    #[error("could not configure the connection to {url}")]
    Configure {
        url: String,
        #[source]
        source: diesel::result::Error,
    },
    #[error("could not create the database directory or file {dir} privately")]
    CreateDir {
        dir: String,
        #[source]
        source: std::io::Error,
    },
}
