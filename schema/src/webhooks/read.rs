use diesel::prelude::*;

use super::record::{WEBHOOK_COLUMNS, Webhook, WebhookRow, WebhookSecrets};
use super::secret::Secret;
use crate::db::Db;
use crate::org_units::path;
use crate::pagination::{Page, PageRequest};
use crate::schema::webhooks;
use crate::{StoreError, now_utc};

pub fn find(conn: &mut Db, id: i64) -> Result<Webhook, StoreError> {
    webhooks::table
        .find(id)
        .select(WEBHOOK_COLUMNS)
        .first::<WebhookRow>(conn)
        .optional()
        .map_err(StoreError::database("reading a webhook subscription"))?
        .map(Webhook::from)
        .ok_or_else(|| StoreError::not_found("webhook", id.to_string()))
}

/// Subscriptions whose unit is in the subtree at `root_path` (every one when `None`), by id.
pub fn list(
    conn: &mut Db,
    root_path: Option<&str>,
    request: PageRequest,
) -> Result<Page<Webhook>, StoreError> {
    let filtered = || {
        let mut query = webhooks::table.into_boxed();
        if let Some(root) = root_path {
            query = query
                .filter(webhooks::unit_path.ge(root.to_owned()))
                .filter(webhooks::unit_path.lt(path::upper_bound(root)));
        }
        query
    };
    let total: i64 = filtered()
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting webhook subscriptions"))?;
    let rows: Vec<WebhookRow> = filtered()
        .select(WEBHOOK_COLUMNS)
        .order(webhooks::id)
        .offset(request.offset())
        .limit(request.limit())
        .load(conn)
        .map_err(StoreError::database("listing webhook subscriptions"))?;
    Ok(Page {
        items: rows.into_iter().map(Webhook::from).collect(),
        request,
        total,
    })
}

/// The URL and the secrets that sign a delivery now; `None` when the subscription is gone.
pub fn secrets(conn: &mut Db, id: i64) -> Result<Option<WebhookSecrets>, StoreError> {
    type Row = (
        String,
        bool,
        String,
        Option<String>,
        Option<chrono::NaiveDateTime>,
    );
    let row: Option<Row> = webhooks::table
        .find(id)
        .select((
            webhooks::url,
            webhooks::enabled,
            webhooks::secret,
            webhooks::previous_secret,
            webhooks::previous_secret_until,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a webhook's secrets"))?;
    let now = now_utc();
    Ok(
        row.map(|(url, enabled, current, previous, until)| WebhookSecrets {
            url,
            enabled,
            current: Secret::stored(current),
            previous: previous
                .filter(|_| until.is_some_and(|until| until > now))
                .map(Secret::stored),
        }),
    )
}
