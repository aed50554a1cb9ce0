//! A new district's plan built in the window from nothing, the way a consultant with the
//! district's figures on paper builds it: File → New district, the plan's years, capacities,
//! targets, rules and notes, saved and reported, with no file edited by hand. In Chinese, the
//! language users read.

use std::cell::RefCell;
use std::io::Read;
use std::path::PathBuf;
use std::rc::Rc;

use ecoplan::app::{EcoplanApp, FileDialogs, Picked};
use ecoplan::i18n::Lang;
use ecoplan::model::{Comparison, Metric, Rule};
use ecoplan::ui::View;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Answers save dialogs with the paths the test chose, as a user picking them would.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    save: Rc<RefCell<Vec<PathBuf>>>,
    tables: Rc<RefCell<Vec<PathBuf>>>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_scenario(&self) -> Picked {
        None::<PathBuf>.into()
    }

    fn pick_table(&self) -> Picked {
        self.tables.borrow_mut().pop().into()
    }

    fn pick_save(&self, _suggested_name: &str, _extension: &str) -> Picked {
        self.save.borrow_mut().pop().into()
    }
}

fn harness(view: View, dialogs: ScriptedDialogs) -> Harness<'static, EcoplanApp> {
    let mut app = EcoplanApp::with_builtin_plan(Box::new(dialogs));
    app.state.view = view;
    app.state.lang = Lang::Zh;
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(ecoplan::ui::fonts::install)
        .build_ui_state(|ui, app: &mut EcoplanApp| app.window_ui(ui), app)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-plan-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Types into the text field named `name` (replacing what it held) and leaves it with Enter.
fn type_into(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    let field = || (egui::accesskit::Role::TextInput, name);
    harness.get_by_role_and_label(field().0, field().1).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field().0, field().1)
        .type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Types into a field of a dialog, whose text is read as it is typed (no Enter).
fn type_in_dialog(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    let field = || (egui::accesskit::Role::TextInput, name);
    harness.get_by_role_and_label(field().0, field().1).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field().0, field().1)
        .type_text(text);
    harness.run();
}

fn click(harness: &mut Harness<'static, EcoplanApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens the combo box named `combo` and picks `option` from its list (drawn above the view,
/// so the last of the nodes that bear the name, where a table shows it too).
fn choose(harness: &mut Harness<'static, EcoplanApp>, combo: &str, option: &str) {
    click(harness, combo);
    harness
        .get_all_by_label(option)
        .last()
        .expect("the option is listed")
        .click();
    harness.run();
}

fn radio(harness: &mut Harness<'static, EcoplanApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, label)
        .click();
    harness.run();
}

fn show(harness: &mut Harness<'static, EcoplanApp>, view: View) {
    harness.state_mut().state.view = view;
    harness.run();
}

/// File → New district with the district's name, base year, milestones and periods.
fn new_district(harness: &mut Harness<'static, EcoplanApp>) {
    click(harness, "文件");
    harness
        .get_by_label_contains("新建示范区（国家指标框架）")
        .click();
    harness.run();
    type_in_dialog(harness, "地区名称", "青山区");
    type_in_dialog(harness, "基准年", "2024");
    type_in_dialog(harness, "规划节点年", "2027, 2030");
    type_in_dialog(harness, "各阶段名称", "创建期, 提升期");
    assert!(
        harness
            .query_by_label("基准年 2024，节点年 2027、2030，预测至 2030 年")
            .is_some(),
        "the dialog says which years the plan will have"
    );
    click(harness, "创建");
}

#[test]
fn the_new_district_dialog_takes_the_plans_years_and_refuses_a_milestone_past_the_horizon() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    click(&mut harness, "文件");
    harness
        .get_by_label_contains("新建示范区（国家指标框架）")
        .click();
    harness.run();
    type_in_dialog(&mut harness, "基准年", "2024");
    type_in_dialog(&mut harness, "规划节点年", "2027, 2032");
    type_in_dialog(&mut harness, "预测终年", "2030");
    assert!(
        harness
            .query_by_label("节点年 2032 晚于预测终年 2030")
            .is_some()
    );
    // The create button does nothing while the years do not fit.
    click(&mut harness, "创建");
    assert_eq!(harness.state().doc.scenario().base_year, 2021);
    type_in_dialog(&mut harness, "规划节点年", "2027，2029");
    type_in_dialog(&mut harness, "基准年", "二零二四");
    assert!(
        harness
            .query_by_label("基准年：“二零二四”不是年份")
            .is_some()
    );
    type_in_dialog(&mut harness, "基准年", "2024");
    click(&mut harness, "创建");
    let scenario = harness.state().doc.scenario();
    assert_eq!(
        (
            scenario.base_year,
            scenario.milestones.clone(),
            scenario.horizon
        ),
        (2024, vec![2027, 2029], 2030)
    );
    // Without names, the periods are unnamed; with the default milestones, they are the
    // creation and improvement periods, in the interface's language.
    assert!(scenario.periods.is_empty());
    click(&mut harness, "文件");
    harness
        .get_by_label_contains("新建示范区（国家指标框架）")
        .click();
    harness.run();
    type_in_dialog(&mut harness, "基准年", "2024");
    click(&mut harness, "创建");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.milestones, vec![2028, 2031]);
    let names: Vec<&str> = scenario
        .periods
        .iter()
        .map(|p| p.name.zh.as_str())
        .collect();
    assert_eq!(names, ["创建期", "提升期"]);
    // No source until the user writes one or an import does: nothing for the chapter to
    // print as a basis.
    assert!(
        scenario
            .series
            .iter()
            .all(|s| s.source.zh.is_empty() && s.source.en.is_empty())
    );
}

