//! Editing values in the views: entries, refusals, undo, language, filters, shortcuts.

use super::*;

#[test]
fn opening_any_view_changes_nothing() {
    for view in View::ALL.iter().copied() {
        for lang in [Lang::Zh, Lang::En] {
            let mut harness = harness(view, lang);
            harness.run();
            let app = harness.state();
            assert!(
                app.doc.undo_edit().is_none(),
                "{view:?} {lang:?} applied {:?}",
                app.doc.undo_edit()
            );
            assert!(!app.doc.is_dirty());
        }
    }
}

#[test]
fn editing_a_baseline_changes_the_table_and_the_capacity_status() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    assert_eq!(cod_first_exceedance(harness.state()), None);
    type_into(&mut harness, "基准年数值 cod", "20000");
    press_enter(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.doc.scenario().series("cod").unwrap().base.unwrap(),
        20000.0
    );
    assert_eq!(cod_first_exceedance(app), Some(2021));
    assert!(app.doc.is_dirty());
    // The projection table shows the new value, and the capacity view the new status.
    harness.get_by_label("预测结果").click();
    harness.run();
    // COD in its printed precision, grouped: the plan prints 5,363.60.
    assert!(harness.query_by_label("20,000.00").is_some());
    harness.get_by_label("水环境容量").click();
    harness.run();
    assert!(harness.query_by_label("首次超载年份：2021").is_some());
    // The status says the whole period: over capacity from the base year to the horizon.
    assert!(
        harness
            .query_by_label("自基准年（2021 年）起超载")
            .is_some()
    );
}

#[test]
fn an_invalid_entry_shows_why_and_leaving_the_field_reverts_it_with_the_reason_kept() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 population", "-5");
    // Named by the field's label and the unit, with what was typed.
    let reason = "-5 万人：不能为负数";
    assert!(
        harness.query_by_label(reason).is_some(),
        "the reason is shown while typing"
    );
    press_enter(&mut harness);
    let population = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .scenario()
            .series("population")
            .unwrap()
            .base
            .unwrap()
    };
    assert_eq!(population(&harness), 90.0);
    assert!(!harness.state().doc.is_dirty());
    // Left, the field shows the scenario's value again, and the reason is in the messages.
    assert_eq!(
        harness
            .get_by_label("基准年数值 population")
            .value()
            .as_deref(),
        Some("90.00")
    );
    let message = harness.state().message.clone().unwrap();
    assert_eq!(
        message,
        "未采用：基准年数值 · 常住人口：-5 万人：不能为负数"
    );
    assert!(harness.query_by_label(&format!("⚠ {message}")).is_some());
    type_into(&mut harness, "基准年数值 population", "lots");
    assert!(harness.query_by_label("“lots”不是数字").is_some());
    // An emptied field is asked for a value, not told that "" is no number.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert!(harness.query_by_label("请填写数值").is_some());
    assert_eq!(population(&harness), 90.0);
}

#[test]
fn a_rate_typed_in_percent_is_refused_in_percent() {
    let mut harness = harness(View::Assumptions, Lang::En);
    harness.run();
    type_into(&mut harness, "Annual growth cod %", "-500");
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap();
    assert!(
        message.contains("-500 %: a yearly rate must lie above −100 % and at most +100 %"),
        "{message}"
    );
    assert!(!message.contains("0.075"), "no fractions: {message}");
    assert!(
        !message.contains("(cod)") && message.contains("COD"),
        "{message}"
    );
    assert_eq!(
        harness.state().doc.scenario(),
        &ecoplan::plan::hanyang_plan()
    );
    // In Chinese too.
    harness.state_mut().state.lang = Lang::Zh;
    harness.run();
    type_into(&mut harness, "年增长率 cod %", "500");
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap();
    assert!(
        message.contains("500 %：年变化率须大于 −100 % 且不超过 +100 %"),
        "{message}"
    );
}

