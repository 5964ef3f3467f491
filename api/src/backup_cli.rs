//! `chitieu backup PATH` and `chitieu restore PATH` for the SQLite database (README, "Backups").

use std::path::PathBuf;

use anyhow::Context;
use chitieu_schema::db;

use crate::settings::Settings;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The file to write; it must not exist yet.
    pub path: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A file written by `chitieu backup`.
    pub path: PathBuf,
}

/// Copies the live database to `args.path` through one connection of a small pool, so it runs
/// beside a serving process like any other reader.
pub async fn backup(settings: &Settings, args: &BackupArgs) -> anyhow::Result<()> {
    let url = settings.database_url.clone();
    let path = args.path.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = db::Db::open(&url)
            .with_context(|| format!("could not open the database {}", url.redacted()))?;
        db::backup_sqlite(&mut conn, &path)?;
        tracing::info!(backup = %path.display(), database = %url.redacted(), "backup written");
        Ok(())
    })
    .await
    .context("the backup task stopped")?
}

/// Puts the backup in place of the configured SQLite database, then brings its schema up to
/// date (a backup from an older version is migrated like the database it replaces).
pub async fn restore(settings: &Settings, args: &RestoreArgs) -> anyhow::Result<()> {
    let url = settings.database_url.clone();
    let path = args.path.clone();
    tokio::task::spawn_blocking(move || db::restore_sqlite(&url, &path))
        .await
        .context("the restore task stopped")??;
    crate::startup::open_database(settings).await?;
    tracing::info!(
        backup = %args.path.display(),
        database = %settings.database_url.redacted(),
        "backup restored; check it with `chitieu audit verify`"
    );
    Ok(())
}
