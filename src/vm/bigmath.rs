//! Big-int arithmetic that a program can make arbitrarily long (`10**(10**8)`): bounded by the
//! heap cap, and cut into steps between which a Stop ends it, since one num-bigint call on
//! numbers of millions of digits takes seconds and cannot be interrupted.

use super::exceptions::{PyResult, Unwind};
use super::limits::check_alloc_u128;
use crate::runtime::{stop_requested, Interrupt};
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

/// Operands below this many bits multiply in one call (well under a millisecond).
const STEP_BITS: u64 = 1 << 18;

fn check_stop() -> PyResult<()> {
    if stop_requested() {
        return Err(Unwind::Interrupt(Interrupt::Stop));
    }
    Ok(())
}

/// `x * y`, checking the heap cap and, for big operands, Stop between partial products.
pub fn mul(x: &BigInt, y: &BigInt) -> PyResult<BigInt> {
    let (small, big) = if x.bits() <= y.bits() { (x, y) } else { (y, x) };
    if small.bits() < STEP_BITS {
        check_alloc_u128((x.bits() + y.bits()) as u128 / 8, 1)?;
        return Ok(x * y);
    }
    check_alloc_u128((x.bits() + y.bits()) as u128 / 8, 1)?;
    // `big` in chunks of the smaller operand's size (at least STEP_BITS), added up shifted.
    let chunk = small.bits().max(STEP_BITS) as usize / 2;
    let (sign, mag) = (big.sign(), big.abs());
    let mask = (BigInt::one() << chunk) - 1;
    let mut rest = mag;
    let mut out = BigInt::zero();
    let mut shift = 0usize;
    while !rest.is_zero() {
        check_stop()?;
        let piece = &rest & &mask;
        out += (small * piece) << shift;
        rest >>= chunk;
        shift += chunk;
    }
    Ok(if sign == num_bigint::Sign::Minus { -out } else { out })
}

/// `x ** e`: MemoryError when the result would pass the heap cap, else by squaring, with a
/// Stop check at every step.
pub fn pow(x: &BigInt, e: u64) -> PyResult<BigInt> {
    if e == 0 {
        return Ok(BigInt::one());
    }
    let bits = x.bits().saturating_sub(1).max(if x.abs() > BigInt::one() { 1 } else { 0 });
    check_alloc_u128(bits as u128 * e as u128 / 8, 1)?;
    let mut base = x.clone();
    let mut acc = BigInt::one();
    let mut e = e;
    loop {
        if e & 1 == 1 {
            acc = mul(&acc, &base)?;
        }
        e >>= 1;
        if e == 0 {
            return Ok(acc);
        }
        base = mul(&base, &base)?;
    }
}

/// `x << s`, bounded by the heap cap.
pub fn shl(x: &BigInt, s: usize) -> PyResult<BigInt> {
    if !x.is_zero() {
        check_alloc_u128((x.bits() as u128 + s as u128) / 8, 1)?;
    }
    Ok(x << s)
}
