use std::time::Duration;

use super::{ConnectError, DatabaseUrl, Db};

pub type DbPool = r2d2::Pool<Manager>;
pub type PooledDb = r2d2::PooledConnection<Manager>;

/// Opens connections of the backend the URL names, with the SQLite pragmas applied to each.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Db;
    type Error = ConnectError;

    fn connect(&self) -> Result<Db, ConnectError> {
        Db::open(&self.url)
    }

    fn is_valid(&self, conn: &mut Db) -> Result<(), ConnectError> {
        conn.ping().map_err(|source| ConnectError::Configure {
            url: self.url.redacted(),
            source,
        })
    }

    fn has_broken(&self, _conn: &mut Db) -> bool {
        false
    }
}

/// A pool of `size` connections; the first is opened now so a wrong URL fails at start-up.
pub fn build_pool(url: &DatabaseUrl, size: u32) -> Result<DbPool, r2d2::Error> {
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .test_on_check_out(false)
        .build(Manager { url: url.clone() })
}