#[test]
fn the_plan_view_edits_milestones_periods_and_texts_and_never_hides_a_milestone() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::Plan);
    type_into(&mut harness, "编制单位", "测试规划院");
    type_into(&mut harness, "规划名称", "青山区生态文明建设示范区规划");
    type_into(&mut harness, "阶段名称（英文） 2027", "creation");
    // A milestone past the horizon extends it and says so.
    click(&mut harness, "＋ 添加节点年");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.milestones, vec![2027, 2030, 2031]);
    assert_eq!(scenario.horizon, 2031);
    assert_eq!(
        harness.state().notice.as_deref(),
        Some("预测终年已延长至 2031 年，以包含节点年 2031")
    );
    // A horizon before a milestone is refused naming it, and the milestone stays.
    type_into(&mut harness, "预测终年 年份", "2029");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.horizon, 2031);
    assert!(
        harness
            .state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("2029 早于节点年 2031")),
        "{:?}",
        harness.state().message
    );
    // Moving a milestone keeps its period's name; removing one is undoable.
    type_into(&mut harness, "规划节点 1", "2026");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.milestones, vec![2026, 2030, 2031]);
    let first = scenario.period_name(2026).unwrap();
    assert_eq!(
        (first.zh.as_str(), first.en.as_str()),
        ("创建期", "creation")
    );
    click(&mut harness, "删除 规划节点 2031");
    assert_eq!(harness.state().doc.scenario().milestones, vec![2026, 2030]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario().milestones,
        vec![2026, 2030, 2031]
    );
    // A milestone typed twice or before the base year is refused where it is typed.
    type_into(&mut harness, "规划节点 1", "2030");
    type_into(&mut harness, "规划节点 1", "2020");
    assert_eq!(
        harness.state().doc.scenario().milestones,
        vec![2026, 2030, 2031]
    );
    let metadata = &harness.state().doc.scenario().metadata;
    assert_eq!(metadata.author, "测试规划院");
    assert_eq!(metadata.name, "青山区生态文明建设示范区规划");
    // The name may not be emptied: it is the report's title.
    type_into(&mut harness, "规划名称", " ");
    assert_eq!(
        harness.state().doc.scenario().metadata.name,
        "青山区生态文明建设示范区规划"
    );
}

#[test]
fn a_capacity_is_added_in_its_unit_edited_refused_in_a_unit_that_does_not_convert_and_removed() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::CapacityWater);
    assert!(
        harness
            .query_by_label_contains("尚无该要素的环境容量")
            .is_some()
    );
    click(&mut harness, "＋ 添加环境容量");
    // Not yet: no pollutant.
    assert!(harness.query_by_label("请选择或输入污染物").is_some());
    choose(&mut harness, "常用污染物", "NH3-N 氨氮");
    type_in_dialog(&mut harness, "新增容量 环境容量", "0.05");
    type_in_dialog(&mut harness, "新增容量 单位", "万 t/a");
    click(&mut harness, "添加环境容量");
    let capacity = harness.state().doc.scenario().capacities[0].clone();
    assert_eq!(
        (capacity.pollutant.as_str(), capacity.series.as_str()),
        ("NH3-N", "nh3n")
    );
    assert_eq!((capacity.value, capacity.unit.symbol()), (0.05, "万 t/a"));
    assert_eq!(capacity.label.zh, "氨氮");
    // Compared in the series' unit: 0.05 万 t/a is 500 t/a.
    assert!(harness.query_by_label_contains("= 500").is_some());
    // Edited: a unit that measures something else is refused, the source is typed.
    click(&mut harness, "编辑环境容量 氨氮（NH3-N）");
    type_into(&mut harness, "单位 NH3-N", "亿元");
    assert_eq!(
        harness.state().doc.scenario().capacities[0].unit.symbol(),
        "万 t/a"
    );
    // Another unit of the same quantity keeps the capacity: 0.05 万 t/a is 500 t/a.
    type_into(&mut harness, "单位 NH3-N", "t/a");
    let capacity = &harness.state().doc.scenario().capacities[0];
    assert_eq!(capacity.unit.symbol(), "t/a");
    assert!((capacity.value - 500.0).abs() < 1e-9, "{}", capacity.value);
    type_into(&mut harness, "来源说明 NH3-N （中文）", "区水环境容量报告");
    type_into(&mut harness, "污染物 NH3-N", "NH3N");
    let capacity = &harness.state().doc.scenario().capacities[0];
    assert_eq!(capacity.pollutant, "NH3N");
    assert_eq!(capacity.source.zh, "区水环境容量报告");
    // A pollutant whose series the scenario lacks leaves none chosen, not the last one's.
    choose(&mut harness, "常用污染物", "COD 化学需氧量");
    choose(&mut harness, "常用污染物", "TP 总磷");
    assert!(harness.query_by_label("请选择对比的排放序列").is_some());
    // A typed pollutant of one's own, compared with a series chosen by name.
    type_in_dialog(&mut harness, "新增容量 污染物", "TP");
    choose(&mut harness, "新增容量 对比排放序列", "化学需氧量排放总量");
    type_in_dialog(&mut harness, "新增容量 环境容量", "abc");
    assert!(harness.query_by_label_contains("“abc”不是数字").is_some());
    type_in_dialog(&mut harness, "新增容量 环境容量", "120");
    type_in_dialog(&mut harness, "新增容量 单位", "t/a");
    click(&mut harness, "添加环境容量");
    assert_eq!(harness.state().doc.scenario().capacities.len(), 2);
    click(&mut harness, "编辑环境容量 总磷（TP）");
    click(&mut harness, "删除环境容量 TP");
    let pollutants: Vec<String> = harness
        .state()
        .doc
        .scenario()
        .capacities
        .iter()
        .map(|c| c.pollutant.clone())
        .collect();
    assert_eq!(pollutants, ["NH3N"]);
}

#[test]
fn a_target_is_added_measured_as_a_ratio_or_relative_to_a_year_and_removed() {
    let mut harness = harness(View::Targets, ScriptedDialogs::default());
    harness.run();
    let before = harness.state().doc.scenario().targets.len();
    click(&mut harness, "＋ 添加目标");
    let target = harness.state().doc.scenario().targets[before].clone();
    assert_eq!(target.metric, Metric::Series("gdp".into()));
    assert!(
        harness.state().doc.analysis().targets[before].met,
        "it starts at the projection"
    );
    let key = target.key.clone();
    click(&mut harness, &format!("编辑目标 {}", target.label.zh));
    radio(&mut harness, &format!("两序列之比 {key}"));
    choose(&mut harness, &format!("分子 {key}"), "能源消费总量");
    choose(&mut harness, &format!("分母 {key}"), "地区生产总值");
    type_into(&mut harness, &format!("单位 {key}"), "tce/万元");
    radio(&mut harness, &format!("≤ {key}"));
    type_into(&mut harness, &format!("目标值 {key}"), "0.17");
    let target = harness.state().doc.scenario().targets[before].clone();
    assert_eq!(
        target.metric,
        Metric::Ratio {
            numerator: "energy".into(),
            denominator: "gdp".into()
        }
    );
    assert_eq!(
        (target.comparison, target.threshold, target.unit.symbol()),
        (Comparison::AtMost, 0.17, "tce/万元")
    );
    // Energy per GDP in 2028 by hand, from the projection: energy ÷ GDP (万 tce/亿元 = tce/万元).
    let analysis = harness.state().doc.analysis();
    let check = &analysis.targets[before];
    let by_hand = analysis.projection.value("energy", target.year).unwrap()
        / analysis.projection.value("gdp", target.year).unwrap();
    assert!((check.value - by_hand).abs() < 1e-12);
    assert_eq!(check.met, by_hand <= 0.17);
    // = : met only on the threshold.
    radio(&mut harness, &format!("= {key}"));
    assert_eq!(
        harness.state().doc.scenario().targets[before].comparison,
        Comparison::Equal
    );
    assert!(
        !harness.state().doc.analysis().targets[before].met,
        "0.17 is not the ratio"
    );
    radio(&mut harness, &format!("≤ {key}"));
    // Relative: 10 % below the base year's value.
    radio(&mut harness, &format!("相对某年变化 {key}"));
    type_into(&mut harness, &format!("参照年 {key}"), "2021");
    type_into(&mut harness, &format!("目标值 {key}"), "-10");
    let analysis = harness.state().doc.analysis();
    let check = &analysis.targets[before];
    let base = analysis.projection.value("energy", 2021).unwrap()
        / analysis.projection.value("gdp", 2021).unwrap();
    assert_eq!(check.relative, Some((2021, -0.1)));
    assert!((check.threshold - base * 0.9).abs() < 1e-12);
    // A reference year without a value is refused where it is typed.
    type_into(&mut harness, &format!("参照年 {key}"), "2015");
    assert_eq!(
        harness.state().doc.scenario().targets[before].relative_to,
        Some(2021)
    );
    // A unit that does not convert is refused; the year must be projected.
    type_into(&mut harness, &format!("单位 {key}"), "万人");
    type_into(&mut harness, &format!("年份 {key}"), "2040");
    let target = &harness.state().doc.scenario().targets[before];
    assert_eq!((target.unit.symbol(), target.year), ("tce/万元", 2028));
    click(&mut harness, &format!("删除目标 {key}"));
    assert_eq!(harness.state().doc.scenario().targets.len(), before);
}

