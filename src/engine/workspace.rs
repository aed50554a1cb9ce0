//! Resolving inherited scenarios, and what a child changes.

use super::ModelError;
use crate::model::{
    CapacityChange, Changes, Definition, Scenario, SeriesChange, TargetChange, Workspace,
};

/// The member `name` as a whole scenario: its parent resolved first (recursively, from the
/// root down), then its own changes in the order they are listed.
pub fn resolve(workspace: &Workspace, name: &str) -> Result<Scenario, ModelError> {
    let mut chain = Vec::new();
    let mut current = name;
    loop {
        if chain.contains(&current) {
            chain.push(current);
            return Err(ModelError::Cycle {
                cycle: chain.iter().map(|s| s.to_string()).collect(),
            });
        }
        chain.push(current);
        let member = workspace
            .workspace
            .iter()
            .find(|m| m.name == current)
            .ok_or_else(|| ModelError::UnknownSeries {
                series: format!("workspace member {}", chain[0]),
                driver: current.to_owned(),
            })?;
        match (&member.scenario, &member.parent) {
            (Definition::Full(_), _) => break,
            (Definition::Changes(_), Some(parent)) => current = parent,
            (Definition::Changes(_), None) => {
                return Err(ModelError::invalid(
                    "workspace member",
                    current,
                    "parent",
                    "stores only changes but names no parent",
                ));
            }
        }
    }
    // `chain` runs from `name` to a whole scenario: apply from the root down.
    let mut scenario = Scenario::empty();
    for member_name in chain.iter().rev() {
        let member = workspace
            .workspace
            .iter()
            .find(|m| &m.name == member_name)
            .expect("found above");
        match &member.scenario {
            Definition::Full(full) => scenario = (**full).clone(),
            Definition::Changes(changes) => {
                apply(&mut scenario, changes, member_name)?;
                scenario.metadata.name = (*member_name).to_owned();
            }
        }
    }
    Ok(scenario)
}

fn apply(scenario: &mut Scenario, changes: &Changes, member: &str) -> Result<(), ModelError> {
    let unknown = |what: &str, key: &str| {
        ModelError::invalid(
            "workspace member",
            member,
            what,
            format!("the parent has no \"{key}\""),
        )
    };
    if let Some(horizon) = changes.horizon {
        scenario.horizon = horizon;
    }
    for change in &changes.series {
        let series = scenario
            .series_mut(&change.key)
            .ok_or_else(|| unknown("series", &change.key))?;
        if let Some(base) = change.base {
            series.base = base;
        }
        if let Some(rule) = &change.rule {
            series.rule = rule.clone();
        }
    }
    for change in &changes.capacities {
        let capacity = scenario
            .capacities
            .iter_mut()
            .find(|c| c.pollutant == change.pollutant)
            .ok_or_else(|| unknown("capacities", &change.pollutant))?;
        if let Some(value) = change.value {
            capacity.value = value;
        }
        if let Some(basis) = change.basis {
            capacity.basis = basis;
        }
    }
    for change in &changes.targets {
        let target = scenario
            .targets
            .iter_mut()
            .find(|t| t.key == change.key)
            .ok_or_else(|| unknown("targets", &change.key))?;
        target.threshold = change.threshold;
    }
    if let Some(uncertainty) = &changes.uncertainty {
        scenario.uncertainty = uncertainty.clone();
    }
    Ok(())
}

