//! `threading.Thread` (and `_MainThread`): a Python thread is one `Vm` running `self.run()` on an
//! OS thread (or Web Worker) started through the runtime's spawner, on its own timeline lane.
//!
//! The object's Rust state (`ThreadCore`) is the instance payload, so Python subclasses that
//! override `run()` and call `super().__init__()` share it unchanged.

use super::registry::{ident_for, native_id_for, Entry, Registry};
use super::{payload, property, timeout_arg, with_core};
use crate::builtins_table;
use crate::runtime::{Interrupt, Mode, SpawnError, State, Tid};
use crate::vm::args::Args;
use crate::vm::green;
use crate::vm::exceptions::{error, exc_class, format_exception, runtime_error, type_error, PyResult, Unwind};
use crate::vm::types::{intern, Builtin, Class, TypeKind};
use crate::vm::sync::lock;
use crate::vm::state::{Interp, Vm};
use crate::vm::types::{make_class_in, types};
use crate::vm::value::Value;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

pub struct ThreadCore {
    info: Mutex<Info>,
    /// CPython's `_started` event: the new thread sets it once it runs; `start()` waits for it.
    started: Mutex<bool>,
    started_cv: Condvar,
    /// CPython's `_tstate_lock`: set when the thread has finished; `join()` waits for it.
    done: Mutex<bool>,
    done_cv: Condvar,
}

struct Info {
    initialized: bool,
    name: String,
    daemon: bool,
    target: Value,
    args: Value,
    kwargs: Value,
    /// `start()` has been called (and the thread was created).
    started: bool,
    /// The thread's timeline lane, from `start()` on.
    tid: Option<Tid>,
}

impl ThreadCore {
    fn new() -> ThreadCore {
        ThreadCore {
            info: Mutex::new(Info {
                initialized: false,
                name: String::new(),
                daemon: false,
                target: Value::None,
                args: Value::None,
                kwargs: Value::None,
                started: false,
                tid: None,
            }),
            started: Mutex::new(false),
            started_cv: Condvar::new(),
            done: Mutex::new(false),
            done_cv: Condvar::new(),
        }
    }

    pub fn is_daemon(&self) -> bool {
        lock(&self.info).daemon
    }

    pub fn name(&self) -> String {
        lock(&self.info).name.clone()
    }

    fn is_done(&self) -> bool {
        *lock(&self.done)
    }

    pub fn is_alive(&self) -> bool {
        lock(&self.info).started && !self.is_done()
    }

    fn set_started(&self) {
        *lock(&self.started) = true;
        self.started_cv.notify_all();
    }

    pub fn set_done(&self) {
        *lock(&self.done) = true;
        self.done_cv.notify_all();
    }

    /// Waits (GIL released, lane `blocked_join`) until the thread has finished.
    pub fn wait_done(&self, vm: &Vm, timeout: Option<f64>) -> PyResult<bool> {
        vm.rt.wait_for(vm.tid, State::BlockedJoin, &self.done, &self.done_cv, timeout, |d| *d).map_err(Unwind::Interrupt)
    }
}

static METHODS: &[Builtin] = builtins_table![
    "__init__" => init,
    "start" => start,
    "run" => run,
    "join" => join,
    "is_alive" => is_alive,
    "__repr__" => repr,
    "getName" => name_get,
    "setName" => name_set,
    "isDaemon" => daemon_get,
    "setDaemon" => daemon_set,
];

static NAME_GET: Builtin = Builtin { name: "name", f: name_get };
static NAME_SET: Builtin = Builtin { name: "name", f: name_set };
static DAEMON_GET: Builtin = Builtin { name: "daemon", f: daemon_get };
static DAEMON_SET: Builtin = Builtin { name: "daemon", f: daemon_set };
static IDENT_GET: Builtin = Builtin { name: "ident", f: ident_get };
static NATIVE_ID_GET: Builtin = Builtin { name: "native_id", f: native_id_get };

pub fn thread_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| {
        let c = make_class_in("threading", "Thread", &[types().object.clone()], TypeKind::Native, METHODS, Some(new));
        property(&c, "name", &NAME_GET, Some(&NAME_SET));
        property(&c, "daemon", &DAEMON_GET, Some(&DAEMON_SET));
        property(&c, "ident", &IDENT_GET, None);
        property(&c, "native_id", &NATIVE_ID_GET, None);
        c
    })
}

fn main_thread_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    CLS.get_or_init(|| make_class_in("threading", "_MainThread", &[thread_class().clone()], TypeKind::Native, &[], None))
}

