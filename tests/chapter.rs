//! The plan's chapter as a reviewer reads it: numbered as the user numbers it, the sections the
//! user chose in the user's order, each pollutant described over the whole period, and neither
//! the file's path nor the program's name in its text.

use std::path::PathBuf;
use std::process::Command;

use ecoplan::engine::analyse;
use ecoplan::i18n::Lang;
use ecoplan::model::{Numbering, Observation, Rule, Scenario, Section};
use ecoplan::plan::hanyang_plan;
use ecoplan::report::markdown::to_markdown;
use ecoplan::report::{ChapterInput, Document, chapter};

fn chapter_of(scenario: &Scenario, lang: Lang) -> Document {
    let analysis = analyse(scenario).expect("the scenario analyses");
    chapter(
        &ChapterInput {
            scenario,
            analysis: &analysis,
            file: Some("/home/someone/plans/district.ron"),
            uncertainty: None,
            compared: &[],
        },
        lang,
    )
}

/// The plan with COD projected by `rule` from `base`.
fn with_cod(rule: Rule, base: f64) -> Scenario {
    let mut scenario = hanyang_plan();
    let cod = scenario.series_mut("cod").expect("the plan projects COD");
    cod.rule = rule;
    cod.base = Some(base);
    scenario
}

/// The paragraph that speaks of COD against its capacity.
fn cod_sentence(scenario: &Scenario) -> String {
    chapter_of(scenario, Lang::Zh)
        .paragraphs()
        .find(|p| p.contains("化学需氧量环境容量"))
        .expect("a paragraph on COD")
        .to_owned()
}

#[test]
fn a_pollutant_is_described_over_the_whole_period_in_each_case() {
    // Within capacity throughout (the plan's own COD, 35 % of capacity in 2028).
    let within = cod_sentence(&hanyang_plan());
    assert!(
        within.contains("规划期内化学需氧量排放总量始终低于化学需氧量环境容量，2028 年为 5,367.83 t/a，占环境容量的 35.1 %"),
        "{within}"
    );
    // Near saturation from the base year: 13 000 of 15 314.61 t/a is 84.9 %.
    let near = cod_sentence(&with_cod(Rule::growth(0.0), 13_000.0));
    assert!(near.contains("但自基准年（2021 年）起临近饱和"), "{near}");
    // Over capacity from the base year to the horizon.
    let over = cod_sentence(&with_cod(Rule::growth(0.01), 20_000.0));
    assert!(
        over.contains("自基准年（2021 年）起超出化学需氧量环境容量，至 2028 年仍超出"),
        "{over}"
    );
    // Over capacity 2024–2027, back under at 97.9 % in 2028: not "near" at the horizon alone.
    let back = cod_sentence(&with_cod(
        Rule::Interp {
            points: vec![(2024, 16_000.0), (2026, 16_000.0), (2028, 15_000.0)],
            after_rate: 0.0,
        },
        3_338.73,
    ));
    assert!(
        back.contains("2024—2027 年超出化学需氧量环境容量，2028 年起回落至容量以内，2028 年为 15,000.00 t/a，占环境容量的 97.9 %"),
        "{back}"
    );
    // A capacity of 0 (the plan's NO₂) is saturated whatever is emitted.
    let document = chapter_of(&hanyang_plan(), Lang::Zh);
    assert!(
        document
            .paragraphs()
            .any(|p| p.contains("二氧化氮环境容量为 0，已达到饱和")),
        "{}",
        to_markdown(&document, Lang::Zh)
    );
    // The capacity table says the course in a word, for each case.
    let table = chapter_of(
        &with_cod(
            Rule::Interp {
                points: vec![(2024, 16_000.0), (2026, 16_000.0), (2028, 15_000.0)],
                after_rate: 0.0,
            },
            3_338.73,
        ),
        Lang::Zh,
    );
    let water = table
        .tables()
        .find(|t| t.caption.starts_with("水环境容量"))
        .expect("the water table");
    assert_eq!(water.rows[0].last().unwrap(), "2024—2027 年超载");
}