#[test]
fn a_rule_changes_kind_keeping_its_base_year_and_growth_takes_periods() {
    let mut harness = harness(View::Assumptions, ScriptedDialogs::default());
    harness.run();
    let energy_2021 = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("energy", 2021)
        .unwrap();
    choose(&mut harness, "规则类型 energy", "驱动序列 × 强度");
    let scenario = harness.state().doc.scenario();
    match &scenario.series("energy").unwrap().rule {
        Rule::Driven { driver, .. } => assert_eq!(driver, "gdp"),
        other => panic!("{other:?}"),
    }
    let after = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("energy", 2021)
        .unwrap();
    assert!((after - energy_2021).abs() < 1e-9 * energy_2021);
    // The intensity in the unit plans write, converted: 万 tce/亿元 is tce/万元.
    type_into(&mut harness, "强度单位 energy", "tce/万元");
    let after = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("energy", 2021)
        .unwrap();
    assert!((after - energy_2021).abs() < 1e-9 * energy_2021);
    // Driven by population instead.
    choose(&mut harness, "驱动序列 energy", "常住人口");
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("energy")
            .unwrap()
            .rule
            .driver(),
        Some("population")
    );
    // GDP in two periods: 7.5 % to 2025, then 6 % from 2026.
    click(&mut harness, "添加阶段 gdp");
    type_into(&mut harness, "起始年 2026 gdp %", "6");
    match &harness.state().doc.scenario().series("gdp").unwrap().rule {
        Rule::Growth { rate, changes } => {
            assert_eq!(*rate, 0.075);
            assert_eq!(changes.len(), 1);
            assert_eq!((changes[0].from, changes[0].rate), (2026, 0.06));
        }
        other => panic!("{other:?}"),
    }
    let projection = &harness.state().doc.analysis().projection;
    let gdp = |year| projection.value("gdp", year).unwrap();
    // By hand: the 2025 value grows by 6 % a year from 2026.
    assert!((gdp(2027) - gdp(2025) * 1.06 * 1.06).abs() < 1e-9 * gdp(2027));
    // The period's first year moves, and the period goes.
    type_into(&mut harness, "阶段起始年 2 gdp", "2027");
    match &harness.state().doc.scenario().series("gdp").unwrap().rule {
        Rule::Growth { changes, .. } => assert_eq!(changes[0].from, 2027),
        other => panic!("{other:?}"),
    }
    click(&mut harness, "删除 阶段起始年 2 gdp");
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().rule,
        Rule::growth(0.075)
    );
    // A path through points: one point at the horizon, holding the projected value; points added.
    let msw_2028 = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("msw", 2028)
        .unwrap();
    choose(&mut harness, "规则类型 msw", "经过各点的路径");
    match &harness.state().doc.scenario().series("msw").unwrap().rule {
        Rule::Interp { points, .. } => {
            assert_eq!(points.len(), 1);
            assert_eq!(points[0].0, 2028);
            assert!((points[0].1 - msw_2028).abs() < 1e-9 * msw_2028);
        }
        other => panic!("{other:?}"),
    }
    click(&mut harness, "删除 节点 1 msw");
    click(&mut harness, "添加节点 msw");
    choose(&mut harness, "规则类型 msw", "阶梯值");
    choose(&mut harness, "规则类型 msw", "对驱动序列的弹性");
    match &harness.state().doc.scenario().series("msw").unwrap().rule {
        Rule::GrowthAs { elasticity, .. } => assert_eq!(*elasticity, 1.0),
        other => panic!("{other:?}"),
    }
    choose(&mut harness, "规则类型 msw", "按增长率（可分阶段）");
    assert!(matches!(
        harness.state().doc.scenario().series("msw").unwrap().rule,
        Rule::Growth { .. }
    ));
}

#[test]
fn reset_goes_back_to_the_file_as_opened_not_to_another_districts_figures() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::Baselines);
    let field = "基准年数值 gdp";
    let input = || (egui::accesskit::Role::TextInput, field);
    harness.get_by_role_and_label(input().0, input().1).focus();
    harness.run();
    harness
        .get_by_role_and_label(input().0, input().1)
        .type_text("420");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().base,
        Some(420.0)
    );
    type_into(&mut harness, "来源说明 gdp", "区统计局 2024 年统计公报");
    click(&mut harness, "恢复为上级情景或已保存文件中的值 gdp");
    let gdp = harness.state().doc.scenario().series("gdp").unwrap();
    // Back to the new plan's empty value, not Hanyang's 916.2; the note typed is kept.
    assert_eq!(gdp.base, None);
    assert_eq!(gdp.source.zh, "区统计局 2024 年统计公报");
}

