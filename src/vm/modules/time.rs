//! The `time` module. `sleep` releases the GIL through the runtime; clocks come from the run's
//! clock so every thread (and every Web Worker) reads the same epoch. Calendar functions
//! (`localtime`, `strftime`, `struct_time`, ...) are in `time.py` on top of `_civil`/`_strftime`
//! here. Local time is the browser's time zone on the web; natively it is UTC (what CPython
//! shows in a container without a zone).

use crate::builtins_table;
use crate::runtime::State;
use crate::vm::args::Args;
use crate::vm::types::float_value as to_f64;
use crate::vm::exceptions::{type_error, value_error, PyResult, Unwind};
use crate::vm::types::Builtin;
use crate::vm::state::Vm;
use crate::vm::value::Value;

static FUNCS: &[Builtin] = builtins_table![
    "sleep" => sleep,
    "time" => time,
    "time_ns" => time_ns,
    "perf_counter" => perf_counter,
    "perf_counter_ns" => perf_counter_ns,
    "monotonic" => perf_counter,
    "monotonic_ns" => perf_counter_ns,
    "process_time" => perf_counter,
    "thread_time" => perf_counter,
    "_civil" => civil,
    "_strftime" => strftime,
    "_timegm" => timegm,
    "_utc_offset" => utc_offset,
];

const TIME_PY: &str = include_str!("time.py");

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let attrs = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    super::source_module(vm, "time", TIME_PY, attrs)
}

/// Seconds east of UTC of local time at Unix time `t`.
fn local_offset(t: f64) -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t * 1000.0));
        -(d.get_timezone_offset() as i64) * 60
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = t;
        0
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// `_civil(secs, local)`: the nine struct_time fields plus zone name and UTC offset.
fn civil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_civil", 2)?;
    let t = to_f64(&a[0]).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", a[0].type_name())))?;
    let local = matches!(a[1], Value::Bool(true));
    let off = if local { local_offset(t) } else { 0 };
    let secs = t.floor() as i64 + off;
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Monday is 0)
    let zone = if off == 0 { "UTC".to_string() } else { format!("{:+03}{:02}", off / 3600, (off.abs() % 3600) / 60) };
    let ints = [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday, 0];
    let mut v: Vec<Value> = ints.iter().map(|&i| Value::Int(i)).collect();
    v.push(Value::string(zone));
    v.push(Value::Int(off));
    Ok(Value::tuple(v))
}

/// `_timegm(year, mon, mday, hour, min, sec)`: seconds since the epoch of a UTC date.
fn timegm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_timegm", 6)?;
    let mut f = [0i64; 6];
    for (i, v) in a.iter().enumerate() {
        f[i] = crate::vm::args::arg_int(v)?;
    }
    let days = days_from_civil(f[0], f[1], f[2]);
    Ok(Value::Int(days * 86400 + f[3] * 3600 + f[4] * 60 + f[5]))
}

