//! `_multiprocessing`: the Rust core under the `multiprocessing` package (pylib/multiprocessing/).
//!
//! A process is a fresh interpreter in this OS process, like a PEP 684 subinterpreter: its own
//! `Runtime` (so its own GIL, clock and timeline) and its own `Interp` (heap of Python objects,
//! `sys.modules`, module globals). It starts the way CPython's `spawn` start method does: the
//! program's source is run again as `__mp_main__`, then `_mp_process._child_main`
//! rebuilds the pickled `Process` object there and calls its `run()`.
//!
//! Processes share no Python object. What crosses between them is a *transfer tree*
//! (`reduction.py` makes one from any picklable value): only None, bool, int, float, str, bytes
//! and tuples of those, all immutable, so the receiver builds its own objects from it. The only
//! shared state is kept here, in the run's process `Group`: channels of transfer trees (Queue,
//! Pipe), semaphores (Lock, RLock) and arrays of numbers (Value, Array). Their blocking waits
//! go through `Runtime::wait_for`, so they show on the timeline and Stop interrupts them.
//!
//! In sequential mode and with green threads (one worker), a process runs to completion inside
//! `start()`. See docs/processes.md.

use crate::builtins_table;
use crate::runtime::{Interrupt, Mode, OutputSink, Report, Runtime, RuntimeConfig, State};
use crate::vm::args::{arg_int, Args};
use crate::vm::exceptions::{error, exc_class, type_error, value_error, PyResult, Unwind};
use crate::vm::modules::native_module;
use crate::vm::modules::threading::{poll_or_wait, timeout_arg};
use crate::vm::run::{clear_modules, compile, count_names, report_uncaught, ExitHooks};
use crate::vm::state::{Interp, Vm};
use crate::vm::sync::lock;
use crate::vm::types::{types, Builtin, Builtins, Module};
use crate::vm::value::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};

/// Lane state while waiting for a process to end.
const JOIN_WAIT: State = State::BlockedJoin;
/// Lane state while waiting on a queue, pipe or lock shared between processes.
const SHARED_WAIT: State = State::BlockedLock;
/// A terminated process's exit code: CPython's `-signal.SIGTERM`.
const TERMINATED: i32 = -15;

static FUNCS: &[Builtin] = builtins_table![
    "start" => start,
    "join" => join,
    "exitcode" => exitcode,
    "terminate" => terminate,
    "identity" => identity,
    "one_at_a_time" => one_at_a_time,
    "sequential" => sequential,
    "import_module" => import_module,
    "builtin_home" => builtin_home,
    "chan_new" => chan_new,
    "chan_put" => chan_put,
    "chan_get" => chan_get,
    "chan_size" => chan_size,
    "sem_new" => sem_new,
    "sem_acquire" => sem_acquire,
    "sem_release" => sem_release,
    "sem_value" => sem_value,
    "shm_new" => shm_new,
    "shm_get" => shm_get,
    "shm_set" => shm_set,
    "shm_len" => shm_len,
];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    Ok(native_module("_multiprocessing", FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect()))
}

// ---- the process group ---------------------------------------------------------------------

/// What a program's processes share: how to start one, and the shared objects.
struct Group {
    source: String,
    filename: String,
    builtins: &'static Builtins,
    mode: Mode,
    switch_interval: f64,
    one_at_a_time: bool,
    root_pid: i64,
    next_pid: AtomicI64,
    next_id: AtomicI64,
    green_noted: AtomicBool,
    procs: Mutex<HashMap<i64, Arc<Proc>>>,
    chans: Mutex<HashMap<i64, Arc<Chan>>>,
    sems: Mutex<HashMap<i64, Arc<Sem>>>,
    shms: Mutex<HashMap<i64, Arc<Shm>>>,
}

fn root_pid() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return 1;
    #[cfg(not(target_arch = "wasm32"))]
    (std::process::id() as i64)
}

impl Group {
    fn root(interp: &Interp) -> Group {
        let rt = &interp.rt;
        let pid = root_pid();
        Group {
            source: interp.source_lines.join("\n"),
            filename: interp.filename.to_string(),
            builtins: interp.builtins,
            mode: rt.mode,
            switch_interval: rt.switch_interval(),
            one_at_a_time: rt.is_green() || rt.mode == Mode::Sequential,
            root_pid: pid,
            next_pid: AtomicI64::new(pid + 1),
            next_id: AtomicI64::new(1),
            green_noted: AtomicBool::new(false),
            procs: Default::default(),
            chans: Default::default(),
            sems: Default::default(),
            shms: Default::default(),
        }
    }