#[test]
fn typing_a_horizon_commits_the_year_typed_not_its_first_digits() {
    let mut harness = harness(View::Assumptions, Lang::Zh);
    harness.run();
    harness.get_by_label("预测终年 年份").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    for digit in ["2", "0", "6", "0"] {
        harness.get_by_label("预测终年 年份").type_text(digit);
        harness.run();
        // Nothing is applied while typing.
        assert_eq!(harness.state().doc.scenario().horizon, 2028);
        assert!(harness.state().doc.undo_edit().is_none());
    }
    press_enter(&mut harness);
    assert_eq!(harness.state().doc.scenario().horizon, 2060);
    // One edit, one undo step.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario().horizon, 2028);
    // A year outside the range is refused and the field goes back.
    type_into(&mut harness, "预测终年 年份", "2100");
    press_enter(&mut harness);
    assert_eq!(harness.state().doc.scenario().horizon, 2028);
    assert!(
        harness
            .state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("2100：年份须在 2028–2060 之间")),
        "{:?}",
        harness.state().message
    );
    assert_eq!(
        harness.get_by_label("预测终年 年份").value().as_deref(),
        Some("2028")
    );
}

#[test]
fn escape_cancels_an_entry() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "1");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        792.86
    );
    assert_eq!(
        harness.get_by_label("基准年数值 gdp").value().as_deref(),
        Some("792.86")
    );
}

#[test]
fn undo_and_redo_restore_values_by_shortcut_and_menu() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    assert_eq!(
        harness.state().doc.analysis().projection.value("gdp", 2021),
        Some(800.0)
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.analysis().projection.value("gdp", 2021),
        Some(792.86)
    );
    assert!(!harness.state().doc.is_dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(
        harness.state().doc.analysis().projection.value("gdp", 2021),
        Some(800.0)
    );
    // The Edit menu names the edit it would undo.
    harness.get_by_label("编辑").click();
    harness.run();
    harness
        .get_by_label_contains("撤销：修改地区生产总值的基准年数值")
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        792.86
    );
}

#[test]
fn the_language_switch_changes_the_labels() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    assert!(harness.query_by_label("概览").is_some());
    assert!(harness.query_by_label("Overview").is_none());
    harness.get_by_label("视图").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().state.lang, Lang::En);
    assert!(harness.query_by_label("Overview").is_some());
    assert!(harness.query_by_label("概览").is_none());
    assert!(harness.query_by_label("Key figures").is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label("关键数据").is_some());
}

#[test]
fn cod_at_nine_percent_moves_the_first_exceedance_and_undo_brings_the_plan_back() {
    let mut harness = harness(View::Assumptions, Lang::Zh);
    harness.run();
    let horizon = "预测终年滑块";
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, horizon)
        .set_value_accesskit(2060.0);
    harness.run();
    assert_eq!(harness.state().doc.scenario().horizon, 2060);
    // At the plan's 7.02 %/yr COD reaches its 15 314.61 t/a capacity in 2044.
    assert_eq!(cod_first_exceedance(harness.state()), Some(2044));
    type_into(&mut harness, "年增长率 cod %", "9");
    press_enter(&mut harness);
    assert_eq!(cod_first_exceedance(harness.state()), Some(2039));
    harness.get_by_label("概览").click();
    harness.run();
    assert!(
        harness.query_by_label("2039").is_some(),
        "the overview shows the new year"
    );
    // Switch language and back, then undo both edits: the plan's numbers again.
    harness.get_by_label("视图").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("中文").click();
    harness.run();
    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(
        harness.state().doc.scenario(),
        &ecoplan::plan::hanyang_plan()
    );
    assert_eq!(cod_first_exceedance(harness.state()), None);
}

#[test]
fn indicator_filters_show_only_matching_rows() {
    let mut harness = harness(View::Indicators, Lang::Zh);
    harness.run();
    // The EI row's name is also a heading of the navigation: counted with it.
    let ei_row = "生态环境状况指数";
    let ei_shown = harness.query_all_by_label(ei_row).count();
    assert!(ei_shown >= 1);
    assert!(harness.query_by_label("河长制").is_some());
    harness.get_by_label("仅未达标").click();
    harness.run();
    assert!(harness.query_by_label("河长制").is_none());
    // Indicator 10 is not met: its row stays.
    assert_eq!(harness.query_all_by_label(ei_row).count(), ei_shown);
    harness.get_by_label("仅难达标").click();
    harness.run();
    assert!(
        harness
            .query_by_label("生态文明建设工作占党政实绩考核的比例")
            .is_none()
    );
    assert!(harness.query_by_label("林草覆盖率").is_some());
}

#[test]
fn copying_the_projection_table_gives_tab_separated_text() {
    let mut harness = harness(View::Projections, Lang::Zh);
    harness.run();
    harness.get_by_label("复制表格（可粘贴到 Excel）").click();
    // The copy is in the output of the frame that handles the click.
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1);
    assert!(copied[0].starts_with("序列\t单位\t2021"));
    assert!(copied[0].contains("\n地区生产总值\t亿元\t792.86\t"));
}

