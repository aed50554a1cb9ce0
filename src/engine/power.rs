//! `ratio^e` for a block of draws, as an elasticity rule grows with its driver: exp(e·ln r)
//! by fdlibm's methods (each within one ulp of the correctly rounded result), written
//! without branches so that the compiler vectorises the loop over the draws, and run with
//! AVX2 where the processor has it. The same code in both (no fused multiply-add: Rust never
//! contracts a product and a sum), so a draw gives the same bits on every x86-64 processor;
//! a lane outside the usual range (a ratio of 0 or below, not a number, a power beyond
//! e^±700) takes the standard library's `ln` and `exp` instead.
//!
//! In a Monte Carlo run with elasticities uncertain the library's `ln` and `exp` were a fifth
//! of the time (`BENCHMARKS.md`).

// fdlibm's constants as its source writes them, digits beyond a double's included: each
// rounds to the double fdlibm means.
#![allow(clippy::excessive_precision)]

/// The exponent of each lane: one for all, or one per lane.
#[derive(Clone, Copy)]
pub(super) enum Exponents<'a> {
    One(f64),
    PerLane(&'a [f64]),
}

impl Exponents<'_> {
    fn of(&self, lane: usize) -> f64 {
        match self {
            Exponents::One(e) => *e,
            Exponents::PerLane(exponents) => exponents[lane],
        }
    }
}

