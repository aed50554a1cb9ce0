//! Monte Carlo over uncertain rates: fan charts (p5, p25, p50, p75, p95) and, per pollutant,
//! the probability of exceeding capacity. Seeded and independent of the number of threads: the
//! same seed gives the same numbers on any machine.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng as Generator;
use statrs::distribution::{ContinuousCDF, Normal};

use super::checks::{check_uncertain, series_positions};
use super::{ModelError, ProjectionPlan, analyse_capacities, project};
use crate::engine::Reason;
use crate::model::{Distribution, Scenario, with_lever};

/// The most draws one run may ask for.
pub const MAX_RUNS: usize = 100_000;
pub const DEFAULT_RUNS: usize = 1_000;
/// The percentiles of a fan chart.
pub const PERCENTILES: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];
/// Draws handed out together; each chunk has its own seeded generator, so the numbers do not
/// depend on how many threads share the work.
const CHUNK: usize = 250;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sampling {
    #[default]
    Random,
    LatinHypercube,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    pub runs: usize,
    pub seed: u64,
    pub sampling: Sampling,
}

impl Default for MonteCarlo {
    fn default() -> MonteCarlo {
        MonteCarlo {
            runs: DEFAULT_RUNS,
            seed: 1,
            sampling: Sampling::Random,
        }
    }
}

/// Percentiles of one series by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Fan {
    pub series: String,
    pub unit: String,
    /// `percentiles[year index][k]` for k in `PERCENTILES`.
    pub percentiles: Vec<[f64; 5]>,
}

/// How likely a pollutant's emission is above its capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct Exceedance {
    pub pollutant: String,
    /// Probability of being above capacity in each year.
    pub in_year: Vec<f64>,
    /// Probability of having been above capacity in any year up to each year.
    pub by_year: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyResult {
    pub runs: usize,
    /// The settings of the draws (what `importance` draws again to say what drives a result).
    pub settings: MonteCarlo,
    pub base_year: i32,
    pub fans: Vec<Fan>,
    pub exceedance: Vec<Exceedance>,
}

/// The value of a distribution at cumulative probability `u` (0 ≤ u < 1).
pub fn quantile(distribution: &Distribution, u: f64) -> f64 {
    Quantile::of(distribution).at(u)
}

/// A distribution's quantile function with what does not depend on `u` computed once (a
/// truncated normal's probabilities at its bounds), for drawing many values of one lever.
#[derive(Clone, Copy, Debug)]
pub(super) enum Quantile {
    Uniform {
        min: f64,
        max: f64,
    },
    Triangular {
        min: f64,
        mode: f64,
        max: f64,
    },
    Normal {
        normal: Normal,
        min: f64,
        max: f64,
        low: f64,
        high: f64,
    },
}

impl Quantile {
    pub(super) fn of(distribution: &Distribution) -> Quantile {
        match *distribution {
            Distribution::Uniform { min, max } => Quantile::Uniform { min, max },
            Distribution::Triangular { min, mode, max } => Quantile::Triangular { min, mode, max },
            Distribution::Normal { mean, sd, min, max } => {
                let normal = Normal::new(mean, sd).expect("a checked normal distribution");
                let (low, high) = (normal.cdf(min), normal.cdf(max));
                Quantile::Normal {
                    normal,
                    min,
                    max,
                    low,
                    high,
                }
            }
        }
    }

    pub(super) fn at(&self, u: f64) -> f64 {
        match *self {
            Quantile::Uniform { min, max } => min + u * (max - min),
            Quantile::Triangular { min, mode, max } => {
                let split = (mode - min) / (max - min);
                if u < split {
                    min + (u * (max - min) * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * (max - min) * (max - mode)).sqrt()
                }
            }
            Quantile::Normal {
                normal,
                min,
                max,
                low,
                high,
            } => normal.inverse_cdf(low + u * (high - low)).clamp(min, max),
        }
    }
}