/// The whole path a user takes: File → New district, the plan's years, rules, capacities in
/// t/a and 万 t/a, targets absolute and relative, notes, saved, reopened and reported.
#[test]
fn a_district_built_from_file_new_through_the_window_alone_saves_and_reports_what_was_typed() {
    let dir = temp_dir("whole");
    let saved = dir.join("青山区.ron");
    let report = dir.join("青山区.docx");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(report.clone());
    dialogs.save.borrow_mut().push(saved.clone());
    let mut harness = harness(View::Overview, dialogs);
    harness.run();
    new_district(&mut harness);
    // Base values and rules: GDP 6.5 % to 2027 then 5.5 %, population 0.5 %, energy driven by
    // GDP at 0.25 tce/万元 falling 2 % a year, COD and NH₃-N growing.
    show(&mut harness, View::Baselines);
    for (key, value) in [
        ("gdp", "680"),
        ("population", "65"),
        ("cod", "4800"),
        ("nh3n", "420"),
        ("so2", "900"),
    ] {
        type_into(&mut harness, &format!("基准年数值 {key}"), value);
    }
    type_into(&mut harness, "来源说明 gdp", "青山区统计局 2024 年统计公报");
    show(&mut harness, View::Assumptions);
    type_into(&mut harness, "年增长率 gdp %", "6.5");
    click(&mut harness, "添加阶段 gdp");
    type_into(&mut harness, "起始年 2028 gdp %", "5.5");
    type_into(&mut harness, "年增长率 population %", "0.5");
    type_into(&mut harness, "年增长率 cod %", "1");
    type_into(&mut harness, "年增长率 nh3n %", "2");
    choose(&mut harness, "规则类型 energy", "驱动序列 × 强度");
    type_into(&mut harness, "强度单位 energy", "tce/万元");
    type_into(
        &mut harness,
        "强度（tce/万元） × 地区生产总值 energy",
        "0.25",
    );
    type_into(&mut harness, "强度年变化 energy %", "-2");
    // Capacities: COD in t/a, NH₃-N and SO₂ in 万 t/a.
    show(&mut harness, View::CapacityWater);
    click(&mut harness, "＋ 添加环境容量");
    for (pollutant, value, unit) in [
        ("COD 化学需氧量", "5200", "t/a"),
        ("NH3-N 氨氮", "0.05", "万 t/a"),
    ] {
        choose(&mut harness, "常用污染物", pollutant);
        type_in_dialog(&mut harness, "新增容量 环境容量", value);
        type_in_dialog(&mut harness, "新增容量 单位", unit);
        click(&mut harness, "添加环境容量");
    }
    show(&mut harness, View::CapacityAir);
    click(&mut harness, "＋ 添加环境容量");
    choose(&mut harness, "常用污染物", "SO2 二氧化硫");
    type_in_dialog(&mut harness, "新增容量 环境容量", "0.3");
    type_in_dialog(&mut harness, "新增容量 单位", "万 t/a");
    click(&mut harness, "添加环境容量");
    // Targets for 2030: energy per GDP ≤ 0.2 (absolute), COD 5 % below 2027 (relative).
    show(&mut harness, View::Targets);
    click(&mut harness, "＋ 添加目标");
    click(&mut harness, "编辑目标 新目标 1");
    type_into(&mut harness, "名称 target_1 （中文）", "万元GDP能耗");
    radio(&mut harness, "两序列之比 target_1");
    choose(&mut harness, "分子 target_1", "能源消费总量");
    choose(&mut harness, "分母 target_1", "地区生产总值");
    type_into(&mut harness, "单位 target_1", "tce/万元");
    type_into(&mut harness, "目标值 target_1", "0.2");
    click(&mut harness, "＋ 添加目标");
    click(&mut harness, "编辑目标 新目标 2");
    type_into(
        &mut harness,
        "名称 target_2 （中文）",
        "化学需氧量排放总量较 2027 年下降",
    );
    choose(&mut harness, "考核对象 target_2", "化学需氧量排放总量");
    radio(&mut harness, "相对某年变化 target_2");
    type_into(&mut harness, "参照年 target_2", "2027");
    type_into(&mut harness, "目标值 target_2", "-5");
    // Save, and the chapter.
    click(&mut harness, "文件");
    harness.get_by_label_contains("另存为").click();
    harness.run();
    assert!(
        !harness.state().doc.is_dirty(),
        "{:?}",
        harness.state().message
    );
    click(&mut harness, "文件");
    harness.get_by_label("导出").click();
    harness.run();
    harness
        .get_by_label_contains("导出规划章节（Word）")
        .click();
    harness.run();
    harness.get_by_label("导出 Word…").click();
    harness.run();
    assert!(report.exists(), "{:?}", harness.state().message);

    let plan = ecoplan::io::load(&saved).unwrap();
    assert_eq!(plan.metadata.name, "青山区");
    assert_eq!((plan.base_year, plan.horizon), (2024, 2030));
    assert_eq!(plan.milestones, vec![2027, 2030]);
    assert_eq!(plan.periods.len(), 2);
    assert_eq!(
        plan.series("gdp").unwrap().source.zh,
        "青山区统计局 2024 年统计公报"
    );
    assert_eq!(
        plan.series("gdp").unwrap().rule,
        Rule::Growth {
            rate: 0.065,
            changes: vec![ecoplan::model::RateChange {
                from: 2028,
                rate: 0.055
            }]
        }
    );
    match &plan.series("energy").unwrap().rule {
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => {
            assert_eq!(driver, "gdp");
            assert_eq!(
                (*intensity, intensity_unit.symbol(), *change),
                (0.25, "tce/万元", -0.02)
            );
        }
        other => panic!("{other:?}"),
    }
    let capacities: Vec<(&str, f64, &str)> = plan
        .capacities
        .iter()
        .map(|c| (c.pollutant.as_str(), c.value, c.unit.symbol()))
        .collect();
    assert_eq!(
        capacities,
        [
            ("COD", 5200.0, "t/a"),
            ("NH3-N", 0.05, "万 t/a"),
            ("SO2", 0.3, "万 t/a")
        ]
    );
    assert_eq!(plan.targets.len(), 2);
    assert_eq!(plan.targets[1].metric, Metric::Series("cod".into()));
    assert_eq!(
        (plan.targets[1].relative_to, plan.targets[1].threshold),
        (Some(2027), -0.05)
    );
    // The projections by hand: GDP 680 × 1.065³ in 2027, then × 1.055³ to 2030.
    let analysis = ecoplan::engine::analyse(&plan).unwrap();
    let gdp_2030 = 680.0 * 1.065f64.powi(3) * 1.055f64.powi(3);
    let projected = analysis.projection.value("gdp", 2030).unwrap();
    assert!(
        (projected - gdp_2030).abs() < 1e-9 * gdp_2030,
        "{projected}"
    );
    // Energy: GDP (亿元) × 0.25 tce/万元 × 0.98^(t − 2024), in 万 tce (1 亿元 = 10⁴ 万元, 1 万 tce = 10⁴ tce).
    let energy = analysis.projection.value("energy", 2030).unwrap();
    assert!(
        (energy - projected * 0.25 * 0.98f64.powi(6)).abs() < 1e-9 * energy,
        "{energy}"
    );
    // NH₃-N's capacity compared in t/a: 500.
    let nh3n = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == "NH3-N")
        .unwrap();
    assert!((nh3n.years[0].capacity - 500.0).abs() < 1e-9);

    // The chapter carries the capacities, targets and milestones typed.
    let mut document = String::new();
    zip::ZipArchive::new(std::fs::File::open(&report).unwrap())
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    for text in [
        "青山区",
        "2027",
        "2030",
        "化学需氧量",
        "氨氮",
        "二氧化硫",
        "万元GDP能耗",
    ] {
        assert!(document.contains(text), "the report lacks {text}");
    }
    assert!(!document.contains("汉阳"), "nothing of another district");
}

