//! Resolving inherited scenarios, and what a child changes.

use std::collections::HashMap;

use super::ModelError;
use crate::engine::Reason;
use crate::model::{
    CapacityChange, Changes, Definition, Scenario, SeriesChange, TargetChange, Workspace,
};

/// What is wrong with the shape of a workspace: its names and parents. Members are named by
/// their position in the file's list, so that the file layer can point at their lines. Its
/// words are `refusals`'s.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkspaceError {
    Empty,
    EmptyName {
        member: usize,
    },
    DuplicateName {
        member: usize,
        first: usize,
        name: String,
    },
    OwnParent {
        member: usize,
        name: String,
    },
    UnknownParent {
        member: usize,
        name: String,
        parent: String,
    },
    NoParent {
        member: usize,
        name: String,
    },
    /// A member is its own ancestor: following parents from `member` comes back to it.
    Cycle {
        member: usize,
        names: Vec<String>,
    },
    UnknownMember {
        name: String,
    },
    TooManyMembers {
        members: usize,
    },
    TooLarge {
        members: usize,
        series: usize,
    },
    Member {
        member: usize,
        name: String,
        source: Box<ModelError>,
    },
}

impl WorkspaceError {
    /// The member the problem is about, by position in the list.
    pub fn member(&self) -> Option<usize> {
        match self {
            WorkspaceError::Empty
            | WorkspaceError::UnknownMember { .. }
            | WorkspaceError::TooManyMembers { .. }
            | WorkspaceError::TooLarge { .. } => None,
            WorkspaceError::EmptyName { member }
            | WorkspaceError::DuplicateName { member, .. }
            | WorkspaceError::OwnParent { member, .. }
            | WorkspaceError::UnknownParent { member, .. }
            | WorkspaceError::NoParent { member, .. }
            | WorkspaceError::Cycle { member, .. }
            | WorkspaceError::Member { member, .. } => Some(*member),
        }
    }
}

/// The most members a workspace may hold.
pub const MAX_MEMBERS: usize = 10_000;

/// The most series all inheriting members may resolve together (each resolved member is a
/// whole scenario, copied from its parent and checked): what a 20 MB file can ask for stays
/// within seconds.
pub const MAX_RESOLVED_SERIES: usize = 2_000_000;

/// Each member's parent by position (`None` for a scenario stored whole), after checking that
/// names are present and unique and that every chain of parents ends in a whole scenario.
/// Linear in the number of members.
pub fn parents(workspace: &Workspace) -> Result<Vec<Option<usize>>, WorkspaceError> {
    let members = &workspace.workspace;
    if members.is_empty() {
        return Err(WorkspaceError::Empty);
    }
    if members.len() > MAX_MEMBERS {
        return Err(WorkspaceError::TooManyMembers {
            members: members.len(),
        });
    }
    let inheriting = members
        .iter()
        .filter(|m| matches!(m.scenario, Definition::Changes(_)))
        .count();
    let widest = members
        .iter()
        .filter_map(|m| match &m.scenario {
            Definition::Full(scenario) => Some(scenario.series.len()),
            Definition::Changes(_) => None,
        })
        .max()
        .unwrap_or(0);
    if inheriting.saturating_mul(widest) > MAX_RESOLVED_SERIES {
        return Err(WorkspaceError::TooLarge {
            members: inheriting,
            series: widest,
        });
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        if member.name.trim().is_empty() {
            return Err(WorkspaceError::EmptyName { member: i });
        }
        if let Some(&first) = index.get(member.name.as_str()) {
            return Err(WorkspaceError::DuplicateName {
                member: i,
                first,
                name: member.name.clone(),
            });
        }
        index.insert(&member.name, i);
    }
    let mut parents = Vec::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        let parent = match (&member.scenario, &member.parent) {
            (Definition::Full(_), _) => None,
            (Definition::Changes(_), None) => {
                return Err(WorkspaceError::NoParent {
                    member: i,
                    name: member.name.clone(),
                });
            }
            (Definition::Changes(_), Some(parent)) if *parent == member.name => {
                return Err(WorkspaceError::OwnParent {
                    member: i,
                    name: member.name.clone(),
                });
            }
            (Definition::Changes(_), Some(parent)) => Some(
                *index
                    .get(parent.as_str())
                    .ok_or_else(|| WorkspaceError::UnknownParent {
                        member: i,
                        name: member.name.clone(),
                        parent: parent.clone(),
                    })?,
            ),
        };
        parents.push(parent);
    }
    // Every chain must end in a whole scenario: walk each once, marking what is known to end.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Ends,
    }
    let mut marks = vec![Mark::New; members.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..members.len() {
        let mut current = Some(start);
        while let Some(i) = current {
            match marks[i] {
                Mark::Ends => break,
                Mark::OnPath => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    let mut names: Vec<String> = path[from..]
                        .iter()
                        .map(|&p| members[p].name.clone())
                        .collect();
                    names.push(members[i].name.clone());
                    return Err(WorkspaceError::Cycle { member: i, names });
                }
                Mark::New => {
                    marks[i] = Mark::OnPath;
                    path.push(i);
                    current = parents[i];
                }
            }
        }
        for &i in &path {
            marks[i] = Mark::Ends;
        }
        path.clear();
    }
    Ok(parents)
}

