//! Every setting as a command-line argument with its environment variable, so `chitieu serve
//! --help` lists them all with their defaults. Values stay text here: [`Settings::from_lookup`]
//! parses and checks them, and names the variable when one is wrong.
//!
//! Adding a setting is one field below (with `env` and, when it has one, `default_value`) plus
//! its line in `from_lookup`; a test fails when `from_lookup` reads a variable not declared
//! here. A secret is marked `hide_env_values`: its value never shows in `--help`, and it is
//! also read from the file named by `<NAME>_FILE` (systemd credentials, container secrets).

use std::collections::HashMap;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, Command, FromArgMatches};

use crate::settings::{DEFAULT_DATABASE_URL, Settings, SettingsError};

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Settings (each also read from its environment variable)")]
pub struct SettingsArgs {
    /// `sqlite://PATH`, or `postgres://user@host:5432/db?sslmode=verify-full&sslrootcert=FILE`
    /// for PostgreSQL. A secret when it holds a password: also read from DATABASE_URL_FILE.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    database_url: Option<String>,
    /// Address to listen on (`0.0.0.0` in a container).
    #[arg(long, env = "CHITIEU_HOST", default_value = "127.0.0.1")]
    host: Option<String>,
    /// Port; 0 picks a free one (logged at start).
    #[arg(long, env = "CHITIEU_PORT", default_value = "8080")]
    port: Option<String>,
    /// The port a platform assigns, used when CHITIEU_PORT is not set.
    #[arg(long = "platform-port", env = "PORT")]
    platform_port: Option<String>,
    /// Addresses and CIDR ranges of the reverse proxies whose `Forwarded` / `X-Forwarded-For`
    /// headers are believed, comma-separated (`127.0.0.1,10.0.0.0/8`). Empty: none.
    #[arg(long, env = "CHITIEU_TRUSTED_PROXIES", default_value = "")]
    trusted_proxies: Option<String>,
    /// Database connections per process.
    #[arg(long, env = "CHITIEU_DB_POOL_SIZE", default_value = "8")]
    db_pool_size: Option<String>,
    /// Largest request body in bytes; larger ones get 413.
    #[arg(long, env = "CHITIEU_BODY_LIMIT_BYTES", default_value = "2097152")]
    body_limit_bytes: Option<String>,
    /// Largest body of `POST /api/v1/dataValueSets` in bytes.
    #[arg(
        long,
        env = "CHITIEU_BULK_BODY_LIMIT_BYTES",
        default_value = "67108864"
    )]
    bulk_body_limit_bytes: Option<String>,
    /// Largest file a plan import takes, in bytes.
    #[arg(long, env = "CHITIEU_IMPORT_MAX_BYTES", default_value = "10485760")]
    import_max_bytes: Option<String>,
    /// Most a DOCX/XLSX/ODS may decompress to, in bytes.
    #[arg(
        long,
        env = "CHITIEU_IMPORT_MAX_UNZIPPED_BYTES",
        default_value = "52428800"
    )]
    import_max_unzipped_bytes: Option<String>,
    /// Most rows in an imported table.
    #[arg(long, env = "CHITIEU_IMPORT_MAX_ROWS", default_value = "5000")]
    import_max_rows: Option<String>,
    /// HTTP worker threads [default: the number of cores].
    #[arg(long, env = "CHITIEU_WORKERS")]
    workers: Option<String>,
    /// On SIGTERM or Ctrl-C, how long in-flight requests may finish, in seconds.
    #[arg(long, env = "CHITIEU_SHUTDOWN_GRACE_SECONDS", default_value = "30")]
    shutdown_grace_seconds: Option<String>,
    /// HS256 signing secret, at least 32 bytes; replicas must share it [default: random per
    /// process]. Also read from CHITIEU_JWT_SECRET_FILE.
    #[arg(long, env = "CHITIEU_JWT_SECRET", hide_env_values = true)]
    jwt_secret: Option<String>,
    /// A file holding CHITIEU_JWT_SECRET (a systemd credential: `%d/jwt-secret`).
    #[arg(long, env = "CHITIEU_JWT_SECRET_FILE")]
    jwt_secret_file: Option<String>,
    /// Lifetime of access tokens in seconds (60 to 86400).
    #[arg(long, env = "CHITIEU_TOKEN_TTL_SECONDS", default_value = "900")]
    token_ttl_seconds: Option<String>,
    /// Username of the administrator created when the database has no user.
    #[arg(long, env = "CHITIEU_BOOTSTRAP_ADMIN")]
    bootstrap_admin: Option<String>,
    /// That administrator's password (12 characters or more) [default: random, written to
    /// CHITIEU_BOOTSTRAP_PASSWORD_FILE]. Also read from CHITIEU_BOOTSTRAP_ADMIN_PASSWORD_FILE.
    #[arg(long, env = "CHITIEU_BOOTSTRAP_ADMIN_PASSWORD", hide_env_values = true)]
    bootstrap_admin_password: Option<String>,
    /// A file holding CHITIEU_BOOTSTRAP_ADMIN_PASSWORD.
    #[arg(long, env = "CHITIEU_BOOTSTRAP_ADMIN_PASSWORD_FILE")]
    bootstrap_admin_password_file: Option<String>,
    /// Where a random bootstrap password is written (mode 0600).
    #[arg(
        long,
        env = "CHITIEU_BOOTSTRAP_PASSWORD_FILE",
        default_value = "data/bootstrap-admin-password"
    )]
    bootstrap_password_file: Option<String>,
    /// `on` seeds the demo data set into an empty database at start-up [default: on with the
    /// default database, off when DATABASE_URL is set].
    #[arg(long, env = "CHITIEU_DEMO")]
    demo: Option<String>,
    /// With the demo on, the port of the in-process simulator of the national system.
    #[arg(long, env = "CHITIEU_DEMO_UPSTREAM_PORT", default_value = "8090")]
    demo_upstream_port: Option<String>,
    /// Sign-in attempts allowed per account at one client address before delays start
    /// (30 s, doubling to 15 min); 0 switches the limit off.
    #[arg(long, env = "CHITIEU_SIGN_IN_FREE_TRIES", default_value = "5")]
    sign_in_free_tries: Option<String>,
    /// Sign-in attempts allowed per client address, whatever the account; 0 switches it off.
    #[arg(
        long,
        env = "CHITIEU_SIGN_IN_FREE_TRIES_PER_ADDRESS",
        default_value = "20"
    )]
    sign_in_free_tries_per_address: Option<String>,
    /// How long an unfinished Idempotency-Key holds before a retry with it takes over, in
    /// seconds.
    #[arg(long, env = "CHITIEU_IDEMPOTENCY_LEASE_SECONDS", default_value = "300")]
    idempotency_lease_seconds: Option<String>,
    /// How long an Idempotency-Key and its stored answer are kept, in seconds.
    #[arg(long, env = "CHITIEU_IDEMPOTENCY_TTL_SECONDS", default_value = "86400")]
    idempotency_ttl_seconds: Option<String>,
    /// How long the event feed (`GET /api/v1/events`) keeps an event, in days; older events
    /// are removed once an hour.
    #[arg(long, env = "CHITIEU_EVENT_RETENTION_DAYS", default_value = "90")]
    event_retention_days: Option<String>,
    /// The audit chain's HMAC key itself, at least 32 bytes [default: the key kept at
    /// CHITIEU_AUDIT_KEY_PATH]. Also read from CHITIEU_AUDIT_KEY_FILE.
    #[arg(long, env = "CHITIEU_AUDIT_KEY", hide_env_values = true)]
    audit_key: Option<String>,
    /// Where the server keeps its own audit key (64 hex digits, 0600), made on the first start
    /// when missing [default: audit.key beside the SQLite database, data/audit.key with
    /// PostgreSQL].
    #[arg(long, env = "CHITIEU_AUDIT_KEY_PATH")]
    audit_key_path: Option<String>,
    /// The file the signed checkpoints of the audit chain's head are appended to [default:
    /// audit-checkpoints beside the audit key].
    #[arg(long, env = "CHITIEU_AUDIT_CHECKPOINT_FILE")]
    audit_checkpoint_file: Option<String>,
    /// How often the audit chain's head is sealed in a checkpoint, in seconds.
    #[arg(long, env = "CHITIEU_AUDIT_CHECKPOINT_SECONDS", default_value = "60")]
    audit_checkpoint_seconds: Option<String>,
    /// Log format, `json` or `text` [default: json when stdout is not a terminal].
    #[arg(long, env = "CHITIEU_LOG_FORMAT")]
    log_format: Option<String>,
    /// Log filter (`info`, `chitieu_api=debug,info`, ...).
    #[arg(long, env = "RUST_LOG", default_value = "info")]
    log_filter: Option<String>,
    /// The sync targets file (JSON), stored in the database at start-up.
    #[arg(long, env = "CHITIEU_SYNC_TARGETS_FILE")]
    sync_targets_file: Option<String>,
    /// Run the background sync worker in this process (`on` or `off`).
    #[arg(long, env = "CHITIEU_SYNC_WORKER", default_value = "on")]
    sync_worker: Option<String>,
    /// How often the worker looks for due entries, in milliseconds.
    #[arg(long, env = "CHITIEU_SYNC_POLL_INTERVAL_MS", default_value = "30000")]
    sync_poll_interval_ms: Option<String>,
    /// Entries claimed at a time.
    #[arg(long, env = "CHITIEU_SYNC_BATCH", default_value = "50")]
    sync_batch: Option<String>,
    /// Deliveries in flight per process.
    #[arg(long, env = "CHITIEU_SYNC_CONCURRENCY", default_value = "16")]
    sync_concurrency: Option<String>,
    /// Longest wait for one upstream answer, in milliseconds.
    #[arg(long, env = "CHITIEU_SYNC_SEND_TIMEOUT_MS", default_value = "60000")]
    sync_send_timeout_ms: Option<String>,
    /// How long a claim holds, in milliseconds; must exceed the send timeout.
    #[arg(long, env = "CHITIEU_SYNC_LEASE_MS", default_value = "300000")]
    sync_lease_ms: Option<String>,
    /// Ceiling of the first retry's delay, in milliseconds (doubles per attempt).
    #[arg(long, env = "CHITIEU_SYNC_BACKOFF_BASE_MS", default_value = "30000")]
    sync_backoff_base_ms: Option<String>,
    /// Largest retry delay ceiling, in milliseconds.
    #[arg(long, env = "CHITIEU_SYNC_BACKOFF_CAP_MS", default_value = "21600000")]
    sync_backoff_cap_ms: Option<String>,
    /// Attempts before an entry is dead.
    #[arg(long, env = "CHITIEU_SYNC_MAX_ATTEMPTS", default_value = "10")]
    sync_max_attempts: Option<String>,
    /// Run the sync schedule in this process (`on` or `off`).
    #[arg(long, env = "CHITIEU_SYNC_SCHEDULE", default_value = "on")]
    sync_schedule: Option<String>,
    /// Morning sync (cron with seconds first, Vietnam time).
    #[arg(
        long,
        env = "CHITIEU_SYNC_CRON_MORNING",
        default_value = "0 0 7 1-5 * *"
    )]
    sync_cron_morning: Option<String>,
    /// Evening sync.
    #[arg(
        long,
        env = "CHITIEU_SYNC_CRON_EVENING",
        default_value = "0 0 19 1-5 * *"
    )]
    sync_cron_evening: Option<String>,
    /// The final sync of the month; logs what is still unsent.
    #[arg(long, env = "CHITIEU_SYNC_CRON_FINAL", default_value = "0 0 21 5 * *")]
    sync_cron_final: Option<String>,
    /// Logs the units whose report for last month is missing or unapproved.
    #[arg(
        long,
        env = "CHITIEU_SYNC_CRON_DEADLINE_WATCH",
        default_value = "0 0 8 3-5 * *"
    )]
    sync_cron_deadline_watch: Option<String>,
}

