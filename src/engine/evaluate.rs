//! Each rule's formula, evaluated for a block of draws at once, a year at a time: a projection
//! is the block of one draw, a Monte Carlo run steps every draw through a year before the next
//! (`evaluate_year`, with a series' running state in `Step`). One place for the formulas, so a
//! draw gives the same bits as the projection with its levers, however it is stepped.
//!
//! A block's values of one series are year-major, `values[year * lanes + lane]`: for each
//! year the loop over the draws is a straight run of independent arithmetic the compiler
//! vectorises, where a draw at a time walked every rule's match and closures 40 times per
//! series.

use super::ModelError;
use super::power::{Exponents, powers};
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

impl<'a> Lanes<'a> {
    /// The values of year `y`: one per lane, or the one shared.
    fn year(&self, y: usize) -> Lanes<'a> {
        Lanes {
            values: &self.values[y * self.lanes..(y + 1) * self.lanes],
            lanes: self.lanes,
        }
    }

    /// Lane `lane` of a year's values (`year`): its own, or the one shared.
    fn lane(&self, lane: usize) -> f64 {
        if self.lanes == 1 {
            self.values[0]
        } else {
            self.values[lane]
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

/// What a series carries from one year to the next besides its values: a driven rule's
/// (1 + change)^t, one per lane (or one shared), and an elasticity rule's driver in the base
/// year, one per lane. Its buffers are reused from run to run.
#[derive(Clone, Debug, Default)]
pub(super) struct Step {
    growth: Vec<f64>,
    driver_base: Vec<f64>,
    /// An elasticity rule's driver this year over its base, per lane (reused scratch).
    ratios: Vec<f64>,
}

/// Series `series` under `rule` for `lanes` draws, into `out` (its allocation reused), every
/// year in turn by `evaluate_year`. `lever`, where given, holds each lane's value of the
/// number `with_lever` sets in the rule (a rate, an intensity change, an elasticity, the rate
/// after the last point).
pub(super) fn evaluate_block(
    frame: Frame,
    series: &Series,
    rule: &Rule,
    lever: Option<&[f64]>,
    driver: Option<(&Series, Lanes<'_>)>,
    lanes: usize,
    out: &mut Vec<f64>,
) -> Result<(), ModelError> {
    out.clear();
    out.resize(frame.year_count * lanes, 0.0);
    let mut step = Step::default();
    for y in 0..frame.year_count {
        let (before, now) = out.split_at_mut(y * lanes);
        let previous = y.checked_sub(1).map(|p| &before[p * lanes..]);
        let driver = driver.map(|(s, values)| (s, values.year(y)));
        evaluate_year(
            frame,
            series,
            rule,
            (lever, driver),
            y,
            &mut step,
            previous,
            &mut now[..lanes],
        )?;
    }
    Ok(())
}

/// Year `y` (an index from the base year) of series `series` under `rule` for the lanes of
/// `now`: from its values the year before (`previous`, none in the base year), its driver's
/// values this year and its `step` (what it carries from year to year). Refused where a value
/// is beyond what a number holds, or an elasticity's driver starts at 0 or below.
#[allow(clippy::too_many_arguments)]
pub(super) fn evaluate_year(
    frame: Frame,
    series: &Series,
    rule: &Rule,
    (lever, driver): (Option<&[f64]>, Option<(&Series, Lanes<'_>)>),
    y: usize,
    step: &mut Step,
    previous: Option<&[f64]>,
    now: &mut [f64],
) -> Result<(), ModelError> {
    let Frame {
        base_year, factor, ..
    } = frame;
    let lanes = now.len();
    debug_assert!(lever.is_none_or(|l| l.len() == lanes));
    // No base value: no data, carried through every value computed from it.
    let base = series.base.unwrap_or(f64::NAN);
    let year = base_year + y as i32;
    match rule {
        Rule::Growth { rate, changes } => match previous {
            None => now.fill(base),
            Some(previous) => {
                let change = changes.iter().rev().find(|c| c.from <= year);
                match (change, lever) {
                    (Some(c), _) => grow(now, previous, |_| c.rate),
                    (None, Some(rates)) => grow(now, previous, |l| rates[l]),
                    (None, None) => grow(now, previous, |_| *rate),
                }
            }
        },
        Rule::Interp { points, after_rate } => {
            // The knots are the base value and the points, in year order.
            let (last_year, last_value) = points.last().copied().unwrap_or((base_year, base));
            if year >= last_year {
                let after = |rate: f64| last_value * (1.0 + rate).powi(year - last_year);
                match lever {
                    Some(rates) => now.iter_mut().zip(rates).for_each(|(v, r)| *v = after(*r)),
                    None => now.fill(after(*after_rate)),
                }
            } else {
                let next = points
                    .iter()
                    .position(|p| year < p.0)
                    .expect("year is before the last knot");
                let (y0, v0) = next.checked_sub(1).map_or((base_year, base), |k| points[k]);
                let (y1, v1) = points[next];
                now.fill(v0 + (v1 - v0) * f64::from(year - y0) / f64::from(y1 - y0));
            }
        }
        Rule::Linear { change_per_year } => now.fill(base + change_per_year * y as f64),
        Rule::Step { points } => now.fill(
            points
                .iter()
                .rev()
                .find(|(point, _)| *point <= year)
                .map_or(base, |(_, v)| *v),
        ),
        Rule::Driven {
            intensity, change, ..
        } => {
            let (_, drivers) = driver.expect("a driven rule has a driver");
            // (1 + change)^t as a running product, one multiplication a year in each lane
            // (a pow per lane and year cost more than the rest of the rule).
            let growth = &mut step.growth;
            if previous.is_none() {
                growth.clear();
                growth.resize(lever.map_or(1, <[f64]>::len), 1.0);
            } else {
                match lever {
                    Some(changes) => growth
                        .iter_mut()
                        .zip(changes)
                        .for_each(|(g, c)| *g *= 1.0 + c),
                    None => growth[0] *= 1.0 + change,
                }
            }
            // d · intensity · (1 + change)^t · factor, in this order in every lane.
            let value = |d: f64, growth: f64| d * intensity * growth * factor;
            let drivers = drivers.values;
            match (lever.is_some(), drivers.len() == 1) {
                (true, true) => now
                    .iter_mut()
                    .zip(growth.iter())
                    .for_each(|(v, g)| *v = value(drivers[0], *g)),
                (true, false) => now
                    .iter_mut()
                    .zip(growth.iter())
                    .zip(drivers)
                    .for_each(|((v, g), d)| *v = value(*d, *g)),
                (false, true) => now.fill(value(drivers[0], growth[0])),
                (false, false) => now
                    .iter_mut()
                    .zip(drivers)
                    .for_each(|(v, d)| *v = value(*d, growth[0])),
            }
        }
        Rule::GrowthAs { elasticity, .. } => {
            let (driver_series, drivers) = driver.expect("a GrowthAs rule has a driver");
            if previous.is_none() {
                step.driver_base.clear();
                step.driver_base.extend_from_slice(drivers.values);
                if let Some(&driver_base) = drivers.values.iter().find(|d| **d <= 0.0) {
                    return Err(ModelError::invalid_value(
                        "series",
                        &series.key,
                        format!("driver {} in the base year", driver_series.key),
                        driver_base,
                        Reason::DriverNotPositive,
                    ));
                }
            }
            let starts = Lanes {
                values: &step.driver_base,
                lanes: step.driver_base.len(),
            };
            let ratios = &mut step.ratios;
            ratios.clear();
            // Each lane's driver over its start, in straight loops (a lane read through
            // `Lanes::lane` is a branch per value).
            let lanes = now.len();
            match (drivers.lanes == 1, starts.lanes == 1) {
                (false, false) => ratios.extend(
                    drivers.values[..lanes]
                        .iter()
                        .zip(&starts.values[..lanes])
                        .map(|(d, s)| d / s),
                ),
                (false, true) => {
                    let start = starts.values[0];
                    ratios.extend(drivers.values[..lanes].iter().map(|d| d / start));
                }
                (true, false) => {
                    let driver = drivers.values[0];
                    ratios.extend(starts.values[..lanes].iter().map(|s| driver / s));
                }
                (true, true) => ratios.resize(lanes, drivers.values[0] / starts.values[0]),
            }
            // An elasticity of 1 (a share held constant) is the ratio itself, with no
            // rounding. Otherwise exp(e·ln r), a few ulps from `powf` (the error grows with
            // e·ln r, about 3 at twenty times the base), vectorised (`power`): the powers
            // were a fifth of a many-lever Monte Carlo's time.
            let exponents = lever.map_or(Exponents::One(*elasticity), Exponents::PerLane);
            powers(now, ratios, exponents);
            now.iter_mut().for_each(|v| *v *= base);
        }
    }
    // Nearly always every value is a number: one pass a compiler vectorises says so.
    if now.iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    let own_known = series.base.is_some() || matches!(rule, Rule::Driven { .. });
    let beyond = now.iter().enumerate().any(|(l, v)| {
        let driver_known = driver.is_none_or(|(_, d)| !d.lane(l).is_nan());
        v.is_infinite() || (v.is_nan() && own_known && driver_known)
    });
    if beyond {
        // A series without a base value is no data (NaN) by design, carried through what it
        // drives; a value beyond what a number holds while what it comes from is known is not.
        return Err(ModelError::NotFinite {
            item: "series",
            key: series.key.clone(),
            year,
        });
    }
    Ok(())
}

/// `now[l] = previous[l] · (1 + rate(l))` for every lane.
fn grow(now: &mut [f64], previous: &[f64], rate: impl Fn(usize) -> f64) {
    for (l, (v, p)) in now.iter_mut().zip(previous).enumerate() {
        *v = p * (1.0 + rate(l));
    }
}
