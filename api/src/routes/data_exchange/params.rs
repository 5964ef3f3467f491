//! The query of an import, as DHIS2 names its import options; the set's own `idScheme`,
//! `dryRun` and `strategy` override them (dhis2-core 2.40.0 `DefaultDataValueSetService`).

use chitieu_schema::dhis2::{AtomicModeName, IdSchemeName, ImportStrategyName};
use chitieu_schema::reports::ImportOptions;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::problem::FieldError;

// The three schemes are read only to refuse any scheme but `code`, which is what names things.
#[allow(dead_code)]
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Only `code`: dataSet, orgUnit and dataElement are codes. The default here (DHIS2's is
    /// `UID`, which does not exist here).
    #[param(example = "code")]
    pub id_scheme: Option<IdSchemeName>,
    /// Only `code`, when given.
    pub data_element_id_scheme: Option<IdSchemeName>,
    /// Only `code`, when given.
    pub org_unit_id_scheme: Option<IdSchemeName>,
    /// The plan's code: needed for CSV without it in the body; for JSON it may replace the
    /// body's `dataSet`.
    pub data_set: Option<String>,
    /// Check and answer the summary without storing anything.
    pub dry_run: Option<bool>,
    /// `CREATE`, `UPDATE`, `CREATE_AND_UPDATE` (default), `DELETE`, or `SYNC` (as DHIS2 2.43
    /// imports data values: create and update, with the rows marked `deleted` deleted); the
    /// older names `NEW`, `UPDATES`, `NEW_AND_UPDATES`, `DELETES` too.
    #[param(example = "CREATE_AND_UPDATE")]
    pub import_strategy: Option<ImportStrategyName>,
    /// `NONE` (default): valid values are stored and the rejected listed; `ALL`: nothing is
    /// stored when any value is rejected.
    #[param(example = "NONE")]
    pub atomic_mode: Option<AtomicModeName>,
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
        // The query's schemes are typed (only `code`); the set's own is read leniently.
        if let Some(scheme) = set
            .id_scheme
            .as_deref()
            .filter(|s| !s.eq_ignore_ascii_case("code"))
        {
            errors.push(FieldError::new(
                "idScheme",
                chitieu_schema::messages::Message::new("exchange-id-scheme")
                    .arg("scheme", format!("{scheme:?}")),
            ));
        }
        let strategy = match set.strategy.as_deref() {
            Some(raw) => ImportStrategyName::parse_lenient(raw).or_else(|| {
                errors.push(FieldError::new(
                    "strategy",
                    chitieu_schema::messages::Message::new("exchange-strategy")
                        .arg("raw", format!("{raw:?}")),
                ));
                None
            }),
            None => Some(
                self.import_strategy
                    .unwrap_or(ImportStrategyName::CreateAndUpdate),
            ),
        };
        let atomic = self.atomic_mode.unwrap_or(AtomicModeName::None).mode();
        match strategy {
            Some(strategy) if errors.is_empty() => Ok(ImportOptions {
                strategy: strategy.strategy(),
                atomic,
                dry_run: set.dry_run.or(self.dry_run).unwrap_or(false),
            }),
            _ => Err(ApiError::Invalid(errors)),
        }
    }
}