#[test]
fn the_command_palette_runs_what_is_typed_in_either_language() {
    let mut harness = harness(View::Overview, Lang::En);
    harness.run();
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::P,
    );
    harness.run();
    assert!(harness.state().palette.is_some());
    harness
        .get_by_label("Command palette")
        .type_text("new child");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().members.slots.len(), 2);
    assert!(harness.state().palette.is_none());
    // Chinese words find the same commands.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::P,
    );
    harness.run();
    harness.get_by_label("Command palette").type_text("撤销");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().members.slots.len(), 1, "undo ran");
}

#[test]
fn copying_a_chart_says_so_in_the_status_bar() {
    let mut harness = harness(View::CapacityWater, Lang::Zh);
    harness.run();
    harness.get_all_by_label("复制图片").next().unwrap().click();
    harness.run();
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|m| m.starts_with("已复制图片：")),
        "{:?}",
        harness.state().notice
    );
}

#[test]
fn esc_closes_the_rename_question_and_the_palette() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let names = member_names(&harness);
    harness.get_by_label("重命名情景").click();
    harness.run();
    assert!(harness.query_by_label("新名称").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("新名称").is_none());
    assert_eq!(member_names(&harness), names);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::P,
    );
    harness.run();
    assert!(harness.state().palette.is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().palette.is_none());
}

#[test]
fn shortcuts_wait_while_a_field_has_the_keyboard() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    assert_eq!(harness.state().history.len(), 1);
    // Typing in another field: Ctrl+Z belongs to the field, not to the workbench's undo.
    replace_text(&mut harness, "基准年数值 population", "91");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        800.0
    );
    assert_eq!(harness.state().history.len(), 1);
}

#[test]
fn help_shows_the_guide_and_every_command_with_its_shortcut() {
    let mut harness = harness(View::Overview, Lang::En);
    harness.run();
    click_menu(&mut harness, "Help", "Guide");
    assert!(harness.query_by_label("The views").is_some());
    // The navigator's entry and the guide's section.
    assert_eq!(harness.query_all_by_label("Goal seek").count(), 2);
    // In Chinese, the Chinese guide.
    harness.state_mut().state.lang = Lang::Zh;
    harness.run();
    assert!(harness.query_by_label("各视图").is_some());
    harness.state_mut().state.lang = Lang::En;
    harness.run();
    click_menu(&mut harness, "Help", "Keyboard shortcuts");
    assert!(
        harness.state().help == Some(ecoplan::app::HelpPage::KeyboardShortcuts),
        "the shortcuts page is open"
    );
    let shortcut = harness
        .ctx
        .format_shortcut(&ecoplan::ui::UiCommand::CommandPalette.shortcuts()[0]);
    assert!(harness.query_by_label(&shortcut).is_some(), "{shortcut}");
    // F1 opens the guide from anywhere.
    harness.key_press(egui::Key::F1);
    harness.run();
    assert_eq!(harness.state().help, Some(ecoplan::app::HelpPage::Guide));
}

#[test]
fn the_guide_covers_every_view_in_both_languages() {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs");
    for (lang, file) in [(Lang::Zh, "guide.zh.md"), (Lang::En, "guide.en.md")] {
        let guide = std::fs::read_to_string(docs.join(file)).unwrap();
        for view in View::ALL.iter().copied() {
            let title = view.title().get(lang);
            assert!(
                guide.contains(&format!("### {title}\n")),
                "{file} has no section on {title}"
            );
        }
    }
}