/// What `child` changes against `parent`, or `None` when it differs in something a change list
/// cannot hold (indicators, projects, methods, added or removed series, …): such a child is
/// stored whole.
pub fn changes_from(parent: &Scenario, child: &Scenario) -> Option<Changes> {
    let mut changes = Changes::default();
    if child.horizon != parent.horizon {
        changes.horizon = Some(child.horizon);
    }
    if child.series.len() != parent.series.len()
        || child.capacities.len() != parent.capacities.len()
        || child.targets.len() != parent.targets.len()
    {
        return None;
    }
    for (p, c) in parent.series.iter().zip(&child.series) {
        if p.key != c.key {
            return None;
        }
        let base = (p.base != c.base).then_some(c.base);
        let rule = (p.rule != c.rule).then(|| c.rule.clone());
        if base.is_some() || rule.is_some() {
            changes.series.push(SeriesChange {
                key: c.key.clone(),
                base,
                rule,
            });
        }
    }
    for (p, c) in parent.capacities.iter().zip(&child.capacities) {
        if p.pollutant != c.pollutant {
            return None;
        }
        let value = (p.value != c.value).then_some(c.value);
        let basis = (p.basis != c.basis).then_some(c.basis);
        if value.is_some() || basis.is_some() {
            changes.capacities.push(CapacityChange {
                pollutant: c.pollutant.clone(),
                value,
                basis,
            });
        }
    }
    for (p, c) in parent.targets.iter().zip(&child.targets) {
        if p.key != c.key {
            return None;
        }
        if p.threshold != c.threshold {
            changes.targets.push(TargetChange {
                key: c.key.clone(),
                threshold: c.threshold,
            });
        }
    }
    if child.uncertainty != parent.uncertainty {
        changes.uncertainty = Some(child.uncertainty.clone());
    }
    // Everything a change list holds, applied to the parent, must give the child back.
    let mut rebuilt = parent.clone();
    apply(&mut rebuilt, &changes, "check").ok()?;
    rebuilt.metadata = child.metadata.clone();
    (rebuilt == *child).then_some(changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Member, Rule};
    use crate::plan::hanyang_plan;

    fn child(name: &str, parent: &str, changes: Changes) -> Member {
        Member {
            name: name.into(),
            parent: Some(parent.into()),
            scenario: Definition::Changes(changes),
        }
    }

    fn rate(key: &str, rate: f64) -> SeriesChange {
        SeriesChange {
            key: key.into(),
            base: None,
            rule: Some(Rule::growth(rate)),
        }
    }

    #[test]
    fn inheritance_resolves_from_the_root_down_then_in_listed_order() {
        let workspace = Workspace {
            format_version: crate::model::FORMAT_VERSION,
            workspace: vec![
                Member {
                    name: "plan".into(),
                    parent: None,
                    scenario: Definition::Full(Box::new(hanyang_plan())),
                },
                child(
                    "high",
                    "plan",
                    Changes {
                        horizon: Some(2040),
                        series: vec![rate("gdp", 0.09), rate("cod", 0.09)],
                        ..Changes::default()
                    },
                ),
                // The grandchild changes COD again: its own change wins, and a later change of the
                // same series in its list wins over an earlier one.
                child(
                    "high-clean",
                    "high",
                    Changes {
                        series: vec![rate("cod", 0.08), rate("cod", 0.03)],
                        ..Changes::default()
                    },
                ),
            ],
        };
        let high_clean = resolve(&workspace, "high-clean").unwrap();
        assert_eq!(high_clean.horizon, 2040);
        assert_eq!(high_clean.series("gdp").unwrap().rule, Rule::growth(0.09));
        assert_eq!(high_clean.series("cod").unwrap().rule, Rule::growth(0.03));
        assert_eq!(resolve(&workspace, "plan").unwrap(), hanyang_plan());
    }

    #[test]
    fn cycles_and_unknown_parents_are_named() {
        let workspace = Workspace {
            format_version: crate::model::FORMAT_VERSION,
            workspace: vec![
                child("a", "b", Changes::default()),
                child("b", "a", Changes::default()),
                child("c", "nobody", Changes::default()),
            ],
        };
        assert!(
            resolve(&workspace, "a")
                .unwrap_err()
                .to_string()
                .contains("a → b → a")
        );
        assert!(
            resolve(&workspace, "c")
                .unwrap_err()
                .to_string()
                .contains("nobody")
        );
    }

    #[test]
    fn changes_round_trip_through_resolve() {
        let parent = hanyang_plan();
        let mut edited = parent.clone();
        edited.horizon = 2035;
        edited.series_mut("cod").unwrap().rule = Rule::growth(0.05);
        edited.series_mut("population").unwrap().base = 91.0;
        edited.capacities[0].value = 12_000.0;
        let changes = changes_from(&parent, &edited).unwrap();
        assert_eq!(changes.series.len(), 2);
        let workspace = Workspace {
            format_version: crate::model::FORMAT_VERSION,
            workspace: vec![
                Member {
                    name: "plan".into(),
                    parent: None,
                    scenario: Definition::Full(Box::new(parent.clone())),
                },
                child("edited", "plan", changes),
            ],
        };
        // A member that stores changes takes its name from the workspace.
        edited.metadata.name = "edited".into();
        assert_eq!(resolve(&workspace, "edited").unwrap(), edited);
        // A change a list cannot hold means the child is stored whole.
        let mut renamed = parent.clone();
        renamed.indicators.pop();
        assert!(changes_from(&parent, &renamed).is_none());
    }
}
