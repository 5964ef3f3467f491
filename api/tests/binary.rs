//! The real `chitieu` binary: its subcommands, serving on a port the OS picks, and a graceful
//! stop on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn chitieu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chitieu"))
}

fn http_get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read the response");
    response
}

/// Starts `chitieu serve` on port 0 and reads the address it logs.
fn serve(database_url: &str) -> (Child, String) {
    let (child, address, _log) = serve_with(database_url, &[]);
    (child, address)
}

/// Like `serve`, with extra environment variables; also returns the log lines as they come.
fn serve_with(
    database_url: &str,
    env: &[(&str, &str)],
) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let mut child = chitieu()
        .arg("serve")
        .envs(env.iter().copied())
        .env("DATABASE_URL", database_url)
        .env("CHITIEU_PORT", "0")
        .env("CHITIEU_LOG_FORMAT", "json")
        .env("CHITIEU_WORKERS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start chitieu serve");
    let stdout = child.stdout.take().unwrap();
    // Keep draining the log after the address is known, or the server would hit a broken pipe.
    let (sender, receiver) = std::sync::mpsc::channel();
    let log = Arc::new(Mutex::new(Vec::new()));
    let lines = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            lines.lock().unwrap().push(line.clone());
            let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            if event["message"] == "chitieu is listening" {
                let address = event["address"].as_str().unwrap_or_default();
                let _ = sender.send(address.trim_start_matches("http://").to_owned());
            }
        }
    });
    let address = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("the server logs its address within a minute");
    (child, address, log)
}

#[test]
fn serve_answers_readiness_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}",
        dir.path().join("nested/chitieu.db").display()
    );
    let (mut child, address) = serve(&url);

    let response = http_get(&address, "/health/ready");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(r#""database":"sqlite""#), "{response}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().expect("the server exits");
    assert!(exit.success(), "a SIGTERM stop is a clean exit, got {exit}");
}

#[test]
fn migrate_creates_the_sqlite_database_and_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data/chitieu.db");
    let output = chitieu()
        .arg("migrate")
        .env("DATABASE_URL", format!("sqlite://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(file.exists());
}

#[test]
fn openapi_prints_the_generated_document() {
    let output = chitieu().arg("openapi").output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        chitieu_api::openapi::document_json()
    );
}

#[test]
fn an_unsupported_database_url_is_refused_with_its_name() {
    let output = chitieu()
        .arg("migrate")
        .env("DATABASE_URL", "mysql://localhost/x")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("DATABASE_URL"));
}

fn http_post_json(address: &str, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read the response");
    response
}

#[test]
fn the_bootstrap_password_goes_to_an_owner_only_file_and_never_to_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("chitieu.db").display());
    let file = dir.path().join("secrets/bootstrap-admin-password");
    let (mut child, address, log) = serve_with(
        &url,
        &[
            ("CHITIEU_BOOTSTRAP_ADMIN", "admin"),
            ("CHITIEU_BOOTSTRAP_PASSWORD_FILE", file.to_str().unwrap()),
        ],
    );
    let password = std::fs::read_to_string(&file).expect("the password file exists");
    let password = password.trim();
    assert!(password.len() >= 12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the service's user may read the password");
    }

    let body = format!(r#"{{"grantType":"password","username":"admin","password":"{password}"}}"#);
    let response = http_post_json(&address, "/api/v1/auth/token", &body);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
    let log = log.lock().unwrap().join("\n");
    assert!(log.contains("bootstrap administrator"), "{log}");
    assert!(!log.contains(password), "the password must not be logged");
}
