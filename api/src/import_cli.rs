//! `chitieu import plan FILE --plan-json JSON [--dry-run]`: the plan import of
//! `POST /api/v1/plans/import` from the command line, straight to the database (as an
//! administrator would), with a progress bar for large files and the diagnostics printed.

use std::io::Read;
use std::path::PathBuf;

use actix_web::web;
use anyhow::Context;
use chitieu_schema::db::DbPool;
use chitieu_schema::plan_import::{self, ImportLimits, ImportRequest};
use chrono::Datelike;
use indicatif::{ProgressBar, ProgressStyle};

use crate::extract::parse_json;
use crate::routes::plan_import::views::ImportSummary;
use crate::routes::plans::NewPlanRequest;

#[derive(Debug, clap::Args)]
pub struct ImportPlanArgs {
    /// The plan's DOCX, XLSX, ODS, CSV or TSV file.
    pub file: PathBuf,
    /// The plan as JSON (as for POST /api/v1/plans), or @PATH to read it from a file.
    #[arg(long)]
    pub plan_json: String,
    /// Show what would be created and store nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Imports (or tries) the plan; the summary is what `POST /api/v1/plans/import` answers.
pub async fn import_plan(
    pool: &DbPool,
    limits: ImportLimits,
    args: ImportPlanArgs,
) -> anyhow::Result<ImportSummary> {
    let plan_json = match args.plan_json.strip_prefix('@') {
        Some(path) => std::fs::read(path).with_context(|| format!("reading {path}"))?,
        None => args.plan_json.into_bytes(),
    };
    let plan = parse_json::<NewPlanRequest>(&plan_json)
        .and_then(NewPlanRequest::parse)
        .map_err(|e| anyhow::anyhow!("--plan-json: {}", problem_detail(&e)))?;
    let bytes = read_with_progress(&args.file, limits)?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let stage = ProgressBar::new_spinner();
    stage.set_message("reading the table");
    stage.enable_steady_tick(std::time::Duration::from_millis(120));
    let last_year = plan.valid_to.year();
    let dry_run = args.dry_run;
    let pool = pool.clone();
    let stage_in_block = stage.clone();
    let outcome = web::block(move || -> Result<_, plan_import::ImportError> {
        let claim = plan_import::Claim {
            file_name: file_name.as_deref(),
            media_type: None,
        };
        let tables = plan_import::read_tables(&bytes, claim, &limits)?;
        let parsed = plan_import::understand(&tables, last_year)?;
        stage_in_block.finish_and_clear();
        let items = ProgressBar::new(parsed.items.len() as u64);
        items.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} items {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        items.set_message(if dry_run { "(dry run)" } else { "" });
        let mut conn = pool.get().map_err(|e| {
            plan_import::ImportError::Unreadable(format!("no database connection: {e}"))
        })?;
        let request = ImportRequest { plan, dry_run };
        let mut advance = |done: usize, _total: usize| items.set_position(done as u64);
        let summary = plan_import::apply_with_progress(&mut conn, &parsed, request, &mut advance);
        items.finish_and_clear();
        summary
    })
    .await
    .context("the import stopped")?;
    stage.finish_and_clear();
    let summary = outcome.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(ImportSummary::from(summary))
}

/// The diagnostics and a line on standard error, the summary as JSON on standard output.
pub fn print_outcome(summary: &ImportSummary) -> anyhow::Result<()> {
    for diagnostic in &summary.diagnostics {
        eprintln!(
            "{}: {}: {}",
            diagnostic.severity, diagnostic.reference, diagnostic.message
        );
    }
    eprintln!(
        "{} plan {} with {} items in catalog {}{}",
        if summary.dry_run {
            "would import"
        } else {
            "imported"
        },
        summary.plan_code,
        summary.counts.items,
        summary.catalog_code,
        if summary.dry_run {
            " (dry run: nothing stored)"
        } else {
            ""
        }
    );
    println!("{}", serde_json::to_string_pretty(summary)?);
    Ok(())
}

fn problem_detail(error: &crate::error::ApiError) -> String {
    match error {
        crate::error::ApiError::Invalid(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.pointer, e.detail))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The file, refused past the size limit before it is all in memory.
fn read_with_progress(path: &PathBuf, limits: ImportLimits) -> anyhow::Result<Vec<u8>> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    limits
        .check_size(usize::try_from(size).unwrap_or(usize::MAX))
        .map_err(|e| anyhow::anyhow!("{e} (CHITIEU_IMPORT_MAX_BYTES)"))?;
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(path.display().to_string());
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let read = file.read(&mut chunk)?;
        if read == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..read]);
        bar.inc(read as u64);
    }
    bar.finish_and_clear();
    Ok(bytes)
}