#[test]
fn pollutants_far_below_capacity_share_one_sentence_and_get_no_figure_unless_asked() {
    let plan = hanyang_plan();
    let document = chapter_of(&plan, Lang::Zh);
    let air = document
        .paragraphs()
        .find(|p| p.contains("远低于环境容量"))
        .expect("one sentence for SO₂ and PM10");
    assert!(
        air.contains("二氧化硫排放量和烟尘（粉尘）排放量远低于"),
        "{air}"
    );
    let drawn: Vec<String> = document
        .figures()
        .map(|f| f.chart.key.to_string())
        .collect();
    let has = |key: &str| drawn.iter().any(|k| k == key);
    assert!(has("capacity-COD") && has("capacity-NO2"), "{drawn:?}");
    assert!(!has("capacity-SO2"), "{drawn:?}");
    let mut every = plan.clone();
    every.chapter.every_figure = true;
    let drawn: Vec<String> = chapter_of(&every, Lang::Zh)
        .figures()
        .map(|f| f.chart.key.to_string())
        .collect();
    assert!(drawn.iter().any(|k| k == "capacity-SO2"), "{drawn:?}");
}

#[test]
fn the_chapter_takes_the_users_number_numbering_sections_order_and_history_years() {
    let mut scenario = hanyang_plan();
    scenario.chapter.number = 3;
    scenario.chapter.sections = vec![Section::Capacity, Section::Projection];
    // History the statistics bureau gave, and two of its years chosen for the table.
    let gdp = scenario.series_mut("gdp").unwrap();
    gdp.observed = vec![
        Observation {
            year: 2019,
            value: 700.5,
            source: String::new(),
        },
        Observation {
            year: 2020,
            value: 731.25,
            source: String::new(),
        },
    ];
    scenario.chapter.history_years = vec![2020];
    let document = chapter_of(&scenario, Lang::Zh);
    assert_eq!(document.heading, "第三章 预测与环境承载力分析");
    let headings: Vec<&str> = document
        .headings()
        .filter(|(level, _)| *level == 2)
        .map(|(_, text)| text)
        .collect();
    assert_eq!(
        headings,
        ["一、环境承载力分析", "二、经济社会发展与资源环境压力预测"]
    );
    let projection = document
        .tables()
        .find(|t| t.caption == "主要指标预测结果")
        .unwrap();
    assert_eq!(
        projection.header,
        ["名称", "单位", "2020", "2021", "2025", "2028"]
    );
    assert_eq!(
        projection.source.as_deref(),
        Some(
            "资料来源：统计资料，本规划测算。注：2020 年为统计值，2021 年为基准年，其后为预测值。"
        )
    );
    assert_eq!(projection.rows[0][2], "731.25");
    // Tables are numbered by the chapter: the projection table is the third, after the water
    // and air tables.
    let text = to_markdown(&document, Lang::Zh);
    assert!(text.contains("**表 3-3 主要指标预测结果**"), "{text}");
    assert!(text.contains("主要结果见表 3-3"), "{text}");
    // Decimal numbering.
    scenario.chapter.numbering = Numbering::Decimal;
    let document = chapter_of(&scenario, Lang::Zh);
    assert!(
        document
            .headings()
            .any(|(_, text)| text == "3.1.1 水环境承载力"),
        "{:?}",
        document.headings().collect::<Vec<_>>()
    );
}

#[test]
fn a_series_without_a_value_is_named_once_and_left_out_of_the_text_and_tables() {
    let mut scenario = hanyang_plan();
    scenario.series_mut("gdp_secondary").unwrap().base = None;
    let document = chapter_of(&scenario, Lang::Zh);
    assert!(
        document
            .paragraphs()
            .any(|p| p == "以下序列尚无基准年数值，未列入预测：第二产业增加值。")
    );
    assert!(
        document
            .paragraphs()
            .filter(|p| p.contains("第二产业增加值"))
            .count()
            == 1
    );
    for table in document.tables() {
        assert!(
            table.rows.iter().all(|row| row[0] != "第二产业增加值"),
            "{}",
            table.caption
        );
    }
}

#[test]
fn no_file_path_and_no_program_name_in_the_text_of_the_chapter() {
    let document = chapter_of(&hanyang_plan(), Lang::Zh);
    let text = to_markdown(&document, Lang::Zh);
    assert!(
        !text.contains("/home/someone") && !text.contains("ecoplan"),
        "{text}"
    );
    // They are in the properties.
    assert_eq!(
        document.properties.file.as_deref(),
        Some("/home/someone/plans/district.ron")
    );
    assert!(document.properties.made_by.starts_with("ecoplan "));
}

