//! Compiled templates kept by template, so a run of many deliveries parses each template
//! once instead of once per delivery. The key is the template itself (request and answer
//! rules, the same content its version names): hashing it costs a few microseconds where
//! computing the `sha256:` version costs more than compiling, so the version is computed once,
//! when the template is compiled, and carried with it. A changed template is a new key and is
//! compiled afresh on its next delivery; nothing has to be invalidated when the targets are
//! reloaded.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use super::{Compiled, TemplateError, TemplateSpec};

/// More templates than targets a deployment has, with room for edits; when full, the cache is
/// emptied rather than tracking use (compiling again costs a fraction of a millisecond).
const CAPACITY: usize = 64;

type Cache = HashMap<TemplateSpec, Arc<Compiled>>;

static COMPILED: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The compiled template of `spec`, from the cache when it was compiled before. A template
/// that does not compile is not kept: its error is found again on the next try.
pub fn compiled(spec: &TemplateSpec) -> Result<Arc<Compiled>, TemplateError> {
    if let Some(found) = lock().get(spec) {
        return Ok(Arc::clone(found));
    }
    // Compiled outside the lock: two threads may both compile a new template; one wins.
    let compiled = Arc::new(spec.check()?);
    let mut cache = lock();
    if cache.len() >= CAPACITY {
        cache.clear();
    }
    Ok(Arc::clone(cache.entry(spec.clone()).or_insert(compiled)))
}

fn lock() -> std::sync::MutexGuard<'static, Cache> {
    COMPILED.lock().unwrap_or_else(PoisonError::into_inner)
}
