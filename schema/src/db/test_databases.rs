//! Real databases for the storage tests: a migrated SQLite file always, and a fresh migrated
//! PostgreSQL database when `CHITIEU_TEST_PG` names a server, dropped when the test ends.

use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

use super::{DatabaseUrl, Db, run_pending_migrations};

pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// The `CHITIEU_TEST_PG` server and the database's name.
    pg_name: Option<(String, String)>,
}

impl TestDatabase {
    pub fn connect(&self) -> Db {
        Db::open(&DatabaseUrl::parse(&self.url).unwrap()).unwrap()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((server, name)) = &self.pg_name {
            if let Ok(mut admin) = PgConnection::establish(&on_server(server, "postgres")) {
                let _ = admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        }
    }
}

/// Every backend to test on, migrated; `prefix` names the PostgreSQL databases.
pub fn migrated(prefix: &str) -> Vec<TestDatabase> {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![TestDatabase {
        url: format!(
            "sqlite://{}",
            dir.path().join(format!("{prefix}.db")).display()
        ),
        _dir: Some(dir),
        pg_name: None,
    }];
    if let Some(server) = std::env::var("CHITIEU_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    {
        static NEXT: AtomicU64 = AtomicU64::new(0);

        let name = format!(
            "{prefix}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(&on_server(&server, "postgres")).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap();
        all.push(TestDatabase {
            url: on_server(&server, &name),
            _dir: None,
            pg_name: Some((server, name)),
        });
    }
    for database in &all {
        run_pending_migrations(&mut database.connect()).unwrap();
    }
    all
}

/// A database on the `CHITIEU_TEST_PG` server, with its parameters (TLS) kept.
fn on_server(server: &str, name: &str) -> String {
    DatabaseUrl::parse(server)
        .ok()
        .and_then(|url| url.with_database(name))
        .expect("CHITIEU_TEST_PG must be a postgres:// URL")
        .as_str()
        .to_owned()
}
