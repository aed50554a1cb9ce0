//! Files from the window: open, save, revert, export, hostile files, typed paths.

use super::*;

#[test]
fn save_as_then_save_keeps_a_backup() {
    let dir = temp_dir("save");
    let path = dir.join("mine.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(path.clone());
    let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "另存为…");
    assert!(!harness.state().doc.is_dirty());
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        ecoplan::io::load(&path)
            .unwrap()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        800.0
    );
    type_into(&mut harness, "基准年数值 gdp", "810");
    press_enter(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(
        ecoplan::io::load(&path)
            .unwrap()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        810.0
    );
    let backup = ecoplan::io::scenario_file::backup_path(&path);
    assert_eq!(
        ecoplan::io::load(&backup)
            .unwrap()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        800.0
    );
    assert_eq!(harness.state().state.recent_files, vec![path]);
}

#[test]
fn opening_over_unsaved_work_asks_and_cancel_keeps_it() {
    let saves = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-low-growth.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs
        .open
        .borrow_mut()
        .extend([saves.clone(), saves.clone()]);
    let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "打开…");
    assert!(
        harness
            .query_by_label("是否保存对当前情景的修改？")
            .is_some()
    );
    harness.get_by_label("取消").click();
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
    assert!(harness.state().doc.is_dirty());
    click_menu(&mut harness, "文件", "打开…");
    harness.get_by_label("不保存").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc.path.as_deref(), Some(saves.as_path()));
    assert!(app.doc.scenario().metadata.name.contains("Low growth"));
    assert!(!app.doc.is_dirty());
}

#[test]
fn a_file_that_does_not_parse_shows_where_and_leaves_the_work() {
    let dir = temp_dir("broken");
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(\n    format_version: 2,\n    metadata: (,\n").unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(broken.clone());
    let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "打开…");
    harness.get_by_label("不保存").click();
    harness.run();
    let error = harness
        .state()
        .open_error
        .clone()
        .expect("an error is shown");
    assert!(
        error.starts_with(&format!("{}:3:", broken.display())),
        "{error}"
    );
    assert!(harness.query_by_label(&error).is_some());
    harness.get_by_label("关闭").click();
    harness.run();
    // "Discard" was for the file that never opened: the work is still here.
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
    assert!(harness.state().open_error.is_none());
}

#[cfg(unix)]
#[test]
fn hostile_files_opened_in_the_window_say_what_and_where_and_leave_the_work() {
    let dir = temp_dir("hostile-open");
    let fifo = dir.join("pipe.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // A workspace with two members of one name.
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron"),
    )
    .unwrap()
    .replace(
        "name: \"低增长 Low growth\"",
        "name: \"高增长 High growth\"",
    );
    let twice = dir.join("twice.ron");
    std::fs::write(&twice, text).unwrap();
    for (path, says) in [
        (fifo, "不是普通文件（命名管道）".to_owned()),
        (twice.clone(), "重名：此处与第 ".to_owned()),
        (
            PathBuf::from("/dev/zero"),
            "不是普通文件（设备）".to_owned(),
        ),
    ] {
        let dialogs = ScriptedDialogs::default();
        dialogs.open.borrow_mut().push(path.clone());
        let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
        harness.run();
        type_into(&mut harness, "基准年数值 gdp", "800");
        press_enter(&mut harness);
        click_menu(&mut harness, "文件", "打开…");
        harness.get_by_label("不保存").click();
        harness.run();
        let error = harness
            .state()
            .open_error
            .clone()
            .expect("an error is shown");
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(error.contains(&says), "{error}");
        assert!(harness.query_by_label(&error).is_some());
        harness.get_by_label("关闭").click();
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
    }
}

#[test]
fn a_failed_save_says_so_and_keeps_the_work() {
    let dialogs = ScriptedDialogs::default();
    dialogs
        .save
        .borrow_mut()
        .push(PathBuf::from("/proc/ecoplan-cannot.ron"));
    let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "另存为…");
    let app = harness.state();
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("/proc/ecoplan-cannot.ron: 无法保存"))
    );
    assert!(app.doc.is_dirty());
    assert_eq!(
        app.doc.scenario().series("gdp").unwrap().base.unwrap(),
        800.0
    );
}

#[test]
fn revert_goes_back_to_the_file_and_can_be_undone() {
    let dir = temp_dir("revert");
    let path = dir.join("plan.ron");
    ecoplan::io::save(&ecoplan::plan::hanyang_plan(), &path).unwrap();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.open(&path);
    let mut harness = harness_for(app, View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "还原为已保存版本");
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
    assert!(!harness.state().doc.is_dirty());
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
}

