//! The workflow: submit (draft|returned → submitted), return (submitted → returned), approve
//! (submitted → approved) and reopen (approved → returned). Each needs the caller's version,
//! records who and when, and appends an audit entry in the same transaction.

use diesel::prelude::*;

use super::approve::check_children_approved;
use super::context::locate;
use super::key::{Actor, ReportKey};
use super::record::{Report, bump_version, reread};
use super::state::ReportState;
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::events::{self, NewEvent};
use crate::schema::reports;
use crate::sync;
use crate::validation::{self, Submission};
use crate::{StoreError, now_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    /// Judged by the plan's validation rules first; see [`crate::validation::check_submission`].
    Submit(Submission),
    /// Back to the reporter, with the reason (required).
    Return { reason: String },
    /// With a reason when approving although reports of child units are missing or unapproved.
    Approve { override_reason: Option<String> },
    /// An approved report goes back to the reporter, explicitly, with the reason.
    Reopen { reason: String },
}

impl Transition {
    fn allowed_from(&self) -> &'static [ReportState] {
        match self {
            Transition::Submit(_) => &[ReportState::Draft, ReportState::Returned],
            Transition::Return { .. } | Transition::Approve { .. } => &[ReportState::Submitted],
            Transition::Reopen { .. } => &[ReportState::Approved],
        }
    }

    fn target(&self) -> ReportState {
        match self {
            Transition::Submit(_) => ReportState::Submitted,
            Transition::Return { .. } | Transition::Reopen { .. } => ReportState::Returned,
            Transition::Approve { .. } => ReportState::Approved,
        }
    }

    fn event_kind(&self) -> &'static str {
        match self {
            Transition::Submit(_) => events::REPORT_SUBMITTED,
            Transition::Return { .. } => events::REPORT_RETURNED,
            Transition::Approve { .. } => events::REPORT_APPROVED,
            Transition::Reopen { .. } => events::REPORT_REOPENED,
        }
    }

    /// The audit log's word for the transition.
    fn action(&self) -> &'static str {
        match self {
            Transition::Submit(_) => "submitted",
            Transition::Return { .. } => "returned",
            Transition::Approve { .. } => "approved",
            Transition::Reopen { .. } => "reopened",
        }
    }

    /// What the transition does, as in "can be …", in the reader's language.
    fn verb(&self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            Transition::Submit(_) => "report-verb-submitted",
            Transition::Return { .. } => "report-verb-returned",
            Transition::Approve { .. } => "report-verb-approved",
            Transition::Reopen { .. } => "report-verb-reopened",
        })
    }
}

