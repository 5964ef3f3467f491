//! Request bodies, one module per profile: what the upstream receives for one delivery, with
//! our codes mapped to the upstream's.

pub mod dhis2;
pub mod theodoinq;

use crate::delivery::Delivery;
use crate::target::{Profile, Target};

/// A body ready to be sent, and where it goes below the target's base URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Payload {
    pub profile: Profile,
    /// Path and query below the base URL (`/api/v1/submissions`).
    pub path: &'static str,
    pub body: Vec<u8>,
}

/// Why a delivery could not be turned into a body: our data, not the upstream's answer.
#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("report {key}: period {period:?} is not a reporting period: {reason}")]
    Period {
        key: String,
        period: String,
        reason: String,
    },
    #[error("report {key}: the template profile's body is rendered from its template")]
    NotBuiltIn { key: String },
    #[error("report {key}: could not write the JSON body: {source}")]
    Json {
        key: String,
        #[source]
        source: serde_json::Error,
    },
}

/// Builds the body for the target's profile.
pub fn build(target: &Target, delivery: &Delivery) -> Result<Payload, PayloadError> {
    let json = |result: Result<Vec<u8>, serde_json::Error>| {
        result.map_err(|source| PayloadError::Json {
            key: delivery.idempotency_key.clone(),
            source,
        })
    };
    Ok(match target.profile {
        Profile::Theodoinq => Payload {
            profile: Profile::Theodoinq,
            path: theodoinq::PATH,
            body: json(serde_json::to_vec(&theodoinq::document(
                delivery,
                &target.mapping,
            )?))?,
        },
        Profile::Dhis2 => Payload {
            profile: Profile::Dhis2,
            path: dhis2::PATH,
            body: json(serde_json::to_vec(&dhis2::data_value_set(
                &delivery.report,
                &target.mapping,
                &delivery.idempotency_key,
            )?))?,
        },
        Profile::Template => {
            return Err(PayloadError::NotBuiltIn {
                key: delivery.idempotency_key.clone(),
            });
        }
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashMap;

    use chitieu_schema::domain::ReportedValue;
    use chrono::NaiveDate;

    use super::*;
    use crate::delivery::{DeliveredValue, OutlineRow, ReportDocument};

    pub fn mapping() -> crate::target::CodeMapping {
        crate::target::CodeMapping {
            indicators: HashMap::from([("NQ57-1".to_owned(), "TD-COVERAGE".to_owned())]),
            units: HashMap::from([("31001".to_owned(), "VN-31001".to_owned())]),
            ..crate::target::CodeMapping::default()
        }
    }

    pub fn delivery() -> Delivery {
        let value = |code: &str, value, comment: Option<&str>| DeliveredValue {
            indicator_code: code.to_owned(),
            value,
            comment: comment.map(str::to_owned),
        };
        Delivery {
            entry_id: 7,
            idempotency_key: "chitieu:31001:KH-57-2026:202601:v3:theodoinq".to_owned(),
            audit_checkpoint: None,
            report: ReportDocument {
                unit_code: "31001".to_owned(),
                plan_code: "KH-57-2026".to_owned(),
                period: "202601".to_owned(),
                version: 3,
                approved_at: NaiveDate::from_ymd_opt(2026, 2, 2)
                    .and_then(|d| d.and_hms_opt(3, 4, 5)),
                approved_by: Some("lanh.dao".to_owned()),
                values: vec![
                    value(
                        "NQ57-1",
                        ReportedValue::Ratio {
                            numerator: 30.0,
                            denominator: 40.0,
                        },
                        Some("Theo báo cáo tháng"),
                    ),
                    value(
                        "NQ57-4",
                        ReportedValue::Status {
                            achieved: true,
                            label: Some("Đạt".to_owned()),
                        },
                        None,
                    ),
                    value("NQ57-12", ReportedValue::Number(9.0), None),
                    value(
                        "NQ57-19",
                        ReportedValue::Text("Đã triển khai <b>2</b> chợ".to_owned()),
                        None,
                    ),
                ],
                outline: vec![
                    OutlineRow {
                        code: "I".to_owned(),
                        name: "Công tác lãnh đạo".to_owned(),
                        parent: None,
                        order: 1,
                        html: String::new(),
                    },
                    OutlineRow {
                        code: "I.1".to_owned(),
                        name: "Lãnh đạo, chỉ đạo".to_owned(),
                        parent: Some("I".to_owned()),
                        order: 1,
                        html: "<p>Đã ban hành <b>3</b> văn bản</p>".to_owned(),
                    },
                ],
            },
        }
    }
}
