//! One pass over the draws, across threads: the levers drawn chunk by chunk (each chunk with
//! its own generator), then either every draw stepped through a year before the next, each
//! year's percentiles selected and exceedance counted before the next year is computed
//! (`stepped`: nothing kept per fan-year), or, where the draws' state would not fit,
//! each chunk projected over every year and its fans' values kept (`chunked`).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng as Generator;

use super::percentiles::{YearOrder, fan_from_lever, percentiles_by_year};
use super::sampling::{Quantile, uniform_table};
use super::{
    CHUNK, Exceedance, Fan, MAX_FAN_VALUES_PER_PASS, MonteCarlo, Sampling, UncertaintyResult,
    check_runs,
};
use crate::engine::checks::{check_uncertain, series_positions};
use crate::engine::projection::BlockYear;
use crate::engine::{ModelError, ProjectionPlan, analyse_capacities};
use crate::model::Scenario;

/// One pass of the draws with the fans of `fan_series`.
pub(super) fn monte_carlo_pass(
    scenario: &Scenario,
    settings: MonteCarlo,
    fan_series: &[String],
    progress: &AtomicUsize,
    cancel: &AtomicBool,
) -> Result<Option<UncertaintyResult>, ModelError> {
    monte_carlo_pass_reading_levers(
        scenario,
        settings,
        fan_series,
        (progress, cancel),
        PassOptions::default(),
    )
}

/// How a pass is made; tests set what the program chooses, to check that each choice gives
/// the same numbers.
#[derive(Clone, Copy, Debug)]
pub(super) struct PassOptions {
    /// Fans of one-lever series read off the lever (`false`: selected among every draw).
    pub read_levers: bool,
    /// The threads to share the work (by default the cores).
    pub threads: Option<usize>,
    /// Every draw stepped a year at a time (`Some(true)`), each chunk over every year
    /// (`Some(false)`), or as the draws' state fits (`None`, `stepped_fits`).
    pub stepped: Option<bool>,
}

impl Default for PassOptions {
    fn default() -> PassOptions {
        PassOptions {
            read_levers: true,
            threads: None,
            stepped: None,
        }
    }
}

/// The years a stepped run takes each chunk through while its state is in the cache, before
/// the fans' percentiles of those years are selected.
pub(super) const WINDOW: usize = 8;

/// Whether every draw's state fits in memory for a run stepped a year at a time: three values
/// a draw for each series the draws move (this year's, last year's, what its rule carries),
/// within half the values a pass may hold; the fans' windows take the other half
/// (`pass_groups`).
pub(super) fn stepped_fits(moved_series: usize, runs: usize) -> bool {
    3 * moved_series * runs <= MAX_FAN_VALUES_PER_PASS / 2
}

