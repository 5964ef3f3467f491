//! Compiled templates kept by template version, so a run of many deliveries parses each
//! template once instead of once per delivery. The version names the template's whole stored
//! form (`TemplateSpec::version`), so a changed template is a new key and is compiled afresh
//! on its next delivery; nothing has to be invalidated when the targets are reloaded.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use super::{Compiled, TemplateError, TemplateSpec};

/// More versions than targets a deployment has, with room for edits; when full, the cache is
/// emptied rather than tracking use (compiling again costs a fraction of a millisecond).
const CAPACITY: usize = 64;

static COMPILED: LazyLock<Mutex<HashMap<String, Arc<Compiled>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The compiled template of `spec`, from the cache when its version was compiled before. A
/// template that does not compile is not kept: its error is found again on the next try.
pub fn compiled(spec: &TemplateSpec) -> Result<Arc<Compiled>, TemplateError> {
    let version = spec.version();
    if let Some(found) = lock().get(&version) {
        return Ok(Arc::clone(found));
    }
    // Compiled outside the lock: two threads may both compile a new version; one wins.
    let compiled = Arc::new(spec.check()?);
    let mut cache = lock();
    if cache.len() >= CAPACITY {
        cache.clear();
    }
    Ok(Arc::clone(cache.entry(version).or_insert(compiled)))
}

fn lock() -> std::sync::MutexGuard<'static, HashMap<String, Arc<Compiled>>> {
    COMPILED.lock().unwrap_or_else(PoisonError::into_inner)
}
