//! TLS to PostgreSQL, against the `CHITIEU_TEST_PG` server when its URL carries a root
//! certificate (`?sslmode=verify-ca&sslrootcert=FILE`, as in CI): the connection is encrypted,
//! and `verify-full` also checks that the certificate names the host connected to.

use diesel::sql_types::Bool;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};

use super::DatabaseUrl;

#[derive(QueryableByName)]
struct Ssl {
    #[diesel(sql_type = Bool)]
    ssl: bool,
}

/// The server URL and its `sslrootcert`, when the tests are configured for TLS.
fn tls_server() -> Option<(DatabaseUrl, String)> {
    let raw = std::env::var("CHITIEU_TEST_PG").ok()?;
    let url = DatabaseUrl::parse(&raw).ok()?;
    let root = raw
        .split_once('?')?
        .1
        .split('&')
        .find_map(|pair| pair.strip_prefix("sslrootcert="))?
        .to_owned();
    Some((url, root))
}

/// The server's URL with `host` and the TLS parameters replaced.
fn url_with(url: &DatabaseUrl, host: &str, params: &str) -> String {
    let base = url.with_database("postgres").unwrap();
    let raw = base.as_str();
    let (before, _) = raw.split_once('?').unwrap_or((raw, ""));
    let after_scheme = before.find("://").unwrap() + 3;
    let authority_end = after_scheme + before[after_scheme..].find('/').unwrap();
    let authority = &before[after_scheme..authority_end];
    let (user, host_port) = match authority.rsplit_once('@') {
        Some((user, host_port)) => (format!("{user}@"), host_port),
        None => (String::new(), authority),
    };
    let port = host_port.rsplit_once(':').map_or("5432", |(_, port)| port);
    format!("postgres://{user}{host}:{port}/postgres?{params}")
}

fn uses_tls(raw: &str) -> bool {
    let mut conn = PgConnection::establish(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
    diesel::sql_query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .get_result::<Ssl>(&mut conn)
        .unwrap()
        .ssl
}

#[test]
fn require_and_verify_ca_connect_over_tls() {
    let Some((url, root)) = tls_server() else {
        eprintln!("CHITIEU_TEST_PG has no sslrootcert: TLS to PostgreSQL not tested here");
        return;
    };
    assert!(uses_tls(&url_with(&url, "127.0.0.1", "sslmode=require")));
    let verified = format!("sslmode=verify-ca&sslrootcert={root}");
    assert!(uses_tls(&url_with(&url, "127.0.0.1", &verified)));
}

#[test]
fn verify_full_refuses_a_host_the_certificate_does_not_name() {
    let Some((url, root)) = tls_server() else {
        return;
    };
    // Debian's snake-oil certificate (the one CI and the development machines use) is for
    // `localhost`: the name passes, the bare address does not.
    let full = format!("sslmode=verify-full&sslrootcert={root}");
    assert!(uses_tls(&url_with(&url, "localhost", &full)));
    let err = PgConnection::establish(&url_with(&url, "127.0.0.1", &full))
        .err()
        .expect("verify-full must refuse a certificate for another name");
    assert!(
        err.to_string().contains("does not match host name"),
        "{err}"
    );
}
