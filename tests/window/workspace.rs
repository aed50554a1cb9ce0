//! Workspaces: children, compare, rename, reorder, remove, present.

use super::*;

#[test]
fn presentation_mode_pages_through_the_charts() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    assert_eq!(harness.state().presentation, Some(0));
    assert!(
        harness
            .query_by_label_contains("化学需氧量排放总量与水环境容量")
            .is_some()
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presentation, Some(1));
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert!(
        harness.state().presentation.unwrap() > 1,
        "wraps around to the last chart"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().presentation, None);
    assert!(harness.query_by_label("关键数据").is_some());
    // From the air capacity view it starts at the first air pollutant's chart.
    harness.get_by_label("大气环境容量").click();
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(harness.state().presentation.unwrap() > 0);
    assert!(
        harness
            .query_by_label_contains("二氧化硫排放量与大气环境容量")
            .is_some()
    );
    // SO₂ far below its capacity: the capacity is stated with its headroom, not drawn.
    assert!(
        harness
            .query_by_label_contains("远高于排放，未按比例绘出")
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    // The footprint and EI views start at their own charts.
    let charts = ecoplan::charts::all_charts(
        harness.state().doc.scenario(),
        harness.state().doc.analysis(),
        Lang::Zh,
    );
    let position = |key: &str| {
        charts
            .iter()
            .position(|c| c.key.to_string() == key)
            .unwrap()
    };
    for (view, key) in [(View::Footprint, "footprint"), (View::Ei, "ei")] {
        harness.state_mut().state.view = view;
        harness.run();
        harness.key_press(egui::Key::F11);
        harness.run();
        assert_eq!(harness.state().presentation, Some(position(key)), "{key}");
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
}

#[test]
fn children_of_the_plan_are_compared_saved_as_changes_and_reopened() {
    let dir = temp_dir("workspace");
    let path = dir.join("workspace.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(path.clone());
    let mut harness = harness_with(View::Assumptions, Lang::Zh, dialogs);
    harness.run();
    let plan_name = ecoplan::plan::hanyang_plan().metadata.name;
    // A low-growth child.
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    assert_eq!(harness.state().members.current, 1);
    type_into(&mut harness, "年增长率 gdp %", "5.5");
    press_enter(&mut harness);
    // Back to the plan, and a high-growth child of it.
    harness.get_by_label(&plan_name).click();
    harness.run();
    assert_eq!(harness.state().members.current, 0);
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().rule,
        ecoplan::model::Rule::growth(0.075)
    );
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    type_into(&mut harness, "年增长率 gdp %", "9");
    press_enter(&mut harness);
    // Baselines mark what the child overrides.
    harness.get_by_label("基础数据").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("已修改").count(), 1);
    // The comparison lists all three and what the current one changes.
    harness.get_by_label("情景比较").click();
    harness.run();
    assert!(harness.query_by_label("与上级情景的差异").is_some());
    assert!(harness.query_by_label("地区生产总值 · 规则").is_some());
    assert!(harness.query_by_label("年增长 9.0 %").is_some());
    let names: Vec<String> = harness
        .state()
        .members
        .slots
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names.len(), 3);
    for name in &names {
        assert!(
            harness.query_all_by_label_contains(name).count() >= 1,
            "{name}"
        );
    }
    // Saved as a workspace whose children store only their changes.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().any_dirty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.matches("Changes(").count(),
        2,
        "{}",
        &text[text.len().saturating_sub(800)..]
    );
    match ecoplan::io::load_any(&path).unwrap() {
        ecoplan::io::Loaded::Workspace(workspace) => {
            let high = ecoplan::engine::workspace::resolve(&workspace, &names[2]).unwrap();
            assert_eq!(
                high.series("gdp").unwrap().rule,
                ecoplan::model::Rule::growth(0.09)
            );
        }
        other => panic!("{other:?}"),
    }
    // Reopened, the workspace comes back whole.
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.open(&path);
    assert!(app.open_error.is_none(), "{:?}", app.open_error);
    assert_eq!(app.members.slots.len(), 3);
    assert_eq!(
        app.members.slots[2].parent.as_deref(),
        Some(plan_name.as_str())
    );
}

