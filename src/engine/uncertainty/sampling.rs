//! The draws: uniforms, independent or by Latin hypercube, turned into each lever's values
//! by its distribution's quantile function.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng as Generator;
use statrs::distribution::{ContinuousCDF, Normal};

use super::{MonteCarlo, Sampling};
use crate::engine::{ModelError, Reason};
use crate::model::{Distribution, Scenario};

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

/// Independent uniform draws, one row per lever, each row its own seeded stream.
pub(super) fn independent_uniforms(runs: usize, parameters: usize, seed: u64) -> Vec<Vec<f64>> {
    (0..parameters)
        .map(|p| {
            let mut rng = Generator::seed_from_u64(
                seed.rotate_left(29) ^ (p as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407),
            );
            (0..runs).map(|_| rng.random::<f64>()).collect()
        })
        .collect()
}

/// For each parameter, one point in each of `runs` equal strata of [0, 1), in shuffled order.
pub(super) fn latin_hypercube(runs: usize, parameters: usize, seed: u64) -> Vec<Vec<f64>> {
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

/// Every draw's uniforms, one row per uncertain lever: a Latin hypercube or independent
/// draws, reordered to the scenario's rank correlations.
pub(crate) fn uniform_table(
    scenario: &Scenario,
    settings: MonteCarlo,
) -> Result<Vec<Vec<f64>>, ModelError> {
    let (runs, levers) = (settings.runs, scenario.uncertainty.len());
    let mut table = match settings.sampling {
        Sampling::LatinHypercube => latin_hypercube(runs, levers, settings.seed),
        Sampling::Random => independent_uniforms(runs, levers, settings.seed),
    };
    if !scenario.correlations.is_empty() {
        let matrix = crate::engine::checks::correlation_matrix(scenario);
        crate::engine::correlate::iman_conover(&mut table, &matrix, settings.seed).map_err(
            |_| ModelError::invalid("correlation", "", "rho", Reason::CorrelationsInconsistent),
        )?;
    }
    Ok(table)
}