/// The run's `_MainThread` object (lane 0), made on first use.
pub fn main_thread(vm: &Vm) -> Entry {
    let reg = vm.interp.ext::<Registry>();
    let (obj, core) = reg.main.get_or_init(|| {
        let core = Arc::new(ThreadCore::new());
        {
            let mut i = lock(&core.info);
            i.initialized = true;
            i.name = "MainThread".into();
            i.started = true;
            i.tid = Some(0);
        }
        core.set_started();
        let obj = with_core(main_thread_class(), core.clone());
        (obj, core)
    });
    Entry { tid: 0, obj: obj.clone(), core: core.clone() }
}

/// `threading.current_thread()`: the Thread object whose lane the caller runs on.
pub fn current(vm: &Vm) -> Entry {
    match vm.interp.ext::<Registry>().by_tid(vm.tid) {
        Some(e) => e,
        // Only code outside any Thread (the exit hooks) gets here; it runs on the main thread.
        None => main_thread(vm),
    }
}

fn core_of(v: &Value) -> PyResult<Arc<ThreadCore>> {
    payload::<ThreadCore>(v, "Thread")
}

fn new(_vm: &mut Vm, cls: &Arc<Class>, _args: Args) -> PyResult<Value> {
    // `cls(...)` then calls `__init__`: Thread's own (`init` below) or a subclass's, which
    // calls Thread.__init__ itself.
    Ok(with_core(cls, Arc::new(ThreadCore::new())))
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    let core = core_of(this)?;
    init_core(vm, &core, rest)?;
    Ok(Value::None)
}

/// `Thread.__init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)`.
fn init_core(vm: &mut Vm, core: &ThreadCore, args: Args) -> PyResult<()> {
    const PARAMS: [&str; 5] = ["group", "target", "name", "args", "kwargs"];
    let pos = args.pos();
    if pos.len() > PARAMS.len() {
        return Err(type_error(format!(
            "Thread.__init__() takes from 1 to 6 positional arguments but {} were given",
            pos.len() + 1
        )));
    }
    let mut vals: [Value; 5] = std::array::from_fn(|_| Value::Null);
    for (i, v) in pos.iter().enumerate() {
        vals[i] = v.clone();
    }
    let mut daemon = Value::None;
    for (k, v) in args.kwargs() {
        match PARAMS.iter().position(|p| *p == k) {
            Some(i) if i < pos.len() => {
                return Err(type_error(format!("Thread.__init__() got multiple values for argument '{}'", k)))
            }
            Some(i) => vals[i] = v.clone(),
            None if k == "daemon" => daemon = v.clone(),
            None => return Err(type_error(format!("Thread.__init__() got an unexpected keyword argument '{}'", k))),
        }
    }
    let [group, target, name, targs, kwargs] = vals;
    if !group.is_null() && !group.is_none() {
        return Err(error("AssertionError", "group argument must be None for now"));
    }
    let target = if target.is_null() { Value::None } else { target };
    let name_given = !name.is_null() && vm.truthy(&name)?;
    let name = if name_given {
        vm.str_string(&name)?
    } else {
        let n = vm.interp.ext::<Registry>().next_number();
        let mut s = format!("Thread-{}", n);
        if !target.is_none() {
            if let Some(tn) = vm.get_attr_opt(&target, "__name__")? {
                s.push_str(&format!(" ({})", vm.str_string(&tn)?));
            }
        }
        s
    };
    // Daemon threads create daemon threads: the default is the creating thread's flag.
    let daemon = if daemon.is_null() || daemon.is_none() {
        current(vm).core.is_daemon()
    } else {
        vm.truthy(&daemon)?
    };
    let mut i = lock(&core.info);
    i.initialized = true;
    i.name = name;
    i.daemon = daemon;
    i.target = target;
    i.args = if targs.is_null() { Value::tuple(Vec::new()) } else { targs };
    i.kwargs = if kwargs.is_null() { Value::None } else { kwargs };
    Ok(())
}

