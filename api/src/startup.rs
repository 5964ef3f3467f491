//! `Application::build(settings)`: shared by `main` and the tests, which bind port 0.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use chitieu_connector::Transport;
use chitieu_schema::db::{self, DbPool};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::auth::{JwtSecret, KeyUsage, TokenService};
use crate::error::ApiError;
use crate::extract::{self, BodyLimit, BulkBodyLimit};
use crate::request_id;
use crate::settings::Settings;
use crate::state::AppState;
use crate::sync::{SyncRuntime, SyncService};

pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
    sync: SyncRuntime,
    /// Background writes kept off the request path; see [`crate::housekeeping`].
    housekeeping: Vec<tokio::task::JoinHandle<()>>,
    /// The demo's simulated national system, kept running as long as the server.
    _demo_upstream: Option<chitieu_connector::sim::RunningSim>,
}

impl Application {
    /// Opens the database, runs pending migrations and binds the listener; the server starts
    /// serving when [`Application::run_until_stopped`] is awaited.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let transport = crate::sync::http_transport(&settings.sync)?;
        Self::build_with_transport(settings, transport).await
    }

    /// As [`Application::build`], delivering through `transport` (tests use a fake one).
    pub async fn build_with_transport(
        settings: Settings,
        transport: Arc<dyn Transport>,
    ) -> anyhow::Result<Self> {
        settings.integrity.load_audit_key(true)?.install();
        let pool = open_database(&settings).await?;
        crate::auth::bootstrap::ensure_admin(&pool, &settings.auth).await?;
        let demo_upstream = if settings.demo {
            let upstream = crate::demo_upstream::start(&pool, settings.demo_upstream_port).await?;
            seed_demo(&pool).await?;
            upstream
        } else {
            None
        };
        let listener = TcpListener::bind((settings.host, settings.port))
            .with_context(|| format!("could not listen on {}:{}", settings.host, settings.port))?;
        let port = listener
            .local_addr()
            .context("could not read the bound address")?
            .port();
        let sync = crate::sync::start(&pool, &settings.sync, transport).await?;
        let key_usage = Arc::new(KeyUsage::default());
        let housekeeping =
            crate::housekeeping::spawn(&pool, &settings.integrity, Arc::clone(&key_usage));
        let server = run(
            listener,
            AppState::new(pool.clone(), key_usage),
            &settings,
            Arc::clone(&sync.service),
        )?;
        Ok(Self {
            port,
            server,
            pool,
            sync,
            housekeeping,
            _demo_upstream: demo_upstream,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Serves until SIGINT or SIGTERM, then lets in-flight requests finish (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        for task in &self.housekeeping {
            task.abort();
        }
        self.sync.stop().await;
        served
    }

    pub fn sync(&self) -> &Arc<SyncService> {
        &self.sync.service
    }
}

/// Builds the pool and brings the schema up to date.
pub async fn open_database(settings: &Settings) -> anyhow::Result<DbPool> {
    let url = settings.database_url.clone();
    let size = settings.pool_size;
    web::block(move || -> anyhow::Result<DbPool> {
        let pool = db::build_pool(&url, size)
            .with_context(|| format!("could not open the database {}", url.redacted()))?;
        let mut conn = pool.get().context("could not take a database connection")?;
        let applied = db::run_pending_migrations(&mut conn)?;
        if !applied.is_empty() {
            tracing::info!(?applied, backend = %url.backend(), "database migrations applied");
        }
        Ok(pool)
    })
    .await
    .context("the database start-up task failed")?
}

fn run(
    listener: TcpListener,
    state: AppState,
    settings: &Settings,
    sync: Arc<SyncService>,
) -> anyhow::Result<Server> {
    let state = web::Data::new(state);
    let integrity = web::Data::new(settings.integrity.clone());
    let sync = web::Data::from(sync);
    let secret = match &settings.auth.jwt_secret {
        Some(secret) => secret.clone(),
        None => {
            tracing::warn!(
                "CHITIEU_JWT_SECRET is not set: tokens are signed with a random secret made for \
                 this process, so they do not survive a restart, and replicas must share one \
                 secret (set CHITIEU_JWT_SECRET, at least 32 bytes)"
            );
            JwtSecret::random()?
        }
    };
    let tokens = web::Data::new(TokenService::new(&secret, settings.auth.token_ttl));
    let throttle = web::Data::new(settings.auth.throttle);
    let trusted_proxies = web::Data::new(settings.trusted_proxies.clone());
    let body_limit = BodyLimit(settings.body_limit);
    let bulk_body_limit = BulkBodyLimit(settings.bulk_body_limit);
    let import_limits = settings.import_limits;
    // One finished document for Swagger UI, `/api-docs/openapi.json` and the route table.
    let document = crate::openapi::document();
    let routes = web::Data::new(crate::openapi::routes::RouteTable::from_document(&document));
    let mut server = HttpServer::new(move || {
        let (app, _) = App::new()
            .into_utoipa_app()
            .openapi(crate::openapi::document_base())
            .app_data(state.clone())
            .app_data(sync.clone())
            .app_data(tokens.clone())
            .app_data(throttle.clone())
            .app_data(integrity.clone())
            .app_data(trusted_proxies.clone())
            .app_data(body_limit)
            .app_data(bulk_body_limit)
            .app_data(import_limits)
            .app_data(routes.clone())
            .app_data(web::QueryConfig::default().error_handler(extract::query_error))
            .app_data(web::PathConfig::default().error_handler(extract::path_error))
            .configure(crate::routes::configure)
            .split_for_parts();
        app.wrap(from_fn(crate::http_contract::enforce))
            .wrap(Compress::default())
            .wrap(from_fn(request_id::middleware))
            .service(
                SwaggerUi::new("/swagger-ui/{_:.*}")
                    .url("/api-docs/openapi.json", document.clone())
                    // The default validator is an outside service the browser would send the
                    // document's address to.
                    .config(Config::default().validator_url("none")),
            )
            .route("/swagger-ui", web::get().to(swagger_ui_with_slash))
            .route(
                "/metrics",
                web::get().to(crate::routes::sync::prometheus_metrics),
            )
            .default_service(web::to(not_found))
    })
    .listen(listener)
    .context("could not start the HTTP server")?
    .shutdown_timeout(settings.shutdown_grace.as_secs());
    if let Some(workers) = settings.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// Swagger UI's assets are relative to `/swagger-ui/`, so the bare path redirects there.
async fn swagger_ui_with_slash() -> actix_web::HttpResponse {
    actix_web::HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/swagger-ui/"))
        .finish()
}

async fn not_found(req: actix_web::HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::said(
        crate::error::SaidKind::NotFound,
        chitieu_schema::messages::Message::new("problem-detail-no-route")
            .arg("method", req.method())
            .arg("path", req.path()),
    ))
}

/// Seeds the demo data set into an empty database; the months covered end with the last full
/// month in Vietnam.
async fn seed_demo(pool: &DbPool) -> anyhow::Result<()> {
    let pool = pool.clone();
    let vietnam = i64::from(chitieu_schema::domain::VIETNAM_OFFSET);
    let today = (chrono::Utc::now() + chrono::Duration::seconds(vietnam)).date_naive();
    let seeded = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().context("taking a connection to seed the demo")?;
        chitieu_schema::demo::seed_if_empty(&mut conn, today).context("seeding the demo data set")
    })
    .await
    .context("the demo seeding task stopped")??;
    match seeded {
        Some(seeded) => tracing::info!(
            values = seeded.values,
            "seeded the demo data set: province 31 (Hải Phòng), communes 31001 (Thái Tân) and 31002 (Nghi Dương), plan TT-18-2025 with twelve months of reports; CHITIEU_DEMO=off to start empty"
        ),
        None => tracing::debug!("the database holds data already: no demo seeded"),
    }
    Ok(())
}