#[test]
fn a_typed_indicator_value_turns_the_status_in_the_same_frame_and_undo_brings_it_back() {
    use ecoplan::engine::indicators::Status;
    let mut harness = harness(View::Indicators, Lang::Zh);
    harness.run();
    assert_eq!(indicator_status(&harness, "3"), Status::NotMet);
    assert_eq!(
        harness.query_all_by_label("未达标（据规划）").count(),
        2,
        "3 and 11"
    );
    // Text is refused with its reason, and nothing changes.
    type_into(&mut harness, "2021 年值 3", "twenty");
    press_enter(&mut harness);
    assert_eq!(indicator_status(&harness, "3"), Status::NotMet);
    assert!(!harness.state().doc.is_dirty());
    type_into(&mut harness, "2021 年值 3", "25");
    press_enter(&mut harness);
    assert_eq!(indicator_status(&harness, "3"), Status::Met);
    assert!(harness.state().doc.is_dirty());
    let row = &harness.state().doc.scenario().indicators[2];
    assert_eq!(row.observed_in(2021).map(|o| o.value), Some(25.0));
    // The Overview's count follows: 27 met now.
    harness.state_mut().state.view = View::Overview;
    harness.run();
    assert!(harness.query_by_label("已达标 27").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.query_by_label("已达标 26").is_some());
    harness.run();
    assert_eq!(indicator_status(&harness, "3"), Status::NotMet);
    assert!(
        harness.state().doc.scenario().indicators[2]
            .observed
            .is_empty()
    );
}

#[test]
fn the_details_panel_edits_values_stated_statuses_and_task_progress() {
    use ecoplan::engine::indicators::Status;
    let mut harness = harness(View::Indicators, Lang::Zh);
    harness.run();
    assert!(harness.query_by_label("计算方法").is_none());
    harness.get_by_label("20").click();
    harness.run();
    // How indicator 20 is computed, and the yearly change each milestone needs.
    assert!(harness.query_by_label("计算方法").is_some());
    assert!(harness.query_by_label_contains("关联预测比值").is_some());
    assert_eq!(
        harness.query_all_by_label_contains("年均 ").count(),
        2,
        "one per milestone"
    );
    // A value typed for 2023 (a mid-term review) is an observed value with its own status.
    harness.get_by_label("关闭").click();
    harness.run();
    harness.get_by_label("7").click();
    harness.run();
    type_into(&mut harness, "添加 年份 7", "2023");
    press_enter(&mut harness);
    type_into(&mut harness, "2023 年值 7", "86");
    press_enter(&mut harness);
    let air = &harness.state().doc.scenario().indicators[6];
    assert_eq!(air.observed_in(2023).map(|o| o.value), Some(86.0));
    // Removing it takes it away again.
    harness.get_by_label("删除 7 2023").click();
    harness.run();
    assert!(
        harness.state().doc.scenario().indicators[6]
            .observed_in(2023)
            .is_none()
    );
    // A task's progress sets its status.
    harness.get_by_label("关闭").click();
    harness.run();
    harness.get_by_label("1").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "1"), Status::Pending);
    harness.get_by_label("任务进展 1").click();
    harness.run();
    harness.get_by_label("已完成").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "1"), Status::Met);
    // Indicator 3's stated status set to none: no data until a value comes.
    harness.get_by_label("关闭").click();
    harness.run();
    harness.get_by_label("3").click();
    harness.run();
    harness.get_by_label("规划所述状态 3").click();
    harness.run();
    harness.get_by_label("无").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "3"), Status::NoData);
}

#[test]
fn a_new_coastal_county_has_its_rows_waiting_for_values() {
    use ecoplan::engine::indicators::Status;
    let mut harness = harness(View::Indicators, Lang::Zh);
    harness.run();
    click_menu(&mut harness, "文件", "新建示范区（国家指标框架）…");
    let name = || (egui::accesskit::Role::TextInput, "地区名称");
    harness.get_by_role_and_label(name().0, name().1).focus();
    harness.run();
    harness
        .get_by_role_and_label(name().0, name().1)
        .type_text("Test county");
    harness.run();
    radio(&mut harness, "县");
    harness.get_by_label("沿海").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("适用指标 35 项（共 40 项）")
            .is_some()
    );
    harness.get_by_label("创建").click();
    harness.run();
    let app = harness.state();
    let scenario = app.doc.scenario();
    assert_eq!(scenario.metadata.name, "Test county");
    assert_eq!(scenario.indicators.iter().filter(|i| i.applies).count(), 35);
    // Every applicable row waits for a value; the series have no base values and the views say
    // "no data" rather than show zeros.
    let statuses: Vec<Status> = app
        .doc
        .analysis()
        .indicators
        .iter()
        .map(|a| a.status)
        .collect();
    assert!(
        statuses
            .iter()
            .all(|s| [Status::NoData, Status::NotAssessed].contains(s))
    );
    assert!(scenario.series.iter().all(|s| s.base.is_none()));
    harness.state_mut().state.view = View::Projections;
    harness.run();
    assert!(
        harness.query_all_by_label("无数据").count() >= 1,
        "the chart says so"
    );
    assert!(
        harness.query_all_by_label("–").count() > 100,
        "the table has no zeros"
    );
    assert!(harness.query_by_label("0.00").is_none());
    // A value typed turns a row: wastewater treatment 92 % against ≥ 95 %. The coastal row 9
    // ("improving") needs a second year before it can say.
    harness.state_mut().state.view = View::Indicators;
    harness.run();
    type_into(&mut harness, "2021 年值 29", "92");
    press_enter(&mut harness);
    assert_eq!(indicator_status(&harness, "29"), Status::NotMet);
    type_into(&mut harness, "2021 年值 9", "92");
    press_enter(&mut harness);
    assert_eq!(indicator_status(&harness, "9"), Status::NoData);
}

