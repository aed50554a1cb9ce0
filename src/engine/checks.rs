//! Checks that need no projection: years, keys, references, values out of range, uncertain
//! rates, the EI land cover. Both `validate` (before analysing) and the Monte Carlo use them,
//! so neither imports the other. Each check is linear (or n log n) in what it checks.

use std::collections::{HashMap, HashSet};

use super::ModelError;
use crate::engine::Reason;
use crate::model::{Distribution, Indicator, MAX_HORIZON, MIN_BASE_YEAR, Rule, Scenario};

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
    key_errors(scenario, &mut errors);
    errors
}

/// Keys are what scripts, the command line and rules name a series, capacity or target by
/// (`--series gdp`, `--correlate gdp,energy=0.6`, `--capacity COD:1990`): letters and digits of
/// any script, `_`, `-` and `.` (NH3-N, PM2.5). A space, a comma, a colon or `=` would make the
/// key unreadable there.
fn key_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    let mut check = |item: &'static str, key: &str| {
        if let Some(bad) = key.chars().find(|&c| !allowed(c) && !c.is_control()) {
            errors.push(ModelError::Invalid {
                item,
                key: key.to_owned(),
                field: "key".to_owned(),
                reason: Reason::KeyCharacter {
                    character: bad.to_string(),
                },
            });
        }
    };
    for series in &scenario.series {
        check("series", &series.key);
    }
    for capacity in &scenario.capacities {
        check("capacity", &capacity.pollutant);
    }
    for target in &scenario.targets {
        check("target", &target.key);
    }
}

/// Names and keys with control characters (ESC, NUL, a bell) are refused: printed to a
/// terminal they clear the screen or retitle the window, and no plan writes them. Notes may
/// hold line breaks and tabs; names may not.
fn control_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let controlled = |text: &str| text.chars().any(char::is_control);
    let mut check = |item: &'static str, key: &str, field: &str, text: &str| {
        if controlled(text) {
            errors.push(ModelError::Invalid {
                item,
                key: key.escape_debug().to_string(),
                field: field.to_owned(),
                reason: Reason::ControlCharacter {
                    text: text.escape_debug().to_string(),
                },
            });
        }
    };
    let name = &scenario.metadata.name;
    check("scenario", name, "name", name);
    check("scenario", name, "region", &scenario.metadata.region);
    for series in &scenario.series {
        check("series", &series.key, "key", &series.key);
        check("series", &series.key, "label", &series.label.zh);
        check("series", &series.key, "label", &series.label.en);
    }
    for capacity in &scenario.capacities {
        check(
            "capacity",
            &capacity.pollutant,
            "pollutant",
            &capacity.pollutant,
        );
        check("capacity", &capacity.pollutant, "label", &capacity.label.zh);
        check("capacity", &capacity.pollutant, "label", &capacity.label.en);
    }
    for target in &scenario.targets {
        check("target", &target.key, "key", &target.key);
        check("target", &target.key, "label", &target.label.zh);
        check("target", &target.key, "label", &target.label.en);
    }
    for indicator in &scenario.indicators {
        check("indicator", &indicator.number, "number", &indicator.number);
        check("indicator", &indicator.number, "name", &indicator.name.zh);
        check("indicator", &indicator.number, "name", &indicator.name.en);
        check("indicator", &indicator.number, "unit", &indicator.unit);
    }
    for project in &scenario.projects {
        check("project", &project.name.zh, "name", &project.name.zh);
        check("project", &project.name.zh, "name", &project.name.en);
    }
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

/// Why an indicator's value (a threshold or an observation) cannot be, if it cannot. In %, a
/// share (林草覆盖率, 优良天数比例) lies from 0 to 100 and a change (下降幅度, 提高幅度) within
/// ±100: 179 % of good-air days, or −3 % of forest cover, is a typing error. A quantity per
/// something (tce/万元, m²/人) is never below 0, though a threshold on its change may be.
fn indicator_value_reason(indicator: &Indicator, value: f64, change: bool) -> Option<Reason> {
    let percent = crate::model::is_percent_unit(&indicator.unit);
    if !value.is_finite() {
        Some(Reason::Finite)
    } else if percent && !(-100.0..=100.0).contains(&value) {
        Some(Reason::Percentage)
    } else if percent && value < 0.0 && !change && !indicator.measures_change() {
        Some(Reason::PercentShare)
    } else if indicator.unit.contains('/') && !change && value < 0.0 {
        Some(Reason::NonNegative)
    } else {
        None
    }
}