    fn new_id(&self) -> i64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }
}

fn find<T>(map: &Mutex<HashMap<i64, Arc<T>>>, v: &Value, what: &str) -> PyResult<Arc<T>> {
    let id = arg_int(v)?;
    lock(map).get(&id).cloned().ok_or_else(|| value_error(format!("no such {what}: {id}")))
}

/// Who this interpreter is (a child's identity is set before its program runs).
struct Me {
    pid: i64,
    name: String,
    parent: i64,
}

/// Per-interpreter link to the group, and the processes this interpreter started.
#[derive(Default)]
pub struct Link {
    group: OnceLock<Arc<Group>>,
    me: OnceLock<Me>,
    started: Mutex<Vec<Arc<Proc>>>,
    exit_hook: OnceLock<()>,
}

fn link(vm: &Vm) -> (Arc<Link>, Arc<Group>) {
    let link = vm.interp.ext::<Link>();
    let g = link.group.get_or_init(|| Arc::new(Group::root(&vm.interp))).clone();
    (link, g)
}

/// `(os.getpid(), os.getppid())`: a child's synthetic pid and its parent's; the program's own
/// process has the OS process's pid (1 in the browser) and parent 0.
pub fn pids(vm: &Vm) -> (i64, i64) {
    let link = vm.interp.ext::<Link>();
    match link.me.get() {
        Some(me) => (me.pid, me.parent),
        None => (my_pid(&link), 0),
    }
}

fn my_pid(link: &Link) -> i64 {
    link.me.get().map(|m| m.pid).unwrap_or_else(|| link.group.get().map_or_else(root_pid, |g| g.root_pid))
}

// ---- processes -----------------------------------------------------------------------------

struct Proc {
    pid: i64,
    name: String,
    daemon: bool,
    st: Mutex<ProcState>,
    cv: Condvar,
}

#[derive(Default)]
struct ProcState {
    exit: Option<i32>,
    /// The child's runtime while it runs (for `terminate`).
    rt: Option<Arc<Runtime>>,
    terminated: bool,
    /// The child's report, its times shifted onto the parent's clock.
    report: Option<Report>,
}

/// A bool argument (the Python side passes bools).
fn flag(v: &Value) -> bool {
    matches!(v, Value::Bool(true)) || matches!(v, Value::Int(n) if *n != 0)
}

/// Checks that `v` is a transfer tree (see the module header).
fn check_tree(v: &Value) -> PyResult<()> {
    match v {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_) | Value::Bytes(_) => Ok(()),
        Value::Tuple(t) => t.items.iter().try_for_each(check_tree),
        other => Err(type_error(format!("_multiprocessing: '{}' is not a transfer tree (pickle it first)", other.type_name()))),
    }
}

/// `start(payload, name, daemon) -> pid`: starts a child interpreter that rebuilds the process
/// object from `payload` and runs it.
fn start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("start", 3)?;
    check_tree(&a[0])?;
    let name = a[1].as_str().ok_or_else(|| type_error("process name must be str"))?.to_string();
    let daemon = flag(&a[2]);
    let (link, g) = link(vm);
    link.exit_hook.get_or_init(|| {
        let hooks = vm.interp.ext::<ExitHooks>();
        lock(&hooks.0).push(Box::new(at_exit));
    });
    let pid = g.next_pid.fetch_add(1, Ordering::Relaxed);
    let p = Arc::new(Proc { pid, name, daemon, st: Default::default(), cv: Condvar::new() });
    lock(&g.procs).insert(pid, p.clone());
    lock(&link.started).push(p.clone());
    let parent = vm.interp.clone();
    let parent_pid = my_pid(&link);
    let payload = a[0].clone();
    let job = {
        let g = g.clone();
        move || run_child(g, p, parent, parent_pid, payload)
    };
    if g.one_at_a_time {
        if vm.rt.is_green() {
            if !g.green_noted.swap(true, Ordering::Relaxed) {
                vm.interp.write_stderr(GREEN_NOTE);
            }
            job();
        } else {
            vm.rt.blocking(vm.tid, JOIN_WAIT, job);
        }
    } else {
        vm.rt.spawn(Box::new(job)).map_err(|e| error("RuntimeError", format!("can't start new process: {e:?}")))?;
    }
    Ok(Value::Int(pid))
}