#[test]
fn an_entry_being_typed_is_checked_once_not_in_every_frame_that_draws_it() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    // 91 passes the field's own bounds, so the engine checks the scenario with it.
    let before = ecoplan::engine::analyses_run();
    type_into(&mut harness, "基准年数值 population", "91");
    let typed = ecoplan::engine::analyses_run();
    assert!(typed > before, "the entry typed is checked");
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(
        ecoplan::engine::analyses_run(),
        typed,
        "frames that only draw the entry check it again"
    );
    // Typed on, it is checked again; committed, it is applied.
    type_into(&mut harness, "基准年数值 population", "92");
    assert!(ecoplan::engine::analyses_run() > typed);
    press_enter(&mut harness);
    let base = harness
        .state()
        .doc
        .scenario()
        .series("population")
        .unwrap()
        .base;
    assert_eq!(base, Some(92.0));
}

#[test]
fn frames_with_nothing_changed_run_no_analysis_in_any_view() {
    for view in View::ALL.iter().copied() {
        let mut harness = harness(view, Lang::Zh);
        harness.run();
        let before = ecoplan::engine::analyses_run();
        for _ in 0..5 {
            harness.step();
        }
        assert_eq!(
            ecoplan::engine::analyses_run(),
            before,
            "{view:?} analysed in a frame where nothing changed"
        );
    }
}

#[test]
fn the_window_is_light_by_default_and_the_view_menu_switches_the_theme() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    assert_eq!(harness.state().state.theme, ecoplan::ui::ThemeChoice::Light);
    assert!(!(harness.ctx.theme() == egui::Theme::Dark));
    click_menu(&mut harness, "视图", "深色");
    harness.run();
    assert_eq!(harness.state().state.theme, ecoplan::ui::ThemeChoice::Dark);
    assert!((harness.ctx.theme() == egui::Theme::Dark));
    // Status colours follow: met reads in the dark theme's green.
    assert_eq!(ecoplan::ui::theme::ok(), ecoplan::ui::theme::OK_TONE.dark);
    click_menu(&mut harness, "视图", "浅色（投影推荐）");
    harness.run();
    assert!(!(harness.ctx.theme() == egui::Theme::Dark));
    assert_eq!(ecoplan::ui::theme::ok(), ecoplan::ui::theme::OK_TONE.light);
}

#[test]
fn a_series_decimals_chosen_in_baselines_show_in_the_projection_table_and_undo() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    // The plan prints GDP with two decimals: that is its default.
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .decimals,
        Some(2)
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "小数位 gdp")
        .click();
    harness.run();
    harness.get_by_label("0").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .decimals,
        Some(0)
    );
    assert!(harness.state().doc.is_dirty());
    harness.state_mut().state.view = View::Projections;
    harness.run();
    // 2025: 1,058.84 printed, now whole 亿元, grouped.
    assert!(harness.query_by_label("1,059").is_some());
    assert!(harness.query_by_label("1,058.84").is_none());
    // "auto": five significant digits.
    harness.state_mut().state.view = View::Baselines;
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "小数位 gdp")
        .click();
    harness.run();
    harness.get_by_label("自动").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .decimals,
        None
    );
    // Undone twice: back to the plan's two decimals.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .decimals,
        Some(2)
    );
    harness.state_mut().state.view = View::Projections;
    harness.run();
    assert!(harness.query_by_label("1,058.84").is_some());
}

