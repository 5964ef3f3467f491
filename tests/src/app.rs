use chitieu_api::auth::JwtSecret;
use chitieu_api::{Application, Settings};
use chitieu_schema::audit::AuditKey;
use chitieu_schema::db::{DatabaseUrl, DbPool};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;

use crate::{Backend, TestDatabase};

/// The signing secret of every test server, so tests can forge tokens to see them refused.
pub const TEST_JWT_SECRET: &str = "test secret: at least thirty-two bytes long";
/// The audit key of every test server (one key per process: see `chitieu_schema::audit`).
pub const TEST_AUDIT_KEY: &str = "test audit key: at least thirty-two bytes long";
/// The administrator every test server starts with; `client` sends its bearer token.
pub const ADMIN_USERNAME: &str = "admin";
pub const ADMIN_PASSWORD: &str = "admin password for tests";

/// The real server, serving on a free port over its own database.
pub struct TestApp {
    pub address: String,
    pub backend: Backend,
    /// Sends the administrator's bearer token with every request.
    pub client: reqwest::Client,
    pub database: TestDatabase,
    /// The server's database, for arranging what the API cannot (or should not) do.
    pub pool: DbPool,
    pub admin_token: String,
    /// Files the server keeps outside the database (the audit checkpoints).
    pub files: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Spawns with settings adjusted by `adjust` (a smaller body limit, say).
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let database = TestDatabase::create(backend);
        let mut settings = Settings::local(DatabaseUrl::parse(&database.url).expect("test URL"));
        settings.port = 0;
        settings.workers = Some(1);
        settings.pool_size = 4;
        settings.auth.jwt_secret = Some(JwtSecret::parse(TEST_JWT_SECRET).expect("test secret"));
        let files = tempfile::tempdir().expect("a directory for the server's files");
        let integrity = &mut settings.integrity;
        integrity.audit_key =
            Some(AuditKey::new(TEST_AUDIT_KEY.as_bytes().to_vec()).expect("test audit key"));
        integrity.checkpoint_file = files.path().join("audit-checkpoints");
        // One checkpoint at start; tests that need more ask for a shorter period.
        integrity.checkpoint_every = std::time::Duration::from_secs(3600);
        // Sync tests switch these on; the others need no background work.
        settings.sync.worker = false;
        settings.sync.schedule = false;
        // Short waits, so a sync test drains a flaky upstream in seconds.
        let sync = &mut settings.sync.worker_config;
        sync.backoff = chitieu_connector::worker::Backoff {
            base: std::time::Duration::from_millis(20),
            cap: std::time::Duration::from_millis(300),
        };
        sync.lease = std::time::Duration::from_secs(10);
        sync.send_timeout = std::time::Duration::from_secs(3);
        adjust(&mut settings);
        let app = Application::build(settings)
            .await
            .expect("the application starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let pool = app.pool().clone();
        tokio::spawn(app.run_until_stopped());
        crate::accounts::create_user_in_store(
            &pool,
            ADMIN_USERNAME,
            ADMIN_PASSWORD,
            "administrator",
            None,
        )
        .await;
        let admin_token = crate::accounts::sign_in(&address, ADMIN_USERNAME, ADMIN_PASSWORD).await;
        TestApp {
            client: crate::accounts::client_with_token(&admin_token),
            address,
            backend,
            database,
            pool,
            admin_token,
            files,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path)
            .send()
            .await
            .expect("GET is answered")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.request(Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("POST is answered")
    }

    /// POST without a body, for actions that read none (a body there is refused with 400).
    pub async fn post_empty(&self, path: &str) -> Response {
        self.request(Method::POST, path)
            .send()
            .await
            .expect("POST is answered")
    }

    /// PATCH with `If-Match: etag`.
    pub async fn patch_json(&self, path: &str, etag: &str, body: &Value) -> Response {
        self.request(Method::PATCH, path)
            .header("If-Match", etag)
            .json(body)
            .send()
            .await
            .expect("PATCH is answered")
    }

    pub async fn delete(&self, path: &str, etag: &str) -> Response {
        self.request(Method::DELETE, path)
            .header("If-Match", etag)
            .send()
            .await
            .expect("DELETE is answered")
    }

    /// Sends a request, asserts its status and returns its JSON body.
    pub async fn expect_json(&self, response: Response, status: u16) -> Value {
        expect_json(response, status).await
    }
}

/// Asserts the status of a response (showing its body when it differs) and returns its JSON.
pub async fn expect_json(response: Response, status: u16) -> Value {
    let actual = response.status().as_u16();
    let text = response.text().await.expect("the body is readable");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("a JSON body")
    }
}
