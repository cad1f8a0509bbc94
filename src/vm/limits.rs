//! Limits a program cannot push past: how deep Rust may recurse on nested Python data.
//!
//! `repr`, comparisons and hashing of containers recurse in Rust. CPython counts such nested
//! calls with its Python frames against the recursion limit (`Py_EnterRecursiveCall`) and
//! raises `RecursionError` with a message naming the operation. threadlab does the same, and
//! also stops when the thread's Rust stack runs low (`runtime::stack`), whatever the limit
//! (`sys.setrecursionlimit` can raise it far past what a wasm worker's stack holds).

use super::exceptions::{error, PyResult, Unwind};
use super::state::Vm;
use crate::runtime::stack::stack_exhausted;
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a nested call is doing, for CPython's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    Repr,
    Compare,
    /// Hashing a tuple: CPython does not count it, so only the stack bounds it.
    Hash,
}

impl Nesting {
    fn message(self) -> &'static str {
        match self {
            Nesting::Repr => "maximum recursion depth exceeded while getting the repr of an object",
            Nesting::Compare => "maximum recursion depth exceeded in comparison",
            Nesting::Hash => "maximum recursion depth exceeded",
        }
    }
}

/// Most nested levels on one thread, whatever the recursion limit. Natively the stack check
/// bounds nesting. In wasm each Rust call is also a frame on the browser's own call stack
/// (about 1 MB per worker in V8, not measurable from inside), which overflows first, as an
/// uncatchable `RangeError`: so a fixed count, measured to fit (unoptimized frames are big).
pub const MAX_NESTING: usize = if !cfg!(target_arch = "wasm32") {
    usize::MAX
} else if cfg!(debug_assertions) {
    100
} else {
    500
};