fn utc_offset(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_utc_offset", 1)?;
    Ok(Value::Int(local_offset(to_f64(&a[0]).unwrap_or(0.0))))
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `_strftime(format, (year, mon, mday, hour, min, sec, wday, yday, isdst, zone, gmtoff))`, with
/// glibc's directives; an unknown one is copied as written.
fn strftime(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("_strftime", 2)?;
    let fmt = match &a[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => return Err(type_error(format!("strftime() argument 1 must be str, not {}", other.type_name()))),
    };
    let fields = match &a[1] {
        Value::Tuple(t) => t.items.to_vec(),
        _ => return Err(type_error("Tuple or struct_time argument required")),
    };
    let n = |i: usize| -> PyResult<i64> { crate::vm::args::arg_int(&fields[i]) };
    let (y, mo, d, h, mi, s, wd, yd) = (n(0)?, n(1)?, n(2)?, n(3)?, n(4)?, n(5)?, n(6)?, n(7)?);
    let zone = match fields.get(9) {
        Some(Value::Str(z)) => z.as_str().to_string(),
        _ => "UTC".to_string(),
    };
    let gmtoff = match fields.get(10) {
        Some(Value::Int(o)) => *o,
        _ => 0,
    };
    let day = DAYS[wd.rem_euclid(7) as usize];
    let month = MONTHS[(mo - 1).clamp(0, 11) as usize];
    let hour12 = if h % 12 == 0 { 12 } else { h % 12 };
    // Week numbers: %U counts from the first Sunday, %W from the first Monday.
    let sunday_wday = (wd + 1) % 7;
    let week_u = (yd - 1 + 7 - sunday_wday) / 7;
    let week_w = (yd - 1 + 7 - wd) / 7;
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(dir) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match dir {
            'Y' => y.to_string(),
            'y' => format!("{:02}", y.rem_euclid(100)),
            'C' => format!("{:02}", y / 100),
            'm' => format!("{:02}", mo),
            'd' => format!("{:02}", d),
            'e' => format!("{:2}", d),
            'H' => format!("{:02}", h),
            'k' => format!("{:2}", h),
            'I' => format!("{:02}", hour12),
            'l' => format!("{:2}", hour12),
            'M' => format!("{:02}", mi),
            'S' => format!("{:02}", s),
            'p' => (if h < 12 { "AM" } else { "PM" }).to_string(),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'j' => format!("{:03}", yd),
            'w' => sunday_wday.to_string(),
            'u' => (wd + 1).to_string(),
            'U' => format!("{:02}", week_u),
            'W' => format!("{:02}", week_w),
            'Z' => zone.clone(),
            'z' => format!("{}{:02}{:02}", if gmtoff < 0 { '-' } else { '+' }, gmtoff.abs() / 3600, gmtoff.abs() % 3600 / 60),
            'c' => format!("{} {} {:2} {:02}:{:02}:{:02} {}", &day[..3], &month[..3], d, h, mi, s, y),
            'x' | 'D' => format!("{:02}/{:02}/{:02}", mo, d, y.rem_euclid(100)),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", h, mi, s),
            'R' => format!("{:02}:{:02}", h, mi),
            'F' => format!("{}-{:02}-{:02}", y, mo, d),
            's' => (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - gmtoff).to_string(),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            other => format!("%{}", other),
        };
        out.push_str(&piece);
    }
    Ok(Value::string(out))
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("sleep", 1)?;
    let secs = match &a[0] {
        v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) => to_f64(v).unwrap_or(0.0),
        other => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
    };
    check_timestamp(&a[0], secs)?;
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if vm.rt.is_green() {
        return vm.green_wait(State::Sleeping, Some(secs), |timed_out| timed_out.then_some(Ok(Value::None)));
    }
    vm.rt.sleep(vm.tid, secs).map_err(Unwind::Interrupt)?;
    Ok(Value::None)
}

/// CPython converts a timeout to nanoseconds in an i64 (`_PyTime_t`) first, with these errors.
fn check_timestamp(v: &Value, secs: f64) -> PyResult<()> {
    const MAX_NS: f64 = i64::MAX as f64;
    match v {
        Value::Float(_) if secs.is_nan() => Err(value_error("Invalid value NaN (not a number)")),
        Value::Float(_) if !(secs * 1e9).is_finite() || (secs * 1e9).abs() >= MAX_NS => {
            Err(crate::vm::exceptions::error("OverflowError", "timestamp out of range for platform time_t"))
        }
        Value::Int(_) | Value::BigInt(_) if (secs * 1e9).abs() >= MAX_NS => {
            Err(crate::vm::exceptions::error("OverflowError", "timestamp too large to convert to C _PyTime_t"))
        }
        _ => Ok(()),
    }
}

/// Seconds since the Unix epoch.
fn unix_now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() / 1000.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }
}

fn time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("time", 0)?;
    Ok(Value::Float(unix_now()))
}

fn time_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("time_ns", 0)?;
    Ok(Value::Int((unix_now() * 1e9) as i64))
}

fn perf_counter(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.rt.now_us() / 1e6))
}

fn perf_counter_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.rt.now_us() * 1000.0) as i64))
}
