//! The query of an import, as DHIS2 names its import options; the set's own `idScheme`,
//! `dryRun` and `strategy` override them (dhis2-core 2.40.0 `DefaultDataValueSetService`).

use chitieu_schema::reports::{AtomicMode, ImportOptions, ImportStrategy};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::problem::FieldError;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Only `code`: dataSet, orgUnit and dataElement are codes. The default here (DHIS2's is
    /// `UID`, which does not exist here).
    #[param(example = "code")]
    pub id_scheme: Option<String>,
    /// Only `code`, when given.
    pub data_element_id_scheme: Option<String>,
    /// Only `code`, when given.
    pub org_unit_id_scheme: Option<String>,
    /// The plan's code: needed for CSV without it in the body; for JSON it may replace the
    /// body's `dataSet`.
    pub data_set: Option<String>,
    /// Check and answer the summary without storing anything.
    pub dry_run: Option<bool>,
    /// `CREATE`, `UPDATE`, `CREATE_AND_UPDATE` (default), `DELETE`, or `SYNC` (as DHIS2 2.43
    /// imports data values: create and update, with the rows marked `deleted` deleted); the
    /// older names `NEW`, `UPDATES`, `NEW_AND_UPDATES`, `DELETES` too.
    #[param(example = "CREATE_AND_UPDATE")]
    pub import_strategy: Option<String>,
    /// `NONE` (default): valid values are stored and the rejected listed; `ALL`: nothing is
    /// stored when any value is rejected.
    #[param(example = "NONE")]
    pub atomic_mode: Option<String>,
    /// CSV only: `false` when the first row is data. DHIS2 skips the first row otherwise,
    /// whatever it says.
    pub first_row_is_header: Option<bool>,
}

/// What the set itself says about how to import it.
#[derive(Debug, Default)]
pub struct SetOptions {
    pub id_scheme: Option<String>,
    pub dry_run: Option<bool>,
    pub strategy: Option<String>,
}

impl ImportParams {
    pub fn options(&self, set: &SetOptions) -> Result<ImportOptions, ApiError> {
        let mut errors = Vec::new();
        let schemes = [
            (
                "idScheme",
                set.id_scheme.as_deref().or(self.id_scheme.as_deref()),
            ),
            (
                "dataElementIdScheme",
                self.data_element_id_scheme.as_deref(),
            ),
            ("orgUnitIdScheme", self.org_unit_id_scheme.as_deref()),
        ];
        for (name, scheme) in schemes {
            if let Some(scheme) = scheme.filter(|s| !s.eq_ignore_ascii_case("code")) {
                errors.push(FieldError::new(
                    name,
                    format!("only {name}=code is supported, not {scheme:?}"),
                ));
            }
        }
        let requested = set.strategy.as_deref().or(self.import_strategy.as_deref());
        let strategy = match requested.map(str::to_ascii_uppercase).as_deref() {
            None | Some("CREATE_AND_UPDATE" | "NEW_AND_UPDATES" | "SYNC") => {
                Some(ImportStrategy::CreateAndUpdate)
            }
            Some("CREATE" | "NEW") => Some(ImportStrategy::Create),
            Some("UPDATE" | "UPDATES") => Some(ImportStrategy::Update),
            Some("DELETE" | "DELETES") => Some(ImportStrategy::Delete),
            Some(other) => {
                errors.push(FieldError::new(
                    "importStrategy",
                    format!("{other:?} is not CREATE, UPDATE, CREATE_AND_UPDATE, DELETE or SYNC"),
                ));
                None
            }
        };
        let atomic = match self
            .atomic_mode
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            None | Some("NONE") => Some(AtomicMode::None),
            Some("ALL") => Some(AtomicMode::All),
            Some(other) => {
                errors.push(FieldError::new(
                    "atomicMode",
                    format!("{other:?} is not ALL or NONE"),
                ));
                None
            }
        };
        match (strategy, atomic) {
            (Some(strategy), Some(atomic)) if errors.is_empty() => Ok(ImportOptions {
                strategy,
                atomic,
                dry_run: set.dry_run.or(self.dry_run).unwrap_or(false),
            }),
            _ => Err(ApiError::Invalid(errors)),
        }
    }
}
