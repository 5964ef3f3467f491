//! One import, whichever surface received it: the body read in its format, the set's options
//! applied, its rows turned into values and imported into the plan's reports in one
//! transaction.

use chitieu_schema::dhis2::{self, DataValue, DataValueSet, SetDefaults};
use chitieu_schema::reports::{self, ImportOptions, ImportStrategy, UnitAccess};

use super::params::{ImportParams, SetOptions};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::extract::{BulkBody, BulkFormat, parse_json};
use crate::problem::FieldError;
use crate::routes::reports::actor;
use crate::state::AppState;

/// How members DHIS2 ignores are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Members {
    /// Refused with 400 naming each (our own `/api/v1`).
    Strict,
    /// Ignored, as DHIS2's reader ignores them.
    Lenient,
}

/// What an import came to.
pub enum Outcome {
    Imported {
        summary: reports::ImportSummary,
        options: ImportOptions,
    },
    /// The set names no plan, or one that does not exist: nothing could be imported.
    NoPlan {
        options: ImportOptions,
        data_set: String,
        message: String,
    },
}

struct Read {
    data_set: Option<String>,
    defaults: SetDefaults,
    set_options: SetOptions,
    rows: Vec<DataValue>,
}

fn read(body: &BulkBody, params: &ImportParams, members: Members) -> Result<Read, ApiError> {
    let malformed = |detail: String| ApiError::Malformed {
        detail: detail.into(),
        errors: Vec::new(),
    };
    Ok(match body.format {
        BulkFormat::Json => {
            let set: DataValueSet = parse_json(&body.bytes)?;
            let unknown = set.unknown_members();
            if members == Members::Strict && !unknown.is_empty() {
                return Err(ApiError::Malformed {
                    detail: chitieu_schema::messages::Message::new("malformed-unknown-members")
                        .arg("members", unknown.join(", "))
                        .into(),
                    errors: unknown
                        .into_iter()
                        .map(|pointer| {
                            FieldError::new(
                                pointer,
                                chitieu_schema::messages::Message::new("malformed-unknown-member"),
                            )
                        })
                        .collect(),
                });
            }
            Read {
                data_set: set.data_set,
                defaults: SetDefaults {
                    period: set.period,
                    org_unit: set.org_unit,
                    attribute_option_combo: set.attribute_option_combo,
                },
                set_options: SetOptions {
                    id_scheme: set.id_scheme,
                    dry_run: set.dry_run,
                    strategy: set.strategy,
                },
                rows: set.data_values,
            }
        }
        BulkFormat::Csv => Read {
            data_set: None,
            defaults: SetDefaults::default(),
            set_options: SetOptions::default(),
            rows: dhis2::csv::parse(&body.bytes, params.first_row_is_header.unwrap_or(true))
                .map_err(|e| malformed(e.0))?,
        },
        BulkFormat::Adx => {
            let (data_set, rows) = dhis2::adx::parse(&body.bytes).map_err(|e| malformed(e.0))?;
            Read {
                data_set,
                defaults: SetDefaults::default(),
                set_options: SetOptions::default(),
                rows,
            }
        }
    })
}

pub async fn import(
    state: &AppState,
    caller: &Caller,
    params: ImportParams,
    body: BulkBody,
    members: Members,
) -> Result<Outcome, ApiError> {
    let read = read(&body, &params, members)?;
    drop(body);
    let options = params.options(&read.set_options)?;
    let plan = read
        .data_set
        .or(params.data_set)
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    let Some(plan) = plan else {
        return Ok(Outcome::NoPlan {
            options,
            data_set: String::new(),
            message: "name the plan: dataSet in the body or the query".to_owned(),
        });
    };
    let deleting = options.strategy == ImportStrategy::Delete;
    let (values, early) = dhis2::to_bulk_values(read.rows, &read.defaults, deleting);
    let actor = actor(caller);
    let policy = caller.clone();
    let plan_code = plan.clone();
    let imported = state
        .db(move |conn| {
            let access = |path: &str| {
                if policy.may(Action::EnterData, path) {
                    UnitAccess::EnterData
                } else if policy.can_read_path(path) {
                    UnitAccess::ReadOnly
                } else {
                    UnitAccess::Hidden
                }
            };
            reports::import_values(conn, &plan_code, values, early, options, &access, &actor)
        })
        .await;
    match imported {
        Ok(summary) => Ok(Outcome::Imported { summary, options }),
        Err(ApiError::Invalid(errors)) if errors.iter().any(|e| e.pointer == "/dataSet") => {
            let message = errors
                .into_iter()
                .map(|e| e.detail)
                .collect::<Vec<_>>()
                .join("; ");
            Ok(Outcome::NoPlan {
                options,
                data_set: plan,
                message,
            })
        }
        Err(other) => Err(other),
    }
}