/// The most fan values (fans × years × draws) one pass keeps in memory: 16 million values,
/// 128 MB. Fans of every series of a large file over 100 000 draws would need gigabytes; they
/// are computed in passes of as many fans as fit instead, each pass repeating the same seeded
/// draws, so the numbers are those of a single pass.
pub const MAX_FAN_VALUES_PER_PASS: usize = 16_000_000;

/// Runs the draws. Returns `None` when `cancel` was set; `progress` counts finished draws (of
/// every pass, when the fans need more than one).
pub fn monte_carlo(
    scenario: &Scenario,
    settings: MonteCarlo,
    fan_series: &[String],
    progress: &AtomicUsize,
    cancel: &AtomicBool,
) -> Result<Option<UncertaintyResult>, ModelError> {
    monte_carlo_in_passes(
        scenario,
        settings,
        fan_series,
        (progress, cancel),
        MAX_FAN_VALUES_PER_PASS,
    )
}

fn monte_carlo_in_passes(
    scenario: &Scenario,
    settings: MonteCarlo,
    fan_series: &[String],
    (progress, cancel): (&AtomicUsize, &AtomicBool),
    values_per_pass: usize,
) -> Result<Option<UncertaintyResult>, ModelError> {
    let groups = pass_groups(scenario, settings.runs, fan_series, values_per_pass)?;
    if groups.len() > MAX_PASSES {
        return Err(ModelError::invalid_value(
            "uncertainty",
            "fans",
            "series",
            fan_series.len() as f64,
            Reason::TooManyFanPasses {
                runs: settings.runs,
                passes: MAX_PASSES,
            },
        ));
    }
    let mut result: Option<UncertaintyResult> = None;
    for group in &groups {
        match monte_carlo_pass(scenario, settings, group, progress, cancel)? {
            Some(more) => match &mut result {
                Some(result) => result.fans.extend(more.fans),
                None => result = Some(more),
            },
            None => return Ok(None),
        }
    }
    // The fans in the order asked for: a pass holds the fans whose draws it keeps.
    let mut result = result.expect("at least one pass");
    let mut position = std::collections::HashMap::new();
    for (i, key) in fan_series.iter().enumerate() {
        position.entry(key.as_str()).or_insert(i);
    }
    result.fans.sort_by_key(|fan| position[fan.series.as_str()]);
    Ok(Some(result))
}

/// The most passes one run may take: beyond this the fans asked for cost more than the draws
/// are worth (a file of thousands of series over 100 000 draws).
pub const MAX_PASSES: usize = 64;

/// The fans of each pass: as many fans whose draws must be kept (series several levers move,
/// see `kept_fans`) as `values_per_pass` values hold, the others (a fan read off its lever or
/// a series no draw moves, which keep nothing) in the first pass. Checks the runs and the years
/// before they are multiplied.
fn pass_groups(
    scenario: &Scenario,
    runs: usize,
    fan_series: &[String],
    values_per_pass: usize,
) -> Result<Vec<Vec<String>>, ModelError> {
    check_runs(runs)?;
    // Checks the years before they are counted (a base year far in the past is refused here).
    let plan = ProjectionPlan::new(scenario)?;
    let years = (scenario.horizon - scenario.base_year) as usize + 1;
    let per_pass = (values_per_pass / (years * runs)).max(1);
    let kept = kept_fans(scenario, &plan, true)?;
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    let mut in_last = 0;
    for key in fan_series {
        // An unknown key is refused by the pass that meets it.
        if plan.series_index(key).is_some_and(|i| kept[i]) {
            if in_last == per_pass {
                groups.push(Vec::new());
                in_last = 0;
            }
            in_last += 1;
            groups.last_mut().expect("a group").push(key.clone());
        } else {
            groups[0].push(key.clone());
        }
    }
    Ok(groups)
}