#[test]
fn exports_from_the_menu_write_the_chosen_files() {
    let dir = temp_dir("export");
    let dialogs = ScriptedDialogs::default();
    dialogs
        .save
        .borrow_mut()
        .extend([dir.join("chart.png"), dir.join("tables.xlsx")]);
    let mut harness = harness_with(View::CapacityWater, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出").click();
    harness.run();
    harness.get_by_label("全部表格与图表（XLSX）…").click();
    harness.run();
    assert!(dir.join("tables.xlsx").metadata().unwrap().len() > 5_000);
    harness
        .get_all_by_label("保存 PNG…")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(dir.join("chart.png").metadata().unwrap().len() > 10_000);
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|m| m.starts_with("已导出"))
    );
}

#[test]
fn where_no_file_dialog_opens_a_path_field_takes_over_and_says_why() {
    let dir = temp_dir("no-portal");
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "导出");
    harness.get_by_label_contains("全部表格与图表").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("没有桌面会话总线")
            .is_some()
    );
    let out = dir.join("tables.xlsx");
    harness.get_by_label("文件路径").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("文件路径")
        .type_text(&out.display().to_string());
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
    assert!(out.is_file(), "the export was written where typed");
    assert_eq!(
        harness.state().notice.as_deref(),
        Some(format!("已导出：{}", out.display()).as_str())
    );
    // A file already there is named, and replaced only by the button that says so.
    let there = dir.join("there.ron");
    std::fs::write(&there, b"older").unwrap();
    click_menu(&mut harness, "文件", "另存为…");
    replace_text(&mut harness, "文件路径", &there.display().to_string());
    assert!(
        harness
            .query_by_label("已有同名文件：确定后将替换它")
            .is_some()
    );
    assert!(harness.query_by_label("确定").is_none());
    harness.get_by_label("替换").click();
    harness.run();
    assert!(
        ecoplan::io::load(&there).is_ok(),
        "replaced by the scenario"
    );
    // Save as goes the same way; Cancel leaves everything as it was.
    click_menu(&mut harness, "文件", "另存为…");
    assert!(harness.query_by_label("文件路径").is_some());
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("文件路径").is_none());
}

#[test]
fn save_in_the_unsaved_question_waits_for_a_typed_path_then_does_what_was_asked() {
    let dir = temp_dir("save-then-new");
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut harness = harness_with(View::Baselines, Lang::Zh, dialogs);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    click_menu(&mut harness, "文件", "新建空白情景");
    harness.get_by_label("保存").click();
    harness.run();
    // No dialog: the path is typed; the new scenario waits for the save.
    let path = dir.join("edited");
    replace_text(&mut harness, "文件路径", &path.display().to_string());
    harness.get_by_label("确定").click();
    harness.run();
    let saved = dir.join("edited.ron");
    assert_eq!(
        ecoplan::io::load(&saved)
            .unwrap()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        800.0,
        "saved with the extension added"
    );
    assert!(
        harness.state().doc.scenario().series.is_empty(),
        "then the new empty scenario"
    );
    assert!(!harness.state().any_dirty());
}

#[test]
fn an_export_typed_with_another_extension_is_refused() {
    let dir = temp_dir("export-extension");
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "导出");
    harness.get_by_label("环境容量（CSV）…").click();
    harness.run();
    let wrong = dir.join("capacity.png");
    replace_text(&mut harness, "文件路径", &wrong.display().to_string());
    harness.get_by_label("确定").click();
    harness.run();
    assert!(!wrong.exists());
    assert!(
        harness
            .state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("文件名须以 .csv 结尾")),
        "{:?}",
        harness.state().message
    );
}

#[test]
fn the_window_icon_is_the_bundled_picture() {
    let icon = ecoplan::app::window_icon();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // Transparent corners (the rounded square) and an opaque middle.
    assert_eq!(icon.rgba[3], 0);
    assert_eq!(icon.rgba[(128 * 256 + 128) * 4 + 3], 255);
}