#[test]
fn each_series_states_its_basis_and_a_rate_reproduces_the_printed_figures() {
    let document = chapter_of(&hanyang_plan(), Lang::Zh);
    let economy = document
        .paragraphs()
        .find(|p| p.starts_with("经济："))
        .unwrap();
    assert!(
        economy.contains("地区生产总值按年均增长 7.5 % 预测")
            && economy.contains("预计到 2025 年达到 1,058.84 亿元，到 2028 年达到 1,315.39 亿元"),
        "{economy}"
    );
    // Industrial water falls; its rate is printed with the decimals that give 0.0473.
    let water = document
        .paragraphs()
        .find(|p| p.starts_with("用水："))
        .unwrap();
    assert!(
        water.contains("工业用水量按年均下降 1.04 % 预测"),
        "{water}"
    );
    // A calibrated rate needing more than two decimals is printed with two, and "约".
    let emissions = document
        .paragraphs()
        .find(|p| p.starts_with("污染物排放："))
        .unwrap();
    assert!(
        emissions.contains("化学需氧量排放总量按年均增长约 7.02 % 预测"),
        "{emissions}"
    );
    // Every constant rate the chapter prints, applied to the base value the projection table
    // prints, gives the value it prints for the horizon (seven years on): within the last
    // printed digit for a rate printed plainly, within the rate's own rounding (half its last
    // digit a year) for one printed "约".
    let projection = document
        .tables()
        .find(|t| t.caption == "主要指标预测结果")
        .unwrap();
    let number = |text: &str| text.replace(',', "").parse::<f64>().unwrap();
    let mut checked = 0;
    for row in &projection.rows {
        let lead = format!("{}按年均", row[0]);
        let Some(sentence) = document.paragraphs().find(|p| p.contains(&lead)) else {
            continue;
        };
        let after = &sentence[sentence.find(&lead).unwrap() + lead.len()..];
        let (sign, rest) = match after.strip_prefix("增长") {
            Some(rest) => (1.0, rest),
            None => (-1.0, after.strip_prefix("下降").unwrap()),
        };
        let (about, rest) = match rest.strip_prefix("约 ") {
            Some(rest) => (true, rest),
            None => (false, rest.strip_prefix(' ').unwrap()),
        };
        let printed_rate = rest.split(" %").next().unwrap();
        let rate = sign * number(printed_rate) / 100.0;
        let (base, end) = (number(&row[2]), number(row.last().unwrap()));
        let decimals = row.last().unwrap().split('.').nth(1).map_or(0, str::len);
        // Within the last printed digit: the printed base is itself rounded (3,338.73 for a
        // calibrated 3,338.7288), which no rate's decimals undo; a rate rounded to one decimal
        // too few (1.3 % for 1.281 %) is off by far more.
        let computed = base * (1.0 + rate).powi(7);
        let unit = 10f64.powi(-(decimals as i32));
        let rate_digits = printed_rate.split('.').nth(1).map_or(0, str::len) as i32;
        let allowed = if about {
            assert_eq!(rate_digits, 2, "{printed_rate}");
            end * 7.0 * 0.5 * 10f64.powi(-rate_digits - 2) + 1.5 * unit
        } else {
            1.5 * unit
        };
        assert!(
            (computed - end).abs() <= allowed,
            "{}: {base} × (1 + {rate})^7 = {computed}, printed {end}",
            row[0]
        );
        checked += 1;
    }
    assert!(checked >= 8, "{checked} rates checked");
}

#[test]
fn a_target_missed_says_its_gap_and_the_annual_change_that_closes_it() {
    let document = chapter_of(&hanyang_plan(), Lang::Zh);
    let targets = document
        .paragraphs()
        .find(|p| p.starts_with("规划目标 2 项"))
        .unwrap();
    assert!(
        targets.contains(
            "未达到目标（≤ 0.136），相差 0.023 tce/万元；自基准年起须年均下降不少于 2.15 % 方可达到"
        ),
        "{targets}"
    );
}

fn ecoplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(args)
        .output()
        .expect("ecoplan runs")
}