/// Which series' fans need every draw's values kept: those the draws move, except a series
/// moved by one lever increasingly, whose fan is read off that lever (`fan_from_lever`) when
/// `read_levers`.
fn kept_fans(
    scenario: &Scenario,
    plan: &ProjectionPlan<'_>,
    read_levers: bool,
) -> Result<Vec<bool>, ModelError> {
    let position = series_positions(scenario);
    let roots = scenario
        .uncertainty
        .iter()
        .map(|item| check_uncertain(scenario, &position, item))
        .collect::<Result<Vec<usize>, ModelError>>()?;
    let moved = plan.dependents(&roots);
    let one_lever = plan.monotone_in_one(&roots);
    Ok((0..scenario.series.len())
        .map(|i| moved[i] && !(read_levers && one_lever[i].is_some()))
        .collect())
}

/// How many passes of the draws the fans of `fans` take (each pass counts `runs` draws of
/// progress).
pub fn passes(scenario: &Scenario, runs: usize, fans: &[String]) -> Result<usize, ModelError> {
    Ok(pass_groups(scenario, runs, fans, MAX_FAN_VALUES_PER_PASS)?.len())
}

pub(super) fn check_runs(runs: usize) -> Result<(), ModelError> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(ModelError::invalid_value(
            "uncertainty",
            "",
            "runs",
            runs as f64,
            Reason::Runs { max: MAX_RUNS },
        ));
    }
    Ok(())
}

/// One pass of the draws with the fans of `fan_series`.
fn monte_carlo_pass(
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
        (true, None),
    )
}

