//! The sync of approved reports to upstream monitoring systems (theodoinq, DHIS2): approving a
//! report writes an outbox entry in the same transaction; a worker on every replica claims
//! entries, sends them with a stable `Idempotency-Key` per report version and records the
//! upstream's receipt; a schedule in Vietnam time runs the sync before the 6th of each month.
//!
//! The pieces meet at [`Transport`]: the worker decides what to send and when, a transport
//! decides how (profile, authentication, HTTP) and says what happened as an [`Outcome`].

mod blocking;
pub mod delivery;
pub mod error;
pub mod http;
pub mod payload;
pub mod schedule;
pub mod sim;
pub mod target;
pub mod targets_file;
pub mod targets_reload;
pub mod template;
pub mod webhook;
pub mod worker;

pub use delivery::{DeliveredValue, Delivery, Outcome, OutlineRow, ReportDocument, Transport};
pub use error::SyncError;
pub use http::{HttpSettings, HttpTransport};
pub use target::{
    Auth, ClientAuthentication, CodeMapping, Profile, RatioCombos, Target, TargetTls,
};