/// One pass.
pub(super) fn monte_carlo_pass_reading_levers(
    scenario: &Scenario,
    settings: MonteCarlo,
    fan_series: &[String],
    (progress, cancel): (&AtomicUsize, &AtomicBool),
    options: PassOptions,
) -> Result<Option<UncertaintyResult>, ModelError> {
    let PassOptions {
        read_levers,
        threads,
        stepped,
    } = options;
    check_runs(settings.runs)?;
    let plan = ProjectionPlan::new(scenario)?;
    let position = series_positions(scenario);
    let mut uncertain = Vec::new();
    for item in &scenario.uncertainty {
        let index = check_uncertain(scenario, &position, item)?;
        uncertain.push((index, &item.distribution));
    }
    let fans: Vec<usize> = fan_series
        .iter()
        .map(|key| {
            plan.series_index(key)
                .ok_or_else(|| ModelError::UnknownSeriesUse {
                    place: crate::model::references::SeriesUse::FanChart,
                    key: key.clone(),
                })
        })
        .collect::<Result<_, _>>()?;
    // A draw moves the uncertain series and what they drive; every other series is the same in
    // every draw, computed once here (and the capacities from it).
    let base_values = plan.run(|_| None)?;
    // Capacities do not move with the draws; the emissions they are compared with do.
    let base = plan.projection(base_values.clone());
    let capacities: Vec<(String, usize, Vec<f64>)> = analyse_capacities(scenario, &base)?
        .into_iter()
        .map(|c| {
            let index = plan
                .series_index(&c.series)
                .expect("a capacity's series exists");
            (
                c.pollutant,
                index,
                c.years.iter().map(|y| y.capacity).collect(),
            )
        })
        .collect();
    let years = base.years().count();
    let roots: Vec<usize> = uncertain.iter().map(|(index, _)| *index).collect();
    let moved = plan.dependents(&roots);
    // A fan of a series that moves with one lever, increasingly, is read off that lever's
    // percentiles (see `fan_from_lever`): no values are kept per draw for it.
    let one_lever: Vec<Option<usize>> = if read_levers {
        plan.monotone_in_one(&roots)
    } else {
        vec![None; scenario.series.len()]
    };
    let collected = |series: usize| moved[series] && one_lever[series].is_none();
    let quantiles: Vec<Quantile> = uncertain.iter().map(|(_, d)| Quantile::of(d)).collect();
    let runs = settings.runs;
    // Correlated levers: every draw's uniforms made first and reordered (Iman–Conover), each
    // lever keeping its values (and its strata). Without correlations independent draws are
    // made as they go, as before.
    let latin =
        if settings.sampling == Sampling::LatinHypercube || !scenario.correlations.is_empty() {
            Some(uniform_table(scenario, settings)?)
        } else {
            None
        };

    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, runs.div_ceil(CHUNK).max(1));
    // The fans whose draws are selected among, each series once.
    let mut kept: Vec<usize> = Vec::new();
    for &series in &fans {
        if collected(series) && !kept.contains(&series) {
            kept.push(series);
        }
    }
    let pass = Pass {
        plan: &plan,
        settings,
        base_values: &base_values,
        moved: &moved,
        roots: &roots,
        quantiles: &quantiles,
        latin: latin.as_deref(),
        capacities: &capacities,
        years,
        kept: &kept,
        threads,
        progress,
        cancel,
    };
    let moved_count = moved.iter().filter(|m| **m).count();
    let drawn = if stepped.unwrap_or_else(|| stepped_fits(moved_count, runs)) {
        pass.stepped()?
    } else {
        pass.chunked()?
    };
    let Some(drawn) = drawn else {
        return Ok(None);
    };
    // Each lever's draws in order, sorted once for every fan read off it.
    let mut sorted_levers: Vec<Option<Vec<f64>>> = vec![None; uncertain.len()];
    let fans = fans
        .iter()
        .map(|&series| {
            let percentiles = match one_lever[series].filter(|_| moved[series]) {
                Some(p) => {
                    let sorted = sorted_levers[p].get_or_insert_with(|| {
                        let mut all = drawn.levers[p].clone();
                        all.sort_by(f64::total_cmp);
                        all
                    });
                    fan_from_lever(&plan, &base_values, &moved, (roots[p], sorted), series)?
                }
                None if moved[series] => {
                    let k = kept
                        .iter()
                        .position(|&s| s == series)
                        .expect("a moved fan is kept");
                    drawn.kept[k].clone()
                }
                None => base_values[series].iter().map(|v| [*v; 5]).collect(),
            };
            Ok(Fan {
                series: scenario.series[series].key.clone(),
                unit: scenario.series[series].unit.to_string(),
                percentiles,
            })
        })
        .collect::<Result<Vec<Fan>, ModelError>>()?;
    let exceedance = capacities
        .iter()
        .enumerate()
        .map(|(c, (pollutant, _, _))| {
            let share = |count: &u32| f64::from(*count) / runs as f64;
            let in_year = drawn.counts[c].0.iter().map(share).collect();
            let by_year = drawn.counts[c].1.iter().map(share).collect();
            Exceedance {
                pollutant: pollutant.clone(),
                in_year,
                by_year,
            }
        })
        .collect();
    Ok(Some(UncertaintyResult {
        runs,
        settings,
        base_year: scenario.base_year,
        fans,
        exceedance,
    }))
}

/// Per capacity: draws above it in each year, and draws above it in that or an earlier year.
type Counts = Vec<(Vec<u32>, Vec<u32>)>;

/// What a pass's draws leave, whichever way they were made: each kept fan's percentiles by
/// year (in the order of `Pass::kept`), each capacity's draws above it in each year and by
/// each year, and each lever's value in every draw, in draw order.
struct Drawn {
    kept: Vec<Vec<[f64; 5]>>,
    counts: Counts,
    levers: Vec<Vec<f64>>,
}

