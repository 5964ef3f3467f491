use anyhow::Context;
use chitieu_api::cli::{AuditCommand, Cli, Command, ImportCommand, SyncCommand, UserCommand};
use chitieu_api::settings_args::settings_from_matches;
use chitieu_api::{Application, Settings, openapi, readiness, startup, telemetry};
use clap::{CommandFactory, FromArgMatches};

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Some(Command::Openapi) => {
            print!("{}", openapi::document_json());
            Ok(())
        }
        Some(Command::Migrate) => {
            let settings = logged_settings()?;
            startup::open_database(&settings).await?;
            tracing::info!(database = %settings.database_url.redacted(), "database is up to date");
            Ok(())
        }
        Some(Command::User {
            command: UserCommand::Create(args),
        }) => {
            let settings = logged_settings()?;
            let pool = startup::open_database(&settings).await?;
            chitieu_api::accounts_cli::create_user(&pool, args).await
        }
        Some(Command::Import {
            command: ImportCommand::Plan(args),
        }) => {
            let settings = Settings::from_env()?;
            let pool = startup::open_database(&settings).await?;
            let summary =
                chitieu_api::import_cli::import_plan(&pool, settings.import_limits, args).await?;
            chitieu_api::import_cli::print_outcome(&summary)
        }
        Some(Command::Audit {
            command: AuditCommand::Verify,
        }) => {
            // No log lines: standard output is the JSON outcome alone.
            let settings = Settings::from_env()?;
            let pool = startup::open_database(&settings).await?;
            let valid =
                chitieu_api::routes::audit::verify_to_stdout(&pool, &settings.integrity).await?;
            if !valid {
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::Backup(args)) => {
            let settings = logged_settings()?;
            chitieu_api::backup_cli::backup(&settings, &args).await
        }
        Some(Command::Restore(args)) => {
            let settings = logged_settings()?;
            chitieu_api::backup_cli::restore(&settings, &args).await
        }
        Some(Command::Sync { command }) => {
            let settings = logged_settings()?;
            let pool = startup::open_database(&settings).await?;
            match command {
                None => chitieu_api::sync_cli::run_once(&settings, &pool).await,
                Some(SyncCommand::Status) => chitieu_api::sync_cli::status(&pool).await,
                Some(SyncCommand::Check(args)) => {
                    chitieu_api::sync_check_cli::check(&settings, &pool, &args).await
                }
            }
        }
        Some(Command::Serve(_)) => {
            let serve = matches
                .subcommand_matches("serve")
                .context("the serve arguments")?;
            serve_with(settings_from_matches(serve)?).await
        }
        None => serve_with(Settings::from_env()?).await,
    }
}

/// The settings from the environment, with logging set up as they say.
fn logged_settings() -> anyhow::Result<Settings> {
    let settings = Settings::from_env()?;
    telemetry::init(&settings.log);
    Ok(settings)
}

async fn serve_with(settings: Settings) -> anyhow::Result<()> {
    telemetry::init(&settings.log);
    let app = Application::build(settings.clone()).await?;
    tracing::info!(
        address = %format!("http://{}:{}", settings.host, app.port()),
        database = %settings.database_url.redacted(),
        backend = %settings.database_url.backend(),
        "chitieu is listening"
    );
    readiness::notify("READY=1");
    let served = app.run_until_stopped().await;
    readiness::notify("STOPPING=1");
    served.context("the server stopped with an error")
}
