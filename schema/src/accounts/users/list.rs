use diesel::prelude::*;

use super::{COLUMNS, Row, User, from_row};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::{org_units, users};

/// Users ordered by username; with `scope`, only those whose home unit lies in it (which
/// leaves out administrators without a home unit).
pub fn list(
    conn: &mut Db,
    scope: Option<&SubtreeRange>,
    request: PageRequest,
) -> Result<Page<User>, StoreError> {
    let query = || {
        let mut query = users::table
            .left_join(org_units::table)
            .select(COLUMNS)
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
        .map_err(StoreError::database("counting users"))?;
    let rows = query()
        .order(users::username.asc())
        .offset(request.offset())
        .limit(request.limit())
        .load::<Row>(conn)
        .map_err(StoreError::database("listing users"))?;
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
