//! Our documented JSON for theodoinq (`docs/THEODOINQ.md`): one document per unit, plan and
//! period, with the KPI values and the narrative outline rows of the approved report.

use chitieu_schema::audit::Checkpoint;
use chitieu_schema::domain::{Period, ReportedValue};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::PayloadError;
use crate::delivery::{DeliveredValue, Delivery};
use crate::target::CodeMapping;

pub const PATH: &str = "/api/v1/submissions";
pub const SCHEMA: &str = "chitieu.theodoinq/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub schema: String,
    pub unit: CodeRef,
    pub plan: CodeRef,
    /// DHIS2 period identifier: `202601`, `2026Q1`, `2026S1`, `2026`.
    pub period: String,
    /// The same period as an ISO 8601 interval (`2026-01-01/P1M`).
    pub period_iso: String,
    /// The approved version; a correction approved later carries a higher one.
    pub version: i32,
    pub approved_at: Option<String>,
    pub approved_by: Option<String>,
    pub kpis: Vec<Kpi>,
    pub outline: Vec<OutlineEntry>,
    /// A signed checkpoint of our audit chain's head when the submission was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_checkpoint: Option<AuditCheckpoint>,
}

/// The audit chain's head, signed with our audit key: `line` is the line of our checkpoint
/// file (`chitieu audit verify` checks every line of the file named by
/// `CHITIEU_AUDIT_CHECKPOINT_FILE`); the other members repeat its
/// parts for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheckpoint {
    pub entries: i64,
    pub last_id: i64,
    pub head: String,
    pub at: String,
    pub line: String,
}

impl AuditCheckpoint {
    pub fn new(checkpoint: &Checkpoint) -> Self {
        Self {
            entries: checkpoint.entries,
            last_id: checkpoint.last_id,
            head: checkpoint.head.clone(),
            at: checkpoint
                .at
                .and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            line: checkpoint.to_line(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRef {
    pub code: String,
}

/// One indicator's value. `value` is the number of a count, decimal, rank, score or a percent
/// entered directly; a ratio gives its two parts instead, so the upstream can roll it up as
/// Σ numerator / Σ denominator; a status gives `achieved` (and its label), a text `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub code: String,
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineEntry {
    pub code: String,
    pub name: String,
    pub parent: Option<String>,
    pub order: i32,
    pub html: String,
}

pub fn document(delivery: &Delivery, mapping: &CodeMapping) -> Result<Document, PayloadError> {
    let report = &delivery.report;
    let period = Period::parse(&report.period).map_err(|invalid| PayloadError::Period {
        key: delivery.idempotency_key.clone(),
        period: report.period.clone(),
        reason: invalid.0,
    })?;
    Ok(Document {
        schema: SCHEMA.to_owned(),
        unit: CodeRef {
            code: mapping.unit(&report.unit_code).to_owned(),
        },
        plan: CodeRef {
            code: report.plan_code.clone(),
        },
        period: report.period.clone(),
        period_iso: period.adx(),
        version: report.version,
        approved_at: report.approved_at.map(utc_timestamp),
        approved_by: report.approved_by.clone(),
        kpis: report.values.iter().map(|v| kpi(v, mapping)).collect(),
        outline: report
            .outline
            .iter()
            .map(|row| OutlineEntry {
                code: row.code.clone(),
                name: row.name.clone(),
                parent: row.parent.clone(),
                order: row.order,
                html: row.html.clone(),
            })
            .collect(),
        audit_checkpoint: delivery.audit_checkpoint.as_ref().map(AuditCheckpoint::new),
    })
}

/// Stored times are UTC without an offset; the upstream gets them with one.
fn utc_timestamp(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn kpi(delivered: &DeliveredValue, mapping: &CodeMapping) -> Kpi {
    let mut kpi = Kpi {
        code: mapping.indicator(&delivered.indicator_code).to_owned(),
        value: None,
        numerator: None,
        denominator: None,
        achieved: None,
        label: None,
        text: None,
        comment: delivered.comment.clone(),
    };
    match &delivered.value {
        ReportedValue::Number(n) => kpi.value = Some(*n),
        ReportedValue::Ratio {
            numerator,
            denominator,
        } => {
            kpi.numerator = Some(*numerator);
            kpi.denominator = Some(*denominator);
        }
        ReportedValue::Status { achieved, label } => {
            kpi.achieved = Some(*achieved);
            kpi.label = label.clone();
        }
        ReportedValue::Text(text) => kpi.text = Some(text.clone()),
    }
    kpi
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::payload::tests::{delivery, mapping};

    fn rendered() -> Value {
        serde_json::to_value(document(&delivery(), &mapping()).unwrap()).unwrap()
    }

    #[test]
    fn the_document_names_unit_plan_and_period_with_mapped_codes() {
        let doc = rendered();
        assert_eq!(doc["schema"], "chitieu.theodoinq/1");
        assert_eq!(doc["unit"], json!({"code": "VN-31001"}));
        assert_eq!(doc["plan"], json!({"code": "KH-57-2026"}));
        assert_eq!(doc["period"], "202601");
        assert_eq!(doc["periodIso"], "2026-01-01/P1M");
        assert_eq!(doc["version"], 3);
        assert_eq!(doc["approvedAt"], "2026-02-02T03:04:05Z");
        assert_eq!(doc["approvedBy"], "lanh.dao");
    }

    #[test]
    fn kpi_codes_are_mapped_and_unmapped_codes_go_as_they_are() {
        let doc = rendered();
        let codes: Vec<&str> = doc["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["TD-COVERAGE", "NQ57-4", "NQ57-12", "NQ57-19"]);
    }

    #[test]
    fn each_kind_of_value_has_its_own_fields() {
        let doc = rendered();
        assert_eq!(
            doc["kpis"],
            json!([
                {"code": "TD-COVERAGE", "value": null, "numerator": 30.0, "denominator": 40.0,
                    "comment": "Theo báo cáo tháng"},
                {"code": "NQ57-4", "value": null, "achieved": true, "label": "Đạt"},
                {"code": "NQ57-12", "value": 9.0},
                {"code": "NQ57-19", "value": null, "text": "Đã triển khai <b>2</b> chợ"},
            ])
        );
    }

    #[test]
    fn outline_rows_keep_their_tree_and_html() {
        let doc = rendered();
        assert_eq!(
            doc["outline"][1],
            json!({"code": "I.1", "name": "Lãnh đạo, chỉ đạo", "parent": "I", "order": 1,
                "html": "<p>Đã ban hành <b>3</b> văn bản</p>"})
        );
    }

    #[test]
    fn a_period_that_is_not_one_is_refused_before_sending() {
        let mut bad = delivery();
        bad.report.period = "2026-13".into();
        assert!(matches!(
            document(&bad, &mapping()),
            Err(PayloadError::Period { .. })
        ));
    }
}
