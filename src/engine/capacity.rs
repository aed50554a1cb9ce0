use super::methods::{Derivation, air_capacity, water_capacity};
use super::{ModelError, Projection};
use crate::engine::Reason;
use crate::model::{Capacity, CapacityBasis, Medium, Scenario};
use crate::units::Unit;

/// How an emission stands against its capacity in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CapacityStatus {
    Ok,
    /// Utilisation at or above the scenario's near threshold (临近饱和).
    Near,
    Exceeded,
    /// The capacity is 0: nothing can be emitted without exceeding it (已达到饱和).
    Saturated,
    /// The emission has no value (its series, or one it is computed from, has no base value).
    NoData,
}

impl CapacityStatus {
    /// The name used in CSV output.
    pub fn key(self) -> &'static str {
        match self {
            CapacityStatus::Ok => "ok",
            CapacityStatus::Near => "near",
            CapacityStatus::Exceeded => "exceeded",
            CapacityStatus::Saturated => "saturated",
            CapacityStatus::NoData => "no_data",
        }
    }

    pub fn classify(emission: f64, capacity: f64, near_threshold: f64) -> CapacityStatus {
        if emission.is_nan() || capacity.is_nan() {
            CapacityStatus::NoData
        } else if capacity <= 0.0 {
            CapacityStatus::Saturated
        } else if emission > capacity {
            CapacityStatus::Exceeded
        } else if emission / capacity >= near_threshold {
            CapacityStatus::Near
        } else {
            CapacityStatus::Ok
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapacityYear {
    pub year: i32,
    /// Emission and capacity in the unit of the emission series.
    pub emission: f64,
    pub capacity: f64,
    /// Emission ÷ capacity; `None` where the capacity is 0.
    pub utilisation: Option<f64>,
    /// Capacity − emission (negative when exceeded).
    pub headroom: f64,
    pub status: CapacityStatus,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapacityAnalysis {
    pub pollutant: String,
    pub medium: Medium,
    pub series: String,
    /// The unit of both emission and capacity in `years` (the emission series' unit).
    pub unit: Unit,
    pub years: Vec<CapacityYear>,
    pub basis: CapacityBasis,
    /// How a derived capacity was computed.
    pub derivation: Option<Derivation>,
    /// The first year within the horizon in which the emission is above the capacity.
    pub first_exceedance_year: Option<i32>,
}

/// How an emission stands against its capacity over the whole period, not in one year: what a
/// status must say when a pollutant is over capacity 2024–2029 and at 98 % in 2030.
#[derive(Clone, Debug, PartialEq)]
pub enum Course {
    /// Some year has no emission value.
    NoData,
    /// The capacity is 0 in some year: nothing can be emitted within it.
    Saturated,
    /// Within the capacity in every year; `near` the spans of years at or above the near
    /// threshold (first, last), in order, with `near_at_end` when the last reaches the horizon.
    Within {
        near: Vec<(i32, i32)>,
        near_at_end: bool,
    },
    /// Above the capacity in these spans of years (first, last), in order; `at_end` when the
    /// last span reaches the horizon.
    Exceeded {
        spans: Vec<(i32, i32)>,
        at_end: bool,
    },
}

impl CapacityAnalysis {
    pub fn at(&self, year: i32) -> Option<&CapacityYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The course over every year analysed.
    pub fn course(&self) -> Course {
        if self
            .years
            .iter()
            .any(|y| y.status == CapacityStatus::NoData)
        {
            return Course::NoData;
        }
        if self
            .years
            .iter()
            .any(|y| y.status == CapacityStatus::Saturated)
        {
            return Course::Saturated;
        }
        let spans = spans_of(&self.years, CapacityStatus::Exceeded);
        let last_year = self.years.last().map(|y| y.year);
        if spans.is_empty() {
            let near = spans_of(&self.years, CapacityStatus::Near);
            let near_at_end = near.last().map(|s| s.1) == last_year;
            return Course::Within { near, near_at_end };
        }
        let at_end = spans.last().map(|s| s.1) == last_year;
        Course::Exceeded { spans, at_end }
    }

    /// The analysis up to `year` only: to compare scenarios of different horizons at a year
    /// they share.
    pub fn until(&self, year: i32) -> CapacityAnalysis {
        let years: Vec<CapacityYear> = self
            .years
            .iter()
            .filter(|y| y.year <= year)
            .cloned()
            .collect();
        CapacityAnalysis {
            first_exceedance_year: self.first_exceedance_year.filter(|&y| y <= year),
            years,
            ..self.clone()
        }
    }

    /// The year of the highest utilisation, the first of equals.
    pub fn peak(&self) -> Option<&CapacityYear> {
        self.years.iter().filter(|y| y.utilisation.is_some()).fold(
            None,
            |best: Option<&CapacityYear>, y| match best {
                Some(b) if b.utilisation >= y.utilisation => Some(b),
                _ => Some(y),
            },
        )
    }
}

/// The runs of consecutive years of one status (above the capacity, near it).
fn spans_of(years: &[CapacityYear], status: CapacityStatus) -> Vec<(i32, i32)> {
    let mut spans: Vec<(i32, i32)> = Vec::new();
    for year in years.iter().filter(|y| y.status == status) {
        match spans.last_mut() {
            Some(span) if span.1 + 1 == year.year => span.1 = year.year,
            _ => spans.push((year.year, year.year)),
        }
    }
    spans
}

/// Compares each capacity with its emission series, year by year, after converting the capacity
/// to the emission's unit (万 t/a against t/a in the plan).
pub fn analyse_capacities(
    scenario: &Scenario,
    projection: &Projection,
) -> Result<Vec<CapacityAnalysis>, ModelError> {
    scenario
        .capacities
        .iter()
        .map(|capacity| analyse_one(scenario, capacity, projection))
        .collect()
}

/// The capacity the analysis uses, with its unit and, when derived, how.
pub fn effective_capacity(
    scenario: &Scenario,
    capacity: &Capacity,
) -> Result<(f64, Unit, Option<Derivation>), ModelError> {
    match capacity.basis {
        CapacityBasis::Typed => Ok((capacity.value, capacity.unit.clone(), None)),
        CapacityBasis::Derived => {
            let derivation = match capacity.medium {
                Medium::Air => air_capacity(&scenario.methods.air, &capacity.pollutant)?,
                Medium::Water => water_capacity(&scenario.methods.water, &capacity.pollutant)?,
            };
            let unit = Unit::parse(&derivation.unit).expect("methods give known units");
            Ok((derivation.result, unit, Some(derivation)))
        }
    }
}

/// The capacity in each projection year, in the emission's unit. A derived water capacity whose
/// non-point load follows a projected series changes by year: the ideal capacity less that
/// year's load; every other capacity is the same in every year.
fn capacity_by_year(
    scenario: &Scenario,
    capacity: &Capacity,
    projection: &Projection,
    constant: f64,
    emission_unit: &Unit,
) -> Result<Vec<f64>, ModelError> {
    let years = projection.years().count();
    let water = &scenario.methods.water;
    let follows = water
        .nonpoint_series
        .iter()
        .find(|(p, _)| *p == capacity.pollutant);
    let (CapacityBasis::Derived, Medium::Water, Some((_, key))) =
        (capacity.basis, capacity.medium, follows)
    else {
        return Ok(vec![constant; years]);
    };
    let load = projection
        .get(key)
        .ok_or_else(|| ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::NonpointLoad {
                pollutant: capacity.pollutant.clone(),
            },
            key: key.clone(),
        })?;
    let t_per_year = Unit::parse("t/a").expect("t/a is a unit");
    let to_t = load
        .unit
        .factor_to(&t_per_year)
        .map_err(|source| ModelError::unit("capacity", &capacity.pollutant, source))?;
    let to_emission = t_per_year
        .factor_to(emission_unit)
        .map_err(|source| ModelError::unit("capacity", &capacity.pollutant, source))?;
    let ideal = water_capacity(water, &capacity.pollutant)?.terms[0].value;
    Ok(load
        .values
        .iter()
        .map(|v| ((ideal - v * to_t).max(0.0)) * to_emission)
        .collect())
}

fn analyse_one(
    scenario: &Scenario,
    capacity: &Capacity,
    projection: &Projection,
) -> Result<CapacityAnalysis, ModelError> {
    let key = capacity.pollutant.as_str();
    if !capacity.value.is_finite() || capacity.value < 0.0 {
        return Err(ModelError::invalid_value(
            "capacity",
            key,
            "value",
            capacity.value,
            Reason::CapacityValue,
        ));
    }
    if !(capacity.near_threshold > 0.0 && capacity.near_threshold <= 1.0) {
        return Err(ModelError::invalid_value(
            "capacity",
            key,
            "near_threshold",
            capacity.near_threshold,
            Reason::NearThreshold,
        ));
    }
    let emissions =
        projection
            .get(&capacity.series)
            .ok_or_else(|| ModelError::UnknownSeriesUse {
                place: crate::model::references::SeriesUse::Capacity {
                    pollutant: key.to_owned(),
                },
                key: capacity.series.clone(),
            })?;
    let (value, unit, derivation) = effective_capacity(scenario, capacity)?;
    let capacity_value = unit
        .convert(value, &emissions.unit)
        .map_err(|source| ModelError::unit("capacity", key, source))?;
    let by_year = capacity_by_year(
        scenario,
        capacity,
        projection,
        capacity_value,
        &emissions.unit,
    )?;
    let years: Vec<CapacityYear> = projection
        .years()
        .zip(&emissions.values)
        .zip(by_year)
        .map(|((year, &emission), capacity_value)| CapacityYear {
            year,
            emission,
            capacity: capacity_value,
            utilisation: (capacity_value > 0.0)
                .then(|| emission / capacity_value)
                .filter(|u| !u.is_nan()),
            headroom: capacity_value - emission,
            status: CapacityStatus::classify(emission, capacity_value, capacity.near_threshold),
        })
        .collect();
    // A capacity of 1e-308 against a real emission overflows: refused, never "inf %".
    if let Some(y) = years.iter().find(|y| {
        y.utilisation.is_some_and(f64::is_infinite)
            || y.headroom.is_infinite()
            || y.capacity.is_infinite()
    }) {
        return Err(ModelError::NotFinite {
            item: "capacity",
            key: key.to_owned(),
            year: y.year,
        });
    }
    let first_exceedance_year = years
        .iter()
        .find(|y| y.emission > y.capacity)
        .map(|y| y.year);
    Ok(CapacityAnalysis {
        pollutant: capacity.pollutant.clone(),
        medium: capacity.medium,
        series: capacity.series.clone(),
        unit: emissions.unit.clone(),
        years,
        basis: capacity.basis,
        derivation,
        first_exceedance_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(utilisations: &[f64]) -> CapacityAnalysis {
        CapacityAnalysis {
            pollutant: "COD".into(),
            medium: Medium::Water,
            series: "cod".into(),
            unit: Unit::parse("t/a").expect("unit"),
            years: utilisations
                .iter()
                .enumerate()
                .map(|(i, &u)| CapacityYear {
                    year: 2021 + i as i32,
                    emission: u * 100.0,
                    capacity: 100.0,
                    utilisation: Some(u),
                    headroom: 100.0 - u * 100.0,
                    status: CapacityStatus::classify(u * 100.0, 100.0, 0.8),
                })
                .collect(),
            basis: CapacityBasis::Typed,
            derivation: None,
            first_exceedance_year: None,
        }
    }

    #[test]
    fn a_course_names_every_span_over_capacity_and_whether_it_lasts() {
        assert_eq!(
            analysed(&[0.5, 0.7, 0.85, 0.9]).course(),
            Course::Within {
                near: vec![(2023, 2024)],
                near_at_end: true
            }
        );
        assert_eq!(
            analysed(&[0.5, 0.6]).course(),
            Course::Within {
                near: Vec::new(),
                near_at_end: false
            }
        );
        // Near in 2021 only, then well below: not "near from 2021 on".
        assert_eq!(
            analysed(&[0.85, 0.5, 0.5]).course(),
            Course::Within {
                near: vec![(2021, 2021)],
                near_at_end: false
            }
        );
        // Over 2023–2024, back under at 98 % in 2025: not "near" at the horizon alone.
        assert_eq!(
            analysed(&[0.9, 0.95, 1.1, 1.05, 0.98]).course(),
            Course::Exceeded {
                spans: vec![(2023, 2024)],
                at_end: false
            }
        );
        let lasting = analysed(&[1.2, 0.9, 1.1, 1.2]);
        assert_eq!(
            lasting.course(),
            Course::Exceeded {
                spans: vec![(2021, 2021), (2023, 2024)],
                at_end: true
            }
        );
        assert_eq!(lasting.peak().map(|y| y.year), Some(2021));
        let mut saturated = analysed(&[0.5, 0.6]);
        saturated.years[1].capacity = 0.0;
        saturated.years[1].utilisation = None;
        saturated.years[1].status = CapacityStatus::Saturated;
        assert_eq!(saturated.course(), Course::Saturated);
    }

    #[test]
    fn zero_capacity_is_saturated_never_a_division() {
        assert_eq!(
            CapacityStatus::classify(18.61, 0.0, 0.8),
            CapacityStatus::Saturated
        );
        assert_eq!(
            CapacityStatus::classify(0.0, 0.0, 0.8),
            CapacityStatus::Saturated
        );
    }

    #[test]
    fn near_and_exceeded() {
        assert_eq!(
            CapacityStatus::classify(79.0, 100.0, 0.8),
            CapacityStatus::Ok
        );
        assert_eq!(
            CapacityStatus::classify(80.0, 100.0, 0.8),
            CapacityStatus::Near
        );
        assert_eq!(
            CapacityStatus::classify(100.0, 100.0, 0.8),
            CapacityStatus::Near
        );
        assert_eq!(
            CapacityStatus::classify(100.1, 100.0, 0.8),
            CapacityStatus::Exceeded
        );
    }
}
