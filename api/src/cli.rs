//! The `chitieu` command line.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "chitieu",
    version,
    about = "Resolution 57 indicator reporting service"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (the default). Every setting is an argument below or its environment
    /// variable; the other commands read the same variables.
    Serve(Box<crate::settings_args::SettingsArgs>),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document to stdout.
    Openapi,
    /// Manage accounts directly in the database (for the first administrator, or recovery).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Import data from the documents officials have.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Check the audit trail of report changes.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the SQLite database to PATH while the service runs (a consistent snapshot, taken
    /// with `VACUUM INTO`). For PostgreSQL use pg_dump (README, "Backups").
    Backup(crate::backup_cli::BackupArgs),
    /// Put a backup made by `chitieu backup` in place of the SQLite database, after checking
    /// it. Stop the service first.
    Restore(crate::backup_cli::RestoreArgs),
    /// Send the approved reports that are due to the upstream targets now, then print the
    /// status of every target (`chitieu sync status` prints the status only).
    Sync {
        #[command(subcommand)]
        command: Option<SyncCommand>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Print every target's entries per state and its last run, without sending.
    Status,
    /// Print the request TARGET would get for a report (a sample, or --report), without
    /// sending it; --send sends it once with a test key and prints the answer as chitieu
    /// reads it.
    Check(crate::sync_check_cli::CheckArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A plan from the appendix table of its DOCX, XLSX, ODS or CSV/TSV file: the catalog
    /// (when new), the agencies the issuing unit lacks, the plan and its items, in one
    /// transaction. Diagnostics go to standard error, the summary (JSON) to standard output.
    Plan(crate::import_cli::ImportPlanArgs),
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute every hash of the chain; prints `{"valid": true, "entries": N}` or the first
    /// broken link, and exits with status 1 when the chain is broken.
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from CHITIEU_NEW_PASSWORD, or else from the
    /// first line of standard input; there is no default password.
    Create(crate::accounts_cli::CreateUserArgs),
}
