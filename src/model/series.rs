use serde::{Deserialize, Serialize};

use super::{Label, Observation};
use crate::units::Unit;

/// One projected quantity: a base-year value and the rule that carries it forward.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub key: String,
    pub label: Label,
    pub unit: Unit,
    #[serde(default)]
    pub group: Group,
    /// The value in the base year; `None` until one is entered (a new district's series). A
    /// series without one projects as no data, and so does every series computed from it. A
    /// `Driven` rule computes its own base value from its driver and intensity; this field then
    /// only records it. Files write the number alone (`base: 916.2`) or `None`.
    #[serde(default)]
    pub base: Option<f64>,
    pub rule: Rule,
    /// Where the base value and the rule come from (plan line, calibration, assumption).
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub source: super::Label,
    /// Actual values of later years, for a mid-term review (中期评估) against the projection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<Observation>,
    /// Decimals shown in every table, chart label, export and report (the plan's printed
    /// precision); `None`: five significant digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

/// What a series measures, for grouping in charts and tables.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray,
)]
pub enum Group {
    Economy,
    Population,
    Water,
    Energy,
    Emissions,
    Waste,
    Environment,
    Land,
    #[default]
    Other,
}

impl Group {
    pub const ALL: &[Group] = <Group as strum::VariantArray>::VARIANTS;
}

/// How a series moves from the base year on (`docs/methods.md` §1, LEAP-style expressions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Rule {
    /// v(t) = v(t−1)·(1 + r(t)): `rate` from the base year, replaced by each change from its
    /// year on. `Growth(r1 until y1, r2)` is `rate: r1, changes: [(from: y1 + 1, rate: r2)]`.
    Growth {
        rate: f64,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        changes: Vec<RateChange>,
    },
    /// Straight lines through (base year, base value) and the points; after the last point the
    /// value grows at `after_rate`.
    Interp {
        points: Vec<(i32, f64)>,
        #[serde(default)]
        after_rate: f64,
    },
    /// Holds the base value, then each point's value from its year until the next point.
    Step { points: Vec<(i32, f64)> },
    /// v(t) = driver(t)·intensity·(1 + change)^(t − t0), the intensity in `intensity_unit`
    /// (per capita, per 万元 of GDP, …).
    Driven {
        driver: String,
        intensity: f64,
        intensity_unit: Unit,
        #[serde(default)]
        change: f64,
    },
    /// v(t) = v(t0)·(driver(t)/driver(t0))^elasticity.
    GrowthAs { driver: String, elasticity: f64 },
    /// v(t) = v(t0) + change_per_year·(t − t0): a linear trend fitted to the history.
    Linear { change_per_year: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateChange {
    pub from: i32,
    pub rate: f64,
}

impl Rule {
    /// The series this rule reads.
    pub fn driver(&self) -> Option<&str> {
        match self {
            Rule::Driven { driver, .. } | Rule::GrowthAs { driver, .. } => Some(driver),
            Rule::Growth { .. } | Rule::Interp { .. } | Rule::Step { .. } | Rule::Linear { .. } => {
                None
            }
        }
    }

    /// Constant growth at `rate` from the base year.
    pub fn growth(rate: f64) -> Rule {
        Rule::Growth {
            rate,
            changes: Vec::new(),
        }
    }
}
