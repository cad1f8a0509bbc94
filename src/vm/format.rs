//! Python's number and string formatting: `repr(float)`, `format(x, spec)` / f-string specs and
//! `%`-formatting. Pure functions over Rust values so the VM's `Value` type stays out of here.
//!
//! The code follows CPython 3.11's `Python/formatter_unicode.c` (spec parsing, padding, grouping),
//! `Python/pystrtod.c` (`format_float_short`) and `Objects/unicodeobject.c` (`%`), step by step,
//! because matching python3 byte for byte is easier by porting its decisions than by re-deriving
//! them. Errors are `(exception class name, message)` pairs worded exactly as CPython words them.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

pub type FmtError = (&'static str, String);

fn value_error<T>(msg: impl Into<String>) -> Result<T, FmtError> {
    Err(("ValueError", msg.into()))
}

fn type_error<T>(msg: impl Into<String>) -> Result<T, FmtError> {
    Err(("TypeError", msg.into()))
}

// ---------------------------------------------------------------------------------------------
// Float to digits

/// How many digits to ask the float-to-decimal conversion for (David Gay's dtoa modes).
#[derive(Clone, Copy)]
enum DigitMode {
    /// Shortest digits that round-trip (mode 0).
    Shortest,
    /// This many significant digits, correctly rounded (mode 2).
    Significant(usize),
    /// This many digits after the decimal point, correctly rounded (mode 3).
    Fixed(usize),
}

/// Decimal digits of a finite, non-negative `x` in dtoa's shape: `x ~= 0.DIGITS * 10**decpt`, no
/// trailing zeros; zero (or a value rounded away to nothing) is `("0", 1)`. Rust's float
/// formatting is correctly rounded (half to even on exact ties) and its shortest form picks the
/// closest shortest digits, which is what CPython's dtoa does.
fn float_digits(x: f64, mode: DigitMode) -> (String, i32) {
    match mode {
        DigitMode::Shortest => {
            // Rust breaks a tie between two shortest candidates upwards; CPython takes the even
            // one. Re-rounding to the same digit count, correctly rounded, settles it as CPython.
            let (digits, decpt) = sci_digits(&format!("{:e}", x));
            let exact = sci_digits(&format!("{:.*e}", digits.len() - 1, x));
            if exact.0 != digits && exact.0.len() <= digits.len() {
                return exact;
            }
            (digits, decpt)
        }
        // An f64's exact decimal expansion has at most 767 significant digits and 1074 after
        // the point: asking for more only adds zeros, which the callers trim and re-pad (and
        // Rust's formatter panics on precisions past u16::MAX).
        DigitMode::Significant(n) => sci_digits(&format!("{:.*e}", n.clamp(1, 800) - 1, x)),
        DigitMode::Fixed(p) => {
            let s = format!("{:.*}", p.min(1100), x);
            let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
            let all: String = [int_part, frac_part].concat();
            let leading_zeros = all.bytes().take_while(|&b| b == b'0').count();
            if leading_zeros == all.len() {
                return ("0".into(), 1);
            }
            let digits = all[leading_zeros..].trim_end_matches('0').to_string();
            (digits, int_part.len() as i32 - leading_zeros as i32)
        }
    }
}

/// Parses Rust's `D.DDDDeN` into dtoa's (digits, decpt).
fn sci_digits(s: &str) -> (String, i32) {
    let (mantissa, exp) = s.split_once('e').expect("scientific notation");
    let exp: i32 = exp.parse().expect("exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return ("0".into(), 1);
    }
    (digits.to_string(), exp + 1)
}

/// Options of CPython's `format_float_short`.
#[derive(Clone, Copy, Default)]
struct FloatStyle {
    /// 'e', 'f', 'g' or 'r' (repr).
    code: char,
    precision: usize,
    always_sign: bool,
    /// Used by repr and by format() without a type: '1.0' rather than '1'.
    add_dot_0: bool,
    /// '#': keep the decimal point and trailing zeros.
    alternate: bool,
    no_neg_zero: bool,
    upper: bool,
}

/// CPython's `PyOS_double_to_string`: the float alone, sign included, no padding.
fn float_to_string(x: f64, style: FloatStyle) -> String {
    let mut out = String::new();
    if x.is_nan() {
        // CPython never shows a sign on nan, not even for -nan.
        if style.always_sign {
            out.push('+');
        }
        out.push_str(if style.upper { "NAN" } else { "nan" });
        return out;
    }
    let mut precision = style.precision as i64;
    let mode = match style.code {
        'e' => {
            precision += 1;
            DigitMode::Significant(precision as usize)
        }
        'f' => DigitMode::Fixed(style.precision),
        'g' => {
            // precision 0 makes no sense for 'g'; CPython reads it as 1.
            if precision == 0 {
                precision = 1;
            }
            DigitMode::Significant(precision as usize)
        }
        _ => DigitMode::Shortest,
    };
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        push_sign(&mut out, negative, style.always_sign);
        out.push_str(if style.upper { "INF" } else { "inf" });
        return out;
    }
    let (digits, decpt) = float_digits(x.abs(), mode);
    if style.no_neg_zero && negative && digits == "0" {
        negative = false;
    }
    push_sign(&mut out, negative, style.always_sign);

    let digits_len = digits.len() as i64;
    let mut decpt = decpt as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match style.code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if style.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if style.alternate {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16 and below 1e-4.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // The output is the slice [vdigits_start, vdigits_end) of the digits padded with zeros on
    // both sides, with the decimal point at decpt.
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && style.add_dot_0 { decpt + 1 } else { decpt };
    vdigits_end = vdigits_end.max(min_end);

    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat('0').take(n.max(0) as usize));
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !style.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if style.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

fn push_sign(out: &mut String, negative: bool, always_sign: bool) {
    if negative {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
}

/// repr()/str() of a float: shortest round-trip digits, exponent below 1e-4 and from 1e16 on.
pub fn float_repr(x: f64) -> String {
    float_to_string(x, FloatStyle { code: 'r', add_dot_0: true, ..Default::default() })
}

// ---------------------------------------------------------------------------------------------
// The format-spec mini-language

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `align: None` means the type's default ('<' for str, '>' for numbers, '=' for numbers when
/// `zero` is set). When `zero` is set, `fill` is already '0'.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// The 'z' option (3.11): turn a negative zero into a positive one (floats only).
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub typ: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            typ: None,
        }
    }
}

