//! Modules written in Python and compiled into the binary (`include_str!`), run by
//! [`super::source_module`] on first import. Most are CPython 3.11's own Lib/ sources, adapted
//! where threadlab lacks a feature (each file's header says how).

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
    ("_structseq", include_str!("pylib/_structseq.py")),
    ("__future__", include_str!("pylib/__future__.py")),
    ("dataclasses", include_str!("pylib/dataclasses.py")),
    ("enum", include_str!("pylib/enum.py")),
    ("abc", include_str!("pylib/abc.py")),
    ("collections.abc", include_str!("pylib/collections_abc.py")),
    ("logging", include_str!("pylib/logging.py")),
    ("io", include_str!("pylib/io.py")),
    ("array", include_str!("pylib/array.py")),
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
    ("concurrent", "# The `concurrent` package: see concurrent.futures.\n"),
    ("concurrent.futures", include_str!("pylib/concurrent/futures.py")),
];

/// The Python source of module `name`, if it is one of these.
pub fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
