//! Which rule parameters are uncertain, and how (issue: uncertainty, goal seeking).

use serde::{Deserialize, Serialize};

use super::Rule;

/// The one number of a rule that uncertainty, goal seeking and sensitivity move: a growth
/// rate, a driven series' intensity change, an elasticity, or the growth after the last
/// interpolation point.
pub fn lever_value(rule: &Rule) -> Option<f64> {
    match rule {
        Rule::Growth { rate, .. } => Some(*rate),
        Rule::Driven { change, .. } => Some(*change),
        Rule::GrowthAs { elasticity, .. } => Some(*elasticity),
        Rule::Interp { after_rate, .. } => Some(*after_rate),
        Rule::Step { .. } | Rule::Linear { .. } => None,
    }
}

/// What a lever is: a rate (a fraction a year, read in %: growth, an intensity's change) or
/// an elasticity (a plain number: % change of the series per % change of its driver).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeverKind {
    Rate,
    Elasticity,
}

/// The kind of a rule's lever, where it has one.
pub fn lever_kind(rule: &Rule) -> Option<LeverKind> {
    match rule {
        Rule::GrowthAs { .. } => Some(LeverKind::Elasticity),
        Rule::Growth { .. } | Rule::Driven { .. } | Rule::Interp { .. } => Some(LeverKind::Rate),
        Rule::Step { .. } | Rule::Linear { .. } => None,
    }
}

impl LeverKind {
    /// The spread an uncertain lever starts from, centred on its value: a rate ±1 point (one
    /// standard deviation) cut at ±4 points; an elasticity ±10 % of itself (at least 0.05), cut
    /// at four standard deviations. A rate's spread in points would be nothing for an
    /// elasticity of 0.6, and an elasticity's would be ±600 % a year for a rate.
    pub fn default_distribution(self, value: f64) -> Distribution {
        let sd = match self {
            LeverKind::Rate => 0.01,
            LeverKind::Elasticity => (0.1 * value.abs()).max(0.05),
        };
        Distribution::Normal {
            mean: value,
            sd,
            min: value - 4.0 * sd,
            max: value + 4.0 * sd,
        }
    }

    /// How many of the shown unit one of the lever is: 100 (%) for a rate, 1 for an
    /// elasticity. What a field of the lever shows and takes.
    pub fn shown_scale(self) -> f64 {
        match self {
            LeverKind::Rate => 100.0,
            LeverKind::Elasticity => 1.0,
        }
    }

    /// The range a search of the lever starts from, in the lever's own terms: −20 % to +30 %
    /// a year for a rate, −1 to 3 for an elasticity (decoupling to strongly coupled).
    pub fn default_range(self) -> (f64, f64) {
        match self {
            LeverKind::Rate => (-0.2, 0.3),
            LeverKind::Elasticity => (-1.0, 3.0),
        }
    }
}

/// The rule with its lever set to `value`.
pub fn with_lever(rule: &Rule, value: f64) -> Option<Rule> {
    let mut rule = rule.clone();
    match &mut rule {
        Rule::Growth { rate, .. } => *rate = value,
        Rule::Driven { change, .. } => *change = value,
        Rule::GrowthAs { elasticity, .. } => *elasticity = value,
        Rule::Interp { after_rate, .. } => *after_rate = value,
        Rule::Step { .. } | Rule::Linear { .. } => return None,
    }
    Some(rule)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Distribution {
    Uniform {
        min: f64,
        max: f64,
    },
    Triangular {
        min: f64,
        mode: f64,
        max: f64,
    },
    /// A normal distribution truncated to [min, max].
    Normal {
        mean: f64,
        sd: f64,
        min: f64,
        max: f64,
    },
}

impl Distribution {
    /// The value the distribution is centred on: the mean, the mode, the middle of a range.
    pub fn centre(&self) -> f64 {
        match *self {
            Distribution::Uniform { min, max } => (min + max) / 2.0,
            Distribution::Triangular { mode, .. } => mode,
            Distribution::Normal { mean, .. } => mean,
        }
    }

    /// Moved by `after − before` when it is centred on `before`; as it is otherwise.
    pub fn recentred(&self, before: f64, after: f64) -> Distribution {
        if (self.centre() - before).abs() > 1e-12 * before.abs().max(1.0) {
            return self.clone();
        }
        let d = after - before;
        match *self {
            Distribution::Uniform { min, max } => Distribution::Uniform {
                min: min + d,
                max: max + d,
            },
            Distribution::Triangular { min, mode, max } => Distribution::Triangular {
                min: min + d,
                mode: mode + d,
                max: max + d,
            },
            Distribution::Normal { mean, sd, min, max } => Distribution::Normal {
                mean: mean + d,
                sd,
                min: min + d,
                max: max + d,
            },
        }
    }
}

impl Distribution {
    /// The distribution with its bounds held within `low`..=`high` and its centre kept (so a
    /// lever moved near ±100 % is still followed on its next move): a uniform range narrows
    /// evenly about its middle, other bounds stop at the limit.
    pub fn within(&self, low: f64, high: f64) -> Distribution {
        let at = |v: f64| v.clamp(low, high);
        match *self {
            Distribution::Uniform { min, max } => {
                let centre = at((min + max) / 2.0);
                let half = ((max - min) / 2.0).min(centre - low).min(high - centre);
                Distribution::Uniform {
                    min: centre - half,
                    max: centre + half,
                }
            }
            Distribution::Triangular { min, mode, max } => Distribution::Triangular {
                min: at(min),
                mode: at(mode),
                max: at(max),
            },
            Distribution::Normal { mean, sd, min, max } => Distribution::Normal {
                mean: at(mean),
                sd,
                min: at(min),
                max: at(max),
            },
        }
    }
}

/// The rank correlation of two uncertain levers' draws (Spearman's ρ, −1 to 1): GDP growth
/// and energy growth move together, not independently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correlation {
    /// The two series whose levers are correlated (each uncertain).
    pub between: (String, String),
    pub rho: f64,
}

/// A series whose lever is drawn from a distribution in Monte Carlo runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertain {
    pub series: String,
    pub distribution: Distribution,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distribution_centred_on_the_lever_moves_with_it_and_another_stays() {
        let normal = Distribution::Normal {
            mean: 0.09,
            sd: 0.015,
            min: 0.04,
            max: 0.14,
        };
        match normal.recentred(0.09, 0.07) {
            Distribution::Normal { mean, sd, min, max } => {
                assert!((mean - 0.07).abs() < 1e-12 && (min - 0.02).abs() < 1e-12);
                assert!((max - 0.12).abs() < 1e-12 && sd == 0.015);
            }
            other => panic!("{other:?}"),
        }
        // Centred on 0.09, not on 0.08: a range typed on purpose stays.
        assert_eq!(normal.recentred(0.08, 0.07), normal);
        let uniform = Distribution::Uniform {
            min: 0.05,
            max: 0.09,
        };
        assert_eq!(uniform.centre(), 0.07);
        match uniform.recentred(0.07, 0.08) {
            Distribution::Uniform { min, max } => {
                assert!((min - 0.06).abs() < 1e-12 && (max - 0.10).abs() < 1e-12);
            }
            other => panic!("{other:?}"),
        }
    }
}
