use diesel::prelude::*;

use super::{ApiKey, Row, from_row, key_columns};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::{api_keys, org_units, users};

/// Keys, newest first; with `scope`, only those whose home unit lies in it.
pub fn list(
    conn: &mut Db,
    scope: Option<&SubtreeRange>,
    request: PageRequest,
) -> Result<Page<ApiKey>, StoreError> {
    let query = || {
        let mut query = api_keys::table
            .inner_join(users::table)
            .left_join(org_units::table.on(api_keys::home_unit_id.eq(org_units::id.nullable())))
            .select(key_columns!())
            .into_boxed();
        if let Some(range) = scope {
            query = query
                .filter(org_units::path.ge(range.lower().to_owned()))
                .filter(org_units::path.lt(range.upper().to_owned()));
        }
        query
    };
    let total = query()
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting API keys"))?;
    let rows = query()
        .order((api_keys::created_at.desc(), api_keys::id.desc()))
        .offset(request.offset())
        .limit(request.limit())
        .load::<Row>(conn)
        .map_err(StoreError::database("listing API keys"))?;
    let items = rows
        .into_iter()
        .map(|row| from_row(conn, row))
        .collect::<Result<_, _>>()?;
    Ok(Page {
        items,
        request,
        total,
    })
}