fn start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("start", 1)?;
    let this = a[0].clone();
    let core = core_of(&this)?;
    let name = {
        let mut i = lock(&core.info);
        if !i.initialized {
            return Err(runtime_error("thread.__init__() not called"));
        }
        if i.started {
            return Err(runtime_error("threads can only be started once"));
        }
        i.started = true;
        i.name.clone()
    };
    let rt = vm.rt.clone();
    let tid = rt.register_thread(&name);
    lock(&core.info).tid = Some(tid);
    let reg = vm.interp.ext::<Registry>();
    reg.add(Entry { tid, obj: this.clone(), core: core.clone() });

    if rt.mode == Mode::Sequential {
        // The one-after-another baseline: the thread runs to completion right here, on its own
        // lane, while the caller's lane shows it waiting (as if it had called join at once).
        let interp = vm.interp.clone();
        super::describe_wait(vm, None, &format!("{} to finish", rt.thread_name(tid)), None);
        let interrupted = rt.blocking(vm.tid, State::BlockedJoin, || thread_main(&interp, &this, &core, tid));
        return match interrupted {
            Some(i) => Err(Unwind::Interrupt(i)),
            None => Ok(Value::None),
        };
    }

    if rt.is_green() {
        green_start(vm, &this, &core, tid);
        // As below: wait for the new thread's `_started`.
        let started = core.clone();
        return vm.green_wait(State::BlockedLock, None, move |_| (*lock(&started.started)).then_some(Ok(Value::None)));
    }

    let (interp, obj, body_core) = (vm.interp.clone(), this.clone(), core.clone());
    if let Err(e) = rt.spawn(Box::new(move || {
        thread_main(&interp, &obj, &body_core, tid);
    })) {
        reg.remove(tid);
        {
            let mut i = lock(&core.info);
            i.started = false;
            i.tid = None;
        }
        rt.set_thread_name(tid, &format!("{} (not started)", name));
        return Err(match e {
            SpawnError::Limit => runtime_error("can't start new thread"),
            SpawnError::Failed(msg) => runtime_error(format!("can't start new thread ({})", msg)),
        });
    }
    // CPython's start() waits for the new thread's `_started` event. With the GIL that hands the
    // GIL to the new thread, which keeps it until it blocks or is asked to drop it after a
    // switch interval: why lesson 1 prints "Task running" before "Main thread continues".
    rt.wait_for(vm.tid, State::BlockedLock, &core.started, &core.started_cv, None, |s| *s).map_err(Unwind::Interrupt)?;
    Ok(Value::None)
}

/// The body of a Python thread (CPython's `_bootstrap_inner`): take the GIL, run `self.run()`,
/// report an uncaught exception as `threading.excepthook` does, then leave the thread table,
/// end the lane and wake joiners. Returns the interrupt that ended it, if any.
fn thread_main(interp: &Arc<Interp>, obj: &Value, core: &ThreadCore, tid: Tid) -> Option<Interrupt> {
    let rt = interp.rt.clone();
    rt.thread_begin(tid);
    core.set_started();
    let mut vm = Vm::new(interp.clone(), tid);
    let result = match rt.interrupt_for() {
        Some(i) => Err(Unwind::Interrupt(i)),
        None => vm.get_attr(obj, &intern("run")).and_then(|run| vm.call(&run, &[])),
    };
    let interrupted = thread_exit(&mut vm, obj, core, result);
    drop(vm);
    interrupted
}

/// The end of a thread's body: report an uncaught exception, leave the thread table, end the
/// lane, wake joiners. Returns the interrupt that ended it, if any.
fn thread_exit(vm: &mut Vm, obj: &Value, core: &ThreadCore, result: PyResult<Value>) -> Option<Interrupt> {
    let interrupted = match result {
        Ok(_) => None,
        Err(Unwind::Exception(exc)) => {
            report_uncaught(vm, obj, core, &exc);
            None
        }
        Err(Unwind::Interrupt(i)) => Some(i),
    };
    vm.interp.ext::<Registry>().remove(vm.tid);
    // Between these two the lane is done but its joiners not yet woken: no deadlock then.
    vm.rt.thread_exiting(true);
    vm.rt.thread_end(vm.tid);
    core.set_done();
    vm.rt.thread_exiting(false);
    interrupted
}

/// Hands an exception that ended a thread to `threading.excepthook`: the default prints it
/// here; a hook the program installed is called with `ExceptHookArgs`, and if it raises, that
/// error is printed as CPython prints it ("Exception in threading.excepthook:").
fn report_uncaught(vm: &mut Vm, obj: &Value, core: &ThreadCore, exc: &Value) {
    let module = vm.interp.module("threading");
    let hook = match &module {
        Some(m) => vm.get_attr(m, &intern("excepthook")).ok(),
        None => None,
    };
    let hook = match hook {
        Some(Value::Builtin(b)) if b.name == "excepthook" => None,
        other => other,
    };
    let (Some(hook), Some(m)) = (hook, module) else {
        print_exception(vm, core, exc);
        return;
    };
    let cls = Value::Class(types().class_of(exc));
    let made = vm
        .get_attr(&m, &intern("ExceptHookArgs"))
        .and_then(|ctor| vm.call(&ctor, &[Value::tuple(vec![cls, exc.clone(), Value::None, obj.clone()])]))
        .and_then(|hook_args| vm.call(&hook, &[hook_args]));
    if let Err(Unwind::Exception(e)) = made {
        let text = format!("Exception in threading.excepthook:\n{}", format_exception(vm, &e));
        vm.interp.write_stderr(&text);
    }
}

