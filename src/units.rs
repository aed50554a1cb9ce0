//! Physical units of the plan (亿元, 万人, 亿 m³, 万 tce, t/a, tce/万元, …) and conversions
//! between them.
//!
//! A unit is parsed from the text the user writes into a dimension vector and a scale factor, so
//! that `tce/万元` and `万 tce` / `亿元` can be compared after conversion, and `t` can never be
//! silently compared with `t/a` (different dimensions).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Base dimensions. Money, people, volume, energy, mass, time and area are independent so that a
/// ratio of two series keeps what it means (energy per money, volume per person, …).
const DIMENSIONS: usize = 7;
const MONEY: usize = 0;
const PEOPLE: usize = 1;
const VOLUME: usize = 2;
const ENERGY: usize = 3;
const MASS: usize = 4;
const TIME: usize = 5;
const AREA: usize = 6;

/// Exponents of the base dimensions.
type Dims = [i8; DIMENSIONS];

/// One unit: the text as the user wrote it (kept for display and for stable files), and the
/// dimensions and scale that text parses to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Unit {
    symbol: String,
    dims: Dims,
    /// Multiplier to the base unit of each dimension (元, 人, m³, tce, t, a, km²; 1 for ratios).
    scale: f64,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum UnitError {
    #[error(
        "unknown unit \"{0}\" (known: 元 万元 亿元 (yuan), 人 万人 (people), m³ 万 m³ 亿 m³, tce 万 tce, kg t 万 t, a (a year), km² m² hm², %, 1; combined with one '/')"
    )]
    Unknown(String),
    #[error("unit \"{unit}\" divides more than {max} times; write it with at most {max} '/'")]
    TooManyDivisors { unit: String, max: usize },
    #[error("units {from} and {to} measure different things and cannot be converted")]
    Incompatible { from: String, to: String },
}

impl UnitError {
    /// The error back from its text: a unit in a file is read through serde, which keeps only
    /// the error's words (`Error::custom`), so the message can be put in the user's language.
    pub fn from_message(message: &str) -> Option<UnitError> {
        let quoted = |rest: &str| rest.split_once('"').map(|(unit, _)| unit.to_owned());
        if let Some(rest) = message.strip_prefix("unknown unit \"") {
            return quoted(rest).map(UnitError::Unknown);
        }
        let rest = message.strip_prefix("unit \"")?;
        let (unit, rest) = rest.split_once("\" divides more than ")?;
        let max = rest.split_whitespace().next()?.parse().ok()?;
        Some(UnitError::TooManyDivisors {
            unit: unit.to_owned(),
            max,
        })
    }
}

/// Base atoms with their dimension and scale. Prefixes 万 (1e4) and 亿 (1e8) may precede any atom.
const ATOMS: &[(&str, usize, f64)] = &[
    ("元", MONEY, 1.0),
    ("人", PEOPLE, 1.0),
    ("m³", VOLUME, 1.0),
    ("m3", VOLUME, 1.0),
    ("tce", ENERGY, 1.0),
    ("吨标准煤", ENERGY, 1.0),
    ("kg", MASS, 1e-3),
    ("t", MASS, 1.0),
    ("吨", MASS, 1.0),
    ("a", TIME, 1.0),
    ("yr", TIME, 1.0),
    ("年", TIME, 1.0),
    ("d", TIME, 1.0 / 365.0),
    ("km²", AREA, 1.0),
    ("km2", AREA, 1.0),
    ("hm²", AREA, 1e-2),
    ("公顷", AREA, 1e-2),
    ("m²", AREA, 1e-6),
    ("m2", AREA, 1e-6),
    // As statistics bureaus write them: 万立方米, 亿立方米, 平方公里, 平方米, 千克, 公斤, 万千瓦时.
    ("立方米", VOLUME, 1.0),
    ("平方公里", AREA, 1.0),
    ("平方千米", AREA, 1.0),
    ("平方米", AREA, 1e-6),
    ("千克", MASS, 1e-3),
    ("公斤", MASS, 1e-3),
];

/// The most '/' a unit may hold.
const MAX_DIVISORS: usize = 3;

