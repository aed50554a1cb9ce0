//! The indicator contracts scripts depend on: `ecoplan indicators` columns, the template of
//! `ecoplan export --table indicators`, `ecoplan import` with its bad cells, and `ecoplan new`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader};

fn ecoplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(args)
        .output()
        .expect("ecoplan runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-ind-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The rows of `ecoplan indicators` for one number, as fields.
fn rows_of(csv: &str, number: &str) -> Vec<Vec<String>> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
        .filter(|f| f[0] == number)
        .collect()
}

#[test]
fn indicators_prints_exactly_its_columns_with_each_basis_rule_and_status() {
    let output = ecoplan(&["indicators"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert_eq!(
        csv.lines().next().unwrap(),
        "number,name,unit,year,basis,value,rule,threshold,status"
    );
    assert!(csv.lines().all(|l| l.split(',').count() == 9), "{csv}");
    // Energy intensity: computed for the base year from its base values (energy ÷ GDP),
    // projected at both milestones, not met (0.159 against ≤ 0.136).
    let energy = rows_of(&csv, "20");
    assert_eq!(energy.len(), 3);
    assert_eq!(
        (energy[0][3].as_str(), energy[0][4].as_str()),
        ("2021", "computed")
    );
    let base: f64 = energy[0][5].parse().unwrap();
    assert!((base - 125.55 / 792.86).abs() < 1e-4, "{base}");
    let energy = &energy[1..];
    for (row, year) in energy.iter().zip(["2025", "2028"]) {
        assert_eq!(row[3], year);
        assert_eq!(row[4], "projected");
        assert_eq!(row[6], "at_most");
        assert_eq!(row[7], "0.136");
        assert_eq!(row[8], "not_met");
    }
    let value: f64 = energy[1][5].parse().unwrap();
    assert!((value - 0.159).abs() < 0.0005);
    // Good-air days: two observed years, then projected milestones.
    let air: Vec<(String, String, String)> = rows_of(&csv, "7")
        .into_iter()
        .map(|r| (r[3].clone(), r[4].clone(), r[8].clone()))
        .collect();
    let expected = [
        ("2020", "observed", "met"),
        ("2021", "observed", "not_met"),
        ("2025", "projected", "not_met"),
        ("2028", "projected", "met"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(air, expected);
    // EI: observed and computed in the base year.
    let ei: Vec<String> = rows_of(&csv, "10")
        .into_iter()
        .map(|r| r[4].clone())
        .collect();
    assert_eq!(ei, ["observed", "computed"]);
    // Indicator 3: no value, the plan's stated status, one row at the base year.
    assert_eq!(
        rows_of(&csv, "3"),
        [[
            "3",
            "生态文明建设工作占党政实绩考核的比例",
            "%",
            "2021",
            "stated",
            "",
            "at_least",
            "20",
            "not_met"
        ]
        .map(str::to_owned)
        .to_vec()]
    );
    // A task and an improving rule have no threshold.
    let task = &rows_of(&csv, "1")[0];
    assert_eq!(
        (task[6].as_str(), task[7].as_str(), task[8].as_str()),
        ("task", "", "pending")
    );
    let improving = &rows_of(&csv, "21")[0];
    assert_eq!(
        (improving[6].as_str(), improving[7].as_str()),
        ("improving", "")
    );
    // A row that does not apply appears once, not assessed.
    let coastal = rows_of(&csv, "9");
    assert_eq!(coastal.len(), 1);
    assert_eq!(coastal[0][8], "not_assessed");
    // Every status is one of the five names.
    assert!(csv.lines().skip(1).all(|l| {
        ["met", "not_met", "pending", "no_data", "not_assessed"]
            .contains(&l.rsplit(',').next().unwrap())
    }));
}

#[test]
fn indicators_follows_growth_and_horizon_overrides() {
    // Energy growing at 5 %/yr meets 0.136 by 2028.
    let output = ecoplan(&["indicators", "--growth", "energy=0.05"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let energy = rows_of(&stdout(&output), "20");
    assert_eq!(energy[2][3], "2028", "{energy:?}");
    assert_eq!(energy[2][8], "met", "{energy:?}");
    // A longer horizon keeps the milestones the plan assesses; one before a milestone is
    // refused as the window's edit refuses it.
    let output = ecoplan(&["indicators", "--horizon", "2040"]);
    assert_eq!(rows_of(&stdout(&output), "20").len(), 3);
    let output = ecoplan(&["indicators", "--horizon", "2026"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--horizon 2026：预测期末 2026 早于规划节点 2028"),
        "{}",
        stderr(&output)
    );
    // The table format and English names.
    let output = ecoplan(&["indicators", "--format", "table", "--lang", "en"]);
    assert!(stdout(&output).contains("Energy per unit of GDP"));
    // A bad override is refused with its reason.
    let output = ecoplan(&["indicators", "--growth", "nothing=0.1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nothing"));
}

/// Writes the template, fills indicator 3's base-year cell with `value`, and returns its path.
fn filled_template(dir: &Path, extension: &str, value: &str) -> PathBuf {
    let template = dir.join(format!("template.{extension}"));
    let output = ecoplan(&["export", "--table", "indicators", s(&template)]);
    assert!(output.status.success(), "{}", stderr(&output));
    if extension == "csv" {
        let text = std::fs::read_to_string(&template).unwrap();
        let filled: Vec<String> = text
            .lines()
            .map(|line| {
                if line.starts_with("3,") {
                    // number, name, unit, 2020, 2021
                    let mut fields: Vec<&str> = line.split(',').collect();
                    fields[4] = value;
                    fields.join(",")
                } else {
                    line.to_owned()
                }
            })
            .collect();
        let path = dir.join("filled.csv");
        std::fs::write(&path, filled.join("\n") + "\n").unwrap();
        return path;
    }
    // An XLSX: rewrite it with rust_xlsxwriter from what calamine reads, as Excel would save
    // it after a consultant typed the value.
    let mut book = calamine::open_workbook_auto(&template).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let out = workbook.add_worksheet().set_name(&sheet).unwrap();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(t) => {
                    out.write(r, c, t.as_str()).unwrap();
                }
                Data::Float(v) => {
                    out.write(r, c, *v).unwrap();
                }
                Data::Int(v) => {
                    out.write(r, c, *v as f64).unwrap();
                }
                _ => {}
            }
        }
        if matches!(&row[0], Data::String(n) if n == "3") {
            match value.parse::<f64>() {
                Ok(v) => out.write(r as u32, 4, v).unwrap(),
                Err(_) => out.write(r as u32, 4, value).unwrap(),
            };
        }
    }
    let path = dir.join("filled.xlsx");
    workbook.save(&path).unwrap();
    path
}

#[test]
fn the_template_has_a_number_column_and_a_column_per_year() {
    let dir = scratch_dir("template");
    let xlsx = dir.join("t.xlsx");
    assert!(
        ecoplan(&["export", "--table", "indicators", s(&xlsx)])
            .status
            .success()
    );
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let header: Vec<&Data> = range.rows().next().unwrap().iter().collect();
    assert_eq!(header[0], &Data::String("序号".into()));
    // Years as numbers, the base year among them.
    assert_eq!(header[3], &Data::Float(2020.0));
    assert_eq!(header[4], &Data::Float(2021.0));
    assert_eq!(range.rows().count(), 1 + 42, "one row per indicator");
    // Values already in the scenario are filled in: EI 47.79 in 2021.
    let ei = range
        .rows()
        .find(|r| r[0] == Data::String("10".into()))
        .unwrap();
    assert_eq!(ei[4], Data::Float(47.79));
    // The English CSV heads its first column "number".
    let csv = dir.join("t.csv");
    assert!(
        ecoplan(&["export", "--table", "indicators", "--lang", "en", s(&csv)])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}number,Name,Unit,2020,2021\n"),
        "{text}"
    );
    // Its units read in English (the import passes the unit column over).
    assert!(
        text.contains(",tce/10,000 yuan,") || text.contains(",\"tce/10,000 yuan\","),
        "{text}"
    );
    assert!(!text.contains("万元"), "{text}");
    // Any other extension is refused.
    let output = ecoplan(&["export", "--table", "indicators", s(&dir.join("t.txt"))]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn import_prints_the_changes_and_saves_with_a_backup_or_not_on_a_dry_run() {
    for extension in ["csv", "xlsx"] {
        let dir = scratch_dir(&format!("import-{extension}"));
        let scenario = dir.join("plan.ron");
        std::fs::write(&scenario, stdout(&ecoplan(&["default"]))).unwrap();
        let before = std::fs::read(&scenario).unwrap();
        let book = filled_template(&dir, extension, "25");
        let dry = ecoplan(&["import", s(&book), "--into", s(&scenario), "--dry-run"]);
        assert!(dry.status.success(), "{}", stderr(&dry));
        assert_eq!(stdout(&dry), "number,year,old,new\n3,2021,,25\n");
        assert_eq!(
            std::fs::read(&scenario).unwrap(),
            before,
            "a dry run writes nothing"
        );
        let run = ecoplan(&["import", s(&book), "--into", s(&scenario)]);
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(stdout(&run), "number,year,old,new\n3,2021,,25\n");
        assert_eq!(
            std::fs::read(dir.join("plan.ron.bak")).unwrap(),
            before,
            "the previous file is kept"
        );
        // Indicator 3 now computes as met, and its value remembers its cell.
        let csv = stdout(&ecoplan(&["indicators", s(&scenario)]));
        let three = &rows_of(&csv, "3")[0];
        assert_eq!(
            (three[4].as_str(), three[5].as_str(), three[8].as_str()),
            ("observed", "25", "met")
        );
        let saved = std::fs::read_to_string(&scenario).unwrap();
        let expected_source = if extension == "csv" {
            format!("{}:4:", s(&book))
        } else {
            "filled.xlsx!指标!E4".to_owned()
        };
        assert!(
            saved.contains(&expected_source),
            "{expected_source} in the saved file"
        );
        // Importing the same table again changes nothing.
        let again = ecoplan(&["import", s(&book), "--into", s(&scenario)]);
        assert_eq!(stdout(&again), "number,year,old,new\n");
    }
}

#[test]
fn a_bad_cell_exits_2_naming_it_and_writes_nothing() {
    let dir = scratch_dir("bad");
    let scenario = dir.join("plan.ron");
    std::fs::write(&scenario, stdout(&ecoplan(&["default"]))).unwrap();
    let before = std::fs::read(&scenario).unwrap();
    let expect_refusal = |book: &Path, place: &str, words: &str| {
        let output = ecoplan(&["import", s(book), "--into", s(&scenario), "--lang", "en"]);
        assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
        let message = stderr(&output);
        assert!(message.starts_with(place), "{message} starts with {place}");
        assert!(message.contains(words), "{message} says {words}");
        assert!(stdout(&output).is_empty());
        assert_eq!(std::fs::read(&scenario).unwrap(), before);
        assert!(!dir.join("plan.ron.bak").exists());
    };
    // Text in a number cell, in a workbook and in a CSV.
    let xlsx = filled_template(&dir, "xlsx", "二十五");
    expect_refusal(&xlsx, "filled.xlsx!指标!E4: ", "\"二十五\" is not a number");
    let csv = filled_template(&dir, "csv", "abc");
    expect_refusal(&csv, &format!("{}:4:", s(&csv)), "\"abc\" is not a number");
    // An unknown indicator number.
    let unknown = dir.join("unknown.csv");
    std::fs::write(&unknown, "序号,2021\n3,25\n99,1\n").unwrap();
    expect_refusal(
        &unknown,
        &format!("{}:3:1: ", s(&unknown)),
        "no indicator numbered \"99\"",
    );
    // A year out of range.
    let year = dir.join("year.csv");
    std::fs::write(&year, "序号,2021,2099\n3,25,30\n").unwrap();
    expect_refusal(
        &year,
        &format!("{}:1:9: ", s(&year)),
        "2099 is out of range",
    );
    // A first column that is not the numbers is read as statistics, whose rows need names.
    let header = dir.join("header.csv");
    std::fs::write(&header, "name,2021\n3,25\n").unwrap();
    expect_refusal(
        &header,
        &format!("{}:1:1: ", s(&header)),
        "no row of figures",
    );
    // A value for a task.
    let task = dir.join("task.csv");
    std::fs::write(&task, "number,2021\n1,1\n").unwrap();
    expect_refusal(&task, &format!("{}:2:3: ", s(&task)), "task");
    // A file that is not a workbook, and a FIFO, are refused by name.
    let fake = dir.join("fake.xlsx");
    std::fs::write(&fake, "not a zip").unwrap();
    expect_refusal(&fake, "fake.xlsx: ", "not a workbook");
    #[cfg(unix)]
    {
        let fifo = dir.join("pipe.csv");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        expect_refusal(&fifo, s(&fifo), "not a regular file");
    }
}

#[test]
fn new_makes_the_rows_of_a_kind_of_place_without_values() {
    let output = ecoplan(&["new"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let dir = scratch_dir("new");
    let district = dir.join("district.ron");
    std::fs::write(&district, stdout(&output)).unwrap();
    let loaded = ecoplan::io::load(&district).unwrap();
    // A district takes Hanyang's 29 national rows.
    let applying: Vec<&str> = loaded
        .indicators
        .iter()
        .filter(|i| i.applies)
        .map(|i| i.number.as_str())
        .collect();
    let hanyang = ecoplan::plan::hanyang_plan();
    let hanyang_national: Vec<&str> = hanyang
        .indicators
        .iter()
        .filter(|i| i.applies && !i.number.starts_with('P'))
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(applying, hanyang_national);
    assert_eq!(applying.len(), 29);
    // No values: every series without a base value, every applicable row without data.
    assert!(loaded.series.iter().all(|s| s.base.is_none()));
    assert!(!loaded.series.is_empty());
    let csv = stdout(&ecoplan(&["indicators", s(&district)]));
    for line in csv.lines().skip(1) {
        let status = line.rsplit(',').next().unwrap();
        assert!(["no_data", "not_assessed"].contains(&status), "{line}");
    }
    // The projection has no data rather than zeros.
    let projection = stdout(&ecoplan(&["project", s(&district)]));
    assert!(
        projection.lines().any(|l| l == "gdp,2021,,亿元"),
        "{projection}"
    );
    // A coastal county: the county rows and the coastal rows too.
    let county = ecoplan::plan::new_district(&ecoplan::plan::NewPlan {
        place: ecoplan::plan::frame::Place {
            kind: ecoplan::plan::frame::PlaceKind::County,
            coastal: true,
        },
        ..ecoplan::plan::NewPlan::district("测试县", 2023, ecoplan::i18n::Lang::Zh)
    })
    .unwrap();
    let numbers: Vec<&str> = county
        .indicators
        .iter()
        .filter(|i| i.applies)
        .map(|i| i.number.as_str())
        .collect();
    for number in ["9", "13", "18", "25", "28", "32"] {
        assert!(numbers.contains(&number), "{number}");
    }
    assert!(!numbers.contains(&"23"), "a city-only row");
    assert_eq!(
        (county.base_year, county.milestones.clone()),
        (2023, vec![2027, 2030])
    );
    let output = ecoplan(&["new", "--kind", "county", "--coastal", "--name", "测试县"]);
    assert_eq!(stdout(&output).matches("applies: true").count(), 35);
    // --output writes the file and refuses to overwrite one.
    let out = dir.join("out.ron");
    assert!(ecoplan(&["new", "--output", s(&out)]).status.success());
    assert!(ecoplan(&["check", s(&out)]).status.success());
    let again = ecoplan(&["new", "--output", s(&out)]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("文件已存在"), "{}", stderr(&again));
    let english = ecoplan(&["new", "--output", s(&out), "--lang", "en"]);
    assert!(stderr(&english).contains("the file exists"));
    // Bad arguments exit 2.
    assert_eq!(
        ecoplan(&["new", "--kind", "village"]).status.code(),
        Some(2)
    );
    assert_eq!(
        ecoplan(&["new", "--base-year", "3000"]).status.code(),
        Some(2)
    );
}

#[test]
fn new_takes_the_plans_years_and_periods_and_writes_notes_in_the_language_asked() {
    let dir = scratch_dir("new-years");
    let out = dir.join("plan.ron");
    let output = ecoplan(&[
        "new",
        "--kind",
        "district",
        "--name",
        "青山示范区",
        "--base-year",
        "2024",
        "--horizon",
        "2030",
        "--milestones",
        "2027,2030",
        "--periods",
        "创建期,提升期",
        "--lang",
        "zh",
        "--output",
        s(&out),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = ecoplan::io::load(&out).unwrap();
    assert_eq!((plan.base_year, plan.horizon), (2024, 2030));
    assert_eq!(plan.milestones, vec![2027, 2030]);
    let names: Vec<(i32, &str)> = plan
        .periods
        .iter()
        .map(|p| (p.until, p.name.zh.as_str()))
        .collect();
    assert_eq!(names, vec![(2027, "创建期"), (2030, "提升期")]);
    // Notes in Chinese; no series has a source until one is written or imported.
    assert!(
        plan.series
            .iter()
            .all(|s| s.source.zh.is_empty() && s.source.en.is_empty())
    );
    assert!(!plan.metadata.notes.zh.is_ascii());
    // Without --horizon the horizon is the last milestone.
    let text = stdout(&ecoplan(&[
        "new",
        "--base-year",
        "2024",
        "--milestones",
        "2026,2029",
    ]));
    assert!(text.contains("horizon: 2029,"), "{text}");
    // In English when asked, or when the environment says so.
    let english = stdout(&ecoplan(&["new", "--lang", "en"]));
    assert!(english.contains("name: \"New plan\""), "{english}");
    let from_env = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["new"])
        .env("LC_ALL", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&from_env).contains("name: \"New plan\""));
    let chinese = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["new"])
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&chinese).contains("name: \"新建示范区规划\""));
    // A milestone past the horizon, before the base year or twice is refused naming --milestones.
    for milestones in ["2027,2031", "2023,2027", "2027,2027"] {
        let refused = ecoplan(&[
            "new",
            "--base-year",
            "2024",
            "--horizon",
            "2030",
            "--milestones",
            milestones,
        ]);
        assert_eq!(refused.status.code(), Some(2), "{milestones}");
        assert!(
            stderr(&refused).contains("--milestones"),
            "{}",
            stderr(&refused)
        );
    }
    let refused = ecoplan(&["new", "--milestones", "2027,x"]);
    assert_eq!(refused.status.code(), Some(2));
    // One name per milestone; names may hold spaces.
    let refused = ecoplan(&[
        "new",
        "--base-year",
        "2024",
        "--milestones",
        "2027,2030",
        "--periods",
        "创建期",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("--periods"),
        "{}",
        stderr(&refused)
    );
    let named = stdout(&ecoplan(&[
        "new",
        "--base-year",
        "2024",
        "--milestones",
        "2027,2030",
        "--periods",
        "creation period,improvement period",
        "--lang",
        "en",
    ]));
    assert!(named.contains("name: \"creation period\""), "{named}");
    // Without milestones, a given horizon is the last one.
    let text = stdout(&ecoplan(&[
        "new",
        "--base-year",
        "2024",
        "--horizon",
        "2029",
    ]));
    assert!(
        text.contains("milestones: [\n        2028,\n        2029,\n    ],"),
        "{text}"
    );
}

#[test]
fn a_row_keyed_by_a_series_sets_its_observed_values_for_a_mid_term_review() {
    let dir = scratch_dir("series");
    let scenario = dir.join("plan.ron");
    std::fs::write(&scenario, stdout(&ecoplan(&["default"]))).unwrap();
    let book = dir.join("review.csv");
    std::fs::write(
        &book,
        "序号,名称,2022,2023\ngdp,地区生产总值,850.5,900\n20,能耗,,0.15\n",
    )
    .unwrap();
    let output = ecoplan(&["import", s(&book), "--into", s(&scenario)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "number,year,old,new\ngdp,2022,,850.5\ngdp,2023,,900\n20,2023,,0.15\n"
    );
    let loaded = ecoplan::io::load(&scenario).unwrap();
    let gdp = &loaded.series("gdp").unwrap().observed;
    assert_eq!(
        gdp.iter().map(|o| (o.year, o.value)).collect::<Vec<_>>(),
        [(2022, 850.5), (2023, 900.0)]
    );
    assert!(
        gdp[0].source.ends_with("review.csv:2:12"),
        "{}",
        gdp[0].source
    );
    // Indicator 20's 2023 value is observed, between the two projected milestones.
    let csv = stdout(&ecoplan(&["indicators", s(&scenario)]));
    let rows = rows_of(&csv, "20");
    assert_eq!(
        rows[0][3..6],
        ["2023", "observed", "0.15"].map(str::to_owned)
    );
}

/// A frame of one's own (the 2024 revision's county table, say), with a title row above its
/// header and its targets as frames write them.
const COUNTY_FRAME_2024: &str = "\u{feff}国家生态文明建设示范区建设指标（2024 年修订，县）,,,,,,\n\
序号,领域,指标名称,单位,目标值,指标属性,适用范围\n\
1,生态安全,生态环境状况指数（EQI）,,ΔEQI>-1,约束性,县\n\
2,,空气质量优良天数比例,%,≥85 或持续提高,约束性,市县\n\
3,生态制度,生态文明建设规划,,制定实施,约束性,\n\
4,生态经济,单位地区生产总值能耗,吨标准煤/万元,≤0.45,参考性,市\n";

#[test]
fn new_takes_a_frame_of_ones_own_and_refuses_a_target_it_cannot_read_by_cell() {
    use ecoplan::model::{IndicatorKind, IndicatorTarget};
    let dir = scratch_dir("own-frame");
    let frame = dir.join("县级指标2024.csv");
    std::fs::write(&frame, COUNTY_FRAME_2024).unwrap();
    let out = dir.join("county.ron");
    let output = ecoplan(&[
        "new",
        "--kind",
        "county",
        "--frame",
        s(&frame),
        "--output",
        s(&out),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = ecoplan::io::load(&out).unwrap();
    let rows: Vec<(&str, bool, &IndicatorTarget)> = plan
        .indicators
        .iter()
        .map(|i| (i.number.as_str(), i.applies, &i.target))
        .collect();
    assert_eq!(
        rows,
        [
            ("1", true, &IndicatorTarget::ChangeAtLeast(-1.0)),
            ("2", true, &IndicatorTarget::AtLeastOrRising(85.0)),
            (
                "3",
                true,
                &IndicatorTarget::Task(ecoplan::model::Label::same("制定实施"))
            ),
            ("4", false, &IndicatorTarget::AtMost(0.45)),
        ]
    );
    // The domain of a merged cell carries down; kinds and units as written.
    assert_eq!(plan.indicators[1].system.zh, "生态安全");
    assert_eq!(plan.indicators[3].kind, IndicatorKind::Reference);
    assert_eq!(plan.indicators[3].unit, "吨标准煤/万元");
    // Rows of another frame are linked to nothing until the user links them.
    assert!(plan.indicators.iter().all(|i| i.link.is_none()));
    // A target without ≥, ≤ or = is refused by its cell, in the language asked.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, COUNTY_FRAME_2024.replace("≤0.45", "大约 0.45")).unwrap();
    let refused = ecoplan(&["new", "--frame", s(&bad), "--lang", "zh"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(message.contains("bad.csv:6:"), "{message}");
    assert!(message.contains("无法识别目标值“大约 0.45”"), "{message}");
    // Frames say "or improving" too; a frame without targets is refused.
    let improving = dir.join("improving.csv");
    std::fs::write(
        &improving,
        COUNTY_FRAME_2024.replace("≥85 或持续提高", "≥85或持续改善"),
    )
    .unwrap();
    let out_improving = dir.join("improving.ron");
    assert!(
        ecoplan(&["new", "--frame", s(&improving), "-o", s(&out_improving)])
            .status
            .success()
    );
    assert_eq!(
        ecoplan::io::load(&out_improving).unwrap().indicators[1].target,
        IndicatorTarget::AtLeastOrRising(85.0)
    );
    let no_targets = dir.join("no-targets.csv");
    std::fs::write(&no_targets, "序号,指标名称\n1,生态文明建设规划\n").unwrap();
    let refused = ecoplan(&["new", "--frame", s(&no_targets), "--lang", "en"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("no 目标值 (target) column"),
        "{}",
        stderr(&refused)
    );
    // A workbook reads the same.
    let book = dir.join("frame.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, line) in COUNTY_FRAME_2024
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
    {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                sheet.write(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    workbook.save(&book).unwrap();
    let from_book = dir.join("from-book.ron");
    let output = ecoplan(&[
        "new",
        "--kind",
        "county",
        "--frame",
        s(&book),
        "-o",
        s(&from_book),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let targets = |p: &ecoplan::model::Scenario| {
        p.indicators
            .iter()
            .map(|i| {
                (
                    i.number.clone(),
                    i.name.clone(),
                    i.target.clone(),
                    i.applies,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        targets(&ecoplan::io::load(&from_book).unwrap()),
        targets(&plan)
    );
}
