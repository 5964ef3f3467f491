//! Real databases for the storage tests: a migrated SQLite file always, and a fresh migrated
//! PostgreSQL database when `CHITIEU_TEST_PG` names a server, dropped when the test ends.

use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

use super::{DatabaseUrl, Db, run_pending_migrations};

pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
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
            if let Ok(mut admin) = PgConnection::establish(&format!("{server}/postgres")) {
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
        let server = server.trim_end_matches('/').to_owned();
        let name = format!(
            "{prefix}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(&format!("{server}/postgres")).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap();
        all.push(TestDatabase {
            url: format!("{server}/{name}"),
            _dir: None,
            pg_name: Some((server, name)),
        });
    }
    for database in &all {
        run_pending_migrations(&mut database.connect()).unwrap();
    }
    all
}
