//! Agencies of the table resolved against the issuing unit's units in the database: matched,
//! or proposed with a code no unit has.

use diesel::prelude::*;

use super::ImportError;
use super::agencies::{AgencyName, agency_key, find_unit, split_agencies, unit_code_for};
use super::summary::{AgencyMatch, ProposedUnit};
use crate::StoreError;
use crate::db::Db;
use crate::schema::org_units as units;

/// The issuing unit's agencies, and those this import proposes.
pub(super) struct Agencies {
    pub issuing: String,
    pub existing: Vec<(String, String)>,
    pub proposed: Vec<ProposedUnit>,
}

impl Agencies {
    /// The agencies of a lead or coordinating cell, split knowing the issuing unit's
    /// agencies and those proposed so far.
    pub fn split(&self, cell: &str) -> Vec<AgencyName> {
        split_agencies(cell, |name| {
            let key = agency_key(name);
            find_unit(&self.existing, name).is_some()
                || self.proposed.iter().any(|u| agency_key(&u.name) == key)
        })
    }

    /// The units an agency of a cell stands for: every existing one for "every agency", else
    /// the one unit it names.
    pub fn units_of(
        &mut self,
        conn: &mut Db,
        agency: &AgencyName,
    ) -> Result<Vec<AgencyMatch>, ImportError> {
        match agency {
            AgencyName::Everyone(written) => Ok(self.everyone(written)),
            AgencyName::Named(written) => Ok(vec![self.resolve(conn, written)?]),
        }
    }

    pub fn resolve(&mut self, conn: &mut Db, written: &str) -> Result<AgencyMatch, ImportError> {
        if let Some((code, name)) = find_unit(&self.existing, written) {
            return Ok(AgencyMatch {
                written: written.to_owned(),
                unit_code: code.clone(),
                unit_name: name.clone(),
                proposed: false,
            });
        }
        let key = agency_key(written);
        if let Some(unit) = self.proposed.iter().find(|u| agency_key(&u.name) == key) {
            return Ok(AgencyMatch {
                written: written.to_owned(),
                unit_code: unit.code.clone(),
                unit_name: unit.name.clone(),
                proposed: true,
            });
        }
        let taken_codes: Vec<String> = units::table
            .filter(units::code.like(format!("{}-%", self.issuing)))
            .select(units::code)
            .load(conn)
            .map_err(StoreError::database("choosing a code for a new unit"))?;
        let name = written.trim_end_matches([';', ',', '.']).trim().to_owned();
        let code = unit_code_for(&self.issuing, &name, |candidate| {
            taken_codes.iter().any(|c| c == candidate)
                || self.proposed.iter().any(|u| u.code == candidate)
        });
        self.proposed.push(ProposedUnit {
            code: code.clone(),
            name: name.clone(),
            parent_code: self.issuing.clone(),
        });
        Ok(AgencyMatch {
            written: written.to_owned(),
            unit_code: code,
            unit_name: name,
            proposed: true,
        })
    }

    /// "Các cơ quan, đơn vị": every existing agency of the issuing unit.
    pub fn everyone(&self, written: &str) -> Vec<AgencyMatch> {
        self.existing
            .iter()
            .map(|(code, name)| AgencyMatch {
                written: written.to_owned(),
                unit_code: code.clone(),
                unit_name: name.clone(),
                proposed: false,
            })
            .collect()
    }
}
