use super::{Derivation, Term};
use crate::engine::ModelError;
use crate::engine::Reason;
use crate::model::AirMethod;

const SOURCE: &str = "A-value method, GB/T 3840-91 (methods.md §2)";

/// Q = Σᵢ A·(Cₛ − C_b)·Sᵢ/√S in 10⁴ t/a. A background at or above the limit gives 0: saturated.
pub fn air_capacity(method: &AirMethod, pollutant: &str) -> Result<Derivation, ModelError> {
    let params = method
        .pollutants
        .iter()
        .find(|p| p.pollutant == pollutant)
        .ok_or_else(|| {
            ModelError::invalid("capacity", pollutant, "basis", Reason::NoAirParameters)
        })?;
    let total_area: f64 = method.zones.iter().map(|z| z.area_km2).sum();
    for (field, value) in [
        ("A coefficient", method.a_coefficient),
        ("limit", params.limit_mg_m3),
        ("background", params.background_mg_m3),
        ("total zone area", total_area),
    ] {
        if !value.is_finite() || value < 0.0 {
            return Err(ModelError::invalid_value(
                "air method",
                pollutant,
                field,
                value,
                Reason::NonNegative,
            ));
        }
    }
    if total_area <= 0.0 {
        return Err(ModelError::invalid_value(
            "air method",
            pollutant,
            "total zone area",
            total_area,
            Reason::Positive,
        ));
    }
    let margin = (params.limit_mg_m3 - params.background_mg_m3).max(0.0);
    let parts: Vec<(String, f64)> = method
        .zones
        .iter()
        .map(|zone| {
            (
                zone.name.zh.clone(),
                method.a_coefficient * margin * zone.area_km2 / total_area.sqrt(),
            )
        })
        .collect();
    Ok(Derivation {
        formula: "Q = Σ_i A·(C_s − C_b)·S_i/√S".into(),
        terms: vec![
            Term::new("A", method.a_coefficient, "10⁴ km²/a"),
            Term::new("C_s", params.limit_mg_m3, "mg/m³"),
            Term::new("C_b", params.background_mg_m3, "mg/m³"),
            Term::new("S", total_area, "km²"),
        ],
        result: parts.iter().map(|p| p.1).sum(),
        unit: "万 t/a".into(),
        source: SOURCE.into(),
        parts,
    })
}

/// The background at which one zone of `area_km2` gives `capacity_wan_t`: how the built-in
/// scenario calibrates backgrounds to the plan's capacities, which it prints without inputs.
pub fn air_background_for(
    capacity_wan_t: f64,
    limit_mg_m3: f64,
    a_coefficient: f64,
    area_km2: f64,
) -> f64 {
    limit_mg_m3 - capacity_wan_t / (a_coefficient * area_km2.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AirPollutant, AirZone, Label};

    fn method(background: f64) -> AirMethod {
        AirMethod {
            a_coefficient: 4.0,
            zones: vec![AirZone {
                name: Label::new("全区", "district"),
                area_km2: 100.0,
            }],
            pollutants: vec![AirPollutant {
                pollutant: "SO2".into(),
                limit_mg_m3: 0.06,
                background_mg_m3: background,
                note: Default::default(),
            }],
            note: Default::default(),
        }
    }

    #[test]
    fn hand_computed_case() {
        // Q = 4·(0.06 − 0.01)·√100 = 2.0 万 t/a.
        let q = air_capacity(&method(0.01), "SO2").unwrap();
        assert!((q.result - 2.0).abs() < 1e-12);
        assert_eq!(q.unit, "万 t/a");
    }

    #[test]
    fn background_at_or_above_the_limit_is_saturated() {
        assert_eq!(air_capacity(&method(0.06), "SO2").unwrap().result, 0.0);
        assert_eq!(air_capacity(&method(0.09), "SO2").unwrap().result, 0.0);
    }

    #[test]
    fn calibration_inverts_the_method() {
        let background = air_background_for(2.060, 0.06, 4.0, 100.0);
        assert!((air_capacity(&method(background), "SO2").unwrap().result - 2.060).abs() < 1e-12);
    }

    #[test]
    fn unknown_pollutant_is_named() {
        let error = air_capacity(&method(0.01), "O3").unwrap_err().to_string();
        assert!(error.contains("O3"), "{error}");
    }
}
