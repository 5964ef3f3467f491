//! The national system of the demo: with the demo on, a simulator of the upstream
//! (`theodoinq` profile) runs inside the process and a target `theodoinq-demo` points at it,
//! stored before the demo's reports are approved so their approvals queue deliveries. The
//! worker then syncs them as it would to the real system; one request in ten fails, so the
//! retries can be watched too. `GET /api/v1/sync/targets` shows the progress, and the
//! simulator's own counts are at `http://127.0.0.1:<port>/_sim/stats`.

use anyhow::Context;
use chitieu_connector::sim::{self, Faults, RunningSim, SimConfig};
use chitieu_connector::targets_file::{TargetEntry, TargetsFile};
use chitieu_connector::{Auth, CodeMapping, Profile, Target};
use chitieu_schema::db::DbPool;

pub const TARGET: &str = "theodoinq-demo";

/// Starts the simulator on `port` and stores the target; `None` (with a warning) when the port
/// is taken, so a second demo on the same machine still starts.
pub async fn start(pool: &DbPool, port: u16) -> anyhow::Result<Option<RunningSim>> {
    let config = SimConfig {
        port,
        faults: Faults {
            failure_rate: 0.1,
            ..Faults::default()
        },
        ..SimConfig::default()
    };
    let running = match sim::start(config).await {
        Ok(running) => running,
        Err(error) => {
            tracing::warn!(%error, port, "the demo's upstream simulator could not start: no demo sync");
            return Ok(None);
        }
    };
    let file = TargetsFile {
        targets: vec![TargetEntry {
            target: Target {
                code: TARGET.to_owned(),
                profile: Profile::Theodoinq,
                base_url: running.base_url(),
                auth: Auth::None,
                mapping: CodeMapping::default(),
                tls: Default::default(),
                template: None,
            },
            enabled: true,
        }],
    };
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = pool
            .get()
            .context("taking a connection to store the demo target")?;
        file.store(&mut conn)
            .context("storing the demo's sync target")?;
        Ok(())
    })
    .await
    .context("the demo target task stopped")??;
    tracing::info!(
        upstream = %running.base_url(),
        "the demo's national system (a simulator) is listening; approved reports sync to it: see GET /api/v1/sync/targets and {}/_sim/stats",
        running.base_url()
    );
    Ok(Some(running))
}
