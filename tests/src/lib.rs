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

/// The real `chitieu` binary, `target/debug/chitieu` beside this test executable's directory
/// (`cargo build -p chitieu-api` makes it; `cargo test --workspace` does too).
/// The real `chitieu` binary as a command whose audit key is the test servers' and whose audit
/// files stay in `scratch`, never in the working directory (the defaults are relative to it).
pub fn chitieu_command(scratch: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(chitieu_binary());
    command
        .env("CHITIEU_AUDIT_KEY", TEST_AUDIT_KEY)
        .env("CHITIEU_AUDIT_KEY_PATH", scratch.join("audit.key"))
        .env(
            "CHITIEU_AUDIT_CHECKPOINT_FILE",
            scratch.join("audit-checkpoints"),
        );
    command
}

pub fn chitieu_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("the test executable");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    let binary = dir.join("chitieu");
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build -p chitieu-api` before these tests",
        binary.display()
    );
    binary
}
