use std::collections::HashMap;
use std::time::Duration;

use chitieu_connector::sim::{SimAuth, SimConfig};
use chitieu_connector::{Auth, ClientAuthentication, Outcome, Profile, Transport};

use crate::{delivery, simulator, target, transport_with};

const SECRET: &str = "s3cret-never-shown";

fn oauth2_sim(token_lifetime: Duration) -> SimConfig {
    SimConfig {
        auth: SimAuth::OAuth2,
        oauth_client_id: "chitieu".into(),
        oauth_client_secret: SECRET.into(),
        token_lifetime,
        ..SimConfig::default()
    }
}

fn oauth2(sim_base: &str) -> Auth {
    Auth::OAuth2ClientCredentials {
        token_url: format!("{sim_base}/oauth/token"),
        client_id: "chitieu".into(),
        client_secret_env: "UPSTREAM_CLIENT_SECRET".into(),
        scope: Some("submissions".into()),
        client_authentication: ClientAuthentication::Body,
    }
}

fn secrets(value: &str) -> HashMap<String, String> {
    HashMap::from([("UPSTREAM_CLIENT_SECRET".to_owned(), value.to_owned())])
}

#[tokio::test]
async fn the_oauth2_token_is_fetched_once_for_several_submissions_and_again_after_it_expires() {
    // Four seconds of life: the transport refreshes halfway, as it would 30 s before expiry.
    let sim = simulator(oauth2_sim(Duration::from_secs(4))).await;
    let target = target(&sim, Profile::Theodoinq, oauth2(&sim.base_url()));
    let transport = transport_with(Duration::from_secs(5), secrets(SECRET));
    for n in 1..=3 {
        let outcome = transport.send(&target, &delivery(n)).await;
        assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");
    }
    assert_eq!(sim.stats().tokens_issued, 1);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let outcome = transport.send(&target, &delivery(4)).await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");
    let stats = sim.stats();
    assert_eq!((stats.tokens_issued, stats.unauthorized), (2, 0));
}

#[tokio::test]
async fn a_401_triggers_one_token_refresh_and_the_submission_goes_through() {
    let sim = simulator(oauth2_sim(Duration::from_secs(300))).await;
    let target = target(&sim, Profile::Theodoinq, oauth2(&sim.base_url()));
    let transport = transport_with(Duration::from_secs(5), secrets(SECRET));
    transport.send(&target, &delivery(1)).await;
    sim.revoke_tokens();
    let outcome = transport.send(&target, &delivery(2)).await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");
    let stats = sim.stats();
    assert_eq!(
        (stats.tokens_issued, stats.unauthorized, stats.unique),
        (2, 1, 2)
    );
}

#[tokio::test]
async fn a_wrong_client_secret_is_rejected_and_the_secret_never_shown() {
    let sim = simulator(oauth2_sim(Duration::from_secs(300))).await;
    let target = target(&sim, Profile::Theodoinq, oauth2(&sim.base_url()));
    let transport = transport_with(Duration::from_secs(5), secrets("wrong-secret-value"));
    let outcome = transport.send(&target, &delivery(1)).await;
    let Outcome::Rejected { status, message } = &outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(*status, 401);
    assert!(
        message.contains("unknown client or wrong secret"),
        "{message}"
    );
    assert!(!format!("{outcome:?}").contains("wrong-secret-value"));
}

#[tokio::test]
async fn bearer_and_api_key_credentials_come_from_their_named_secrets() {
    let bearer_sim = simulator(SimConfig {
        auth: SimAuth::Bearer {
            token: "tok-123".into(),
        },
        ..SimConfig::default()
    })
    .await;
    let bearer = Auth::Bearer {
        token_env: "UPSTREAM_TOKEN".into(),
    };
    let secrets = HashMap::from([
        ("UPSTREAM_TOKEN".to_owned(), "tok-123".to_owned()),
        ("UPSTREAM_KEY".to_owned(), "key-456".to_owned()),
    ]);
    let transport = transport_with(Duration::from_secs(5), secrets);
    let outcome = transport
        .send(
            &target(&bearer_sim, Profile::Theodoinq, bearer),
            &delivery(1),
        )
        .await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");

    let key_sim = simulator(SimConfig {
        auth: SimAuth::ApiKey {
            header: "X-API-Key".into(),
            key: "key-456".into(),
        },
        ..SimConfig::default()
    })
    .await;
    let api_key = Auth::ApiKey {
        header: "X-API-Key".into(),
        key_env: "UPSTREAM_KEY".into(),
    };
    let outcome = transport
        .send(&target(&key_sim, Profile::Theodoinq, api_key), &delivery(1))
        .await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");
}