/// Printed once on stderr when green threads make processes run one at a time.
pub const GREEN_NOTE: &str = "threadlab: processes run one at a time here: this engine runs everything on one \
worker (green threads), so each process runs to completion inside start()\n";

/// Sends a child's output to its parent: stdout into the parent's report (named
/// `Process-1/MainThread`) and live; stderr into the parent's stderr text.
struct ForwardSink {
    parent: Arc<Interp>,
    process: String,
}

impl OutputSink for ForwardSink {
    fn write(&self, thread: &str, _t_ms: f64, text: &str) {
        self.parent.rt.write_output_as(format!("{}/{}", self.process, thread), text);
    }

    fn write_stderr(&self, _thread: &str, _t_ms: f64, text: &str) {
        self.parent.write_stderr(text);
    }
}

/// A child process's whole life, on its own OS thread / worker (or inside `start()`).
fn run_child(g: Arc<Group>, p: Arc<Proc>, parent: Arc<Interp>, parent_pid: i64, payload: Value) {
    let sink: Arc<dyn OutputSink> = Arc::new(ForwardSink { parent: parent.clone(), process: p.name.clone() });
    let mut cfg = RuntimeConfig::new(g.mode, sink);
    cfg.switch_interval = g.switch_interval;
    let rt = Runtime::new(cfg);
    let offset_ms = parent.rt.now_us() / 1000.0;
    {
        let mut st = lock(&p.st);
        if st.terminated {
            rt.request_stop();
        }
        st.rt = Some(rt.clone());
    }
    let interp = Interp::new(rt.clone(), &g.filename, &g.source, g.builtins);
    let l = interp.ext::<Link>();
    let _ = l.group.set(g.clone());
    let _ = l.me.set(Me { pid: p.pid, name: p.name.clone(), parent: parent_pid });
    let mut vm = Vm::new(interp.clone(), 0);
    let mut code = child_main(&mut vm, &g, payload, &p.name);
    let hooks = std::mem::take(&mut *lock(&interp.ext::<ExitHooks>().0));
    for h in hooks {
        h(&mut vm);
    }
    rt.shutdown_daemons();
    rt.thread_end(0);
    let stopped = rt.is_stopped();
    let mut report = rt.finish(None);
    merge_children(&interp, &mut report);
    // As at the program's end: free the child's objects (function <-> globals cycles).
    clear_modules(&interp);
    report.shift_ms(offset_ms);
    let mut st = lock(&p.st);
    if st.terminated && stopped {
        code = TERMINATED;
    }
    st.exit = Some(code);
    st.report = Some(report);
    st.rt = None;
    drop(st);
    p.cv.notify_all();
}

/// Runs the program as `__mp_main__`, then the process object's `run()`; the exit code.
fn child_main(vm: &mut Vm, g: &Group, payload: Value, name: &str) -> i32 {
    let mut in_run = false;
    let result = (|| -> PyResult<Value> {
        let code = compile(&g.source, &g.filename).map_err(|e| error(e.kind, e.msg))?;
        let main = Arc::new(Module::new("__mp_main__", count_names(&code) + 256, Some(g.builtins)));
        main.set("__name__", Value::str("__mp_main__"));
        main.set("__file__", Value::str(&g.filename));
        main.set("__doc__", Value::None);
        let _ = vm.interp.main.set(main.clone());
        vm.interp.set_module("__mp_main__", Value::Module(main.clone()));
        vm.run_module_code(&code, &main)?;
        let m = vm.import_module("_mp_process")?;
        let load = vm.get_attr_opt(&m, "_child_load")?.ok_or_else(|| error("AttributeError", "_child_load"))?;
        let process = vm.call(&load, &[payload])?;
        in_run = true;
        let run = vm.get_attr_opt(&process, "run")?.ok_or_else(|| error("AttributeError", "run"))?;
        vm.call(&run, &[])
    })();
    match result {
        Ok(_) => 0,
        Err(Unwind::Exception(exc)) => {
            let is_exit = exc_class(&exc).map_or(false, |c| c.is_subclass(types().exc("SystemExit")));
            // CPython's `_bootstrap` names the process only for errors in `run()`.
            if !is_exit && in_run {
                vm.interp.write_stderr(&format!("Process {}:\n", name));
            }
            report_uncaught(vm, &exc).1
        }
        Err(Unwind::Interrupt(_)) => TERMINATED,
    }
}