#[test]
fn an_indicators_decimals_chosen_in_its_panel_show_in_its_row() {
    let mut harness = harness(View::Indicators, Lang::Zh);
    harness.run();
    let index = harness
        .state()
        .doc
        .scenario()
        .indicators
        .iter()
        .position(|i| i.number == "20")
        .unwrap();
    harness.get_by_label("20").click();
    harness.run();
    // Indicator 20 in the frame's 3 decimals: projected 0.159 for 2028, as the plan's own
    // figures give it.
    assert!(harness.query_all_by_label("≤ 0.136  0.159").count() > 0);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "小数位 20")
        .click();
    harness.run();
    // "5" is also indicator 5's number: the choice is the list's, which the open popup puts
    // first.
    harness.get_all_by_label("5").next().unwrap().click();
    harness.run();
    let row = &harness.state().doc.scenario().indicators[index];
    assert_eq!(row.decimals, Some(5));
    assert!(harness.state().doc.is_dirty());
    assert!(harness.query_all_by_label("≤ 0.136  0.15875").count() > 0);
    assert_eq!(harness.query_all_by_label("≤ 0.136  0.159").count(), 0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario().indicators[index].decimals,
        Some(3)
    );
}

#[test]
fn the_chinese_window_shows_the_plans_notes_in_chinese_and_the_english_one_in_english() {
    let mut harness = harness(View::Projects, Lang::Zh);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("见规划正文（第 550 行）")
            .count()
            > 0
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("named in the plan's text")
            .count(),
        0
    );
    // Baselines shows each series' note in its field, in the interface's language.
    harness.state_mut().state.view = View::Baselines;
    harness.run();
    let cod_note = |h: &Harness<'static, EcoplanApp>, name: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, name)
            .value()
            .unwrap_or_default()
    };
    assert!(cod_note(&harness, "来源说明 cod").starts_with("按规划 2025、2028 年数值标定"));
    harness.state_mut().state.lang = Lang::En;
    harness.run();
    assert!(
        cod_note(&harness, "Source cod")
            .starts_with("calibrated to the plan's 2025 and 2028 figures")
    );
}

#[test]
fn a_field_shows_its_series_decimals_and_a_value_only_passed_through_keeps_every_digit() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    let base = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .scenario()
            .series("water_industrial")
            .unwrap()
            .base
            .unwrap()
    };
    let calibrated = base(&harness);
    assert!((calibrated - 0.050874255).abs() < 1e-9);
    // Shown in the plan's four decimals, as in the projection table.
    let field = harness.get_by_label("基准年数值 water_industrial");
    assert_eq!(field.value().as_deref(), Some("0.0509"));
    // Entered and left without typing: nothing is written, the calibration stays exact.
    harness.get_by_label("基准年数值 water_industrial").focus();
    harness.run();
    assert!(
        harness
            .get_by_label("基准年数值 water_industrial")
            .is_focused()
    );
    press_enter(&mut harness);
    assert_eq!(base(&harness), calibrated);
    assert!(!harness.state().doc.is_dirty());
    // Typed: the typed value.
    type_into(&mut harness, "基准年数值 water_industrial", "0.06");
    press_enter(&mut harness);
    assert_eq!(base(&harness), 0.06);
}

#[test]
fn a_note_in_another_wording_is_nothing_to_reset_and_reset_keeps_it() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    let name = "恢复为上级情景或已保存文件中的值 gdp";
    let disabled = |h: &Harness<'static, EcoplanApp>, label: &str| {
        use egui_kittest::kittest::NodeT;
        h.get_by_label(label).accesskit_node().is_disabled()
    };
    assert!(disabled(&harness, name));
    // GDP as an older file has it: the plan's values, an English note only.
    let mut gdp = harness
        .state()
        .doc
        .scenario()
        .series("gdp")
        .unwrap()
        .clone();
    gdp.source = ecoplan::model::Label::same("2021 value (line 120)");
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        ecoplan::ui::Command::Apply {
            edit: ecoplan::document::Edit::ReplaceSeries {
                series: Box::new(gdp.clone()),
            },
            merge: false,
        },
    );
    harness.run();
    assert!(disabled(&harness, name));
    // A changed rate is something to reset; resetting keeps the file's note.
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    assert!(!disabled(&harness, name));
    harness.get_by_label(name).click();
    harness.run();
    let after = harness
        .state()
        .doc
        .scenario()
        .series("gdp")
        .unwrap()
        .clone();
    assert_eq!(after.base, Some(792.86));
    assert_eq!(after.source, gdp.source);
}