#[test]
fn large_font_move_down_and_open_by_typed_path_do_what_they_show() {
    let low = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-low-growth.ron");
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    // View → Large font, on and off.
    click_menu(&mut harness, "视图", "大字体（投影）");
    assert!(harness.state().state.large_font);
    click_menu(&mut harness, "视图", "大字体（投影）");
    assert!(!harness.state().state.large_font);
    // Two children of the plan: the first moves down past the second, and back up.
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let plan = member_names(&harness)[0].clone();
    harness.get_by_label(&plan).click();
    harness.run();
    harness.get_by_label("＋ 派生情景").click();
    harness.run();
    let before = member_names(&harness);
    harness.get_by_label(&before[1]).click();
    harness.run();
    harness.get_by_label("情景下移").click();
    harness.run();
    assert_eq!(
        member_names(&harness),
        vec![before[0].clone(), before[2].clone(), before[1].clone()]
    );
    harness.get_by_label("情景上移").click();
    harness.run();
    assert_eq!(member_names(&harness), before);
    // Open with no file dialog: the typed path opens (after the unsaved question).
    click_menu(&mut harness, "文件", "打开…");
    replace_text(&mut harness, "文件路径", &low.display().to_string());
    harness.get_by_label("确定").click();
    harness.run();
    harness.get_by_label("不保存").click();
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .scenario()
            .metadata
            .name
            .contains("Low growth")
    );
    assert_eq!(harness.state().current_file(), Some(low.as_path()));
}

#[test]
fn importing_values_previews_every_change_and_applies_them_as_one_undoable_edit() {
    use ecoplan::engine::indicators::Status;
    let dir = temp_dir("import");
    let table = dir.join("values.csv");
    std::fs::write(
        &table,
        "序号,指标,2021,2022\n3,考核比例,25,\n7,优良天数,,88.5\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(table.clone());
    let mut harness = harness_with(View::Indicators, Lang::Zh, dialogs.clone());
    harness.run();
    click_menu(&mut harness, "文件", "导入数值（指标模板或统计数据）…");
    // The preview lists each change, and nothing has changed yet.
    assert!(harness.query_by_label("导入预览：values.csv").is_some());
    assert!(harness.query_by_label("88.50").is_some());
    assert_eq!(indicator_status(&harness, "3"), Status::NotMet);
    assert!(!harness.state().doc.is_dirty());
    harness.get_by_label("应用（可撤销）").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "3"), Status::Met);
    let app = harness.state();
    let air = &app.doc.scenario().indicators[6];
    let imported = air.observed_in(2022).unwrap();
    assert_eq!(imported.value, 88.5);
    assert!(
        imported.source.ends_with("values.csv:3:9"),
        "{}",
        imported.source
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("已从 values.csv 导入 2 个数值")
    );
    // One undo takes both values back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(indicator_status(&harness, "3"), Status::NotMet);
    assert!(
        harness.state().doc.scenario().indicators[6]
            .observed_in(2022)
            .is_none()
    );
    // A bad cell is named in the messages and changes nothing.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "序号,2021\n3,abc\n").unwrap();
    dialogs.open.borrow_mut().push(bad.clone());
    click_menu(&mut harness, "文件", "导入数值（指标模板或统计数据）…");
    assert!(harness.query_by_label_contains("导入预览").is_none());
    let message = harness.state().message.clone().unwrap();
    assert!(
        message.contains("bad.csv:2:3") && message.contains("abc"),
        "{message}"
    );
}

#[test]
fn the_report_is_exported_from_the_file_menu() {
    let dir = temp_dir("report");
    let dialogs = ScriptedDialogs::default();
    // Typed without its extension, as a file dialog may return it: .docx is added.
    dialogs.save.borrow_mut().push(dir.join("第三章"));
    let mut harness = harness_with(View::Overview, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出").click();
    harness.run();
    harness.get_by_label("导出规划章节（Word）…").click();
    harness.run();
    // The chapter's frame first: nothing is written until the user exports.
    assert!(!dir.join("第三章.docx").exists());
    harness.get_by_label("导出 Word…").click();
    harness.run();
    let report = dir.join("第三章.docx");
    assert!(
        report.metadata().is_ok_and(|m| m.len() > 50_000),
        "{:?} {:?}",
        harness.state().message,
        harness.state().notice
    );
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|m| m.starts_with("已导出"))
    );
}

