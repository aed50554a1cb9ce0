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
        Rule::Step { .. } => None,
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
        Rule::Step { .. } => return None,
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

/// A series whose lever is drawn from a distribution in Monte Carlo runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertain {
    pub series: String,
    pub distribution: Distribution,
}
