//! The workbench driven the way a user drives it: through egui_kittest, by labels.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use ecoplan::app::{EcoplanApp, FileDialogs, Picked};
use ecoplan::i18n::Lang;
use ecoplan::ui::View;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Answers file dialogs with paths the test chose, as a user picking them would; with
/// `unavailable`, as a system without a file dialog does.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    open: Rc<RefCell<Vec<PathBuf>>>,
    save: Rc<RefCell<Vec<PathBuf>>>,
    unavailable: bool,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_scenario(&self) -> Picked {
        if self.unavailable {
            return Picked::Unavailable(ecoplan::i18n::Tr::NoDesktopPortal);
        }
        self.open.borrow_mut().pop().into()
    }

    fn pick_table(&self) -> Picked {
        self.pick_scenario()
    }

    fn pick_save(&self, _suggested_name: &str, _extension: &str) -> Picked {
        if self.unavailable {
            return Picked::Unavailable(ecoplan::i18n::Tr::NoDesktopPortal);
        }
        self.save.borrow_mut().pop().into()
    }
}

fn harness(view: View, lang: Lang) -> Harness<'static, EcoplanApp> {
    harness_with(view, lang, ScriptedDialogs::default())
}

fn harness_with(view: View, lang: Lang, dialogs: ScriptedDialogs) -> Harness<'static, EcoplanApp> {
    let app = EcoplanApp::with_builtin_plan(Box::new(dialogs));
    harness_for(app, view, lang)
}

fn harness_for(mut app: EcoplanApp, view: View, lang: Lang) -> Harness<'static, EcoplanApp> {
    app.state.view = view;
    app.state.lang = lang;
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(ecoplan::ui::fonts::install)
        .build_ui_state(|ui, app: &mut EcoplanApp| app.window_ui(ui), app)
}

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

/// Replaces the text of the field named `name` and presses Enter, as a user would.
fn type_into(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(name).type_text(text);
    harness.run();
}

fn press_enter(harness: &mut Harness<'static, EcoplanApp>) {
    harness.key_press(egui::Key::Enter);
    harness.run();
}

fn cod_first_exceedance(app: &EcoplanApp) -> Option<i32> {
    app.doc
        .analysis()
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap()
        .first_exceedance_year
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
    assert!(harness.query_by_label("首次超载年份: 2021").is_some());
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
    let reason = "-5 万人: 不能为负数";
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
        "未采用: 基准年数值 · 常住人口: -5 万人: 不能为负数"
    );
    assert!(harness.query_by_label(&format!("⚠ {message}")).is_some());
    type_into(&mut harness, "基准年数值 population", "lots");
    assert!(harness.query_by_label("\"lots\" 不是数字").is_some());
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
        message.contains("500 %: 年变化率须大于 −100 % 且不超过 +100 %"),
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
            .is_some_and(|m| m.contains("2100: 年份须在 2028–2060")),
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
        .get_by_label_contains("撤销: 修改基准年数值： 地区生产总值")
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

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-window-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn click_menu(harness: &mut Harness<'static, EcoplanApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

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
            .is_some_and(|m| m.starts_with("/proc/ecoplan-cannot.ron：无法保存"))
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

/// An instance of the workbench with its own recovery session in `dir`.
fn instance(dir: &std::path::Path, view: View) -> Harness<'static, EcoplanApp> {
    let app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()))
        .with_recovery(dir.to_owned());
    let mut harness = harness_for(app, view, Lang::Zh);
    harness.run();
    harness
}

/// Edits GDP's base value and autosaves, as the 30-s timer would.
fn edit_gdp_and_autosave(harness: &mut Harness<'static, EcoplanApp>, value: &str) {
    harness.state_mut().state.view = View::Baselines;
    harness.run();
    type_into(harness, "基准年数值 gdp", value);
    press_enter(harness);
    harness.state().autosave();
}

/// The `.ron` files in the recovery folder (not those set aside).
fn recovery_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let dir = temp_dir("recovery");
    // A session edits and autosaves, then dies without quitting (dropped without a clean exit,
    // as `kill -9` leaves it).
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "800");
    }
    // The next start offers it back.
    let mut harness = instance(&dir, View::Overview);
    assert!(harness.query_by_label("恢复未保存的工作").is_some());
    harness.get_by_label("恢复").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.doc.scenario().series("gdp").unwrap().base.unwrap(),
        800.0
    );
    assert!(
        app.doc.is_dirty(),
        "recovered work is not saved anywhere yet"
    );
    // The restored file stays: it is this instance's recovery file now.
    assert_eq!(recovery_files(&dir).len(), 1);
    assert!(app.recovery().unwrap().holds_work());
}

