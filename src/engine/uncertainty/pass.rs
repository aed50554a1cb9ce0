//! One pass over the draws: each chunk of draws projected (across threads), its fans kept and
//! its exceedance counted.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng as Generator;

use super::percentiles::{fan_from_lever, percentiles_by_year};
use super::sampling::{Quantile, uniform_table};
use super::{CHUNK, Exceedance, Fan, MonteCarlo, Sampling, UncertaintyResult, check_runs};
use crate::engine::checks::{check_uncertain, series_positions};
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
        (true, None),
    )
}

/// One pass; `read_levers` lets fans of one-lever series be read off the lever (`false` in a
/// test that checks the reading gives what selecting among every draw gives).
pub(super) fn monte_carlo_pass_reading_levers(
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