/// `out[l] = ratios[l]^e` for every lane; an exponent of exactly 1 gives the ratio itself,
/// with no rounding (a share held constant).
pub(super) fn powers(out: &mut [f64], ratios: &[f64], exponents: Exponents<'_>) {
    debug_assert_eq!(out.len(), ratios.len());
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        let usual = unsafe { powers_avx2(out, ratios, exponents) };
        if !usual {
            library_where_unusual(out, ratios, exponents);
        }
        return;
    }
    if !powers_any(out, ratios, exponents) {
        library_where_unusual(out, ratios, exponents);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn powers_avx2(out: &mut [f64], ratios: &[f64], exponents: Exponents<'_>) -> bool {
    powers_any(out, ratios, exponents)
}

/// The branch-free pass; `false` when some lane lay outside the usual range.
#[inline(always)]
fn powers_any(out: &mut [f64], ratios: &[f64], exponents: Exponents<'_>) -> bool {
    let mut usual = true;
    match exponents {
        Exponents::One(e) => {
            for (o, &r) in out.iter_mut().zip(ratios) {
                let (power, fits) = power(r, e);
                usual &= fits;
                *o = power;
            }
        }
        Exponents::PerLane(exponents) => {
            for ((o, &r), &e) in out.iter_mut().zip(ratios).zip(exponents) {
                let (power, fits) = power(r, e);
                usual &= fits;
                *o = power;
            }
        }
    }
    usual
}

/// The lanes outside the usual range again, by the standard library (rare: a driver at 0 or
/// without data, an absurd elasticity).
fn library_where_unusual(out: &mut [f64], ratios: &[f64], exponents: Exponents<'_>) {
    for (lane, (o, &r)) in out.iter_mut().zip(ratios).enumerate() {
        let e = exponents.of(lane);
        if !power(r, e).1 {
            *o = (e * r.ln()).exp();
        }
    }
}

/// `r^e`, and whether the branch-free formulas hold for it: a positive normal ratio and a
/// power within e^±700 (an exponent of 1 always holds: the ratio is the answer). The tests
/// are `&` and `|`, not `&&` and `||`: a short circuit is a branch, which keeps the loop
/// from being vectorised.
#[inline(always)]
#[allow(clippy::manual_range_contains)] // `contains` is `&&`: a branch.
fn power(r: f64, e: f64) -> (f64, bool) {
    let y = e * ln_positive(r);
    let one = e == 1.0;
    let fits = one | ((r >= f64::MIN_POSITIVE) & (r <= f64::MAX) & (y.abs() < 700.0));
    let fast = exp_moderate(y);
    (if one { r } else { fast }, fits)
}

const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-01;
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
const LG1: f64 = 6.666_666_666_666_735_130e-01;
const LG2: f64 = 3.999_999_999_940_941_908e-01;
const LG3: f64 = 2.857_142_874_366_239_149e-01;
const LG4: f64 = 2.222_219_843_214_978_396e-01;
const LG5: f64 = 1.818_357_216_161_805_012e-01;
const LG6: f64 = 1.531_383_769_920_937_332e-01;
const LG7: f64 = 1.479_819_860_511_658_591e-01;
const TWO_52: f64 = 4_503_599_627_370_496.0;

/// ln x for a positive normal x (fdlibm's `__ieee754_log`): x = 2^k·m with m in [√2/2, √2),
/// ln m from s = (m−1)/(m+1) by a polynomial in s². Each branch of fdlibm's is computed and
/// one chosen, so the loop has none.
#[inline(always)]
fn ln_positive(x: f64) -> f64 {
    let bits = x.to_bits();
    let mantissa = bits & 0x000f_ffff_ffff_ffff;
    // Where the mantissa is at least √2's, m is halved and k counts one more (fdlibm's
    // `hx + 0x95f64` carries into bit 20 of the high word).
    let halved = (mantissa + (0x95f64 << 32)) & (1 << 52);
    let m = f64::from_bits(mantissa | (halved ^ 0x3ff0_0000_0000_0000));
    let exponent = (bits >> 52) + (halved >> 52);
    // The biased exponent as a float without an integer conversion: 2^52 + e, less 2^52.
    let k = f64::from_bits(0x4330_0000_0000_0000 | exponent) - TWO_52 - 1023.0;
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let half_f_squared = 0.5 * f * f;
    let high = (mantissa >> 32) as i64;
    let far_from_one = ((high - 0x6147a) | (0x6b851 - high)) > 0;
    let far = k * LN2_HI - ((half_f_squared - (s * (half_f_squared + r) + k * LN2_LO)) - f);
    let near = k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
    if far_from_one { far } else { near }
}

const INV_LN2: f64 = std::f64::consts::LOG2_E;
const P1: f64 = 1.666_666_666_666_660_190_37e-01;
const P2: f64 = -2.777_777_777_701_559_338_42e-03;
const P3: f64 = 6.613_756_321_437_934_361_17e-05;
const P4: f64 = -1.653_390_220_546_525_153_90e-06;
const P5: f64 = 4.138_136_797_057_238_460_39e-08;
/// 1.5·2^52: added and taken away, it rounds a float to an integer, which its low bits hold.
const ROUNDING: f64 = 6_755_399_441_055_744.0;

/// e^x for |x| < 700 (fdlibm's `__ieee754_exp`): x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by a
/// rational approximation, then 2^k added to the exponent's bits.
#[inline(always)]
fn exp_moderate(x: f64) -> f64 {
    // k rounded half to even (fdlibm rounds half away from zero: only which of two equally
    // good reductions is taken differs).
    let shifted = x * INV_LN2 + ROUNDING;
    let k = shifted - ROUNDING;
    let hi = x - k * LN2_HI;
    let lo = k * LN2_LO;
    let r = hi - lo;
    let t = r * r;
    let c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    let y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    // The low bits of `shifted` are k in two's complement: shifted into the exponent field.
    f64::from_bits(y.to_bits().wrapping_add(shifted.to_bits() << 52))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance in units in the last place between two positive floats.
    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
    }

    /// A reproducible spread of numbers in [low, high).
    fn spread(n: usize, low: f64, high: f64) -> Vec<f64> {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                low + (high - low) * ((state >> 11) as f64 / (1u64 << 53) as f64)
            })
            .collect()
    }

    #[test]
    fn ln_and_exp_are_within_one_ulp_of_the_library() {
        for x in spread(200_000, 1e-3, 1e3).into_iter().chain([
            1.0,
            2.0,
            0.5,
            1e-300,
            1e300,
            std::f64::consts::E,
        ]) {
            assert!(ulps(ln_positive(x), x.ln()) <= 1, "ln {x}");
        }
        for x in spread(200_000, -699.0, 699.0)
            .into_iter()
            .chain([0.0, 1.0, -1.0])
        {
            assert!(ulps(exp_moderate(x), x.exp()) <= 1, "exp {x}");
        }
        assert_eq!(ln_positive(1.0), 0.0);
        assert_eq!(exp_moderate(0.0), 1.0);
    }

    #[test]
    fn powers_are_within_a_few_ulps_of_powf_and_exact_for_an_exponent_of_one() {
        let ratios = spread(10_000, 0.2, 25.0);
        let exponents = spread(10_000, 0.3, 1.8);
        let mut out = vec![0.0; ratios.len()];
        powers(&mut out, &ratios, Exponents::PerLane(&exponents));
        for ((&o, &r), &e) in out.iter().zip(&ratios).zip(&exponents) {
            // powf is correctly rounded or nearly; exp(e·ln r) carries ln's error times e·ln r.
            assert!(
                ulps(o, r.powf(e)) <= 8,
                "{r}^{e}: {o} against {}",
                r.powf(e)
            );
        }
        powers(&mut out, &ratios, Exponents::One(1.0));
        assert_eq!(out, ratios);
    }

    #[test]
    fn a_lane_outside_the_usual_range_is_the_librarys() {
        let ratios = [0.0, -1.0, f64::NAN, f64::INFINITY, 1e-310, 4.0, 1e300];
        let mut out = [0.0; 7];
        powers(&mut out, &ratios, Exponents::One(3.0));
        let library: Vec<f64> = ratios.iter().map(|r| (3.0 * r.ln()).exp()).collect();
        for (o, l) in out.iter().zip(&library) {
            assert!(o.to_bits() == l.to_bits() || (o.is_nan() && l.is_nan()) || ulps(*o, *l) <= 2);
        }
        assert_eq!(out[0], 0.0);
        assert!(out[1].is_nan() && out[2].is_nan());
        assert_eq!(out[3], f64::INFINITY);
        assert_eq!(
            out[6],
            f64::INFINITY,
            "beyond what a number holds, as the library says"
        );
    }

    #[test]
    fn every_processor_gives_the_same_bits() {
        let ratios = spread(4_096, 0.05, 40.0);
        let exponents = spread(4_096, -2.0, 3.0);
        let (mut dispatched, mut plain) = (vec![0.0; 4_096], vec![0.0; 4_096]);
        powers(&mut dispatched, &ratios, Exponents::PerLane(&exponents));
        assert!(powers_any(
            &mut plain,
            &ratios,
            Exponents::PerLane(&exponents)
        ));
        assert_eq!(
            dispatched.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            plain.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }
}
