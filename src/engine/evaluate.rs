//! Each rule's formula, evaluated for a block of draws at once: a projection is the block of
//! one draw, a Monte Carlo chunk the block of its draws. One place for the formulas, so a draw
//! gives the same bits as the projection with its levers.
//!
//! A block's values of one series are year-major, `values[year * lanes + lane]`: for each
//! year the loop over the draws is a straight run of independent arithmetic the compiler
//! vectorises, where a draw at a time walked every rule's match and closures 40 times per
//! series.

use super::ModelError;
use crate::engine::Reason;
use crate::model::{Rule, Series};

/// The values of one series for a block: `lanes` values per year, or one shared by every
/// lane (a series the draws do not move).
#[derive(Clone, Copy)]
pub(super) struct Lanes<'a> {
    pub values: &'a [f64],
    /// 1 for a series the same in every lane.
    pub lanes: usize,
}

impl Lanes<'_> {
    /// The values of year `y`: one per lane, or the one shared.
    fn year(&self, y: usize) -> &[f64] {
        &self.values[y * self.lanes..(y + 1) * self.lanes]
    }

    fn at(&self, y: usize, lane: usize) -> f64 {
        if self.lanes == 1 {
            self.values[y]
        } else {
            self.values[y * self.lanes + lane]
        }
    }
}

/// What one evaluation needs besides the rule: where the years start, how many, and the
/// factor from driver unit × intensity unit to the series' own unit.
#[derive(Clone, Copy)]
pub(super) struct Frame {
    pub base_year: i32,
    pub year_count: usize,
    pub factor: f64,
}