#[test]
fn a_new_districts_river_and_a_value_zone_are_added_in_the_window_and_derive_its_capacity() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::CapacityWater);
    click(&mut harness, "＋ 添加环境容量");
    choose(&mut harness, "常用污染物", "COD 化学需氧量");
    type_in_dialog(&mut harness, "新增容量 环境容量", "5000");
    click(&mut harness, "添加环境容量");
    // No river or lake yet: the derived basis says why, in Chinese.
    assert!(
        harness
            .query_by_label_contains("河流与湖泊模型中尚无该污染物的参数")
            .is_some()
    );
    click(&mut harness, "＋ 添加河段");
    click(&mut harness, "＋ COD 河段 1");
    let body = &harness.state().doc.scenario().methods.water.bodies[0];
    assert_eq!(body.pollutants[0].target_mg_l, 20.0, "class III");
    // A river with no velocity yet cannot be computed: named by its label.
    assert!(harness.query_by_label_contains("流速 m/s = 0").is_some());
    type_into(&mut harness, "设计流量 m³/s 河段 1", "10");
    type_into(&mut harness, "流速 m/s 河段 1", "0.5");
    type_into(&mut harness, "上游浓度 mg/L COD 河段 1", "5");
    // By hand, with no decay: W = 31.536 × (Cs·(Q + q) − C₀·Q) = 31.536 × (20 × 10 − 5 × 10).
    let by_hand = 31.536 * (20.0 * 10.0 - 5.0 * 10.0);
    harness
        .get_all_by_role(egui::accesskit::Role::RadioButton)
        .find(|r| {
            use egui_kittest::kittest::NodeT;
            r.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("方法计算"))
        })
        .unwrap()
        .click();
    harness.run();
    let analysis = harness.state().doc.analysis();
    let cod = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    assert!(
        (cod.years[0].capacity - by_hand).abs() < 1e-9,
        "{}",
        cod.years[0].capacity
    );
    // A non-point load comes off it.
    click(&mut harness, "＋ 面源负荷 t/a COD");
    type_into(&mut harness, "面源负荷 t/a COD", "100");
    let analysis = harness.state().doc.analysis();
    let cod = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    assert!((cod.years[0].capacity - (by_hand - 100.0)).abs() < 1e-9);
    // Renamed and removed.
    type_into(&mut harness, "名称 河段 1 （中文）", "府河汉阳段");
    assert_eq!(
        harness.state().doc.scenario().methods.water.bodies[0]
            .name
            .zh,
        "府河汉阳段"
    );
    click(&mut harness, "删除 面源负荷 t/a COD");
    // While the capacity is derived from it, the river's COD cannot go: refused, and kept.
    click(&mut harness, "删除 COD 府河汉阳段");
    assert_eq!(
        harness.state().doc.scenario().methods.water.bodies[0]
            .pollutants
            .len(),
        1
    );
    assert!(harness.state().message.is_some());
    harness
        .get_all_by_role(egui::accesskit::Role::RadioButton)
        .find(|r| {
            use egui_kittest::kittest::NodeT;
            r.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("规划值（输入）"))
        })
        .unwrap()
        .click();
    harness.run();
    click(&mut harness, "删除 COD 府河汉阳段");
    assert!(
        harness.state().doc.scenario().methods.water.bodies[0]
            .pollutants
            .is_empty()
    );
    // The A-value method: a zone and the pollutant's limit.
    show(&mut harness, View::CapacityAir);
    click(&mut harness, "＋ 添加环境容量");
    choose(&mut harness, "常用污染物", "SO2 二氧化硫");
    type_in_dialog(&mut harness, "新增容量 环境容量", "0.2");
    type_in_dialog(&mut harness, "新增容量 单位", "万 t/a");
    click(&mut harness, "添加环境容量");
    click(&mut harness, "＋ 添加功能区");
    click(&mut harness, "＋ 将 SO2 纳入 A 值法");
    let air = &harness.state().doc.scenario().methods.air;
    assert_eq!(air.zones.len(), 1);
    assert_eq!(air.pollutants[0].limit_mg_m3, 0.06, "GB 3095-2012 class II");
    click(&mut harness, "删除 功能区 1");
    assert!(harness.state().doc.scenario().methods.air.zones.is_empty());
}

