//! `sys.argv` from the native runner: `threadlab FILE ARGS` and `threadlab run FILE ARGS` give
//! the program its arguments after the script's name, as `python3 FILE ARGS` does; threadlab's
//! own options after FILE are still its own, and `--` hands the rest to the program.

#[path = "harness/mod.rs"]
mod harness;

use std::path::{Path, PathBuf};

fn program() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join("argv").join("show_argv.py")
}

#[test]
fn program_arguments_reach_sys_argv_as_in_python3() {
    harness::require_python3();
    let file = program();
    let path = file.to_string_lossy().into_owned();
    let py = harness::run(Path::new("python3"), &[&path, "a", "-n", "3", "--verbose"]);
    assert_eq!(py.stdout_text(), "5 ['a', '-n', '3', '--verbose'] True\n");
    for args in [vec![path.as_str(), "a", "-n", "3", "--verbose"], vec!["run", &path, "a", "-n", "3", "--verbose"]] {
        let tl = harness::run(&harness::threadlab_bin(), &args);
        assert_eq!(tl.stdout_text(), py.stdout_text(), "{:?}: {}", args, tl.stderr);
        assert_eq!(tl.code, Some(0));
    }
    // A threadlab option after FILE is threadlab's; after `--` it is the program's.
    let tl = harness::run(&harness::threadlab_bin(), &["run", &path, "x", "--mode", "free", "--", "--mode", "y"]);
    assert_eq!(tl.stdout_text(), "4 ['x', '--mode', 'y'] True\n", "{}", tl.stderr);
    let tl = harness::run(&harness::threadlab_bin(), &["run", &path]);
    assert_eq!(tl.stdout_text(), "1 [] True\n", "{}", tl.stderr);
}
