use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::Db;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(Debug, thiserror::Error)]
#[error("could not run database migrations: {0}")]
pub struct MigrationError(String);

/// Runs the migrations of the connection's backend that have not run yet; returns their names.
pub fn run_pending_migrations(db: &mut Db) -> Result<Vec<String>, MigrationError> {
    let applied = match db {
        Db::Sqlite(conn) => conn.run_pending_migrations(SQLITE).map(|v| names(&v)),
        Db::Postgresql(conn) => conn.run_pending_migrations(POSTGRES).map(|v| names(&v)),
    };
    applied.map_err(|e| MigrationError(e.to_string()))
}

fn names(versions: &[diesel::migration::MigrationVersion<'_>]) -> Vec<String> {
    versions.iter().map(|v| v.to_string()).collect()
}
