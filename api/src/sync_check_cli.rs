//! `chitieu sync check TARGET [--report UNIT:PLAN:PERIOD] [--send]`: the request a target
//! would get, printed without sending; with `--send`, sent once under a test key and the
//! answer printed as chitieu reads it. The target comes from the targets file when one is
//! configured (so a file can be checked before the service loads it), else the database.

use anyhow::{Context, bail};
use chitieu_connector::http::outgoing;
use chitieu_connector::targets_file::{TargetsFile, target_from_stored};
use chitieu_connector::template::sample_delivery;
use chitieu_connector::worker::report_document;
use chitieu_connector::{Auth, Delivery, HttpSettings, HttpTransport, Outcome, Target};
use chitieu_schema::db::DbPool;
use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::reports::{self, ReportKey, ReportState};

use crate::settings::Settings;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The target's code.
    pub target: String,
    /// Render from this approved report (`31001:KH-57-2026:202601`) instead of the sample.
    #[arg(long)]
    pub report: Option<String>,
    /// Send the request once, with a test idempotency key, and print the answer.
    #[arg(long)]
    pub send: bool,
}

pub async fn check(settings: &Settings, pool: &DbPool, args: &CheckArgs) -> anyhow::Result<()> {
    let target = find_target(settings, pool, &args.target).await?;
    let key = format!(
        "chitieu-check:{}:{}",
        target.code,
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
    );
    let delivery = match &args.report {
        Some(report) => approved_report(pool, report, &key).await?,
        None => sample_delivery(&key),
    };
    let source = match &args.report {
        Some(report) => format!("the approved report {report}"),
        None => "the sample report (name a real one with --report UNIT:PLAN:PERIOD)".to_owned(),
    };
    println!(
        "# target {} ({}), rendered from {source}",
        target.code,
        profile(&target)
    );
    if let Some(spec) = &target.template {
        println!("# template version {}", spec.version());
    }
    let request = match outgoing::prepare(&target, &delivery) {
        Ok(request) => request,
        Err(message) => {
            println!("# not sendable: the entry would need attention, nothing would be sent");
            bail!("{message}");
        }
    };
    println!(
        "{} {}{}",
        request.method,
        target.base_url.trim_end_matches('/'),
        request.path
    );
    println!("Content-Type: {}", request.content_type);
    println!("Idempotency-Key: {key}");
    for (name, value) in &request.headers {
        println!("{name}: {}", value.to_str().unwrap_or("(not text)"));
    }
    if let Some(credential) = credential_line(&target.auth) {
        println!("{credential}");
    }
    println!();
    println!("{}", String::from_utf8_lossy(&request.body));
    if !args.send {
        println!("\n# not sent (add --send to send it once with the test key above)");
        return Ok(());
    }
    let transport = HttpTransport::new(HttpSettings {
        timeout: settings.sync.worker_config.send_timeout,
        ..HttpSettings::default()
    })?;
    let answered = transport.check(&target, &delivery).await;
    println!("\n# answer");
    match answered.status {
        Some(status) => println!("HTTP {status}"),
        None => println!("(no answer)"),
    }
    if let Some(body) = &answered.body {
        println!("{body}");
    }
    println!("\n# as chitieu reads it");
    match &answered.outcome {
        Outcome::Delivered { receipt } => println!("delivered, receipt {receipt}"),
        Outcome::Retry { after, reason } => match after {
            Some(after) => println!("retry after {} s: {reason}", after.as_secs()),
            None => println!("retry: {reason}"),
        },
        Outcome::Rejected { status, message } => println!("refused ({status}): {message}"),
    }
    if !matches!(answered.outcome, Outcome::Delivered { .. }) {
        std::process::exit(1);
    }
    Ok(())
}

async fn find_target(settings: &Settings, pool: &DbPool, code: &str) -> anyhow::Result<Target> {
    if let Some(path) = &settings.sync.targets_file {
        let file = TargetsFile::read(path)?;
        return file
            .targets
            .into_iter()
            .map(|entry| entry.target)
            .find(|t| t.code == code)
            .with_context(|| format!("the targets file {path} has no target {code:?}"));
    }
    let code = code.to_owned();
    let stored = blocking(pool, move |conn| {
        Ok(chitieu_schema::sync::find_target(conn, &code)?)
    })
    .await?;
    Ok(target_from_stored(&stored)?)
}

async fn approved_report(pool: &DbPool, named: &str, key: &str) -> anyhow::Result<Delivery> {
    let parts: Vec<&str> = named.split(':').collect();
    let [unit, plan, period] = parts[..] else {
        bail!("--report takes UNIT:PLAN:PERIOD (31001:KH-57-2026:202601), not {named:?}");
    };
    let report_key = ReportKey {
        unit: OrgUnitCode::parse(unit).map_err(|e| anyhow::anyhow!("--report unit: {e}"))?,
        plan: plan.to_owned(),
        period: Period::parse(period).map_err(|e| anyhow::anyhow!("--report period: {}", e.0))?,
    };
    let report = blocking(pool, move |conn| Ok(reports::find(conn, &report_key)?)).await?;
    if report.summary.state != ReportState::Approved {
        bail!(
            "the report {named} is {}, not approved: only approved reports are sent",
            report.summary.state
        );
    }
    Ok(Delivery {
        entry_id: 0,
        idempotency_key: key.to_owned(),
        report: report_document(report),
        // A check shows the request's shape; the checkpoint of the chain goes with real
        // deliveries only, so a test send never leaves a signed head upstream.
        audit_checkpoint: None,
    })
}

fn profile(target: &Target) -> &'static str {
    chitieu_connector::targets_file::profile_name(target.profile)
}

/// How the credential is added, without the secret.
fn credential_line(auth: &Auth) -> Option<String> {
    Some(match auth {
        Auth::None => return None,
        Auth::Bearer { token_env } => format!("Authorization: Bearer (${token_env})"),
        Auth::ApiKey { header, key_env } => format!("{header}: (${key_env})"),
        Auth::Basic {
            username,
            password_env,
        } => format!("Authorization: Basic ({username}, ${password_env})"),
        Auth::ApiToken { token_env } => format!("Authorization: ApiToken (${token_env})"),
        Auth::OAuth2ClientCredentials { token_url, .. } => {
            format!("Authorization: Bearer (a token from {token_url})")
        }
    })
}

async fn blocking<T: Send + 'static>(
    pool: &DbPool,
    work: impl FnOnce(&mut chitieu_schema::db::Db) -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().context("could not take a database connection")?;
        work(&mut conn)
    })
    .await
    .context("the database task failed")?
}
