use diesel::{Connection, PgConnection, RunQueryDsl};

/// The backend a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that exists for one test and is removed after it.
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server: String, name: String },
}

/// The PostgreSQL server the tests may use, from `CHITIEU_TEST_PG`
/// (e.g. `postgres://postgres@127.0.0.1:5432`).
pub fn postgres_server() -> Option<String> {
    std::env::var("CHITIEU_TEST_PG")
        .ok()
        .filter(|v| !v.trim().is_empty())
}

impl TestDatabase {
    pub fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("create a temporary directory");
                let url = format!("sqlite://{}", dir.path().join("chitieu.db").display());
                Self {
                    url,
                    cleanup: Cleanup::Sqlite(dir),
                }
            }
            Backend::Postgres => {
                let server = postgres_server()
                    .expect("CHITIEU_TEST_PG must name a PostgreSQL server to run this test");
                let server = server_url(&server);
                let name = format!("chitieu_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = PgConnection::establish(&format!("{server}/postgres"))
                    .expect("connect to the CHITIEU_TEST_PG server");
                diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut admin)
                    .expect("create a test database");
                Self {
                    url: format!("{server}/{name}"),
                    cleanup: Cleanup::Postgres { server, name },
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server, name } = &self.cleanup {
            if let Ok(mut admin) = PgConnection::establish(&format!("{server}/postgres")) {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut admin);
            }
        }
    }
}

/// `postgres://user@host:port[/db][?query]` without the database part.
fn server_url(raw: &str) -> String {
    let raw = raw.trim().trim_end_matches('/');
    let after_scheme = raw.find("://").map_or(0, |i| i + 3);
    match raw[after_scheme..].find('/') {
        Some(slash) => raw[..after_scheme + slash].to_owned(),
        None => raw.to_owned(),
    }
}
