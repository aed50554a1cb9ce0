use super::indicators::{Assessed, IndicatorAssessment};
use super::{Projection, TargetCheck};
use crate::model::{Scenario, StatedStatus};

/// Something in the scenario's own numbers that contradicts itself and that a planner should see.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// Two different series with the same values in every milestone year: in a published plan
    /// usually a copy error (the Hanyang plan prints ecological water use equal to domestic use).
    IdenticalSeries { first: String, second: String },
    /// The scenario's own projection misses one of its targets.
    TargetMissed {
        target: String,
        year: i32,
        value: f64,
        threshold: f64,
        unit: String,
    },
    /// A status the plan states for an indicator that its values or the scenario's projection
    /// contradict (the plan counts energy intensity met; its own projection misses 0.136).
    IndicatorDisagrees {
        number: String,
        stated: StatedStatus,
        computed: Assessed,
    },
    /// An indicator whose status reads met while a target on the same quantity is missed (a
    /// "持续改善" rule met by the trend while "优良天数 ≥ 85" is not reached): both are said.
    IndicatorTargetConflict { number: String, target: String },
    /// A key scripts and the command line cannot name (a space, a comma): the file opens, and
    /// the key wants renaming (`checks::key_errors`).
    UnreadableKey(super::ModelError),
    /// A milestone after the horizon (a file written by hand or by another tool: the window
    /// refuses one): the file opens, and the milestone is not projected until the horizon
    /// reaches it or the milestone goes.
    MilestonePastHorizon { milestone: i32, horizon: i32 },
}

/// The milestones after the scenario's horizon, which no projection reaches.
pub fn milestones_past_horizon(scenario: &Scenario) -> Vec<i32> {
    scenario
        .milestones
        .iter()
        .copied()
        .filter(|&m| m > scenario.horizon)
        .collect()
}

/// Finds identical series, missed targets and indicator statuses the values contradict.
pub fn find_inconsistencies(
    scenario: &Scenario,
    projection: &Projection,
    targets: &[TargetCheck],
    indicators: &[IndicatorAssessment],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let milestones: Vec<i32> = scenario
        .milestones
        .iter()
        .copied()
        .filter(|&y| y > projection.base_year && y <= projection.horizon)
        .collect();
    if !milestones.is_empty() {
        findings.extend(identical_series(projection, &milestones));
    }
    findings.extend(
        targets
            .iter()
            // A metric without data (a series without a base value) misses nothing yet.
            .filter(|t| !t.met && t.value.is_finite())
            .map(|t| Finding::TargetMissed {
                target: t.key.clone(),
                year: t.year,
                value: t.value,
                threshold: t.threshold,
                unit: t.unit.to_string(),
            }),
    );
    findings.extend(scenario.indicators.iter().zip(indicators).filter_map(
        |(indicator, assessment)| {
            let disagreement = assessment.disagreement.as_ref()?;
            Some(Finding::IndicatorDisagrees {
                number: indicator.number.clone(),
                stated: disagreement.stated,
                computed: disagreement.computed.clone(),
            })
        },
    ));
    findings.extend(indicator_target_conflicts(scenario, targets, indicators));
    findings.extend(
        super::checks::key_errors(scenario)
            .into_iter()
            .map(Finding::UnreadableKey),
    );
    findings.extend(
        milestones_past_horizon(scenario)
            .into_iter()
            .map(|milestone| Finding::MilestonePastHorizon {
                milestone,
                horizon: scenario.horizon,
            }),
    );
    findings
}

/// Indicators read met whose quantity (the series or ratio they are linked to) has a target
/// that is missed.
fn indicator_target_conflicts(
    scenario: &Scenario,
    targets: &[TargetCheck],
    indicators: &[IndicatorAssessment],
) -> Vec<Finding> {
    use crate::model::IndicatorLink;
    let mut conflicts = Vec::new();
    for (indicator, assessment) in scenario.indicators.iter().zip(indicators) {
        let Some(IndicatorLink::Metric(metric)) = &indicator.link else {
            continue;
        };
        if !indicator.applies || assessment.status != super::indicators::Status::Met {
            continue;
        }
        for target in scenario.targets.iter().filter(|t| &t.metric == metric) {
            let missed = targets
                .iter()
                .any(|c| c.key == target.key && !c.met && c.value.is_finite());
            if missed {
                conflicts.push(Finding::IndicatorTargetConflict {
                    number: indicator.number.clone(),
                    target: target.key.clone(),
                });
            }
        }
    }
    conflicts
}

