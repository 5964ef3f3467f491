//! HTTPS to an upstream whose certificate is signed by a CA of its own (as a government CA is),
//! with and without mutual TLS. The certificates are made here with rcgen, nothing is shared
//! with the machine's trust store.

use chitieu_connector::http::tls;
use chitieu_connector::sim::{SimConfig, SimTls};
use chitieu_connector::{Auth, Outcome, Profile, Target, TargetTls, Transport};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};

use crate::{delivery, simulator, target, transport};

/// A CA and what it signs, as PEM.
struct Ca {
    cert: rcgen::Certificate,
    key: KeyPair,
}

impl Ca {
    fn new(name: &str) -> Self {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let cert = params.self_signed(&key).unwrap();
        Self { cert, key }
    }

    /// (certificate, key) for `name`, for a server or a client.
    fn issue(&self, name: &str, usage: ExtendedKeyUsagePurpose) -> (String, String) {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.extended_key_usages = vec![usage];
        let cert = params.signed_by(&key, &self.cert, &self.key).unwrap();
        (cert.pem(), key.serialize_pem())
    }
}

struct Files(tempfile::TempDir);

impl Files {
    fn new() -> Self {
        Self(tempfile::tempdir().unwrap())
    }

    fn write(&self, name: &str, pem: &str) -> Option<String> {
        let path = self.0.path().join(name);
        std::fs::write(&path, pem).unwrap();
        Some(path.display().to_string())
    }
}

fn https_sim(server_ca: &Ca, client_ca: Option<&Ca>) -> SimConfig {
    let (cert_chain_pem, key_pem) =
        server_ca.issue("localhost", ExtendedKeyUsagePurpose::ServerAuth);
    SimConfig {
        tls: Some(SimTls {
            cert_chain_pem,
            key_pem,
            client_ca_pem: client_ca.map(|ca| ca.cert.pem()),
        }),
        ..SimConfig::default()
    }
}

fn with_tls(mut target: Target, tls: TargetTls) -> Target {
    target.tls = tls;
    target
}

fn retry_reason(outcome: Outcome) -> String {
    match outcome {
        Outcome::Retry { reason, .. } => reason,
        other => panic!("expected a retry, got {other:?}"),
    }
}

#[tokio::test]
async fn an_upstream_signed_by_its_own_ca_is_trusted_only_with_that_ca_file() {
    let government = Ca::new("Test Government Root CA");
    let sim = simulator(https_sim(&government, None)).await;
    assert!(sim.base_url().starts_with("https://localhost:"));
    let files = Files::new();
    let plain = target(&sim, Profile::Theodoinq, Auth::None);

    let refused = retry_reason(transport().send(&plain, &delivery(1)).await);
    assert!(
        refused.to_lowercase().contains("certificate") || refused.contains("connect"),
        "{refused}"
    );
    assert_eq!(
        sim.stats().received,
        0,
        "nothing reaches an untrusted server"
    );

    let trusting = with_tls(
        plain.clone(),
        TargetTls {
            ca_file: files.write("gov-ca.pem", &government.cert.pem()),
            ..TargetTls::default()
        },
    );
    let outcome = transport().send(&trusting, &delivery(1)).await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");

    let other = Ca::new("Some Other CA");
    let mistrusting = with_tls(
        plain,
        TargetTls {
            ca_file: files.write("other-ca.pem", &other.cert.pem()),
            ..TargetTls::default()
        },
    );
    retry_reason(transport().send(&mistrusting, &delivery(2)).await);
    assert_eq!(sim.stats().received, 1);
}

#[tokio::test]
async fn mutual_tls_delivers_with_a_client_certificate_the_upstream_trusts_and_not_without() {
    let government = Ca::new("Test Government Root CA");
    let clients = Ca::new("Test Government Client CA");
    let sim = simulator(https_sim(&government, Some(&clients))).await;
    let files = Files::new();
    let ca_file = files.write("gov-ca.pem", &government.cert.pem());
    let (cert, key) = clients.issue(
        "chitieu.haiphong.gov.vn",
        ExtendedKeyUsagePurpose::ClientAuth,
    );
    let base = target(&sim, Profile::Theodoinq, Auth::None);

    let identified = with_tls(
        base.clone(),
        TargetTls {
            ca_file: ca_file.clone(),
            client_cert_file: files.write("client.pem", &cert),
            client_key_file: files.write("client.key", &key),
        },
    );
    let outcome = transport().send(&identified, &delivery(1)).await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");

    let anonymous = with_tls(
        base.clone(),
        TargetTls {
            ca_file: ca_file.clone(),
            ..TargetTls::default()
        },
    );
    retry_reason(transport().send(&anonymous, &delivery(2)).await);

    let stranger_ca = Ca::new("Not the government");
    let (cert, key) = stranger_ca.issue("impostor", ExtendedKeyUsagePurpose::ClientAuth);
    let impostor = with_tls(
        base,
        TargetTls {
            ca_file,
            client_cert_file: files.write("impostor.pem", &cert),
            client_key_file: files.write("impostor.key", &key),
        },
    );
    retry_reason(transport().send(&impostor, &delivery(3)).await);
    assert_eq!(
        sim.stats().received,
        1,
        "only the identified client got through"
    );
}

#[test]
fn a_missing_or_half_tls_setting_is_named_before_anything_is_sent() {
    let mut target = Target {
        tls: TargetTls {
            ca_file: Some("/nonexistent/ca.pem".into()),
            ..TargetTls::default()
        },
        ..serde_json::from_str(
            r#"{"code": "gov", "profile": "theodoinq", "baseUrl": "https://x", "auth": {"type": "none"}}"#,
        )
        .unwrap()
    };
    let err = tls::check(&target).unwrap_err().to_string();
    assert!(
        err.contains("caFile") && err.contains("/nonexistent/ca.pem"),
        "{err}"
    );
    target.tls = TargetTls {
        client_cert_file: Some("client.pem".into()),
        ..TargetTls::default()
    };
    let err = tls::check(&target).unwrap_err().to_string();
    assert!(err.contains("clientKeyFile"), "{err}");
}