pub fn transition(
    conn: &mut Db,
    key: &ReportKey,
    expected_version: Option<i32>,
    transition: Transition,
    actor: &Actor,
) -> Result<Report, StoreError> {
    conn.transaction(|conn| {
        audit::lock_chain(conn)?;
        let located = locate(conn, key)?;
        if let Some(expected) = expected_version.filter(|v| *v != located.row.version) {
            return Err(StoreError::VersionMismatch {
                expected,
                current: located.row.version,
            });
        }
        let current = located.row.state()?;
        let allowed = transition.allowed_from();
        if !allowed.contains(&current) {
            let from = match allowed {
                [one] => one.message(),
                [first, second, ..] => crate::messages::Message::new("either-or")
                    .message("first", first.message())
                    .message("second", second.message()),
                [] => unreachable!("every transition starts from some state"),
            };
            return Err(StoreError::conflict(
                crate::messages::Message::new("report-transition-refused")
                    .message("current", current.message())
                    .message("from", from)
                    .message("verb", transition.verb()),
            ));
        }
        let now = now_utc();
        let id = located.row.id;
        let target = transition.target().as_db_str();
        let mut acknowledged = Vec::new();
        let (reason, override_reason) = match &transition {
            Transition::Submit(submission) => {
                acknowledged = validation::check_submission(
                    conn,
                    id,
                    located.plan.id,
                    submission,
                    &actor.subject,
                )?;
                let late = located.row.due_at.is_some_and(|due| now >= due);
                diesel::update(reports::table.find(id))
                    .set((
                        reports::state.eq(target),
                        reports::state_reason.eq(None::<String>),
                        reports::submitted_at.eq(now),
                        reports::submitted_by.eq(&actor.subject),
                        reports::late.eq(late),
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("submitting a report"))?;
                (late.then(|| "late".to_owned()), None)
            }
            Transition::Return { reason } | Transition::Reopen { reason } => {
                diesel::update(reports::table.find(id))
                    .set((
                        reports::state.eq(target),
                        reports::state_reason.eq(reason),
                        reports::approved_at.eq(None::<chrono::NaiveDateTime>),
                        reports::approved_by.eq(None::<String>),
                        reports::approval_override.eq(None::<String>),
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("returning a report"))?;
                (Some(reason.clone()), None)
            }
            Transition::Approve { override_reason } => {
                check_children_approved(conn, &located, override_reason.as_deref())?;
                diesel::update(reports::table.find(id))
                    .set((
                        reports::state.eq(target),
                        reports::state_reason.eq(None::<String>),
                        reports::approved_at.eq(now),
                        reports::approved_by.eq(&actor.subject),
                        reports::approval_override.eq(override_reason),
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("approving a report"))?;
                (override_reason.clone(), override_reason.clone())
            }
        };
        let version = bump_version(conn, &located.row, expected_version)?;
        // The outbox entries are written with the approval, so a sync can never miss an
        // approval nor send one that was rolled back.
        match &transition {
            Transition::Approve { .. } => {
                sync::enqueue(
                    conn,
                    &sync::ApprovedVersion {
                        report_id: id,
                        unit_code: located.unit.code.clone(),
                        plan_code: located.plan.code.clone(),
                        period: located.row.period.clone(),
                        version,
                    },
                )?;
            }
            Transition::Reopen { .. } => {
                sync::supersede_unsent(conn, id)?;
            }
            Transition::Submit(_) | Transition::Return { .. } => {}
        }
        let mut entries = vec![NewAuditEntry {
            actor: actor.subject.clone(),
            request_id: actor.request_id.clone(),
            action: transition.action(),
            unit_code: located.unit.code.clone(),
            plan_code: located.plan.code.clone(),
            period: located.row.period.clone(),
            indicator_code: None,
            old_value: Some(current.as_db_str().to_owned()),
            new_value: Some(target.to_owned()),
            reason: match override_reason {
                Some(why) => Some(format!("override: {why}")),
                None => reason,
            },
        }];
        // Each acknowledged warning is its own entry, with both sides' values and the comment.
        for judgement in &acknowledged {
            entries.push(NewAuditEntry {
                actor: actor.subject.clone(),
                request_id: actor.request_id.clone(),
                action: "warning_acknowledged",
                unit_code: located.unit.code.clone(),
                plan_code: located.plan.code.clone(),
                period: located.row.period.clone(),
                indicator_code: None,
                old_value: Some(validation::describe(judgement)),
                new_value: Some(judgement.rule.code.clone()),
                reason: match &transition {
                    Transition::Submit(submission) => submission.comment.clone(),
                    _ => None,
                },
            });
        }
        audit::append(conn, &entries)?;
        events::append(
            conn,
            &NewEvent {
                kind: transition.event_kind(),
                unit_code: located.unit.code.clone(),
                unit_path: located.unit.path.clone(),
                plan_code: Some(located.plan.code.clone()),
                period: Some(located.row.period.clone()),
                data: serde_json::json!({
                    "state": target,
                    "version": version,
                    "by": actor.subject,
                    "reason": match &transition {
                        Transition::Return { reason } | Transition::Reopen { reason } => {
                            Some(reason.clone())
                        }
                        _ => None,
                    },
                }),
            },
        )?;
        reread(conn, located)
    })
}