/// Interpreter exit (CPython's `multiprocessing.util._exit_function`): join non-daemonic
/// children, terminate daemonic ones, and wait until all have ended so their reports are whole.
fn at_exit(vm: &mut Vm) {
    let procs = lock(&vm.interp.ext::<Link>().started).clone();
    for p in procs.iter().filter(|p| !p.daemon) {
        if wait_exit(vm, p, None).is_err() {
            break;
        }
    }
    for p in &procs {
        if p.daemon || vm.rt.is_stopped() {
            terminate_proc(p);
        }
    }
    for p in &procs {
        let mut st = lock(&p.st);
        while st.exit.is_none() {
            st = p.cv.wait_timeout(st, std::time::Duration::from_millis(20)).map(|r| r.0).unwrap_or_else(|e| e.into_inner().0);
        }
    }
}

fn wait_exit(vm: &Vm, p: &Proc, timeout: Option<f64>) -> Result<bool, Interrupt> {
    wait_shared(vm, JOIN_WAIT, &p.st, &p.cv, timeout, |s| s.exit.is_some())
}

/// `Runtime::wait_for` for a wait another process can end. Such a wait is never untimed in its
/// own runtime's eyes (an untimed wait counts towards deadlock detection, which sees only this
/// process's threads): it waits in long slices instead.
fn wait_shared<T>(
    vm: &Vm,
    state: State,
    m: &std::sync::Mutex<T>,
    cv: &Condvar,
    timeout: Option<f64>,
    mut ready: impl FnMut(&mut T) -> bool,
) -> Result<bool, Interrupt> {
    const SLICE_SECS: f64 = 3600.0;
    if timeout.is_some() {
        return vm.rt.wait_for(vm.tid, state, m, cv, timeout, ready);
    }
    loop {
        if vm.rt.wait_for(vm.tid, state, m, cv, Some(SLICE_SECS), &mut ready)? {
            return Ok(true);
        }
    }
}

fn terminate_proc(p: &Proc) {
    let mut st = lock(&p.st);
    if st.exit.is_none() {
        st.terminated = true;
        if let Some(rt) = &st.rt {
            rt.request_stop();
        }
    }
}

/// Adds the lanes of the processes `interp` started to its report, and labels every lane with
/// its process's pid (the hook `vm::run` calls on the program's report).
pub fn merge_children(interp: &Interp, report: &mut Report) {
    let link = interp.ext::<Link>();
    let name = link.me.get().map_or("MainProcess", |m| m.name.as_str());
    report.label_process(my_pid(&link) as u64, name);
    for p in lock(&link.started).iter() {
        if let Some(r) = &lock(&p.st).report {
            report.absorb_child(r);
        }
    }
}

fn proc_arg(vm: &Vm, v: &Value) -> PyResult<Arc<Proc>> {
    find(&link(vm).1.procs, v, "process")
}

/// `join(pid, timeout) -> bool` (True once the process has ended).
fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("join", 2)?;
    let p = proc_arg(vm, &a[0])?;
    let timeout = poll_or_wait(timeout_arg(Some(&a[1]))?);
    wait_exit(vm, &p, timeout).map(Value::Bool).map_err(Unwind::Interrupt)
}

fn exitcode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("exitcode", 1)?;
    let p = proc_arg(vm, &a[0])?;
    let code = lock(&p.st).exit;
    Ok(code.map_or(Value::None, |c| Value::Int(c as i64)))
}

fn terminate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("terminate", 1)?;
    let p = proc_arg(vm, &a[0])?;
    terminate_proc(&p);
    Ok(Value::None)
}

/// `identity() -> (pid, name, parent_pid)`; name and parent_pid are None in the main process.
fn identity(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("identity", 0)?;
    let (link, _) = link(vm);
    Ok(match link.me.get() {
        Some(me) => Value::tuple(vec![Value::Int(me.pid), Value::str(&me.name), Value::Int(me.parent)]),
        None => Value::tuple(vec![Value::Int(my_pid(&link)), Value::None, Value::None]),
    })
}

fn one_at_a_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("one_at_a_time", 0)?;
    Ok(Value::Bool(link(vm).1.one_at_a_time))
}

