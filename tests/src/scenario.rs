use std::future::Future;
use std::pin::Pin;

use libtest_mimic::{Arguments, Trial};

use crate::database::postgres_server;
use crate::{Backend, TestApp};

type Body = fn(TestApp) -> Pin<Box<dyn Future<Output = ()> + Send>>;

/// One end-to-end test, run once per backend.
#[derive(Clone, Copy)]
pub struct Scenario {
    pub name: &'static str,
    pub body: Body,
}

impl Scenario {
    pub const fn new(name: &'static str, body: Body) -> Self {
        Self { name, body }
    }
}

/// Runs every scenario on SQLite, and on PostgreSQL when `CHITIEU_TEST_PG` is set; otherwise
/// the PostgreSQL runs are listed as ignored, with a note saying why.
pub fn run_all(scenarios: Vec<Scenario>) -> ! {
    let args = Arguments::from_args();
    let postgres = postgres_server().is_some();
    if !postgres {
        eprintln!(
            "note: CHITIEU_TEST_PG is not set, so the PostgreSQL runs are SKIPPED (shown as \
             ignored); set CHITIEU_TEST_PG=postgres://postgres@127.0.0.1:5432 to run them"
        );
    }
    let mut trials = Vec::new();
    for scenario in scenarios {
        for backend in [Backend::Sqlite, Backend::Postgres] {
            let name = format!("{}::{}", backend_name(backend), scenario.name);
            let trial = Trial::test(name, move || {
                run_one(backend, scenario.body);
                Ok(())
            });
            trials.push(trial.with_ignored_flag(backend == Backend::Postgres && !postgres));
        }
    }
    libtest_mimic::run(&args, trials).exit()
}

fn run_one(backend: Backend, body: Body) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let app = TestApp::spawn(backend).await;
        body(app).await;
    });
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}