/// Each indicator: a number of its own, finite thresholds, values in years the workbench knows,
/// one value a year, one period per end year.
fn indicator_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    use crate::model::IndicatorTarget;
    let item = "indicator";
    let mut numbers = HashSet::new();
    let years = MIN_BASE_YEAR..=MAX_HORIZON;
    for indicator in &scenario.indicators {
        let key = indicator.number.as_str();
        let threshold_errors =
            |field: &str, target: &IndicatorTarget, errors: &mut Vec<ModelError>| {
                if let Some(t) = target.threshold() {
                    let change = matches!(target, IndicatorTarget::ChangeAtLeast(_));
                    if let Some(reason) = indicator_value_reason(indicator, t, change) {
                        errors.push(ModelError::invalid_value(item, key, field, t, reason));
                    }
                }
            };
        if let Some(decimals) = indicator.decimals {
            push_decimals(item, key, decimals, errors);
        }
        if key.trim().is_empty() {
            errors.push(ModelError::EmptyKey {
                item,
                key: indicator.name.zh.clone(),
            });
        } else if !numbers.insert(key) {
            errors.push(ModelError::DuplicateKey {
                item,
                key: key.to_owned(),
            });
        }
        threshold_errors("target", &indicator.target, errors);
        let mut seen = HashSet::new();
        for period in &indicator.periods {
            threshold_errors(
                &format!("target until {}", period.until),
                &period.target,
                errors,
            );
            if !years.contains(&period.until) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "periods",
                    Reason::PeriodOutside {
                        until: period.until,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            } else if !seen.insert(period.until) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "periods",
                    Reason::PeriodTwice {
                        until: period.until,
                    },
                ));
            }
        }
        let mut seen = HashSet::new();
        for observation in &indicator.observed {
            let field = format!("value of {}", observation.year);
            if !years.contains(&observation.year) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "observed",
                    Reason::ObservedOutside {
                        year: observation.year,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            } else if !seen.insert(observation.year) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "observed",
                    Reason::ObservedTwice {
                        year: observation.year,
                    },
                ));
            }
            if let Some(reason) = indicator_value_reason(indicator, observation.value, false) {
                errors.push(ModelError::invalid_value(
                    item,
                    key,
                    field,
                    observation.value,
                    reason,
                ));
            }
        }
    }
    for series in &scenario.series {
        let mut seen = HashSet::new();
        for observation in &series.observed {
            if !years.contains(&observation.year) || !seen.insert(observation.year) {
                errors.push(ModelError::invalid(
                    "series",
                    &series.key,
                    "observed",
                    Reason::ObservedOutside {
                        year: observation.year,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            }
            if !observation.value.is_finite() {
                errors.push(ModelError::invalid_value(
                    "series",
                    &series.key,
                    format!("observed value of {}", observation.year),
                    observation.value,
                    Reason::Finite,
                ));
            }
        }
    }
}

/// Each correlation: between two different uncertain levers, within −1 to 1, each pair once;
/// together a correlation matrix (positive semi-definite), or the draws cannot have them.
fn correlation_errors(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = Vec::new();
    let mut pairs = HashSet::new();
    let refuse = |(a, b): &(String, String), field: &str, value: f64, reason| {
        ModelError::invalid_value("correlation", &format!("{a}, {b}"), field, value, reason)
    };
    for correlation in &scenario.correlations {
        let (a, b) = &correlation.between;
        let rho = correlation.rho;
        let uncertain = |key: &str| scenario.uncertainty.iter().any(|u| u.series == key);
        let error = if !(rho.is_finite() && (-1.0..=1.0).contains(&rho)) {
            Some(Reason::Correlation)
        } else if a == b {
            Some(Reason::CorrelationWithItself)
        } else if let Some(key) = [a, b].into_iter().find(|key| !uncertain(key)) {
            Some(Reason::CorrelationNotUncertain {
                series: key.clone(),
            })
        } else if !pairs.insert(if a < b { (a, b) } else { (b, a) }) {
            Some(Reason::CorrelationTwice)
        } else {
            None
        };
        if let Some(reason) = error {
            errors.push(refuse(&correlation.between, "rho", rho, reason));
        }
    }
    if errors.is_empty()
        && let Err(at) = super::correlate::cholesky(&correlation_matrix(scenario))
    {
        // Named by the first correlation of the lever at which the matrix fails.
        let lever = &scenario.uncertainty[at.row].series;
        if let Some(correlation) = scenario
            .correlations
            .iter()
            .find(|c| &c.between.0 == lever || &c.between.1 == lever)
        {
            errors.push(refuse(
                &correlation.between,
                "rho",
                correlation.rho,
                Reason::CorrelationsInconsistent,
            ));
        }
    }
    errors
}

/// The rank correlations between the uncertain levers, in the order of `uncertainty`: 1 on
/// the diagonal, 0 for a pair not given.
pub fn correlation_matrix(scenario: &Scenario) -> Vec<Vec<f64>> {
    let k = scenario.uncertainty.len();
    let index = |key: &str| scenario.uncertainty.iter().position(|u| u.series == key);
    let mut matrix = vec![vec![0.0; k]; k];
    for (i, row) in matrix.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for correlation in &scenario.correlations {
        if let (Some(i), Some(j)) = (index(&correlation.between.0), index(&correlation.between.1))
            && i != j
        {
            matrix[i][j] = correlation.rho;
            matrix[j][i] = correlation.rho;
        }
    }
    matrix
}

/// Each uncertain rate: its series exists and has a rate, its distribution is sound, and no
/// series is uncertain twice.
fn uncertainty_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let position = series_positions(scenario);
    let mut uncertain_keys = HashSet::new();
    for item in &scenario.uncertainty {
        if !uncertain_keys.insert(item.series.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "uncertain rate of series",
                key: item.series.clone(),
            });
        }
        if let Err(error) = check_uncertain(scenario, &position, item) {
            errors.push(error);
        }
    }
}

