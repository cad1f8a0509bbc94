//! The loader of the standard modules written in Python (the wasm is built with `lazy-pylib`):
//! build.sh copies their files to `www/pkg/pylib/`, and the first import of one in this engine
//! fetches it from there, synchronously, since `import` runs inside Python code. Every Python
//! thread runs on a worker, where a synchronous request is allowed; the service worker
//! precaches the files, so they load offline too.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Relative to this snippet, which wasm-bindgen writes to pkg/snippets/<crate>-<hash>/inline0.js.
#[wasm_bindgen(inline_js = "export function loadPylibFile(path) {
  const url = new URL('../../' + path, import.meta.url);
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.overrideMimeType('text/plain; charset=utf-8');
  try {
    request.send();
  } catch (e) {
    throw new Error(`${path}: ${e.message || e}`);
  }
  if (request.status !== 200) throw new Error(`${path}: HTTP ${request.status} from ${url}`);
  return request.responseText;
}")]
extern "C" {
    #[wasm_bindgen(js_name = loadPylibFile, catch)]
    fn load_pylib_file(path: &str) -> Result<String, JsValue>;
}

fn load(path: &str) -> Result<String, String> {
    load_pylib_file(path).map_err(|e| match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => format!("{}: {:?}", path, e),
    })
}

/// Installs the loader (every instantiation calls it; the first one wins, they are the same).
pub(crate) fn install() {
    crate::vm::modules::set_pylib_loader(load);
}