/// Resolves every member, parents before children, and hands each to `visit` with its position.
/// Each member is resolved once, from its parent's resolved scenario, so the work is linear in
/// the number of members; a scenario is kept only while a child still needs it, so a chain of
/// any length holds one scenario at a time.
pub fn for_each_resolved<E: From<WorkspaceError>>(
    workspace: &Workspace,
    mut visit: impl FnMut(usize, &Scenario) -> Result<(), E>,
) -> Result<(), E> {
    let members = &workspace.workspace;
    let parents = parents(workspace)?;
    let mut children = vec![Vec::new(); members.len()];
    for (i, parent) in parents.iter().enumerate() {
        if let Some(p) = parent {
            children[*p].push(i);
        }
    }
    let member_error = |i: usize, source| WorkspaceError::Member {
        member: i,
        name: members[i].name.clone(),
        source: Box::new(source),
    };
    // (member, its scenario, how many of its children are done)
    let mut stack: Vec<(usize, Scenario, usize)> = Vec::new();
    for (root, member) in members.iter().enumerate() {
        let Definition::Full(full) = &member.scenario else {
            continue;
        };
        let scenario = (**full).clone();
        visit(root, &scenario)?;
        stack.push((root, scenario, 0));
        while let Some(top) = stack.last_mut() {
            let (i, next) = (top.0, top.2);
            let Some(&child) = children[i].get(next) else {
                stack.pop();
                continue;
            };
            top.2 += 1;
            let mut scenario = if next + 1 == children[i].len() {
                stack.pop().expect("the top exists").1
            } else {
                top.1.clone()
            };
            let Definition::Changes(changes) = &members[child].scenario else {
                unreachable!("only members that store changes have a parent")
            };
            apply(&mut scenario, changes).map_err(|source| member_error(child, source))?;
            scenario.metadata.name.clone_from(&members[child].name);
            visit(child, &scenario)?;
            stack.push((child, scenario, 0));
        }
    }
    Ok(())
}

/// Every member as a whole scenario, in the workspace's order.
pub fn resolve_all(workspace: &Workspace) -> Result<Vec<Scenario>, WorkspaceError> {
    let mut resolved: Vec<Option<Scenario>> = vec![None; workspace.workspace.len()];
    for_each_resolved(workspace, |i, scenario| {
        resolved[i] = Some(scenario.clone());
        Ok::<(), WorkspaceError>(())
    })?;
    Ok(resolved
        .into_iter()
        .map(|s| s.expect("every member is reached from a whole scenario"))
        .collect())
}

/// The member `name` as a whole scenario: its parent resolved first (from the root down), then
/// its own changes in the order they are listed. Linear in the number of members.
pub fn resolve(workspace: &Workspace, name: &str) -> Result<Scenario, WorkspaceError> {
    let members = &workspace.workspace;
    let parents = parents(workspace)?;
    let mut chain = Vec::new();
    let mut current = members.iter().position(|m| m.name == name);
    if current.is_none() {
        return Err(WorkspaceError::UnknownMember {
            name: name.to_owned(),
        });
    }
    while let Some(i) = current {
        chain.push(i);
        current = parents[i];
    }
    let mut scenario = Scenario::empty();
    for &i in chain.iter().rev() {
        match &members[i].scenario {
            Definition::Full(full) => scenario = (**full).clone(),
            Definition::Changes(changes) => {
                apply(&mut scenario, changes).map_err(|source| WorkspaceError::Member {
                    member: i,
                    name: members[i].name.clone(),
                    source: Box::new(source),
                })?;
                scenario.metadata.name.clone_from(&members[i].name);
            }
        }
    }
    Ok(scenario)
}