/// `import_module(name)`: the module a pickled global names (`__main__` is the program's).
/// `sequential() -> bool`: whether a started thread runs to completion inside `start()`, so a
/// pool's worker thread must drain its queue and end instead of waiting for more work.
fn sequential(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("sequential", 0)?;
    Ok(Value::Bool(vm.rt.mode == Mode::Sequential))
}

fn import_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("import_module", 1)?;
    let name = a[0].as_str().ok_or_else(|| type_error("module name must be str"))?.to_string();
    if name == "builtins" {
        let attrs = vm.interp.builtins.iter().map(|(k, v)| (*k, v.clone())).collect();
        return Ok(native_module("builtins", attrs));
    }
    if name == "__main__" || name == "__mp_main__" {
        if let Some(m) = vm.interp.main.get() {
            return Ok(Value::Module(m.clone()));
        }
    }
    vm.import_module(&name)
}

/// `builtin_home(f) -> (module, name) | None`: where a function written in Rust lives, for
/// pickling it by name (`time.sleep` is `('time', 'sleep')`): builtins first, then the imported
/// modules, the shortest name first.
fn builtin_home(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("builtin_home", 1)?;
    let Value::Builtin(b) = &a[0] else { return Ok(Value::None) };
    let same = |v: &Value| matches!(v, Value::Builtin(x) if std::ptr::eq(*x, *b));
    if vm.interp.builtins.get(b.name).map_or(false, same) {
        return Ok(Value::tuple(vec![Value::str("builtins"), Value::str(b.name)]));
    }
    let mut homes: Vec<String> = vm
        .interp
        .modules
        .lock()
        .items()
        .iter()
        .filter(|(_, m)| matches!(m, Value::Module(m) if m.get(b.name).as_ref().map_or(false, same)))
        .filter_map(|(name, _)| name.as_str().map(str::to_string))
        .collect();
    homes.sort_by_key(|n| (n.starts_with('_'), n.len(), n.clone()));
    Ok(match homes.first() {
        Some(m) => Value::tuple(vec![Value::str(m), Value::str(b.name)]),
        None => Value::None,
    })
}

// ---- channels: Queue and Pipe ----------------------------------------------------------------

#[derive(Default)]
struct Chan {
    q: Mutex<VecDeque<Value>>,
    cv: Condvar,
}

fn chan_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("chan_new", 0)?;
    let g = link(vm).1;
    let id = g.new_id();
    lock(&g.chans).insert(id, Arc::new(Chan::default()));
    Ok(Value::Int(id))
}

fn chan_put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("chan_put", 2)?;
    check_tree(&a[1])?;
    let c = find(&link(vm).1.chans, &a[0], "channel")?;
    lock(&c.q).push_back(a[1].clone());
    c.cv.notify_all();
    Ok(Value::None)
}

/// `chan_get(id, timeout) -> (True, tree)`, or `(False, None)` if the timeout passed first
/// (timeout None: wait for ever; 0: do not wait).
fn chan_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("chan_get", 2)?;
    let c = find(&link(vm).1.chans, &a[0], "channel")?;
    let timeout = poll_or_wait(timeout_arg(Some(&a[1]))?);
    let mut got = None;
    wait_shared(vm, SHARED_WAIT, &c.q, &c.cv, timeout, |q| {
            got = q.pop_front();
            got.is_some()
        })
        .map_err(Unwind::Interrupt)?;
    Ok(match got {
        Some(v) => Value::tuple(vec![Value::Bool(true), v]),
        None => Value::tuple(vec![Value::Bool(false), Value::None]),
    })
}

fn chan_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("chan_size", 1)?;
    let c = find(&link(vm).1.chans, &a[0], "channel")?;
    let n = lock(&c.q).len();
    Ok(Value::Int(n as i64))
}

// ---- semaphores: Lock, RLock, Semaphore --------------------------------------------------------

struct SemState {
    count: i64,
    /// Recursive locks: the owner's key ("pid:thread") and how deep it holds the lock.
    owner: Option<String>,
    depth: u32,
}

struct Sem {
    st: Mutex<SemState>,
    cv: Condvar,
    max: i64,
    recursive: bool,
}

