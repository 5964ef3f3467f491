//! The SQLite files hold password and key hashes: only their owner may read them. A directory
//! made for the database is 0700 and the database file 0600; SQLite gives its `-wal` and
//! `-shm` files the mode of the database file, so they are 0600 too.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// Makes the directory (0700) and the database file (0600) of `path` before SQLite opens it,
/// and narrows an existing file (and its `-wal`/`-shm`) to 0600. A directory that exists
/// already is left as it is, with a warning if others may enter it: it may be shared.
pub fn prepare(path: &str) -> Result<(), (String, std::io::Error)> {
    if path == ":memory:" || path.starts_with("file:") || path.is_empty() {
        return Ok(());
    }
    let file = Path::new(path);
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        let failed = |e| (dir.display().to_string(), e);
        if dir.exists() {
            let mode = dir.metadata().map_err(failed)?.permissions().mode();
            if mode & 0o077 != 0 {
                tracing::warn!(
                    dir = %dir.display(),
                    mode = format!("{:o}", mode & 0o777),
                    "the database directory is open to other local users; make it 0700"
                );
            }
        } else {
            DirBuilder::new()
                .recursive(true)
                .mode(DIR_MODE)
                .create(dir)
                .map_err(failed)?;
        }
    }
    let failed = |e| (path.to_owned(), e);
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(FILE_MODE)
        .open(file)
        .map_err(failed)?;
    for suffix in ["", "-wal", "-shm"] {
        let companion = format!("{path}{suffix}");
        if Path::new(&companion).exists() {
            std::fs::set_permissions(&companion, Permissions::from_mode(FILE_MODE))
                .map_err(failed)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;

    use super::*;
    use crate::db::{DatabaseUrl, Db};

    fn mode(path: &Path) -> u32 {
        path.metadata().unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_database_its_wal_and_shm_are_private_in_a_private_directory() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data");
        let file = dir.join("chitieu.db");
        let url = DatabaseUrl::parse(&format!("sqlite://{}", file.display())).unwrap();
        let mut conn = Db::open(&url).unwrap();
        conn.batch_execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
            .unwrap();
        assert_eq!(mode(&dir), 0o700);
        for suffix in ["", "-wal", "-shm"] {
            let path = format!("{}{suffix}", file.display());
            assert_eq!(mode(Path::new(&path)), 0o600, "{path}");
        }
    }
}
