use diesel::dsl::max;
use diesel::prelude::*;

use super::inputs::NewIndicator;
use super::lookup::{
    catalog_by_code, catalog_code_of, indicator_by_code, indicator_by_number, indicator_record,
    indicators_numbered,
};
use super::placement::{named_parent, named_section, section_mismatch};
use super::records::Indicator;
use crate::db::Db;
use crate::schema::indicators;
use crate::{StoreError, now_utc};

/// Adds an indicator to a catalog; its number is unique within its section. Without a parent
/// code, a sub-item (7.1) goes under the item numbered like its parent number (7) in its
/// section when the catalog has it; without a section code, a
/// sub-item takes its parent's section.
pub fn create_indicator(conn: &mut Db, new: NewIndicator) -> Result<Indicator, StoreError> {
    conn.write_transaction(|conn| {
        let catalog = catalog_by_code(conn, new.catalog.as_str())?.ok_or_else(|| {
            StoreError::rejected(
                "catalogCode",
                crate::messages::Message::new("catalog-no-catalog")
                    .arg("code", new.catalog.as_str()),
            )
        })?;
        let code = new.code.as_str();
        let number = new.number.as_str();
        if let Some(taken) = indicator_by_code(conn, code)? {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-indicator-code-taken")
                    .arg("code", code)
                    .arg("number", &taken.number)
                    .arg("catalog", catalog_code_of(conn, taken.catalog_id)?),
            ));
        }
        let section = match &new.section {
            Some(code) => Some(named_section(conn, &catalog, code)?),
            None => None,
        };
        let parent = match (&new.parent, new.number.parent()) {
            (Some(code), _) => Some(named_parent(conn, &catalog, code)?),
            // The item numbered like the parent number in the same section, else the only
            // one so numbered in the catalog (in another section, it is refused below).
            (None, Some(parent_number)) => {
                let in_section = match &section {
                    Some(section) => indicator_by_number(
                        conn,
                        catalog.id,
                        Some(section.id),
                        parent_number.as_str(),
                    )?,
                    None => None,
                };
                match in_section {
                    Some(parent) => Some(parent),
                    None => {
                        let mut found =
                            indicators_numbered(conn, catalog.id, parent_number.as_str())?;
                        if found.len() == 1 { found.pop() } else { None }
                    }
                }
            }
            (None, None) => None,
        };
        let section_id = match (&parent, &section) {
            (Some(parent), Some(section)) if parent.section_id != Some(section.id) => {
                return Err(section_mismatch(conn, "parentCode", parent, Some(section)));
            }
            (Some(parent), None) => parent.section_id,
            (_, section) => section.as_ref().map(|s| s.id),
        };
        if let Some(taken) = indicator_by_number(conn, catalog.id, section_id, number)? {
            let place = match &section {
                Some(s) => {
                    crate::messages::Message::new("catalog-place-section").arg("code", &s.code)
                }
                None => crate::messages::Message::new("catalog-place-outside-sections"),
            };
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-number-taken")
                    .arg("number", number)
                    .message("place", place)
                    .arg("catalog", &catalog.code)
                    .arg("indicator", &taken.code),
            ));
        }
        let position = match new.position {
            Some(position) => position.get(),
            None => {
                let last: Option<i32> = indicators::table
                    .filter(indicators::catalog_id.eq(catalog.id))
                    .select(max(indicators::position))
                    .first(conn)
                    .map_err(StoreError::database("finding the last position"))?;
                last.map_or(1, |p| p + 1)
            }
        };
        let now = now_utc();
        let id: i64 = diesel::insert_into(indicators::table)
            .values((
                indicators::catalog_id.eq(catalog.id),
                indicators::section_id.eq(section_id),
                indicators::parent_id.eq(parent.as_ref().map(|p| p.id)),
                indicators::code.eq(code),
                indicators::number.eq(number),
                indicators::name.eq(new.name.as_str()),
                indicators::name_key.eq(new.name.key()),
                indicators::unit_of_measure.eq(new.unit_of_measure.map(|u| u.into_string())),
                indicators::value_kind.eq(new.measure.value_kind().as_db_str()),
                indicators::direction.eq(new.measure.direction().as_db_str()),
                indicators::aggregation.eq(new.measure.aggregation().as_db_str()),
                indicators::decimals.eq(new.precision.map(|p| p.get())),
                indicators::period_aggregation.eq(new.measure.period_aggregation().as_db_str()),
                indicators::position.eq(position),
                indicators::description.eq(new.description.into_option()),
                indicators::version.eq(1),
                indicators::created_at.eq(now),
                indicators::updated_at.eq(now),
            ))
            .returning(indicators::id)
            .get_result(conn)
            .map_err(StoreError::database("creating an indicator"))?;
        indicator_record(conn, id)
    })
}
