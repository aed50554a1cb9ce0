//! Checks that need no projection: years, keys, references, values out of range, uncertain
//! rates, the EI land cover. Both `validate` (before analysing) and the Monte Carlo use them,
//! so neither imports the other. Each check is linear (or n log n) in what it checks.

use std::collections::{HashMap, HashSet};

use super::ModelError;
use crate::engine::Reason;
use crate::model::{Distribution, Indicator, MAX_HORIZON, MIN_BASE_YEAR, Rule, Scenario};

mod ei;
mod indicators;
mod names;
mod uncertain;

use ei::ei_errors;
pub use ei::land_cover_beyond_area;
use indicators::indicator_errors;
pub use indicators::indicator_value_reason;
use names::control_errors;
pub use names::key_errors;
pub use uncertain::correlation_matrix;
pub(crate) use uncertain::{check_distribution, check_uncertain};
use uncertain::{correlation_errors, uncertainty_errors};

/// Largest growth or intensity change per year accepted as a typed value. Rates beyond ±100 %
/// a year are almost always a percentage typed as a fraction (300 instead of 3 %).
pub const MAX_RATE: f64 = 1.0;

/// Largest elasticity (in absolute value) accepted: an emission growing ten times as fast as its
/// driver is already far outside anything observed.
pub const MAX_ELASTICITY: f64 = 10.0;

/// Problems visible without projecting: years, keys, references, out-of-range values.
pub(crate) fn value_errors(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = Vec::new();
    if !(MIN_BASE_YEAR..MAX_HORIZON).contains(&scenario.base_year) {
        errors.push(ModelError::BaseYearRange {
            base_year: scenario.base_year,
            min: MIN_BASE_YEAR,
            max: MAX_HORIZON - 1,
        });
    }
    if scenario.base_year >= scenario.horizon {
        errors.push(ModelError::YearRange {
            base_year: scenario.base_year,
            horizon: scenario.horizon,
        });
    }
    if scenario.horizon > MAX_HORIZON {
        errors.push(ModelError::HorizonTooFar {
            horizon: scenario.horizon,
            max: MAX_HORIZON,
        });
    }
    for &year in &scenario.milestones {
        if year <= scenario.base_year {
            errors.push(ModelError::invalid(
                "scenario",
                &scenario.metadata.name,
                "milestones",
                Reason::MilestoneNotAfterBase {
                    year,
                    base: scenario.base_year,
                },
            ));
        }
    }
    for period in &scenario.periods {
        if !scenario.milestones.contains(&period.until) {
            errors.push(ModelError::invalid(
                "scenario",
                &scenario.metadata.name,
                "periods",
                Reason::PeriodNotAMilestone {
                    until: period.until,
                },
            ));
        }
    }
    let mut pollutants = HashSet::new();
    for capacity in &scenario.capacities {
        if capacity.pollutant.trim().is_empty() {
            errors.push(ModelError::EmptyKey {
                item: "capacity",
                key: capacity.label.zh.clone(),
            });
        } else if !pollutants.insert(capacity.pollutant.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "capacity",
                key: capacity.pollutant.clone(),
            });
        }
    }
    let mut target_keys = HashSet::new();
    for target in &scenario.targets {
        if target.key.trim().is_empty() {
            errors.push(ModelError::EmptyKey {
                item: "target",
                key: target.label.zh.clone(),
            });
        } else if !target_keys.insert(target.key.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "target",
                key: target.key.clone(),
            });
        }
    }
    let mut keys = HashSet::new();
    for series in &scenario.series {
        if series.key.trim().is_empty() {
            errors.push(ModelError::EmptyKey {
                item: "series",
                key: series.label.zh.clone(),
            });
        }
        if !keys.insert(series.key.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "series",
                key: series.key.clone(),
            });
        }
        validate_series_values(scenario, series, &mut errors);
        if let Some(decimals) = series.decimals {
            push_decimals("series", &series.key, decimals, &mut errors);
        }
    }
    // Every use of a series key, wherever it is (`model::references`, the list rename and
    // remove walk too), names a series of the scenario.
    crate::model::references::for_each_series_key(scenario, |place, key| {
        if keys.contains(key) {
            return;
        }
        errors.push(match place() {
            crate::model::references::SeriesUse::Driver { series } => ModelError::UnknownSeries {
                series,
                driver: key.to_owned(),
            },
            place => ModelError::UnknownSeriesUse {
                place,
                key: key.to_owned(),
            },
        });
    });
    control_errors(scenario, &mut errors);
    // The chapter's units: each of a series, and one its values convert to.
    for shown in &scenario.chapter.units {
        match scenario.series(&shown.series) {
            None => errors.push(ModelError::Invalid {
                item: "chapter unit",
                key: shown.series.clone(),
                field: "series".into(),
                reason: Reason::NoSuchSeries,
            }),
            Some(series) => {
                if let Err(source) = series.unit.factor_to(&shown.unit) {
                    errors.push(ModelError::Unit {
                        item: "chapter unit",
                        key: shown.series.clone(),
                        source,
                    });
                }
            }
        }
    }
    uncertainty_errors(scenario, &mut errors);
    errors.extend(correlation_errors(scenario));
    ei_errors(scenario, &mut errors);
    indicator_errors(scenario, &mut errors);
    errors
}

