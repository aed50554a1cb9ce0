//! Monte Carlo over uncertain rates: fan charts (p5, p25, p50, p75, p95) and, per pollutant,
//! the probability of exceeding capacity. Seeded and independent of the number of threads: the
//! same seed gives the same numbers on any machine.

use std::sync::atomic::{AtomicBool, AtomicUsize};

use pass::monte_carlo_pass;
pub use percentiles::percentile_of_sorted;
pub use sampling::quantile;
pub(super) use sampling::uniform_table;

use super::checks::{check_uncertain, series_positions};
use super::{ModelError, ProjectionPlan};
use crate::engine::Reason;
use crate::model::Scenario;

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
    let kept = kept_fans(scenario, &plan, true)?;
    // A stepped run keeps, a draw for a fan, a window of years' values and three for its order
    // (a year's value, and the value and draw of last year's order); one projecting each chunk
    // over every year keeps every year's. (`kept_fans` without reading levers: every series the
    // draws move.)
    let moved = kept_fans(scenario, &plan, false)?
        .iter()
        .filter(|m| **m)
        .count();
    let per_draw = if pass::stepped_fits(moved, runs) {
        pass::WINDOW + 3
    } else {
        years
    };
    // The draws' state of a stepped run takes the other half (`stepped_fits`).
    let room = if pass::stepped_fits(moved, runs) {
        values_per_pass / 2
    } else {
        values_per_pass
    };
    let per_pass = (room / (per_draw * runs)).max(1);
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

mod pass;
mod percentiles;
mod sampling;
#[cfg(test)]
mod tests;
