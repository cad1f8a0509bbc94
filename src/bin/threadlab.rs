//! The native command-line runner: `threadlab [run] FILE.py [ARGS...] [--mode M] [--switch-interval S] [--green] [--json]`.
//!
//! Without `--json` it behaves like `python3 FILE.py`: the program's output on stdout as it is
//! printed, the traceback on stderr, exit status 1 after an uncaught exception. With `--json` the
//! only thing on stdout is the run's report. Hand-parsed arguments keep the binary small.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use threadlab::runtime::stack::declare_stack;
use threadlab::runtime::{Mode, NullSink, OutputSink, NATIVE_STACK_BYTES};
use threadlab::vm::import::{ModuleSource, SourceFile};
use threadlab::vm::{run, RunOptions};

const USAGE: &str = "\
usage: threadlab [run] FILE.py [ARGS...] [--mode sequential|gil|free] [--switch-interval SECONDS] [--green]
                                 [--json] [--timeout SECONDS] [--max-memory SIZE] [-- ARGS...]
       threadlab --version | --help

Runs a Python program (threadlab's subset of Python 3.11) the way python3 would.
FILE '-' reads the program from stdin. ARGS go to the program in sys.argv (after FILE, as
python3 gives them); the options below are threadlab's wherever they stand, except after '--'.

  --mode M               sequential: Thread.start() runs the target to completion;
                         gil (default): one thread runs Python at a time, as in CPython;
                         free: no GIL, threads run in parallel
  --switch-interval S    seconds a thread may hold a contended GIL (default 0.005)
  --green                run every Python thread on this one OS thread (green threads,
                         as the browser does on a page that is not cross-origin isolated);
                         modes sequential and gil
  --json                 print only the run's JSON report (output, timeline, error)
  --timeout S            stop the program after S seconds: a TimeoutError line on stderr
                         and exit status 124, as timeout(1) gives
  --max-memory SIZE      the most one object may take (a list, a string, an int), past which
                         the program gets MemoryError: bytes, or with K, M, G (512M, 2G);
                         default half the machine's memory, or $THREADLAB_MAX_MEMORY";

#[derive(Debug, PartialEq)]
enum Command {
    Run { file: String, args: Vec<String>, mode: Mode, switch_interval: f64, json: bool, green: bool, timeout: Option<f64>, max_memory: Option<usize> },
    Help,
    Version,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut file = None;
    let mut mode = Mode::Gil;
    let mut switch_interval = 0.005;
    let mut json = false;
    let mut green = false;
    let mut timeout = None;
    let mut max_memory = None;
    let mut program_args = Vec::new();
    // `threadlab FILE` is `threadlab run FILE`, as `python3 FILE`.
    let skip = match args.first().map(String::as_str) {
        Some("--help" | "-h" | "help") => return Ok(Command::Help),
        Some("--version" | "-V") => return Ok(Command::Version),
        Some("run") => 1,
        Some(_) => 0,
        None => return Err("missing command".into()),
    };
    let mut rest = args[skip..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--" && file.is_some() {
            program_args.extend(rest.by_ref().cloned());
            break;
        }
        // Both `--mode gil` and `--mode=gil`.
        let (flag, inline_value) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline_value.clone().or_else(|| rest.next().cloned()).ok_or(format!("{} needs a value", name))
        };
        match flag {
            "--json" => json = true,
            "--green" => green = true,
            "--help" | "-h" => return Ok(Command::Help),
            "--mode" => {
                let v = value("--mode")?;
                mode = Mode::parse(&v).ok_or(format!("unknown mode '{}' (sequential, gil or free)", v))?;
            }
            "--switch-interval" => {
                let v = value("--switch-interval")?;
                switch_interval = match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => s,
                    _ => return Err(format!("--switch-interval needs a positive number of seconds, not '{}'", v)),
                };
            }
            "--timeout" => {
                let v = value("--timeout")?;
                timeout = match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => Some(s),
                    _ => return Err(format!("--timeout needs a positive number of seconds, not '{}'", v)),
                };
            }
            "--max-memory" => {
                let v = value("--max-memory")?;
                max_memory = Some(parse_max_memory(&v, "--max-memory")?);
            }
            f if f.starts_with("--") && file.is_none() => return Err(format!("unknown option '{}'", f)),
            f if file.is_none() => file = Some(f.to_string()),
            // After FILE, whatever is not threadlab's is the program's (`--verbose`, `-n 3`).
            _ => program_args.push(arg.clone()),
        }
    }
    let file = file.ok_or("missing FILE")?;
    if green && mode == Mode::Free {
        return Err("--green runs modes sequential and gil: free-threaded mode needs real threads".into());
    }
    Ok(Command::Run { file, args: program_args, mode, switch_interval, json, green, timeout, max_memory })
}

