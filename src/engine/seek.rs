//! Goal seek: the value of one lever (a series' rate) that just meets a goal, found by
//! bracketing and bisection; and sensitivity: how far each lever moved by ±10 % moves a result.

use super::checks::{MAX_ELASTICITY, MAX_RATE};
use super::{ModelError, ProjectionPlan, analyse_capacities, check_targets};
use crate::engine::Reason;
use crate::model::{Comparison, Metric, Scenario, lever_value, with_lever};

/// What the lever has to achieve.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// One of the scenario's targets, in its year.
    Target(String),
    /// The pollutant's emission stays at or under its capacity in every year up to `until`.
    Capacity { pollutant: String, until: i32 },
    /// A series compared with a value in a year.
    Bound {
        series: String,
        year: i32,
        comparison: Comparison,
        value: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekOutcome {
    /// The value at which the goal is just met.
    Found,
    /// Every value in the range meets the goal.
    MetAcrossRange,
    /// No value in the range meets the goal.
    NotMetInRange,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeekAnswer {
    pub lever: String,
    pub outcome: SeekOutcome,
    /// The lever value that just meets the goal (the met end of the range when all of it meets).
    pub value: Option<f64>,
    /// How far the goal is met at `value` (≥ 0 when met), in the goal's unit.
    pub margin: f64,
}

/// The series whose projected values decide whether a goal is met: a target's metric series, a
/// capacity's emission series (and, for a derived water capacity, the series its non-point load
/// follows), a bound's series.
pub fn goal_series(scenario: &Scenario, goal: &Goal) -> Vec<String> {
    match goal {
        Goal::Target(key) => match scenario.targets.iter().find(|t| &t.key == key) {
            Some(target) => match &target.metric {
                Metric::Series(series) => vec![series.clone()],
                Metric::Ratio {
                    numerator,
                    denominator,
                } => vec![numerator.clone(), denominator.clone()],
            },
            None => Vec::new(),
        },
        Goal::Capacity { pollutant, .. } => {
            let mut series: Vec<String> = scenario
                .capacities
                .iter()
                .filter(|c| &c.pollutant == pollutant)
                .map(|c| c.series.clone())
                .collect();
            series.extend(
                scenario
                    .methods
                    .water
                    .nonpoint_series
                    .iter()
                    .filter(|(p, _)| p == pollutant)
                    .map(|(_, key)| key.clone()),
            );
            series
        }
        Goal::Bound { series, .. } => vec![series.clone()],
    }
}

/// `series` and the series it is driven by, nearest first (each series has at most one driver).
/// Linear in the number of series: the window asks on every frame.
fn driver_chain<'a>(scenario: &'a Scenario, series: &'a str) -> Vec<&'a str> {
    let drivers: std::collections::HashMap<&str, &str> = scenario
        .series
        .iter()
        .filter_map(|s| s.rule.driver().map(|d| (s.key.as_str(), d)))
        .collect();
    let mut chain = vec![series];
    let mut current = series;
    // At most one step per series: a cycle (refused by validation) cannot loop here.
    for _ in 0..scenario.series.len() {
        match drivers.get(current) {
            Some(&driver) => {
                chain.push(driver);
                current = driver;
            }
            None => break,
        }
    }
    chain
}

/// Whether moving `lever`'s rate changes anything `goal` depends on.
pub fn lever_moves_goal(scenario: &Scenario, lever: &str, goal: &Goal) -> bool {
    goal_series(scenario, goal)
        .iter()
        .any(|series| driver_chain(scenario, series).contains(&lever))
}

/// The lever that fits a goal by default: the nearest series with a rate in the chain of what
/// the goal measures (COD for a COD capacity; energy for energy per GDP).
pub fn default_lever(scenario: &Scenario, goal: &Goal) -> Option<String> {
    goal_series(scenario, goal).iter().find_map(|series| {
        driver_chain(scenario, series)
            .into_iter()
            .find(|key| {
                scenario
                    .series(key)
                    .is_some_and(|s| lever_value(&s.rule).is_some())
            })
            .map(str::to_owned)
    })
}

/// A scenario long enough for the goal, with the plan to project it.
fn scenario_for(scenario: &Scenario, goal: &Goal) -> Scenario {
    let mut scenario = scenario.clone();
    let until = match goal {
        Goal::Capacity { until, .. } => Some(*until),
        Goal::Bound { year, .. } => Some(*year),
        Goal::Target(_) => None,
    };
    if let Some(year) = until {
        scenario.horizon = scenario.horizon.max(year);
    }
    scenario
}

/// How far the goal is met (≥ 0) or missed (< 0) with the lever at `value`.
fn margin(
    plan: &ProjectionPlan<'_>,
    lever: usize,
    value: f64,
    goal: &Goal,
) -> Result<f64, ModelError> {
    let scenario = plan.scenario();
    let values = plan.run(|i| {
        if i == lever {
            with_lever(&scenario.series[i].rule, value)
        } else {
            None
        }
    })?;
    let projection = plan.projection(values);
    let by_comparison = |comparison: Comparison, value: f64, threshold: f64| match comparison {
        Comparison::AtMost => threshold - value,
        Comparison::AtLeast => value - threshold,
        // The root is where the value equals the threshold, as for ≤.
        Comparison::Equal => threshold - value,
    };
    match goal {
        Goal::Target(key) => {
            let check = check_targets(scenario, &projection)?
                .into_iter()
                .find(|t| &t.key == key)
                .ok_or_else(|| ModelError::invalid("goal", key, "target", Reason::NoSuchTarget))?;
            Ok(by_comparison(
                check.comparison,
                check.value,
                check.threshold,
            ))
        }
        Goal::Capacity { pollutant, until } => {
            let capacity = analyse_capacities(scenario, &projection)?
                .into_iter()
                .find(|c| &c.pollutant == pollutant)
                .ok_or_else(|| {
                    ModelError::invalid("goal", pollutant, "capacity", Reason::NoSuchCapacity)
                })?;
            // A year before the first analysed one holds no margin to keep (an infinite one
            // would be "met" whatever the lever).
            if capacity.years.first().is_none_or(|y| y.year > *until) {
                return Err(ModelError::invalid(
                    "goal seek",
                    pollutant,
                    "year",
                    Reason::YearBeforeBase { year: *until },
                ));
            }
            Ok(capacity
                .years
                .iter()
                .filter(|y| y.year <= *until)
                .map(|y| y.capacity - y.emission)
                .fold(f64::INFINITY, f64::min))
        }
        Goal::Bound {
            series,
            year,
            comparison,
            value,
        } => {
            // No value is either no such series or a year outside the projection.
            let projected = projection.value(series, *year).ok_or_else(|| {
                if projection.get(series).is_none() {
                    ModelError::UnknownSeriesUse {
                        place: crate::model::references::SeriesUse::GoalSeek,
                        key: series.clone(),
                    }
                } else {
                    ModelError::invalid(
                        "goal seek",
                        series,
                        "year",
                        Reason::YearBeforeBase { year: *year },
                    )
                }
            })?;
            Ok(by_comparison(*comparison, projected, *value))
        }
    }
}

/// Finds the value of `lever`'s rate in `range` that just meets `goal`. The goal is assumed to
/// move one way with the lever (growth rates do); the answer is re-projected and checked.
pub fn seek(
    scenario: &Scenario,
    goal: &Goal,
    lever: &str,
    range: (f64, f64),
) -> Result<SeekAnswer, ModelError> {
    if !(range.0.is_finite() && range.1.is_finite()) || range.0 == range.1 {
        return Err(ModelError::invalid(
            "goal seek",
            lever,
            "range",
            Reason::SeekRange {
                low: range.0,
                high: range.1,
            },
        ));
    }
    let (low, high) = (range.0.min(range.1), range.0.max(range.1));
    // A bound on a series the scenario lacks: said as such, before asking whether the lever
    // moves it.
    if let Goal::Bound { series, .. } = goal
        && scenario.series(series).is_none()
    {
        return Err(ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::GoalSeek,
            key: series.clone(),
        });
    }
    let scenario = scenario_for(scenario, goal);
    let plan = ProjectionPlan::new(&scenario)?;
    let index = plan
        .series_index(lever)
        .ok_or_else(|| ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::GoalSeek,
            key: lever.to_owned(),
        })?;
    if lever_value(&scenario.series[index].rule).is_none() {
        return Err(ModelError::invalid(
            "goal seek",
            lever,
            "rule",
            Reason::StepHasNoRate,
        ));
    }
    // (An unknown target or capacity measures nothing; the margin below names it.)
    let measured = goal_series(&scenario, goal);
    if !measured.is_empty() && !lever_moves_goal(&scenario, lever, goal) {
        return Err(ModelError::invalid(
            "goal seek",
            lever,
            "lever",
            Reason::LeverDoesNotMoveGoal {
                measured: measured.clone(),
            },
        ));
    }
    // The range stays within what a file may hold, so the answer can be applied and saved.
    let elasticity = matches!(
        scenario.series[index].rule,
        crate::model::Rule::GrowthAs { .. }
    );
    let within = if elasticity {
        low >= -MAX_ELASTICITY && high <= MAX_ELASTICITY
    } else {
        low > -1.0 && high <= MAX_RATE
    };
    if !within {
        return Err(ModelError::invalid(
            "goal seek",
            lever,
            "range",
            Reason::SeekRangeTooWide {
                low,
                high,
                elasticity,
            },
        ));
    }
    let at = |value: f64| margin(&plan, index, value, goal);
    let (at_low, at_high) = (at(low)?, at(high)?);
    let answer = |outcome, value: Option<f64>, margin| SeekAnswer {
        lever: lever.to_owned(),
        outcome,
        value,
        margin,
    };
    match (at_low >= 0.0, at_high >= 0.0) {
        (true, true) => {
            let (value, margin) = if at_low <= at_high {
                (low, at_low)
            } else {
                (high, at_high)
            };
            return Ok(answer(SeekOutcome::MetAcrossRange, Some(value), margin));
        }
        (false, false) => {
            return Ok(answer(
                SeekOutcome::NotMetInRange,
                None,
                at_low.max(at_high),
            ));
        }
        _ => {}
    }
    // Keep `met` on the side that meets the goal and close the bracket.
    let (mut met, mut missed) = if at_low >= 0.0 {
        (low, high)
    } else {
        (high, low)
    };
    for _ in 0..200 {
        let middle = 0.5 * (met + missed);
        if at(middle)? >= 0.0 {
            met = middle;
        } else {
            missed = middle;
        }
        if (met - missed).abs() < 1e-12 {
            break;
        }
    }
    let checked = at(met)?;
    Ok(answer(SeekOutcome::Found, Some(met), checked))
}

