//! The answer: DHIS2's import summary.

use chitieu_schema::reports::{Conflict, ImportStatus, ImportSummary};
use serde::Serialize;
use utoipa::ToSchema;

/// What an import did. Counts are of values (a ratio sent as two rows is one value); every
/// value is counted once, in `importCount` or as a conflict.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "responseType": "ImportSummary", "status": "WARNING", "dryRun": false,
    "description": "Imported 2, updated 0, unchanged 0, ignored 0, deleted 0; 1 conflict(s)",
    "importCount": {"imported": 2, "updated": 0, "unchanged": 0, "ignored": 0, "deleted": 0},
    "conflicts": [{"index": 2, "object": "value", "value": "-1",
        "reason": "NQ57-THAITAN-12: a count must be a whole number ≥ 0, not -1"}]
}))]
pub struct ImportSummaryView {
    /// Always `ImportSummary`.
    pub response_type: &'static str,
    /// `SUCCESS`: no conflict; `WARNING`: some values rejected, the others taken; `ERROR`:
    /// nothing taken (every value rejected, or `atomicMode=ALL` met a conflict).
    #[schema(example = "SUCCESS")]
    pub status: &'static str,
    /// Whether this was a dry run (nothing stored).
    pub dry_run: bool,
    pub description: String,
    pub import_count: ImportCountView,
    /// Rejected rows, in index order.
    pub conflicts: Vec<ConflictView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportCountView {
    /// Values created.
    pub imported: u64,
    /// Stored values changed.
    pub updated: u64,
    /// Stored values sent again as they are (value and comment).
    pub unchanged: u64,
    /// Values not acted on by the strategy (`CREATE` of a stored value, `UPDATE` or `DELETE`
    /// of one not stored), and the valid values of an import refused by `atomicMode=ALL`.
    pub ignored: u64,
    pub deleted: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConflictView {
    /// The row's position in `dataValues` (JSON) or among the CSV data rows (the header row
    /// and blank lines not counted), from 0. A ratio's problem is at its first row.
    pub index: usize,
    /// The field the conflict is about: `orgUnit`, `dataElement`, `period`, `value`,
    /// `categoryOptionCombo`, `attributeOptionCombo` or `comment`.
    pub object: String,
    /// That field's value as sent.
    pub value: String,
    pub reason: String,
}

impl ImportSummaryView {
    pub fn new(summary: ImportSummary, dry_run: bool) -> Self {
        let status = match summary.status() {
            ImportStatus::Success => "SUCCESS",
            ImportStatus::Warning => "WARNING",
            ImportStatus::Error => "ERROR",
        };
        let c = summary.count;
        let description = if summary.rejected_atomically {
            format!(
                "Nothing was imported (atomicMode=ALL): {} conflict(s)",
                summary.conflicts.len()
            )
        } else {
            format!(
                "Imported {}, updated {}, unchanged {}, ignored {}, deleted {}; {} conflict(s)",
                c.imported,
                c.updated,
                c.unchanged,
                c.ignored,
                c.deleted,
                summary.conflicts.len()
            )
        };
        Self {
            response_type: "ImportSummary",
            status,
            dry_run,
            description,
            import_count: ImportCountView {
                imported: c.imported,
                updated: c.updated,
                unchanged: c.unchanged,
                ignored: c.ignored,
                deleted: c.deleted,
            },
            conflicts: summary
                .conflicts
                .into_iter()
                .map(ConflictView::from)
                .collect(),
        }
    }
}

impl From<Conflict> for ConflictView {
    fn from(c: Conflict) -> Self {
        Self {
            index: c.index,
            object: c.object,
            value: c.value,
            reason: c.reason,
        }
    }
}