impl FormatSpec {
    /// Parses a spec. The "Invalid format specifier" error names the value's type; this one
    /// says 'object' — prefer [`FormatSpec::parse_for`] when the type is known.
    pub fn parse(spec: &str) -> Result<FormatSpec, FmtError> {
        Self::parse_for(spec, "object")
    }

    /// Parses a spec for a value of Python type `type_name` (used only in error messages).
    pub fn parse_for(spec: &str, type_name: &str) -> Result<FormatSpec, FmtError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut f = FormatSpec::default();
        let mut pos = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        let mut fill_specified = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = chars[0];
            f.align = Some(chars[1]);
            fill_specified = true;
            pos = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            f.align = Some(chars[0]);
            pos = 1;
        }
        if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < chars.len() && chars[pos] == 'z' {
            f.no_neg_zero = true;
            pos += 1;
        }
        if pos < chars.len() && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        // A '0' before the width means zero padding, unless a fill character was given.
        if !fill_specified && pos < chars.len() && chars[pos] == '0' {
            f.zero = true;
            f.fill = '0';
            pos += 1;
        }
        f.width = sized(read_integer(&chars, &mut pos))?;
        if pos < chars.len() && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < chars.len() && chars[pos] == '_' {
            if f.grouping.is_some() {
                return value_error("Cannot specify both ',' and '_'.");
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < chars.len() && chars[pos] == ',' && f.grouping == Some('_') {
            return value_error("Cannot specify both ',' and '_'.");
        }
        if pos < chars.len() && chars[pos] == '.' {
            pos += 1;
            f.precision = sized(read_integer(&chars, &mut pos))?;
            if f.precision.is_none() {
                return value_error("Format specifier missing precision");
            }
        }
        if chars.len() - pos > 1 {
            return value_error(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ));
        }
        if pos < chars.len() {
            f.typ = Some(chars[pos]);
        }
        if let Some(sep) = f.grouping {
            match f.typ {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
                Some(t) => return Err(invalid_separator(sep, t)),
            }
        }
        Ok(f)
    }

    fn width(&self) -> i64 {
        self.width.map_or(-1, |w| w as i64)
    }
}

