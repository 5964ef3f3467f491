//! kill -9 during a request with an `Idempotency-Key`, then the retry after a restart: the key
//! left unfinished is taken over after its lease instead of answering "still being processed"
//! for ever.
//!
//! The crash point is made certain on PostgreSQL: the test holds the audit chain's advisory
//! lock, so the request has claimed its key and waits inside its work when the server is
//! killed. (SQLite has one lock for the whole database, which the claim itself needs, so it has
//! no such point; the lease is the same code on both, and the storage tests run it on both.)

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chitieu_schema::db::DatabaseUrl;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::{Value, json};

const PASSWORD: &str = "administrator password for the kill test";

fn serve(database_url: &str, dir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chitieu"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("CHITIEU_PORT", "0")
        .env("CHITIEU_LOG_FORMAT", "json")
        .env("CHITIEU_WORKERS", "1")
        .env("CHITIEU_DEMO", "off")
        .env(
            "CHITIEU_JWT_SECRET",
            "kill test secret: at least thirty-two bytes",
        )
        .env("CHITIEU_BOOTSTRAP_ADMIN", "admin")
        .env("CHITIEU_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
        .env("CHITIEU_IDEMPOTENCY_LEASE_SECONDS", "2")
        .env("CHITIEU_AUDIT_KEY_PATH", dir.join("audit.key"))
        .env(
            "CHITIEU_AUDIT_CHECKPOINT_FILE",
            dir.join("audit-checkpoints"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start chitieu serve");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let event: Value = serde_json::from_str(&line).unwrap_or_default();
            if event["message"] == "chitieu is listening" {
                let address = event["address"].as_str().unwrap_or_default().to_owned();
                let _ = sender.send(address);
            }
        }
    });
    let address = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("the server logs its address within a minute");
    (child, address)
}

async fn token(client: &reqwest::Client, address: &str) -> String {
    let body = json!({"grantType": "password", "username": "admin", "password": PASSWORD});
    let answer: Value = client
        .post(format!("{address}/api/v1/auth/token"))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["accessToken"].as_str().unwrap().to_owned()
}

fn keyed_import(client: &reqwest::Client, address: &str, token: &str) -> reqwest::RequestBuilder {
    let body = json!({"dataSet": "KH-KILL", "period": "202601",
        "dataValues": [{"dataElement": "CT-1", "orgUnit": "31001", "value": "1"}]});
    client
        .post(format!("{address}/api/v1/dataValueSets"))
        .bearer_auth(token)
        .header("Idempotency-Key", "import-2026-01")
        .json(&body)
}

#[tokio::test]
async fn a_key_left_by_a_killed_server_is_taken_over_after_its_lease() {
    let Some(server) = std::env::var("CHITIEU_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        eprintln!("note: CHITIEU_TEST_PG is not set: the kill -9 test is SKIPPED");
        return;
    };
    // The server's connection parameters (`?sslmode=…`) are kept for every database on it.
    let server = DatabaseUrl::parse(&server).expect("CHITIEU_TEST_PG is a database URL");
    let on = |database: &str| {
        server
            .with_database(database)
            .expect("CHITIEU_TEST_PG names a PostgreSQL server")
            .as_str()
            .to_owned()
    };
    let name = format!("chitieu_kill_{}", std::process::id());
    let mut admin = PgConnection::establish(&on("postgres")).unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let url = on(&name);
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();

    let (mut first, address) = serve(&url, dir.path());
    let token = token(&client, &address).await;
    // Hold the plans: the import claims its key, then waits to read them (its checks run
    // before any write lock, so holding the audit chain would not stop it).
    let mut holder = PgConnection::establish(&url).unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE plans IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let pending = tokio::spawn(keyed_import(&client, &address, &token).send());
    let mut claimed = false;
    for _ in 0..200 {
        let unfinished: i64 = diesel::sql_query(
            "SELECT count(*) AS n FROM idempotency_keys WHERE response_status IS NULL",
        )
        .get_result::<Count>(&mut holder)
        .unwrap()
        .n;
        if unfinished == 1 {
            claimed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(claimed, "the request claims its key");
    first.kill().unwrap(); // SIGKILL: no chance to release the key.
    first.wait().unwrap();
    assert!(
        pending.await.unwrap().is_err(),
        "the killed server never answered"
    );
    drop(holder);

    let (mut second, address) = serve(&url, dir.path());
    let token = self::token(&client, &address).await;
    let early = keyed_import(&client, &address, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        early.status(),
        409,
        "within the lease the key is still held"
    );
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let retried = keyed_import(&client, &address, &token)
        .send()
        .await
        .unwrap();
    let status = retried.status().as_u16();
    let replayed = retried.headers().contains_key("idempotent-replayed");
    let body: Value = retried.json().await.unwrap();
    // The import's own answer (here: the plan does not exist), not "still being processed".
    assert!(!replayed);
    assert_ne!(status, 409, "{body}");
    assert!(body.to_string().contains("KH-KILL"), "{body}");

    second.kill().unwrap();
    second.wait().unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .unwrap();
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
