//! Authentication, roles and tree scope.
//!
//! # Credentials
//! - `Authorization: Bearer <JWT>` from `POST /api/v1/auth/token` (HS256, `iss` = `chitieu`,
//!   `aud` = `chitieu-api`, short-lived), or
//! - `X-API-Key: ctk_<prefix>_<secret>` (an API key directly; `Bearer ctk_...` works too).
//! - On DHIS2's surface only (`/api/dataValueSets`, `/api/{version}/dataValueSets`), also
//!   `Basic` (a password, through the sign-in's throttle) and `ApiToken <key>`: see
//!   [`require_dhis2_credentials`].
//!
//! Every request under `/api/v1` (except the token endpoint) passes [`require_credentials`],
//! which checks the user (exists, not disabled) or key (not revoked, not expired) against the
//! database: it reads the data and accounts versions (one row), and re-reads the account
//! unless the same credential was checked under the same versions (every write to users, keys
//! or units changes them, on any replica), so disabling or revoking takes effect on the next
//! request; a token issued before
//! the account's password, role or home unit changed, or before it was disabled, is refused.
//! An account whose password was set by someone else may only read `/api/v1/auth/me` and change
//! its own password until it does. Missing or invalid
//! credentials get 401 problem+json with `WWW-Authenticate: Bearer`.
//!
//! # The policy API for handlers
//! Take a [`Caller`] argument (it is an extractor) and ask it before acting:
//!
//! ```ignore
//! async fn get_unit(caller: Caller, ...) -> Result<HttpResponse, ApiError> {
//!     let unit = ...load by code...;
//!     caller.ensure_readable(&unit.path)?;          // 404 outside the caller's subtree
//!     ...
//! }
//! async fn update_unit(caller: Caller, ...) -> Result<HttpResponse, ApiError> {
//!     let path: Option<String> = ...the unit's path, None when the code names no unit...;
//!     caller.ensure_may_change(Action::ManageUnits, path.as_deref())?; // 403 (admins: 404)
//!     ...
//! }
//! async fn list_units(caller: Caller, ...) {
//!     let scope: Option<SubtreeRange> = caller.scope(); // None: everything (administrators)
//!     // filter with org_units.path >= scope.lower() AND org_units.path < scope.upper()
//! }
//! async fn create_catalog(caller: Caller, ...) { caller.require_admin()?; ... }
//! ```
//!
//! - [`Caller::can_read_path`] / [`Caller::ensure_readable`]: the unit is in the subtree of
//!   the caller's home unit (its `path` starts with the home unit's path); administrators read
//!   everything. Outside the scope the answer is 404, so a caller cannot learn what exists
//!   there.
//! - [`Caller::ensure_allowed`] with an [`Action`]: 404 when the path is not readable, 403 when
//!   it is but the role may not do that there.
//! - [`Caller::ensure_may_change`] for changes: 403, never 404, to non-administrators both
//!   outside their subtree and for a unit that does not exist (so the difference cannot reveal
//!   what exists); administrators get 404 for a missing unit. [`Caller::ensure_may_add_under`]
//!   checks the parent of a new or moved unit, [`Caller::ensure_may_refer_to`] other units a
//!   change names (successors).
//! - [`Caller::require_role`] / [`Caller::require_admin`]: 403 unless the role is one of those
//!   (administrators always pass `require_role`).
//! - [`Caller::ensure_may_grant`]: an account or key with this role and home unit may be made
//!   by the caller (administrators: any; officers: roles not above their own, units in their
//!   subtree; others: none).
//!
//! | Action | administrator | provinceOfficer / communeOfficer | reporter | viewer, integrator |
//! |---|---|---|---|---|
//! | `Read` | all | subtree | subtree | subtree |
//! | `EnterData` | all | – | home unit only | – |
//! | `ApproveReports` | all | strictly below the home unit | – | – |
//! | `ManageUnits` (rename, move, close) | all | strictly below the home unit | – | – |
//! | `AddUnits`, `ManageCatalogAssignments`, `ManageAccounts` | all | subtree | – | – |
//! | `Administer` (global catalogs, access log) | all | – | – | – |

pub mod bootstrap;
mod caller;
pub mod caller_cache;
mod dhis2;
pub mod key_usage;
mod middleware;
mod origin;
mod policy;
mod role_name;
pub mod settings;
pub mod sign_in;
pub mod tokens;

pub use caller::{Caller, Identity};
pub use dhis2::require_dhis2_credentials;
pub use key_usage::KeyUsage;
pub use middleware::require_credentials;
pub use origin::{client_ip, origin_of};
pub use policy::{Action, not_in_your_tree, unit_outside_your_tree};
pub use role_name::RoleName;
pub use settings::{AuthSettings, JwtSecret, ThrottleSettings};
pub use tokens::{Subject, TokenService};

/// The OpenAPI names of the two security schemes; see `openapi.rs`.
pub const BEARER_SCHEME: &str = "bearerAuth";
pub const API_KEY_SCHEME: &str = "apiKey";
/// DHIS2's surface also takes these two.
pub const BASIC_SCHEME: &str = "basicAuth";
pub const API_TOKEN_SCHEME: &str = "apiToken";