/// u64, not usize: what a width means must not depend on the build (wasm32's usize is 32 bits).
fn read_integer(chars: &[char], pos: &mut usize) -> Option<u64> {
    let start = *pos;
    let mut value: u64 = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        value = value.saturating_mul(10).saturating_add(chars[*pos] as u64 - '0' as u64);
        *pos += 1;
    }
    (*pos > start).then_some(value)
}

/// A width or precision: each asks for that many characters, so past the heap cap it is
/// CPython's MemoryError (and past what a 64-bit C ssize_t holds, its ValueError: the same in
/// wasm32, whose own ssize_t is 32 bits, as natively).
fn sized(n: Option<u64>) -> Result<Option<usize>, FmtError> {
    match n {
        Some(n) if n > i64::MAX as u64 => value_error("Too many decimal digits in format string"),
        Some(n) => match usize::try_from(n) {
            Ok(n) if crate::vm::limits::check_alloc(n, 1).is_ok() => Ok(Some(n)),
            _ => Err(("MemoryError", String::new())),
        },
        None => Ok(None),
    }
}

fn invalid_separator(sep: char, typ: char) -> FmtError {
    let shown = if (typ as u32) > 32 && (typ as u32) < 128 {
        format!("'{}'", typ)
    } else {
        format!("'\\x{:x}'", typ as u32)
    };
    ("ValueError", format!("Cannot specify '{}' with {}.", sep, shown))
}

fn unknown_code(typ: char, type_name: &str) -> FmtError {
    let shown = if (typ as u32) > 32 && (typ as u32) < 128 {
        format!("'{}'", typ)
    } else {
        format!("'\\x{:x}'", typ as u32)
    };
    ("ValueError", format!("Unknown format code {} for object of type '{}'", shown, type_name))
}

// ---------------------------------------------------------------------------------------------
// Number layout: <lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>

/// The parts of a formatted number, before padding and grouping.
struct NumberParts<'a> {
    negative: bool,
    /// '0x' and friends.
    prefix: &'a str,
    /// The integer digits, which grouping applies to.
    digits: &'a str,
    has_decimal: bool,
    /// Everything after the decimal point (fraction, exponent, '%'), or the char of 'c'.
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn layout_number(parts: &NumberParts, spec: &FormatSpec, separator: Option<char>, group: usize) -> String {
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let n_non_digit = sign.is_some() as i64
        + parts.prefix.chars().count() as i64
        + parts.has_decimal as i64
        + parts.remainder.chars().count() as i64;
    let width = spec.width();
    // Zero padding between sign and digits is part of the digits, so it gets grouped too.
    let min_width = if spec.fill == '0' && align == '=' { width - n_non_digit } else { 0 };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, separator, group)
    };
    let padding = (width - n_non_digit - grouped.chars().count() as i64).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    let fill = |out: &mut String, n: usize| out.extend(std::iter::repeat(spec.fill).take(n));
    fill(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    fill(&mut out, spad);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    fill(&mut out, rpad);
    out
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right and, when
/// `min_width` asks for it, pads them on the left with zeros (which get separators too).
fn group_digits(digits: &str, min_width: i64, separator: Option<char>, group: usize) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let Some(sep) = separator else {
        let len = remaining.max(min_width).max(1);
        let mut out = "0".repeat((len - remaining).max(0) as usize);
        out.push_str(std::str::from_utf8(digits).unwrap());
        return out;
    };
    // Pieces are produced right to left.
    let mut pieces: Vec<String> = Vec::new();
    loop {
        let len = (group as i64).min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let mut piece = "0".repeat(n_zeros as usize);
        let end = remaining as usize;
        piece.push_str(std::str::from_utf8(&digits[end - n_chars as usize..end]).unwrap());
        pieces.push(piece);
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.join(&sep.to_string())
}

// ---------------------------------------------------------------------------------------------
// format() of int, float and str

pub fn format_int_i64(v: i64, spec: &FormatSpec) -> Result<String, FmtError> {
    let plain = spec.width.is_none() && spec.sign.is_none() && spec.grouping.is_none();
    if plain && spec.precision.is_none() && !spec.no_neg_zero && matches!(spec.typ, None | Some('d')) {
        return Ok(v.to_string());
    }
    format_bigint(&BigInt::from(v), spec)
}

pub fn format_bigint(v: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    match spec.typ {
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_internal(v, spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = int_to_f64(v)?;
            format_float(x, spec)
        }
        Some(t) => Err(unknown_code(t, "int")),
    }
}

/// `float(int)`, with CPython's error for ints beyond the float range.
pub fn int_to_f64(v: &BigInt) -> Result<f64, FmtError> {
    match v.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(("OverflowError", "int too large to convert to float".into())),
    }
}

