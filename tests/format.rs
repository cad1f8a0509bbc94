//! `vm::format` against python3: thousands of generated (value, spec) cases, one python3 run.
//!
//! Each case is sent to python3 as a line `kind|value|spec` and python3 answers with the
//! hex-encoded result or `!Type: message`; strings travel hex-encoded so any byte is safe.
//! Floats travel as their bit patterns so both sides see the very same double.

mod harness;

use num_bigint::BigInt;
use std::io::Write;
use std::process::{Command, Stdio};
use threadlab::vm::format::{
    float_repr, format_bigint, format_float, format_int_i64, format_str, percent_format, FormatSpec, PercentArg,
};

const PYTHON_SIDE: &str = r#"
import sys, struct
def f64(bits): return struct.unpack('<d', struct.pack('<Q', int(bits)))[0]
def arg(a):
    k, _, v = a.partition(':')
    if k == 'i': return int(v)
    if k == 'f': return f64(v)
    if k == 's': return bytes.fromhex(v).decode()
    if k == 'b': return v == '1'
    return None
for line in sys.stdin:
    kind, value, spec = line.rstrip('\n').split('|')
    spec = bytes.fromhex(spec).decode()
    try:
        if kind == 'repr': r = repr(f64(value))
        elif kind == 'pct':
            args = tuple(arg(a) for a in value.split(',')) if value else ()
            r = spec % args
        else: r = format(arg(value), spec)
        print(r.encode().hex())
    except Exception as e:
        print('!%s: %s' % (type(e).__name__, e))
"#;

use harness::Rng;

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{:02x}", b)).collect()
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect();
    String::from_utf8(bytes).unwrap()
}

#[derive(Clone, Debug)]
enum Arg {
    Int(BigInt),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
}

impl Arg {
    fn encode(&self) -> String {
        match self {
            Arg::Int(n) => format!("i:{}", n),
            Arg::Float(x) => format!("f:{}", x.to_bits()),
            Arg::Str(s) => format!("s:{}", hex(s)),
            Arg::Bool(b) => format!("b:{}", *b as u8),
            Arg::None => "n:".into(),
        }
    }
}

impl PercentArg for Arg {
    fn as_int(&self) -> Option<BigInt> {
        match self {
            Arg::Int(n) => Some(n.clone()),
            Arg::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Arg::Int(n) => num_traits::ToPrimitive::to_f64(n),
            Arg::Bool(b) => Some(*b as u8 as f64),
            Arg::Float(x) => Some(*x),
            _ => None,
        }
    }
    fn to_str(&self) -> String {
        match self {
            Arg::Int(n) => n.to_string(),
            Arg::Float(x) => float_repr(*x),
            Arg::Str(s) => s.clone(),
            Arg::Bool(b) => if *b { "True" } else { "False" }.into(),
            Arg::None => "None".into(),
        }
    }
    fn to_repr(&self) -> String {
        match self {
            // The test strings hold no quotes or escapes, so this is Python's repr.
            Arg::Str(s) => format!("'{}'", s),
            _ => self.to_str(),
        }
    }
    fn type_name(&self) -> String {
        match self {
            Arg::Int(_) => "int",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
            Arg::Bool(_) => "bool",
            Arg::None => "NoneType",
        }
        .into()
    }
    fn as_char(&self) -> Option<char> {
        match self {
            Arg::Str(s) if s.chars().count() == 1 => s.chars().next(),
            _ => None,
        }
    }
}

struct Case {
    kind: &'static str,
    value: String,
    spec: String,
    actual: String,
}

