//! Reading entries: one by id, or a page filtered by state and target.

use diesel::prelude::*;

use super::entry::{EntryState, OUTBOX_COLUMNS, OutboxEntry, OutboxRow, entries_from_rows};
use crate::StoreError;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::sync_outbox;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub state: Option<EntryState>,
    pub target_code: Option<String>,
    pub report_id: Option<i64>,
    /// Only this subscription's webhook deliveries; without it, only report deliveries.
    pub webhook_id: Option<i64>,
}

pub fn find_entry(conn: &mut Db, entry_id: i64) -> Result<OutboxEntry, StoreError> {
    let row: OutboxRow = sync_outbox::table
        .find(entry_id)
        .select(OUTBOX_COLUMNS)
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading an outbox entry"))?
        .ok_or_else(|| StoreError::not_found("outbox entry", entry_id.to_string()))?;
    OutboxEntry::try_from(row)
}

/// Entries matching the filter, oldest first.
pub fn list_entries(
    conn: &mut Db,
    filter: &EntryFilter,
    request: PageRequest,
) -> Result<Page<OutboxEntry>, StoreError> {
    let filtered = || {
        let mut query = sync_outbox::table.into_boxed();
        if let Some(state) = filter.state {
            query = query.filter(sync_outbox::state.eq(state.as_db_str()));
        }
        if let Some(target) = &filter.target_code {
            query = query.filter(sync_outbox::target_code.eq(target.clone()));
        }
        query = match filter.webhook_id {
            Some(webhook) => query.filter(sync_outbox::webhook_id.eq(webhook)),
            None => query.filter(sync_outbox::webhook_id.is_null()),
        };
        if let Some(report_id) = filter.report_id {
            query = query.filter(sync_outbox::report_id.eq(report_id));
        }
        query
    };
    let total: i64 = filtered()
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting outbox entries"))?;
    let rows: Vec<OutboxRow> = filtered()
        .select(OUTBOX_COLUMNS)
        .order(sync_outbox::id)
        .offset(request.offset())
        .limit(request.limit())
        .load(conn)
        .map_err(StoreError::database("listing outbox entries"))?;
    Ok(Page {
        items: entries_from_rows(rows)?,
        request,
        total,
    })
}