#[test]
fn removing_a_scenario_asks_marks_unsaved_and_undo_brings_it_back_with_its_edits() {
    let mut harness = harness(View::Assumptions, Lang::Zh);
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    type_into(&mut harness, "年增长率 gdp %", "9");
    press_enter(&mut harness);
    let names = member_names(&harness);
    let child = names[1].clone();
    // Saved, so that the removal alone makes the workspace unsaved.
    let dir = temp_dir("remove-member");
    harness.state_mut().members.path = Some(dir.join("w.ron"));
    assert!(harness.state_mut().save());
    assert!(!harness.state().any_dirty());
    harness.get_by_label("删除情景").click();
    harness.run();
    // It asks first, naming the scenario; Cancel keeps the member.
    assert!(
        harness
            .query_by_label(&format!("删除此情景？可用“撤销”恢复：{child}"))
            .is_some()
    );
    harness.get_by_label("取消").click();
    harness.run();
    assert_eq!(member_names(&harness).len(), 2);
    harness.get_by_label("删除情景").click();
    harness.run();
    harness.get_by_label("删除").click();
    harness.run();
    assert_eq!(member_names(&harness).len(), 1);
    assert!(harness.state().any_dirty(), "the removal is unsaved");
    assert!(harness.state().title().contains('●'));
    // Undo brings the member back, with the edit made in it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(member_names(&harness), names);
    assert_eq!(harness.state().members.current, 1);
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().rule,
        ecoplan::model::Rule::growth(0.09)
    );
    assert!(!harness.state().any_dirty(), "back as saved");
    // Redo removes it again; opening another file then asks about the unsaved removal.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(member_names(&harness).len(), 1);
    assert!(harness.state().any_dirty());
    click_menu(&mut harness, "文件", "新建（汉阳区规划）");
    assert!(harness.query_by_label("有未保存的修改").is_some());
    assert_eq!(
        member_names(&harness).len(),
        1,
        "nothing replaced before the answer"
    );
}

#[test]
fn renaming_and_reordering_scenarios_are_undoable_and_children_follow() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let names = member_names(&harness);
    assert_eq!(
        harness.state().members.slots[2].parent.as_ref(),
        Some(&names[1])
    );
    // Rename the middle one: its child's parent follows.
    harness.get_by_label(&names[1]).click();
    harness.run();
    harness.get_by_label("重命名情景").click();
    harness.run();
    harness.get_by_label("新名称").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("新名称").type_text(&names[0]);
    harness.run();
    // A name in use is refused before it is applied.
    assert!(harness.query_by_label("已有同名情景").is_some());
    harness.get_by_label("新名称").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("新名称")
        .type_text("高增长 High growth");
    harness.run();
    harness.get_by_label("重命名").click();
    harness.run();
    assert_eq!(member_names(&harness)[1], "高增长 High growth");
    assert_eq!(
        harness.state().members.slots[2].parent.as_deref(),
        Some("高增长 High growth")
    );
    assert!(harness.state().any_dirty());
    // The middle one cannot move up past its own parent, nor down past its own child.
    assert!(
        !harness
            .state()
            .enabled(ecoplan::ui::UiCommand::MoveScenarioUp)
    );
    assert!(
        !harness
            .state()
            .enabled(ecoplan::ui::UiCommand::MoveScenarioDown)
    );
    // Undo the rename.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(member_names(&harness), names);
    assert_eq!(
        harness.state().members.slots[2].parent.as_ref(),
        Some(&names[1])
    );
    // Two children of the plan can change places.
    harness.get_by_label(&names[0]).click();
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let before = member_names(&harness);
    assert_eq!(before.len(), 4);
    // The new one (last) changes places with its sibling, the plan's first child; the
    // grandchild stays under its own parent in the navigator.
    harness.get_by_label("情景上移").click();
    harness.run();
    let moved = member_names(&harness);
    assert_eq!(moved[1], before[3]);
    assert_eq!(moved[3], before[1]);
    let shown: Vec<(String, usize)> = harness
        .state()
        .members
        .tree()
        .into_iter()
        .map(|(i, depth)| (moved[i].clone(), depth))
        .collect();
    assert_eq!(
        shown,
        vec![
            (before[0].clone(), 0),
            (before[3].clone(), 1),
            (before[1].clone(), 1),
            (before[2].clone(), 2),
        ]
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(member_names(&harness), before);
}

