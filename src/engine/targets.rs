use super::{ModelError, Projection};
use crate::model::{Label, Metric, Scenario, Target};
use crate::units::Unit;

#[derive(Clone, Debug, PartialEq)]
pub struct TargetCheck {
    pub key: String,
    pub label: Label,
    pub year: i32,
    /// The metric's projected value in the target year, in the target's unit.
    pub value: f64,
    pub threshold: f64,
    pub unit: Unit,
    pub comparison: crate::model::Comparison,
    pub met: bool,
    /// value − threshold, in the target's unit.
    pub gap: f64,
    /// The metric in the base year, in the target's unit.
    pub base_value: f64,
    /// The metric in every projection year, in the target's unit.
    pub values: Vec<f64>,
    /// The constant annual change of the metric from the base year that just meets the
    /// threshold in the target year; `None` where no growth path can (a base value of 0).
    pub required_annual_change: Option<f64>,
}

/// The unit a metric's raw value is in: the series' unit, or numerator ÷ denominator.
pub fn metric_unit(scenario: &Scenario, metric: &Metric) -> Option<Unit> {
    match metric {
        Metric::Series(key) => scenario.series(key).map(|s| s.unit.clone()),
        Metric::Ratio {
            numerator,
            denominator,
        } => Some(
            scenario
                .series(numerator)?
                .unit
                .divide(&scenario.series(denominator)?.unit),
        ),
    }
}

/// A metric's raw value in one year, in `metric_unit`.
pub fn metric_value(projection: &Projection, metric: &Metric, year: i32) -> Option<f64> {
    match metric {
        Metric::Series(key) => projection.value(key, year),
        Metric::Ratio {
            numerator,
            denominator,
        } => Some(projection.value(numerator, year)? / projection.value(denominator, year)?),
    }
}

pub fn check_targets(
    scenario: &Scenario,
    projection: &Projection,
) -> Result<Vec<TargetCheck>, ModelError> {
    scenario
        .targets
        .iter()
        .map(|target| check_one(scenario, projection, target))
        .collect()
}

fn check_one(
    scenario: &Scenario,
    projection: &Projection,
    target: &Target,
) -> Result<TargetCheck, ModelError> {
    let key = target.key.as_str();
    let unknown = |series: &str| ModelError::UnknownSeries {
        series: format!("target {key}"),
        driver: series.to_owned(),
    };
    // The projection's index finds each series at once; a search of the scenario per target
    // would grow with the product of targets and series.
    let unit_of = |series: &str| {
        projection
            .get(series)
            .map(|s| &s.unit)
            .ok_or_else(|| unknown(series))
    };
    let raw_unit = match &target.metric {
        Metric::Series(series) => unit_of(series)?.clone(),
        Metric::Ratio {
            numerator,
            denominator,
        } => unit_of(numerator)?.divide(unit_of(denominator)?),
    };
    if target.year <= scenario.base_year || target.year > scenario.horizon {
        return Err(ModelError::invalid(
            "target",
            key,
            "year",
            format!(
                "{} is outside the projection {}–{}; extend the horizon to check it",
                target.year, scenario.base_year, scenario.horizon
            ),
        ));
    }
    if !target.threshold.is_finite() {
        return Err(ModelError::invalid_value(
            "target",
            key,
            "threshold",
            target.threshold,
            "must be a finite number",
        ));
    }
    let factor = raw_unit
        .factor_to(&target.unit)
        .map_err(|source| ModelError::unit("target", key, source))?;
    let in_target_unit = |year| metric_value(projection, &target.metric, year).map(|v| v * factor);
    let values: Vec<f64> = projection
        .years()
        .map(|year| in_target_unit(year).expect("every projection year has a value"))
        .collect();
    let value = values[(target.year - scenario.base_year) as usize];
    let base_value = values[0];
    let years = f64::from(target.year - scenario.base_year);
    let required_annual_change = (base_value > 0.0 && target.threshold >= 0.0)
        .then(|| (target.threshold / base_value).powf(1.0 / years) - 1.0);
    Ok(TargetCheck {
        key: target.key.clone(),
        label: target.label.clone(),
        year: target.year,
        value,
        threshold: target.threshold,
        unit: target.unit.clone(),
        comparison: target.comparison,
        met: target.comparison.holds(value, target.threshold),
        gap: value - target.threshold,
        base_value,
        values,
        required_annual_change,
    })
}
