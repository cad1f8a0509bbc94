//! `_random`: CPython's Mersenne Twister (Modules/_randommodule.c), seeded the same way
//! (`init_by_array` over the 32-bit words of abs(seed); a str seed is first extended with its
//! SHA-512, as random.py's version 2 does), so `random.seed(n)` replays CPython's sequences bit
//! for bit. random.py (in Python, `pylib/random.py`) builds everything else on `random()` and
//! `getrandbits()`. Each generator's state sits behind a mutex: threads may share one.

use crate::builtins_table;
use crate::vm::args::Args;
use crate::vm::exceptions::{type_error, value_error, PyResult};
use crate::vm::types::{Builtin, Class, Instance, TypeKind};
use crate::vm::types::to_bigint;
use crate::vm::sync::lock;
use crate::vm::state::Vm;
use crate::vm::types::{make_class_in, types};
use crate::vm::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::Signed;
use std::sync::{Arc, Mutex, OnceLock};

const N: usize = 624;
const M: usize = 397;

struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt { state: [0; N], index: N + 1 }
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x80000000;
        const LOWER: u32 = 0x7fffffff;
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & UPPER) | (mt[(kk + 1) % N] & LOWER);
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ if y & 1 != 0 { 0x9908b0df } else { 0 };
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (`genrand_res53`).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

fn generator_class() -> &'static Arc<Class> {
    static CLS: OnceLock<Arc<Class>> = OnceLock::new();
    static METHODS: &[Builtin] = builtins_table![
        "random" => random,
        "getrandbits" => getrandbits,
        "seed" => seed,
        "getstate" => getstate,
        "setstate" => setstate,
    ];
    CLS.get_or_init(|| make_class_in("_random", "Random", &[types().object.clone()], TypeKind::Native, METHODS, None))
}

static FUNCS: &[Builtin] = builtins_table!["Random" => new_generator];

pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let attrs = FUNCS.iter().map(|b| (b.name, Value::Builtin(b))).collect();
    Ok(super::native_module("_random", attrs))
}

fn new_generator(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact("Random", 0)?;
    let mut mt = Mt::new();
    seed_from_entropy(&mut mt);
    let payload: Box<Mutex<Mt>> = Box::new(Mutex::new(mt));
    Ok(Value::Instance(Arc::new(Instance::with_payload(generator_class().clone(), payload))))
}

fn this<'a>(v: &'a Value) -> PyResult<&'a Mutex<Mt>> {
    match v {
        Value::Instance(i) => i.payload::<Mutex<Mt>>().ok_or_else(|| type_error("descriptor requires a '_random.Random' object")),
        _ => Err(type_error("descriptor requires a '_random.Random' object")),
    }
}

fn random(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("random", 1)?;
    Ok(Value::Float(lock(this(&a[0])?).random()))
}

fn getrandbits(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("getrandbits", 2)?;
    let mut k = crate::vm::args::arg_int(&a[1])?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    let mut mt = lock(this(&a[0])?);
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        return Ok(Value::Int((mt.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::with_capacity(words);
    for _ in 0..words {
        let mut r = mt.next_u32();
        if k < 32 {
            r >>= 32 - k;
        }
        digits.push(r);
        k -= 32;
    }
    Ok(Value::bigint(BigInt::from_slice(Sign::Plus, &digits)))
}

/// `seed(a)`: None seeds from the clock; an int by its absolute value; a str (random.py's
/// version 2) by int.from_bytes(utf8 + sha512(utf8)), bytes and bytearray the same way.
fn seed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("seed", 2)?;
    let mut mt = lock(this(&a[0])?);
    let n = match &a[1] {
        Value::None => {
            seed_from_entropy(&mut mt);
            return Ok(Value::None);
        }
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            let mut bytes = match &a[1] {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                v => crate::vm::types::bytes_like(v).map(|b| b.to_vec()).unwrap_or_default(),
            };
            let digest = sha512(&bytes);
            bytes.extend_from_slice(&digest);
            BigInt::from_bytes_be(Sign::Plus, &bytes)
        }
        v => match to_bigint(v) {
            Some(n) => n.abs(),
            None => return Err(type_error(format!("seed must be an int here, not {}", v.type_name()))),
        },
    };
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    mt.init_by_array(&key);
    Ok(Value::None)
}

fn seed_from_entropy(mt: &mut Mt) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0x9e3779b97f4a7c15);
    let c = COUNTER.fetch_add(0x9e3779b97f4a7c15, Ordering::Relaxed);
    #[cfg(target_arch = "wasm32")]
    let t = (js_sys::Date::now() * 1000.0) as u64 ^ ((js_sys::Math::random() * 4294967296.0) as u64) << 32;
    #[cfg(not(target_arch = "wasm32"))]
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0)
        ^ (std::process::id() as u64) << 40;
    let words = [t as u32, (t >> 32) as u32, c as u32, (c >> 32) as u32];
    mt.init_by_array(&words);
}

fn getstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("getstate", 1)?;
    let mt = lock(this(&a[0])?);
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    Ok(Value::tuple(items))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.exact("setstate", 2)?;
    let items = match &a[1] {
        Value::Tuple(_) => vm.collect(&a[1])?,
        _ => return Err(type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        let w = to_bigint(v).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))?;
        let (_, digits) = w.to_u32_digits();
        state[i] = digits.first().copied().unwrap_or(0);
    }
    let index = crate::vm::args::arg_int(&items[N])?;
    if index < 0 || index > N as i64 {
        return Err(value_error("invalid state"));
    }
    let mut mt = lock(this(&a[0])?);
    mt.state = state;
    mt.index = index as usize;
    Ok(Value::None)
}

/// SHA-512 (FIPS 180-4), for str seeds.
fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
        0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
        0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
        0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
        0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
        0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
        0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
        0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
        0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1,
        0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for t in 0..16 {
            w[t] = u64::from_be_bytes(block[t * 8..t * 8 + 8].try_into().unwrap());
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}
