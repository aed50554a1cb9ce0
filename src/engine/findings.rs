use super::{Projection, TargetCheck};
use crate::model::Scenario;

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
}

/// Finds identical series and missed targets.
pub fn find_inconsistencies(
    scenario: &Scenario,
    projection: &Projection,
    targets: &[TargetCheck],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let milestones: Vec<i32> = scenario
        .milestones
        .iter()
        .copied()
        .filter(|&y| y > projection.base_year && y <= projection.horizon)
        .collect();
    if !milestones.is_empty() {
        for (i, first) in projection.series.iter().enumerate() {
            for second in &projection.series[i + 1..] {
                let same = first.unit == second.unit
                    && milestones.iter().all(|&year| {
                        let a = first.at(projection.base_year, year).unwrap_or(f64::NAN);
                        let b = second.at(projection.base_year, year).unwrap_or(f64::NAN);
                        a > 0.0 && (a - b).abs() <= 1e-9 * a.abs()
                    });
                if same {
                    findings.push(Finding::IdenticalSeries {
                        first: first.key.clone(),
                        second: second.key.clone(),
                    });
                }
            }
        }
    }
    findings.extend(
        targets
            .iter()
            .filter(|t| !t.met)
            .map(|t| Finding::TargetMissed {
                target: t.key.clone(),
                year: t.year,
                value: t.value,
                threshold: t.threshold,
                unit: t.unit.to_string(),
            }),
    );
    findings
}