impl SettingsArgs {
    /// The settings arguments alone, as a command (for reading them from the environment
    /// only, and for the tests).
    pub fn command() -> Command {
        Self::augment_args(Command::new("chitieu-settings").no_binary_name(true))
    }
}

/// The settings given by `matches` (parsed with [`SettingsArgs`] in them), secrets' files read.
pub fn settings_from_matches(matches: &ArgMatches) -> Result<Settings, SettingsError> {
    let values = given_values(&SettingsArgs::command(), matches)?;
    // A variable not declared here (a test keeps this from happening) still comes from the
    // environment, so a setting is never silently ignored.
    Settings::from_lookup(|name| {
        values
            .get(name)
            .cloned()
            .or_else(|| std::env::var(name).ok())
    })
}

/// The settings from environment variables only (every command but `serve`, which also takes
/// them as arguments).
pub fn settings_from_env() -> Result<Settings, SettingsError> {
    let matches = SettingsArgs::command()
        .try_get_matches_from(Vec::<String>::new())
        .map_err(|e| SettingsError::new("(environment)", "", e.to_string()))?;
    // Checks the declarations agree with clap's derive too.
    SettingsArgs::from_arg_matches(&matches)
        .map_err(|e| SettingsError::new("(environment)", "", e.to_string()))?;
    settings_from_matches(&matches)
}