/// Applies a member's changes to its parent's scenario. (The member is named by the
/// `WorkspaceError::Member` around an error.)
pub fn apply(scenario: &mut Scenario, changes: &Changes) -> Result<(), ModelError> {
    let unknown = |what: &'static str, key: &str| {
        ModelError::invalid(what, key, "change", Reason::NoSuchParentEntry)
    };
    if let Some(horizon) = changes.horizon {
        scenario.horizon = horizon;
    }
    // An index, so that a member changing many series costs one pass, not one search each.
    let index: HashMap<String, usize> = if changes.series.is_empty() {
        HashMap::new()
    } else {
        let mut index = HashMap::new();
        for (i, s) in scenario.series.iter().enumerate() {
            index.entry(s.key.clone()).or_insert(i);
        }
        index
    };
    for change in &changes.series {
        let series = index
            .get(&change.key)
            .map(|&i| &mut scenario.series[i])
            .ok_or_else(|| unknown("series", &change.key))?;
        if let Some(base) = change.base {
            series.base = Some(base);
        }
        if let Some(rule) = &change.rule {
            series.rule = rule.clone();
        }
        if let Some(observed) = &change.observed {
            series.observed.clone_from(observed);
        }
        if let Some(decimals) = change.decimals {
            series.decimals = decimals;
        }
        if let Some(source) = &change.source {
            series.source.clone_from(source);
        }
    }
    for indicator in &changes.indicators {
        let row = scenario
            .indicators
            .iter_mut()
            .find(|i| i.number == indicator.number)
            .ok_or_else(|| unknown("indicators", &indicator.number))?;
        *row = indicator.clone();
    }
    let capacity_index: HashMap<String, usize> = if changes.capacities.is_empty() {
        HashMap::new()
    } else {
        let mut index = HashMap::new();
        for (i, c) in scenario.capacities.iter().enumerate() {
            index.entry(c.pollutant.clone()).or_insert(i);
        }
        index
    };
    for change in &changes.capacities {
        let capacity = capacity_index
            .get(&change.pollutant)
            .map(|&i| &mut scenario.capacities[i])
            .ok_or_else(|| unknown("capacities", &change.pollutant))?;
        if let Some(value) = change.value {
            capacity.value = value;
        }
        if let Some(basis) = change.basis {
            capacity.basis = basis;
        }
    }
    let target_index: HashMap<String, usize> = if changes.targets.is_empty() {
        HashMap::new()
    } else {
        let mut index = HashMap::new();
        for (i, t) in scenario.targets.iter().enumerate() {
            index.entry(t.key.clone()).or_insert(i);
        }
        index
    };
    for change in &changes.targets {
        let target = target_index
            .get(&change.key)
            .map(|&i| &mut scenario.targets[i])
            .ok_or_else(|| unknown("targets", &change.key))?;
        target.threshold = change.threshold;
    }
    if let Some(uncertainty) = &changes.uncertainty {
        scenario.uncertainty = uncertainty.clone();
    }
    if let Some(correlations) = &changes.correlations {
        scenario.correlations = correlations.clone();
    }
    if let Some(metadata) = &changes.metadata {
        scenario.metadata = metadata.clone();
    }
    if let Some(milestones) = &changes.milestones {
        scenario.milestones.clone_from(milestones);
    }
    if let Some(periods) = &changes.periods {
        scenario.periods.clone_from(periods);
    }
    if let Some(methods) = &changes.methods {
        scenario.methods = (**methods).clone();
    }
    if let Some(groups) = &changes.project_groups {
        scenario.project_groups.clone_from(groups);
    }
    if let Some(projects) = &changes.projects {
        scenario.projects.clone_from(projects);
    }
    if let Some(chapter) = &changes.chapter {
        scenario.chapter = (**chapter).clone();
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
        // A base value taken away cannot be written as a change: such a child is whole.
        if c.base.is_none() && p.base.is_some() {
            return None;
        }
        let base = (p.base != c.base).then_some(c.base).flatten();
        let rule = (p.rule != c.rule).then(|| c.rule.clone());
        let observed = (p.observed != c.observed).then(|| c.observed.clone());
        let decimals = (p.decimals != c.decimals).then_some(c.decimals);
        let source = (p.source != c.source).then(|| c.source.clone());
        let change = SeriesChange {
            key: c.key.clone(),
            base,
            rule,
            observed,
            decimals,
            source,
        };
        if change
            != (SeriesChange {
                key: c.key.clone(),
                ..SeriesChange::default()
            })
        {
            changes.series.push(change);
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
    if child.correlations != parent.correlations {
        changes.correlations = Some(child.correlations.clone());
    }
    if child.indicators.len() != parent.indicators.len() {
        return None;
    }
    for (p, c) in parent.indicators.iter().zip(&child.indicators) {
        if p.number != c.number {
            return None;
        }
        if p != c {
            changes.indicators.push(c.clone());
        }
    }
    // The name is the member's own; the rest of the description is a change like any other.
    let described = |m: &crate::model::Metadata| crate::model::Metadata {
        name: String::new(),
        ..m.clone()
    };
    if described(&child.metadata) != described(&parent.metadata) {
        changes.metadata = Some(child.metadata.clone());
    }
    if child.milestones != parent.milestones {
        changes.milestones = Some(child.milestones.clone());
    }
    if child.periods != parent.periods {
        changes.periods = Some(child.periods.clone());
    }
    if child.methods != parent.methods {
        changes.methods = Some(Box::new(child.methods.clone()));
    }
    if child.project_groups != parent.project_groups {
        changes.project_groups = Some(child.project_groups.clone());
    }
    if child.projects != parent.projects {
        changes.projects = Some(child.projects.clone());
    }
    if child.chapter != parent.chapter {
        changes.chapter = Some(Box::new(child.chapter.clone()));
    }
    // Everything a change list holds, applied to the parent, must give the child back.
    let mut rebuilt = parent.clone();
    apply(&mut rebuilt, &changes).ok()?;
    rebuilt.metadata.name.clone_from(&child.metadata.name);
    (rebuilt == *child).then_some(changes)
}

#[cfg(test)]
mod tests;
