use diesel::prelude::*;

use super::guards::check_version;
use super::inputs::{IndicatorChanges, Measure, MeasureMisfit};
use super::lookup::{
    catalog_by_id, indicator_by_id, indicator_by_number, indicator_record, require_indicator,
    section_by_id,
};
use super::placement::{
    check_no_cycle, descendant_ids, named_parent, named_section, section_mismatch,
};
use super::records::{Indicator, IndicatorRow, SectionRow};
use crate::db::Db;
use crate::schema::indicators;
use crate::{StoreError, now_utc};

/// Changes an indicator. Moving it to another section moves its sub-indicators along, since a
/// sub-indicator sits in its parent's section; giving it a new parent without a section moves
/// it into the parent's section.
pub fn update_indicator(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    changes: IndicatorChanges,
) -> Result<Indicator, StoreError> {
    conn.write_transaction(|conn| {
        let current = require_indicator(conn, code)?;
        check_version(expected_version, current.version)?;
        let catalog = catalog_by_id(conn, current.catalog_id)?;

        let number = changes
            .number
            .map_or(current.number.clone(), |n| n.as_str().to_owned());
        let section_change: Option<Option<SectionRow>> = match &changes.section {
            None => None,
            Some(None) => Some(None),
            Some(Some(code)) => Some(Some(named_section(conn, &catalog, code)?)),
        };
        let parent_change: Option<Option<IndicatorRow>> = match &changes.parent {
            None => None,
            Some(None) => Some(None),
            Some(Some(code)) => {
                let parent = named_parent(conn, &catalog, code)?;
                check_no_cycle(conn, &current, &parent)?;
                Some(Some(parent))
            }
        };
        let section_id = match (&section_change, &parent_change) {
            (Some(section), _) => section.as_ref().map(|s| s.id),
            (None, Some(Some(parent))) => parent.section_id,
            (None, _) => current.section_id,
        };
        let parent = match parent_change {
            Some(parent) => parent.map(|p| (p, true)),
            None => match current.parent_id {
                Some(id) => Some((indicator_by_id(conn, id)?, false)),
                None => None,
            },
        };
        if let Some((parent, parent_changed)) = &parent {
            if parent.section_id != section_id {
                let field = if *parent_changed {
                    "parentCode"
                } else {
                    "sectionCode"
                };
                let section = match section_id {
                    Some(id) => Some(section_by_id(conn, id)?),
                    None => None,
                };
                return Err(section_mismatch(conn, field, parent, section.as_ref()));
            }
        }
        let parent_id = parent.map(|(p, _)| p.id);
        if number != current.number || section_id != current.section_id {
            let taken = indicator_by_number(conn, catalog.id, section_id, &number)?
                .filter(|taken| taken.id != current.id);
            if let Some(taken) = taken {
                return Err(StoreError::conflict(
                    crate::messages::Message::new("catalog-number-taken-in-its-section")
                        .arg("number", &number)
                        .arg("catalog", &catalog.code)
                        .arg("indicator", &taken.code),
                ));
            }
        }

        let measure = Measure::parse(
            changes.value_kind.unwrap_or(current.value_kind()?),
            Some(match changes.direction {
                Some(direction) => direction,
                None => current.direction()?,
            }),
            Some(changes.aggregation.unwrap_or(current.aggregation()?)),
            // Kept when not named, and checked again: a new kind may not fit the stored one.
            Some(
                changes
                    .period_aggregation
                    .unwrap_or(current.period_aggregation()?),
            ),
        )
        .map_err(first_misfit)?;

        let next = IndicatorRow {
            section_id,
            parent_id,
            number,
            name: changes
                .name
                .map_or(current.name.clone(), |n| n.into_string()),
            unit_of_measure: changes
                .unit_of_measure
                .map_or(current.unit_of_measure.clone(), |u| {
                    u.map(|u| u.into_string())
                }),
            value_kind: measure.value_kind().as_db_str().to_owned(),
            direction: measure.direction().as_db_str().to_owned(),
            aggregation: measure.aggregation().as_db_str().to_owned(),
            period_aggregation: measure.period_aggregation().as_db_str().to_owned(),
            decimals: changes
                .precision
                .map_or(current.decimals, |p| p.map(|p| p.get())),
            position: changes.position.map_or(current.position, |p| p.get()),
            description: changes
                .description
                .map_or(current.description.clone(), |d| d.into_option()),
            ..current.clone()
        };
        if next == current {
            return indicator_record(conn, current.id);
        }

        let now = now_utc();
        // Guarded by the version read, so a concurrent edit is refused rather than overwritten.
        let updated = diesel::update(
            indicators::table
                .find(current.id)
                .filter(indicators::version.eq(current.version)),
        )
        .set((
            indicators::section_id.eq(next.section_id),
            indicators::parent_id.eq(next.parent_id),
            indicators::number.eq(&next.number),
            indicators::name.eq(&next.name),
            indicators::name_key.eq(crate::domain::name_key(&next.name)),
            indicators::unit_of_measure.eq(&next.unit_of_measure),
            indicators::value_kind.eq(&next.value_kind),
            indicators::direction.eq(&next.direction),
            indicators::aggregation.eq(&next.aggregation),
            indicators::period_aggregation.eq(&next.period_aggregation),
            indicators::decimals.eq(next.decimals),
            indicators::position.eq(next.position),
            indicators::description.eq(&next.description),
            indicators::version.eq(current.version + 1),
            indicators::updated_at.eq(now),
        ))
        .execute(conn)
        .map_err(StoreError::database("updating an indicator"))?;
        if updated == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: indicator_by_id(conn, current.id)?.version,
            });
        }

        if next.section_id != current.section_id {
            for id in descendant_ids(conn, current.id)? {
                diesel::update(indicators::table.find(id))
                    .set((
                        indicators::section_id.eq(next.section_id),
                        indicators::version.eq(indicators::version + 1),
                        indicators::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("moving sub-indicators"))?;
            }
        }
        indicator_record(conn, current.id)
    })
}

/// A store error names one field; the aggregation comes first, as it is checked first on
/// creation too.
fn first_misfit(misfits: Vec<MeasureMisfit>) -> StoreError {
    match misfits.into_iter().next() {
        Some(misfit) => StoreError::rejected(misfit.field, misfit.reason.into_text()),
        // `Measure::parse` refuses only with a misfit; this keeps the store total regardless.
        None => StoreError::rejected("valueKind", "the measure does not fit its value kind"),
    }
}