fn format_int_internal(v: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    if spec.precision.is_some() {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_zero {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if spec.typ == Some('c') {
        if spec.sign.is_some() {
            return value_error("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if v.to_i64().is_none() {
            return Err(("OverflowError", "Python int too large to convert to C long".into()));
        }
        let ch = v
            .to_u32()
            .filter(|&c| c <= 0x10ffff)
            .ok_or(("OverflowError", "%c arg not in range(0x110000)".to_string()))?;
        // Lone surrogates have no Rust char; U+FFFD stands in for them.
        let ch = char::from_u32(ch).unwrap_or('\u{fffd}').to_string();
        let parts = NumberParts { negative: false, prefix: "", digits: "", has_decimal: false, remainder: &ch };
        return Ok(layout_number(&parts, spec, None, 3));
    }
    let (base, prefix) = match spec.typ {
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x') => (16, "0x"),
        Some('X') => (16, "0X"),
        _ => (10, ""),
    };
    if base == 10 {
        crate::vm::limits::check_int_to_str(v)?;
    }
    let mut digits = v.abs().to_str_radix(base);
    if spec.typ == Some('X') {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let (separator, group) = match (spec.grouping, base) {
        (Some('_'), 10) => (Some('_'), 3),
        (Some('_'), _) => (Some('_'), 4),
        (sep, _) => (sep, 3),
    };
    let parts = NumberParts { negative: v.is_negative(), prefix, digits: &digits, has_decimal: false, remainder: "" };
    Ok(layout_number(&parts, spec, separator, group))
}

pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    let typ = match spec.typ {
        None => None,
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => Some(t),
        Some(t) => return Err(unknown_code(t, "float")),
    };
    let mut style = FloatStyle {
        precision: spec.precision.unwrap_or(6),
        alternate: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
        ..Default::default()
    };
    let mut value = v;
    let mut percent = false;
    match typ {
        // No type: repr() without a precision; 'g' keeping a '.0' with one.
        None => {
            style.add_dot_0 = true;
            style.code = if spec.precision.is_some() { 'g' } else { 'r' };
        }
        Some('n') => style.code = 'g',
        Some('%') => {
            style.code = 'f';
            value *= 100.0;
            percent = true;
        }
        Some(t) => {
            style.code = t.to_ascii_lowercase();
            style.upper = t.is_ascii_uppercase();
        }
    }
    let mut text = float_to_string(value, style);
    if percent {
        text.push('%');
    }
    let body = text.strip_prefix('-');
    let negative = body.is_some();
    let body = body.unwrap_or(&text);
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts { negative, prefix: "", digits, has_decimal, remainder };
    Ok(layout_number(&parts, spec, spec.grouping, 3))
}

pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    match spec.typ {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if let Some(sep) = spec.grouping {
        return Err(invalid_separator(sep, 's'));
    }
    match spec.sign {
        Some(' ') => return value_error("Space not allowed in string format specifier"),
        Some(_) => return value_error("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_neg_zero {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return value_error("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some('=') {
        return value_error("'=' alignment not allowed in string format specifier");
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&text, spec.width.unwrap_or(0), spec.align.unwrap_or('<'), spec.fill))
}

fn pad(text: &str, width: usize, align: char, fill: char) -> String {
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let padding = width - len;
    let left = match align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    // `repeat` copies in doubling blocks: a huge width costs memcpy, not a loop per char.
    let fill = fill.to_string();
    let mut out = String::with_capacity(width * fill.len());
    out.push_str(&fill.repeat(left));
    out.push_str(text);
    out.push_str(&fill.repeat(padding - left));
    out
}

// ---------------------------------------------------------------------------------------------
// printf-style `%` formatting

/// One operand of `%`-formatting, seen through the conversions `%` needs.
pub trait PercentArg {
    /// The integer value of ints and bools; `None` for everything else (floats included).
    fn as_int(&self) -> Option<BigInt>;
    /// The float value of ints, bools and floats; `None` for everything else.
    fn as_f64(&self) -> Option<f64>;
    fn to_str(&self) -> String;
    fn to_repr(&self) -> String;
    /// Python type name for error messages ('str', 'NoneType', ...).
    fn type_name(&self) -> String;
    /// A one-character str is accepted by '%c'; other values return `None`.
    fn as_char(&self) -> Option<char> {
        None
    }
}

/// Flags and sizes of one `%` conversion.
#[derive(Default)]
struct PercentSpec {
    left: bool,
    plus: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// `fmt % args`. A single non-tuple right operand is passed as a one-element slice.
pub fn percent_format(fmt: &str, args: &[&dyn PercentArg]) -> Result<String, FmtError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut next_arg = 0;
    let take_arg = |next_arg: &mut usize| -> Result<&dyn PercentArg, FmtError> {
        let arg = args.get(*next_arg).copied();
        *next_arg += 1;
        arg.ok_or(("TypeError", "not enough arguments for format string".to_string()))
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < chars.len() && chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        if i < chars.len() && chars[i] == '(' {
            return type_error("format requires a mapping");
        }
        let mut spec = PercentSpec::default();
        while i < chars.len() {
            match chars[i] {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.blank = true,
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            let w = star_arg(take_arg(&mut next_arg)?)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = sized(Some(w.unsigned_abs()))?.unwrap_or(0);
            i += 1;
        } else {
            let mut pos = i;
            spec.width = sized(read_integer(&chars, &mut pos))?.unwrap_or(0);
            i = pos;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                spec.precision = sized(Some(star_arg(take_arg(&mut next_arg)?)?.max(0) as u64))?;
                i += 1;
            } else {
                let mut pos = i;
                spec.precision = sized(Some(read_integer(&chars, &mut pos).unwrap_or(0)))?;
                i = pos;
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return value_error("incomplete format");
        }
        let conv = chars[i];
        let arg = take_arg(&mut next_arg)?;
        let converted = percent_one(conv, arg, &spec, i)?;
        out.push_str(&converted);
        i += 1;
    }
    if next_arg < args.len() {
        return type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}

fn star_arg(arg: &dyn PercentArg) -> Result<i64, FmtError> {
    match arg.as_int() {
        Some(n) => n.to_i64().ok_or(("OverflowError", "Python int too large to convert to C ssize_t".into())),
        None => type_error("* wants int"),
    }
}

fn percent_one(conv: char, arg: &dyn PercentArg, spec: &PercentSpec, index: usize) -> Result<String, FmtError> {
    let text = match conv {
        's' | 'r' | 'a' => {
            let s = if conv == 's' { arg.to_str() } else { arg.to_repr() };
            let s = match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            return Ok(pad(&s, spec.width, if spec.left { '<' } else { '>' }, ' '));
        }
        'c' => {
            let ch = match (arg.as_int(), arg.as_char()) {
                (Some(n), _) => n
                    .to_u32()
                    .filter(|&c| c <= 0x10ffff)
                    .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
                    .ok_or(("OverflowError", "%c arg not in range(0x110000)".to_string()))?,
                (None, Some(c)) => c,
                _ => return type_error("%c requires int or char"),
            };
            return Ok(pad(&ch.to_string(), spec.width, if spec.left { '<' } else { '>' }, ' '));
        }
        'd' | 'i' | 'u' => {
            let n = match (arg.as_int(), arg.as_f64()) {
                (Some(n), _) => n,
                (None, Some(x)) => float_to_int(x)?,
                _ => return type_error(format!("%{} format: a real number is required, not {}", conv, arg.type_name())),
            };
            percent_int(&n, 10, "", spec)?
        }
        'x' | 'X' | 'o' => {
            let Some(n) = arg.as_int() else {
                return type_error(format!("%{} format: an integer is required, not {}", conv, arg.type_name()));
            };
            let (base, prefix) = match conv {
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                _ => (8, "0o"),
            };
            let mut s = percent_int(&n, base, if spec.alternate { prefix } else { "" }, spec)?;
            if conv == 'X' {
                s = s.to_ascii_uppercase();
            }
            s
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let Some(x) = arg.as_f64() else {
                return type_error(format!("must be real number, not {}", arg.type_name()));
            };
            let style = FloatStyle {
                code: conv.to_ascii_lowercase(),
                precision: spec.precision.unwrap_or(6),
                alternate: spec.alternate,
                upper: conv.is_ascii_uppercase(),
                ..Default::default()
            };
            float_to_string(x, style)
        }
        _ => {
            return value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                conv, conv as u32, index
            ))
        }
    };
    Ok(pad_number(&text, spec))
}

/// `int(x)` of a float, for '%d'.
fn float_to_int(x: f64) -> Result<BigInt, FmtError> {
    if x.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    BigInt::from_f64(x.trunc()).ok_or(("OverflowError", "cannot convert float infinity to integer".into()))
}

/// Digits of `n` with '%'-precision's minimum digit count, sign and prefix ('-0x1f').
fn percent_int(n: &BigInt, base: u32, prefix: &str, spec: &PercentSpec) -> Result<String, FmtError> {
    if base == 10 {
        crate::vm::limits::check_int_to_str(n)?;
    }
    let digits = n.abs().to_str_radix(base);
    let min_digits = spec.precision.unwrap_or(0);
    let mut out = String::new();
    if n.is_negative() {
        out.push('-');
    }
    out.push_str(prefix);
    if digits.len() < min_digits {
        out.push_str(&"0".repeat(min_digits - digits.len()));
    }
    out.push_str(&digits);
    if n.is_zero() && out.is_empty() {
        out.push('0');
    }
    Ok(out)
}

/// Sign flags and padding of a formatted number: '-' pads right with spaces, '0' pads with
/// zeros between the sign/prefix and the digits, otherwise spaces on the left.
fn pad_number(text: &str, spec: &PercentSpec) -> String {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None if spec.plus => ("+", text),
        None if spec.blank => (" ", text),
        None => ("", text),
    };
    let prefix_len = if body.len() >= 2 && body.as_bytes()[0] == b'0' && matches!(body.as_bytes()[1], b'x' | b'X' | b'o') {
        2
    } else {
        0
    };
    let (prefix, digits) = body.split_at(prefix_len);
    let len = sign.len() + body.chars().count();
    let padding = spec.width.saturating_sub(len);
    if spec.left {
        format!("{}{}{}", sign, body, " ".repeat(padding))
    } else if spec.zero {
        format!("{}{}{}{}", sign, prefix, "0".repeat(padding), digits)
    } else {
        format!("{}{}{}", " ".repeat(padding), sign, body)
    }
}