fn parse_max_memory(v: &str, from: &str) -> Result<usize, String> {
    threadlab::vm::limits::parse_size(v).ok_or(format!("{} needs a size in bytes, or with K, M or G (512M, 2G), not '{}'", from, v))
}

/// The heap cap: `--max-memory`, else `THREADLAB_MAX_MEMORY`, else the build's default.
fn apply_max_memory(option: Option<usize>) -> Result<(), String> {
    let env = std::env::var("THREADLAB_MAX_MEMORY").ok().filter(|v| !v.trim().is_empty());
    let bytes = match (option, env) {
        (Some(b), _) => b,
        (None, Some(v)) => parse_max_memory(&v, "THREADLAB_MAX_MEMORY")?,
        (None, None) => return Ok(()),
    };
    threadlab::vm::limits::set_max_alloc_bytes(bytes);
    Ok(())
}

fn read_program(file: &str) -> std::io::Result<String> {
    let mut source = String::new();
    if file == "-" {
        std::io::stdin().read_to_string(&mut source)?;
    } else {
        source = std::fs::read_to_string(file)?;
    }
    Ok(source)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, program_args, mode, switch_interval, json, green, timeout, max_memory) = match parse_args(&args) {
        Ok(Command::Run { file, args, mode, switch_interval, json, green, timeout, max_memory }) => {
            (file, args, mode, switch_interval, json, green, timeout, max_memory)
        }
        Ok(Command::Help) => {
            println!("{}", USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("threadlab {}", threadlab::VERSION);
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("threadlab: {}\n{}", msg, USAGE);
            return ExitCode::from(2);
        }
    };
    if let Err(msg) = apply_max_memory(max_memory) {
        eprintln!("threadlab: {}\n{}", msg, USAGE);
        return ExitCode::from(2);
    }
    let source = match read_program(&file) {
        Ok(s) => s,
        Err(e) => {
            // python3's wording for a missing script, and its exit status.
            eprintln!("threadlab: can't open file '{}': {}", file, e);
            return ExitCode::from(2);
        }
    };
    // python3 names the script by its absolute path in tracebacks (`__file__` too).
    let filename = match file.as_str() {
        "-" => "<stdin>".to_string(),
        f => std::path::absolute(f).map_or(file.clone(), |p| p.to_string_lossy().into_owned()),
    };
    let console = Arc::new(Console::default());
    let sink: Arc<dyn OutputSink> = if json { Arc::new(NullSink) } else { console.clone() };
    // `import helper` finds helper.py beside the program first, as python3's sys.path[0].
    let dir = match file.as_str() {
        "-" => std::env::current_dir().unwrap_or_default(),
        _ => std::path::Path::new(&filename).parent().map(|p| p.to_path_buf()).unwrap_or_default(),
    };
    let sources: Arc<dyn ModuleSource> = Arc::new(DirSources(dir));
    // python3's sys.argv[0] is the script as named on the command line ('-' for stdin).
    let argv = std::iter::once(file.clone()).chain(program_args).collect();
    let opts = RunOptions { mode, switch_interval, filename, green, sources: Some(sources), argv, ..RunOptions::default() };
    let watchdog = timeout.map(Watchdog::start);
    let out = run_on_big_stack(source, opts, sink);
    let timed_out = watchdog.is_some_and(|w| w.finish());
    if json {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", out.report.to_json());
        let _ = stdout.flush();
    } else {
        // Tracebacks (the main thread's and other threads'), SyntaxError reports, sys.exit text:
        // whatever of the run's stderr text did not already go out live.
        let shown = console.stderr_bytes.load(Ordering::SeqCst);
        let rest = out.stderr.get(shown..).unwrap_or(&out.stderr);
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(rest.as_bytes());
        let _ = stderr.flush();
    }
    if timed_out {
        eprintln!("{}", timeout_message(timeout.unwrap_or_default()));
        return ExitCode::from(TIMEOUT_STATUS);
    }
    ExitCode::from(exit_status(out.exit_code))
}

