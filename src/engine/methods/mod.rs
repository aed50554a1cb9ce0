//! The methods behind capacities, the ecological balance and EI (`docs/methods.md` §2–§5). Each
//! result carries a `Derivation`: the formula, the values used and the source, which the window
//! shows beside the number.

mod air;
mod ei;
mod footprint;
mod water;

pub use air::{air_background_for, air_capacity};
pub use ei::{
    EI_DECIMALS, EI_TARGET, EI_WEIGHTS, EiGrade, EiResult, EiWhatIf, LandCover, area_for_ei,
    ecological_index, ei_after_conversion,
};
pub use footprint::{FootprintYear, footprint_balance};
pub use water::{water_body_capacity, water_capacity};

/// One value that went into a derived number.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub symbol: String,
    pub value: f64,
    pub unit: String,
}

impl Term {
    pub fn new(symbol: impl Into<String>, value: f64, unit: &str) -> Term {
        Term {
            symbol: symbol.into(),
            value,
            unit: unit.to_owned(),
        }
    }
}

/// How a derived number was computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    pub formula: String,
    pub terms: Vec<Term>,
    pub result: f64,
    pub unit: String,
    pub source: String,
    /// Parts that add up to the result (river segments and lakes).
    pub parts: Vec<(String, f64)>,
}
