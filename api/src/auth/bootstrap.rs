//! The first administrator. There is no default password anywhere: either the operator names
//! the password, or a random one is printed once to the log.

use actix_web::web;
use anyhow::Context;
use chitieu_schema::accounts::users::{self, NewUser};
use chitieu_schema::accounts::{Origin, Password, Role};
use chitieu_schema::db::DbPool;
use chitieu_schema::domain::Name;

use super::AuthSettings;

/// When the database has no user and `CHITIEU_BOOTSTRAP_ADMIN` names one, creates that
/// administrator with `CHITIEU_BOOTSTRAP_ADMIN_PASSWORD`, or with a random password that is
/// logged once.
pub async fn ensure_admin(pool: &DbPool, auth: &AuthSettings) -> anyhow::Result<()> {
    let Some(username) = auth.bootstrap_admin.clone() else {
        return Ok(());
    };
    let given = auth.bootstrap_admin_password.clone();
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
        };
        users::create(&mut conn, new, &Origin::default())
            .context("could not create the bootstrap administrator")?;
        if generated {
            // The one place a secret is logged, on purpose: the operator has no other way to
            // learn it. It is not stored anywhere else.
            tracing::warn!(
                username = %username,
                password = %password.reveal(),
                "created the bootstrap administrator with this random password, shown ONLY \
                 NOW: sign in and change it (PATCH /api/v1/users/{{username}})"
            );
        } else {
            tracing::info!(username = %username, "created the bootstrap administrator");
        }
        Ok(())
    })
    .await
    .context("the bootstrap task failed")?
}