#[test]
fn an_indicators_rule_changes_kind_its_periods_take_targets_and_its_link_is_chosen() {
    use ecoplan::engine::indicators::Status;
    use ecoplan::model::{IndicatorLink, IndicatorTarget};
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    // Energy and GDP of the base year give indicator 20 a value: 0.25 tce/万元.
    show(&mut harness, View::Baselines);
    type_into(&mut harness, "基准年数值 gdp", "600");
    type_into(&mut harness, "基准年数值 energy", "150");
    show(&mut harness, View::Indicators);
    harness.get_by_label("20").click();
    harness.run();
    let row = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .scenario()
            .indicators
            .iter()
            .position(|i| i.number == "20")
            .unwrap()
    };
    // ≤ 0.17 by 2030, the period to 2027 ≤ 0.2.
    choose(&mut harness, "规则 20", "≤ 目标值");
    type_into(&mut harness, "目标值 20", "0.17");
    click(&mut harness, "设定本阶段目标 20 2027");
    type_into(&mut harness, "目标值 20 2027", "0.2");
    let index = row(&harness);
    let indicator = harness.state().doc.scenario().indicators[index].clone();
    assert_eq!(indicator.target, IndicatorTarget::AtMost(0.17));
    assert_eq!(indicator.periods.len(), 1);
    assert_eq!(
        (indicator.periods[0].until, &indicator.periods[0].target),
        (2027, &IndicatorTarget::AtMost(0.2))
    );
    // Energy stays at 150 while GDP is flat: 0.25 in every year, not met.
    let status =
        |h: &Harness<'static, EcoplanApp>| h.state().doc.analysis().indicators[row(h)].status;
    assert_eq!(status(&harness), Status::NotMet);
    // "≤ x or falling", and energy falling 3 % a year: met by falling.
    choose(&mut harness, "规则 20", "≤ 目标值或持续下降");
    click(&mut harness, "删除 目标值 20 2027");
    show(&mut harness, View::Assumptions);
    type_into(&mut harness, "年增长率 energy %", "-3");
    show(&mut harness, View::Indicators);
    let indicator = harness.state().doc.scenario().indicators[row(&harness)].clone();
    assert_eq!(indicator.target, IndicatorTarget::AtMostOrFalling(0.17));
    assert!(indicator.periods.is_empty());
    assert_eq!(status(&harness), Status::Met);
    // The link: the ratio is chosen by name, then no link.
    assert!(matches!(
        indicator.link,
        Some(IndicatorLink::Metric(Metric::Ratio { .. }))
    ));
    radio(&mut harness, "计算依据 20 录入数值");
    assert_eq!(
        harness.state().doc.scenario().indicators[row(&harness)].link,
        None
    );
    radio(&mut harness, "计算依据 20 两序列之比");
    choose(&mut harness, "分子 20", "能源消费总量");
    choose(&mut harness, "分母 20", "地区生产总值");
    assert_eq!(
        harness.state().doc.scenario().indicators[row(&harness)].link,
        Some(IndicatorLink::Metric(Metric::Ratio {
            numerator: "energy".into(),
            denominator: "gdp".into()
        }))
    );
    // A change from the previous assessment and a task: each kind reaches the file.
    choose(&mut harness, "规则 20", "较上次评估变化不低于");
    type_into(&mut harness, "目标值 20", "-1");
    assert_eq!(
        harness.state().doc.scenario().indicators[row(&harness)].target,
        IndicatorTarget::ChangeAtLeast(-1.0)
    );
    choose(&mut harness, "规则 20", "任务（完成与否）");
    assert!(matches!(
        harness.state().doc.scenario().indicators[row(&harness)].target,
        IndicatorTarget::Task(_)
    ));
}

#[test]
fn the_new_district_dialog_reads_a_frame_of_ones_own_and_names_a_bad_cell() {
    let dir = temp_dir("frame");
    let frame = dir.join("frame.csv");
    std::fs::write(
        &frame,
        "序号,领域,指标名称,单位,目标值,指标属性,适用范围\n1,生态安全,生态环境状况指数,,ΔEQI>-1,约束性,县\n2,生态空间,优良天数比例,%,≥85,约束性,\n",
    )
    .unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "序号,指标名称,目标值\n1,优良天数比例,85\n").unwrap();
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    click(&mut harness, "文件");
    harness
        .get_by_label_contains("新建示范区（国家指标框架）")
        .click();
    harness.run();
    type_in_dialog(&mut harness, "指标框架文件", &bad.display().to_string());
    click(&mut harness, "读取");
    assert!(
        harness
            .query_by_label_contains("bad.csv:2:10: 目标值 85 没有写明 ≥、≤ 或 =")
            .is_some()
    );
    type_in_dialog(&mut harness, "指标框架文件", &frame.display().to_string());
    click(&mut harness, "读取");
    assert!(
        harness
            .query_by_label("frame：适用指标 1 项（共 2 项）")
            .is_some()
    );
    type_in_dialog(&mut harness, "基准年", "2024");
    click(&mut harness, "创建");
    let scenario = harness.state().doc.scenario();
    let numbers: Vec<(&str, bool)> = scenario
        .indicators
        .iter()
        .map(|i| (i.number.as_str(), i.applies))
        .collect();
    assert_eq!(numbers, [("1", false), ("2", true)]);
}

#[test]
fn the_only_scenario_of_a_file_is_renamed_like_any_edit_and_the_navigator_follows() {
    let mut harness = harness(View::Plan, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    click(&mut harness, "重命名情景");
    type_into(
        &mut harness,
        "新名称",
        "青山区生态文明建设示范区规划（2025—2030）",
    );
    let name = "青山区生态文明建设示范区规划（2025—2030）";
    assert_eq!(harness.state().doc.scenario().metadata.name, name);
    assert_eq!(
        harness.state().member_views()[0].0,
        name,
        "the navigator names it"
    );
    assert!(
        harness.query_by_label(&format!("{name} ●")).is_some(),
        "unsaved"
    );
    // Undone like any edit.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario().metadata.name, "青山区");
    // The Plan view's name field edits the same name.
    type_into(&mut harness, "规划名称", "青山区规划");
    assert!(harness.query_by_label("青山区规划 ●").is_some());
}

/// The statistics as a bureau writes them, with a row the plan has no series for.
const STATISTICS: &str = "青山区主要统计指标,,,,,,,\n\
指标名称,单位,2019年,2020年,2021年,2022年,2023年,2024年\n\
地区生产总值,亿元,520.3,531.6,566.2,590.8,622.4,655.1\n\
化学需氧量排放量,吨,5210,5105,5020,4930,4840,4760\n\
用水总量,亿立方米,2.31,2.28,2.30,2.27,2.25,2.24\n";

#[test]
fn two_rows_given_one_series_are_refused_until_one_of_them_is_not_imported() {
    let dir = temp_dir("twice");
    let book = dir.join("统计.csv");
    std::fs::write(&book, format!("{STATISTICS}生产总值,亿元,1,2,3,4,5,6\n")).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.tables.borrow_mut().push(book.clone());
    let mut harness = harness(View::Overview, dialogs);
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::History);
    click(&mut harness, "导入统计数据…");
    // 生产总值 matches GDP as 地区生产总值 does: which of the two is meant is the user's to
    // say, not the last row's to decide.
    assert!(
        harness
            .query_by_label_contains("地区生产总值的 2019 年数值给出了两次")
            .is_some()
    );
    assert!(harness.query_by_label_contains("将导入").is_none());
    choose(&mut harness, "导入到 生产总值", "不导入");
    assert!(
        harness
            .query_by_label("将导入 12 个数值（可撤销）")
            .is_some()
    );
    click(&mut harness, "应用（可撤销）");
    let gdp = harness
        .state()
        .doc
        .scenario()
        .series("gdp")
        .unwrap()
        .clone();
    assert_eq!(gdp.base, Some(655.1));
}

