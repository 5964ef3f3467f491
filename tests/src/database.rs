use chitieu_schema::db::DatabaseUrl;
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
                let name = format!("chitieu_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = PgConnection::establish(&on_server(&server, "postgres"))
                    .expect("connect to the CHITIEU_TEST_PG server");
                diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut admin)
                    .expect("create a test database");
                Self {
                    url: on_server(&server, &name),
                    cleanup: Cleanup::Postgres { server, name },
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server, name } = &self.cleanup {
            if let Ok(mut admin) = PgConnection::establish(&on_server(server, "postgres")) {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut admin);
            }
        }
    }
}

/// A database on the `CHITIEU_TEST_PG` server, with the server URL's parameters kept
/// (`?sslmode=verify-ca&sslrootcert=…`), so the suite runs over the TLS it asks for.
fn on_server(server: &str, name: &str) -> String {
    DatabaseUrl::parse(server)
        .ok()
        .and_then(|url| url.with_database(name))
        .expect("CHITIEU_TEST_PG must be a postgres:// URL")
        .as_str()
        .to_owned()
}
