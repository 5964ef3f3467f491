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

    /// Diesel's own check: a connection left inside a transaction or with a failed transaction
    /// manager is broken, and so is one given back while its thread panics (a panic inside
    /// `transaction` skips the rollback). Broken connections are closed, not reused.
    fn has_broken(&self, conn: &mut Db) -> bool {
        std::thread::panicking() || diesel::r2d2::R2D2Connection::is_broken(conn)
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

#[cfg(test)]
mod tests {
    use diesel::prelude::*;

    use super::*;
    use crate::db::test_databases;
    use crate::schema::access_events;

    fn events(conn: &mut Db) -> i64 {
        access_events::table.count().get_result(conn).unwrap()
    }

    #[test]
    fn a_connection_that_panicked_inside_a_transaction_is_not_reused() {
        for database in test_databases::migrated("pool_broken") {
            let pool = r2d2::Pool::builder()
                .max_size(1)
                .build(Manager {
                    url: DatabaseUrl::parse(&database.url).unwrap(),
                })
                .unwrap();
            let shared = pool.clone();
            let panicked = std::thread::spawn(move || {
                let mut conn = shared.get().unwrap();
                let _ = conn.transaction::<(), diesel::result::Error, _>(|conn| {
                    diesel::insert_into(access_events::table)
                        .values((
                            access_events::at.eq(crate::now_utc()),
                            access_events::kind.eq("sign_in"),
                            access_events::subject.eq("half-done"),
                        ))
                        .execute(conn)?;
                    panic!("a bug inside a transaction");
                });
            })
            .join();
            assert!(panicked.is_err());
            let mut conn = pool.get().unwrap();
            // The uncommitted row is not seen: the connection that held it was closed.
            assert_eq!(events(&mut conn), 0);
        }
    }
}