/// Modules in a directory: `name.py`, or a package `name/__init__.py` (`a.b` is `a/b.py` or
/// `a/b/__init__.py`), as CPython's path finder looks for them.
struct DirSources(std::path::PathBuf);

impl ModuleSource for DirSources {
    fn find(&self, name: &str) -> Option<SourceFile> {
        let rel: std::path::PathBuf = name.split('.').collect();
        let package = self.0.join(&rel).join("__init__.py");
        let module = self.0.join(&rel).with_extension("py");
        let (path, package) = if package.is_file() { (package, true) } else if module.is_file() { (module, false) } else { return None };
        let source = std::fs::read_to_string(&path).ok()?;
        Some(SourceFile { filename: path.to_string_lossy().into_owned(), source, package })
    }
}

/// timeout(1)'s exit status when the command timed out.
const TIMEOUT_STATUS: u8 = 124;
/// How long a stopped run may take to unwind before the process exits anyway (a builtin that
/// never checks the stop flag).
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

fn timeout_message(secs: f64) -> String {
    format!("TimeoutError: the program was stopped after --timeout {} seconds", secs)
}

/// `--timeout`: stops the run when the time is up; if it still has not ended `STOP_GRACE` later,
/// says so and exits.
struct Watchdog {
    done: std::sync::mpsc::Sender<()>,
    fired: Arc<std::sync::atomic::AtomicBool>,
}

impl Watchdog {
    fn start(secs: f64) -> Watchdog {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let fired = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = fired.clone();
        std::thread::spawn(move || {
            let limit = std::time::Duration::from_secs_f64(secs.min(1e9));
            if wait.recv_timeout(limit).is_ok() {
                return;
            }
            flag.store(true, Ordering::SeqCst);
            threadlab::runtime::stop_all_runs();
            if wait.recv_timeout(STOP_GRACE).is_err() {
                eprintln!("{}", timeout_message(secs));
                std::process::exit(i32::from(TIMEOUT_STATUS));
            }
        });
        Watchdog { done, fired }
    }

    /// The run ended: whether the time ran out first.
    fn finish(self) -> bool {
        let _ = self.done.send(());
        self.fired.load(Ordering::SeqCst)
    }
}