#[test]
fn statistics_import_with_the_matching_confirmed_and_a_fit_applied_from_the_history_view() {
    let dir = temp_dir("history");
    let book = dir.join("统计.csv");
    std::fs::write(&book, STATISTICS).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.tables.borrow_mut().push(book.clone());
    let mut harness = harness(View::Overview, dialogs);
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::History);
    assert!(harness.query_by_label_contains("尚无历史数据").is_some());
    click(&mut harness, "导入统计数据…");
    // The rows matched by name and alias; the one without a series is not imported unless the
    // user says so: here, as a new series.
    assert!(
        harness
            .query_by_label("将导入 12 个数值（可撤销）")
            .is_some()
    );
    choose(&mut harness, "导入到 用水总量", "新建序列");
    assert!(
        harness
            .query_by_label("将导入 18 个数值（可撤销）")
            .is_some()
    );
    // Every value shows before it is applied: GDP of 2024, from nothing to 655.1.
    click(&mut harness, "逐项预览（原值 → 新值）");
    assert!(harness.query_all_by_label_contains("655.1").count() >= 1);
    click(&mut harness, "应用（可撤销）");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.series("gdp").unwrap().base, Some(655.1));
    let water = scenario
        .series
        .iter()
        .find(|s| s.label.zh == "用水总量")
        .unwrap();
    assert_eq!(water.unit.symbol(), "亿立方米");
    assert_eq!(water.base, Some(2.24));
    // The projection table shows the history before the base year beside the projection.
    show(&mut harness, View::Projections);
    assert!(harness.query_all_by_label("2019").count() >= 1);
    assert!(harness.query_by_label("520.30").is_some(), "GDP of 2019");
    show(&mut harness, View::History);
    // One undo takes the whole import back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario().series("gdp").unwrap().base,
        None
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    // The fit: COD's 2019–2024 average rate, by hand, shown and applied with its note.
    click(&mut harness, "化学需氧量排放总量");
    let rate = (4760.0f64 / 5210.0).powf(0.2) - 1.0;
    let note = format!("按 2019—2024 年年均增长率 {:.2} % 外推", rate * 100.0);
    assert!(harness.query_by_label_contains(&note).is_some(), "{note}");
    click(&mut harness, "应用（可撤销）");
    let cod = harness
        .state()
        .doc
        .scenario()
        .series("cod")
        .unwrap()
        .clone();
    assert_eq!(cod.rule, Rule::growth(rate));
    assert!(cod.source.zh.starts_with(&note));
    // The projection follows: 4760 × (1 + r)^6 in 2030, computed apart.
    let projected = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("cod", 2030)
        .unwrap();
    assert!((projected - 4760.0 * (1.0 + rate).powi(6)).abs() < 1e-6);
    // A least-squares alternative, and a fit that cannot be made says why in Chinese.
    radio(&mut harness, "最小二乘增长率");
    assert!(
        harness
            .query_by_label_contains("按 2019—2024 年最小二乘增长率")
            .is_some()
    );
    // An intensity against GDP (the economy first), with its base year's level.
    radio(&mut harness, "强度 × 驱动序列");
    assert!(
        harness
            .query_by_label_contains("地区生产总值 × 强度（按 2019—2024 年")
            .is_some()
    );
    type_into(&mut harness, "起始年", "2024");
    assert!(harness.query_by_label_contains("不是一段年份").is_some());
}

#[test]
fn goal_seek_on_a_new_district_asks_about_its_own_targets_capacities_and_years() {
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::GoalSeek);
    // No target yet: said so, and nothing to solve.
    assert!(
        harness
            .query_by_label_contains("本情景尚无此类目标")
            .is_some()
    );
    let solve = harness.get_by_label("求解");
    {
        use egui_kittest::kittest::NodeT;
        assert!(solve.accesskit_node().is_disabled());
    }
    // The years are after the plan's base year.
    let form = &harness.state().state.seek;
    for year in [form.bound_year, form.until, form.sensitivity_year] {
        assert!((2025..=2060).contains(&year), "{year}");
    }
    // A target added: the form asks about it.
    show(&mut harness, View::Targets);
    click(&mut harness, "＋ 添加目标");
    show(&mut harness, View::GoalSeek);
    assert_eq!(harness.state().state.seek.target, "target_1");
    assert!(
        harness
            .query_by_label_contains("本情景尚无此类目标")
            .is_none()
    );
}

#[test]
fn the_base_year_moves_onto_the_history_with_a_preview_in_one_undo_step() {
    let mut harness = harness(View::History, ScriptedDialogs::default());
    harness.run();
    // The plan's GDP as a mid-term review finds it: 2022 and 2023.
    let observed = vec![
        ecoplan::model::Observation {
            year: 2022,
            value: 850.0,
            source: String::new(),
        },
        ecoplan::model::Observation {
            year: 2023,
            value: 900.0,
            source: String::new(),
        },
    ];
    let ctx = harness.ctx.clone();
    harness.state_mut().run(
        &ctx,
        ecoplan::ui::Command::Apply {
            edit: ecoplan::document::Edit::SetSeriesObserved {
                series: "gdp".into(),
                observed,
            },
            merge: false,
        },
    );
    harness.run();
    click(&mut harness, "将基准年移至 2023 年");
    assert!(harness.query_by_label("取自历史数据").is_some());
    assert!(harness.query_all_by_label("无该年数据，取预测值").count() > 5);
    click(&mut harness, "移动基准年（可撤销）");
    let scenario = harness.state().doc.scenario();
    assert_eq!(scenario.base_year, 2023, "{:?}", harness.state().message);
    assert_eq!(scenario.series("gdp").unwrap().base, Some(900.0));
    // GDP goes on at 7.5 % from 900: 900 × 1.075⁵ in 2028, by hand.
    let gdp_2028 = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("gdp", 2028)
        .unwrap();
    assert!((gdp_2028 - 900.0 * 1.075f64.powi(5)).abs() < 1e-9);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario().base_year, 2021);
}