#[test]
fn a_key_no_script_could_name_is_refused_when_typed_and_kept_when_a_file_has_it() {
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "键 gdp", "gdp total");
    press_enter(&mut harness);
    assert!(harness.state().doc.scenario().series("gdp").is_some());
    assert!(harness.state().doc.scenario().series("gdp total").is_none());
    assert!(
        harness
            .query_by_label_contains("含空格：键只能由字母、数字、_、- 和 . 组成")
            .is_some()
    );
    // A key typed as scripts can name it is taken.
    type_into(&mut harness, "键 gdp", "gdp_total");
    press_enter(&mut harness);
    assert!(harness.state().doc.scenario().series("gdp_total").is_some());

    // A file that already has such a key opens; the overview asks to rename it.
    let dir = temp_dir("unreadable-key");
    let path = dir.join("plan.ron");
    let text = ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan())
        .replace("\"gdp\"", "\"gdp total\"");
    std::fs::write(&path, text).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(path);
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "打开…");
    assert!(harness.state().doc.scenario().series("gdp total").is_some());
    assert!(
        harness
            .query_by_label_contains("序列“gdp total”：键：含空格")
            .is_some()
    );
}

#[test]
fn a_refused_indicator_value_names_the_indicator_and_the_message_goes_with_its_view() {
    let mut harness = harness(View::Indicators, Lang::Zh);
    let (index, year) = {
        let scenario = harness.state().doc.scenario();
        let index = scenario
            .indicators
            .iter()
            .position(|i| i.number == "10")
            .unwrap();
        let year = scenario.indicators[index]
            .observed
            .last()
            .map_or(scenario.base_year, |o| o.year + 1);
        (index, year)
    };
    harness.state_mut().state.indicators.selected = Some(index);
    harness.run();
    // EI is scored 0–100: 130 is a typing error, said while typed and refused with the row's
    // number and name.
    type_into(&mut harness, &format!("{year} 年值 10"), "130");
    assert!(
        harness
            .query_by_label("130：生态环境状况指数（EI）在 0 到 100 之间（HJ 192-2015）")
            .is_some()
    );
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap();
    assert_eq!(
        message,
        format!(
            "未采用：{year} 年值 · 10 生态环境状况指数：130：生态环境状况指数（EI）在 0 到 100 之间（HJ 192-2015）"
        )
    );
    let words: Vec<&str> = message
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !["EI", "HJ"].contains(w))
        .collect();
    assert!(words.is_empty(), "{message}: {words:?}");
    assert!(harness.query_by_label(&format!("⚠ {message}")).is_some());
    assert!(
        harness.state().doc.scenario().indicators[index]
            .observed
            .iter()
            .all(|o| o.value != 130.0)
    );
    // Closed by its button, the message is gone.
    harness.get_by_label("关闭提示").click();
    harness.run();
    assert_eq!(harness.state().message, None);
    // Shown again, it stays in its view and goes when another view is opened.
    type_into(&mut harness, &format!("{year} 年值 10"), "-3");
    press_enter(&mut harness);
    assert!(harness.state().message.is_some());
    harness.get_by_label("目标").click();
    harness.run();
    assert_eq!(harness.state().state.view, View::Targets);
    assert_eq!(harness.state().message, None);
}

#[test]
fn a_saturated_capacity_says_so_once_on_its_card() {
    // The plan's NO₂ capacity is 0: the chart says it above the curves, the card not again.
    let mut harness = harness(View::CapacityAir, Lang::Zh);
    harness.run();
    let note = ecoplan::i18n::Tr::SaturatedNote.get(Lang::Zh);
    assert_eq!(harness.query_all_by_label(note).count(), 1);
}

#[test]
fn the_view_option_names_every_view_in_both_languages() {
    use clap::CommandFactory;
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map(str::to_owned)
            .collect()
    };
    let command = ecoplan::cli::Cli::command();
    let view = command
        .get_arguments()
        .find(|a| a.get_id() == "view")
        .expect("the window takes --view");
    let english = words(
        &view
            .get_long_help()
            .or(view.get_help())
            .expect("--view has help")
            .to_string(),
    );
    let chinese = words(
        ecoplan::i18n::command_line_help(Lang::Zh, "", "view").expect("--view has Chinese help"),
    );
    for view in View::ALL {
        let key = view.key().to_owned();
        assert!(english.contains(&key), "--view's help leaves out {key}");
        assert!(
            chinese.contains(&key),
            "--view's Chinese help leaves out {key}"
        );
    }
}
