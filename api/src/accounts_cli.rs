//! `chitieu user create`: accounts made from the command line, straight into the database.

use std::io::BufRead;

use actix_web::web;
use anyhow::{Context, bail};
use chitieu_schema::accounts::users::{self, NewUser};
use chitieu_schema::accounts::{Origin, Password, Role, Username, find_unit};
use chitieu_schema::db::DbPool;
use chitieu_schema::domain::{Name, OrgUnitCode};

/// `chitieu user create --admin --username NAME` or
/// `chitieu user create --username NAME --role ROLE --unit CODE`.
#[derive(Debug, clap::Args)]
pub struct CreateUserArgs {
    /// The sign-in name.
    #[arg(long)]
    pub username: String,
    /// Make an administrator (the same as `--role administrator`).
    #[arg(long, conflicts_with = "role")]
    pub admin: bool,
    /// provinceOfficer, communeOfficer, reporter, viewer, integrator or administrator.
    #[arg(long)]
    pub role: Option<String>,
    /// The code of the home unit; required for every role except administrator.
    #[arg(long)]
    pub unit: Option<String>,
    /// The name shown to others; the username by default.
    #[arg(long)]
    pub display_name: Option<String>,
}

pub async fn create_user(pool: &DbPool, args: CreateUserArgs) -> anyhow::Result<()> {
    let username =
        Username::parse(&args.username).map_err(|e| anyhow::anyhow!("--username: {e}"))?;
    let role = match (args.admin, args.role.as_deref()) {
        (true, _) => Role::Administrator,
        (false, Some(raw)) => Role::parse(raw).map_err(|e| anyhow::anyhow!("--role: {e}"))?,
        (false, None) => bail!("give --admin or --role ROLE"),
    };
    let unit = args
        .unit
        .as_deref()
        .map(OrgUnitCode::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--unit: {e}"))?;
    if role.needs_home_unit() && unit.is_none() {
        bail!("--unit CODE is required for the role {role}");
    }
    let display_name = Name::parse(args.display_name.as_deref().unwrap_or(username.as_str()))
        .map_err(|e| anyhow::anyhow!("--display-name: {e}"))?;
    let password = read_password()?;
    let pool = pool.clone();
    let user = web::block(move || -> anyhow::Result<_> {
        let mut conn = pool.get().context("could not take a database connection")?;
        let home_unit = match &unit {
            Some(code) => Some(
                find_unit(&mut conn, code)?
                    .with_context(|| format!("no organisation unit has the code {code}"))?,
            ),
            None => None,
        };
        let new = NewUser {
            username,
            display_name,
            password_hash: password.hash()?,
            role,
            home_unit,
            // Typed by the operator at the console for themselves or a first account.
            password_must_change: false,
        };
        Ok(users::create(&mut conn, new, &Origin::default())?)
    })
    .await
    .context("the account task failed")??;
    println!("created {} ({})", user.username, user.role);
    Ok(())
}

/// From `CHITIEU_NEW_PASSWORD` (or the file `CHITIEU_NEW_PASSWORD_FILE` names), else the first
/// line of standard input (without its line end).
fn read_password() -> anyhow::Result<Password> {
    use chitieu_connector::http::{EnvSecrets, Secrets};
    let raw = match EnvSecrets.get("CHITIEU_NEW_PASSWORD") {
        Some(value) => value,
        None => {
            eprintln!("password (one line on standard input):");
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("could not read the password from standard input")?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    Password::parse(&raw).map_err(|e| anyhow::anyhow!("the password {e}"))
}
