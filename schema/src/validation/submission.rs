//! Rules at submission: a blocking violation refuses it; a violated warning must be named in
//! `acknowledgedWarnings`, and the acknowledgement is stored on the report with both sides'
//! values. Runs inside the submission's transaction, so what was judged is what is submitted.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::judge::{judge_report, violations};
use super::rule::{Importance, Judgement};
use crate::db::Db;
use crate::schema::report_acknowledged_warnings as acks;
use crate::{StoreError, now_utc};

/// What the submitter says about the warnings the report violates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    /// Codes of the warnings the submitter has read and stands by.
    pub acknowledged_warnings: Vec<String>,
    /// Why the values stand, kept with each acknowledgement.
    pub comment: Option<String>,
}

/// A warning acknowledged on submission, kept on the report.
#[derive(Debug, Clone, PartialEq)]
pub struct AcknowledgedWarning {
    pub rule_code: String,
    pub left_value: Option<f64>,
    pub right_value: Option<f64>,
    pub comment: Option<String>,
    pub acknowledged_at: NaiveDateTime,
    pub acknowledged_by: String,
}

/// Judges the report; refuses with [`StoreError::RulesViolated`] (listing the blocking
/// violations and the warnings not acknowledged) or stores the acknowledgements, replacing
/// those of an earlier submission, and returns the acknowledged warnings.
pub fn check_submission(
    conn: &mut Db,
    report_id: i64,
    plan_id: i64,
    submission: &Submission,
    actor: &str,
) -> Result<Vec<Judgement>, StoreError> {
    let violated = violations(judge_report(conn, report_id, plan_id)?);
    let acknowledged = |j: &Judgement| {
        j.rule.importance == Importance::Warning
            && submission.acknowledged_warnings.contains(&j.rule.code)
    };
    let (accepted, refused): (Vec<Judgement>, Vec<Judgement>) =
        violated.into_iter().partition(|j| acknowledged(j));
    if !refused.is_empty() {
        let blocking = refused
            .iter()
            .filter(|j| j.rule.importance == Importance::Blocking)
            .count();
        let codes: Vec<&str> = refused.iter().map(|j| j.rule.code.as_str()).collect();
        return Err(StoreError::RulesViolated {
            detail: format!(
                "the report violates validation rules: {} ({blocking} blocking, {} warnings not \
                 acknowledged); correct the values, or acknowledge the warnings in \
                 acknowledgedWarnings",
                codes.join(", "),
                refused.len() - blocking
            ),
            violations: refused,
        });
    }
    diesel::delete(acks::table.filter(acks::report_id.eq(report_id)))
        .execute(conn)
        .map_err(StoreError::database("replacing acknowledged warnings"))?;
    let now = now_utc();
    for judgement in &accepted {
        diesel::insert_into(acks::table)
            .values((
                acks::report_id.eq(report_id),
                acks::rule_code.eq(&judgement.rule.code),
                acks::left_value.eq(judgement.left.value()),
                acks::right_value.eq(judgement.right.value()),
                acks::comment.eq(&submission.comment),
                acks::acknowledged_at.eq(now),
                acks::acknowledged_by.eq(actor),
            ))
            .execute(conn)
            .map_err(StoreError::database("storing an acknowledged warning"))?;
    }
    Ok(accepted)
}

type AckRow = (
    String,
    Option<f64>,
    Option<f64>,
    Option<String>,
    NaiveDateTime,
    String,
);

/// The warnings acknowledged at the report's last submission, in rule-code order.
pub fn acknowledged_warnings(
    conn: &mut Db,
    report_id: i64,
) -> Result<Vec<AcknowledgedWarning>, StoreError> {
    let rows: Vec<AckRow> = acks::table
        .filter(acks::report_id.eq(report_id))
        .order(acks::rule_code)
        .select((
            acks::rule_code,
            acks::left_value,
            acks::right_value,
            acks::comment,
            acks::acknowledged_at,
            acks::acknowledged_by,
        ))
        .load(conn)
        .map_err(StoreError::database("reading acknowledged warnings"))?;
    Ok(rows
        .into_iter()
        .map(
            |(rule_code, left_value, right_value, comment, at, by)| AcknowledgedWarning {
                rule_code,
                left_value,
                right_value,
                comment,
                acknowledged_at: at,
                acknowledged_by: by,
            },
        )
        .collect())
}

/// How a judged violation reads in the audit trail: `#{A} = 120 ≤ #{T} = 100`.
pub fn describe(judgement: &Judgement) -> String {
    let side = |expression: &str, value: Option<f64>| match value {
        Some(v) => format!("{expression} = {v}"),
        None => format!("{expression} (không có giá trị)"),
    };
    format!(
        "{} {} {}",
        side(judgement.rule.left.as_str(), judgement.left.value()),
        judgement.rule.operator.symbol(),
        side(judgement.rule.right.as_str(), judgement.right.value())
    )
}
