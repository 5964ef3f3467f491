use diesel::prelude::*;

use super::EventKind;
use crate::StoreError;
use crate::accounts::Origin;
use crate::db::Db;
use crate::schema::access_events;

/// An event to record; `subject` is a username or an API key prefix, never a secret.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub kind: EventKind,
    pub subject: &'a str,
    pub origin: &'a Origin,
    pub detail: Option<&'a str>,
}

/// Appends an event; call it inside the transaction of the change it records.
pub fn record(conn: &mut Db, event: NewEvent<'_>) -> Result<(), StoreError> {
    // Subjects of failed sign-ins come from the request: keep them short in the log.
    let subject: String = event.subject.chars().take(128).collect();
    diesel::insert_into(access_events::table)
        .values((
            access_events::at.eq(crate::now_utc()),
            access_events::kind.eq(event.kind.as_str()),
            access_events::subject.eq(subject),
            access_events::client_ip.eq(event.origin.client_ip.as_deref()),
            access_events::request_id.eq(event.origin.request_id.as_deref()),
            access_events::detail.eq(event.detail),
        ))
        .execute(conn)
        .map(|_| ())
        .map_err(StoreError::database("recording an access event"))
}