/// `sem_new(value, maxvalue, recursive) -> id`.
fn sem_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sem_new", 3)?;
    let (count, max) = (arg_int(&a[0])?, arg_int(&a[1])?);
    let g = link(vm).1;
    let id = g.new_id();
    let st = Mutex::new(SemState { count, owner: None, depth: 0 });
    lock(&g.sems).insert(id, Arc::new(Sem { st, cv: Condvar::new(), max, recursive: flag(&a[2]) }));
    Ok(Value::Int(id))
}

/// `sem_acquire(id, key, timeout) -> bool`.
fn sem_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sem_acquire", 3)?;
    let s = find(&link(vm).1.sems, &a[0], "semaphore")?;
    let key = a[1].as_str().unwrap_or("").to_string();
    let timeout = poll_or_wait(timeout_arg(Some(&a[2]))?);
    if s.recursive {
        let mut st = lock(&s.st);
        if st.owner.as_deref() == Some(key.as_str()) {
            st.depth += 1;
            return Ok(Value::Bool(true));
        }
    }
    let recursive = s.recursive;
    let ok = wait_shared(vm, SHARED_WAIT, &s.st, &s.cv, timeout, |st| {
            if st.count <= 0 {
                return false;
            }
            st.count -= 1;
            if recursive {
                st.owner = Some(key.clone());
                st.depth = 1;
            }
            true
        })
        .map_err(Unwind::Interrupt)?;
    Ok(Value::Bool(ok))
}

/// `sem_release(id, key)`.
fn sem_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sem_release", 2)?;
    let s = find(&link(vm).1.sems, &a[0], "semaphore")?;
    let mut st = lock(&s.st);
    if s.recursive {
        if st.owner.as_deref() != a[1].as_str() || st.depth == 0 {
            return Err(error("AssertionError", "attempt to release recursive lock not owned by thread"));
        }
        st.depth -= 1;
        if st.depth > 0 {
            return Ok(Value::None);
        }
        st.owner = None;
    } else if st.count >= s.max {
        return Err(value_error("semaphore or lock released too many times"));
    }
    st.count += 1;
    drop(st);
    s.cv.notify_all();
    Ok(Value::None)
}

fn sem_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sem_value", 1)?;
    let s = find(&link(vm).1.sems, &a[0], "semaphore")?;
    let n = lock(&s.st).count;
    Ok(Value::Int(n))
}

// ---- shared numbers: Value and Array -----------------------------------------------------------

struct Shm {
    floats: bool,
    vals: Mutex<Vec<Value>>,
}

fn number(floats: bool, v: &Value) -> PyResult<Value> {
    match (floats, v) {
        (false, Value::Int(_)) | (true, Value::Float(_)) => Ok(v.clone()),
        (false, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        (true, Value::Int(i)) => Ok(Value::Float(*i as f64)),
        (false, _) => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
        (true, _) => Err(type_error(format!("must be real number, not {}", v.type_name()))),
    }
}

/// `shm_new(floats, [numbers]) -> id`.
fn shm_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("shm_new", 2)?;
    let floats = flag(&a[0]);
    let Value::List(items) = &a[1] else { return Err(type_error("shm_new wants a list")) };
    let vals = items.snapshot().iter().map(|v| number(floats, v)).collect::<PyResult<Vec<_>>>()?;
    let g = link(vm).1;
    let id = g.new_id();
    lock(&g.shms).insert(id, Arc::new(Shm { floats, vals: Mutex::new(vals) }));
    Ok(Value::Int(id))
}

fn shm_index(s: &Shm, v: &Value) -> PyResult<usize> {
    let i = arg_int(v)?;
    let n = lock(&s.vals).len() as i64;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(error("IndexError", "invalid index"));
    }
    Ok(i as usize)
}

fn shm_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("shm_get", 2)?;
    let s = find(&link(vm).1.shms, &a[0], "shared array")?;
    let i = shm_index(&s, &a[1])?;
    let v = lock(&s.vals)[i].clone();
    Ok(v)
}

fn shm_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("shm_set", 3)?;
    let s = find(&link(vm).1.shms, &a[0], "shared array")?;
    let i = shm_index(&s, &a[1])?;
    let v = number(s.floats, &a[2])?;
    lock(&s.vals)[i] = v;
    Ok(Value::None)
}

fn shm_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("shm_len", 1)?;
    let s = find(&link(vm).1.shms, &a[0], "shared array")?;
    let n = lock(&s.vals).len();
    Ok(Value::Int(n as i64))
}