#[test]
fn save_as_on_a_workspace_saves_the_workspace_and_title_and_status_name_its_file() {
    let dir = temp_dir("save-as-workspace");
    let path = dir.join("variants.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(path.clone());
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    click_menu(&mut harness, "文件", "另存为…");
    match ecoplan::io::load_any(&path).unwrap() {
        ecoplan::io::Loaded::Workspace(workspace) => assert_eq!(workspace.workspace.len(), 2),
        other => panic!("a scenario was saved instead of the workspace: {other:?}"),
    }
    let app = harness.state();
    assert!(!app.any_dirty());
    assert_eq!(app.current_file(), Some(path.as_path()));
    assert!(app.title().starts_with("variants.ron"), "{}", app.title());
    assert!(
        harness
            .query_by_label(&path.display().to_string())
            .is_some()
    );
    // The status bar confirms the save.
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|m| m.starts_with("已保存：")),
        "{:?}",
        harness.state().notice
    );
}

#[test]
fn undo_finds_each_member_by_identity_even_when_another_took_its_name() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    let plan = member_names(&harness)[0].clone();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let child = member_names(&harness)[1].clone();
    type_into(&mut harness, "基准年数值 gdp", "801");
    press_enter(&mut harness);
    // Remove the child (from the overview, where no series has a Remove button), then give
    // the plan the child's old name.
    harness.state_mut().state.view = View::Overview;
    harness.run();
    harness.get_by_label("删除情景").click();
    harness.run();
    harness.get_by_label("删除").click();
    harness.run();
    harness.state_mut().rename_member(&child);
    harness.run();
    assert_eq!(member_names(&harness), vec![child.clone()]);
    // Undo: the rename, the removal, then the child's own edit, in the child.
    for _ in 0..3 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(member_names(&harness), vec![plan.clone(), child.clone()]);
    let app = harness.state();
    assert_eq!(app.members.current, 1);
    assert_eq!(
        app.doc.scenario().series("gdp").unwrap().base.unwrap(),
        792.86
    );
    assert_eq!(
        app.doc_at(0)
            .unwrap()
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        792.86,
        "the plan was never edited"
    );
}

#[test]
fn a_slide_follows_an_edit_made_while_presenting_and_the_language() {
    let mut harness = harness(View::CapacityWater, Lang::En);
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("COD emissions and the water capacity")
            .is_some()
    );
    // COD's capacity cut below its emission: the slide's level follows at once.
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        ecoplan::ui::Command::Apply {
            edit: ecoplan::document::Edit::SetCapacity {
                pollutant: "COD".into(),
                value: 3_000.0,
            },
            merge: false,
        },
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Capacity 3,000.00 t/a")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("First year of exceedance 2021")
            .is_some()
    );
    harness.state_mut().state.lang = Lang::Zh;
    harness.run();
    assert!(
        harness
            .query_by_label_contains("化学需氧量排放总量与水环境容量")
            .is_some()
    );
}

#[test]
fn presenting_another_member_shows_its_charts_not_the_last_ones() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(path);
    let mut harness = harness_with(View::CapacityWater, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "打开…");
    assert!(harness.state().members.slots.len() > 1);
    harness.key_press(egui::Key::F11);
    harness.run();
    let shown = |h: &Harness<'static, EcoplanApp>| {
        let (_, charts) = h.state().presentation_charts.as_ref().unwrap();
        charts[0].source_note.clone()
    };
    let first = shown(&harness);
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.state_mut().switch_member(2);
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    let second = shown(&harness);
    assert_ne!(first, second, "the slides name the member shown");
    assert!(second.contains(&harness.state().doc.scenario().metadata.name));
}