#[test]
fn two_instances_killed_both_offer_their_work_and_a_third_crash_loses_nothing() {
    let dir = temp_dir("two-instances");
    // Two instances run at once, each with unsaved work.
    let mut first = instance(&dir, View::Overview);
    let mut second = instance(&dir, View::Overview);
    assert!(
        first.query_by_label("恢复未保存的工作").is_none()
            && second.query_by_label("恢复未保存的工作").is_none()
    );
    edit_gdp_and_autosave(&mut first, "801");
    edit_gdp_and_autosave(&mut second, "802");
    // An instance with nothing unsaved autosaves (and exits) without touching the others' work.
    {
        let idle = instance(&dir, View::Overview);
        assert!(
            idle.state().offered_recovery.is_empty(),
            "running instances' work is not offered"
        );
        idle.state().autosave();
    }
    assert_eq!(recovery_files(&dir).len(), 2);
    // Both are killed.
    drop(first);
    drop(second);
    // The next start offers both.
    let mut third = instance(&dir, View::Overview);
    let offered: Vec<f64> = third
        .state()
        .offered_recovery
        .iter()
        .map(|work| match &work.loaded {
            ecoplan::io::Loaded::Scenario(s) => s.series("gdp").unwrap().base.unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(offered, vec![801.0, 802.0]);
    // The first is restored here; the second, with work already in this window, opens in a
    // window of its own.
    let launched = Rc::new(RefCell::new(Vec::new()));
    let record = launched.clone();
    let app = std::mem::replace(
        third.state_mut(),
        EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default())),
    )
    .with_launcher(move |file, _lang| {
        record.borrow_mut().push(file.to_owned());
        Ok(())
    });
    let mut third = harness_for(app, View::Overview, Lang::Zh);
    third.run();
    third.get_all_by_label("恢复").next().unwrap().click();
    third.run();
    assert_eq!(
        third
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        801.0
    );
    third.get_by_label("在新窗口中恢复").click();
    third.run();
    assert_eq!(launched.borrow().len(), 1);
    // What the new window runs (`ecoplan --recover FILE`) can claim it: this one let it go.
    // Only recovery files of the folder are accepted.
    let elsewhere = temp_dir("not-recovery").join("plan.ron");
    std::fs::write(
        &elsewhere,
        ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan()),
    )
    .unwrap();
    assert!(
        ecoplan::app::Recovery::claim(&dir, &elsewhere, ecoplan::i18n::Lang::En)
            .unwrap_err()
            .contains("not a recovery file")
    );
    let claimed =
        ecoplan::app::Recovery::claim(&dir, &launched.borrow()[0], ecoplan::i18n::Lang::En)
            .unwrap();
    match &claimed.loaded {
        ecoplan::io::Loaded::Scenario(s) => {
            assert_eq!(s.series("gdp").unwrap().base.unwrap(), 802.0)
        }
        other => panic!("{other:?}"),
    }
    drop(claimed);
    // The restoring instance edits on and crashes too: nothing is lost.
    edit_gdp_and_autosave(&mut third, "803");
    drop(third);
    let fourth = instance(&dir, View::Overview);
    let mut bases: Vec<f64> = fourth
        .state()
        .offered_recovery
        .iter()
        .map(|work| match &work.loaded {
            ecoplan::io::Loaded::Scenario(s) => s.series("gdp").unwrap().base.unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    bases.sort_by(f64::total_cmp);
    assert_eq!(bases, vec![802.0, 803.0]);
}

#[test]
fn restored_work_is_kept_until_saved_and_discarded_work_is_deleted() {
    let dir = temp_dir("restore-then-save");
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "810");
    }
    {
        let mut harness = instance(&dir, View::Overview);
        harness.get_by_label("恢复").click();
        harness.run();
        // Not saved yet: a crash now would offer it again.
        assert_eq!(recovery_files(&dir).len(), 1);
        let saved = temp_dir("restore-then-save-file").join("saved.ron");
        harness.state_mut().doc.path = Some(saved.clone());
        assert!(harness.state_mut().save());
        harness.state().autosave();
        assert!(saved.is_file());
    }
    assert!(
        recovery_files(&dir).is_empty(),
        "saved work leaves no recovery file"
    );
    // Discarding deletes the offered file.
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "820");
    }
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("不保存").click();
    harness.run();
    assert!(harness.query_by_label("恢复未保存的工作").is_none());
    assert!(recovery_files(&dir).is_empty());
    // "Later" keeps it for the next start.
    drop(harness);
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "830");
    }
    {
        let mut harness = instance(&dir, View::Overview);
        harness.get_by_label("稍后再说").click();
        harness.run();
        assert!(harness.query_by_label("恢复未保存的工作").is_none());
    }
    assert_eq!(
        instance(&dir, View::Overview)
            .state()
            .offered_recovery
            .len(),
        1
    );
}

#[test]
fn an_unreadable_recovery_file_is_set_aside_and_named() {
    let dir = temp_dir("unreadable-recovery");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("session-1-1.ron"), "(format_version: 4, series: [").unwrap();
    let mut harness = instance(&dir, View::Overview);
    let notes = &harness.state().recovery_notes;
    assert_eq!(notes.len(), 1);
    let kept = dir.join("unreadable").join("session-1-1.ron");
    assert!(notes[0].contains("session-1-1.ron"), "{notes:?}");
    assert!(notes[0].contains(&kept.display().to_string()), "{notes:?}");
    assert!(kept.is_file(), "the unreadable file is kept, not deleted");
    let note = "以下恢复文件无法读取，已移至一旁保留（未删除）：";
    assert!(harness.query_by_label(note).is_some());
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.query_by_label(note).is_none());
    // It is not offered again, and it is still kept.
    drop(harness);
    assert!(
        instance(&dir, View::Overview)
            .state()
            .recovery_notes
            .is_empty()
    );
    assert!(kept.is_file());
}