#[test]
fn a_workspaces_chapter_compares_its_scenarios_and_a_run_adds_the_uncertainty() {
    let dir = std::env::temp_dir().join(format!("ecoplan-chapter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let out = dir.join("chapter.md");
    let output = ecoplan(&["export", workspace.to_str().unwrap(), out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("## 七、情景比较"), "{text}");
    // Every member at the chapter's horizon (2028), the high-growth one too, whose own
    // projection runs to 2060 and is over capacity from 2039.
    assert!(text.contains("各情景环境容量占用率（2028 年）"), "{text}");
    let cod = text
        .lines()
        .rfind(|l| l.starts_with("| 化学需氧量 |"))
        .expect("COD in the capacity comparison");
    assert!(cod.contains("| 39.9 %（规划期内未超载） |"), "{cod}");
    assert!(
        text.contains("“高增长 High growth”至 2060 年") && text.contains("按共同的 2028 年比较"),
        "{text}"
    );
    assert!(
        text.contains("各情景主要预测结果") && text.contains("各情景环境容量占用率"),
        "{text}"
    );
    // Each member by name, with the targets it reaches and, up to the common year, its
    // capacities: NO₂ saturated is said apart from the others, none of which is exceeded.
    assert!(
        text.contains("情景“绿色转型 Green transition”达到 2 项目标中的 2 项，二氧化氮环境容量已饱和，其余污染物均未超出环境容量"),
        "{text}"
    );
    assert!(
        text.contains("情景“高增长 High growth”达到 2 项目标中的 1 项（未达到：万元GDP能耗）"),
        "{text}"
    );

    let high = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let out = dir.join("uncertain.md");
    let output = ecoplan(&[
        "export",
        high.to_str().unwrap(),
        out.to_str().unwrap(),
        "--runs",
        "500",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("不确定性分析"), "{text}");
    assert!(
        text.contains("化学需氧量超出环境容量的概率：至 2025 年 "),
        "{text}"
    );
    assert!(text.contains("至 2060 年 100.0 %"), "{text}");
    // The drawn series at each milestone, median and range.
    assert!(text.contains("预测值的中位数及 5 %—95 % 区间"), "{text}");
    let start = text.find("**表 1-8 预测值的中位数及").unwrap();
    let end = start + text[start..].find("资料来源").unwrap();
    let table = &text[start..end];
    assert!(table.contains("| 化学需氧量排放总量 | t/a |"), "{table}");
    assert!(table.contains("| 2025 | 2028 | 2060 |"), "{table}");

    // Where exceeding is uncertain at the horizon, the chapter says which assumption it
    // depends on most: COD's own growth, drawn wide, not GDP's.
    let mut plan = ecoplan::plan::hanyang_plan();
    plan.horizon = 2060;
    let normal = |mean: f64, sd: f64| ecoplan::model::Distribution::Normal {
        mean,
        sd,
        min: mean - 4.0 * sd,
        max: mean + 4.0 * sd,
    };
    plan.uncertainty = vec![
        ecoplan::model::Uncertain {
            series: "gdp".into(),
            distribution: normal(0.075, 0.01),
        },
        ecoplan::model::Uncertain {
            series: "cod".into(),
            distribution: normal(0.05, 0.03),
        },
    ];
    let file = dir.join("cod-uncertain.ron");
    std::fs::write(&file, ecoplan::io::to_ron_string(&plan)).unwrap();
    let out = dir.join("drivers.md");
    let output = ecoplan(&[
        "export",
        file.to_str().unwrap(),
        out.to_str().unwrap(),
        "--runs",
        "2000",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains(
            "化学需氧量截至 2060 年是否超载，主要取决于化学需氧量排放总量的假设（占结果方差的 "
        ),
        "{text}"
    );
    // A pollutant certain to exceed (NO₂, 100 %) has nothing to attribute.
    assert!(!text.contains("二氧化氮截至 2060 年是否超载"), "{text}");
}

#[test]
fn the_chapters_frame_is_kept_in_the_scenario_file() {
    let mut scenario = hanyang_plan();
    scenario.chapter.number = 4;
    scenario.chapter.title = ecoplan::model::Label::new("承载力分析", "Carrying capacity");
    scenario.chapter.sections = vec![Section::Targets, Section::Capacity];
    scenario.chapter.history_years = vec![2019];
    let text = ecoplan::io::to_ron_string(&scenario);
    let back = ecoplan::io::from_ron_str(&text, std::path::Path::new("mem.ron")).unwrap();
    assert_eq!(back.chapter, scenario.chapter);
    // The default frame writes nothing: older files and default files stay as they were.
    assert!(!ecoplan::io::to_ron_string(&hanyang_plan()).contains("chapter:"));
}

#[test]
fn a_series_is_printed_in_the_unit_the_chapter_chooses_and_a_unit_that_does_not_convert_is_refused()
{
    let mut scenario = hanyang_plan();
    scenario.chapter.units = vec![ecoplan::model::ChapterUnit {
        series: "msw".into(),
        unit: ecoplan::units::Unit::parse("万 t/a").unwrap(),
    }];
    let document = chapter_of(&scenario, Lang::Zh);
    let waste = document
        .paragraphs()
        .find(|p| p.starts_with("生活垃圾："))
        .unwrap();
    // 437,335.72 t/a in 2028 is 43.73 万 t/a.
    assert!(waste.contains("到 2028 年达到 43.73 万 t/a"), "{waste}");
    let table = document
        .tables()
        .find(|t| t.caption == "主要指标预测结果")
        .unwrap();
    let row = table
        .rows
        .iter()
        .find(|r| r[0] == "生活垃圾产生量")
        .unwrap();
    assert_eq!(row[1], "万 t/a");
    assert_eq!(row.last().unwrap(), "43.73");
    // The scenario keeps its unit; a file whose chapter unit does not convert is refused.
    assert_eq!(scenario.series("msw").unwrap().unit.to_string(), "t/a");
    scenario.chapter.units[0].unit = ecoplan::units::Unit::parse("万元").unwrap();
    let text = ecoplan::io::to_ron_string(&scenario);
    let error = ecoplan::io::from_ron_str(&text, std::path::Path::new("plan.ron")).unwrap_err();
    assert!(
        error.to_string().contains("chapter unit \"msw\""),
        "{error}"
    );
}

#[test]
fn an_indicator_met_while_a_target_on_its_quantity_is_missed_is_said_with_both() {
    // Good-air days: indicator 7 asks ≥ 85 and reads met at 85.0 in 2028; a target of 90 on
    // the same series is missed.
    let mut scenario = hanyang_plan();
    let target = scenario
        .targets
        .iter_mut()
        .find(|t| t.key == "good_air_days")
        .unwrap();
    target.threshold = 90.0;
    let analysis = analyse(&scenario).unwrap();
    assert!(analysis.findings.iter().any(|f| matches!(
        f,
        ecoplan::engine::Finding::IndicatorTargetConflict { number, target }
            if number == "7" && target == "good_air_days"
    )));
    let document = chapter_of(&scenario, Lang::Zh);
    assert!(
        document.paragraphs().any(|p| p.contains(
            "指标 7（环境空气质量：优良天数比例、PM2.5浓度下降幅度）按其规则判定为已达标，但同一数量的目标“优良天数比例”（2028 年）未达到"
        )),
        "{}",
        to_markdown(&document, Lang::Zh)
    );
    // With the plan's own target (≥ 85, met) there is nothing to say.
    assert!(
        !analyse(&hanyang_plan())
            .unwrap()
            .findings
            .iter()
            .any(|f| matches!(f, ecoplan::engine::Finding::IndicatorTargetConflict { .. }))
    );
}

#[test]
fn a_section_with_nothing_to_say_is_left_out_and_the_dialog_can_name_it() {
    // A new district without values: no projection, no capacities, no targets.
    let plan = ecoplan::plan::NewPlan {
        name: "某区".into(),
        region: String::new(),
        place: ecoplan::plan::frame::Place {
            kind: ecoplan::plan::frame::PlaceKind::District,
            coastal: false,
        },
        base_year: 2024,
        horizon: None,
        milestones: vec![2027, 2030],
        period_names: Vec::new(),
        lang: Lang::Zh,
        frame: None,
    };
    let scenario = ecoplan::plan::new_district(&plan).unwrap();
    let analysis = analyse(&scenario).unwrap();
    let input = ChapterInput {
        scenario: &scenario,
        analysis: &analysis,
        file: None,
        uncertainty: None,
        compared: &[],
    };
    use ecoplan::report::has_content;
    for section in [
        Section::Projection,
        Section::Capacity,
        Section::Targets,
        Section::Scenarios,
        Section::Uncertainty,
        Section::Assumptions,
    ] {
        assert!(!has_content(&input, section), "{section:?}");
    }
    assert!(has_content(&input, Section::Indicators));
    let document = chapter(&input, Lang::Zh);
    let headings: Vec<&str> = document.headings().map(|(_, t)| t).collect();
    assert_eq!(headings, ["一、建设指标评估"]);
    // Every row without data: named in a sentence, and no empty table.
    assert_eq!(document.tables().count(), 0);
    assert!(
        document
            .paragraphs()
            .any(|p| p.contains("项指标均暂无数据")),
        "{}",
        to_markdown(&document, Lang::Zh)
    );
}