/// Everything a pass's draws are made from.
struct Pass<'a> {
    plan: &'a ProjectionPlan<'a>,
    settings: MonteCarlo,
    base_values: &'a [Vec<f64>],
    moved: &'a [bool],
    /// The series of each lever.
    roots: &'a [usize],
    quantiles: &'a [Quantile],
    /// Every draw's uniforms, made first where draws are stratified or correlated.
    latin: Option<&'a [Vec<f64>]>,
    /// Per capacity: its pollutant, the series compared with it, its value in each year.
    capacities: &'a [(String, usize, Vec<f64>)],
    years: usize,
    /// The series whose fans are selected among every draw.
    kept: &'a [usize],
    threads: usize,
    progress: &'a AtomicUsize,
    cancel: &'a AtomicBool,
}

impl Pass<'_> {
    /// Every lever's value in each draw of chunk `chunk`, drawn in the order a draw at a time
    /// drew them (draw by draw, lever by lever), so a seed gives the same numbers however the
    /// draws are then evaluated.
    fn draw_levers(&self, chunk: usize, levers: &mut [Vec<f64>]) {
        let runs = self.settings.runs;
        let first = chunk * CHUNK;
        let draws = CHUNK.min(runs - first);
        let mut rng = Generator::seed_from_u64(
            self.settings.seed ^ (chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        for draw in first..first + draws {
            for (p, quantile) in self.quantiles.iter().enumerate() {
                let u = match self.latin {
                    Some(table) => table[p][draw],
                    None => rng.random::<f64>(),
                };
                levers[p].push(quantile.at(u));
            }
        }
    }

    /// Each series' lever values of a block of draws: the first of a series' uncertain
    /// entries is its lever, as the checks read it.
    fn lever_slices<'l, L: AsRef<[f64]>>(&self, levers: &'l [L]) -> Vec<Option<&'l [f64]>> {
        let mut by_series: Vec<Option<&[f64]>> = vec![None; self.moved.len()];
        for (p, &series) in self.roots.iter().enumerate().rev() {
            by_series[series] = Some(levers[p].as_ref());
        }
        by_series
    }

    /// The values of series `series` in year `y` for a block whose moved series' year values
    /// `values` gives: one per lane, or the one value every draw shares.
    fn year_values<'v>(
        &'v self,
        series: usize,
        y: usize,
        values: impl FnOnce(usize) -> &'v [f64],
    ) -> &'v [f64] {
        if self.moved[series] {
            values(series)
        } else {
            &self.base_values[series][y..=y]
        }
    }

    /// Adds year `y` of a block of `draws` draws to each capacity's counts: above it this year,
    /// and above it in this or an earlier year (`exceeded` remembers, per capacity and lane).
    fn count_year<'v>(
        &'v self,
        y: usize,
        draws: usize,
        values: impl Fn(usize) -> &'v [f64],
        exceeded: &mut [Vec<bool>],
        counts: &mut [(Vec<u32>, Vec<u32>)],
    ) {
        for (c, (_, series, capacity)) in self.capacities.iter().enumerate() {
            let year = self.year_values(*series, y, &values);
            let exceeded = &mut exceeded[c];
            exceeded.resize(year.len(), false);
            let (mut in_year, mut by_year) = (0, 0);
            for (value, exceeded) in year.iter().zip(exceeded.iter_mut()) {
                let above = *value > capacity[y];
                *exceeded |= above;
                in_year += u32::from(above);
                by_year += u32::from(*exceeded);
            }
            // A series the draws do not move counts once for every draw.
            let weight = if year.len() == 1 { draws as u32 } else { 1 };
            counts[c].0[y] += in_year * weight;
            counts[c].1[y] += by_year * weight;
        }
    }

    /// The counts of every part of the draws (a thread's share or a chunk, in draw order)
    /// added up, and their levers' values one after another: what either way of drawing leaves.
    fn gathered<'p>(
        &self,
        parts: impl Iterator<Item = (&'p Counts, &'p Vec<Vec<f64>>)>,
    ) -> (Counts, Vec<Vec<f64>>) {
        let years = self.years;
        let mut counts = vec![(vec![0u32; years], vec![0u32; years]); self.capacities.len()];
        let mut levers: Vec<Vec<f64>> =
            vec![Vec::with_capacity(self.settings.runs); self.quantiles.len()];
        for (part_counts, part_levers) in parts {
            for (total, part) in counts.iter_mut().zip(part_counts) {
                total.0.iter_mut().zip(&part.0).for_each(|(t, c)| *t += c);
                total.1.iter_mut().zip(&part.1).for_each(|(t, c)| *t += c);
            }
            for (all, part) in levers.iter_mut().zip(part_levers) {
                all.extend_from_slice(part);
            }
        }
        (counts, levers)
    }
}

mod chunked;
mod stepped;
