use super::{ModelError, Projection};
use crate::engine::Reason;
use crate::model::{Label, Metric, Scenario, Target};
use crate::units::Unit;

#[derive(Clone, Debug, PartialEq)]
pub struct TargetCheck {
    pub key: String,
    pub label: Label,
    pub year: i32,
    /// The metric's projected value in the target year, in the target's unit.
    pub value: f64,
    /// The threshold in the target's unit: for a relative target, the reference year's value
    /// changed by the relative threshold.
    pub threshold: f64,
    /// For a target relative to a year: that year and the change from its value (−0.10).
    pub relative: Option<(i32, f64)>,
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

/// A metric's raw value in a year before the projection, from the series' observed history.
fn metric_observed(scenario: &Scenario, metric: &Metric, year: i32) -> Option<f64> {
    let observed = |key: &str| {
        scenario
            .series(key)?
            .observed
            .iter()
            .find(|o| o.year == year)
            .map(|o| o.value)
    };
    match metric {
        Metric::Series(key) => observed(key),
        Metric::Ratio {
            numerator,
            denominator,
        } => Some(observed(numerator)? / observed(denominator)?),
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
    let unknown = |series: &str| ModelError::UnknownSeriesUse {
        place: crate::model::references::SeriesUse::Target {
            key: key.to_owned(),
        },
        key: series.to_owned(),
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
            Reason::TargetYearOutside {
                year: target.year,
                from: scenario.base_year,
                to: scenario.horizon,
            },
        ));
    }
    if !target.threshold.is_finite() || (target.relative_to.is_some() && target.threshold <= -1.0) {
        return Err(ModelError::invalid_value(
            "target",
            key,
            "threshold",
            target.threshold,
            Reason::TargetThreshold,
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
    let threshold = match target.relative_to {
        None => target.threshold,
        Some(year) if year >= target.year => {
            return Err(ModelError::invalid(
                "target",
                key,
                "relative_to",
                Reason::RelativeNotBefore {
                    year,
                    target_year: target.year,
                },
            ));
        }
        Some(year) => {
            let reference = if (scenario.base_year..=scenario.horizon).contains(&year) {
                Some(values[(year - scenario.base_year) as usize])
            } else {
                metric_observed(scenario, &target.metric, year).map(|v| v * factor)
            };
            let reference = reference.filter(|v| v.is_finite()).ok_or_else(|| {
                ModelError::invalid(
                    "target",
                    key,
                    "relative_to",
                    Reason::RelativeNoValue { year },
                )
            })?;
            reference * (1.0 + target.threshold)
        }
    };
    let years = f64::from(target.year - scenario.base_year);
    let required_annual_change = (base_value > 0.0 && threshold >= 0.0)
        .then(|| (threshold / base_value).powf(1.0 / years) - 1.0);
    Ok(TargetCheck {
        key: target.key.clone(),
        label: target.label.clone(),
        year: target.year,
        value,
        threshold,
        relative: target.relative_to.map(|year| (year, target.threshold)),
        unit: target.unit.clone(),
        comparison: target.comparison,
        met: target.comparison.holds(value, threshold),
        gap: value - threshold,
        base_value,
        values,
        required_annual_change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::hanyang_plan;

    #[test]
    fn a_relative_threshold_is_the_reference_years_value_changed_by_it() {
        // Energy per GDP 13.5 % below its 2021 value by 2028, by hand from the projection.
        let mut plan = hanyang_plan();
        plan.targets[0].relative_to = Some(2021);
        plan.targets[0].threshold = -0.135;
        let projection = crate::engine::project(&plan).unwrap();
        let checks = check_targets(&plan, &projection).unwrap();
        let ratio = |year| {
            projection.value("energy", year).unwrap() / projection.value("gdp", year).unwrap()
        };
        let expected = ratio(2021) * (1.0 - 0.135);
        assert!((checks[0].threshold - expected).abs() < 1e-15);
        assert_eq!(checks[0].relative, Some((2021, -0.135)));
        assert_eq!(checks[0].met, ratio(2028) <= expected);
        // A year before the base year is read from the observed history.
        for (key, value) in [("energy", 120.0), ("gdp", 700.0)] {
            plan.series_mut(key)
                .unwrap()
                .observed
                .push(crate::model::Observation {
                    year: 2020,
                    value,
                    source: String::new(),
                });
        }
        plan.targets[0].relative_to = Some(2020);
        let checks = check_targets(&plan, &projection).unwrap();
        assert!((checks[0].threshold - 120.0 / 700.0 * 0.865).abs() < 1e-15);
        // A year with no value is refused, naming the target and the field.
        plan.targets[0].relative_to = Some(2019);
        let error = check_targets(&plan, &projection).unwrap_err();
        assert!(
            matches!(&error, ModelError::Invalid { key, field, .. } if key == "energy_intensity" && field == "relative_to"),
            "{error:?}"
        );
    }
}