const PREFIXES: &[(&str, f64)] = &[("万", 1e4), ("亿", 1e8)];

fn parse_atom(text: &str) -> Option<(Dims, f64)> {
    let text = text.trim();
    if text.is_empty() || text == "1" || text == "-" || text == "–" {
        return Some(([0; DIMENSIONS], 1.0));
    }
    if text == "%" {
        return Some(([0; DIMENSIONS], 0.01));
    }
    let (prefix_scale, rest) = PREFIXES
        .iter()
        .find_map(|(prefix, scale)| text.strip_prefix(prefix).map(|rest| (*scale, rest.trim())))
        .unwrap_or((1.0, text));
    ATOMS
        .iter()
        .find(|(symbol, _, _)| *symbol == rest)
        .map(|(_, dim, scale)| {
            let mut dims = [0; DIMENSIONS];
            dims[*dim] = 1;
            (dims, prefix_scale * scale)
        })
}

impl Unit {
    pub fn parse(text: &str) -> Result<Unit, UnitError> {
        let unknown = || UnitError::Unknown(text.to_owned());
        let mut parts = text.split('/');
        let numerator = parts.next().ok_or_else(unknown)?;
        let (mut dims, mut scale) = parse_atom(numerator).ok_or_else(unknown)?;
        for (count, denominator) in parts.enumerate() {
            // No unit of the plan divides more than twice (m³/人/d); a long chain is a typo or a
            // hostile file, and would wrap the exponents.
            if count >= MAX_DIVISORS {
                return Err(UnitError::TooManyDivisors {
                    unit: text.to_owned(),
                    max: MAX_DIVISORS,
                });
            }
            let (d, s) = parse_atom(denominator).ok_or_else(unknown)?;
            if denominator.trim().is_empty() {
                return Err(unknown());
            }
            for (a, b) in dims.iter_mut().zip(d) {
                *a = a.checked_sub(b).ok_or_else(unknown)?;
            }
            scale /= s;
        }
        Ok(Unit {
            symbol: text.to_owned(),
            dims,
            scale,
        })
    }

    /// A dimensionless unit (fractions, indices).
    pub fn one() -> Unit {
        Unit::parse("1").expect("'1' is a unit")
    }

    pub fn symbol(&self) -> &str {
        &self.symbol
    }

    pub fn is_compatible(&self, other: &Unit) -> bool {
        self.dims == other.dims
    }

    /// The factor that turns a value in `self` into a value in `to`.
    pub fn factor_to(&self, to: &Unit) -> Result<f64, UnitError> {
        if !self.is_compatible(to) {
            return Err(UnitError::Incompatible {
                from: self.symbol.clone(),
                to: to.symbol.clone(),
            });
        }
        Ok(self.scale / to.scale)
    }

    pub fn convert(&self, value: f64, to: &Unit) -> Result<f64, UnitError> {
        Ok(value * self.factor_to(to)?)
    }

    /// The factor from `self` to `to`, reading a total as a year's where `to` is per year: a
    /// statistics bureau's 吨 of COD emitted in a year is that year's t/a.
    pub fn factor_as_annual(&self, to: &Unit) -> Result<f64, UnitError> {
        self.factor_to(to).or_else(|error| {
            let year = Unit::parse("a").expect("a is a unit");
            self.divide(&year).factor_to(to).map_err(|_| error)
        })
    }

    /// The unit of a quotient `self / other`, written as `self/other`.
    pub fn divide(&self, other: &Unit) -> Unit {
        let mut dims = self.dims;
        for (a, b) in dims.iter_mut().zip(other.dims) {
            *a -= b;
        }
        Unit {
            symbol: format!("{}/{}", self.symbol, other.symbol),
            dims,
            scale: self.scale / other.scale,
        }
    }

    /// The unit of a product `self × other`, written as `self·other`.
    pub fn multiply(&self, other: &Unit) -> Unit {
        let mut dims = self.dims;
        for (a, b) in dims.iter_mut().zip(other.dims) {
            *a += b;
        }
        Unit {
            symbol: format!("{}·{}", self.symbol, other.symbol),
            dims,
            scale: self.scale * other.scale,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.symbol)
    }
}