#[test]
fn a_save_over_a_file_someone_else_changed_asks_first_and_loses_neither_change() {
    let dir = temp_dir("changed-on-disk");
    let path = dir.join("plan.ron");
    ecoplan::io::save(&ecoplan::plan::hanyang_plan(), &path).unwrap();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.open(&path);
    let mut harness = harness_for(app, View::Baselines, Lang::Zh);
    harness.run();
    type_into(&mut harness, "基准年数值 gdp", "800");
    press_enter(&mut harness);
    // A colleague saves their change while the window is open.
    let mut theirs = ecoplan::plan::hanyang_plan();
    theirs.series_mut("population").unwrap().base = Some(70.0);
    ecoplan::io::save(&theirs, &path).unwrap();
    let gdp_on_disk = || {
        ecoplan::io::load(&path)
            .unwrap()
            .series("gdp")
            .unwrap()
            .base
    };
    let population_on_disk = || {
        ecoplan::io::load(&path)
            .unwrap()
            .series("population")
            .unwrap()
            .base
    };

    // Save asks; Cancel keeps both: their file, and the window's unsaved work.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(harness.query_by_label("文件已被他人修改").is_some());
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("文件已被他人修改").is_none());
    assert_eq!(population_on_disk(), Some(70.0));
    assert!(harness.state().doc.is_dirty());

    // Asked again; Overwrite saves this work, and theirs stays in the backup.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("覆盖保存").click();
    harness.run();
    assert_eq!(gdp_on_disk(), Some(800.0));
    assert!(!harness.state().doc.is_dirty());
    let backup = ecoplan::io::load(&ecoplan::io::backup_path(&path)).unwrap();
    assert_eq!(backup.series("population").unwrap().base, Some(70.0));

    // The window's own save is what it expects next time: no question.
    type_into(&mut harness, "基准年数值 gdp", "810");
    press_enter(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(harness.query_by_label("文件已被他人修改").is_none());
    assert_eq!(gdp_on_disk(), Some(810.0));
}

#[test]
fn refusals_of_a_file_and_of_an_edit_read_chinese_in_the_chinese_window() {
    let dir = temp_dir("chinese-refusals");
    let plan = ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan());
    let cases = [
        // A comma missing after a field.
        (
            "syntax.ron",
            plan.replacen("    base_year: 2021,", "    base_year: 2021", 1),
            "此处应有逗号",
        ),
        // A field the format does not have.
        (
            "field.ron",
            plan.replacen("    base_year: 2021,", "    base_yaer: 2021,", 1),
            "不认识的字段",
        ),
        // A value out of its domain.
        (
            "value.ron",
            plan.replacen("base: 90.0,", "base: -90.0,", 1),
            "须为不小于 0 的有限数值",
        ),
    ];
    for (name, text, words) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
        app.state.lang = Lang::Zh;
        app.open(&path);
        let error = app.open_error.clone().expect("refused");
        assert!(error.contains(words), "{name}: {error}");
        assert!(
            error.starts_with(&format!("{}:", path.display())),
            "{error}"
        );
        assert_eq!(
            latin_words(&error, &path),
            Vec::<String>::new(),
            "{name}: {error}"
        );
        // Shown in the dialog as it is.
        let mut harness = harness_for(app, View::Overview, Lang::Zh);
        harness.run();
        assert!(harness.query_by_label(&error).is_some(), "{error}");
    }
    // An edit the engine refuses, in the window's language with the field's label.
    let mut harness = harness(View::Baselines, Lang::Zh);
    harness.run();
    // Past what a number holds by 2022: the engine's refusal, through the field.
    type_into(&mut harness, "基准年数值 gdp", "1.7e308");
    press_enter(&mut harness);
    let shown: Vec<String> = harness
        .query_all_by_label_contains("无法计算")
        .map(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().label().unwrap_or_default().to_string()
        })
        .collect();
    assert!(!shown.is_empty());
    for text in &shown {
        assert_eq!(
            latin_words(text, std::path::Path::new("")),
            Vec::<String>::new(),
            "{text}"
        );
    }
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().base,
        Some(792.86)
    );
    // A bad cell of a statistics workbook, named by its cell; and a save the disk refuses
    // (the name is taken by a folder): in Chinese, the work kept.
    let book = dir.join("统计.csv");
    std::fs::write(
        &book,
        "指标名称,单位,2020年,2021年\n地区生产总值,亿元,750,暂缺\n",
    )
    .unwrap();
    let folder = dir.join("方案.ron");
    std::fs::create_dir_all(folder.join("里面")).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(book.clone());
    dialogs.save.borrow_mut().push(folder.clone());
    let mut app = EcoplanApp::with_builtin_plan(Box::new(dialogs));
    app.state.lang = Lang::Zh;
    let mut harness = harness_for(app, View::History, Lang::Zh);
    harness.run();
    harness.get_by_label("导入统计数据…").click();
    harness.run();
    let refused = harness
        .state()
        .message
        .clone()
        .expect("the import is refused");
    assert!(
        refused.contains("统计.csv:2:15") && refused.contains("“暂缺”不是数值"),
        "{refused}"
    );
    assert_eq!(
        latin_words(&refused, &book),
        Vec::<String>::new(),
        "{refused}"
    );
    harness
        .state_mut()
        .doc
        .apply(ecoplan::document::Edit::SetRule {
            series: "gdp".into(),
            rule: ecoplan::model::Rule::growth(0.08),
        })
        .unwrap();
    harness.run();
    click_menu(&mut harness, "文件", "另存为…");
    let refused = harness
        .state()
        .message
        .clone()
        .expect("the save is refused");
    assert!(
        refused.contains("未保存") && refused.contains("这是文件夹"),
        "{refused}"
    );
    assert_eq!(
        latin_words(&refused, &folder),
        Vec::<String>::new(),
        "{refused}"
    );
    assert!(harness.state().doc.is_dirty(), "the work is kept, unsaved");
}

