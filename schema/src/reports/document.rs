//! What the administrative document made from a report needs beyond the report itself: its
//! number and symbol, issuing body, place and date, summary line, signer and recipients. Stored
//! on the report when someone gives them; whatever is absent is defaulted at rendering.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::key::{Actor, ReportKey};
use crate::StoreError;
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::schema::report_documents;
use crate::{now_utc, schema::org_units};

/// The document's own particulars; `None` means "not given, use the default".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentDetails {
    /// What follows "Số:", e.g. `11/BC-HĐND` or, for a Party body, `15-BC/ĐU`.
    pub document_number: Option<String>,
    /// The body above the issuing one (`HĐND XÃ NGHI DƯƠNG`), upright in the header.
    pub superior_body: Option<String>,
    /// The issuing body, bold in the header; lines separated by `\n`.
    pub issuing_body: Option<String>,
    pub place: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// The summary line (trích yếu) under "BÁO CÁO".
    pub summary: Option<String>,
    /// The signer's authority above the title: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub signer_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer_name: Option<String>,
    pub recipients: Option<Vec<String>>,
}

type DetailsRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The stored particulars of a report's document (all `None` when none were given).
pub fn document_details(conn: &mut Db, key: &ReportKey) -> Result<DocumentDetails, StoreError> {
    let located = super::context::locate(conn, key)?;
    let row: Option<DetailsRow> = report_documents::table
        .find(located.row.id)
        .select((
            report_documents::document_number,
            report_documents::superior_body,
            report_documents::issuing_body,
            report_documents::place,
            report_documents::issued_on,
            report_documents::summary,
            report_documents::signer_authority,
            report_documents::signer_title,
            report_documents::signer_name,
            report_documents::recipients,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a report's document details"))?;
    let Some(row) = row else {
        return Ok(DocumentDetails::default());
    };
    let recipients = row
        .9
        .map(|json| {
            serde_json::from_str::<Vec<String>>(&json).map_err(|e| StoreError::Conflict {
                detail: format!("stored recipients are not a list of text: {e}").into(),
            })
        })
        .transpose()?;
    Ok(DocumentDetails {
        document_number: row.0,
        superior_body: row.1,
        issuing_body: row.2,
        place: row.3,
        issued_on: row.4,
        summary: row.5,
        signer_authority: row.6,
        signer_title: row.7,
        signer_name: row.8,
        recipients,
    })
}

/// Replaces the stored particulars, with one audit entry, in one transaction. The report's
/// content and version are untouched: numbering and signing happen after approval too.
pub fn set_document_details(
    conn: &mut Db,
    key: &ReportKey,
    details: &DocumentDetails,
    actor: &Actor,
) -> Result<DocumentDetails, StoreError> {
    conn.transaction(|conn| {
        audit::lock_chain(conn)?;
        let located = super::context::locate(conn, key)?;
        let before = document_details(conn, key)?;
        let recipients = details
            .recipients
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Conflict {
                detail: format!("recipients could not be stored: {e}").into(),
            })?;
        diesel::delete(report_documents::table.find(located.row.id))
            .execute(conn)
            .map_err(StoreError::database(
                "replacing a report's document details",
            ))?;
        diesel::insert_into(report_documents::table)
            .values((
                report_documents::report_id.eq(located.row.id),
                report_documents::document_number.eq(&details.document_number),
                report_documents::superior_body.eq(&details.superior_body),
                report_documents::issuing_body.eq(&details.issuing_body),
                report_documents::place.eq(&details.place),
                report_documents::issued_on.eq(details.issued_on),
                report_documents::summary.eq(&details.summary),
                report_documents::signer_authority.eq(&details.signer_authority),
                report_documents::signer_title.eq(&details.signer_title),
                report_documents::signer_name.eq(&details.signer_name),
                report_documents::recipients.eq(recipients),
                report_documents::updated_at.eq(now_utc()),
                report_documents::updated_by.eq(&actor.subject),
            ))
            .execute(conn)
            .map_err(StoreError::database("storing a report's document details"))?;
        if before != *details {
            audit::append(
                conn,
                &[NewAuditEntry {
                    actor: actor.subject.clone(),
                    request_id: actor.request_id.clone(),
                    action: "document_details_set",
                    unit_code: located.unit.code.clone(),
                    plan_code: located.plan.code.clone(),
                    period: located.row.period.clone(),
                    indicator_code: None,
                    old_value: Some(format!("{before:?}")),
                    new_value: Some(format!("{details:?}")),
                    reason: None,
                }],
            )?;
        }
        document_details(conn, key)
    })
}

/// A unit's name and the name of its parent, for the document's default header and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitNames {
    pub name: String,
    pub kind: String,
    pub parent_name: Option<String>,
}

pub fn unit_names(conn: &mut Db, code: &str) -> Result<UnitNames, StoreError> {
    let (name, kind, parent_id): (String, String, Option<i64>) = org_units::table
        .filter(org_units::code.eq(code))
        .select((org_units::name, org_units::kind, org_units::parent_id))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading an organisation unit"))?
        .ok_or_else(|| StoreError::not_found("organisation unit", code))?;
    let parent_name = match parent_id {
        Some(id) => Some(
            org_units::table
                .find(id)
                .select(org_units::name)
                .first::<String>(conn)
                .map_err(StoreError::database("reading a parent unit"))?,
        ),
        None => None,
    };
    Ok(UnitNames {
        name,
        kind,
        parent_name,
    })
}