#[test]
fn a_recovery_file_of_an_earlier_version_is_offered() {
    let dir = temp_dir("legacy-recovery");
    std::fs::create_dir_all(&dir).unwrap();
    let mut scenario = ecoplan::plan::hanyang_plan();
    scenario.series_mut("gdp").unwrap().base = Some(777.0);
    std::fs::write(
        dir.join("unsaved.ron"),
        ecoplan::io::to_ron_string(&scenario),
    )
    .unwrap();
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("恢复").click();
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
        777.0
    );
}

#[test]
fn presentation_mode_pages_through_the_charts() {
    let mut harness = harness(View::Overview, Lang::Zh);
    harness.run();
    harness.key_press(egui::Key::F11);
    harness.run();
    assert_eq!(harness.state().presentation, Some(0));
    assert!(
        harness
            .query_by_label_contains("化学需氧量排放量与水环境容量")
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
fn switching_cod_to_the_river_and_lake_model_and_a_dry_han_river_move_the_headroom() {
    let mut harness = harness(View::CapacityWater, Lang::Zh);
    harness.run();
    harness
        .get_all_by_label_contains("方法计算")
        .next()
        .unwrap()
        .click();
    harness.run();
    let cod = |app: &EcoplanApp| {
        app.doc
            .analysis()
            .capacities
            .iter()
            .find(|c| c.pollutant == "COD")
            .unwrap()
            .clone()
    };
    let derived = cod(harness.state());
    assert_eq!(derived.basis, ecoplan::model::CapacityBasis::Derived);
    let typed_headroom = 15_314.61 - derived.years.last().unwrap().emission;
    assert!((derived.years.last().unwrap().headroom - typed_headroom).abs() > 1.0);
    type_into(&mut harness, "设计流量 m³/s 汉江汉阳段", "4");
    press_enter(&mut harness);
    let dry = cod(harness.state());
    assert!(dry.years.last().unwrap().headroom < derived.years.last().unwrap().headroom);
    // The formula is shown beside the number.
    harness.get_all_by_label("计算方法").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("W = Σ W_body").is_some());
}

#[test]
fn footprint_and_ei_views_show_the_deficit_and_the_distance_to_60() {
    let mut harness = harness(View::Footprint, Lang::Zh);
    harness.run();
    assert!(harness.query_by_label_contains("2028 生态赤字").is_some());
    harness.get_by_label("生态环境状况指数").click();
    harness.run();
    assert!(harness.query_by_label("EI = 47.79").is_some());
    // The what-if answers with the built-up area that would have to become forest.
    let forest = ecoplan::engine::methods::area_for_ei(
        &ecoplan::plan::hanyang_plan().methods.ei,
        ecoplan::engine::methods::LandCover::Forest,
        60.0,
    );
    let text = format!(
        "{} km²",
        ecoplan::format::fixed(
            forest.area_km2.unwrap(),
            ecoplan::engine::methods::EI_DECIMALS
        )
    );
    assert!(harness.query_by_label(&text).is_some(), "{text}");
}

#[test]
fn monte_carlo_runs_in_the_background_and_shows_the_probability_of_exceedance() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    harness.get_by_label("不确定 cod").click();
    harness.run();
    assert_eq!(harness.state().doc.scenario().uncertainty.len(), 1);
    harness.get_by_label("运行").click();
    harness.step();
    assert!(
        harness.state().uncertainty.running.is_some() || harness.state().uncertainty.last.is_some()
    );
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.running.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    let (scenario, result) = harness
        .state()
        .uncertainty
        .last
        .clone()
        .expect("the run finished");
    assert_eq!(&scenario, harness.state().doc.scenario());
    assert_eq!(result.runs, 1_000);
    assert!(result.fans.iter().any(|f| f.series == "cod"));
    assert!(harness.query_by_label("超载概率（截至该年）").is_some());
    // Another series' fan runs the same draws again with that fan.
    harness.state_mut().state.fan_series = Some("gdp".into());
    for _ in 0..2_000 {
        harness.step();
        let done = harness
            .state()
            .uncertainty
            .last
            .as_ref()
            .is_some_and(|(_, r)| r.fans.iter().any(|f| f.series == "gdp"));
        if done {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let (_, again) = harness.state().uncertainty.last.clone().unwrap();
    assert!(again.fans.iter().any(|f| f.series == "gdp"));
    assert_eq!(
        again.exceedance, result.exceedance,
        "the same seed, the same draws"
    );
}

#[test]
fn goal_seek_finds_the_energy_growth_that_meets_the_target_and_applies_it() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    harness.get_by_label("求解").click();
    harness.run();
    let answer = harness
        .state()
        .state
        .seek
        .answer
        .clone()
        .unwrap()
        .1
        .unwrap();
    let rate = answer.value.unwrap();
    assert!((rate - 0.0519).abs() < 5e-4, "{rate}");
    harness.get_by_label("采用此值").click();
    harness.run();
    let app = harness.state();
    let check = app
        .doc
        .analysis()
        .targets
        .iter()
        .find(|t| t.key == "energy_intensity")
        .unwrap();
    assert!(check.met, "{}", check.value);
    harness.get_by_label("运行").click();
    harness.run();
    assert!(
        harness
            .state()
            .state
            .seek
            .swings
            .as_ref()
            .is_some_and(|(_, s)| s.is_ok())
    );
    // After an edit, the tornado of the old scenario goes.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().state.seek.swings.is_none());
}

fn radio(harness: &mut Harness<'static, EcoplanApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, label)
        .click();
    harness.run();
}

#[test]
fn each_goal_kind_solves_the_goal_it_shows_with_a_lever_that_fits() {
    use ecoplan::engine::seek::Goal;
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    harness.get_by_label("求解").click();
    harness.run();
    assert!(matches!(
        harness.state().state.seek.answer.as_ref().unwrap().0.goal,
        Goal::Target(_)
    ));
    // Another goal: the old answer goes, and the lever follows the goal (COD for COD).
    radio(&mut harness, "环境容量");
    assert!(harness.state().state.seek.answer.is_none());
    assert_eq!(harness.state().state.seek.lever, "cod");
    harness.get_by_label("求解").click();
    harness.run();
    let (asked, answer) = harness.state().state.seek.answer.clone().unwrap();
    assert_eq!(
        asked.goal,
        Goal::Capacity {
            pollutant: "COD".into(),
            until: 2040
        }
    );
    // The highest COD growth under capacity to 2040 (README: 8.35 %/yr).
    let rate = answer.unwrap().value.unwrap();
    assert!((rate - 0.0835).abs() < 5e-4, "{rate}");
    // The bound: municipal solid waste at most 400 000 t in 2028.
    radio(&mut harness, "序列约束");
    assert!(harness.state().state.seek.answer.is_none());
    assert_eq!(harness.state().state.seek.lever, "msw");
    harness.get_by_label("求解").click();
    harness.run();
    let (asked, answer) = harness.state().state.seek.answer.clone().unwrap();
    assert!(matches!(asked.goal, Goal::Bound { ref series, year: 2028, .. } if series == "msw"));
    let answer = answer.unwrap();
    assert_eq!(
        answer.outcome,
        ecoplan::engine::seek::SeekOutcome::Found,
        "{answer:?}"
    );
    harness.get_by_label("采用此值").click();
    harness.run();
    // Applied, the bound holds just: waste in 2028 is 400 000 t.
    let waste = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("msw", 2028)
        .unwrap();
    assert!((waste - 400_000.0).abs() < 1.0, "{waste}");
}

#[test]
fn a_lever_that_does_not_move_the_goal_is_named_and_solve_waits() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    // The lever chosen in its list, as a user would.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "调节参数")
        .click();
    harness.run();
    harness.get_by_label("化学需氧量排放总量").click();
    harness.run();
    assert_eq!(harness.state().state.seek.lever, "cod");
    assert!(
        harness
            .query_by_label("调整该变量不会改变这一目标：请选择驱动目标序列的变量。")
            .is_some()
    );
    harness.get_by_label("求解").click();
    harness.run();
    assert!(harness.state().state.seek.answer.is_none());
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
fn an_unsaved_workspace_is_offered_back_whole_after_a_crash() {
    let dir = temp_dir("workspace-recovery");
    {
        let mut harness = instance(&dir, View::Assumptions);
        harness.get_by_label("＋ 派生情景").click();
        harness.run();
        type_into(&mut harness, "年增长率 cod %", "9");
        press_enter(&mut harness);
        harness.state().autosave();
    }
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("恢复").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.members.slots.len(), 2);
    assert!(app.any_dirty());
    let child = app.members.slots[1].doc.as_ref().unwrap();
    assert_eq!(
        child.scenario().series("cod").unwrap().rule,
        ecoplan::model::Rule::growth(0.09)
    );
}

