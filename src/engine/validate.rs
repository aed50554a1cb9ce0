use std::collections::HashSet;

use super::ModelError;
use crate::model::{MAX_HORIZON, MIN_BASE_YEAR, Rule, Scenario};

/// Largest growth or intensity change per year accepted as a typed value. Rates beyond ±100 %
/// a year are almost always a percentage typed as a fraction (300 instead of 3 %).
pub const MAX_RATE: f64 = 1.0;

/// Largest elasticity (in absolute value) accepted: an emission growing ten times as fast as its
/// driver is already far outside anything observed.
pub const MAX_ELASTICITY: f64 = 10.0;

/// Every problem in the scenario, not just the first: the window shows their count and list.
pub fn validate(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = value_errors(scenario);
    if !errors.is_empty() {
        return errors;
    }
    // Cycles, unit mismatches, capacity, target and footprint errors are found by analysing.
    if let Err(error) = super::analyse(scenario) {
        errors.push(error);
    }
    let position = super::uncertainty::series_positions(scenario);
    let mut uncertain_keys = HashSet::new();
    for item in &scenario.uncertainty {
        if !uncertain_keys.insert(item.series.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "uncertain rate of series",
                key: item.series.clone(),
            });
        }
        if let Err(error) = super::uncertainty::check_uncertain(scenario, &position, item) {
            errors.push(error);
        }
    }
    errors
}

/// Problems visible without projecting: years, keys, references, out-of-range values.
pub(super) fn value_errors(scenario: &Scenario) -> Vec<ModelError> {
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
                format!(
                    "milestone {year} is not after the base year {}",
                    scenario.base_year
                ),
            ));
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
    }
    for series in &scenario.series {
        if let Some(driver) = series.rule.driver()
            && !keys.contains(driver)
        {
            errors.push(ModelError::UnknownSeries {
                series: series.key.clone(),
                driver: driver.to_owned(),
            });
        }
    }
    errors
}

fn check_nonnegative(key: &str, field: &str, value: f64, errors: &mut Vec<ModelError>) {
    if !value.is_finite() || value < 0.0 {
        errors.push(ModelError::invalid_value(
            "series",
            key,
            field,
            value,
            "must be a finite number of at least 0",
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
            "a yearly rate must be a fraction above −1 (−100 %) and at most 1 (+100 %); 0.075 means 7.5 %",
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
    check_nonnegative(key, "base", series.base, errors);
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
                        format!(
                            "rate change years must rise after the base year {}; {} does not",
                            scenario.base_year, change.from
                        ),
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
        Rule::Driven {
            intensity, change, ..
        } => {
            if !intensity.is_finite() || *intensity < 0.0 {
                push(Err(ModelError::invalid_value(
                    "series",
                    key,
                    "intensity",
                    *intensity,
                    "must be a finite number of at least 0",
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
                    "must be a finite number between −10 and 10",
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
                format!(
                    "point years must rise after the base year {}; {year} does not",
                    scenario.base_year
                ),
            ));
        }
        if !value.is_finite() || value < 0.0 {
            return Err(ModelError::invalid_value(
                "series",
                key,
                format!("point {year}"),
                value,
                "must be a finite number of at least 0",
            ));
        }
        previous = year;
    }
    Ok(())
}