/// Variable name → value for every setting given on the command line or in the environment;
/// defaults are left out so `from_lookup` applies its own (a test keeps the two equal), and a
/// secret missing its value is read from its `_FILE`.
fn given_values(
    command: &Command,
    matches: &ArgMatches,
) -> Result<HashMap<String, String>, SettingsError> {
    let mut values = HashMap::new();
    for arg in command.get_arguments() {
        let (Some(env), id) = (arg.get_env(), arg.get_id().as_str()) else {
            continue;
        };
        let env = env.to_string_lossy().into_owned();
        let given = matches!(
            matches.value_source(id),
            Some(ValueSource::EnvVariable | ValueSource::CommandLine)
        );
        if let (true, Some(value)) = (given, matches.get_one::<String>(id)) {
            values.insert(env, value.clone());
        }
    }
    for arg in command.get_arguments() {
        let Some(env) = arg.get_env().filter(|_| arg.is_hide_env_values_set()) else {
            continue;
        };
        let name = env.to_string_lossy().into_owned();
        let file_var = format!("{name}_FILE");
        if values.contains_key(&name) {
            continue;
        }
        let file = values
            .get(&file_var)
            .cloned()
            .or_else(|| std::env::var(&file_var).ok());
        if let Some(path) = file.filter(|p| !p.trim().is_empty()) {
            let secret = read_secret_file(&file_var, &path)?;
            values.insert(name, secret);
        }
    }
    Ok(values)
}

