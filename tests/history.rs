//! A district's statistics as the bureau delivers them, imported from the command line and
//! turned into rules: `ecoplan import BOOK --into FILE` and `ecoplan fit`. The contracts (the
//! `number,year,old,new` and `series,method,from,to,value,level,r2,rmse` columns, exit 2 with
//! the cell) are interfaces scripts depend on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ecoplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .args(args)
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-history-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sheet as a bureau writes it: a title row, a blank row, the header with 年 after each
/// year, names and units in its own words, a note row at the end, and a row no series of the
/// scenario has (用水总量).
const STATISTICS: &str = "青山区主要统计指标（2019—2024 年）,,,,,,,\n\
,,,,,,,\n\
指标名称,单位,2019年,2020年,2021年,2022年,2023年,2024年\n\
地区生产总值,亿元,520.3,531.6,566.2,590.8,622.4,655.1\n\
常住人口,万人,61.2,61.8,62.5,63.1,63.9,64.5\n\
化学需氧量排放量,吨,5210,5105,5020,4930,4840,4760\n\
氨氮排放量,万吨,0.0451,0.0446,0.0439,0.0433,0.0428,0.0421\n\
能源消费总量,万吨标准煤,130.1,128.2,133.0,135.6,138.9,141.2\n\
用水总量,亿立方米,2.31,2.28,2.30,2.27,2.25,2.24\n\
注：2020 年数据为修订数。,,,,,,,\n";

