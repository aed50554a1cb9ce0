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

    /// Every draw stepped through a few years (`WINDOW`) before the next: each thread steps
    /// its chunks (each chunk's state small enough to stay in the cache for its years), then
    /// the kept fans' percentiles of those years are selected from every draw's values (each
    /// fan from the order of its year before), then the next years. Per fan only a window of
    /// years is kept; the draws' state is three values a draw for each moved series.
    fn stepped(&self) -> Result<Option<Drawn>, ModelError> {
        let runs = self.settings.runs;
        let years = self.years;
        let chunk_count = runs.div_ceil(CHUNK);
        let threads = self.threads.min(chunk_count).max(1);
        /// A chunk of a thread's draws and what it carries from year to year.
        struct ChunkState {
            /// Its first draw within the thread's.
            offset: usize,
            lanes: usize,
            state: BlockYear,
            /// Per capacity and draw: above it in a year so far.
            exceeded: Vec<Vec<bool>>,
        }
        /// A thread's share of the draws: whole chunks, in draw order.
        struct Share {
            draws: usize,
            levers: Vec<Vec<f64>>,
            chunks: Vec<ChunkState>,
            /// Per kept fan: the window's values, `[year in window * draws + draw]`.
            window: Vec<Vec<f64>>,
            counts: Counts,
            error: Option<ModelError>,
        }
        let shares: Vec<RwLock<Share>> = (0..threads)
            .map(|t| {
                let chunks = t * chunk_count / threads..(t + 1) * chunk_count / threads;
                let first = chunks.start * CHUNK;
                let end = (chunks.end * CHUNK).min(runs);
                let states = chunks
                    .map(|chunk| ChunkState {
                        offset: chunk * CHUNK - first,
                        lanes: CHUNK.min(runs - chunk * CHUNK),
                        state: BlockYear::default(),
                        exceeded: vec![Vec::new(); self.capacities.len()],
                    })
                    .collect();
                RwLock::new(Share {
                    draws: end - first,
                    levers: vec![Vec::with_capacity(end - first); self.quantiles.len()],
                    chunks: states,
                    window: vec![Vec::new(); self.kept.len()],
                    counts: vec![(vec![0; years], vec![0; years]); self.capacities.len()],
                    error: None,
                })
            })
            .collect();
        let orders: Vec<Mutex<(YearOrder, Vec<[f64; 5]>)>> = self
            .kept
            .iter()
            .map(|_| Mutex::new((YearOrder::default(), Vec::with_capacity(years))))
            .collect();
        let windows: Vec<std::ops::Range<usize>> = (0..years)
            .step_by(WINDOW)
            .map(|y| y..(y + WINDOW).min(years))
            .collect();
        // The fans of each window handed out to the threads as they come.
        let next_fan: Vec<AtomicUsize> = windows.iter().map(|_| AtomicUsize::new(0)).collect();
        let barrier = SpinBarrier::new(threads);
        // Decided once a window by the last thread to finish it, before the others go on, so
        // every thread leaves at the same window (a thread leaving alone would leave the
        // others waiting at the barrier).
        let stop = AtomicBool::new(false);
        let poisoned = "a Monte Carlo thread does not panic";
        std::thread::scope(|scope| {
            for t in 0..threads {
                let (shares, orders, windows, next_fan, barrier, stop) =
                    (&shares, &orders, &windows, &next_fan, &barrier, &stop);
                scope.spawn(move || {
                    // A thread that panics lets the others out of the barrier, and the scope
                    // hands the panic on (the window's job reports it stopped).
                    let _breaks = BreaksOnPanic(barrier);
                    {
                        let mut share = shares[t].write().expect(poisoned);
                        let share = &mut *share;
                        for chunk in t * chunk_count / threads..(t + 1) * chunk_count / threads {
                            self.draw_levers(chunk, &mut share.levers);
                        }
                    }
                    for (w, years_of) in windows.iter().enumerate() {
                        {
                            let mut share = shares[t].write().expect(poisoned);
                            let Share {
                                draws,
                                levers,
                                chunks,
                                window,
                                counts,
                                error,
                            } = &mut *share;
                            for values in window.iter_mut() {
                                values.resize(years_of.len() * *draws, 0.0);
                            }
                            'chunks: for chunk in chunks.iter_mut() {
                                if error.is_some() {
                                    break;
                                }
                                let of_chunk: Vec<&[f64]> = levers
                                    .iter()
                                    .map(|l| &l[chunk.offset..chunk.offset + chunk.lanes])
                                    .collect();
                                let by_series = self.lever_slices(&of_chunk);
                                for y in years_of.clone() {
                                    let stepped = self.plan.run_year(
                                        self.base_values,
                                        self.moved,
                                        &by_series,
                                        y,
                                        chunk.lanes,
                                        &mut chunk.state,
                                    );
                                    if let Err(e) = stepped {
                                        *error = Some(e);
                                        break 'chunks;
                                    }
                                    let state = &chunk.state;
                                    self.count_year(
                                        y,
                                        chunk.lanes,
                                        |s| state.values(s),
                                        &mut chunk.exceeded,
                                        counts,
                                    );
                                    let at = (y - years_of.start) * *draws + chunk.offset;
                                    for (values, &series) in window.iter_mut().zip(self.kept) {
                                        values[at..at + chunk.lanes]
                                            .copy_from_slice(state.values(series));
                                    }
                                }
                            }
                        }
                        if !barrier.wait(|| {}) {
                            break;
                        }
                        loop {
                            let k = next_fan[w].fetch_add(1, Ordering::Relaxed);
                            if k >= self.kept.len() {
                                break;
                            }
                            let mut order = orders[k].lock().expect(poisoned);
                            let (order, percentiles) = &mut *order;
                            for y in 0..years_of.len() {
                                percentiles.push(order.next(|values| {
                                    for share in shares {
                                        let share = share.read().expect(poisoned);
                                        let draws = share.draws;
                                        values.extend_from_slice(
                                            &share.window[k][y * draws..(y + 1) * draws],
                                        );
                                    }
                                }));
                            }
                        }
                        let together = barrier.wait(|| {
                            let failed = shares
                                .iter()
                                .any(|s| s.read().expect(poisoned).error.is_some());
                            stop.store(
                                failed || self.cancel.load(Ordering::Relaxed),
                                Ordering::Relaxed,
                            );
                            // Progress in draws: a window of every draw's years is a share.
                            let done = |y: usize| runs * y / years;
                            self.progress.fetch_add(
                                done(years_of.end) - done(years_of.start),
                                Ordering::Relaxed,
                            );
                        });
                        if !together || stop.load(Ordering::Relaxed) {
                            break;
                        }
                    }
                });
            }
        });
        let shares: Vec<Share> = shares
            .into_iter()
            .map(|s| s.into_inner().expect(poisoned))
            .collect();
        if let Some(error) = shares.iter().find_map(|s| s.error.clone()) {
            return Err(error);
        }
        if self.cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let (counts, levers) = self.gathered(shares.iter().map(|s| (&s.counts, &s.levers)));
        Ok(Some(Drawn {
            kept: orders
                .into_iter()
                .map(|o| o.into_inner().expect(poisoned).1)
                .collect(),
            counts,
            levers,
        }))
    }

    /// Each chunk of draws projected over every year at once (`run_block`), the kept fans'
    /// values of every draw and year kept for the percentiles: for draws whose state would not
    /// fit a run stepped a year at a time (a file of thousands of series over many draws).
    fn chunked(&self) -> Result<Option<Drawn>, ModelError> {
        let runs = self.settings.runs;
        let years = self.years;
        let chunk_count = runs.div_ceil(CHUNK);
        let next_chunk = AtomicUsize::new(0);
        /// What one chunk of draws leaves for the percentiles and the counts.
        struct ChunkResult {
            chunk: usize,
            /// Each kept fan's values, year-major (`[year * draws + draw]`), as the block made
            /// them.
            fans: Vec<Vec<f64>>,
            counts: Counts,
            levers: Vec<Vec<f64>>,
        }
        let work = || -> Result<Vec<ChunkResult>, ModelError> {
            let mut done = Vec::new();
            // The chunk's values of every moved series, year-major (see `run_block`).
            let mut block: Vec<Vec<f64>> = vec![Vec::new(); self.moved.len()];
            loop {
                if self.cancel.load(Ordering::Relaxed) {
                    return Ok(done);
                }
                let chunk = next_chunk.fetch_add(1, Ordering::Relaxed);
                if chunk >= chunk_count {
                    return Ok(done);
                }
                let draws = CHUNK.min(runs - chunk * CHUNK);
                let mut levers = vec![Vec::with_capacity(draws); self.quantiles.len()];
                self.draw_levers(chunk, &mut levers);
                let by_series = self.lever_slices(&levers);
                self.plan
                    .run_block(self.base_values, self.moved, &by_series, draws, &mut block)?;
                let mut exceeded = vec![Vec::new(); self.capacities.len()];
                let mut counts =
                    vec![(vec![0u32; years], vec![0u32; years]); self.capacities.len()];
                for y in 0..years {
                    let values = |s: usize| &block[s][y * draws..(y + 1) * draws];
                    self.count_year(y, draws, values, &mut exceeded, &mut counts);
                }
                // The block's values themselves, taken, not copied.
                let fans = self
                    .kept
                    .iter()
                    .map(|&series| std::mem::take(&mut block[series]))
                    .collect();
                self.progress.fetch_add(draws, Ordering::Relaxed);
                done.push(ChunkResult {
                    chunk,
                    fans,
                    counts,
                    levers,
                });
            }
        };
        let threads = self.threads.min(chunk_count).max(1);
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
        if self.cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        chunks.sort_by_key(|c| c.chunk);
        // The percentiles of every kept fan in every year: a fan's years on one thread in turn,
        // each year sorted from the order of the year before (`percentiles_by_year`), the fans
        // handed out to the threads as they finish. Each is exact, so the numbers do not depend
        // on how the work is split.
        let next_fan = AtomicUsize::new(0);
        let mut by_fan: Vec<(usize, Vec<[f64; 5]>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads.min(self.kept.len()))
                .map(|_| {
                    let (chunks, next_fan) = (&chunks, &next_fan);
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        while next_fan.load(Ordering::Relaxed) < self.kept.len() {
                            let f = next_fan.fetch_add(1, Ordering::Relaxed);
                            if f >= self.kept.len() {
                                break;
                            }
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
        let (counts, levers) = self.gathered(chunks.iter().map(|c| (&c.counts, &c.levers)));
        Ok(Some(Drawn {
            kept: by_fan.into_iter().map(|(_, p)| p).collect(),
            counts,
            levers,
        }))
    }
}

/// A barrier the threads of a stepped run meet at twice a year: a wait of a fraction of a
/// millisecond, which a sleeping barrier (a mutex and a condition variable) would stretch to
/// the time a thread takes to wake, many times the work between. It spins a while, then
/// yields, so a machine with fewer cores than threads still gets on.
struct SpinBarrier {
    threads: usize,
    arrived: AtomicUsize,
    generation: AtomicUsize,
    /// Set when a thread panicked: no wait waits any more.
    broken: AtomicBool,
}

impl SpinBarrier {
    fn new(threads: usize) -> SpinBarrier {
        SpinBarrier {
            threads,
            arrived: AtomicUsize::new(0),
            generation: AtomicUsize::new(0),
            broken: AtomicBool::new(false),
        }
    }

    /// Waits until every thread has arrived; the last to arrive runs `last` first, and what it
    /// did is seen by every thread after the wait. `false` when a thread panicked instead.
    fn wait(&self, last: impl FnOnce()) -> bool {
        let generation = self.generation.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) + 1 == self.threads {
            last();
            self.arrived.store(0, Ordering::Relaxed);
            self.generation.fetch_add(1, Ordering::Release);
            return !self.broken.load(Ordering::Acquire);
        }
        let mut spins = 0u32;
        while self.generation.load(Ordering::Acquire) == generation {
            if self.broken.load(Ordering::Acquire) {
                return false;
            }
            if spins < 1 << 14 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        true
    }
}

/// Breaks the barrier when the thread holding it unwinds from a panic.
struct BreaksOnPanic<'a>(&'a SpinBarrier);

impl Drop for BreaksOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.broken.store(true, Ordering::Release);
        }
    }
}