/// One pass; `read_levers` lets fans of one-lever series be read off the lever (`false` in a
/// test that checks the reading gives what selecting among every draw gives).
fn monte_carlo_pass_reading_levers(
    scenario: &Scenario,
    settings: MonteCarlo,
    fan_series: &[String],
    (progress, cancel): (&AtomicUsize, &AtomicBool),
    (read_levers, threads): (bool, Option<usize>),
) -> Result<Option<UncertaintyResult>, ModelError> {
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
    // Capacities do not move with the draws; the emissions they are compared with do.
    let base = project(scenario)?;
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
    // A draw moves the uncertain series and what they drive; every other series is the same in
    // every draw, computed once here.
    let base_values = plan.run(|_| None)?;
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

    // Each chunk returns its fan values (per fan, year, draw) and exceedance counts.
    let chunk_count = runs.div_ceil(CHUNK);
    let next_chunk = AtomicUsize::new(0);
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, chunk_count.max(1));
    /// What one chunk of draws leaves for the percentiles and the counts.
    struct ChunkResult {
        chunk: usize,
        /// Each kept fan's values, year-major (`[year * draws + draw]`), as the block made
        /// them; empty for a fan not kept.
        fans: Vec<Vec<f64>>,
        /// Per capacity: draws above it in each year, and draws above it by each year.
        counts: Vec<(Vec<u32>, Vec<u32>)>,
        /// Each lever's value in each draw.
        levers: Vec<Vec<f64>>,
    }
    let work = || -> Result<Vec<ChunkResult>, ModelError> {
        let mut done = Vec::new();
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok(done);
            }
            let chunk = next_chunk.fetch_add(1, Ordering::Relaxed);
            if chunk >= chunk_count {
                return Ok(done);
            }
            let first = chunk * CHUNK;
            let draws = CHUNK.min(runs - first);
            let mut rng = Generator::seed_from_u64(
                settings.seed ^ (chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            );
            let mut lever_draws: Vec<Vec<f64>> = vec![Vec::with_capacity(draws); uncertain.len()];
            // The chunk's values of every moved series, year-major (see `run_block`).
            let mut block: Vec<Vec<f64>> = vec![Vec::new(); scenario.series.len()];
            let mut exceeded: Vec<bool> = Vec::with_capacity(draws);
            let mut counts = vec![(vec![0u32; years], vec![0u32; years]); capacities.len()];
            // Every lever's value in each draw of the chunk, drawn in the order a draw at a
            // time drew them (draw by draw, lever by lever), so a seed gives the numbers it
            // gave before the draws were evaluated as a block.
            for lever in &mut lever_draws {
                lever.resize(draws, 0.0);
            }
            for (d, draw) in (first..first + draws).enumerate() {
                for (p, quantile) in quantiles.iter().enumerate() {
                    let u = match &latin {
                        Some(table) => table[p][draw],
                        None => rng.random::<f64>(),
                    };
                    lever_draws[p][d] = quantile.at(u);
                }
            }
            let mut levers: Vec<Option<&[f64]>> = vec![None; scenario.series.len()];
            for (p, &series) in roots.iter().enumerate().rev() {
                // The first of a series' uncertain entries is its lever, as the checks
                // read it.
                levers[series] = Some(lever_draws[p].as_slice());
            }
            plan.run_block(&base_values, &moved, &levers, draws, &mut block)?;
            let lanes_of = |series: usize| {
                if moved[series] {
                    (block[series].as_slice(), draws)
                } else {
                    (base_values[series].as_slice(), 1)
                }
            };
            for (c, (_, series, capacity)) in capacities.iter().enumerate() {
                let (values, lanes) = lanes_of(*series);
                exceeded.clear();
                exceeded.resize(lanes, false);
                for (y, year) in values.chunks_exact(lanes).enumerate() {
                    let mut in_year = 0;
                    let mut by_year = 0;
                    for (value, exceeded) in year.iter().zip(exceeded.iter_mut()) {
                        let above = *value > capacity[y];
                        *exceeded |= above;
                        in_year += u32::from(above);
                        by_year += u32::from(*exceeded);
                    }
                    // A series the draws do not move counts once for every draw.
                    let weight = if lanes == 1 { draws as u32 } else { 1 };
                    counts[c].0[y] += in_year * weight;
                    counts[c].1[y] += by_year * weight;
                }
            }
            // Only the fans of series the draws move are kept (another series is the same
            // in every draw, its percentiles its value): the block's values themselves,
            // taken, not copied (a fan asked for twice is copied for the second).
            let mut fan_values: Vec<Vec<f64>> = Vec::with_capacity(fans.len());
            for (f, &series) in fans.iter().enumerate() {
                let values = if !collected(series) {
                    Vec::new()
                } else if let Some(earlier) = fans[..f].iter().position(|&s| s == series) {
                    fan_values[earlier].clone()
                } else {
                    std::mem::take(&mut block[series])
                };
                fan_values.push(values);
            }
            progress.fetch_add(draws, Ordering::Relaxed);
            done.push(ChunkResult {
                chunk,
                fans: fan_values,
                counts,
                levers: lever_draws,
            });
        }
    };
    let mut chunks: Vec<ChunkResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(
                handle
                    .join()
                    .expect("a Monte Carlo thread does not panic")?,
            );
        }
        Ok::<_, ModelError>(all)
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    chunks.sort_by_key(|c| c.chunk);
    // The percentiles of every moved fan in every year: a fan's years on one thread in turn,
    // each year sorted from the order of the year before (`percentiles_by_year`), the fans
    // handed out to the threads as they finish. Each is exact, so the numbers do not depend on
    // how the work is split.
    let moved_fans: Vec<usize> = (0..fans.len()).filter(|&f| collected(fans[f])).collect();
    let next_fan = AtomicUsize::new(0);
    let mut by_fan: Vec<(usize, Vec<[f64; 5]>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(moved_fans.len()))
            .map(|_| {
                let (chunks, moved_fans, next_fan) = (&chunks, &moved_fans, &next_fan);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    while let Some(&f) = moved_fans.get(next_fan.fetch_add(1, Ordering::Relaxed)) {
                        let percentiles = percentiles_by_year(years, |y, values| {
                            for chunk in chunks {
                                let draws = chunk.fans[f].len() / years;
                                values.extend_from_slice(&chunk.fans[f][y * draws..][..draws]);
                            }
                        });
                        done.push((f, percentiles));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a percentile thread does not panic"))
            .collect()
    });
    by_fan.sort_by_key(|(f, _)| *f);
    let mut selected = by_fan.into_iter().map(|(_, percentiles)| percentiles);
    // Each lever's draws in order, sorted once for every fan read off it.
    let mut sorted_levers: Vec<Option<Vec<f64>>> = vec![None; uncertain.len()];
    let fans = fans
        .iter()
        .map(|&series| {
            let percentiles = match one_lever[series].filter(|_| moved[series]) {
                Some(p) => {
                    let sorted = sorted_levers[p].get_or_insert_with(|| {
                        let mut all: Vec<f64> = chunks
                            .iter()
                            .flat_map(|c| c.levers[p].iter().copied())
                            .collect();
                        all.sort_by(f64::total_cmp);
                        all
                    });
                    fan_from_lever(&plan, &base_values, &moved, (roots[p], sorted), series)?
                }
                None if moved[series] => selected.next().expect("percentiles per moved fan"),
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
            let share = |count: u32| f64::from(count) / runs as f64;
            let in_year = (0..years)
                .map(|y| share(chunks.iter().map(|chunk| chunk.counts[c].0[y]).sum()))
                .collect();
            let by_year = (0..years)
                .map(|y| share(chunks.iter().map(|chunk| chunk.counts[c].1[y]).sum()))
                .collect();
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

/// For each parameter, one point in each of `runs` equal strata of [0, 1), in shuffled order.
/// Every draw's uniforms, one row per uncertain lever: a Latin hypercube or independent
/// draws, reordered to the scenario's rank correlations.
pub(super) fn uniform_table(
    scenario: &Scenario,
    settings: MonteCarlo,
) -> Result<Vec<Vec<f64>>, ModelError> {
    let (runs, levers) = (settings.runs, scenario.uncertainty.len());
    let mut table = match settings.sampling {
        Sampling::LatinHypercube => latin_hypercube(runs, levers, settings.seed),
        Sampling::Random => independent_uniforms(runs, levers, settings.seed),
    };
    if !scenario.correlations.is_empty() {
        let matrix = super::checks::correlation_matrix(scenario);
        super::correlate::iman_conover(&mut table, &matrix, settings.seed).map_err(|_| {
            ModelError::invalid("correlation", "", "rho", Reason::CorrelationsInconsistent)
        })?;
    }
    Ok(table)
}

/// Independent uniform draws, one row per lever, each row its own seeded stream.
fn independent_uniforms(runs: usize, parameters: usize, seed: u64) -> Vec<Vec<f64>> {
    (0..parameters)
        .map(|p| {
            let mut rng = Generator::seed_from_u64(
                seed.rotate_left(29) ^ (p as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407),
            );
            (0..runs).map(|_| rng.random::<f64>()).collect()
        })
        .collect()
}

fn latin_hypercube(runs: usize, parameters: usize, seed: u64) -> Vec<Vec<f64>> {
    (0..parameters)
        .map(|p| {
            let mut rng = Generator::seed_from_u64(
                seed.rotate_left(17) ^ (p as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93),
            );
            let mut strata: Vec<usize> = (0..runs).collect();
            strata.shuffle(&mut rng);
            strata
                .into_iter()
                .map(|s| (s as f64 + rng.random::<f64>()) / runs as f64)
                .collect()
        })
        .collect()
}

/// The fan-chart percentiles of `values`, reordering them: only the order statistics the
/// percentiles need are selected (O(n) each), which is several times faster than a full sort.
/// The fan of a series that moves with one lever only and increasingly (`monotone_in_one`),
/// from the lever's sorted draws: in every year the series' values rank as the lever's do, so
/// its percentile is the interpolation, with the same weights, between its values at the
/// lever's order statistics. Computed by the same projection as a draw, so the same bits as
/// selecting among all the draws' values, at the cost of a few projections.
fn fan_from_lever(
    plan: &ProjectionPlan<'_>,
    base_values: &[Vec<f64>],
    moved: &[bool],
    (root, sorted): (usize, &[f64]),
    series: usize,
) -> Result<Vec<[f64; 5]>, ModelError> {
    let scenario = plan.scenario();
    let last = sorted.len() - 1;
    let mut values = base_values.to_vec();
    let mut at_lever = |lever: f64| -> Result<Vec<f64>, ModelError> {
        plan.rerun(&mut values, moved, |i| {
            (i == root)
                .then(|| with_lever(&scenario.series[i].rule, lever))
                .flatten()
        })?;
        Ok(values[series].clone())
    };
    let mut bounds = Vec::with_capacity(PERCENTILES.len());
    for p in PERCENTILES {
        let rank = p * last as f64;
        let low = rank.floor() as usize;
        let low_values = at_lever(sorted[low])?;
        let high_values = if rank > low as f64 && low < last {
            at_lever(sorted[low + 1])?
        } else {
            low_values.clone()
        };
        bounds.push((rank - low as f64, low_values, high_values));
    }
    let years = base_values[series].len();
    Ok((0..years)
        .map(|y| {
            std::array::from_fn(|k| {
                let (weight, low, high) = &bounds[k];
                low[y] + (high[y] - low[y]) * weight
            })
        })
        .collect())
}

/// The fan-chart percentiles of one series' draws in each of `years` years, `year_values`
/// giving a year's values in draw order. Each year is sorted starting from the order of the
/// year before: a draw's rank barely moves from one year to the next (a draw ahead in growth
/// stays ahead), so an insertion sort finishes it in close to linear time; where ranks do move
/// (the first year after the base, where every draw was equal), a full sort takes over. The
/// order statistics are exact, so the percentiles are those of sorting every draw.
fn percentiles_by_year(
    years: usize,
    mut year_values: impl FnMut(usize, &mut Vec<f64>),
) -> Vec<[f64; 5]> {
    // The year's values in draw order, gathered in one sequential pass before they are read
    // in last year's order.
    let mut current = Vec::new();
    // (value, draw), by value: last year's order is this year's start.
    let mut sorted: Vec<(f64, u32)> = Vec::new();
    (0..years)
        .map(|y| {
            current.clear();
            year_values(y, &mut current);
            if sorted.len() == current.len() {
                for pair in &mut sorted {
                    pair.0 = current[pair.1 as usize];
                }
            } else {
                sorted.clear();
                sorted.extend(current.iter().enumerate().map(|(d, v)| (*v, d as u32)));
            }
            // An insertion sort of a shuffled year would take n²/4 moves: past a few per draw,
            // sorting from scratch is cheaper.
            if !insertion_sort_within(&mut sorted, 8 * current.len()) {
                sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            }
            PERCENTILES.map(|p| interpolated(sorted.len(), p, |i| sorted[i].0))
        })
        .collect()
}

/// Sorts `pairs` by value (ascending, `total_cmp`) by insertion, moving at most about `budget`
/// elements in all; `false`, with the pairs reordered but none lost, when that was not
/// enough.
fn insertion_sort_within(pairs: &mut [(f64, u32)], budget: usize) -> bool {
    let mut moves = 0;
    for i in 1..pairs.len() {
        let item = pairs[i];
        let mut j = i;
        while j > 0 && pairs[j - 1].0.total_cmp(&item.0).is_gt() {
            pairs[j] = pairs[j - 1];
            j -= 1;
        }
        pairs[j] = item;
        moves += i - j;
        if moves > budget {
            return false;
        }
    }
    true
}

/// Linear interpolation between order statistics (the usual "type 7" percentile).
pub fn percentile_of_sorted(sorted: &[f64], p: f64) -> f64 {
    interpolated(sorted.len(), p, |i| sorted[i])
}

/// The type-7 percentile `p` of `n` sorted values, the i-th read by `value(i)`.
fn interpolated(n: usize, p: f64, value: impl Fn(usize) -> f64) -> f64 {
    if n == 0 {
        return f64::NAN;
    }
    let rank = p * (n - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    value(low) + (value(high) - value(low)) * (rank - low as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fans_computed_in_several_passes_equal_one_pass() {
        // Thirteen levers: most fans depend on several draws and must keep every draw's values.
        let mut scenario = crate::io::scenario_file::from_ron_str(
            include_str!("../../benches/many-levers.ron"),
            std::path::Path::new("many-levers.ron"),
        )
        .unwrap();
        scenario.horizon = 2040;
        let settings = MonteCarlo {
            runs: 600,
            ..MonteCarlo::default()
        };
        let fans: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
        let (progress, never) = (AtomicUsize::new(0), AtomicBool::new(false));
        let one =
            monte_carlo_in_passes(&scenario, settings, &fans, (&progress, &never), usize::MAX)
                .unwrap()
                .unwrap();
        assert_eq!(progress.swap(0, Ordering::Relaxed), 600);
        // Room for one kept fan at a time: a pass for each of them.
        let years = 2040 - 2021 + 1;
        let groups = pass_groups(&scenario, 600, &fans, years * 600).unwrap();
        assert!(groups.len() > 3, "{} passes", groups.len());
        assert!(groups[1..].iter().all(|group| group.len() == 1));
        let many =
            monte_carlo_in_passes(&scenario, settings, &fans, (&progress, &never), years * 600)
                .unwrap()
                .unwrap();
        assert_eq!(one, many);
        assert_eq!(many.fans.len(), fans.len());
        assert_eq!(progress.load(Ordering::Relaxed), 600 * groups.len());
        assert!(
            many.exceedance
                .iter()
                .any(|e| e.by_year.last() > Some(&0.0))
        );
    }

    #[test]
    fn quantiles_of_the_distributions() {
        let uniform = Distribution::Uniform {
            min: 0.02,
            max: 0.06,
        };
        assert!((quantile(&uniform, 0.25) - 0.03).abs() < 1e-12);
        let triangular = Distribution::Triangular {
            min: 0.0,
            mode: 0.5,
            max: 1.0,
        };
        assert!((quantile(&triangular, 0.5) - 0.5).abs() < 1e-12);
        let normal = Distribution::Normal {
            mean: 0.05,
            sd: 0.01,
            min: -0.5,
            max: 0.5,
        };
        assert!((quantile(&normal, 0.5) - 0.05).abs() < 1e-9);
        assert!((quantile(&normal, 0.975) - (0.05 + 1.959_964 * 0.01)).abs() < 1e-6);
        let truncated = Distribution::Normal {
            mean: 0.05,
            sd: 0.05,
            min: 0.04,
            max: 0.06,
        };
        assert!((0.04..=0.06).contains(&quantile(&truncated, 0.999)));
    }

    #[test]
    fn latin_hypercube_puts_one_draw_in_each_stratum() {
        let table = latin_hypercube(100, 2, 7);
        for column in &table {
            let mut strata: Vec<usize> = column.iter().map(|u| (u * 100.0) as usize).collect();
            strata.sort_unstable();
            assert_eq!(strata, (0..100).collect::<Vec<_>>());
        }
    }

    /// Years whose draws keep their ranks, move them a little, reshuffle them and tie: each
    /// year's percentiles, sorted from the year before's order, are those of sorting it.
    #[test]
    fn percentiles_by_year_equal_sorted_ones_for_any_count_order_and_ties() {
        let mut rng = Generator::seed_from_u64(5);
        for n in (1..=60).chain([99, 100, 101, 1001, 10_000]) {
            let first: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
            let mut years = vec![vec![1.0; n], first.clone()];
            // The same ranks grown; a little noise (some ranks swap); reshuffled; tied.
            years.push(first.iter().map(|v| v * 1.07).collect());
            years.push(
                first
                    .iter()
                    .map(|v| v * 1.07 + 0.01 * rng.random::<f64>())
                    .collect(),
            );
            years.push((0..n).map(|_| rng.random::<f64>()).collect());
            years.push(
                (0..n)
                    .map(|_| (rng.random::<f64>() * 4.0).floor())
                    .collect(),
            );
            years.push(first.iter().rev().copied().collect());
            let got = percentiles_by_year(years.len(), |y, values| values.extend(&years[y]));
            for (y, year) in years.iter().enumerate() {
                let mut sorted = year.clone();
                sorted.sort_by(f64::total_cmp);
                assert_eq!(
                    got[y],
                    PERCENTILES.map(|p| percentile_of_sorted(&sorted, p)),
                    "{n} draws, year {y}"
                );
            }
        }
    }

    #[test]
    fn an_insertion_sort_past_its_budget_stops_and_keeps_every_pair() {
        let mut pairs: Vec<(f64, u32)> = (0..100).rev().map(|i| (f64::from(i), i)).collect();
        assert!(!insertion_sort_within(&mut pairs, 50));
        let mut draws: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        draws.sort_unstable();
        assert_eq!(draws, (0..100).collect::<Vec<_>>());
        assert!(pairs.iter().all(|p| p.0 == f64::from(p.1)));
        let mut nearly: Vec<(f64, u32)> = (0..100).map(|i| (f64::from(i ^ 1), i)).collect();
        assert!(insertion_sort_within(&mut nearly, 100));
        assert!(nearly.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn percentiles_interpolate() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile_of_sorted(&values, 0.5), 3.0);
        assert_eq!(percentile_of_sorted(&values, 0.25), 2.0);
        assert!((percentile_of_sorted(&values, 0.05) - 1.2).abs() < 1e-12);
    }

    #[test]
    fn fans_read_off_a_lever_equal_fans_selected_among_every_draw() {
        use crate::model::{Rule, Uncertain};
        let mut scenario = crate::plan::hanyang_plan();
        scenario.horizon = 2060;
        // A growth rate (COD), a rate driving elasticity-1 shares (GDP), an intensity change
        // (domestic water) and the rate after the last point (good-air days).
        scenario.uncertainty = vec![
            Uncertain {
                series: "cod".into(),
                distribution: Distribution::Normal {
                    mean: 0.07,
                    sd: 0.015,
                    min: 0.0,
                    max: 0.15,
                },
            },
            Uncertain {
                series: "gdp".into(),
                distribution: Distribution::Uniform {
                    min: 0.05,
                    max: 0.09,
                },
            },
            Uncertain {
                series: "water_domestic".into(),
                distribution: Distribution::Triangular {
                    min: -0.02,
                    mode: 0.0,
                    max: 0.01,
                },
            },
            Uncertain {
                series: "good_air_days".into(),
                distribution: Distribution::Uniform {
                    min: -0.01,
                    max: 0.01,
                },
            },
        ];
        // An elasticity other than 1 is not read off its driver: selected as before.
        scenario.series_mut("gdp_tertiary").unwrap().rule = Rule::GrowthAs {
            driver: "gdp".into(),
            elasticity: 1.2,
        };
        let all: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
        let plan = ProjectionPlan::new(&scenario).unwrap();
        let roots: Vec<usize> = ["cod", "gdp", "water_domestic", "good_air_days"]
            .map(|k| plan.series_index(k).unwrap())
            .to_vec();
        let one = plan.monotone_in_one(&roots);
        let index = |k: &str| plan.series_index(k).unwrap();
        assert_eq!(one[index("cod")], Some(0));
        assert_eq!(one[index("gdp_secondary")], Some(1));
        assert_eq!(one[index("water_ecological")], Some(2));
        assert_eq!(one[index("good_air_days")], Some(3));
        assert_eq!(one[index("gdp_tertiary")], None);
        assert_eq!(one[index("so2")], None, "moved by nothing");
        for sampling in [Sampling::Random, Sampling::LatinHypercube] {
            let settings = MonteCarlo {
                runs: 2_000,
                seed: 3,
                sampling,
            };
            let never = (&AtomicUsize::new(0), &AtomicBool::new(false));
            let read =
                monte_carlo_pass_reading_levers(&scenario, settings, &all, never, (true, None))
                    .unwrap();
            let selected =
                monte_carlo_pass_reading_levers(&scenario, settings, &all, never, (false, None))
                    .unwrap();
            assert_eq!(read, selected, "{sampling:?}");
            // The same numbers on one thread and on five: chunks carry their own generators and
            // the percentiles are exact whoever computes them.
            for threads in [1, 5] {
                let on = monte_carlo_pass_reading_levers(
                    &scenario,
                    settings,
                    &all,
                    never,
                    (false, Some(threads)),
                )
                .unwrap();
                assert_eq!(on, selected, "{sampling:?} on {threads} threads");
            }
        }
    }
}
