//! Real HTTP between the transport and the simulator, started in-process: what the worker
//! will see from each kind of upstream behaviour, and what the upstream ends up storing.

mod auth;
mod dhis2;
mod exactly_once;
mod faults;
mod theodoinq;
mod tls;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chitieu_connector::sim::{self, RunningSim, SimConfig};
use chitieu_connector::{
    Auth, CodeMapping, DeliveredValue, Delivery, HttpSettings, HttpTransport, Outcome, OutlineRow,
    Profile, ReportDocument, Target, Transport,
};
use chitieu_schema::domain::ReportedValue;
use chrono::NaiveDate;

pub async fn simulator(config: SimConfig) -> RunningSim {
    sim::start(config).await.expect("the simulator starts")
}

pub fn transport() -> HttpTransport {
    transport_with(Duration::from_secs(5), HashMap::new())
}

pub fn transport_with(timeout: Duration, secrets: HashMap<String, String>) -> HttpTransport {
    HttpTransport::new(HttpSettings {
        timeout,
        secrets: Arc::new(secrets),
    })
    .expect("the HTTP client builds")
}

pub fn target(sim: &RunningSim, profile: Profile, auth: Auth) -> Target {
    Target {
        code: "upstream".to_owned(),
        profile,
        base_url: sim.base_url(),
        auth,
        mapping: CodeMapping {
            indicators: HashMap::from([("NQ57-1".to_owned(), "TD-01".to_owned())]),
            units: HashMap::new(),
            ..CodeMapping::default()
        },
        tls: Default::default(),
        template: None,
    }
}

/// Report `n` of a batch: one unit per report, so every report is a different one upstream.
pub fn delivery(n: usize) -> Delivery {
    let unit = format!("{:05}", 31000 + n);
    let value = |code: &str, value| DeliveredValue {
        indicator_code: code.to_owned(),
        value,
        comment: None,
    };
    Delivery {
        entry_id: n as i64,
        idempotency_key: format!("chitieu:{unit}:KH-57-2026:202601:v1:upstream"),
        audit_checkpoint: None,
        report: ReportDocument {
            unit_code: unit,
            plan_code: "KH-57-2026".to_owned(),
            period: "202601".to_owned(),
            version: 1,
            approved_at: NaiveDate::from_ymd_opt(2026, 2, 3).and_then(|d| d.and_hms_opt(1, 2, 3)),
            approved_by: Some("lanh.dao".to_owned()),
            values: vec![
                value(
                    "NQ57-1",
                    ReportedValue::Ratio {
                        numerator: 30.0,
                        denominator: 40.0,
                    },
                ),
                value("NQ57-12", ReportedValue::Number(9.0)),
                value(
                    "NQ57-4",
                    ReportedValue::Status {
                        achieved: true,
                        label: Some("Đạt".to_owned()),
                    },
                ),
            ],
            outline: vec![OutlineRow {
                code: "II".to_owned(),
                name: "Kết quả thực hiện".to_owned(),
                parent: None,
                order: 2,
                html: "<p>Hoàn thành</p>".to_owned(),
            }],
        },
    }
}

/// Sends until delivered, as the worker does, and says how many attempts it took.
pub async fn send_until_delivered(
    transport: &HttpTransport,
    target: &Target,
    delivery: &Delivery,
) -> (String, usize) {
    for attempt in 1..=100 {
        match transport.send(target, delivery).await {
            Outcome::Delivered { receipt } => return (receipt, attempt),
            Outcome::Retry { .. } => continue,
            rejected => panic!("{} was rejected: {rejected:?}", delivery.idempotency_key),
        }
    }
    panic!(
        "{} was not delivered in 100 attempts",
        delivery.idempotency_key
    )
}
