//! Monte Carlo over uncertain rates: fan charts (p5, p25, p50, p75, p95) and, per pollutant,
//! the probability of exceeding capacity. Seeded and independent of the number of threads: the
//! same seed gives the same numbers on any machine.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use statrs::distribution::{ContinuousCDF, Normal};

use super::checks::{check_uncertain, series_positions};
use super::{ModelError, ProjectionPlan, analyse_capacities, project};
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
    pub base_year: i32,
    pub fans: Vec<Fan>,
    pub exceedance: Vec<Exceedance>,
}

/// The value of a distribution at cumulative probability `u` (0 ≤ u < 1).
pub fn quantile(distribution: &Distribution, u: f64) -> f64 {
    match *distribution {
        Distribution::Uniform { min, max } => min + u * (max - min),
        Distribution::Triangular { min, mode, max } => {
            let split = (mode - min) / (max - min);
            if u < split {
                min + (u * (max - min) * (mode - min)).sqrt()
            } else {
                max - ((1.0 - u) * (max - min) * (max - mode)).sqrt()
            }
        }
        Distribution::Normal { mean, sd, min, max } => {
            let normal = Normal::new(mean, sd).expect("a checked normal distribution");
            let (low, high) = (normal.cdf(min), normal.cdf(max));
            normal.inverse_cdf(low + u * (high - low)).clamp(min, max)
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
    let per_pass = fans_per_pass(scenario, settings.runs, values_per_pass)?;
    if fan_series.len().div_ceil(per_pass) > MAX_PASSES {
        return Err(ModelError::invalid_value(
            "uncertainty",
            "fans",
            "series",
            fan_series.len() as f64,
            format!(
                "fans of this many series over {} draws need more than {MAX_PASSES} passes of the draws; ask for fewer series or draws",
                settings.runs
            ),
        ));
    }
    let mut passes = fan_series.chunks(per_pass);
    let first = passes.next().unwrap_or(&[]);
    let Some(mut result) = monte_carlo_pass(scenario, settings, first, progress, cancel)? else {
        return Ok(None);
    };
    for pass in passes {
        match monte_carlo_pass(scenario, settings, pass, progress, cancel)? {
            Some(more) => result.fans.extend(more.fans),
            None => return Ok(None),
        }
    }
    Ok(Some(result))
}

/// The most passes one run may take: beyond this the fans asked for cost more than the draws
/// are worth (a file of thousands of series over 100 000 draws).
pub const MAX_PASSES: usize = 64;

/// How many fans fit in one pass; checks the runs and the years before they are multiplied.
fn fans_per_pass(
    scenario: &Scenario,
    runs: usize,
    values_per_pass: usize,
) -> Result<usize, ModelError> {
    check_runs(runs)?;
    // Checks the years before they are counted (a base year far in the past is refused here).
    ProjectionPlan::new(scenario)?;
    let years = (scenario.horizon - scenario.base_year) as usize + 1;
    Ok((values_per_pass / (years * runs)).max(1))
}

/// How many passes of the draws the fans of `fans` series take (each pass counts `runs` draws
/// of progress).
pub fn passes(scenario: &Scenario, runs: usize, fans: usize) -> Result<usize, ModelError> {
    let per_pass = fans_per_pass(scenario, runs, MAX_FAN_VALUES_PER_PASS)?;
    Ok(fans.div_ceil(per_pass).max(1))
}

fn check_runs(runs: usize) -> Result<(), ModelError> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(ModelError::invalid_value(
            "uncertainty",
            "runs",
            "runs",
            runs as f64,
            format!("must be from 1 to {MAX_RUNS}"),
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
                .ok_or_else(|| ModelError::UnknownSeries {
                    series: "fan chart".into(),
                    driver: key.clone(),
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
    let runs = settings.runs;
    let latin = (settings.sampling == Sampling::LatinHypercube)
        .then(|| latin_hypercube(runs, uncertain.len(), settings.seed));

    // Each chunk returns its fan values (per fan, year, draw) and exceedance counts.
    let chunk_count = runs.div_ceil(CHUNK);
    let next_chunk = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(chunk_count);
    type ChunkResult = (usize, Vec<Vec<Vec<f64>>>, Vec<(Vec<u32>, Vec<u32>)>);
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
            let mut rng = StdRng::seed_from_u64(
                settings.seed ^ (chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            );
            let mut fan_values = vec![vec![Vec::with_capacity(draws); years]; fans.len()];
            let mut counts = vec![(vec![0u32; years], vec![0u32; years]); capacities.len()];
            for d in 0..draws {
                let draw = first + d;
                let levers: Vec<(usize, f64)> = uncertain
                    .iter()
                    .enumerate()
                    .map(|(p, (index, distribution))| {
                        let u = match &latin {
                            Some(table) => table[p][draw],
                            None => rng.random::<f64>(),
                        };
                        (*index, quantile(distribution, u))
                    })
                    .collect();
                let values = plan.run(|i| {
                    levers
                        .iter()
                        .find(|(index, _)| *index == i)
                        .and_then(|(_, value)| with_lever(&scenario.series[i].rule, *value))
                })?;
                for (f, &series) in fans.iter().enumerate() {
                    for (y, value) in values[series].iter().enumerate() {
                        fan_values[f][y].push(*value);
                    }
                }
                for (c, (_, series, capacity)) in capacities.iter().enumerate() {
                    let mut exceeded = false;
                    for y in 0..years {
                        let above = values[*series][y] > capacity[y];
                        exceeded |= above;
                        counts[c].0[y] += u32::from(above);
                        counts[c].1[y] += u32::from(exceeded);
                    }
                }
            }
            progress.fetch_add(draws, Ordering::Relaxed);
            done.push((chunk, fan_values, counts));
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
    chunks.sort_by_key(|c| c.0);
    let fans = fans
        .iter()
        .enumerate()
        .map(|(f, &series)| {
            let percentiles = (0..years)
                .map(|y| {
                    let mut values: Vec<f64> = chunks
                        .iter()
                        .flat_map(|c| c.1[f][y].iter().copied())
                        .collect();
                    percentiles_of(&mut values)
                })
                .collect();
            Fan {
                series: scenario.series[series].key.clone(),
                unit: scenario.series[series].unit.to_string(),
                percentiles,
            }
        })
        .collect();
    let exceedance = capacities
        .iter()
        .enumerate()
        .map(|(c, (pollutant, _, _))| {
            let share = |count: u32| f64::from(count) / runs as f64;
            let in_year = (0..years)
                .map(|y| share(chunks.iter().map(|chunk| chunk.2[c].0[y]).sum()))
                .collect();
            let by_year = (0..years)
                .map(|y| share(chunks.iter().map(|chunk| chunk.2[c].1[y]).sum()))
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
        base_year: scenario.base_year,
        fans,
        exceedance,
    }))
}

/// For each parameter, one point in each of `runs` equal strata of [0, 1), in shuffled order.
fn latin_hypercube(runs: usize, parameters: usize, seed: u64) -> Vec<Vec<f64>> {
    (0..parameters)
        .map(|p| {
            let mut rng = StdRng::seed_from_u64(
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
fn percentiles_of(values: &mut [f64]) -> [f64; 5] {
    if values.is_empty() {
        return [f64::NAN; 5];
    }
    let last = values.len() - 1;
    let mut ranks: Vec<usize> = PERCENTILES
        .iter()
        .flat_map(|p| {
            let rank = p * last as f64;
            [rank.floor() as usize, rank.ceil() as usize]
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    // Select each rank among the values right of the previous one, leaving the selected ones
    // in place: afterwards every selected position holds the value a full sort would put there.
    let mut start = 0;
    for &rank in &ranks {
        values[start..].select_nth_unstable_by(rank - start, f64::total_cmp);
        start = rank + 1;
    }
    PERCENTILES.map(|p| {
        let rank = p * last as f64;
        let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
        values[low] + (values[high] - values[low]) * (rank - low as f64)
    })
}

/// Linear interpolation between order statistics (the usual "type 7" percentile).
pub fn percentile_of_sorted(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = p * (sorted.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fans_computed_in_several_passes_equal_one_pass() {
        let mut scenario = crate::plan::hanyang_plan();
        scenario.horizon = 2040;
        scenario.uncertainty = vec![crate::model::Uncertain {
            series: "cod".into(),
            distribution: Distribution::Uniform {
                min: 0.05,
                max: 0.09,
            },
        }];
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
        // Room for one fan at a time: as many passes as series.
        let years = 2040 - 2021 + 1;
        let many =
            monte_carlo_in_passes(&scenario, settings, &fans, (&progress, &never), years * 600)
                .unwrap()
                .unwrap();
        assert_eq!(one, many);
        assert_eq!(many.fans.len(), fans.len());
        assert_eq!(progress.load(Ordering::Relaxed), 600 * (1 + fans.len()));
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

    #[test]
    fn selected_percentiles_equal_sorted_ones() {
        let mut rng = StdRng::seed_from_u64(5);
        let values: Vec<f64> = (0..1001).map(|_| rng.random::<f64>()).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let mut scratch = values;
        assert_eq!(
            percentiles_of(&mut scratch),
            PERCENTILES.map(|p| percentile_of_sorted(&sorted, p))
        );
    }

    #[test]
    fn percentiles_interpolate() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile_of_sorted(&values, 0.5), 3.0);
        assert_eq!(percentile_of_sorted(&values, 0.25), 2.0);
        assert!((percentile_of_sorted(&values, 0.05) - 1.2).abs() < 1e-12);
    }
}
