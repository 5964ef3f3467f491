//! The end-to-end harness: each test gets the real server on port 0 over a fresh database
//! (a new SQLite file, or a new PostgreSQL database when `CHITIEU_TEST_PG` names a server) and
//! talks HTTP to it.

pub mod accounts;
pub mod adx_loose;
mod app;
mod database;
pub mod progress_fixture;
pub mod reporting_fixture;
mod scenario;
pub mod sync_fixture;
pub mod thai_tan;

pub use app::{
    ADMIN_PASSWORD, ADMIN_USERNAME, TEST_AUDIT_KEY, TEST_JWT_SECRET, TestApp, expect_json,
};
pub use database::{Backend, TestDatabase};
pub use scenario::{Scenario, run_all};
