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
        observed: None,
        decimals: None,
        source: None,
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

fn whole(name: &str) -> Member {
    let mut scenario = hanyang_plan();
    scenario.metadata.name = name.into();
    Member {
        name: name.into(),
        parent: None,
        scenario: Definition::Full(Box::new(scenario)),
    }
}

fn workspace(members: Vec<Member>) -> Workspace {
    Workspace {
        format_version: crate::model::FORMAT_VERSION,
        workspace: members,
    }
}

#[test]
fn cycles_and_unknown_parents_are_named() {
    let cycle = workspace(vec![
        whole("root"),
        child("a", "b", Changes::default()),
        child("b", "a", Changes::default()),
    ]);
    let error = resolve(&cycle, "a").unwrap_err();
    assert!(error.to_string().contains("a → b → a"), "{error}");
    assert_eq!(error.member(), Some(1));
    let orphan = workspace(vec![
        whole("root"),
        child("c", "nobody", Changes::default()),
    ]);
    let error = resolve(&orphan, "c").unwrap_err();
    assert!(error.to_string().contains("\"nobody\""), "{error}");
    assert_eq!(error.member(), Some(1));
}

#[test]
fn duplicate_empty_and_self_parent_names_are_refused_with_both_places() {
    let duplicate = workspace(vec![
        whole("plan"),
        child("high", "plan", Changes::default()),
        child("high", "plan", Changes::default()),
    ]);
    assert_eq!(
        parents(&duplicate).unwrap_err(),
        WorkspaceError::DuplicateName {
            member: 2,
            first: 1,
            name: "high".into()
        }
    );
    // A whole scenario named like another is as ambiguous as a child.
    let twice = workspace(vec![whole("plan"), whole("plan")]);
    assert!(matches!(
        parents(&twice).unwrap_err(),
        WorkspaceError::DuplicateName {
            member: 1,
            first: 0,
            ..
        }
    ));
    let empty = workspace(vec![whole("plan"), child(" ", "plan", Changes::default())]);
    assert_eq!(
        parents(&empty).unwrap_err(),
        WorkspaceError::EmptyName { member: 1 }
    );
    let own = workspace(vec![whole("plan"), child("x", "x", Changes::default())]);
    assert!(matches!(
        parents(&own).unwrap_err(),
        WorkspaceError::OwnParent { member: 1, .. }
    ));
    assert_eq!(
        parents(&workspace(vec![])).unwrap_err(),
        WorkspaceError::Empty
    );
}

#[test]
fn a_workspace_too_large_to_resolve_is_refused_before_resolving() {
    let mut root = hanyang_plan();
    let series = root.series[0].clone();
    for i in 0..20_000 {
        let mut copy = series.clone();
        copy.key = format!("s{i}");
        root.series.push(copy);
    }
    let width = root.series.len();
    let mut members = vec![Member {
        name: "root".into(),
        parent: None,
        scenario: Definition::Full(Box::new(root)),
    }];
    for i in 0..100 {
        members.push(child(&format!("c{i}"), "root", Changes::default()));
    }
    assert_eq!(
        parents(&workspace(members)).unwrap_err(),
        WorkspaceError::TooLarge {
            members: 100,
            series: width
        }
    );
    let many: Vec<Member> = (0..=MAX_MEMBERS)
        .map(|i| Member {
            name: format!("m{i}"),
            parent: None,
            scenario: Definition::Full(Box::new(Scenario::empty())),
        })
        .collect();
    assert_eq!(
        parents(&workspace(many)).unwrap_err(),
        WorkspaceError::TooManyMembers {
            members: MAX_MEMBERS + 1
        }
    );
    assert_eq!(
        resolve(&workspace(vec![whole("a")]), "b").unwrap_err(),
        WorkspaceError::UnknownMember { name: "b".into() }
    );
}

#[test]
fn a_long_chain_resolves_each_member_once_in_order() {
    // member k changes the GDP rate to k per mille: each resolves from its parent alone.
    let mut members = vec![whole("m0")];
    for k in 1..2_000 {
        members.push(child(
            &format!("m{k}"),
            &format!("m{}", k - 1),
            Changes {
                series: vec![rate("gdp", f64::from(k) / 1e4)],
                ..Changes::default()
            },
        ));
    }
    let chain = workspace(members);
    let mut visited = Vec::new();
    for_each_resolved(&chain, |i, scenario| {
        visited.push(i);
        let expected = if i == 0 {
            hanyang_plan().series("gdp").unwrap().rule.clone()
        } else {
            Rule::growth(i as f64 / 1e4)
        };
        assert_eq!(scenario.series("gdp").unwrap().rule, expected);
        assert_eq!(scenario.metadata.name, format!("m{i}"));
        Ok::<(), WorkspaceError>(())
    })
    .unwrap();
    assert_eq!(visited, (0..2_000).collect::<Vec<_>>());
    assert_eq!(
        resolve(&chain, "m1999")
            .unwrap()
            .series("gdp")
            .unwrap()
            .rule,
        Rule::growth(0.1999)
    );
}

