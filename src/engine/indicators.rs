//! Indicator statuses, computed from values and rules, never typed: each observed value, the
//! computed value of a linked method, and the projected value of a linked series at each
//! milestone is checked against the rule of its year. The row's status, the one the Overview
//! counts, comes from them; a status the plan states stands only where there is no value.

use super::methods::ecological_index;
use super::{ModelError, Projection, metric_unit, metric_value};
use crate::model::{
    Better, Indicator, IndicatorLink, IndicatorTarget, Scenario, StatedStatus, TaskState,
};
use crate::units::Unit;

/// A computed status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// A task in progress, or a plan's "pending" (待达标).
    Pending,
    /// A rule and nothing to check it with.
    NoData,
    /// The row does not apply to this district.
    NotAssessed,
}

impl Status {
    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Pending => "pending",
            Status::NoData => "no_data",
            Status::NotAssessed => "not_assessed",
        }
    }

    pub fn of_stated(stated: StatedStatus) -> Status {
        match stated {
            StatedStatus::Met => Status::Met,
            StatedStatus::Pending => Status::Pending,
            StatedStatus::NotMet => Status::NotMet,
        }
    }

    pub fn of_task(state: TaskState) -> Status {
        match state {
            TaskState::Done => Status::Met,
            TaskState::InProgress => Status::Pending,
            TaskState::NotStarted => Status::NotMet,
        }
    }
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Typed or imported for a year.
    Observed,
    /// A linked series (or ratio) at a milestone.
    Projected,
    /// A method's result, such as EI from the EI calculator.
    Computed,
    /// No value: the status a plan states, or a task's progress.
    Stated,
}

impl Basis {
    pub fn key(self) -> &'static str {
        match self {
            Basis::Observed => "observed",
            Basis::Projected => "projected",
            Basis::Computed => "computed",
            Basis::Stated => "stated",
        }
    }
}

/// One checked value: a line of `ecoplan indicators`.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessed {
    pub year: i32,
    pub basis: Basis,
    pub value: Option<f64>,
    pub target: IndicatorTarget,
    pub status: Status,
}