/// One lever's effect on a result.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    pub series: String,
    pub lever: f64,
    /// The result with the lever 10 % lower and 10 % higher.
    pub low: f64,
    pub high: f64,
}

impl Swing {
    pub fn width(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// The result a sensitivity run watches: a series in a year.
pub fn sensitivity(
    scenario: &Scenario,
    series: &str,
    year: i32,
    step: f64,
) -> Result<(f64, Vec<Swing>), ModelError> {
    let goal = Goal::Bound {
        series: series.to_owned(),
        year,
        comparison: Comparison::AtLeast,
        value: 0.0,
    };
    // A step is a share of each lever: 0.1 moves a 7 % rate to 6.3 % and 7.7 %.
    if !(step.is_finite() && step > 0.0 && step < 1.0) {
        return Err(ModelError::invalid_value(
            "sensitivity",
            series,
            "step",
            step,
            Reason::SensitivityStep,
        ));
    }
    let scenario = scenario_for(scenario, &goal);
    let plan = ProjectionPlan::new(&scenario)?;
    let target = plan
        .series_index(series)
        .ok_or_else(|| ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::Sensitivity,
            key: series.to_owned(),
        })?;
    let year_index = usize::try_from(year - scenario.base_year).map_err(|_| {
        ModelError::invalid(
            "sensitivity",
            series,
            "year",
            Reason::YearBeforeBase { year },
        )
    })?;
    let result = |lever: Option<(usize, f64)>| -> Result<f64, ModelError> {
        let values = plan.run(|i| match lever {
            Some((index, value)) if index == i => with_lever(&scenario.series[i].rule, value),
            _ => None,
        })?;
        Ok(values[target][year_index])
    };
    let base = result(None)?;
    let mut swings = Vec::new();
    for (index, s) in scenario.series.iter().enumerate() {
        // A lever of 0 has no ±10 % to move by.
        let Some(lever) = lever_value(&s.rule).filter(|v| *v != 0.0) else {
            continue;
        };
        let low = result(Some((index, lever * (1.0 - step))))?;
        let high = result(Some((index, lever * (1.0 + step))))?;
        swings.push(Swing {
            series: s.key.clone(),
            lever,
            low,
            high,
        });
    }
    swings.retain(|s| s.width() > 0.0);
    swings.sort_by(|a, b| b.width().total_cmp(&a.width()));
    Ok((base, swings))
}