#[test]
fn a_parents_edit_reaches_its_children_and_grandchildren_and_undo_takes_them_back_together() {
    let mut harness = harness(View::Assumptions, Lang::Zh);
    harness.run();
    let plan_name = ecoplan::plan::hanyang_plan().metadata.name;
    // A child with a rate of its own, and a grandchild of it.
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    type_into(&mut harness, "年增长率 gdp %", "5.5");
    press_enter(&mut harness);
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    assert_eq!(harness.state().members.slots.len(), 3);
    // Back to the plan: its GDP base value changes, and so does its own rate.
    harness.get_by_label(&plan_name).click();
    harness.run();
    harness.get_by_label("基础数据").click();
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    let app = harness.state();
    for member in [1, 2] {
        assert_eq!(base_of(app, member, "gdp"), Some(800.0), "member {member}");
        // The child's own rate stays its own.
        assert_eq!(
            rule_of(app, member, "gdp"),
            ecoplan::model::Rule::growth(0.055)
        );
    }
    // The analysis of a follower is its own, made from the followed scenario.
    let child_gdp = app
        .doc_at(1)
        .unwrap()
        .analysis()
        .projection
        .value("gdp", 2022);
    assert!(
        (child_gdp.unwrap() - 800.0 * 1.055).abs() < 1e-9,
        "{child_gdp:?}"
    );
    // The plan's rate changes: the children keep theirs.
    harness.get_by_label("情景假设").click();
    harness.run();
    type_into(&mut harness, "年增长率 gdp %", "7");
    press_enter(&mut harness);
    assert_eq!(
        rule_of(harness.state(), 1, "gdp"),
        ecoplan::model::Rule::growth(0.055)
    );
    // One undo takes back the plan's rate; the next its base value, in all three at once.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let app = harness.state();
    for member in [0, 1, 2] {
        assert_eq!(base_of(app, member, "gdp"), Some(792.86), "member {member}");
    }
    // Redo brings it back everywhere.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    for member in [0, 1, 2] {
        assert_eq!(
            base_of(harness.state(), member, "gdp"),
            Some(800.0),
            "member {member}"
        );
    }
}

#[test]
fn a_child_whose_changes_no_change_list_holds_is_saved_whole_only_when_the_user_says_so() {
    let dir = temp_dir("detach");
    let path = dir.join("workspace.ron");
    let dialogs = ScriptedDialogs::default();
    // Picked twice: the first save is cancelled.
    dialogs
        .save
        .borrow_mut()
        .extend([path.clone(), path.clone()]);
    let mut harness = harness_with(View::Assumptions, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    // The child drops a capacity: a change list cannot say that.
    let child = harness.state().members.current_name().to_owned();
    harness.state_mut().state.view = View::CapacityAir;
    harness.run();
    harness.get_by_label("编辑环境容量 二氧化硫（SO2）").click();
    harness.run();
    harness.get_by_label("删除环境容量 SO2").click();
    harness.run();
    assert_eq!(harness.state().doc.scenario().capacities.len(), 4);
    assert!(
        harness.state().message.is_none(),
        "{:?}",
        harness.state().message
    );
    click_menu(&mut harness, "文件", "另存为…");
    assert!(harness.query_by_label("断开继承？").is_some());
    assert!(
        harness
            .query_by_label_contains(&format!("或改了名称、单位）：{child}。"))
            .is_some()
    );
    harness.get_by_label("取消").click();
    harness.run();
    assert!(!path.exists());
    assert!(harness.state().any_dirty());
    // Asked again, and saved whole.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("保存为完整情景").click();
    harness.run();
    assert!(!harness.state().any_dirty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("Changes(").count(), 0);
    assert_eq!(text.matches("Full(").count(), 2);
    // The window says what the file holds: the child no longer inherits, and is not asked
    // about again.
    assert_eq!(harness.state().members.slots[1].parent, None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(harness.query_by_label("断开继承？").is_none());
}