/// The members' names as the navigator shows them (a file of one scenario by the scenario's
/// own name).
fn member_names(harness: &Harness<'static, EcoplanApp>) -> Vec<String> {
    harness
        .state()
        .member_views()
        .iter()
        .map(|(name, _, _)| (*name).to_owned())
        .collect()
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
            .query_by_label(&format!("删除此情景？可用“撤销”恢复： {child}"))
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
            .is_some_and(|m| m.starts_with("已保存: ")),
        "{:?}",
        harness.state().notice
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
        Some(format!("已导出: {}", out.display()).as_str())
    );
    // Save as goes the same way; Cancel leaves everything as it was.
    click_menu(&mut harness, "文件", "另存为…");
    assert!(harness.query_by_label("文件路径").is_some());
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("文件路径").is_none());
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
            .is_some_and(|m| m.starts_with("已复制图片: ")),
        "{:?}",
        harness.state().notice
    );
}

#[test]
fn ei_land_cover_larger_than_the_district_is_refused_in_the_window_and_by_check() {
    let mut harness = harness(View::Ei, Lang::Zh);
    harness.run();
    let area = harness.state().doc.scenario().methods.ei.area_km2;
    let field = || egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(field(), "林地 km²").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field(), "林地 km²")
        .type_text(&format!("{}", area + 1.0));
    harness.run();
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap_or_default();
    assert!(message.contains("超过辖区面积"), "{message}");
    assert_eq!(harness.state().doc.scenario().methods.ei.forest_km2, 6.0);
    // The same file is refused by `ecoplan check`.
    let mut scenario = ecoplan::plan::hanyang_plan();
    scenario.methods.ei.forest_km2 = area + 1.0;
    let path = temp_dir("ei-area").join("too-green.ron");
    std::fs::write(&path, ecoplan::io::to_ron_string(&scenario)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .args(["check", path.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("more than the district's area"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Types `text` into the field named `name` (replacing what is there), without pressing Enter.
fn replace_text(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(name).type_text(text);
    harness.run();
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
fn a_goal_seek_answer_goes_when_the_scenario_changes_and_a_chosen_lever_stays_with_its_goal() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    // A bound on domestic water use, which population drives.
    harness.state_mut().state.seek.bound_series = "water_domestic".into();
    harness.state_mut().state.seek.bound_value = 1.2;
    radio(&mut harness, "序列约束");
    assert_eq!(harness.state().state.seek.lever, "water_domestic");
    // The user picks population instead; changing only the bound's value keeps it.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "调节参数")
        .click();
    harness.run();
    harness.get_by_label("常住人口").click();
    harness.run();
    // Typed into the bound's own field, within the form's frame.
    harness
        .get_by_role_and_label(egui::accesskit::Role::SpinButton, "约束值")
        .set_value_accesskit(1.3);
    harness.run();
    assert_eq!(harness.state().state.seek.bound_value, 1.3);
    assert_eq!(harness.state().state.seek.lever, "population");
    harness.get_by_label("求解").click();
    harness.run();
    assert!(harness.state().state.seek.answer.is_some());
    // An edit of the scenario makes the answer stale: it goes, and cannot be applied.
    harness.state_mut().run(
        &egui::Context::default(),
        ecoplan::ui::Command::Apply {
            edit: ecoplan::document::Edit::SetHorizon { year: 2030 },
            merge: false,
        },
    );
    harness.run();
    assert!(harness.state().state.seek.answer.is_none());
    assert!(harness.query_by_label("采用此值").is_none());
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
            .is_some_and(|m| m.contains("文件名须以此结尾： .csv")),
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

/// The computed status of the indicator numbered `number`.
fn indicator_status(
    harness: &Harness<'static, EcoplanApp>,
    number: &str,
) -> ecoplan::engine::indicators::Status {
    let app = harness.state();
    let index = app
        .doc
        .scenario()
        .indicators
        .iter()
        .position(|i| i.number == number)
        .unwrap();
    app.doc.analysis().indicators[index].status
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
fn goal_seek_applied_turns_energy_intensity_met() {
    use ecoplan::engine::indicators::Status;
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    assert_eq!(indicator_status(&harness, "20"), Status::NotMet);
    let findings = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .analysis()
            .findings
            .iter()
            .filter(|f| matches!(f, ecoplan::engine::Finding::IndicatorDisagrees { .. }))
            .count()
    };
    assert_eq!(findings(&harness), 1);
    harness.get_by_label("求解").click();
    harness.run();
    harness.get_by_label("采用此值").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "20"), Status::Met);
    assert_eq!(
        findings(&harness),
        0,
        "the disagreement with the plan's \"met\" is gone"
    );
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
fn an_observed_value_of_a_series_shows_its_deviation_and_a_point_on_the_chart() {
    let mut harness = harness(View::Projections, Lang::Zh);
    harness.run();
    // GDP is the first series: typed for 2023 as a mid-term review would.
    type_into(&mut harness, "添加 年份", "2023");
    press_enter(&mut harness);
    type_into(&mut harness, "添加 实测", "900");
    press_enter(&mut harness);
    let app = harness.state();
    let gdp = app.doc.scenario().series("gdp").unwrap();
    assert_eq!(gdp.observed.len(), 1);
    assert_eq!((gdp.observed[0].year, gdp.observed[0].value), (2023, 900.0));
    // Projected 792.86 × 1.075² = 916.25: 16.25 below the projection.
    let projected = app.doc.analysis().projection.value("gdp", 2023).unwrap();
    assert!(
        harness
            .query_by_label(&ecoplan::format::fixed(900.0 - projected, 2))
            .is_some()
    );
    assert!(harness.query_by_label("-1.8 %").is_some());
    // The chart of GDP carries it as a point.
    let spec = ecoplan::charts::series_chart(
        app.doc.scenario(),
        app.doc.analysis(),
        &["gdp"],
        Lang::Zh,
        ecoplan::charts::ChartKey::Group {
            group: ecoplan::model::Group::Economy,
            part: 1,
        },
        "t".into(),
    )
    .unwrap();
    assert_eq!(spec.observed.len(), 1);
    assert_eq!(spec.observed[0].points, vec![(2023.0, 900.0)]);
    // Undo takes it away; a value typed as text changes nothing.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .observed
            .is_empty()
    );
    type_into(&mut harness, "添加 实测", "lots");
    press_enter(&mut harness);
    assert!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .observed
            .is_empty()
    );
}

/// Runs frames until the what-if view's background run has finished for the current scenario.
fn wait_for_bands(harness: &mut Harness<'static, EcoplanApp>) {
    let started = std::time::Instant::now();
    loop {
        // Step, not run: a running job asks for frames until it finishes.
        harness.step();
        let app = harness.state();
        let done = app
            .whatif
            .last
            .as_ref()
            .is_some_and(|(s, _)| s == app.doc.scenario());
        if done {
            return;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the bands never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn the_what_if_view_moves_the_exceedance_bands_and_ghost_with_a_lever() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let scenario = ecoplan::io::load(&path).unwrap();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.doc = ecoplan::document::Document::new(scenario, Some(path)).unwrap();
    let mut harness = harness_for(app, View::WhatIf, Lang::Zh);
    wait_for_bands(&mut harness);
    // At 9 %/yr COD exceeds its capacity in 2039, almost surely by 2060.
    assert_eq!(cod_first_exceedance(harness.state()), Some(2039));
    assert!(
        harness
            .query_by_label_contains("化学需氧量 2039 · P 100.0 %")
            .is_some()
    );
    // No ghost while the scenario is as saved.
    assert!(harness.query_by_label("灰色虚线：已保存的情景").is_none());
    // Typed as a user would, one frame at a time (the bands ask for frames while they run).
    harness.get_by_label("年增长率 cod %").focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("年增长率 cod %").type_text("7");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    // The curve moves at once; the distribution centred on 9 % moves to 7 % with the lever.
    assert_eq!(cod_first_exceedance(harness.state()), Some(2044));
    let uncertain = &harness.state().doc.scenario().uncertainty;
    let cod = uncertain.iter().find(|u| u.series == "cod").unwrap();
    assert!((cod.distribution.centre() - 0.07).abs() < 1e-12);
    wait_for_bands(&mut harness);
    let result = &harness.state().whatif.last.as_ref().unwrap().1;
    let cod_by_2060 = result
        .exceedance
        .iter()
        .find(|e| e.pollutant == "COD")
        .unwrap()
        .by_year
        .last()
        .copied()
        .unwrap();
    assert!(cod_by_2060 < 1.0 && cod_by_2060 > 0.5, "{cod_by_2060}");
    assert!(
        harness
            .query_by_label_contains("化学需氧量 2044 · P")
            .is_some()
    );
    // The saved scenario is the ghost behind each curve now.
    assert!(harness.query_by_label("灰色虚线：已保存的情景").is_some());
    // One undo step takes the lever and its distribution back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(cod_first_exceedance(harness.state()), Some(2039));
    let cod = harness
        .state()
        .doc
        .scenario()
        .uncertainty
        .iter()
        .find(|u| u.series == "cod")
        .cloned()
        .unwrap();
    assert!((cod.distribution.centre() - 0.09).abs() < 1e-12);
}

#[test]
fn the_what_if_view_without_uncertain_rates_says_how_to_get_bands() {
    let mut harness = harness(View::WhatIf, Lang::Zh);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("本情景没有不确定参数")
            .is_some()
    );
    assert!(
        harness.state().whatif.running.is_none(),
        "no run without uncertain rates"
    );
    // The key figures: COD not exceeded, 1 of 2 targets met, indicators met out of assessed.
    assert!(harness.query_by_label("目标达成 1/2").is_some());
    assert!(harness.query_by_label("指标达标 26/31").is_some());
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
fn one_drag_of_a_lever_is_one_undo_step() {
    let mut harness = harness(View::WhatIf, Lang::Zh);
    harness.run();
    let depth = harness.state().doc.undo_depth();
    let rate = |h: &Harness<'static, EcoplanApp>| {
        ecoplan::model::lever_value(&h.state().doc.scenario().series("cod").unwrap().rule).unwrap()
    };
    let before = rate(&harness);
    let slider = harness.get_by_label("年增长率 cod").rect();
    let y = slider.center().y;
    // Press left of the thumb (the slider jumps there), then drag further left in small steps.
    let mut x = slider.left() + slider.width() * 0.3;
    harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    harness.step();
    for _ in 0..6 {
        x -= 3.0;
        harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
    assert!(rate(&harness) < before, "the drag lowered COD's growth");
    assert_eq!(
        harness.state().doc.undo_depth(),
        depth + 1,
        "one step for the drag"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        (rate(&harness) - before).abs() < 1e-15,
        "one undo takes it all back"
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
fn after_a_run_the_workbook_has_its_sheet_and_presentation_its_fan() {
    let dir = temp_dir("export-uncertainty");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(dir.join("after-run.xlsx"));
    let mut harness = harness_with(View::Uncertainty, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("不确定 cod").click();
    harness.run();
    harness.get_by_label("运行").click();
    harness.step();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.running.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    assert!(
        harness.state().uncertainty.last.is_some(),
        "the run finished"
    );
    // F11 from the Uncertainty view starts at the run's fan.
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("不确定性区间：化学需氧量排放总量")
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出").click();
    harness.run();
    harness.get_by_label("全部表格与图表（XLSX）…").click();
    harness.run();
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(dir.join("after-run.xlsx")).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(&names[names.len() - 2..], ["不确定性", "哪个假设最重要"]);
    let sheet = workbook.worksheet_range("不确定性").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&calamine::Data::String(
            "超载概率（截至该年） · 1000 次模拟".into()
        ))
    );
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
            .query_by_label_contains("化学需氧量排放量与水环境容量")
            .is_some()
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

/// The base value of `key` in member `index`'s scenario, wherever the member is held.
fn base_of(app: &EcoplanApp, index: usize, key: &str) -> Option<f64> {
    app.doc_at(index)
        .unwrap()
        .scenario()
        .series(key)
        .unwrap()
        .base
}

fn rule_of(app: &EcoplanApp, index: usize, key: &str) -> ecoplan::model::Rule {
    app.doc_at(index)
        .unwrap()
        .scenario()
        .series(key)
        .unwrap()
        .rule
        .clone()
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
    harness.get_by_label("编辑环境容量 SO2").click();
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

/// The words in Latin letters of `text` (three letters or more), outside file names and the
/// quoted keys of the scenario: what a Chinese reader should not meet in a message.
fn latin_words(text: &str, path: &std::path::Path) -> Vec<String> {
    let text = text.replace(&path.display().to_string(), "");
    // Quoted keys (“population”, "gdp") are the file's own names.
    let mut plain = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' | '"' if !quoted => quoted = true,
            '”' | '"' if quoted => quoted = false,
            _ if !quoted => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_owned)
        .collect()
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
fn an_elasticity_lever_is_spread_searched_and_read_as_an_elasticity_a_rate_in_percent() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    // Ticking an elasticity (secondary industry follows GDP at 1.0) spreads it by a tenth of
    // itself; a rate (GDP, 7.5 %) by one point.
    for key in ["gdp_secondary", "gdp"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    let uncertainty = harness.state().doc.scenario().uncertainty.clone();
    let sd_of = |key: &str| match uncertainty.iter().find(|u| u.series == key) {
        Some(ecoplan::model::Uncertain {
            distribution: ecoplan::model::Distribution::Normal { sd, min, max, .. },
            ..
        }) => (*sd, *min, *max),
        other => panic!("{key}: {other:?}"),
    };
    assert_eq!(sd_of("gdp_secondary"), (0.1, 0.6, 1.4));
    let (sd, min, max) = sd_of("gdp");
    assert_eq!(sd, 0.01);
    assert!((min - 0.035).abs() < 1e-12 && (max - 0.115).abs() < 1e-12);
    // Goal seek on an elasticity: its range and its answer are plain numbers, not %.
    harness.state_mut().state.view = View::GoalSeek;
    harness.run();
    harness.state_mut().state.seek.goal = ecoplan::ui::GoalKind::Bound;
    harness.state_mut().state.seek.bound_series = "gdp_secondary".into();
    harness.state_mut().state.seek.bound_year = 2028;
    harness.state_mut().state.seek.bound_value = 250.0;
    harness.run();
    harness.state_mut().state.seek.lever = "gdp_secondary".into();
    harness.run();
    let seek = &harness.state().state.seek;
    assert_eq!((seek.low_percent, seek.high_percent), (-1.0, 3.0));
    harness.get_by_label("求解").click();
    harness.run();
    let answer = harness
        .query_all_by_label_contains("第二产业增加值: ")
        .map(|n| {
            use egui_kittest::kittest::NodeT;
            let node = n.accesskit_node();
            node.label()
                .filter(|l| !l.is_empty())
                .or(node.value())
                .unwrap_or_default()
                .to_string()
        })
        .next()
        .expect("an answer");
    assert!(!answer.contains('%'), "{answer}");
    let value: f64 = answer
        .trim_start_matches("第二产业增加值: ")
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{answer:?}"));
    // 169.78 × (1.075^e)^7 = 250 gives e ≈ 0.763.
    assert!((value - 0.763).abs() < 0.002, "{answer}");
    // Back to a rate: the range is in % again.
    harness.state_mut().state.seek.lever = "gdp".into();
    harness.run();
    let seek = &harness.state().state.seek;
    assert_eq!((seek.low_percent, seek.high_percent), (-20.0, 30.0));
}

#[test]
fn correlations_are_typed_in_the_uncertainty_view_and_an_impossible_set_is_refused() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("勾选两个以上不确定参数")
            .is_some()
    );
    for key in ["gdp", "energy", "cod"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    type_into(&mut harness, "相关系数 gdp energy", "0.6");
    press_enter(&mut harness);
    type_into(&mut harness, "相关系数 energy cod", "0.6");
    press_enter(&mut harness);
    let correlations = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .scenario()
            .correlations
            .iter()
            .map(|c| (c.between.0.clone(), c.between.1.clone(), c.rho))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        correlations(&harness),
        [
            ("gdp".to_owned(), "energy".to_owned(), 0.6),
            ("energy".to_owned(), "cod".to_owned(), 0.6)
        ]
    );
    // GDP against COD at −0.9 cannot hold with the two above: refused, with why, in Chinese.
    type_into(&mut harness, "相关系数 gdp cod", "-0.9");
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap_or_default();
    assert!(message.contains("半正定"), "{message}");
    assert_eq!(correlations(&harness).len(), 2);
    // Unticking a lever drops its correlations.
    harness.get_by_label("不确定 energy").click();
    harness.run();
    assert!(correlations(&harness).is_empty());
}

#[test]
fn the_uncertainty_view_answers_which_assumption_matters_most_for_a_result() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    for key in ["gdp", "gdp_secondary"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    // A wide elasticity beside GDP's one point: the elasticity drives the secondary industry.
    let mut wide = harness.state().doc.scenario().uncertainty.clone();
    wide[1].distribution = ecoplan::model::Distribution::Normal {
        mean: 1.0,
        sd: 0.3,
        min: 0.1,
        max: 1.9,
    };
    harness
        .state_mut()
        .doc
        .apply(ecoplan::document::Edit::SetUncertainty { uncertainty: wide })
        .unwrap();
    harness.state_mut().state.fan_series = Some("gdp_secondary".into());
    harness.run();
    harness.get_by_label("运行").click();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.running.is_none()
            && harness.state().uncertainty.last.is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    assert!(harness.query_by_label("哪个假设最重要").is_some());
    // Nothing is computed until asked.
    assert!(harness.state().state.importance.shares.is_none());
    // Below the fold of the view: pressed from the keyboard.
    harness.get_by_label("计算各参数的贡献").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let shares = match &harness.state().state.importance.shares {
        Some((_, _, _, Ok(shares))) => shares.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(shares[0].lever, "gdp_secondary", "{shares:?}");
    assert!(shares[0].share > 0.8, "{shares:?}");
    assert!(
        harness
            .query_by_label_contains("第二产业增加值：")
            .is_some()
    );
    // Another year is another question: asked again, not shown stale.
    harness.state_mut().state.importance.year = Some(2025);
    harness.run();
    assert!(harness.query_by_label("计算各参数的贡献").is_some());
    assert!(
        harness
            .query_by_label_contains("第二产业增加值：")
            .is_none()
    );
}

#[test]
fn the_what_if_view_says_which_lever_drives_a_capacity_series_or_its_exceedance() {
    use ecoplan::engine::importance::Outcome;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let scenario = ecoplan::io::load(&path).unwrap();
    let horizon = scenario.horizon;
    let cod_name = scenario.series("cod").unwrap().label.zh.clone();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.doc = ecoplan::document::Document::new(scenario, Some(path)).unwrap();
    let mut harness = harness_for(app, View::WhatIf, Lang::Zh);
    wait_for_bands(&mut harness);
    assert!(harness.query_by_label("哪个假设最重要").is_some());
    assert!(harness.state().state.whatif_importance.shares.is_none());
    let compute = |harness: &mut Harness<'static, EcoplanApp>| {
        // Below the capacity and target charts: pressed from the keyboard.
        harness.get_by_label("计算各参数的贡献").focus();
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        match &harness.state().state.whatif_importance.shares {
            Some((_, outcome, _, Ok(shares))) => (outcome.clone(), shares.clone()),
            other => panic!("{other:?}"),
        }
    };
    // First asked: the value of the first capacity series (COD emissions) at the horizon.
    let (outcome, shares) = compute(&mut harness);
    assert_eq!(
        outcome,
        Outcome::Series {
            key: "cod".into(),
            year: horizon
        }
    );
    assert_eq!(shares[0].lever, "cod", "{shares:?}");
    assert!(shares[0].share > 0.9, "{shares:?}");
    assert!(
        harness
            .query_by_label_contains(&format!("{cod_name}："))
            .is_some()
    );
    // Another question (NH3-N's exceedance by 2040) is asked again, its own answer drawn.
    let asked = &mut harness.state_mut().state.whatif_importance;
    asked.capacity = Some("NH3-N".into());
    asked.year = Some(2040);
    harness.run();
    assert!(
        harness
            .query_by_label_contains(&format!("{cod_name}："))
            .is_none()
    );
    let (outcome, shares) = compute(&mut harness);
    assert_eq!(
        outcome,
        Outcome::Exceeded {
            pollutant: "NH3-N".into(),
            year: 2040
        }
    );
    assert_eq!(shares[0].lever, "nh3n", "{shares:?}");
    // The Uncertainty view's question is its own.
    assert!(harness.state().state.importance.shares.is_none());
}

#[test]
fn a_series_picked_in_compare_starts_no_monte_carlo_run_of_the_uncertainty_view() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(path);
    let mut harness = harness_with(View::Uncertainty, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "打开…");
    assert!(harness.state().members.slots.len() > 1);
    harness.get_by_label("不确定 cod").click();
    harness.run();
    harness.get_by_label("运行").click();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.running.is_none()
            && harness.state().uncertainty.last.is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    let finished = harness.state().uncertainty.finished;
    let fans = |h: &Harness<'static, EcoplanApp>| {
        let (_, result) = h.state().uncertainty.last.clone().unwrap();
        result
            .fans
            .iter()
            .map(|f| f.series.clone())
            .collect::<Vec<_>>()
    };
    // The scenario's own default: the series its first capacity compares (COD).
    assert_eq!(fans(&harness), ["cod"]);

    // GDP overlaid in Compare: the comparison shows it ...
    harness.state_mut().state.view = View::Compare;
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "叠加图")
        .click();
    harness.run();
    harness
        .get_all_by_label("地区生产总值")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().state.compare_series.as_deref(), Some("gdp"));
    // ... and the Uncertainty view, shown again, keeps its fan and starts nothing.
    harness.state_mut().state.view = View::Uncertainty;
    harness.run_steps(5);
    assert!(harness.state().uncertainty.running.is_none());
    assert_eq!(harness.state().uncertainty.finished, finished);
    assert_eq!(fans(&harness), ["cod"]);
    assert_eq!(harness.state().state.fan_series, None);
}