fn render(result: Result<String, (&'static str, String)>) -> String {
    match result {
        Ok(s) => s,
        Err((typ, msg)) => format!("!{}: {}", typ, msg),
    }
}

/// Runs every case through python3 and lists each disagreement.
fn check_against_python(cases: &[Case]) {
    let mut child = Command::new("python3")
        .args(["-c", PYTHON_SIDE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut input = String::new();
    for c in cases {
        input.push_str(&format!("{}|{}|{}\n", c.kind, c.value, hex(&c.spec)));
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected: Vec<String> =
        stdout.lines().map(|l| if l.starts_with('!') { l.to_string() } else { unhex(l) }).collect();
    assert_eq!(expected.len(), cases.len(), "python3 answered every case");
    let mut failures = Vec::new();
    for (c, want) in cases.iter().zip(&expected) {
        if &c.actual != want {
            failures.push(format!("{} {} spec {:?}: python {:?}, threadlab {:?}", c.kind, c.value, c.spec, want, c.actual));
        }
    }
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(40).cloned().collect();
        panic!("{} of {} cases differ:\n{}", failures.len(), cases.len(), shown.join("\n"));
    }
    eprintln!("{} cases agree with python3", cases.len());
}

fn random_spec(rng: &mut Rng, types: &[&str], precisions: &[&str]) -> String {
    let align = rng.pick(&["", "", "<", ">", "^", "=", "*<", "*>", "*^", "0=", "x^", "0<"]);
    let sign = rng.pick(&["", "", "+", "-", " "]);
    let z = rng.pick(&["", "", "", "", "z"]);
    let alt = rng.pick(&["", "", "#"]);
    let zero = rng.pick(&["", "", "0"]);
    let width = rng.pick(&["", "", "1", "5", "8", "12", "20"]);
    let grouping = rng.pick(&["", "", "", ",", "_"]);
    let precision = rng.pick(precisions);
    let typ = rng.pick(types);
    format!("{}{}{}{}{}{}{}{}{}", align, sign, z, alt, zero, width, grouping, precision, typ)
}

fn spec_result(value: &Arg, spec: &str) -> String {
    let type_name = value.type_name();
    let parsed = match FormatSpec::parse_for(spec, &type_name) {
        Ok(p) => p,
        Err(e) => return render(Err(e)),
    };
    render(match value {
        Arg::Int(n) => format_bigint(n, &parsed),
        Arg::Float(x) => format_float(*x, &parsed),
        Arg::Str(s) => format_str(s, &parsed),
        _ => unreachable!(),
    })
}

fn interesting_floats(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut v = vec![
        0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5,
        0.0001, 0.00012345, 123456789.123, 1234567.891, 3.14159, 2.0 / 3.0, 1e22, 1e23, 1e100, 1.7976931348623157e308,
        5e-324, 2.2250738585072014e-308, 1.2345678901234567e20, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 0.05,
        0.15, 0.25, 0.35, 1.005, 2.675, 99.995, 999999.5, 9.5, 0.95, 123.456, -123.456, 100.0, 1e6,
    ];
    while v.len() < n {
        let x = match rng.below(5) {
            0 => f64::from_bits(rng.next()),
            1 => (rng.next() % 2_000_001) as f64 / 1000.0 - 1000.0,
            2 => (rng.next() % 100_000) as f64 * 10f64.powi(rng.below(40) as i32 - 20),
            3 => (rng.next() % 1000) as f64 / 8.0,
            // Near 2**53 the shortest digits often tie; CPython breaks ties to even.
            _ => ((1u64 << 50) + rng.next() % (1u64 << 56)) as f64 / 4.0,
        };
        v.push(x);
    }
    v
}

#[test]
fn float_repr_matches_python() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let cases: Vec<Case> = interesting_floats(&mut rng, 20000)
        .into_iter()
        .map(|x| Case { kind: "repr", value: x.to_bits().to_string(), spec: String::new(), actual: float_repr(x) })
        .collect();
    check_against_python(&cases);
}

#[test]
fn int_specs_match_python() {
    let mut rng = Rng(42);
    let types = ["", "", "d", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "E", "G", "F", "s", "q"];
    let mut values: Vec<BigInt> = [0i64, 1, -1, 7, 42, -42, 255, 1000, -1234567, 65, 9_876_543_210, i64::MAX, i64::MIN]
        .iter()
        .map(|&n| BigInt::from(n))
        .collect();
    values.push(BigInt::from(2).pow(100));
    values.push(-BigInt::from(3).pow(50));
    let mut cases = Vec::new();
    for _ in 0..1500 {
        let value = values[rng.below(values.len())].clone();
        let spec = random_spec(&mut rng, &types, &["", "", "", "", ".0", ".3"]);
        let actual = spec_result(&Arg::Int(value.clone()), &spec);
        cases.push(Case { kind: "int", value: Arg::Int(value).encode(), spec, actual });
    }
    for spec in ["", "d", ",", "_", "08,", "010_", "_x", "_b", "#_o", "+,", "^+9,", "=+9", "#010x", "c", "5c", "05c", ",x"] {
        let actual = spec_result(&Arg::Int(BigInt::from(1234567)), spec);
        cases.push(Case { kind: "int", value: "i:1234567".into(), spec: spec.into(), actual });
    }
    check_against_python(&cases);
}

#[test]
fn int_i64_fast_path_agrees_with_bigint() {
    for v in [0i64, 5, -5, i64::MAX, i64::MIN] {
        for spec in ["", "d", "5", "+d", "#x", ",", "_"] {
            let parsed = FormatSpec::parse(spec).unwrap();
            assert_eq!(format_int_i64(v, &parsed), format_bigint(&BigInt::from(v), &parsed), "{} {:?}", v, spec);
        }
    }
}

#[test]
fn float_specs_match_python() {
    let mut rng = Rng(7);
    let floats = interesting_floats(&mut rng, 300);
    let types = ["", "", "f", "f", "e", "E", "g", "G", "F", "%", "n", "d", "x", "s"];
    let precisions = ["", "", ".0", ".1", ".2", ".2", ".3", ".6", ".10", ".17", ".25"];
    let mut cases = Vec::new();
    for _ in 0..3000 {
        let x = floats[rng.below(floats.len())];
        let spec = random_spec(&mut rng, &types, &precisions);
        let actual = spec_result(&Arg::Float(x), &spec);
        cases.push(Case { kind: "float", value: Arg::Float(x).encode(), spec, actual });
    }
    // Every float with the common lesson specs.
    for &x in &floats {
        for spec in [".2f", ".1f", ".0f", "8.3f", "08.3f", ",.2f", ".2%", ".3e", ".4g", "g", "", ".3", "#.0f", "z.1f"] {
            let actual = spec_result(&Arg::Float(x), spec);
            cases.push(Case { kind: "float", value: Arg::Float(x).encode(), spec: spec.into(), actual });
        }
    }
    check_against_python(&cases);
}

#[test]
fn str_specs_match_python() {
    let mut rng = Rng(99);
    let strings = ["", "a", "abc", "hello world", "héllo", "threadlab", "MainThread"];
    let types = ["", "", "", "s", "s", "d", "f", "x"];
    let mut cases = Vec::new();
    for _ in 0..800 {
        let s = strings[rng.below(strings.len())];
        let spec = random_spec(&mut rng, &types, &["", "", "", ".0", ".2", ".5"]);
        let actual = spec_result(&Arg::Str(s.into()), &spec);
        cases.push(Case { kind: "str", value: Arg::Str(s.into()).encode(), spec, actual });
    }
    check_against_python(&cases);
}

#[test]
fn percent_format_matches_python() {
    let mut rng = Rng(1234);
    let values = [
        Arg::Int(BigInt::from(0)),
        Arg::Int(BigInt::from(42)),
        Arg::Int(BigInt::from(-255)),
        Arg::Int(BigInt::from(2).pow(70)),
        Arg::Int(BigInt::from(65)),
        Arg::Float(3.14159),
        Arg::Float(-0.5),
        Arg::Float(2.5),
        Arg::Float(1e20),
        Arg::Float(1e-7),
        Arg::Float(f64::INFINITY),
        Arg::Float(f64::NAN),
        Arg::Str("abc".into()),
        Arg::Str("x".into()),
        Arg::Bool(true),
        Arg::None,
    ];
    let mut cases = Vec::new();
    for _ in 0..1500 {
        let flags = rng.pick(&["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- "]);
        let width = rng.pick(&["", "", "3", "8", "12", "*"]);
        let precision = rng.pick(&["", "", ".0", ".2", ".5", ".*"]);
        let conv = rng.pick(&["s", "s", "r", "d", "d", "i", "x", "X", "o", "f", "f", "e", "E", "g", "G", "c", "%", "z"]);
        let fmt = format!("<%{}{}{}{}>", flags, width, precision, conv);
        let mut args: Vec<Arg> = Vec::new();
        if width == "*" {
            args.push(Arg::Int(BigInt::from(rng.below(20) as i64 - 6)));
        }
        if precision == ".*" {
            args.push(Arg::Int(BigInt::from(rng.below(6) as i64)));
        }
        if conv != "%" || rng.below(2) == 0 {
            args.push(values[rng.below(values.len())].clone());
        }
        cases.push(percent_case(&fmt, &args));
    }
    let fixed: Vec<(&str, Vec<Arg>)> = vec![
        ("%s and %s", vec![Arg::Int(1.into())]),
        ("%s", vec![Arg::Int(1.into()), Arg::Int(2.into())]),
        ("100%% done: %d/%d", vec![Arg::Int(3.into()), Arg::Int(4.into())]),
        ("%", vec![Arg::Int(1.into())]),
        ("%(name)s", vec![Arg::Int(1.into())]),
        ("%.2f%%", vec![Arg::Float(99.5)]),
        ("%-5s|%5s|", vec![Arg::Str("ab".into()), Arg::Str("cd".into())]),
        ("no args", vec![]),
        ("%5.1s|", vec![Arg::Str("hello".into())]),
        ("%c%c", vec![Arg::Int(72.into()), Arg::Str("i".into())]),
        ("%c", vec![Arg::Str("ab".into())]),
        ("%c", vec![Arg::Int((-1).into())]),
        ("%*d", vec![Arg::Str("a".into()), Arg::Int(1.into())]),
        ("%ld %hd %Lf", vec![Arg::Int(1.into()), Arg::Int(2.into()), Arg::Float(3.0)]),
    ];
    for (fmt, args) in fixed {
        cases.push(percent_case(fmt, &args));
    }
    check_against_python(&cases);
}

fn percent_case(fmt: &str, args: &[Arg]) -> Case {
    let refs: Vec<&dyn PercentArg> = args.iter().map(|a| a as &dyn PercentArg).collect();
    let encoded: Vec<String> = args.iter().map(Arg::encode).collect();
    Case { kind: "pct", value: encoded.join(","), spec: fmt.into(), actual: render(percent_format(fmt, &refs)) }
}

#[test]
fn spec_errors_use_cpython_wording() {
    let err = |spec: &str| FormatSpec::parse_for(spec, "int").unwrap_err().1;
    assert_eq!(err(".f"), "Format specifier missing precision");
    assert_eq!(err("abc"), "Invalid format specifier 'abc' for object of type 'int'");
    assert_eq!(err(",_"), "Cannot specify both ',' and '_'.");
    assert_eq!(err(",s"), "Cannot specify ',' with 's'.");
    let s = FormatSpec::parse(",").unwrap();
    assert_eq!(format_str("x", &s).unwrap_err().1, "Cannot specify ',' with 's'.");
    let d = FormatSpec::parse("d").unwrap();
    assert_eq!(format_str("x", &d).unwrap_err(), ("ValueError", "Unknown format code 'd' for object of type 'str'".into()));
    let f = FormatSpec::parse(".2f").unwrap();
    assert_eq!(format_str("x", &f).unwrap_err().1, "Unknown format code 'f' for object of type 'str'");
}
