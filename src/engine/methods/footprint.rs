use crate::engine::Reason;
use crate::engine::{ModelError, Projection};
use crate::model::{FootprintMethod, Scenario};
use crate::units::Unit;

/// The ecological balance in one year (`docs/methods.md` §4), in global hectares.
#[derive(Clone, Debug, PartialEq)]
pub struct FootprintYear {
    pub year: i32,
    pub population: f64,
    /// EF = N·Σⱼ rⱼ·Σᵢ cᵢ/pᵢ
    pub footprint_gha: f64,
    /// EC = (1 − 0.12)·Σⱼ Aⱼ·rⱼ·yⱼ, the district's area being fixed while N changes.
    pub capacity_gha: f64,
    /// EC − EF: negative is a deficit.
    pub balance_gha: f64,
}

impl FootprintYear {
    pub fn footprint_per_person(&self) -> f64 {
        self.footprint_gha / self.population
    }

    pub fn capacity_per_person(&self) -> f64 {
        self.capacity_gha / self.population
    }
}

/// Footprint, capacity and balance in every projection year, driven by projected population.
pub fn footprint_balance(
    scenario: &Scenario,
    projection: &Projection,
) -> Result<Vec<FootprintYear>, ModelError> {
    let method: &FootprintMethod = &scenario.methods.footprint;
    let key = method.population_series.as_str();
    let population = projection
        .get(key)
        .ok_or_else(|| ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::Footprint,
            key: key.to_owned(),
        })?;
    let to_persons = population
        .unit
        .factor_to(&Unit::parse("人").expect("人 is a unit"))
        .map_err(|source| ModelError::unit("footprint method", key, source))?;
    if !(0.0..1.0).contains(&method.biodiversity_share) {
        return Err(ModelError::invalid_value(
            "footprint method",
            key,
            "biodiversity share",
            method.biodiversity_share,
            Reason::Share,
        ));
    }
    let mut footprint_per_person = 0.0;
    for item in &method.items {
        let land = method
            .land_types
            .iter()
            .find(|l| l.key == item.land_type)
            .ok_or_else(|| {
                ModelError::invalid(
                    "footprint item",
                    &item.name.zh,
                    "land_type",
                    Reason::NoSuchLandType {
                        land_type: item.land_type.clone(),
                    },
                )
            })?;
        let valid = item.world_yield_t_per_hm2 > 0.0 && item.t_per_person >= 0.0;
        if !valid {
            return Err(ModelError::invalid_value(
                "footprint item",
                &item.name.zh,
                "world yield or consumption",
                item.world_yield_t_per_hm2,
                Reason::YieldAndConsumption,
            ));
        }
        footprint_per_person +=
            land.equivalence_factor * item.t_per_person / item.world_yield_t_per_hm2;
    }
    let capacity_gha: f64 = (1.0 - method.biodiversity_share)
        * method
            .land_types
            .iter()
            .map(|l| l.area_hm2 * l.equivalence_factor * l.yield_factor)
            .sum::<f64>();
    Ok(projection
        .years()
        .zip(&population.values)
        .map(|(year, value)| {
            let people = value * to_persons;
            let footprint_gha = people * footprint_per_person;
            FootprintYear {
                year,
                population: people,
                footprint_gha,
                capacity_gha,
                balance_gha: capacity_gha - footprint_gha,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConsumptionItem, Label, LandType, Rule, Series};

    #[test]
    fn hand_computed_balance() {
        let mut scenario = Scenario::empty();
        scenario.series.push(Series {
            key: "population".into(),
            label: Label::new("人口", "population"),
            unit: Unit::parse("万人").unwrap(),
            group: Default::default(),
            base: Some(1.0),
            rule: Rule::growth(0.0),
            source: Label::default(),
            observed: Vec::new(),
            decimals: None,
        });
        scenario.methods.footprint = FootprintMethod {
            population_series: "population".into(),
            land_types: vec![LandType {
                key: "crop".into(),
                name: Label::new("耕地", "cropland"),
                equivalence_factor: 2.0,
                yield_factor: 1.5,
                area_hm2: 1000.0,
            }],
            items: vec![ConsumptionItem {
                name: Label::new("粮食", "grain"),
                land_type: "crop".into(),
                t_per_person: 0.3,
                world_yield_t_per_hm2: 3.0,
            }],
            biodiversity_share: 0.12,
            note: Label::default(),
        };
        let projection = crate::engine::project(&scenario).unwrap();
        let years = footprint_balance(&scenario, &projection).unwrap();
        // EF = 10 000 people × 2 × 0.3/3 = 2000 gha; EC = 0.88 × 1000 × 2 × 1.5 = 2640 gha.
        assert!((years[0].footprint_gha - 2000.0).abs() < 1e-9);
        assert!((years[0].capacity_gha - 2640.0).abs() < 1e-9);
        assert!((years[0].balance_gha - 640.0).abs() < 1e-9);
        assert!((years[0].footprint_per_person() - 0.2).abs() < 1e-12);
    }
}