/// The constant yearly change that takes the latest value to a milestone's target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NeededChange {
    /// The latest value meets the milestone's rule already.
    AlreadyMet,
    /// Percentage points (or units) a year: for shares, and where a rate cannot say it.
    PerYear(f64),
    /// A relative change a year (−0.05 is 5 % less each year): for intensities and amounts.
    Rate(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneAssessment {
    pub year: i32,
    pub target: IndicatorTarget,
    /// The linked value at the milestone, where the indicator is linked to the projection.
    pub projected: Option<Assessed>,
    /// From the latest value (or the base year's projected one) to the target; `None` for
    /// rules without a threshold or where there is no starting value.
    pub needed: Option<NeededChange>,
}

/// A stated status that a computed one contradicts.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub stated: StatedStatus,
    pub computed: Assessed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorAssessment {
    /// Observed, computed and projected values, or the stated line where there is none.
    pub lines: Vec<Assessed>,
    /// The latest observed or computed value (computed first within a year).
    pub latest: Option<Assessed>,
    pub milestones: Vec<MilestoneAssessment>,
    /// The row's status: a task's progress; else the last milestone's projected status; else
    /// the latest value's; else the stated one; else no data.
    pub status: Status,
    pub disagreement: Option<Disagreement>,
}

/// Values within this share of the threshold count as on it: 0.136 typed and 0.136 computed
/// through a unit conversion are the same target.
const TOLERANCE: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Checks `value` against `rule`; `previous` is the value it is compared with under
/// "improving": the previous observed value for an observed one, the year before for a
/// projected one.
pub fn check(rule: &IndicatorTarget, value: f64, previous: Option<f64>) -> Status {
    let met = match *rule {
        IndicatorTarget::AtLeast(t) => value >= t || close(value, t),
        IndicatorTarget::AtMost(t) => value <= t || close(value, t),
        IndicatorTarget::Equal(t) => close(value, t),
        IndicatorTarget::Improving(better) => match previous {
            None => return Status::NoData,
            // 保持稳定或持续改善: stable counts.
            Some(p) => match better {
                Better::Higher => value >= p || close(value, p),
                Better::Lower => value <= p || close(value, p),
            },
        },
        // Met by the threshold alone; otherwise it takes the previous value to say.
        IndicatorTarget::AtLeastOrRising(t) => {
            value >= t
                || close(value, t)
                || match previous {
                    None => return Status::NoData,
                    Some(p) => value > p && !close(value, p),
                }
        }
        IndicatorTarget::AtMostOrFalling(t) => {
            value <= t
                || close(value, t)
                || match previous {
                    None => return Status::NoData,
                    Some(p) => value < p && !close(value, p),
                }
        }
        IndicatorTarget::ChangeAtLeast(d) => match previous {
            None => return Status::NoData,
            Some(p) => value - p >= d || close(value - p, d),
        },
        IndicatorTarget::Task(_) => return Status::NoData,
    };
    if met { Status::Met } else { Status::NotMet }
}

/// The milestones an assessment covers: after the base year, up to the horizon.
pub fn assessed_milestones(scenario: &Scenario) -> Vec<i32> {
    let mut years: Vec<i32> = scenario
        .milestones
        .iter()
        .copied()
        .filter(|&y| y > scenario.base_year && y <= scenario.horizon)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The factor from a linked metric's unit to the indicator's. An indicator unit ecoplan does not
/// know is accepted only as a plain label ("–", or the metric's own symbol): a value silently
/// left in another unit would give a wrong status.
fn link_factor(
    scenario: &Scenario,
    indicator: &Indicator,
    metric: &crate::model::Metric,
) -> Result<f64, ModelError> {
    let item = "indicator";
    let key = indicator.number.as_str();
    let unknown = |series: &str| ModelError::UnknownSeriesUse {
        place: crate::model::references::SeriesUse::Indicator {
            number: key.to_owned(),
        },
        key: series.to_owned(),
    };
    let from = metric_unit(scenario, metric).ok_or_else(|| match metric {
        crate::model::Metric::Series(s) => unknown(s),
        crate::model::Metric::Ratio {
            numerator,
            denominator,
        } => unknown(if scenario.series(numerator).is_none() {
            numerator
        } else {
            denominator
        }),
    })?;
    match Unit::parse(&indicator.unit) {
        Ok(to) => from
            .factor_to(&to)
            .map_err(|source| ModelError::unit(item, key, source)),
        Err(_)
            if matches!(indicator.unit.trim(), "" | "–" | "-")
                || indicator.unit == from.symbol() =>
        {
            Ok(1.0)
        }
        Err(source) => Err(ModelError::unit(item, key, source)),
    }
}

/// Whether the indicator's link can be computed in this scenario: its series exist and their
/// unit converts to the indicator's. Migration keeps only links that fit, so an old file never
/// stops opening for a link it did not have.
pub fn link_fits(scenario: &Scenario, indicator: &Indicator) -> bool {
    match &indicator.link {
        Some(IndicatorLink::Metric(metric)) => link_factor(scenario, indicator, metric).is_ok(),
        Some(IndicatorLink::Ei) => scenario.methods.ei.has_land_cover(),
        None => true,
    }
}

/// The constant yearly change from `start` in `from_year` to the rule's threshold in `year`.
fn needed_change(
    rule: &IndicatorTarget,
    start: &Assessed,
    year: i32,
    unit: &str,
) -> Option<NeededChange> {
    let threshold = match *rule {
        IndicatorTarget::AtLeast(t)
        | IndicatorTarget::AtMost(t)
        | IndicatorTarget::Equal(t)
        | IndicatorTarget::AtLeastOrRising(t)
        | IndicatorTarget::AtMostOrFalling(t) => t,
        IndicatorTarget::Improving(_)
        | IndicatorTarget::ChangeAtLeast(_)
        | IndicatorTarget::Task(_) => return None,
    };
    let value = start.value?;
    if check(rule, value, None) == Status::Met {
        return Some(NeededChange::AlreadyMet);
    }
    let years = f64::from(year - start.year);
    if years <= 0.0 {
        return None;
    }
    // Shares move by points (每年提高 x 个百分点); intensities and amounts by a rate
    // (年均下降 x %), which needs both ends positive.
    if unit.trim() == "%" || value <= 0.0 || threshold <= 0.0 {
        Some(NeededChange::PerYear((threshold - value) / years))
    } else {
        Some(NeededChange::Rate(
            libm::pow(threshold / value, 1.0 / years) - 1.0,
        ))
    }
}

/// Assesses every indicator of the scenario on its projection.
pub fn assess_indicators(
    scenario: &Scenario,
    projection: &Projection,
) -> Result<Vec<IndicatorAssessment>, ModelError> {
    let milestones = assessed_milestones(scenario);
    // One EI for every row linked to it.
    let ei =
        (scenario.methods.ei.area_km2 > 0.0).then(|| ecological_index(&scenario.methods.ei).ei);
    scenario
        .indicators
        .iter()
        .map(|indicator| assess(scenario, projection, &milestones, ei, indicator))
        .collect()
}

fn assess(
    scenario: &Scenario,
    projection: &Projection,
    milestones: &[i32],
    ei: Option<f64>,
    indicator: &Indicator,
) -> Result<IndicatorAssessment, ModelError> {
    let base_year = scenario.base_year;
    let rule_of = |year| indicator.target_in(year).clone();
    // A row that does not apply is not checked at all: not even its link's units.
    if !indicator.applies {
        let line = Assessed {
            year: base_year,
            basis: Basis::Stated,
            value: None,
            target: rule_of(base_year),
            status: Status::NotAssessed,
        };
        return Ok(IndicatorAssessment {
            lines: vec![line],
            latest: None,
            milestones: milestones
                .iter()
                .map(|&year| MilestoneAssessment {
                    year,
                    target: rule_of(year),
                    projected: None,
                    needed: None,
                })
                .collect(),
            status: Status::NotAssessed,
            disagreement: None,
        });
    }

    // The projected metric in the indicator's unit, by year; a missing or non-finite value is
    // no data.
    let projected_at: Box<dyn Fn(i32) -> Option<f64>> = match &indicator.link {
        Some(IndicatorLink::Metric(metric)) => {
            let factor = link_factor(scenario, indicator, metric)?;
            let metric = metric.clone();
            Box::new(move |year| {
                metric_value(projection, &metric, year)
                    .map(|v| v * factor)
                    .filter(|v| v.is_finite())
            })
        }
        Some(IndicatorLink::Ei) | None => Box::new(|_| None),
    };
    let is_task = matches!(indicator.target, IndicatorTarget::Task(_));
    let mut observed = indicator.observed.clone();
    observed.sort_by_key(|o| o.year);
    let previous_observed = |year: i32| {
        observed
            .iter()
            .rev()
            .find(|o| o.year < year)
            .map(|o| o.value)
    };
    let mut lines: Vec<Assessed> = Vec::new();
    if !is_task {
        for (i, o) in observed.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| observed[p].value);
            let target = rule_of(o.year);
            lines.push(Assessed {
                year: o.year,
                basis: Basis::Observed,
                value: Some(o.value),
                status: check(&target, o.value, previous),
                target,
            });
        }
    }
    let computed = match (&indicator.link, ei) {
        (Some(IndicatorLink::Ei), Some(value)) if !is_task => {
            let target = rule_of(base_year);
            Some(Assessed {
                year: base_year,
                basis: Basis::Computed,
                value: Some(value),
                status: check(&target, value, previous_observed(base_year)),
                target,
            })
        }
        // A row linked to the projection has a value wherever its series have one: the base
        // year's from the base values (energy ÷ GDP of the base year gives an intensity indicator its value),
        // unless a value was observed for that year.
        (Some(IndicatorLink::Metric(_)), _)
            if !is_task && !observed.iter().any(|o| o.year == base_year) =>
        {
            projected_at(base_year).map(|value| {
                let target = rule_of(base_year);
                Assessed {
                    year: base_year,
                    basis: Basis::Computed,
                    value: Some(value),
                    status: check(&target, value, previous_observed(base_year)),
                    target,
                }
            })
        }
        _ => None,
    };
    lines.extend(computed.clone());
    let latest = lines
        .iter()
        .filter(|l| l.value.is_some())
        // The latest year; within a year, the computed value (it follows the scenario's
        // parameters) before the observed one.
        .max_by_key(|l| (l.year, l.basis == Basis::Computed))
        .cloned();

    let linked_to_projection = matches!(indicator.link, Some(IndicatorLink::Metric(_)));
    let start = latest.clone().or_else(|| {
        projected_at(base_year).map(|value| Assessed {
            year: base_year,
            basis: Basis::Projected,
            value: Some(value),
            target: rule_of(base_year),
            status: check(&rule_of(base_year), value, None),
        })
    });
    let milestone_rows: Vec<MilestoneAssessment> = milestones
        .iter()
        .map(|&year| {
            let target = rule_of(year);
            let projected = (linked_to_projection && !is_task).then(|| {
                let value = projected_at(year);
                Assessed {
                    year,
                    basis: Basis::Projected,
                    value,
                    status: match value {
                        Some(v) => check(&target, v, projected_at(year - 1)),
                        None => Status::NoData,
                    },
                    target: target.clone(),
                }
            });
            let needed = start
                .as_ref()
                .filter(|s| s.year < year)
                .and_then(|s| needed_change(&target, s, year, &indicator.unit));
            MilestoneAssessment {
                year,
                target,
                projected,
                needed,
            }
        })
        .collect();
    lines.extend(milestone_rows.iter().filter_map(|m| m.projected.clone()));

    let task_status = indicator.task.as_ref().map(|t| Status::of_task(t.state));
    let stated_status = indicator.stated.map(Status::of_stated);
    let has_value = lines.iter().any(|l| l.value.is_some());
    let status = if is_task {
        task_status.or(stated_status).unwrap_or(Status::NoData)
    } else if let Some(last) = milestone_rows
        .last()
        .and_then(|m| m.projected.as_ref())
        .filter(|p| p.value.is_some())
    {
        last.status
    } else if let Some(latest) = latest.as_ref().filter(|l| l.status != Status::NoData) {
        latest.status
    } else {
        // No value, or one that cannot be judged alone (a first value under "improving"):
        // the stated status, if the plan gives one.
        stated_status
            .or(latest.as_ref().map(|l| l.status))
            .unwrap_or(Status::NoData)
    };
    if !has_value {
        // No value: one line at the base year with the stated status (or a task's progress),
        // or "no data".
        let status = if is_task {
            status
        } else {
            stated_status.unwrap_or(Status::NoData)
        };
        // No value: whatever there is to say is stated (the plan's word, a task's progress) or
        // nothing ("no data").
        let basis = Basis::Stated;
        lines.retain(|l| l.value.is_some());
        lines.insert(
            0,
            Assessed {
                year: base_year,
                basis,
                value: None,
                target: rule_of(base_year),
                status,
            },
        );
    }

    // A stated "met" is a claim about now and the plan's end: the latest value or the last
    // projected milestone can contradict it. A stated "not met" is a claim about now: only the
    // latest value can. "Pending" is contradicted by nothing.
    let disagreement = indicator.stated.filter(|_| !is_task).and_then(|stated| {
        let contradicting = match stated {
            // The plan's end first: what a plan claims met is judged there.
            StatedStatus::Met => milestone_rows
                .last()
                .and_then(|m| m.projected.as_ref())
                .into_iter()
                .chain(latest.iter())
                // The base year's value computed from the projection's base values is the
                // start of the path to the target, not a claim the plan makes about now.
                .filter(|a| !(linked_to_projection && a.basis == Basis::Computed))
                .filter(|a| a.value.is_some())
                .find(|a| a.status == Status::NotMet),
            StatedStatus::NotMet => latest.as_ref().filter(|a| a.status == Status::Met),
            StatedStatus::Pending => None,
        };
        contradicting.map(|computed| Disagreement {
            stated,
            computed: computed.clone(),
        })
    });
    Ok(IndicatorAssessment {
        lines,
        latest,
        milestones: milestone_rows,
        status,
        disagreement,
    })
}

#[cfg(test)]
mod tests;
