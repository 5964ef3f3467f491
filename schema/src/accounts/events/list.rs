use diesel::prelude::*;

use super::{AccessEvent, EventKind};
use crate::StoreError;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::access_events;

#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub subject: Option<String>,
}

type Row = (
    i64,
    chrono::NaiveDateTime,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Events matching `filter`, newest first.
pub fn list(
    conn: &mut Db,
    filter: &EventFilter,
    request: PageRequest,
) -> Result<Page<AccessEvent>, StoreError> {
    let query = || {
        let mut query = access_events::table.into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(access_events::kind.eq(kind.as_str()));
        }
        if let Some(subject) = &filter.subject {
            query = query.filter(access_events::subject.eq(subject.clone()));
        }
        query
    };
    let total = query()
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting access events"))?;
    let rows = query()
        .order((access_events::at.desc(), access_events::id.desc()))
        .offset(request.offset())
        .limit(request.limit())
        .select((
            access_events::id,
            access_events::at,
            access_events::kind,
            access_events::subject,
            access_events::client_ip,
            access_events::request_id,
            access_events::detail,
        ))
        .load::<Row>(conn)
        .map_err(StoreError::database("listing access events"))?;
    let items = rows
        .into_iter()
        .map(|(id, at, kind, subject, client_ip, request_id, detail)| {
            let kind = EventKind::parse(&kind).map_err(|e| StoreError::Conflict {
                detail: format!("a stored access event is unreadable: {e}").into(),
            })?;
            Ok(AccessEvent {
                id,
                at,
                kind,
                subject,
                client_ip,
                request_id,
                detail,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Page {
        items,
        request,
        total,
    })
}
