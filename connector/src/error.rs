use chitieu_schema::StoreError;

/// What can go wrong in the sync: always with the step that failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("storage failed while {context}")]
    Store {
        context: &'static str,
        #[source]
        source: StoreError,
    },
    #[error("could not take a database connection while {context}")]
    Pool {
        context: &'static str,
        #[source]
        source: r2d2::Error,
    },
    #[error("could not read the targets file {path}")]
    TargetsFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the targets file {path} is not valid: {detail}")]
    TargetsJson { path: String, detail: String },
    /// The template of the file's target number `index` (from 0) does not parse or make
    /// sense; `error` names the part, line and column (said in the message, not chained).
    #[error("the targets file {path} is not valid: target {code}: {error}")]
    TargetTemplate {
        path: String,
        index: usize,
        code: String,
        error: Box<crate::template::TemplateError>,
    },
    #[error("the stored target {code} is not valid: {detail}")]
    StoredTarget { code: String, detail: String },
    #[error("the cron expression {expression:?} of job {job} is invalid: {detail}")]
    Cron {
        job: String,
        expression: String,
        detail: String,
    },
    #[error("the scheduler failed while {context}: {detail}")]
    Scheduler {
        context: &'static str,
        detail: String,
    },
    #[error("a background task failed while {context}: {detail}")]
    Task {
        context: &'static str,
        detail: String,
    },
}

impl SyncError {
    pub(crate) fn store(context: &'static str) -> impl FnOnce(StoreError) -> Self {
        move |source| Self::Store { context, source }
    }

    pub(crate) fn pool(context: &'static str) -> impl FnOnce(r2d2::Error) -> Self {
        move |source| Self::Pool { context, source }
    }
}
