//! Which assumption drives a result: each uncertain lever's first-order share of the result's
//! variance (Sobol's first-order index), estimated from Monte Carlo draws sorted by the lever
//! (`first_order`). No model is assumed (a threshold or a product is measured as it is), and
//! for an additive result of independent levers the shares sum to about 1; correlated levers
//! share what they move together, so their shares may sum to more.

use super::checks::{check_uncertain, series_positions};
use super::uncertainty::{MonteCarlo, check_runs, quantile, uniform_table};
use super::{ModelError, ProjectionPlan, analyse_capacities, project};
use crate::model::{Scenario, with_lever};

/// The result whose drivers are asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A series' value in a year.
    Series { key: String, year: i32 },
    /// Whether a pollutant's emission has exceeded its capacity in any year up to `year`.
    Exceeded { pollutant: String, year: i32 },
}

/// One lever's share of the result's variance, 0 to 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    pub lever: String,
    pub share: f64,
}

/// Each uncertain lever's share of `outcome`'s variance over the draws `settings` make (the
/// same uniforms, correlations and sampling as a Monte Carlo run of them), largest first. A
/// result that does not vary gives every lever 0.
pub fn importance(
    scenario: &Scenario,
    settings: MonteCarlo,
    outcome: &Outcome,
) -> Result<Vec<Share>, ModelError> {
    check_runs(settings.runs)?;
    let plan = ProjectionPlan::new(scenario)?;
    let position = series_positions(scenario);
    let uncertain = scenario
        .uncertainty
        .iter()
        .map(|item| check_uncertain(scenario, &position, item).map(|i| (i, &item.distribution)))
        .collect::<Result<Vec<_>, _>>()?;
    let year_index = |year: i32| {
        usize::try_from(year - scenario.base_year)
            .ok()
            .filter(|&y| year <= scenario.horizon && y < plan_years(scenario))
            .ok_or_else(|| {
                ModelError::invalid(
                    "uncertainty",
                    "",
                    "year",
                    super::Reason::TargetYearOutside {
                        year,
                        from: scenario.base_year,
                        to: scenario.horizon,
                    },
                )
            })
    };
    // What is read from each draw: a series' value, or an emission against its capacity.
    let (series, year, capacity) = match outcome {
        Outcome::Series { key, year } => {
            let series = plan
                .series_index(key)
                .ok_or_else(|| ModelError::UnknownSeriesUse {
                    place: crate::model::references::SeriesUse::FanChart,
                    key: key.clone(),
                })?;
            (series, year_index(*year)?, None)
        }
        Outcome::Exceeded { pollutant, year } => {
            let base = project(scenario)?;
            let analysis = analyse_capacities(scenario, &base)?
                .into_iter()
                .find(|c| &c.pollutant == pollutant)
                .ok_or_else(|| {
                    ModelError::invalid(
                        "capacity",
                        pollutant,
                        "capacity",
                        super::Reason::NoSuchCapacity,
                    )
                })?;
            let series = plan
                .series_index(&analysis.series)
                .expect("a capacity's series exists");
            let capacities: Vec<f64> = analysis.years.iter().map(|y| y.capacity).collect();
            (series, year_index(*year)?, Some(capacities))
        }
    };
    let table = uniform_table(scenario, settings)?;
    let roots: Vec<usize> = uncertain.iter().map(|(index, _)| *index).collect();
    let moved = plan.dependents(&roots);
    let mut values = plan.run(|_| None)?;
    let mut levers = vec![vec![0.0; settings.runs]; uncertain.len()];
    let mut results = Vec::with_capacity(settings.runs);
    for draw in 0..settings.runs {
        for (p, (_, distribution)) in uncertain.iter().enumerate() {
            levers[p][draw] = quantile(distribution, table[p][draw]);
        }
        plan.rerun(&mut values, &moved, |i| {
            uncertain
                .iter()
                .position(|(index, _)| *index == i)
                .and_then(|p| with_lever(&scenario.series[i].rule, levers[p][draw]))
        })?;
        let path = &values[series];
        results.push(match &capacity {
            None => path[year],
            Some(capacity) => {
                let exceeded = (0..=year).any(|y| path[y] > capacity[y]);
                f64::from(u8::from(exceeded))
            }
        });
    }
    let mut shares: Vec<Share> = scenario
        .uncertainty
        .iter()
        .zip(&levers)
        .map(|(item, lever)| Share {
            lever: item.series.clone(),
            share: first_order(lever, &results),
        })
        .collect();
    shares.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.lever.cmp(&b.lever)));
    Ok(shares)
}

fn plan_years(scenario: &Scenario) -> usize {
    (scenario.horizon - scenario.base_year) as usize + 1
}

/// The first-order share of `y`'s variance due to `x`, by the rank estimator of Chatterjee
/// and of Gamboa, Klein and Lagnoux: the draws sorted by `x`, the squared steps of `y` from
/// each draw to the next against twice the variance. Where `y` follows `x` alone the steps are
/// small (a share near 1 even for a steep curve, which the bins of a correlation ratio
/// understate); where `x` does not matter they are those of independent draws (near 0).
/// Within 0 to 1.
pub fn first_order(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    // A result that never moves (a series no lever drives: every draw the same bits, or the
    // same up to rounding) is driven by nothing; its rounding is no variance to share.
    let (low, high) = y
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(*v), h.max(*v))
        });
    let spread = high - low;
    if n < 4 || spread.is_nan() || spread <= 1e-9 * high.abs().max(low.abs()) {
        return 0.0;
    }
    let mean = y.iter().sum::<f64>() / n as f64;
    let total: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
    if !(total > 0.0 && total.is_finite()) {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let steps: f64 = order
        .windows(2)
        .map(|pair| (y[pair[1]] - y[pair[0]]).powi(2))
        .sum();
    (1.0 - steps / (2.0 * total)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn shares_of_an_additive_result_sum_to_one_and_rank_the_dominant_lever_first() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(4);
        let n = 20_000;
        let a: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
        let b: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
        let c: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
        // Var(3a) = 9/12, Var(b) = 1/12, c unused: shares 0.9, 0.1, 0.
        let y: Vec<f64> = (0..n).map(|i| 3.0 * a[i] + b[i]).collect();
        let shares = [
            first_order(&a, &y),
            first_order(&b, &y),
            first_order(&c, &y),
        ];
        assert!((shares[0] - 0.9).abs() < 0.02, "{shares:?}");
        assert!((shares[1] - 0.1).abs() < 0.02, "{shares:?}");
        assert!(shares[2] < 0.01, "{shares:?}");
        assert!(
            (shares.iter().sum::<f64>() - 1.0).abs() < 0.03,
            "{shares:?}"
        );
        // A result that does not vary is driven by nothing, nor one that varies by rounding.
        assert_eq!(first_order(&a, &vec![5.0; n]), 0.0);
        let rounded: Vec<f64> = (0..n).map(|i| 5367.83 + 1e-12 * a[i]).collect();
        assert_eq!(first_order(&a, &rounded), 0.0);
    }
}