/// The text a reader of a .docx sees: tags and field codes removed.
fn docx_text(path: &std::path::Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    for part in xml.split("</w:instrText>") {
        let visible = part.split("<w:instrText").next().unwrap_or_default();
        for c in visible.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn the_chapters_frame_is_set_in_the_export_dialog_kept_in_the_scenario_and_undone_in_one_step() {
    let dir = temp_dir("chapter-dialog");
    let dialogs = ScriptedDialogs::default();
    let report = dir.join("第三章.docx");
    dialogs.save.borrow_mut().push(report.clone());
    let mut harness = harness(View::Overview, dialogs);
    harness.run();
    click(&mut harness, "文件");
    click(&mut harness, "导出");
    click(&mut harness, "导出规划章节（Word）…");
    // Chapter 3, set on its number field (as a screen reader sets a spin button).
    harness
        .get_by_role_and_label(egui::accesskit::Role::SpinButton, "章号")
        .set_value_accesskit(3.0);
    harness.run();
    type_in_dialog(&mut harness, "章标题", "预测与承载力");
    radio(&mut harness, "3.1、3.1.1");
    // EI left out, the assumptions moved up before the uncertainty.
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "生态环境状况指数")
        .click();
    harness.run();
    click(&mut harness, "上移 预测假设及依据");
    // The outline follows what is set, before anything is written.
    assert!(
        harness
            .query_by_label("3.1 经济社会发展与资源环境压力预测")
            .is_some()
    );
    assert!(harness.query_by_label("3.4 生态环境状况指数").is_none());
    assert!(!report.exists());
    assert!(!harness.state().doc.is_dirty());
    // Municipal waste in 万 t/a in the chapter; a unit that does not convert is refused.
    click(&mut harness, "章节中的单位");
    type_into(&mut harness, "章节中的单位 生活垃圾产生量", "万元");
    assert!(
        harness
            .query_by_label_contains("“万元”不能由 t/a 换算")
            .is_some()
    );
    type_into(&mut harness, "章节中的单位 生活垃圾产生量", "万 t/a");
    click(&mut harness, "导出 Word…");
    assert!(report.exists(), "{:?}", harness.state().message);

    let chapter = harness.state().doc.scenario().chapter.clone();
    assert_eq!(chapter.number, 3);
    assert_eq!(chapter.title.zh, "预测与承载力");
    assert_eq!(chapter.numbering, ecoplan::model::Numbering::Decimal);
    use ecoplan::model::Section;
    assert!(!chapter.sections.contains(&Section::Ecological));
    let at = |s: Section| chapter.sections.iter().position(|&x| x == s).unwrap();
    assert!(at(Section::Assumptions) < at(Section::Uncertainty));
    assert!(
        harness.state().doc.is_dirty(),
        "the frame is part of the file"
    );
    assert_eq!(
        chapter.unit_of("msw").map(ToString::to_string).as_deref(),
        Some("万 t/a")
    );
    let text = docx_text(&report);
    assert!(text.contains("第 3 章 预测与承载力"), "{text}");
    assert!(text.contains("万 t/a"), "{text}");
    assert!(
        text.contains("3.1 经济社会发展与资源环境压力预测"),
        "{text}"
    );
    assert!(!text.contains("生态环境状况指数（EI）为"), "{text}");
    // One undo takes the whole frame back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().doc.scenario().chapter.is_default());
}

#[test]
fn an_export_aimed_at_a_scenario_file_is_refused_in_chinese_and_the_file_kept() {
    let dir = temp_dir("export-refused");
    // A scenario a colleague sent, saved under a name that looks like a table.
    let scenario_text = ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan());
    let target = dir.join("同事的情景.csv");
    std::fs::write(&target, &scenario_text).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(target.clone());
    let mut harness = harness(View::Overview, dialogs);
    harness.run();
    click(&mut harness, "文件");
    click(&mut harness, "导出");
    click(&mut harness, "预测结果（CSV）…");
    let message = harness.state().message.clone().unwrap_or_default();
    assert!(
        message.contains("此文件是情景或工作区文件：导出从不覆盖它"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), scenario_text);
}

#[test]
fn an_indicator_value_it_cannot_take_is_refused_in_chinese_and_the_rule_kept() {
    use ecoplan::model::IndicatorTarget;
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::Indicators);
    let target = |h: &Harness<'static, EcoplanApp>, number: &str| {
        h.state()
            .doc
            .scenario()
            .indicators
            .iter()
            .find(|i| i.number == number)
            .unwrap()
            .target
            .clone()
    };
    // Good-air days: a share in %, never 179 %.
    harness.get_by_label("7").click();
    // The panel opens and its grid settles its widths over a few frames.
    harness.run_steps(8);
    // The rule's form grows a field: its grid settles over a few more frames than `run` waits.
    click(&mut harness, "规则 7");
    harness.get_all_by_label("≥ 目标值").last().unwrap().click();
    harness.run_steps(8);
    type_into(&mut harness, "目标值 7", "85");
    assert_eq!(target(&harness, "7"), IndicatorTarget::AtLeast(85.0));
    type_into(&mut harness, "目标值 7", "179");
    assert_eq!(target(&harness, "7"), IndicatorTarget::AtLeast(85.0));
    assert!(
        harness
            .query_by_label_contains("降幅不能超过 100 %")
            .is_some()
    );
    // Energy per GDP: an intensity, never below 0.
    harness.get_by_label("20").click();
    harness.run_steps(8);
    choose(&mut harness, "规则 20", "≤ 目标值");
    type_into(&mut harness, "目标值 20", "0.2");
    type_into(&mut harness, "目标值 20", "-1");
    assert_eq!(target(&harness, "20"), IndicatorTarget::AtMost(0.2));
    assert!(
        harness
            .query_by_label_contains("须为不小于 0 的有限数值")
            .is_some()
    );
    // Its change from the previous assessment may be below 0 (the refusal's line goes, and
    // the grid settles over a few frames).
    click(&mut harness, "规则 20");
    harness
        .get_all_by_label("较上次评估变化不低于")
        .last()
        .unwrap()
        .click();
    harness.run_steps(8);
    type_into(&mut harness, "目标值 20", "-1");
    assert_eq!(target(&harness, "20"), IndicatorTarget::ChangeAtLeast(-1.0));
}

#[test]
fn a_new_districts_projection_chart_shows_its_own_series_and_keeps_what_is_ticked() {
    use egui_kittest::kittest::NodeT as _;
    let mut harness = harness(View::Overview, ScriptedDialogs::default());
    harness.run();
    new_district(&mut harness);
    show(&mut harness, View::Projections);
    let scenario = harness.state().doc.scenario().clone();
    let shown = harness.state().state.projections.chart_series_in(&scenario);
    // Before any tick: the first series of each group the district has, all its own.
    assert!(shown.len() > 1, "{shown:?}");
    assert!(shown.iter().all(|key| scenario.series(key).is_some()));
    let first = &scenario.series[0];
    assert!(shown.contains(&first.key));
    let tick = |h: &Harness<'static, EcoplanApp>| {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, &first.label.zh)
            .accesskit_node()
            .toggled()
    };
    assert_eq!(tick(&harness), Some(egui::accesskit::Toggled::True));
    // Unticked, it goes and the others stay, remembered as the user's choice.
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, &first.label.zh)
        .click();
    harness.run();
    assert_eq!(tick(&harness), Some(egui::accesskit::Toggled::False));
    let chosen = harness
        .state()
        .state
        .projections
        .chart_series
        .clone()
        .unwrap();
    assert!(!chosen.contains(&first.key));
    assert_eq!(chosen.len(), shown.len() - 1);
}
