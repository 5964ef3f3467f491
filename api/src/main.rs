use anyhow::Context;
use chitieu_api::cli::{AuditCommand, Cli, Command, ImportCommand, SyncCommand, UserCommand};
use chitieu_api::{Application, Settings, openapi, startup, telemetry};
use clap::Parser;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", openapi::document_json());
            Ok(())
        }
        Command::Migrate => {
            telemetry::init();
            let settings = Settings::from_env()?;
            startup::open_database(&settings).await?;
            tracing::info!(database = %settings.database_url.redacted(), "database is up to date");
            Ok(())
        }
        Command::User {
            command: UserCommand::Create(args),
        } => {
            telemetry::init();
            let settings = Settings::from_env()?;
            let pool = startup::open_database(&settings).await?;
            chitieu_api::accounts_cli::create_user(&pool, args).await
        }
        Command::Import {
            command: ImportCommand::Plan(args),
        } => {
            let settings = Settings::from_env()?;
            let pool = startup::open_database(&settings).await?;
            let summary =
                chitieu_api::import_cli::import_plan(&pool, settings.import_limits, args).await?;
            chitieu_api::import_cli::print_outcome(&summary)
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
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
        Command::Sync { command } => {
            telemetry::init();
            let settings = Settings::from_env()?;
            let pool = startup::open_database(&settings).await?;
            match command {
                None => chitieu_api::sync_cli::run_once(&settings, &pool).await,
                Some(SyncCommand::Status) => chitieu_api::sync_cli::status(&pool).await,
            }
        }
        Command::Serve => {
            telemetry::init();
            let settings = Settings::from_env()?;
            let app = Application::build(settings.clone()).await?;
            tracing::info!(
                address = %format!("http://{}:{}", settings.host, app.port()),
                database = %settings.database_url.redacted(),
                backend = %settings.database_url.backend(),
                "chitieu is listening"
            );
            app.run_until_stopped()
                .await
                .context("the server stopped with an error")
        }
    }
}