/// Series `series` under `rule` for `lanes` draws, into `out` (its allocation reused).
/// `lever`, where given, holds each lane's value of the number `with_lever` sets in the rule
/// (a rate, an intensity change, an elasticity, the rate after the last point).
pub(super) fn evaluate_block(
    frame: Frame,
    series: &Series,
    rule: &Rule,
    lever: Option<&[f64]>,
    driver: Option<(&Series, Lanes<'_>)>,
    lanes: usize,
    out: &mut Vec<f64>,
) -> Result<(), ModelError> {
    let Frame {
        base_year,
        year_count,
        factor,
    } = frame;
    debug_assert!(lever.is_none_or(|l| l.len() == lanes));
    // No base value: no data, carried through every value computed from it.
    let base = series.base.unwrap_or(f64::NAN);
    let year_of = |i: usize| base_year + i as i32;
    out.clear();
    out.resize(year_count * lanes, 0.0);
    // The same value in every lane of every year (rules no lever moves and no driver drives).
    let shared = |out: &mut Vec<f64>, value: &dyn Fn(usize) -> f64| {
        for (y, year) in out.chunks_exact_mut(lanes).enumerate() {
            year.fill(value(y));
        }
    };
    match rule {
        Rule::Growth { rate, changes } => {
            if year_count > 0 {
                out[..lanes].fill(base);
            }
            for y in 1..year_count {
                let year = year_of(y);
                let change = changes.iter().rev().find(|c| c.from <= year);
                let (before, now) = out.split_at_mut(y * lanes);
                let (previous, now) = (&before[(y - 1) * lanes..], &mut now[..lanes]);
                match (change, lever) {
                    (Some(c), _) => grow(now, previous, |_| c.rate),
                    (None, Some(rates)) => grow(now, previous, |l| rates[l]),
                    (None, None) => grow(now, previous, |_| *rate),
                }
            }
        }
        Rule::Interp { points, after_rate } => {
            let mut knots = Vec::with_capacity(points.len() + 1);
            knots.push((base_year, base));
            knots.extend(points.iter().copied());
            let (last_year, last_value) = *knots.last().expect("knots hold the base point");
            for (y, now) in out.chunks_exact_mut(lanes).enumerate() {
                let year = year_of(y);
                if year >= last_year {
                    let after = |rate: f64| last_value * (1.0 + rate).powi(year - last_year);
                    match lever {
                        Some(rates) => now.iter_mut().zip(rates).for_each(|(v, r)| *v = after(*r)),
                        None => now.fill(after(*after_rate)),
                    }
                    continue;
                }
                let segment = knots
                    .windows(2)
                    .find(|w| year < w[1].0)
                    .expect("year is before the last knot");
                let ((y0, v0), (y1, v1)) = (segment[0], segment[1]);
                now.fill(v0 + (v1 - v0) * f64::from(year - y0) / f64::from(y1 - y0));
            }
        }
        Rule::Linear { change_per_year } => {
            shared(out, &|y| base + change_per_year * y as f64);
        }
        Rule::Step { points } => shared(out, &|y| {
            let year = year_of(y);
            points
                .iter()
                .rev()
                .find(|(point, _)| *point <= year)
                .map_or(base, |(_, v)| *v)
        }),
        Rule::Driven {
            intensity, change, ..
        } => {
            let (_, driver) = driver.expect("a driven rule has a driver");
            // (1 + change)^t as a running product, one multiplication a year in each lane
            // (a pow per lane and year cost more than the rest of the rule).
            let mut growth = vec![1.0; lever.map_or(1, <[f64]>::len)];
            for (y, now) in out.chunks_exact_mut(lanes).enumerate() {
                if y > 0 {
                    match lever {
                        Some(changes) => growth
                            .iter_mut()
                            .zip(changes)
                            .for_each(|(g, c)| *g *= 1.0 + c),
                        None => growth[0] *= 1.0 + change,
                    }
                }
                let drivers = driver.year(y);
                // d · intensity · (1 + change)^t · factor, in this order in every lane.
                let value = |d: f64, growth: f64| d * intensity * growth * factor;
                match (lever.is_some(), driver.lanes == 1) {
                    (true, true) => now
                        .iter_mut()
                        .zip(&growth)
                        .for_each(|(v, g)| *v = value(drivers[0], *g)),
                    (true, false) => now
                        .iter_mut()
                        .zip(&growth)
                        .zip(drivers)
                        .for_each(|((v, g), d)| *v = value(*d, *g)),
                    (false, true) => now.fill(value(drivers[0], growth[0])),
                    (false, false) => now
                        .iter_mut()
                        .zip(drivers)
                        .for_each(|(v, d)| *v = value(*d, growth[0])),
                }
            }
        }
        Rule::GrowthAs { elasticity, .. } => {
            let (driver_series, driver) = driver.expect("a GrowthAs rule has a driver");
            for l in 0..driver.lanes.min(lanes) {
                let driver_base = driver.at(0, l);
                if driver_base <= 0.0 {
                    return Err(ModelError::invalid_value(
                        "series",
                        &series.key,
                        format!("driver {} in the base year", driver_series.key),
                        driver_base,
                        Reason::DriverNotPositive,
                    ));
                }
            }
            for (y, now) in out.chunks_exact_mut(lanes).enumerate() {
                for (l, v) in now.iter_mut().enumerate() {
                    let e = lever.map_or(*elasticity, |e| e[l]);
                    let ratio = driver.at(y, l) / driver.at(0, l);
                    // An elasticity of 1 (a share held constant) is the ratio itself, with
                    // no rounding. Otherwise exp(e·ln r): a few ulps from `powf` (the error
                    // grows with e·ln r, about 3 at twenty times the base) at two thirds of
                    // its cost, which is a third of a many-lever Monte Carlo's.
                    *v = base
                        * if e == 1.0 {
                            ratio
                        } else {
                            (e * ratio.ln()).exp()
                        };
                }
            }
        }
    }
    // Nearly always every value is a number: one pass a compiler vectorises says so.
    if out.iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    for lane in 0..lanes {
        let values: Vec<f64> = (0..year_count).map(|y| out[y * lanes + lane]).collect();
        let driver_values: Option<Vec<f64>> =
            driver.map(|(_, d)| (0..year_count).map(|y| d.at(y, lane)).collect());
        if let Some(i) = first_not_finite(series, rule, driver_values.as_deref(), &values) {
            return Err(ModelError::NotFinite {
                item: "series",
                key: series.key.clone(),
                year: year_of(i),
            });
        }
    }
    Ok(())
}

/// `now[l] = previous[l] · (1 + rate(l))` for every lane.
fn grow(now: &mut [f64], previous: &[f64], rate: impl Fn(usize) -> f64) {
    for (l, (v, p)) in now.iter_mut().zip(previous).enumerate() {
        *v = p * (1.0 + rate(l));
    }
}

/// The first year (as an index) whose value is beyond what a number holds (an overflow to
/// infinity, or "not a number" from one) while what it is computed from is known. A series
/// without a base value is no data (NaN) by design, carried through what it drives.
fn first_not_finite(
    series: &Series,
    rule: &Rule,
    driver: Option<&[f64]>,
    values: &[f64],
) -> Option<usize> {
    let own_known = series.base.is_some() || matches!(rule, Rule::Driven { .. });
    values.iter().enumerate().position(|(i, v)| {
        let driver_known = driver.is_none_or(|d| d.get(i).is_some_and(|d| !d.is_nan()));
        v.is_infinite() || (v.is_nan() && own_known && driver_known)
    })
}
