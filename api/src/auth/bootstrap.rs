//! The first administrator. There is no default password anywhere: either the operator names
//! the password, or a random one is written to a file only the service's user can read (never
//! to the log, which collectors copy elsewhere).

use actix_web::web;
use anyhow::Context;
use chitieu_schema::accounts::users::{self, NewUser};
use chitieu_schema::accounts::{Origin, Password, Role};
use chitieu_schema::db::DbPool;
use chitieu_schema::domain::Name;

use super::AuthSettings;

/// When the database has no user and `CHITIEU_BOOTSTRAP_ADMIN` names one, creates that
/// administrator with `CHITIEU_BOOTSTRAP_ADMIN_PASSWORD`, or with a random password written to
/// `CHITIEU_BOOTSTRAP_PASSWORD_FILE`.
pub async fn ensure_admin(pool: &DbPool, auth: &AuthSettings) -> anyhow::Result<()> {
    let Some(username) = auth.bootstrap_admin.clone() else {
        return Ok(());
    };
    let given = auth.bootstrap_admin_password.clone();
    let password_file = auth.bootstrap_password_file.clone();
    let pool = pool.clone();
    web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get().context("could not take a database connection")?;
        if users::count(&mut conn)? > 0 {
            return Ok(());
        }
        let generated = given.is_none();
        let password = match given {
            Some(password) => password,
            None => Password::random()?,
        };
        let new = NewUser {
            display_name: Name::parse(username.as_str()).map_err(|e| anyhow::anyhow!(e))?,
            username: username.clone(),
            password_hash: password.hash()?,
            role: Role::Administrator,
            home_unit: None,
            password_must_change: false,
        };
        users::create(&mut conn, new, &Origin::default())
            .context("could not create the bootstrap administrator")?;
        if generated {
            write_secret(&password_file, password.reveal()).with_context(|| {
                format!(
                    "could not write the bootstrap password to {}",
                    password_file.display()
                )
            })?;
            tracing::warn!(
                username = %username,
                file = %password_file.display(),
                "created the bootstrap administrator with a random password, written to the \
                 file named here (readable only by this user): sign in, change it \
                 (PATCH /api/v1/users/{{username}}) and delete the file"
            );
        } else {
            tracing::info!(username = %username, "created the bootstrap administrator");
        }
        Ok(())
    })
    .await
    .context("the bootstrap task failed")?
}

/// Writes `secret` to `path`, creating its directory, with owner-only permissions.
fn write_secret(path: &std::path::Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    writeln!(file, "{secret}")
}