/// A new district with base year 2024, as `ecoplan new` makes it.
fn new_district(dir: &Path) -> PathBuf {
    let plan = dir.join("plan.ron");
    let output = ecoplan(&[
        "new",
        "--name",
        "青山区",
        "--base-year",
        "2024",
        "--milestones",
        "2027,2030",
        "-o",
        s(&plan),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    plan
}

fn load(path: &Path) -> ecoplan::model::Scenario {
    ecoplan::io::load(path).unwrap()
}

fn observed(plan: &ecoplan::model::Scenario, key: &str, year: i32) -> Option<f64> {
    let series = plan.series(key).unwrap();
    if year == plan.base_year {
        return series.base;
    }
    series
        .observed
        .iter()
        .find(|o| o.year == year)
        .map(|o| o.value)
}

#[test]
fn a_bureaus_sheet_imports_as_delivered_into_base_values_and_history() {
    let dir = scratch_dir("csv");
    let plan = new_district(&dir);
    let book = dir.join("统计数据.csv");
    std::fs::write(&book, format!("\u{feff}{STATISTICS}")).unwrap();
    // A row no series matches stops the import at its cell, and nothing is written.
    let before = std::fs::read(&plan).unwrap();
    let refused = ecoplan(&["import", s(&book), "--into", s(&plan)]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(message.contains("统计数据.csv:9:1"), "{message}");
    assert!(message.contains("用水总量"), "{message}");
    assert_eq!(std::fs::read(&plan).unwrap(), before, "nothing written");
    // Passed over, the rest comes in: the base year's value as the base value, the years before
    // as history, each in the series' unit.
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--skip-unmatched"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let changes = stdout(&output);
    assert!(changes.starts_with("number,year,old,new\n"), "{changes}");
    assert!(changes.contains("gdp,2024,,655.1\n"), "{changes}");
    assert!(changes.contains("cod,2019,,5210\n"), "{changes}");
    let imported = load(&plan);
    assert_eq!(observed(&imported, "gdp", 2024), Some(655.1));
    assert_eq!(observed(&imported, "gdp", 2019), Some(520.3));
    assert_eq!(observed(&imported, "population", 2021), Some(62.5));
    // 吨 of a year's emission is that year's t/a; 万吨 are 10 000 t.
    assert_eq!(observed(&imported, "cod", 2024), Some(4760.0));
    assert!((observed(&imported, "nh3n", 2019).unwrap() - 451.0).abs() < 1e-9);
    assert_eq!(observed(&imported, "energy", 2022), Some(135.6));
    // The note row and the title are no series.
    assert_eq!(imported.series("cod").unwrap().observed.len(), 5);
    // A row mapped by hand goes where it is told.
    let output = ecoplan(&[
        "import",
        s(&book),
        "--into",
        s(&plan),
        "--map",
        "用水总量=water_industrial",
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("water_industrial,2024,,2.24\n"));
    let output = ecoplan(&[
        "import",
        s(&book),
        "--into",
        s(&plan),
        "--map",
        "用水总量=nope",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nope"));
}

#[test]
fn gbk_csv_a_moved_header_hidden_sheets_and_several_candidate_sheets() {
    let dir = scratch_dir("books");
    let plan = new_district(&dir);
    // GBK, as Excel on a Chinese Windows saves CSV.
    let gbk = dir.join("gbk.csv");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(STATISTICS);
    assert!(!unmappable);
    std::fs::write(&gbk, &bytes).unwrap();
    let output = ecoplan(&[
        "import",
        s(&gbk),
        "--into",
        s(&plan),
        "--skip-unmatched",
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("gdp,2024,,655.1\n"));
    // A workbook: the header at C5 under a title, full-width and numeric years, a hidden sheet
    // with other figures and a sheet of notes without years.
    let book = dir.join("统计.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet().set_name("说明").unwrap();
    notes.write(0, 0, "本表数据来自区统计局").unwrap();
    let sheet = workbook.add_worksheet().set_name("统计数据").unwrap();
    sheet.write(0, 2, "青山区统计数据").unwrap();
    sheet.write(4, 2, "指标").unwrap();
    sheet.write(4, 3, "单位").unwrap();
    sheet.write(4, 4, 2022).unwrap();
    sheet.write(4, 5, "２０２３").unwrap();
    sheet.write(4, 6, "2024年").unwrap();
    for (r, (name, unit, values)) in [
        ("地区生产总值", "亿元", [590.8, 622.4, 655.1]),
        ("化学需氧量排放总量", "t", [4930.0, 4840.0, 4760.0]),
    ]
    .into_iter()
    .enumerate()
    {
        let row = 5 + r as u32;
        sheet.write(row, 2, name).unwrap();
        sheet.write(row, 3, unit).unwrap();
        for (c, v) in values.into_iter().enumerate() {
            sheet.write(row, 4 + c as u16, v).unwrap();
        }
    }
    let hidden = workbook.add_worksheet().set_name("旧数据").unwrap();
    hidden.write(0, 0, "指标").unwrap();
    hidden.write(0, 1, 2023).unwrap();
    hidden.write(0, 2, 2024).unwrap();
    hidden.write(1, 0, "地区生产总值").unwrap();
    hidden.write(1, 1, 1.0).unwrap();
    hidden.write(1, 2, 2.0).unwrap();
    hidden.set_hidden(true);
    workbook.save(&book).unwrap();
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let changes = stdout(&output);
    assert!(changes.contains("gdp,2023,,622.4\n"), "{changes}");
    assert!(changes.contains("cod,2022,,4930\n"), "{changes}");
    assert!(
        !changes.contains(",1\n"),
        "the hidden sheet is not read: {changes}"
    );
    // Named, the hidden sheet is read.
    let output = ecoplan(&[
        "import",
        s(&book),
        "--into",
        s(&plan),
        "--sheet",
        "旧数据",
        "--dry-run",
    ]);
    assert!(
        stdout(&output).contains("gdp,2024,,2\n"),
        "{}",
        stdout(&output)
    );
    // Two visible sheets with figures: refused, naming both, unless one is named.
    let two = dir.join("two.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for name in ["2023年", "2024年"] {
        let sheet = workbook.add_worksheet().set_name(name).unwrap();
        sheet.write(0, 0, "指标").unwrap();
        sheet.write(0, 1, 2023).unwrap();
        sheet.write(0, 2, 2024).unwrap();
        sheet.write(1, 0, "地区生产总值").unwrap();
        sheet.write(1, 1, 600.0).unwrap();
        sheet.write(1, 2, 650.0).unwrap();
    }
    workbook.save(&two).unwrap();
    let refused = ecoplan(&["import", s(&two), "--into", s(&plan)]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("2023年、2024年"),
        "{}",
        stderr(&refused)
    );
    let output = ecoplan(&[
        "import",
        s(&two),
        "--into",
        s(&plan),
        "--sheet",
        "2024年",
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_unit_that_does_not_convert_a_text_in_a_number_cell_and_a_negative_value_are_refused_by_cell() {
    let dir = scratch_dir("refusals");
    let plan = new_district(&dir);
    let book = dir.join("bad.csv");
    for (sheet, cell, words) in [
        (
            STATISTICS.replace("化学需氧量排放量,吨", "化学需氧量排放量,亿元"),
            // The unit's own cell: 亿元 in the unit column.
            "bad.csv:6:10",
            "无法换算",
        ),
        // Places are FILE:LINE:COLUMN, the column counted in characters as an editor counts.
        (
            STATISTICS.replace("4930", "约4930"),
            "bad.csv:6:27",
            "“约4930”不是数值",
        ),
        (
            STATISTICS.replace("61.8", "-61.8"),
            "bad.csv:5:14",
            "不能作为常住人口的数值",
        ),
        (
            STATISTICS.replace("5105", "\"5,1\""),
            "bad.csv:6:17",
            "“5,1”不是数值",
        ),
        // A year twice in the header: the second is refused, naming the first.
        (
            STATISTICS.replace("2021年,2022年", "2021年,2021年"),
            "bad.csv:3:27",
            "表头中 2021 年出现两次",
        ),
        // A year out of range would pass its column over.
        (
            STATISTICS.replace("2019年", "2071年"),
            "bad.csv:3:9",
            "表头的 2071 年不在",
        ),
        // A row given twice: the second would silently replace the first's values.
        (
            STATISTICS.replace(
                "常住人口,万人,61.2,61.8,62.5,63.1,63.9,64.5\n",
                "常住人口,万人,61.2,61.8,62.5,63.1,63.9,64.5\n常住人口,万人,1,2,3,4,5,6\n",
            ),
            "bad.csv:6:1",
            "常住人口的 2019 年数值给出了两次",
        ),
    ] {
        std::fs::write(&book, sheet).unwrap();
        let refused = ecoplan(&["import", s(&book), "--into", s(&plan), "--skip-unmatched"]);
        assert_eq!(refused.status.code(), Some(2), "{cell}");
        let message = stderr(&refused);
        assert!(
            message.contains(cell) && message.contains(words),
            "{message}"
        );
    }
}

#[test]
fn values_in_a_larger_unit_convert_to_the_nearest_number_not_a_rounding_error() {
    let dir = scratch_dir("convert");
    let plan = new_district(&dir);
    let book = dir.join("万元.csv");
    // GDP in 万元 and population in 人: both divided by 10 000 for the series' 亿元 and 万人.
    let sheet = STATISTICS
        .replace(
            "地区生产总值,亿元,520.3,531.6,566.2,590.8,622.4,655.1",
            "地区生产总值,万元,5203000,5316000,5662000,5908000,6224000,6551000",
        )
        .replace(
            "常住人口,万人,61.2,61.8,62.5,63.1,63.9,64.5",
            "常住人口,人,612000,618000,625000,631000,639000,645000",
        );
    std::fs::write(&book, sheet).unwrap();
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--skip-unmatched"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let changes = stdout(&output);
    assert!(changes.contains("gdp,2024,,655.1\n"), "{changes}");
    assert!(changes.contains("population,2020,,61.8\n"), "{changes}");
    let imported = load(&plan);
    assert_eq!(observed(&imported, "gdp", 2024), Some(655.1));
    assert_eq!(observed(&imported, "gdp", 2021), Some(566.2));
    assert_eq!(observed(&imported, "population", 2020), Some(61.8));
}

#[test]
fn an_import_refused_in_english_names_the_units_in_english() {
    let dir = scratch_dir("english-units");
    let plan = new_district(&dir);
    let book = dir.join("bad.csv");
    std::fs::write(&book, STATISTICS.replace("常住人口,万人", "常住人口,吨")).unwrap();
    let refused = ecoplan(&[
        "import",
        s(&book),
        "--into",
        s(&plan),
        "--skip-unmatched",
        "--lang",
        "en",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(
        message.contains("the unit \"t\" does not convert to 10,000 people"),
        "{message}"
    );
}

#[test]
fn fits_print_their_columns_and_apply_the_rule_the_projection_then_follows() {
    let dir = scratch_dir("fit");
    let plan = new_district(&dir);
    let book = dir.join("stats.csv");
    std::fs::write(&book, STATISTICS).unwrap();
    assert!(
        ecoplan(&["import", s(&book), "--into", s(&plan), "--skip-unmatched"])
            .status
            .success()
    );
    // The 2019–2024 average rate of COD by hand: (4760 / 5210)^(1/5) − 1.
    let output = ecoplan(&[
        "fit",
        s(&plan),
        "--series",
        "cod",
        "--method",
        "cagr",
        "--from",
        "2019",
        "--to",
        "2024",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("series,method,from,to,value,level,r2,rmse")
    );
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&row[..4], ["cod", "cagr", "2019", "2024"]);
    let rate: f64 = row[4].parse().unwrap();
    let by_hand = (4760.0f64 / 5210.0).powf(0.2) - 1.0;
    assert!((rate - by_hand).abs() < 1e-12, "{rate} against {by_hand}");
    assert_eq!(row[5], "", "no level for a growth rate");
    let r2: f64 = row[6].parse().unwrap();
    assert!(r2 > 0.95 && r2 <= 1.0, "{r2}");
    // Applied: the rule, a note saying how, and a projection an independent computation gives.
    let output = ecoplan(&[
        "fit",
        s(&plan),
        "--series",
        "cod",
        "--method",
        "cagr",
        "--from",
        "2019",
        "--to",
        "2024",
        "--apply",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let fitted = load(&plan);
    let cod = fitted.series("cod").unwrap();
    assert_eq!(cod.rule, ecoplan::model::Rule::growth(rate));
    let note = format!("按 2019—2024 年年均增长率 {:.2} % 外推，R² ", rate * 100.0);
    assert!(
        cod.source.zh.starts_with(&note),
        "{} against {note}",
        cod.source.zh
    );
    assert!(dir.join("plan.ron.bak").exists());
    // The chapter states the basis: the report's assumptions carry the note.
    let report = dir.join("chapter.docx");
    assert!(ecoplan(&["export", s(&plan), s(&report)]).status.success());
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::fs::File::open(&report).unwrap())
            .unwrap()
            .by_name("word/document.xml")
            .unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(
        document.contains(&note),
        "the report states how COD's rate was derived"
    );
    let projection = stdout(&ecoplan(&["project", s(&plan)]));
    let cod_2030: f64 = projection
        .lines()
        .find(|l| l.starts_with("cod,2030,"))
        .unwrap()
        .split(',')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    let independent = 4760.0 * (4760.0f64 / 5210.0).powf(6.0 / 5.0);
    assert!(
        (cod_2030 - independent).abs() < 1e-6,
        "{cod_2030} against {independent}"
    );
    // A linear trend, an intensity against GDP and an elasticity, each with its columns.
    for (method, driver) in [
        ("loglinear", None),
        ("linear", None),
        ("intensity", Some("gdp")),
        ("elasticity", Some("gdp")),
    ] {
        let mut args = vec![
            "fit",
            s(&plan),
            "--series",
            "energy",
            "--method",
            method,
            "--from",
            "2019",
            "--to",
            "2024",
        ];
        if let Some(driver) = driver {
            args.extend(["--driver", driver]);
        }
        let output = ecoplan(&args);
        assert!(output.status.success(), "{method}: {}", stderr(&output));
        let line = stdout(&output).lines().nth(1).unwrap().to_owned();
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 8, "{line}");
        assert_eq!(fields[1], method);
        assert_eq!(fields[5].is_empty(), method != "intensity", "{line}");
    }
    // The intensity's level: the base year's energy over GDP, 141.2 / 655.1 万 tce/亿元.
    let output = ecoplan(&[
        "fit",
        s(&plan),
        "--series",
        "energy",
        "--method",
        "intensity",
        "--driver",
        "gdp",
        "--from",
        "2019",
        "--to",
        "2024",
        "--apply",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    match &load(&plan).series("energy").unwrap().rule {
        ecoplan::model::Rule::Driven {
            driver, intensity, ..
        } => {
            assert_eq!(driver, "gdp");
            assert!((intensity - 141.2 / 655.1).abs() < 1e-12);
        }
        other => panic!("{other:?}"),
    }
    // A linear trend applies as a rule of its own.
    assert!(
        ecoplan(&[
            "fit",
            s(&plan),
            "--series",
            "population",
            "--method",
            "linear",
            "--from",
            "2019",
            "--to",
            "2024",
            "--apply",
        ])
        .status
        .success()
    );
    assert!(matches!(
        load(&plan).series("population").unwrap().rule,
        ecoplan::model::Rule::Linear { .. }
    ));
    // Wrong input: exit 2 with why.
    for args in [
        vec![
            "fit",
            s(&plan),
            "--series",
            "cod",
            "--method",
            "trend",
            "--from",
            "2019",
            "--to",
            "2024",
        ],
        vec![
            "fit",
            s(&plan),
            "--series",
            "cod",
            "--method",
            "intensity",
            "--from",
            "2019",
            "--to",
            "2024",
        ],
        vec![
            "fit",
            s(&plan),
            "--series",
            "cod",
            "--method",
            "cagr",
            "--from",
            "2010",
            "--to",
            "2024",
        ],
        vec![
            "fit",
            s(&plan),
            "--series",
            "nope",
            "--method",
            "cagr",
            "--from",
            "2019",
            "--to",
            "2024",
        ],
    ] {
        let refused = ecoplan(&args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&refused).is_empty());
    }
}

#[test]
fn the_workbook_and_the_projection_table_carry_the_history_before_the_base_year() {
    use calamine::{Data, Reader};
    let dir = scratch_dir("workbook");
    let plan = new_district(&dir);
    let book = dir.join("stats.csv");
    std::fs::write(&book, STATISTICS).unwrap();
    assert!(
        ecoplan(&["import", s(&book), "--into", s(&plan), "--skip-unmatched"])
            .status
            .success()
    );
    let out = dir.join("out.xlsx");
    let output = ecoplan(&["export", s(&plan), s(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut workbook = calamine::open_workbook_auto(&out).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&first).unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    // Key, name, unit, then 2019–2023 from the history, then the projection from 2024.
    assert_eq!(
        &header[3..9],
        ["2019", "2020", "2021", "2022", "2023", "2024"]
    );
    let gdp = range
        .rows()
        .find(|row| row[0] == Data::String("gdp".into()))
        .unwrap();
    assert_eq!(gdp[3], Data::Float(520.3));
    assert_eq!(gdp[8], Data::Float(655.1));
}

#[test]
fn a_long_table_reads_by_its_columns_and_a_date_cell_is_refused() {
    let dir = scratch_dir("long");
    let plan = new_district(&dir);
    // series, year, value: the year column is never a header of years.
    let long = dir.join("long.csv");
    std::fs::write(
        &long,
        "指标名称,年份,数值,单位\n地区生产总值,2022,590.8,亿元\n地区生产总值,2023,622.4,亿元\n地区生产总值,2024,655.1,亿元\n化学需氧量排放量,2024,4760,吨\n",
    )
    .unwrap();
    let output = ecoplan(&["import", s(&long), "--into", s(&plan), "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "number,year,old,new\ngdp,2022,,590.8\ngdp,2023,,622.4\ngdp,2024,,655.1\ncod,2024,,4760\n"
    );
    // A cell formatted as a date is no figure, whatever its serial.
    let book = dir.join("dates.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("统计").unwrap();
    sheet.write(0, 0, "指标").unwrap();
    sheet.write(0, 1, 2023).unwrap();
    sheet.write(0, 2, 2024).unwrap();
    sheet.write(1, 0, "地区生产总值").unwrap();
    sheet.write(1, 1, 622.4).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 5, 1).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .write_datetime_with_format(1, 2, &date, &format)
        .unwrap();
    workbook.save(&book).unwrap();
    let refused = ecoplan(&["import", s(&book), "--into", s(&plan)]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(
        message.contains("dates.xlsx!统计!C2") && message.contains("日期单元格"),
        "{message}"
    );
}

#[test]
fn a_series_chart_joins_the_history_to_the_projection() {
    let mut plan = ecoplan::plan::hanyang_plan();
    plan.series_mut("gdp").unwrap().observed = [(2019, 680.0), (2020, 720.0)]
        .into_iter()
        .map(|(year, value)| ecoplan::model::Observation {
            year,
            value,
            source: String::new(),
        })
        .collect();
    let analysis = ecoplan::engine::analyse(&plan).unwrap();
    let spec = ecoplan::charts::series_chart(
        &plan,
        &analysis,
        &["gdp"],
        ecoplan::i18n::Lang::Zh,
        ecoplan::charts::ChartKey::Group {
            group: ecoplan::model::Group::Economy,
            part: 1,
        },
        "经济".into(),
    )
    .unwrap();
    let line = &spec.lines[0].points;
    // One line from 2019 through the base year 2021 to the horizon.
    assert_eq!(
        &line[..3],
        &[(2019.0, 680.0), (2020.0, 720.0), (2021.0, 792.86)]
    );
    assert_eq!(line.last().unwrap().0, 2028.0);
    // The history is drawn as points too.
    assert_eq!(spec.observed[0].points.len(), 2);
}

/// A workbook of statistics written with rust_xlsxwriter: `rows` of (name, unit, values for
/// 2022–2024), each value written by `write`.
fn workbook(path: &Path, write: impl Fn(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in ["指标名称", "单位", "2022年", "2023年", "2024年"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    write(sheet);
    book.save(path).unwrap();
}

/// Rewrites an xlsx part by part through `change` (name, bytes → bytes), then adds `extra`.
fn rewrite_package(
    path: &Path,
    change: impl Fn(&str, Vec<u8>) -> Vec<u8>,
    extra: Option<(&str, &[u8])>,
) {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        let bytes = change(&name, bytes);
        parts.push((name, bytes));
    }
    drop(archive);
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    for (name, bytes) in parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .chain(extra)
    {
        writer.start_file(name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();
}

/// Rewrites an xlsx so that its formulas have no cached value (`<f>…</f><v>0</v>` becomes
/// `<f>…</f>`), as a workbook written by a program that does not compute them.
fn without_cached_values(path: &Path) {
    rewrite_package(
        path,
        |name, bytes| {
            if name.starts_with("xl/worksheets/") {
                let text = String::from_utf8(bytes).unwrap();
                text.replace("</f><v>0</v>", "</f>").into_bytes()
            } else {
                bytes
            }
        },
        None,
    );
}

#[test]
fn a_percentage_cell_is_read_in_percent_and_refused_for_a_row_in_another_unit() {
    let dir = scratch_dir("percent");
    let plan = new_district(&dir);
    let book = dir.join("统计.xlsx");
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    workbook(&book, |sheet| {
        sheet.write_string(1, 0, "空气质量优良天数比例").unwrap();
        // Shown as 86.5%, stored as 0.865.
        for (c, v) in [0.859, 0.872, 0.865].iter().enumerate() {
            sheet
                .write_number_with_format(1, 2 + c as u16, *v, &percent)
                .unwrap();
        }
    });
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("good_air_days,2022,,85.9\n"), "{out}");
    assert!(out.contains("good_air_days,2023,,87.2\n"), "{out}");

    // The same cells in a row of 万人: refused by the first of them.
    workbook(&book, |sheet| {
        sheet.write_string(1, 0, "常住人口").unwrap();
        sheet.write_string(1, 1, "万人").unwrap();
        sheet.write_number(1, 2, 62.5).unwrap();
        sheet
            .write_number_with_format(1, 3, 0.631, &percent)
            .unwrap();
    });
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("统计.xlsx!Sheet1!D2"), "{err}");
    assert!(
        err.contains("百分比格式的数值，而“常住人口”的单位是 万人"),
        "{err}"
    );
    assert!(
        load(&plan)
            .series("population")
            .unwrap()
            .observed
            .is_empty()
    );
}

#[test]
fn a_formula_without_a_value_and_a_cell_past_the_bounds_are_refused_by_their_address() {
    let dir = scratch_dir("formula");
    let plan = new_district(&dir);
    let book = dir.join("统计.xlsx");
    workbook(&book, |sheet| {
        sheet.write_string(1, 0, "地区生产总值").unwrap();
        sheet.write_string(1, 1, "亿元").unwrap();
        sheet.write_number(1, 2, 590.8).unwrap();
        sheet
            .write_formula(1, 3, rust_xlsxwriter::Formula::new("=C2*1.05"))
            .unwrap();
    });
    // Saved by a program that does not compute: the formula without its cached value.
    without_cached_values(&book);
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("统计.xlsx!Sheet1!D2"), "{err}");
    assert!(err.contains("没有计算结果"), "{err}");

    // One value and one cell at the far corner of the sheet (XFD1048576): refused by the
    // corner's address at once, nothing allocated for the range between.
    workbook(&book, |sheet| {
        sheet.write_string(1, 0, "地区生产总值").unwrap();
        sheet.write_number(1, 2, 590.8).unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("统计.xlsx!Sheet1!XFD1048576"), "{err}");
    assert!(err.contains("超出可读取的范围"), "{err}");

    // A cell formatted but empty far out (a style on a whole column) holds nothing to refuse.
    let bold = rust_xlsxwriter::Format::new().set_bold();
    workbook(&book, |sheet| {
        sheet.write_string(1, 0, "地区生产总值").unwrap();
        sheet.write_string(1, 1, "亿元").unwrap();
        sheet.write_number(1, 2, 590.8).unwrap();
        sheet.write_blank(4, 16_383, &bold).unwrap();
    });
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("gdp,2022,,590.8"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_zip_bomb_and_a_declared_count_of_ten_trillion_texts_are_refused_before_anything_is_read() {
    let dir = scratch_dir("bomb");
    let plan = new_district(&dir);
    let book = dir.join("统计.xlsx");
    let fill = |book: &Path| {
        workbook(book, |sheet| {
            sheet.write_string(1, 0, "地区生产总值").unwrap();
            sheet.write_string(1, 1, "亿元").unwrap();
            sheet.write_number(1, 2, 590.8).unwrap();
        })
    };
    // 300 MB of zeros deflate to a few hundred kilobytes: under the file-size bound, over
    // what a package may inflate to.
    fill(&book);
    let zeros = vec![0u8; 300 * 1024 * 1024];
    rewrite_package(
        &book,
        |_, bytes| bytes,
        Some(("xl/media/image1.bin", &zeros)),
    );
    drop(zeros);
    assert!(std::fs::metadata(&book).unwrap().len() < 20 * 1024 * 1024);
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("统计.xlsx: 解压后超过 256 MB"), "{err}");

    // Shared strings that declare 10¹³ distinct texts (the reader would reserve 240 TB).
    fill(&book);
    rewrite_package(
        &book,
        |name, bytes| {
            if name == "xl/sharedStrings.xml" {
                let text = String::from_utf8(bytes).unwrap();
                let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = at + text[at..].find('"').unwrap();
                format!("{}10000000000000{}", &text[..at], &text[end..]).into_bytes()
            } else {
                bytes
            }
        },
        None,
    );
    let output = ecoplan(&["import", s(&book), "--into", s(&plan), "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("统计.xlsx: the workbook declares 10000000000000 distinct texts"),
        "{err}"
    );
    // Neither import changed the scenario; the same book with honest counts imports.
    assert!(load(&plan).series("gdp").unwrap().observed.is_empty());
    fill(&book);
    let output = ecoplan(&["import", s(&book), "--into", s(&plan)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("gdp,2022,,590.8"),
        "{}",
        stdout(&output)
    );
}