#[tokio::test]
async fn a_secret_that_is_not_set_yields_retry_naming_the_variable_and_sends_nothing() {
    let sim = simulator(SimConfig::default()).await;
    let bearer = Auth::Bearer {
        token_env: "UPSTREAM_TOKEN_UNSET".into(),
    };
    let transport = transport_with(Duration::from_secs(5), HashMap::new());
    let outcome = transport
        .send(&target(&sim, Profile::Theodoinq, bearer), &delivery(1))
        .await;
    assert!(
        matches!(&outcome, Outcome::Retry { reason, .. } if reason.contains("UPSTREAM_TOKEN_UNSET")),
        "{outcome:?}"
    );
    assert_eq!(sim.stats().received, 0);
}

#[tokio::test]
async fn a_wrong_bearer_token_is_rejected_with_401() {
    let sim = simulator(SimConfig {
        auth: SimAuth::Bearer {
            token: "right".into(),
        },
        ..SimConfig::default()
    })
    .await;
    let bearer = Auth::Bearer {
        token_env: "T".into(),
    };
    let transport = transport_with(
        Duration::from_secs(5),
        HashMap::from([("T".to_owned(), "wrong".to_owned())]),
    );
    let outcome = transport
        .send(&target(&sim, Profile::Theodoinq, bearer), &delivery(1))
        .await;
    assert!(
        matches!(outcome, Outcome::Rejected { status: 401, .. }),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn concurrent_submissions_to_an_oauth2_target_wait_for_one_token() {
    let sim = simulator(oauth2_sim(Duration::from_secs(300))).await;
    let target = target(&sim, Profile::Theodoinq, oauth2(&sim.base_url()));
    let transport = transport_with(Duration::from_secs(5), secrets(SECRET));
    let deliveries: Vec<_> = (1..=10).map(delivery).collect();
    let outcomes =
        futures_util::future::join_all(deliveries.iter().map(|d| transport.send(&target, d))).await;
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, Outcome::Delivered { .. })),
        "{outcomes:?}"
    );
    assert_eq!((sim.stats().tokens_issued, sim.stats().unique), (1, 10));
}

#[tokio::test]
async fn the_logins_dhis2_accepts_basic_api_token_and_oauth2_with_the_client_in_basic() {
    let secrets = HashMap::from([
        ("DHIS2_PASSWORD".to_owned(), "Mật-khẩu 1".to_owned()),
        (
            "DHIS2_PAT".to_owned(),
            "d2pat_5xVA12xyUbWNedQxy4ohH77WlxR".to_owned(),
        ),
        ("UPSTREAM_CLIENT_SECRET".to_owned(), SECRET.to_owned()),
    ]);
    let transport = transport_with(Duration::from_secs(5), secrets);

    let basic_sim = simulator(SimConfig {
        auth: SimAuth::Basic {
            username: "chitieu".into(),
            password: "Mật-khẩu 1".into(),
        },
        ..SimConfig::default()
    })
    .await;
    let basic = Auth::Basic {
        username: "chitieu".into(),
        password_env: "DHIS2_PASSWORD".into(),
    };
    let outcome = transport
        .send(&target(&basic_sim, Profile::Dhis2, basic), &delivery(1))
        .await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");

    let token_sim = simulator(SimConfig {
        auth: SimAuth::ApiToken {
            token: "d2pat_5xVA12xyUbWNedQxy4ohH77WlxR".into(),
        },
        ..SimConfig::default()
    })
    .await;
    let api_token = Auth::ApiToken {
        token_env: "DHIS2_PAT".into(),
    };
    let outcome = transport
        .send(&target(&token_sim, Profile::Dhis2, api_token), &delivery(1))
        .await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");

    // DHIS2's /uaa/oauth/token reads the client from HTTP Basic only: the form alone fails.
    let oauth_sim = simulator(oauth2_sim(Duration::from_secs(300))).await;
    let in_form = Auth::OAuth2ClientCredentials {
        token_url: format!("{}/uaa/oauth/token", oauth_sim.base_url()),
        client_id: "chitieu".into(),
        client_secret_env: "UPSTREAM_CLIENT_SECRET".into(),
        scope: None,
        client_authentication: ClientAuthentication::Body,
    };
    let outcome = transport
        .send(&target(&oauth_sim, Profile::Dhis2, in_form), &delivery(1))
        .await;
    assert!(
        matches!(outcome, Outcome::Rejected { status: 401, .. }),
        "{outcome:?}"
    );
    let in_basic = Auth::OAuth2ClientCredentials {
        token_url: format!("{}/uaa/oauth/token", oauth_sim.base_url()),
        client_id: "chitieu".into(),
        client_secret_env: "UPSTREAM_CLIENT_SECRET".into(),
        scope: None,
        client_authentication: ClientAuthentication::Basic,
    };
    let outcome = transport
        .send(&target(&oauth_sim, Profile::Dhis2, in_basic), &delivery(1))
        .await;
    assert!(matches!(outcome, Outcome::Delivered { .. }), "{outcome:?}");
}
