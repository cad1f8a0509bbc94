//! Modules written in Python, run by [`super::source_module`] on first import. Most are CPython
//! 3.11's own Lib/ sources, adapted where threadlab lacks a feature (each file's header says how).
//!
//! Natively their sources are compiled into the binary (`include_str!`). With the `lazy-pylib`
//! feature (the shipped wasm: they were a fifth of its size) the table holds each file's path
//! instead, and the host's loader ([`set_loader`]) fetches the source the first time a run
//! imports the module; the VM never knows where from (docs/imports.md, "Built-in modules").

#[cfg(feature = "lazy-pylib")]
use std::collections::HashMap;
use std::sync::Arc;
#[cfg(feature = "lazy-pylib")]
use std::sync::{Mutex, OnceLock};

/// Marks a table entry that is a file to load, not source text (no Python source starts with NUL).
#[cfg(feature = "lazy-pylib")]
const LAZY: &str = "\0";

// Shadows the built-in `include_str!` in this table only: each `include_str!("pylib/x.py")`
// becomes the marked path "\0pylib/x.py", so a module added to the table the usual way is lazy too.
#[cfg(feature = "lazy-pylib")]
macro_rules! include_str {
    ($path:literal) => {
        concat!("\0", $path)
    };
}

static SOURCES: &[(&str, &str)] = &[
    ("queue", include_str!("pylib/queue.py")),
    ("heapq", include_str!("pylib/heapq.py")),
    ("bisect", include_str!("pylib/bisect.py")),
    ("collections", include_str!("pylib/collections.py")),
    ("operator", include_str!("pylib/operator.py")),
    ("posixpath", include_str!("pylib/posixpath.py")),
    ("random", include_str!("pylib/random.py")),
    ("functools", include_str!("pylib/functools.py")),
    ("itertools", include_str!("pylib/itertools.py")),
    ("copy", include_str!("pylib/copy.py")),
    ("string", include_str!("pylib/string.py")),
    ("sched", include_str!("pylib/sched.py")),
    ("contextlib", include_str!("pylib/contextlib.py")),
    ("typing", include_str!("pylib/typing.py")),
    ("types", include_str!("pylib/types.py")),
    ("asyncio", include_str!("pylib/asyncio/__init__.py")),
    ("_asyncgen", include_str!("pylib/_asyncgen.py")),
    ("_structseq", include_str!("pylib/_structseq.py")),
    ("__future__", include_str!("pylib/__future__.py")),
    ("dataclasses", include_str!("pylib/dataclasses.py")),
    ("enum", include_str!("pylib/enum.py")),
    ("abc", include_str!("pylib/abc.py")),
    ("collections.abc", include_str!("pylib/collections_abc.py")),
    ("logging", include_str!("pylib/logging.py")),
    ("io", include_str!("pylib/io.py")),
    ("pprint", include_str!("pylib/pprint.py")),
    ("re", include_str!("pylib/re.py")),
    ("textwrap", include_str!("pylib/textwrap.py")),
    ("datetime", include_str!("pylib/datetime.py")),
    ("_strptime", include_str!("pylib/_strptime.py")),
    ("weakref", include_str!("pylib/weakref.py")),
    ("gc", include_str!("pylib/gc.py")),
    ("json", include_str!("pylib/json/__init__.py")),
    ("json.decoder", "# json.decoder: the names programs import from it.\nfrom json import JSONDecoder, JSONDecodeError\n"),
    ("json.encoder", "# json.encoder: the names programs import from it.\nfrom json import JSONEncoder\n"),
    ("_mp_context", include_str!("pylib/multiprocessing/context.py")),
    ("_mp_process", include_str!("pylib/multiprocessing/process.py")),
    ("_mp_queues", include_str!("pylib/multiprocessing/queues.py")),
    ("_mp_connection", include_str!("pylib/multiprocessing/connection.py")),
    ("_mp_synchronize", include_str!("pylib/multiprocessing/synchronize.py")),
    ("_mp_sharedctypes", include_str!("pylib/multiprocessing/sharedctypes.py")),
    ("_mp_pool", include_str!("pylib/multiprocessing/pool.py")),
    ("_mp_reduction", include_str!("pylib/multiprocessing/reduction.py")),
    ("multiprocessing", include_str!("pylib/multiprocessing/__init__.py")),
    ("multiprocessing.context", "from _mp_context import *\n"),
    ("multiprocessing.process", "from _mp_process import *\n"),
    ("multiprocessing.queues", "from _mp_queues import *\n"),
    ("multiprocessing.connection", "from _mp_connection import *\n"),
    ("multiprocessing.synchronize", "from _mp_synchronize import *\n"),
    ("multiprocessing.sharedctypes", "from _mp_sharedctypes import *\n"),
    ("multiprocessing.pool", "from _mp_pool import *\n"),
    ("multiprocessing.reduction", "from _mp_reduction import *\n"),
    ("concurrent", "# The `concurrent` package: see concurrent.futures.\n"),
    ("concurrent.futures", include_str!("pylib/concurrent/futures.py")),
];

/// The Python source of module `name`: None if it is not one of these, Err(why) if its file
/// could not be loaded.
pub fn source(name: &str) -> Option<Result<Arc<str>, String>> {
    let text = SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)?;
    #[cfg(feature = "lazy-pylib")]
    if let Some(path) = text.strip_prefix(LAZY) {
        return Some(load(path));
    }
    Some(Ok(Arc::from(text)))
}

/// Loads one source file (a path such as "pylib/queue.py", relative to the folder the host
/// serves them from): set once by the host before the first run.
#[cfg(feature = "lazy-pylib")]
pub type Loader = fn(&str) -> Result<String, String>;

#[cfg(feature = "lazy-pylib")]
static LOADER: OnceLock<Loader> = OnceLock::new();

/// Installs the host's loader (src/web: the files beside the wasm). Later calls are ignored.
#[cfg(feature = "lazy-pylib")]
pub fn set_loader(loader: Loader) {
    let _ = LOADER.set(loader);
}

/// Each file loads once per process (all of a run's threads, and later runs, share it).
#[cfg(feature = "lazy-pylib")]
fn load(path: &'static str) -> Result<Arc<str>, String> {
    static LOADED: OnceLock<Mutex<HashMap<&'static str, Arc<str>>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(Default::default);
    if let Some(text) = crate::vm::sync::lock(loaded).get(path) {
        return Ok(text.clone());
    }
    let loader = LOADER.get().ok_or_else(|| format!("{}: no loader for built-in module sources", path))?;
    // Not under the lock: loading blocks, and another thread may want another file meanwhile.
    let text: Arc<str> = Arc::from(loader(path)?);
    crate::vm::sync::lock(loaded).insert(path, text.clone());
    Ok(text)
}