thread_local! {
    /// Nested `Nested` guards alive on this OS thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

pub fn recursion_error(msg: &str) -> Unwind {
    error("RecursionError", msg)
}

/// One level of nested work on Python data; leaving the scope ends it.
pub struct Nested(());

impl Nested {
    /// Enters one level, or raises `RecursionError` when the frames plus nested calls reach
    /// the recursion limit (as CPython counts them) or the stack runs low.
    #[inline]
    pub fn enter(vm: &Vm, what: Nesting) -> PyResult<Nested> {
        let depth = DEPTH.with(|d| d.get()) + 1;
        // The +1 is the innermost value's own call, which CPython counts and we do not.
        let counted = what != Nesting::Hash && vm.frames.len() + depth + 1 >= vm.recursion_limit();
        if counted || depth > MAX_NESTING || stack_exhausted() {
            return Err(recursion_error(what.message()));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(Nested(()))
    }

    /// Enters one level without a `Vm` (hashing, key comparison): stack-bounded only.
    #[inline]
    pub fn enter_stack(what: Nesting) -> PyResult<Nested> {
        let depth = DEPTH.with(|d| d.get()) + 1;
        if depth > MAX_NESTING || stack_exhausted() {
            return Err(recursion_error(what.message()));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(Nested(()))
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// The heap cap in wasm: the most bytes one object a program sizes may take (a repeated
/// sequence, a padded string, a shifted int, a list made from a range). Past it the program
/// gets CPython's `MemoryError` instead of the allocator trapping wasm. 256 MiB: a quarter of
/// the 1 GiB the wasm shared memory may grow to (`--max-memory` in .cargo/config.toml), so the
/// other threads still get theirs. See docs/limits.md.
pub const WASM_MAX_ALLOC_BYTES: usize = 256 << 20;

/// Natively, when the machine's memory cannot be read: what a small laptop can still give one
/// object.
pub const NATIVE_FALLBACK_ALLOC_BYTES: usize = 4 << 30;

/// The cap now; 0 until first asked for (then the build's default) or set by the runner
/// (`threadlab run --max-memory`, `THREADLAB_MAX_MEMORY`).
static MAX_ALLOC: AtomicUsize = AtomicUsize::new(0);

/// The most bytes one object a program sizes may take (see `WASM_MAX_ALLOC_BYTES`,
/// `native_default_alloc_bytes`).
#[inline]
pub fn max_alloc_bytes() -> usize {
    match MAX_ALLOC.load(Ordering::Relaxed) {
        0 => {
            let cap = default_alloc_bytes();
            MAX_ALLOC.store(cap, Ordering::Relaxed);
            cap
        }
        cap => cap,
    }
}

/// Sets the cap for the rest of the process (the native runner's `--max-memory`).
pub fn set_max_alloc_bytes(bytes: usize) {
    MAX_ALLOC.store(bytes.max(1), Ordering::Relaxed);
}

fn default_alloc_bytes() -> usize {
    if cfg!(target_arch = "wasm32") {
        WASM_MAX_ALLOC_BYTES
    } else {
        native_default_alloc_bytes(std::fs::read_to_string("/proc/meminfo").ok().as_deref())
    }
}

/// Natively: half the machine's physical memory (`MemTotal` of /proc/meminfo, given as `meminfo`),
/// so what CPython can allocate threadlab can too (`[0] * 10**8`: 800 MB in CPython, 1.6 GB
/// here, whose values are 16 bytes), while one object never takes the whole machine and the
/// program gets `MemoryError` rather than the OOM killer. Without /proc (not Linux) 4 GiB.
pub fn native_default_alloc_bytes(meminfo: Option<&str>) -> usize {
    let total_kib = meminfo.and_then(|m| {
        let line = m.lines().find(|l| l.starts_with("MemTotal:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    });
    match total_kib {
        Some(kib) if kib > 0 => usize::try_from(kib.saturating_mul(1024) / 2).unwrap_or(usize::MAX).max(WASM_MAX_ALLOC_BYTES),
        _ => NATIVE_FALLBACK_ALLOC_BYTES,
    }
}

/// A size as `--max-memory` takes it: bytes, or a number with K, M, G or T (powers of 1024,
/// optionally followed by `B` or `iB`), e.g. `512M`, `2GiB`, `1.5G`.
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text.trim();
    let digits_end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits_end);
    let num: f64 = num.parse().ok()?;
    let unit = unit.trim().to_ascii_uppercase();
    let unit = unit.strip_suffix("IB").or_else(|| unit.strip_suffix('B')).unwrap_or(&unit);
    let scale: f64 = match unit {
        "" => 1.0,
        "K" => 1024.0,
        "M" => 1024.0 * 1024.0,
        "G" => 1024.0 * 1024.0 * 1024.0,
        "T" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = num * scale;
    (bytes >= 1.0 && bytes < usize::MAX as f64).then_some(bytes as usize)
}

pub fn memory_error() -> Unwind {
    error("MemoryError", "")
}

/// Checks that `count` items of `each` bytes fit under the heap cap.
#[inline]
pub fn check_alloc(count: usize, each: usize) -> PyResult<()> {
    match count.checked_mul(each) {
        Some(bytes) if bytes <= max_alloc_bytes() => Ok(()),
        _ => Err(memory_error()),
    }
}

/// The same for a count that may not fit a usize (an int's bit count, `len * n`).
#[inline]
pub fn check_alloc_u128(count: u128, each: usize) -> PyResult<()> {
    match count.checked_mul(each as u128) {
        Some(bytes) if bytes <= max_alloc_bytes() as u128 => Ok(()),
        _ => Err(memory_error()),
    }
}

/// CPython's default `sys.get_int_max_str_digits()`: decimal conversions of ints with more
/// digits raise ValueError (they take quadratic time; CVE-2020-10735).
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts.
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// The limit now (0: none). Process-wide, reset by each run's start (`reset_for_run`): a page
/// runs one program at a time.
static INT_MAX_STR_DIGITS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(DEFAULT_INT_MAX_STR_DIGITS);

pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_int_max_str_digits(n: usize) {
    INT_MAX_STR_DIGITS.store(n, std::sync::atomic::Ordering::Relaxed);
}

/// Per-run settings back to CPython's defaults.
pub fn reset_for_run() {
    set_int_max_str_digits(DEFAULT_INT_MAX_STR_DIGITS);
}

/// int -> decimal str: the limit's ValueError, checked before the (quadratic) conversion.
pub fn check_int_to_str(b: &num_bigint::BigInt) -> Result<(), (&'static str, String)> {
    let limit = int_max_str_digits();
    if limit == 0 {
        return Ok(());
    }
    // bits * log10(2) <= digits < bits * log10(2) + 1: decide from the bit count when it can.
    let low = (b.bits() as f64 * std::f64::consts::LOG10_2).floor() as usize;
    let too_many = low > limit || (low + 1 > limit && b.magnitude().to_string().len() > limit);
    if too_many {
        return Err((
            "ValueError",
            format!("Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit),
        ));
    }
    Ok(())
}

/// str -> int in a base that is not a power of two: the limit's ValueError for a well-formed
/// literal with too many digits (a malformed one gets the usual "invalid literal" error).
pub fn check_str_to_int(s: &str, base: u32) -> PyResult<()> {
    let limit = int_max_str_digits();
    if limit == 0 || base.is_power_of_two() {
        return Ok(());
    }
    let t = s.trim();
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let digits = t.bytes().filter(|b| *b != b'_').count();
    if digits > limit && t.chars().all(|c| c == '_' || c.is_digit(base)) {
        return Err(error(
            "ValueError",
            format!("Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit", limit, digits),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_default_is_half_the_machine() {
        let meminfo = "MemTotal:       24576000 kB\nMemFree:         3000000 kB\n";
        assert_eq!(native_default_alloc_bytes(Some(meminfo)), 24576000 * 1024 / 2);
        // 16 GB machines and up give `[0] * 10**8` (1.6 GB) room, as CPython has.
        assert!(native_default_alloc_bytes(Some("MemTotal: 16000000 kB")) > 100_000_000 * 16);
        // A tiny machine still gets the wasm cap; no /proc, or garbage: the fallback.
        assert_eq!(native_default_alloc_bytes(Some("MemTotal: 1000 kB")), WASM_MAX_ALLOC_BYTES);
        assert_eq!(native_default_alloc_bytes(None), NATIVE_FALLBACK_ALLOC_BYTES);
        assert_eq!(native_default_alloc_bytes(Some("MemTotal: lots")), NATIVE_FALLBACK_ALLOC_BYTES);
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("2GiB"), Some(2 << 30));
        assert_eq!(parse_size("1.5g"), Some(3 << 29));
        assert_eq!(parse_size("64kb"), Some(64 << 10));
        for bad in ["", "M", "-1G", "0", "12X", "1e9", "1..2G"] {
            assert_eq!(parse_size(bad), None, "{:?}", bad);
        }
    }
}
