//! A tiny JSON writer (no serde: every kilobyte of wasm is download time).

use std::fmt::Write;

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    // U+2028/U+2029 are legal JSON but end a line in older JavaScript parsers: escape them too.
    write_str_escaping(out, s, |c| c == '\u{2028}' || c == '\u{2029}');
}

/// Appends `s` as a JSON string literal, escaping (as `\uXXXX`, surrogate pairs past U+FFFF)
/// the control characters and every character `extra` picks.
pub fn write_str_escaping(out: &mut String, s: &str, extra: impl Fn(char) -> bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || extra(c) => {
                let n = c as u32;
                if n > 0xffff {
                    let v = n - 0x10000;
                    let _ = write!(out, "\\u{:04x}\\u{:04x}", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
                } else {
                    let _ = write!(out, "\\u{:04x}", n);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a time in ms with microsecond resolution (3 decimals); `null` if not finite.
pub fn write_ms(out: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(out, "{v:.3}");
    } else {
        out.push_str("null");
    }
}

/// Appends a number in its shortest form (Rust's `Display` never uses exponents); `null` if not finite.
pub fn write_num(out: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(out, "{v}");
    } else {
        out.push_str("null");
    }
}
