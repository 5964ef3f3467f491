//! The version changes with every committed write that can change an answer, once per
//! transaction on PostgreSQL, and not for a write that was rolled back; on a real database of
//! each backend.

use diesel::connection::SimpleConnection;

use super::*;
use crate::db::test_databases;

const UNIT: &str = "INSERT INTO org_units (id, code, name, name_key, kind, path, depth, version, created_at, updated_at)
  VALUES (1, 'P', 'Tỉnh P', 'tinh p', 'province', 'P/', 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');";

#[test]
fn a_committed_write_changes_the_version() {
    for database in test_databases::migrated("chitieu_data_version") {
        let mut conn = database.connect();
        let before = current(&mut conn).unwrap();
        conn.batch_execute(UNIT).unwrap();
        let after_insert = current(&mut conn).unwrap();
        assert!(after_insert > before, "{}", database.url);
        conn.batch_execute("UPDATE org_units SET name = 'Tỉnh Q' WHERE id = 1")
            .unwrap();
        assert!(
            current(&mut conn).unwrap() > after_insert,
            "{}",
            database.url
        );
    }
}

#[test]
fn a_rolled_back_write_leaves_the_version_alone() {
    for database in test_databases::migrated("chitieu_data_version") {
        let mut conn = database.connect();
        let before = current(&mut conn).unwrap();
        let outcome: Result<(), diesel::result::Error> = conn.write_transaction(|conn| {
            conn.batch_execute(UNIT)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(outcome.is_err());
        assert_eq!(current(&mut conn).unwrap(), before, "{}", database.url);
    }
}

#[test]
fn a_write_that_changes_nothing_leaves_the_version_alone() {
    for database in test_databases::migrated("chitieu_data_version") {
        let mut conn = database.connect();
        let before = current(&mut conn).unwrap();
        conn.write_transaction(|conn| {
            conn.batch_execute("UPDATE org_units SET name = 'x' WHERE id = -1")
        })
        .unwrap();
        assert_eq!(current(&mut conn).unwrap(), before, "{}", database.url);
    }
}

#[test]
fn a_transaction_of_many_writes_changes_the_version_once_on_postgresql() {
    for database in test_databases::migrated("chitieu_data_version") {
        let mut conn = database.connect();
        let before = current(&mut conn).unwrap();
        conn.write_transaction(|conn| {
            conn.batch_execute(UNIT)?;
            conn.batch_execute("UPDATE org_units SET name = 'Tỉnh Q' WHERE id = 1")
        })
        .unwrap();
        let after = current(&mut conn).unwrap();
        match conn.backend() {
            crate::db::Backend::Postgres => assert_eq!(after, before + 1),
            crate::db::Backend::Sqlite => assert!(after > before),
        }
    }
}

const USER: &str = "INSERT INTO users (id, username, display_name, password_hash, role, disabled, version, created_at, updated_at)
  VALUES (1, 'an', 'An', 'x', 'administrator', FALSE, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');";

#[test]
fn a_write_to_the_accounts_changes_the_accounts_version_and_not_the_data_version() {
    for database in test_databases::migrated("chitieu_data_version") {
        let mut conn = database.connect();
        let before = stamp(&mut conn).unwrap();
        conn.batch_execute(USER).unwrap();
        conn.batch_execute("UPDATE users SET disabled = TRUE WHERE id = 1")
            .unwrap();
        let after = stamp(&mut conn).unwrap();
        assert!(after.accounts >= before.accounts + 2, "{}", database.url);
        assert_eq!(after.data, before.data, "{}", database.url);
    }
}