impl TryFrom<String> for Unit {
    type Error = UnitError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Unit::parse(&text)
    }
}

impl From<Unit> for String {
    fn from(unit: Unit) -> String {
        unit.symbol
    }
}

impl std::str::FromStr for Unit {
    type Err = UnitError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Unit::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(text: &str) -> Unit {
        Unit::parse(text).unwrap()
    }

    #[test]
    fn a_long_chain_of_divisors_is_refused_not_wrapped_into_another_unit() {
        // 257 divisors of t would wrap an i8 exponent back to t/a's; now it is refused by name.
        let hostile = format!("t{}", "/t".repeat(257));
        assert!(matches!(
            Unit::parse(&hostile),
            Err(UnitError::TooManyDivisors { max: 3, .. })
        ));
        assert_eq!(u("m³/人/d").symbol(), "m³/人/d");
        assert!(Unit::parse("t/a/a/a").is_ok());
        assert!(Unit::parse("t/a/a/a/a").is_err());
    }

    #[test]
    fn plan_units_parse() {
        for text in [
            "亿元",
            "万人",
            "亿 m³",
            "万 tce",
            "t",
            "万 t",
            "t/a",
            "万 t/a",
            "km²",
            "%",
            "tce/万元",
            "m³/人",
        ] {
            assert!(Unit::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn converts_ten_thousand_tonnes_per_year() {
        assert!((u("万 t/a").convert(2.060, &u("t/a")).unwrap() - 20_600.0).abs() < 1e-9);
    }

    #[test]
    fn energy_over_gdp_is_tce_per_ten_thousand_yuan() {
        let ratio = u("万 tce").divide(&u("亿元"));
        let value = ratio.convert(208.82 / 1315.39, &u("tce/万元")).unwrap();
        assert!((value - 0.158752).abs() < 1e-6, "{value}");
    }

    #[test]
    fn mass_and_mass_per_year_are_incompatible() {
        assert_eq!(
            u("t").convert(1.0, &u("t/a")),
            Err(UnitError::Incompatible {
                from: "t".into(),
                to: "t/a".into()
            })
        );
    }

    #[test]
    fn unknown_unit_is_named() {
        let error = Unit::parse("furlong").unwrap_err();
        assert!(error.to_string().contains("furlong"));
        assert!(Unit::parse("t/").is_err());
    }

    #[test]
    fn units_as_statistics_bureaus_write_them_convert() {
        for (from, to, factor) in [
            ("亿立方米", "亿 m³", 1.0),
            ("万立方米", "亿 m³", 1e-4),
            ("平方公里", "km²", 1.0),
            ("公顷", "km²", 0.01),
            ("万吨标准煤", "万 tce", 1.0),
            ("吨标准煤", "万 tce", 1e-4),
            ("吨/年", "t/a", 1.0),
            ("万吨", "t", 1e4),
            ("万人", "人", 1e4),
            ("公斤", "t", 1e-3),
        ] {
            let got = u(from).factor_to(&u(to)).unwrap();
            assert!(
                (got - factor).abs() < 1e-15 * factor.max(1.0),
                "{from} → {to}: {got}"
            );
        }
        // A year's total is that year's rate; a mass is no volume.
        assert_eq!(u("吨").factor_as_annual(&u("t/a")).unwrap(), 1.0);
        assert_eq!(u("万吨").factor_as_annual(&u("t/a")).unwrap(), 1e4);
        assert!(u("吨").factor_as_annual(&u("亿 m³")).is_err());
    }

    #[test]
    fn percent_is_a_hundredth() {
        assert!((u("%").convert(85.0, &Unit::one()).unwrap() - 0.85).abs() < 1e-12);
    }

    #[test]
    fn per_capita_times_people_is_volume() {
        let product = u("万人").multiply(&u("m³/人"));
        assert!((product.convert(90.0 * 102.0, &u("亿 m³")).unwrap() - 0.918).abs() < 1e-12);
    }
}
