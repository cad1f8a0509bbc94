//! `import` of the program's own modules with the native runner: `helper.py` beside the
//! program, a package (`pkg/__init__.py`, `pkg/sub.py`), a circular import, `import __main__`,
//! `sys.modules`, and a traceback through the helper's file and line. The files
//! (tests/data/imports/) are copied into a fresh temporary directory, so python3 leaves no
//! `__pycache__` in the repo and the paths in tracebacks are the same for both runs; stdout,
//! stderr (without CPython's caret lines) and the exit status must be python3's.

mod harness;

use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

fn fresh_copy() -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join("imports");
    let dir = std::env::temp_dir().join(format!("threadlab-imports-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&src, &dir);
    dir
}

#[test]
fn imports_beside_the_program_match_python3() {
    let dir = fresh_copy();
    let main = dir.join("main.py");
    let tl = harness::threadlab(&main, &[]);
    let py = harness::python(&main);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(tl.stdout_text(), py.stdout_text(), "stdout: {}", harness::diff_hint(&py.stdout_text(), &tl.stdout_text()));
    assert_eq!(harness::strip_carets(&tl.stderr), harness::strip_carets(&py.stderr), "stderr");
    assert_eq!(tl.code, py.code, "exit status");
    // The mechanisms, not only equal text: the helper ran once, its frame is in the traceback.
    assert_eq!(tl.stdout_text().matches("helper loading").count(), 1);
    assert!(tl.stderr.contains(&format!("File \"{}\", line 7, in fail", dir.join("helper.py").display())), "{}", tl.stderr);
}