/// Runs the program on a thread with the stack every Python thread gets (the process's main
/// thread has whatever `ulimit -s` says), declared so nesting limits know it.
fn run_on_big_stack(source: String, opts: RunOptions, sink: Arc<dyn OutputSink>) -> threadlab::vm::RunOutput {
    std::thread::Builder::new()
        .name("threadlab-main".into())
        .stack_size(NATIVE_STACK_BYTES)
        .spawn(move || {
            declare_stack(NATIVE_STACK_BYTES);
            run(&source, opts, sink)
        })
        .expect("start the main Python thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The terminal: stdout as it is printed, and stderr (an "Exception in thread" traceback) as it
/// is written, so a long run shows a thread's failure when it happens, as python3 does.
#[derive(Default)]
struct Console {
    /// How much of the run's stderr text went out live; the rest is written at the end.
    stderr_bytes: AtomicUsize,
}

impl OutputSink for Console {
    fn write(&self, _thread: &str, _t_ms: f64, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    fn write_stderr(&self, _thread: &str, _t_ms: f64, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
        self.stderr_bytes.fetch_add(text.len(), Ordering::SeqCst);
    }
}

/// A process exit status from the VM's (python3's) exit code; out-of-range codes wrap as on POSIX.
fn exit_status(code: i32) -> u8 {
    code as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_run_with_options_in_any_order() {
        let want = Command::Run { file: "a.py".into(), args: vec![], mode: Mode::Free, switch_interval: 0.01, json: true, green: false, timeout: None, max_memory: None };
        assert_eq!(parse_args(&args("run a.py --mode free --switch-interval 0.01 --json")), Ok(want));
        let want = Command::Run { file: "a.py".into(), args: vec![], mode: Mode::Sequential, switch_interval: 0.005, json: false, green: false, timeout: None, max_memory: None };
        assert_eq!(parse_args(&args("run --mode=sequential a.py")), Ok(want));
        let want = Command::Run { file: "a.py".into(), args: vec![], mode: Mode::Gil, switch_interval: 0.005, json: false, green: true, timeout: None, max_memory: None };
        assert_eq!(parse_args(&args("run --green a.py")), Ok(want));
        let want = Command::Run { file: "a.py".into(), args: vec![], mode: Mode::Gil, switch_interval: 0.005, json: false, green: false, timeout: Some(2.5), max_memory: None };
        assert_eq!(parse_args(&args("run a.py --timeout 2.5")), Ok(want));
        let want = Command::Run { file: "a.py".into(), args: vec![], mode: Mode::Gil, switch_interval: 0.005, json: false, green: false, timeout: None, max_memory: Some(512 << 20) };
        assert_eq!(parse_args(&args("run a.py --max-memory 512M")), Ok(want));
    }

    #[test]
    fn program_arguments_follow_the_file() {
        let run = |s: &str| match parse_args(&args(s)) {
            Ok(Command::Run { file, args, mode, .. }) => (file, args, mode),
            other => panic!("{:?}: {:?}", s, other),
        };
        let strs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(run("run a.py x -n 3"), ("a.py".into(), strs(&["x", "-n", "3"]), Mode::Gil));
        assert_eq!(run("a.py x y"), ("a.py".into(), strs(&["x", "y"]), Mode::Gil));
        assert_eq!(run("a.py --verbose --mode free"), ("a.py".into(), strs(&["--verbose"]), Mode::Free));
        assert_eq!(run("run a.py -- --mode free"), ("a.py".into(), strs(&["--mode", "free"]), Mode::Gil));
        assert_eq!(run("--mode free a.py"), ("a.py".into(), vec![], Mode::Free));
    }

    #[test]
    fn rejects_bad_usage() {
        for bad in ["", "run", "run --fast a.py", "run a.py --mode turbo", "run a.py --switch-interval",
            "run a.py --switch-interval -1", "run a.py --green --mode free", "run a.py --timeout 0",
            "run a.py --timeout x", "run a.py --max-memory", "run a.py --max-memory 0", "run a.py --max-memory lots"] {
            assert!(parse_args(&args(bad)).is_err(), "{:?}", bad);
        }
    }

    #[test]
    fn help_and_version() {
        assert_eq!(parse_args(&args("--help")), Ok(Command::Help));
        assert_eq!(parse_args(&args("--version")), Ok(Command::Version));
    }

    #[test]
    fn exit_statuses_wrap_like_posix() {
        assert_eq!(exit_status(0), 0);
        assert_eq!(exit_status(3), 3);
        assert_eq!(exit_status(256), 0);
        assert_eq!(exit_status(-1), 255);
    }
}