/// The secret in `path`, without the line break editors and `echo` leave at its end.
fn read_secret_file(file_var: &str, path: &str) -> Result<String, SettingsError> {
    let text = std::fs::read_to_string(path.trim()).map_err(|e| {
        SettingsError::new(file_var.to_owned(), path, format!("cannot read it: {e}"))
    })?;
    Ok(text.trim_end_matches(['\n', '\r']).to_owned())
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use clap::CommandFactory;

    use super::*;

    fn declared() -> Vec<String> {
        SettingsArgs::command()
            .get_arguments()
            .filter_map(|arg| arg.get_env())
            .map(|env| env.to_string_lossy().into_owned())
            .collect()
    }

    fn settings(args: &[&str]) -> Result<Settings, SettingsError> {
        let matches = SettingsArgs::command().try_get_matches_from(args).unwrap();
        settings_from_matches(&matches)
    }

    /// Debug output with the one random part (the worker id) made equal.
    fn shown(mut settings: Settings) -> String {
        settings.sync.worker_config.worker_id = String::new();
        format!("{settings:?}")
    }

    #[test]
    fn every_variable_the_settings_read_is_an_argument_of_serve() {
        let read = RefCell::new(Vec::new());
        Settings::from_lookup(|name| {
            read.borrow_mut().push(name.to_owned());
            None
        })
        .unwrap();
        let declared = declared();
        let missing: Vec<_> = read
            .into_inner()
            .into_iter()
            .filter(|name| !declared.contains(name))
            .collect();
        assert!(
            missing.is_empty(),
            "declare these in SettingsArgs: {missing:?}"
        );
    }

    #[test]
    fn the_defaults_help_shows_are_the_defaults_applied() {
        let command = SettingsArgs::command();
        let mut args = Vec::new();
        for arg in command.get_arguments() {
            if let Some(default) = arg.get_default_values().first() {
                args.push(format!("--{}", arg.get_long().unwrap()));
                args.push(default.to_string_lossy().into_owned());
            }
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let explicit = Settings::from_lookup(|name| {
            let arg = command
                .get_arguments()
                .find(|a| a.get_env().is_some_and(|e| e == name))?;
            let flag = format!("--{}", arg.get_long()?);
            let at = args.iter().position(|a| *a == flag)?;
            Some(args[at + 1].to_owned())
        })
        .unwrap();
        // The demo is on by default only without a configured database; compare it apart.
        let mut implicit = Settings::from_lookup(|_| None).unwrap();
        implicit.demo = explicit.demo;
        assert_eq!(shown(explicit), shown(implicit));
    }

    #[test]
    fn serve_help_lists_every_setting_with_its_variable() {
        let mut cli = crate::cli::Cli::command();
        let serve = cli.find_subcommand_mut("serve").unwrap();
        let help = serve.render_long_help().to_string();
        for name in declared() {
            assert!(
                help.contains(&format!("env: {name}")),
                "{name} missing from --help"
            );
        }
        assert!(help.contains("[default: 8080]"), "{help}");
    }

    #[test]
    fn a_secret_is_read_from_its_file_without_the_final_line_break() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jwt-secret");
        std::fs::write(&path, "a secret of at least thirty-two bytes!\n").unwrap();
        let settings = settings(&["--jwt-secret-file", path.to_str().unwrap()]).unwrap();
        let secret = settings.auth.jwt_secret.unwrap();
        assert_eq!(secret.as_bytes(), b"a secret of at least thirty-two bytes!");
    }

    #[test]
    fn an_unreadable_secret_file_stops_start_up_naming_its_variable() {
        let err = settings(&["--jwt-secret-file", "/nonexistent/jwt-secret"]).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_JWT_SECRET_FILE"), "{err}");
    }

    #[test]
    fn a_bad_value_names_the_variable_whichever_way_it_came() {
        let err = settings(&["--port", "eighty"]).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_PORT"), "{err}");
        let err = settings(&["--trusted-proxies", "10.0.0.0/99"]).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_TRUSTED_PROXIES"), "{err}");
    }
}