/// Pairs of series with the same unit and the same positive values (to nine significant
/// digits) in every milestone year: each later series of a group is paired with the group's
/// first. Values are rounded before they are compared, so "the same" is an equivalence and
/// sorting puts every group together: the check is n log n in the number of series and its
/// answer linear (a file of 8 000 copies gives 7 999 findings, not 32 million).
fn identical_series(projection: &Projection, milestones: &[i32]) -> Vec<Finding> {
    let values_at = |series: &super::ProjectedSeries| -> Option<Vec<f64>> {
        milestones
            .iter()
            .map(|&year| {
                series
                    .at(projection.base_year, year)
                    .filter(|v| *v > 0.0 && v.is_finite())
                    .map(nine_digits)
            })
            .collect()
    };
    let mut candidates: Vec<(usize, &str, Vec<f64>)> = projection
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| values_at(s).map(|values| (i, s.unit.symbol(), values)))
        .collect();
    candidates.sort_by(|a, b| {
        a.1.cmp(b.1).then_with(|| {
            a.2.iter()
                .zip(&b.2)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.0.cmp(&b.0))
        })
    });
    let same = |a: &(usize, &str, Vec<f64>), b: &(usize, &str, Vec<f64>)| a.1 == b.1 && a.2 == b.2;
    let mut pairs = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        while end < candidates.len() && same(&candidates[start], &candidates[end]) {
            end += 1;
        }
        let first = candidates[start..end]
            .iter()
            .map(|c| c.0)
            .min()
            .expect("a group is never empty");
        pairs.extend(
            candidates[start..end]
                .iter()
                .map(|c| c.0)
                .filter(|&i| i != first)
                .map(|i| (first, i)),
        );
        start = end;
    }
    pairs.sort_unstable();
    pairs
        .into_iter()
        .map(|(first, second)| Finding::IdenticalSeries {
            first: projection.series[first].key.clone(),
            second: projection.series[second].key.clone(),
        })
        .collect()
}

/// A positive value rounded to nine significant digits: printed plans carry far fewer, and
/// arithmetic noise far more.
fn nine_digits(value: f64) -> f64 {
    let scale = 10f64.powi(8 - value.log10().floor() as i32);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ProjectedSeries;
    use crate::units::Unit;

    fn series(key: &str, unit: &str, values: &[f64]) -> ProjectedSeries {
        ProjectedSeries {
            key: key.into(),
            unit: Unit::parse(unit).unwrap(),
            values: values.to_vec(),
        }
    }

    fn projection(series: Vec<ProjectedSeries>) -> Projection {
        Projection::new(2021, 2023, series)
    }

    #[test]
    fn each_copy_is_paired_with_the_first_of_its_group_only() {
        let p = projection(vec![
            series("a", "t", &[1.0, 2.0, 3.0]),
            series("b", "t", &[9.0, 2.0, 3.0]),
            series("c", "t", &[1.0, 2.0 * (1.0 + 2e-12), 3.0 * (1.0 + 1e-12)]),
            // By exact values this one sorts between a and c; it does not split them.
            series("between", "t", &[1.0, 2.0 * (1.0 + 1e-12), 1.0]),
            series("d", "万 t", &[1.0, 2.0, 3.0]),
            series("e", "t", &[1.0, 2.0, 3.0]),
            series("zero", "t", &[0.0, 0.0, 0.0]),
            series("zero2", "t", &[0.0, 0.0, 0.0]),
        ]);
        let pairs: Vec<(String, String)> = identical_series(&p, &[2022, 2023])
            .into_iter()
            .map(|f| match f {
                Finding::IdenticalSeries { first, second } => (first, second),
                other => panic!("{other:?}"),
            })
            .collect();
        // b differs only in the base year, which is no milestone; d has another unit; zeros are
        // no finding (a series not yet filled in is not a copy).
        let expected = [("a", "b"), ("a", "c"), ("a", "e")];
        assert_eq!(
            pairs,
            expected
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn thousands_of_copies_give_one_finding_each() {
        let copies: Vec<ProjectedSeries> = (0..8_000)
            .map(|i| series(&format!("s{i}"), "t", &[1.0, 2.0, 3.0]))
            .collect();
        let findings = identical_series(&projection(copies), &[2022, 2023]);
        assert_eq!(findings.len(), 7_999);
        assert_eq!(
            findings[0],
            Finding::IdenticalSeries {
                first: "s0".into(),
                second: "s1".into()
            }
        );
    }
}