/// Decimals beyond what a number holds are refused: 200 would print noise.
fn push_decimals(item: &'static str, key: &str, decimals: u8, errors: &mut Vec<ModelError>) {
    if decimals > crate::model::MAX_DECIMALS {
        errors.push(ModelError::invalid_value(
            item,
            key,
            "decimals",
            f64::from(decimals),
            Reason::Decimals {
                max: crate::model::MAX_DECIMALS,
            },
        ));
    }
}

fn check_nonnegative(key: &str, field: &str, value: f64, errors: &mut Vec<ModelError>) {
    if !value.is_finite() || value < 0.0 {
        errors.push(ModelError::invalid_value(
            "series",
            key,
            field,
            value,
            Reason::NonNegative,
        ));
    }
}

pub(crate) fn check_rate(
    item: &'static str,
    key: &str,
    field: &str,
    rate: f64,
) -> Result<(), ModelError> {
    if !rate.is_finite() || rate <= -1.0 || rate > MAX_RATE {
        return Err(ModelError::invalid_value(
            item,
            key,
            field,
            rate,
            Reason::Rate,
        ));
    }
    Ok(())
}

fn validate_series_values(
    scenario: &Scenario,
    series: &crate::model::Series,
    errors: &mut Vec<ModelError>,
) {
    let key = series.key.as_str();
    if let Some(base) = series.base {
        check_nonnegative(key, "base", base, errors);
    }
    let mut push = |result: Result<(), ModelError>| {
        if let Err(error) = result {
            errors.push(error);
        }
    };
    match &series.rule {
        Rule::Growth { rate, changes } => {
            push(check_rate("series", key, "rate", *rate));
            let mut previous = scenario.base_year;
            for change in changes {
                push(check_rate(
                    "series",
                    key,
                    &format!("rate from {}", change.from),
                    change.rate,
                ));
                if change.from <= previous {
                    push(Err(ModelError::invalid(
                        "series",
                        key,
                        "changes",
                        Reason::ChangeYearsRise {
                            base: scenario.base_year,
                            year: change.from,
                        },
                    )));
                }
                previous = change.from;
            }
        }
        Rule::Interp { points, after_rate } => {
            push(check_rate("series", key, "after_rate", *after_rate));
            push(check_points(scenario, key, points));
        }
        Rule::Step { points } => push(check_points(scenario, key, points)),
        Rule::Linear { change_per_year } => {
            if !change_per_year.is_finite() {
                push(Err(ModelError::invalid_value(
                    "series",
                    key,
                    "change_per_year",
                    *change_per_year,
                    Reason::Finite,
                )));
            }
        }
        Rule::Driven {
            intensity, change, ..
        } => {
            if !intensity.is_finite() || *intensity < 0.0 {
                push(Err(ModelError::invalid_value(
                    "series",
                    key,
                    "intensity",
                    *intensity,
                    Reason::NonNegative,
                )));
            }
            push(check_rate("series", key, "change", *change));
        }
        Rule::GrowthAs { elasticity, .. } => {
            if !elasticity.is_finite() || elasticity.abs() > MAX_ELASTICITY {
                push(Err(ModelError::invalid_value(
                    "series",
                    key,
                    "elasticity",
                    *elasticity,
                    Reason::Elasticity,
                )));
            }
        }
    }
}

fn check_points(scenario: &Scenario, key: &str, points: &[(i32, f64)]) -> Result<(), ModelError> {
    let mut previous = scenario.base_year;
    for &(year, value) in points {
        if year <= previous {
            return Err(ModelError::invalid(
                "series",
                key,
                "points",
                Reason::PointYearsRise {
                    base: scenario.base_year,
                    year,
                },
            ));
        }
        if !value.is_finite() || value < 0.0 {
            return Err(ModelError::invalid_value(
                "series",
                key,
                format!("point {year}"),
                value,
                Reason::NonNegative,
            ));
        }
        previous = year;
    }
    Ok(())
}

/// Each series' position by key (the first of a duplicated key).
pub(crate) fn series_positions(scenario: &Scenario) -> HashMap<&str, usize> {
    let mut position = HashMap::with_capacity(scenario.series.len());
    for (i, series) in scenario.series.iter().enumerate() {
        position.entry(series.key.as_str()).or_insert(i);
    }
    position
}
