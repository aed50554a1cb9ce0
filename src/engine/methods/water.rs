use super::{Derivation, Term};
use crate::engine::ModelError;
use crate::engine::Reason;
use crate::model::{WaterBody, WaterMethod, WaterModel};

const SOURCE: &str = "1-D river segment and fully mixed lake models (methods.md §3)";

/// One body's capacity for one pollutant in t/a; `None` when it has no parameters for it.
pub fn water_body_capacity(body: &WaterBody, pollutant: &str) -> Option<f64> {
    let p = body.pollutants.iter().find(|p| p.pollutant == pollutant)?;
    let (cs, c0, k) = (p.target_mg_l, p.upstream_mg_l, p.decay_per_day);
    // 31.536 turns g/s into t/a.
    let w = match body.model {
        WaterModel::River {
            design_flow_m3_s: q,
            side_inflow_m3_s: side,
            velocity_m_s: u,
            upstream_km: x1,
            downstream_km: x2,
        } => {
            31.536
                * (cs * (q + side) * (k * x1 / (86.4 * u)).exp()
                    - c0 * q * (-k * x2 / (86.4 * u)).exp())
        }
        WaterModel::Lake {
            inflow_m3_s: q,
            volume_m3: v,
        } => 31.536 * (cs * (q + k * v / 86_400.0) - c0 * q),
    };
    Some(w)
}

fn check(body: &WaterBody) -> Result<(), ModelError> {
    let name = body.name.zh.as_str();
    let mut values = match body.model {
        WaterModel::River {
            design_flow_m3_s,
            side_inflow_m3_s,
            velocity_m_s,
            upstream_km,
            downstream_km,
        } => vec![
            ("design flow", design_flow_m3_s),
            ("side inflow", side_inflow_m3_s),
            ("velocity", velocity_m_s),
            ("upstream distance", upstream_km),
            ("downstream distance", downstream_km),
        ],
        WaterModel::Lake {
            inflow_m3_s,
            volume_m3,
        } => vec![("inflow", inflow_m3_s), ("volume", volume_m3)],
    };
    for p in &body.pollutants {
        values.extend([
            ("target", p.target_mg_l),
            ("upstream", p.upstream_mg_l),
            ("decay", p.decay_per_day),
        ]);
    }
    for (field, value) in values {
        if !value.is_finite() || value < 0.0 {
            return Err(ModelError::invalid_value(
                "water body",
                name,
                field,
                value,
                Reason::NonNegative,
            ));
        }
    }
    if let WaterModel::River { velocity_m_s, .. } = body.model
        && velocity_m_s <= 0.0
    {
        return Err(ModelError::invalid_value(
            "water body",
            name,
            "velocity",
            velocity_m_s,
            Reason::Positive,
        ));
    }
    Ok(())
}

/// The district's capacity for a pollutant: the ideal capacity summed over rivers and lakes (a
/// body whose upstream water already exceeds the target adds nothing), minus the non-point load.
pub fn water_capacity(method: &WaterMethod, pollutant: &str) -> Result<Derivation, ModelError> {
    let mut parts = Vec::new();
    for body in &method.bodies {
        check(body)?;
        if let Some(w) = water_body_capacity(body, pollutant) {
            parts.push((body.name.zh.clone(), w.max(0.0)));
        }
    }
    if parts.is_empty() {
        return Err(ModelError::invalid(
            "capacity",
            pollutant,
            "basis",
            Reason::NoWaterParameters,
        ));
    }
    let ideal: f64 = parts.iter().map(|p| p.1).sum();
    let nonpoint = method
        .nonpoint_t_per_year
        .iter()
        .find(|(p, _)| p == pollutant)
        .map_or(0.0, |(_, load)| *load);
    Ok(Derivation {
        formula: "W = Σ W_body − W_nonpoint; river: W = 31.536·[Cs·(Q+q)·e^(k·x₁/86.4u) − C₀·Q·e^(−k·x₂/86.4u)]; lake: W = 31.536·[Cs·(Q + k·V/86400) − C₀·Q]".into(),
        terms: vec![Term::new("Σ W_body (ideal)", ideal, "t/a"), Term::new("W_nonpoint", nonpoint, "t/a")],
        result: (ideal - nonpoint).max(0.0),
        unit: "t/a".into(),
        source: SOURCE.into(),
        parts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, WaterPollutant};

    fn body(model: WaterModel) -> WaterBody {
        WaterBody {
            name: Label::new("段", "segment"),
            model,
            pollutants: vec![WaterPollutant {
                pollutant: "COD".into(),
                target_mg_l: 20.0,
                upstream_mg_l: 15.0,
                decay_per_day: 0.0,
            }],
        }
    }

    #[test]
    fn river_without_decay_is_the_concentration_margin_times_flow() {
        // k = 0: W = 31.536·[20·(10 + 1) − 15·10] = 31.536·70 = 2207.52 t/a.
        let river = body(WaterModel::River {
            design_flow_m3_s: 10.0,
            side_inflow_m3_s: 1.0,
            velocity_m_s: 0.5,
            upstream_km: 2.0,
            downstream_km: 5.0,
        });
        assert!((water_body_capacity(&river, "COD").unwrap() - 2207.52).abs() < 1e-9);
    }

    #[test]
    fn river_with_decay_hand_computed() {
        let mut river = body(WaterModel::River {
            design_flow_m3_s: 10.0,
            side_inflow_m3_s: 0.0,
            velocity_m_s: 0.5,
            upstream_km: 0.0,
            downstream_km: 8.64,
        });
        river.pollutants[0].decay_per_day = 0.25;
        // exp(−0.25·8.64/43.2) = exp(−0.05); W = 31.536·(200 − 150·e^−0.05).
        let expected = 31.536 * (200.0 - 150.0 * (-0.05f64).exp());
        assert!((water_body_capacity(&river, "COD").unwrap() - expected).abs() < 1e-9);
    }

    #[test]
    fn lake_hand_computed() {
        let mut lake = body(WaterModel::Lake {
            inflow_m3_s: 1.0,
            volume_m3: 864_000.0,
        });
        lake.pollutants[0].decay_per_day = 0.1;
        // k·V/86400 = 1.0 m³/s: W = 31.536·(20·2 − 15·1) = 788.4 t/a.
        assert!((water_body_capacity(&lake, "COD").unwrap() - 788.4).abs() < 1e-9);
    }

    #[test]
    fn district_capacity_sums_bodies_less_nonpoint() {
        let method = WaterMethod {
            bodies: vec![
                body(WaterModel::Lake {
                    inflow_m3_s: 1.0,
                    volume_m3: 0.0,
                }),
                body(WaterModel::Lake {
                    inflow_m3_s: 2.0,
                    volume_m3: 0.0,
                }),
            ],
            nonpoint_t_per_year: vec![("COD".into(), 100.0)],
            nonpoint_series: Vec::new(),
            note: Default::default(),
        };
        let w = water_capacity(&method, "COD").unwrap();
        assert!((w.result - (31.536 * 5.0 + 31.536 * 10.0 - 100.0)).abs() < 1e-9);
        assert_eq!(w.parts.len(), 2);
        assert!(water_capacity(&method, "TP").is_err());
    }
}