/// `threading.excepthook(args)`, the default hook, for a program that calls it itself.
pub(crate) fn default_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("excepthook", 1)?;
    let exc_type = vm.get_attr(&a[0], &intern("exc_type"))?;
    let exc = vm.get_attr(&a[0], &intern("exc_value"))?;
    let thread = vm.get_attr(&a[0], &intern("thread"))?;
    if let Value::Class(c) = &exc_type {
        if c.is_subclass(types().exc("SystemExit")) {
            return Ok(Value::None);
        }
    }
    let name = if thread.is_none() {
        ident_for(vm.tid).to_string()
    } else {
        let n = vm.get_attr(&thread, &intern("name"))?;
        vm.str_string(&n)?
    };
    let text = if exc.is_none() {
        format!("Exception in thread {}:\nNoneType: None\n", name)
    } else {
        format!("Exception in thread {}:\n{}", name, format_exception(vm, &exc))
    };
    vm.interp.write_stderr(&text);
    Ok(Value::None)
}

/// `start()` with green threads: the thread's body as a suspended green thread whose first
/// frame is `run()`'s, or for Thread's own `run`, the target's (so the target runs in the
/// thread's outermost dispatch loop and can switch anywhere).
fn green_start(vm: &Vm, obj: &Value, core: &Arc<ThreadCore>, tid: Tid) {
    let (obj, end_obj, body_core, end_core) = (obj.clone(), obj.clone(), core.clone(), core.clone());
    let start: green::Start = Box::new(move |vm: &mut Vm| {
        body_core.set_started();
        let run_method = vm.get_attr(&obj, &intern("run"))?;
        let own_run = matches!(&run_method, Value::Method(m)
            if matches!(&m.func, Value::Builtin(b) if b.f as *const () == run as *const ()));
        if !own_run {
            return vm.push_call(&run_method, Vec::new(), Vec::new());
        }
        match take_target(vm, &body_core)? {
            Some((target, pos, kw)) => vm.push_call(&target, pos, kw).map(|v| v.map(|_| Value::None)),
            None => Ok(Some(Value::None)),
        }
    });
    let finish: green::Finish = Box::new(move |vm: &mut Vm, result| {
        thread_exit(vm, &end_obj, &end_core, result);
    });
    green::spawn(&vm.interp, tid, start, finish);
}

/// `threading.excepthook`'s default: SystemExit is silent; anything else prints
/// "Exception in thread NAME:" and the traceback to stderr, and the other threads go on.
fn print_exception(vm: &mut Vm, core: &ThreadCore, exc: &Value) {
    if exc_class(exc).map_or(false, |c| c.is_subclass(types().exc("SystemExit"))) {
        return;
    }
    let text = format!("Exception in thread {}:\n{}", core.name(), format_exception(vm, exc));
    vm.interp.write_stderr(&text);
}

/// `Thread.run()`: calls `target(*args, **kwargs)`, then drops them (as CPython does, so the
/// thread does not keep its arguments alive).
fn run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("run", 1)?;
    let core = core_of(&a[0])?;
    if let Some((target, pos, kw)) = take_target(vm, &core)? {
        vm.call_with_kwargs(&target, pos, kw)?;
    }
    Ok(Value::None)
}

