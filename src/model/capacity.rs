use serde::{Deserialize, Serialize};

use super::Label;
use crate::units::Unit;

/// Where a pollutant goes, in the order the plan treats them (water, then air).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Medium {
    Water,
    Air,
}

impl Medium {
    /// Every medium, in the plan's order: the views, charts and chapter go through them so.
    pub const ALL: &[Medium] = <Medium as strum::VariantArray>::VARIANTS;

    /// The name used in CSV output.
    pub fn key(self) -> &'static str {
        match self {
            Medium::Air => "air",
            Medium::Water => "water",
        }
    }
}

/// Where a capacity's value comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CapacityBasis {
    /// As typed (the plan's figure).
    #[default]
    Typed,
    /// Computed by the A-value method (air) or the river and lake models (water).
    Derived,
}

/// An environmental capacity for one pollutant, compared with one emission series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Short name used in files and CSV (`COD`, `NO2`, …).
    pub pollutant: String,
    pub label: Label,
    pub medium: Medium,
    /// The typed value. 0 is real data: the medium is saturated for this pollutant.
    pub value: f64,
    /// Whether the analysis uses `value` or the value derived by the scenario's method.
    #[serde(default)]
    pub basis: CapacityBasis,
    pub unit: Unit,
    /// The key of the emission series compared with this capacity.
    pub series: String,
    /// Utilisation at or above which the status reads "near" (临近饱和).
    #[serde(default = "super::default_near_threshold")]
    pub near_threshold: f64,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub source: super::Label,
}
