use serde::{Deserialize, Serialize};

use super::Label;
use crate::units::Unit;

/// What a target measures: a series, or the ratio of two (energy per GDP, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Metric {
    Series(String),
    Ratio {
        numerator: String,
        denominator: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    AtMost,
    AtLeast,
    /// Equal to the threshold, to a billionth of it (100 % of a task's measure).
    Equal,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtMost => "≤",
            Comparison::AtLeast => "≥",
            Comparison::Equal => "=",
        }
    }

    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparison::AtMost => value <= threshold,
            Comparison::AtLeast => value >= threshold,
            Comparison::Equal => {
                (value - threshold).abs() <= 1e-9 * value.abs().max(threshold.abs()).max(1.0)
            }
        }
    }
}

/// A quantified goal of the plan: metric, comparison, threshold and the year it applies to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub key: String,
    pub label: Label,
    pub metric: Metric,
    pub comparison: Comparison,
    /// The threshold in `unit`; with `relative_to`, the change from that year's value as a
    /// fraction instead (−0.10: 10 % below it), as plans write "COD 比 2025 年下降 10 %".
    pub threshold: f64,
    pub unit: Unit,
    pub year: i32,
    /// The year a relative threshold is measured from: the base year, a year of the projection
    /// or a year of the series' observed history (energy intensity 13.5 % below 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_to: Option<i32>,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub source: super::Label,
}