#[test]
fn resolve_all_matches_resolving_each_member_alone() {
    let members = workspace(vec![
        whole("plan"),
        child(
            "high",
            "plan",
            Changes {
                series: vec![rate("gdp", 0.09)],
                ..Changes::default()
            },
        ),
        child(
            "low",
            "plan",
            Changes {
                series: vec![rate("gdp", 0.05)],
                ..Changes::default()
            },
        ),
        child(
            "high-clean",
            "high",
            Changes {
                series: vec![rate("cod", 0.03)],
                ..Changes::default()
            },
        ),
    ]);
    let all = resolve_all(&members).unwrap();
    for (member, scenario) in members.workspace.iter().zip(&all) {
        assert_eq!(&resolve(&members, &member.name).unwrap(), scenario);
    }
    assert_eq!(all[3].series("gdp").unwrap().rule, Rule::growth(0.09));
    assert_eq!(all[2].series("gdp").unwrap().rule, Rule::growth(0.05));
}

#[test]
fn changes_round_trip_through_resolve() {
    let parent = hanyang_plan();
    let mut edited = parent.clone();
    edited.horizon = 2035;
    edited.series_mut("cod").unwrap().rule = Rule::growth(0.05);
    edited.series_mut("population").unwrap().base = Some(91.0);
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

#[test]
fn a_child_keeps_its_indicator_values_and_observed_series_as_changes() {
    let parent = hanyang_plan();
    let mut child = parent.clone();
    child.indicators[2].set_observed(crate::model::Observation {
        year: 2021,
        value: 25.0,
        source: "values.xlsx!指标!E4".into(),
    });
    child.series_mut("gdp").unwrap().observed = vec![crate::model::Observation {
        year: 2023,
        value: 900.0,
        source: String::new(),
    }];
    let changes = changes_from(&parent, &child).expect("stored as changes, not whole");
    assert_eq!(changes.indicators.len(), 1);
    assert_eq!(changes.indicators[0].number, "3");
    assert_eq!(changes.series.len(), 1);
    assert!(changes.series[0].observed.is_some() && changes.series[0].rule.is_none());
    let mut rebuilt = parent.clone();
    apply(&mut rebuilt, &changes).unwrap();
    assert_eq!(rebuilt, child);
    // A base value taken away cannot be a change: the child is stored whole.
    let mut emptied = parent.clone();
    emptied.series_mut("gdp").unwrap().base = None;
    assert!(changes_from(&parent, &emptied).is_none());
}

#[test]
fn a_childs_decimals_are_a_change_and_it_keeps_inheriting() {
    let parent = hanyang_plan();
    let mut child = parent.clone();
    child.series_mut("gdp").unwrap().decimals = Some(0);
    child.series_mut("cod").unwrap().decimals = None;
    let changes = changes_from(&parent, &child).expect("a display setting is a change");
    let decimals: Vec<_> = changes
        .series
        .iter()
        .map(|c| (c.key.as_str(), c.decimals))
        .collect();
    assert_eq!(decimals, [("gdp", Some(Some(0))), ("cod", Some(None))]);
    let mut rebuilt = parent.clone();
    apply(&mut rebuilt, &changes).unwrap();
    assert_eq!(rebuilt, child);
    // Written and read back as RON, the change keeps "auto" apart from "unchanged".
    let text = ron::to_string(&changes).unwrap();
    let read: Changes = ron::from_str(&text).unwrap();
    assert_eq!(read, changes);
}

#[test]
fn a_variants_notes_methods_projects_chapter_and_source_notes_are_changes_not_a_whole_copy() {
    let parent = hanyang_plan();
    let mut child = parent.clone();
    child.metadata.name = "高增长".into();
    child.metadata.notes = crate::model::Label::same("按区发改委 2024 年口径");
    child.milestones = vec![2025, 2027];
    child.periods.retain(|p| p.until == 2025);
    child
        .methods
        .water
        .nonpoint_t_per_year
        .push(("TP".into(), 12.0));
    child.projects.truncate(3);
    child.chapter.number = 4;
    let gdp = child.series_mut("gdp").unwrap();
    gdp.rule = Rule::growth(0.09);
    gdp.source.zh = "高增长情景：年均 9 %".into();
    let changes = changes_from(&parent, &child).expect("a change list holds all of these");
    assert!(changes.metadata.is_some() && changes.methods.is_some());
    assert!(changes.projects.is_some() && changes.chapter.is_some());
    assert_eq!(changes.milestones, Some(vec![2025, 2027]));
    assert_eq!(
        changes.horizon, None,
        "an unchanged horizon is not repeated"
    );
    assert_eq!(
        changes.series[0].source.as_ref().unwrap().zh,
        "高增长情景：年均 9 %"
    );
    let mut rebuilt = parent.clone();
    apply(&mut rebuilt, &changes).unwrap();
    assert_eq!(rebuilt, child);
    // A removed capacity is beyond a change list: stored whole.
    child.capacities.pop();
    assert!(changes_from(&parent, &child).is_none());
}