/// Takes the thread's target and its arguments out of the thread object (None: no target).
fn take_target(vm: &mut Vm, core: &ThreadCore) -> PyResult<Option<(Value, Vec<Value>, Vec<(String, Value)>)>> {
    let (target, targs, kwargs) = {
        let mut i = lock(&core.info);
        (
            std::mem::replace(&mut i.target, Value::None),
            std::mem::replace(&mut i.args, Value::None),
            std::mem::replace(&mut i.kwargs, Value::None),
        )
    };
    if target.is_none() {
        return Ok(None);
    }
    let pos = match &targs {
        Value::Tuple(t) => t.items.to_vec(),
        Value::None => Vec::new(),
        other => vm.collect(other).map_err(|_| {
            let what = match &target {
                Value::Function(f) => format!("{}()", f.qualname.as_str()),
                other => format!("{} object", other.type_name()),
            };
            type_error(format!("{} argument after * must be an iterable, not {}", what, other.type_name()))
        })?,
    };
    let mut kw = Vec::new();
    match &kwargs {
        Value::None => {}
        Value::Dict(d) => {
            for (k, v) in d.lock().items() {
                match k {
                    Value::Str(s) => kw.push((s.as_str().to_string(), v)),
                    _ => return Err(type_error("keywords must be strings")),
                }
            }
        }
        other => return Err(type_error(format!("argument after ** must be a mapping, not {}", other.type_name()))),
    }
    Ok(Some((target, pos, kw)))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, rest) = args.split_self();
    rest.only_kwargs("join", &["timeout"])?;
    if rest.n() > 1 {
        return Err(type_error(format!("Thread.join() takes from 1 to 2 positional arguments but {} were given", rest.n() + 1)));
    }
    let timeout = timeout_arg(rest.arg(0, "timeout"))?.map(|t| t.max(0.0));
    let core = core_of(this)?;
    let tid = {
        let i = lock(&core.info);
        if !i.initialized {
            return Err(runtime_error("Thread.__init__() not called"));
        }
        if !i.started {
            return Err(runtime_error("cannot join thread before it is started"));
        }
        i.tid
    };
    if tid == Some(vm.tid) {
        return Err(runtime_error("cannot join current thread"));
    }
    if let Some(t) = tid {
        super::describe_wait(vm, timeout, &format!("{} to finish", vm.rt.thread_name(t)), None);
    }
    if vm.rt.is_green() {
        return vm.green_wait(State::BlockedJoin, timeout, move |timed_out| (core.is_done() || timed_out).then_some(Ok(Value::None)));
    }
    core.wait_done(vm, timeout)?;
    Ok(Value::None)
}

fn is_alive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = vm;
    let a = args.exact("is_alive", 1)?;
    let core = core_of(&a[0])?;
    if !lock(&core.info).initialized {
        return Err(error("AssertionError", "Thread.__init__() not called"));
    }
    Ok(Value::Bool(core.is_alive()))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = vm;
    let a = args.exact("__repr__", 1)?;
    let core = core_of(&a[0])?;
    let cls = match &a[0] {
        Value::Instance(i) => i.class.name.as_str().to_string(),
        _ => "Thread".into(),
    };
    let done = core.is_done();
    let i = lock(&core.info);
    if !i.initialized {
        return Err(error("AssertionError", "Thread.__init__() was not called"));
    }
    let mut status = String::from(if !i.started {
        "initial"
    } else if done && i.tid != Some(0) {
        "stopped"
    } else {
        "started"
    });
    if i.daemon {
        status.push_str(" daemon");
    }
    if let Some(tid) = i.tid {
        status.push_str(&format!(" {}", ident_for(tid)));
    }
    Ok(Value::string(format!("<{}({}, {})>", cls, i.name, status)))
}

fn initialized_core(v: &Value) -> PyResult<Arc<ThreadCore>> {
    let core = core_of(v)?;
    if !lock(&core.info).initialized {
        return Err(error("AssertionError", "Thread.__init__() not called"));
    }
    Ok(core)
}

fn name_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("name", 1)?;
    Ok(Value::string(initialized_core(&a[0])?.name()))
}

fn name_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("name", 2)?;
    let core = initialized_core(&a[0])?;
    let name = vm.str_string(&a[1])?;
    let tid = {
        let mut i = lock(&core.info);
        i.name = name.clone();
        i.tid
    };
    // The lane follows the name, so the timeline shows what the program calls its threads.
    if let Some(tid) = tid {
        vm.rt.set_thread_name(tid, &name);
    }
    Ok(Value::None)
}

fn daemon_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("daemon", 1)?;
    Ok(Value::Bool(initialized_core(&a[0])?.is_daemon()))
}

fn daemon_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("daemon", 2)?;
    let core = core_of(&a[0])?;
    let flag = vm.truthy(&a[1])?;
    let mut i = lock(&core.info);
    if !i.initialized {
        return Err(runtime_error("Thread.__init__() not called"));
    }
    if i.started {
        return Err(runtime_error("cannot set daemon status of active thread"));
    }
    i.daemon = flag;
    Ok(Value::None)
}

fn ident_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("ident", 1)?;
    let tid = lock(&initialized_core(&a[0])?.info).tid;
    Ok(tid.map_or(Value::None, |t| Value::Int(ident_for(t))))
}

fn native_id_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("native_id", 1)?;
    let tid = lock(&initialized_core(&a[0])?.info).tid;
    Ok(tid.map_or(Value::None, |t| Value::Int(native_id_for(t))))
}