#[test]
fn opening_a_file_analyses_each_scenario_once() {
    // The check that opens a file analyses each scenario, and the window keeps that analysis.
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let members = match ecoplan::io::load_any(&workspace).unwrap() {
        ecoplan::io::Loaded::Workspace(w) => w.workspace.len() as u64,
        other => panic!("{other:?}"),
    };
    assert!(members >= 2);
    let scenario = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-2021-plan.ron");
    for (path, analyses) in [(workspace, members), (scenario, 1)] {
        let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
        let before = ecoplan::engine::analyses_run();
        app.open(&path);
        assert_eq!(
            ecoplan::engine::analyses_run() - before,
            analyses,
            "{}",
            path.display()
        );
        assert!(app.open_error.is_none(), "{:?}", app.open_error);
    }
}

#[test]
fn a_workspace_opens_each_member_with_its_own_scenario_whatever_the_order_of_its_members() {
    // A child listed after a sibling of its parent: resolved depth first (parent, child, then
    // the sibling), each member still gets its own scenario and analysis.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let mut workspace = match ecoplan::io::load_any(&path).unwrap() {
        ecoplan::io::Loaded::Workspace(w) => w,
        other => panic!("{other:?}"),
    };
    let child = workspace
        .workspace
        .iter()
        .position(|m| m.parent.as_deref() == Some("高增长 High growth"))
        .unwrap();
    let moved = workspace.workspace.remove(child);
    workspace.workspace.push(moved);
    let dir = temp_dir("member-order");
    let reordered = dir.join("reordered.ron");
    std::fs::write(&reordered, ecoplan::io::workspace_to_ron_string(&workspace)).unwrap();
    let expected = ecoplan::engine::workspace::resolve_all(&workspace).unwrap();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.open(&reordered);
    assert!(app.open_error.is_none(), "{:?}", app.open_error);
    let views = app.member_views();
    assert_eq!(views.len(), expected.len());
    for ((name, scenario, analysis), expected) in views.iter().zip(&expected) {
        assert_eq!(*scenario, expected, "{name}");
        assert_eq!(
            analysis.projection,
            ecoplan::engine::analyse(expected).unwrap().projection,
            "{name}"
        );
    }
}

#[test]
fn files_are_offered_under_the_districts_name_until_the_work_has_a_file() {
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut app = EcoplanApp::with_builtin_plan(Box::new(dialogs));
    let mut scenario = ecoplan::plan::hanyang_plan();
    // A name no file system takes whole: the slash is left out.
    scenario.metadata.name = "白鹭区/规划".into();
    app.doc = ecoplan::document::Document::new(scenario, None).unwrap();
    let mut harness = harness_for(app, View::Overview, Lang::Zh);
    harness.run();
    let offered = |harness: &Harness<'static, EcoplanApp>| {
        use egui_kittest::kittest::NodeT;
        harness
            .get_by_label("文件路径")
            .accesskit_node()
            .value()
            .unwrap_or_default()
            .to_string()
    };
    click_menu(&mut harness, "文件", "另存为…");
    assert!(
        offered(&harness).ends_with("白鹭区规划.ron"),
        "{}",
        offered(&harness)
    );
    harness.get_by_label("取消").click();
    harness.run();
    click_menu(&mut harness, "文件", "导出");
    harness.get_by_label_contains("全部表格与图表").click();
    harness.run();
    assert!(
        offered(&harness).ends_with("白鹭区规划.xlsx"),
        "{}",
        offered(&harness)
    );
    harness.get_by_label("取消").click();
    harness.run();
    // With a file, its name.
    let dir = temp_dir("offered-names");
    let path = dir.join("baili.ron");
    ecoplan::io::save(harness.state().doc.scenario(), &path).unwrap();
    harness.state_mut().open(&path);
    harness.run();
    click_menu(&mut harness, "文件", "另存为…");
    let typed = offered(&harness);
    assert!(typed.ends_with("baili.ron"), "{typed}");
    assert!(typed.starts_with(&dir.display().to_string()), "{typed}");
}