/// The land cover and the district's area when the cover is larger: forest, grass, water and
/// wetland, cropland, built-up and unused land cannot add up to more than the district.
pub fn land_cover_beyond_area(ei: &crate::model::EiMethod) -> Option<(f64, f64)> {
    let land_cover = ei.forest_km2
        + ei.grass_km2
        + ei.water_wetland_km2
        + ei.cropland_km2
        + ei.built_up_km2
        + ei.unused_km2;
    // Allow for rounding in typed areas.
    (land_cover > ei.area_km2 * (1.0 + 1e-9) + 1e-9).then_some((land_cover, ei.area_km2))
}

/// The EI inputs (HJ 192-2015, `methods.md` §5): amounts of at least 0, and land cover that
/// fits in the district: forest, grass, water and wetland, cropland, built-up and unused land
/// together cannot exceed its area.
fn ei_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let ei = &scenario.methods.ei;
    for (field, value) in [
        ("area_km2", ei.area_km2),
        ("forest_km2", ei.forest_km2),
        ("grass_km2", ei.grass_km2),
        ("water_wetland_km2", ei.water_wetland_km2),
        ("cropland_km2", ei.cropland_km2),
        ("built_up_km2", ei.built_up_km2),
        ("unused_km2", ei.unused_km2),
        ("river_length_km", ei.river_length_km),
        ("water_resources_1e8_m3", ei.water_resources_1e8_m3),
        ("severe_erosion_km2", ei.severe_erosion_km2),
        ("moderate_erosion_km2", ei.moderate_erosion_km2),
        ("other_stress_km2", ei.other_stress_km2),
        ("vegetation_coefficient", ei.vegetation_coefficient),
        ("mean_ndvi", ei.mean_ndvi),
        ("pollution_load_index", ei.pollution_load_index),
        ("restriction", ei.restriction),
    ] {
        if !value.is_finite() || value < 0.0 {
            errors.push(ModelError::invalid_value(
                "EI",
                "methods.ei",
                field,
                value,
                Reason::NonNegative,
            ));
        }
    }
    if let Some((land_cover, _)) = land_cover_beyond_area(ei) {
        errors.push(ModelError::invalid(
            "EI",
            "methods.ei",
            "land cover",
            Reason::LandCoverBeyondArea {
                cover: land_cover,
                area: ei.area_km2,
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

pub(crate) fn check_distribution(
    series: &str,
    distribution: &Distribution,
    elasticity: bool,
) -> Result<(), ModelError> {
    let invalid = |reason: Reason| {
        Err(ModelError::invalid(
            "uncertainty",
            series,
            "distribution",
            reason,
        ))
    };
    let (min, max) = match *distribution {
        Distribution::Uniform { min, max } => (min, max),
        Distribution::Triangular { min, mode, max } => {
            if !(min <= mode && mode <= max) {
                return invalid(Reason::ModeOutsideRange);
            }
            (min, max)
        }
        Distribution::Normal { mean, sd, min, max } => {
            if !(sd > 0.0 && sd.is_finite() && mean.is_finite()) {
                return invalid(Reason::NormalSpread);
            }
            (min, max)
        }
    };
    let ordered = min < max;
    if !ordered {
        return invalid(Reason::MinBelowMax);
    }
    if elasticity {
        // Elasticities are bounded as in the rule itself (validate.rs).
        if min.abs() > MAX_ELASTICITY || max.abs() > MAX_ELASTICITY {
            return invalid(Reason::Elasticity);
        }
        return Ok(());
    }
    check_rate("uncertainty", series, "min", min)?;
    check_rate("uncertainty", series, "max", max)
}

/// Checks an uncertain rate: its distribution, its series, and that the series has a rate.
/// Returns the series' index.
pub(crate) fn check_uncertain(
    scenario: &Scenario,
    position: &HashMap<&str, usize>,
    item: &crate::model::Uncertain,
) -> Result<usize, ModelError> {
    let index = position.get(item.series.as_str()).copied().ok_or_else(|| {
        ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::Uncertain,
            key: item.series.clone(),
        }
    })?;
    let elasticity = matches!(
        scenario.series[index].rule,
        crate::model::Rule::GrowthAs { .. }
    );
    check_distribution(&item.series, &item.distribution, elasticity)?;
    if crate::model::lever_value(&scenario.series[index].rule).is_none() {
        return Err(ModelError::invalid(
            "uncertainty",
            &item.series,
            "rule",
            Reason::StepHasNoRate,
        ));
    }
    Ok(index)
}

/// Each series' position by key (the first of a duplicated key).
pub(crate) fn series_positions(scenario: &Scenario) -> HashMap<&str, usize> {
    let mut position = HashMap::with_capacity(scenario.series.len());
    for (i, series) in scenario.series.iter().enumerate() {
        position.entry(series.key.as_str()).or_insert(i);
    }
    position
}
