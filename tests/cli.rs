//! The command-line contract: CSV columns, exit codes and messages that scripts depend on.

use std::path::PathBuf;
use std::process::{Command, Output};

fn ecoplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "en_US.UTF-8")
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

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn csv_value(csv: &str, series: &str, year: &str) -> f64 {
    csv.lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[0] == series && f[1] == year)
        .unwrap_or_else(|| panic!("{series} {year} in {csv}"))[2]
        .parse()
        .unwrap()
}

#[test]
fn project_prints_the_plans_numbers_as_csv() {
    let output = ecoplan(&["project"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("series,year,value,unit"));
    // One row per series and year, 2021–2028, and nothing else on stdout.
    let rows: Vec<&str> = lines.collect();
    let series_count = ecoplan::plan::hanyang_plan().series.len();
    assert_eq!(rows.len(), series_count * 8);
    assert!(rows.iter().all(|r| r.split(',').count() == 4));
    assert!((csv_value(&csv, "gdp", "2025") - 1058.84).abs() < 0.01);
    assert!((csv_value(&csv, "gdp", "2028") - 1315.39).abs() < 0.01);
    assert!((csv_value(&csv, "cod", "2028") - 5367.83).abs() < 0.01);
    assert!(csv.contains("\ngdp,2021,792.86,亿元\n"));
}

#[test]
fn growth_override_and_horizon_carry_to_dependents() {
    let output = ecoplan(&["project", "--growth", "population=0.0", "--horizon", "2030"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert_eq!(csv_value(&csv, "population", "2030"), 90.0);
    // Domestic water is driven by population, so it stays at its 2021 value too.
    assert!((csv_value(&csv, "water_domestic", "2030") - 0.918).abs() < 1e-12);
    assert!(csv.contains("\ngdp,2030,"));
    assert!(!csv.contains(",2031,"));
}

#[test]
fn capacity_csv_leaves_utilisation_empty_for_zero_capacity() {
    let output = ecoplan(&["capacity"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert_eq!(
        csv.lines().next(),
        Some("pollutant,medium,year,emission,capacity,unit,utilization,status")
    );
    let no2_2028: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("NO2,air,2028,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(no2_2028[4], "0");
    assert_eq!(no2_2028[5], "t/a");
    assert_eq!(no2_2028[6], "");
    assert_eq!(no2_2028[7], "saturated");
    let so2_2028: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("SO2,air,2028,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(so2_2028[4], "20600");
    assert_eq!(so2_2028[7], "ok");
}

#[test]
fn cod_growth_of_nine_percent_exceeds_capacity_by_2060() {
    let output = ecoplan(&["capacity", "--growth", "cod=0.09", "--horizon", "2060"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("COD,water,") && l.ends_with(",exceeded"))
    );
}

#[test]
fn targets_show_the_energy_intensity_gap() {
    let output = ecoplan(&["targets"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert_eq!(
        csv.lines().next(),
        Some("target,year,value,threshold,unit,met")
    );
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("energy_intensity,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(row[1], "2028");
    assert!((row[2].parse::<f64>().unwrap() - 0.1588).abs() < 1e-3);
    assert_eq!(row[3], "0.136");
    assert_eq!(row[4], "tce/万元");
    assert_eq!(row[5], "false");
}

#[test]
fn table_format_is_readable() {
    let output = ecoplan(&["targets", "--format", "table", "--lang", "zh"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("energy_intensity"));
    assert!(
        text.contains("未达标") && text.contains("达标所需年均变化"),
        "{text}"
    );
    let output = ecoplan(&["project", "--format", "table", "--lang", "zh"]);
    let text = stdout(&output);
    assert!(text.contains("地区生产总值"));
    // Each series in the decimals the plan prints it with, thousands grouped: population
    // 94.50 99.23 104.19 in one row (not 99.225), GDP 1,058.84, industrial water 0.0488.
    let row = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap()
            .split_whitespace()
            .skip(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        row("population").starts_with("90.00 94.50 99.23 104.19 109.40"),
        "{}",
        row("population")
    );
    assert!(row("gdp").contains(" 1,058.84 "), "{}", row("gdp"));
    assert!(
        row("water_industrial").contains(" 0.0488 "),
        "{}",
        row("water_industrial")
    );
    let output = ecoplan(&["capacity", "--format", "table"]);
    assert!(stdout(&output).contains("first exceedance"));
}

#[test]
fn uncertainty_tables_are_readable_and_its_csv_unchanged() {
    let uncertain = [
        "--uncertain",
        "gdp=normal:0.075,0.01",
        "--uncertain",
        "cod=uniform:0.05,0.09",
    ];
    let run = |more: &[&str]| {
        let mut args = vec!["uncertainty", "--runs", "500", "--lang", "zh"];
        args.extend(uncertain);
        args.extend(more);
        let output = ecoplan(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let fans = run(&["--format", "table"]);
    let head: Vec<&str> = fans.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        head,
        [
            "键", "名称", "单位", "年份", "P5", "P25", "P50", "P75", "P95"
        ]
    );
    // The base year, the milestone and the horizon of each series, in its decimals.
    let gdp: Vec<&str> = fans.lines().filter(|l| l.starts_with("gdp ")).collect();
    assert_eq!(gdp.len(), 3, "{fans}");
    assert!(gdp[0].contains("地区生产总值"), "{}", gdp[0]);
    assert_eq!(gdp[0].matches("792.86").count(), 5, "{}", gdp[0]);
    let cells = |line: &str| -> Vec<f64> {
        line.split_whitespace()
            .rev()
            .take(5)
            .map(|c| c.replace(',', "").parse().unwrap())
            .collect()
    };
    let horizon = cells(gdp[2]);
    assert!(horizon.windows(2).all(|w| w[0] > w[1]), "{}", gdp[2]);
    // The CSV of the same run: the same median, unrounded.
    let csv = run(&[]);
    assert!(csv.starts_with("series,year,p5,p25,p50,p75,p95,unit\n"));
    let median: f64 = csv
        .lines()
        .find(|l| l.starts_with("gdp,2028,"))
        .unwrap()
        .split(',')
        .nth(4)
        .unwrap()
        .parse()
        .unwrap();
    assert!((median - horizon[2]).abs() < 0.006, "{median} {}", gdp[2]);

    let exceedance = run(&["--table", "exceedance", "--format", "table"]);
    assert!(
        exceedance.lines().next().unwrap().contains("当年超载概率"),
        "{exceedance}"
    );
    let cod = exceedance
        .lines()
        .find(|l| l.starts_with("COD ") && l.contains(" 2028 "));
    assert!(cod.is_some_and(|l| l.ends_with('%')), "{exceedance}");

    let importance = ["--table", "importance", "--series", "cod", "--year", "2028"];
    let table = run(&[&importance[..], &["--format", "table"]].concat());
    let csv = run(&importance);
    let csv_levers: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let table_levers: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(csv_levers, table_levers);
    assert!(
        table.lines().next().unwrap().contains("对方差的贡献"),
        "{table}"
    );
}

#[test]
fn default_round_trips_through_check() {
    let output = ecoplan(&["default"]);
    assert!(output.status.success());
    let path = scratch("default.ron", &stdout(&output));
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert_eq!(summary.lines().count(), 1);
    assert!(summary.contains(": ok:"));
    let output = ecoplan(&["project", path.to_str().unwrap()]);
    assert_eq!(stdout(&output), stdout(&ecoplan(&["project"])));
}

#[test]
fn check_reports_file_line_and_column() {
    let text = stdout(&ecoplan(&["default"])).replacen("base_year: 2021,", "base_year: 2021,,", 1);
    let path = scratch("broken.ron", &text);
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let prefix = format!("{}:", path.display());
    assert!(message.starts_with(&prefix), "{message}");
    let rest: Vec<&str> = message[prefix.len()..].splitn(3, ':').collect();
    assert!(
        rest[0].parse::<usize>().is_ok() && rest[1].parse::<usize>().is_ok(),
        "{message}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn check_reports_model_errors_with_the_file_line_and_column() {
    let text = stdout(&ecoplan(&["default"])).replacen("base: 90.0,", "base: -90.0,", 1);
    let path = scratch("negative.ron", &text);
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    // `FILE:LINE:COL: message`, as the README promises for every refusal.
    let offset = text.find("base: -90.0,").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    assert!(
        message.starts_with(&format!(
            "{}:{line}:{col}: series \"population\": base = -90",
            path.display()
        )),
        "{message}"
    );
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let output = ecoplan(&["project", "/nonexistent/plan.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("/nonexistent/plan.ron: cannot read"));
}

#[test]
fn bad_arguments_exit_two_with_usage() {
    for args in [
        &["project", "--growth", "gdp"][..],
        &["project", "--growth", "gdp=fast"],
        &["project", "--format", "xml"],
        &["check"],
    ] {
        let output = ecoplan(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("Usage"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

/// A screenshot (a script) of a file that cannot be opened stops before the window; opened from
/// the desktop, the window shows the built-in plan and the reason instead (see `app::launch`).
#[test]
fn window_with_a_missing_file_exits_two_before_opening() {
    let output = ecoplan(&[
        "no-such-plan.ron",
        "--screenshot",
        "never-written.png",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("no-such-plan.ron: cannot read"));
    assert!(!std::path::Path::new("never-written.png").exists());
    // In Chinese where the environment states no language (or asks for Chinese).
    let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["no-such-plan.ron", "--screenshot", "never-written.png"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("no-such-plan.ron: 无法读取：文件或文件夹不存在"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_values_exit_two_naming_what() {
    let output = ecoplan(&["project", "--growth", "nope=0.1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no series \"nope\""));
    let output = ecoplan(&["project", "--growth", "gdp=3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("series \"gdp\": Annual growth = 3"),
        "{}",
        stderr(&output)
    );
    let output = ecoplan(&["project", "--horizon", "2100"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("2100"));
}

#[test]
fn compare_prints_differences_from_the_first_scenario() {
    let saves = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let output = ecoplan(&[
        "compare",
        saves.join("hanyang-workspace.ron").to_str().unwrap(),
        "--series",
        "gdp",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert_eq!(
        csv.lines().next(),
        Some("scenario,series,year,value,difference,percent")
    );
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("高增长 High growth,gdp,2028,"))
        .unwrap()
        .split(',')
        .collect();
    assert!(
        (row[5].parse::<f64>().unwrap() - (1.09f64.powi(7) / 1.075f64.powi(7) - 1.0) * 100.0).abs()
            < 1e-6
    );
    let output = ecoplan(&[
        "compare",
        saves.join("hanyang-workspace.ron").to_str().unwrap(),
        "--table",
        "capacity",
    ]);
    assert!(stdout(&output).contains("高增长 High growth,COD,2060,exceeded,2039"));
}

#[test]
fn format_prints_the_canonical_layout_of_any_file() {
    let saves = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    for name in ["hanyang-2021-plan.ron", "hanyang-workspace.ron"] {
        let path = saves.join(name);
        let output = ecoplan(&["format", path.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stdout(&output),
            std::fs::read_to_string(&path).unwrap(),
            "{name}"
        );
    }
    // A file laid out by hand comes back in the canonical layout.
    let messy = stdout(&ecoplan(&["default"])).replace("    ", "  ");
    let path = scratch("messy.ron", &messy);
    assert_eq!(
        stdout(&ecoplan(&["format", path.to_str().unwrap()])),
        stdout(&ecoplan(&["default"]))
    );
}

#[test]
fn a_workspace_given_where_a_scenario_is_expected_is_named() {
    let saves = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let output = ecoplan(&[
        "project",
        saves.join("hanyang-workspace.ron").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("this is a workspace of several scenarios"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn seek_with_a_lever_that_does_not_move_the_goal_says_so() {
    let output = ecoplan(&["seek", "--lever", "cod", "--target", "energy_intensity"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("goal seek \"cod\": lever: moving it does not move the goal, which depends on energy, gdp only"),
        "{message}"
    );
    // Its own chain moves it: energy drives energy per GDP.
    let output = ecoplan(&["seek", "--lever", "energy", "--target", "energy_intensity"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn version_names_the_commit_and_the_fonts_licence() {
    let output = ecoplan(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let first = text.lines().next().unwrap();
    // "ecoplan 0.1.0 (abcdef123456)": the commit, or "unknown" outside a git checkout.
    assert!(
        first.starts_with(&format!("ecoplan {} (", env!("CARGO_PKG_VERSION")))
            && first.ends_with(')'),
        "{first}"
    );
    assert!(text.contains("SIL Open Font License 1.1"), "{text}");
}

#[test]
fn the_console_program_is_the_same_command_line() {
    // On Windows scripts run `ecoplan-cli`; it prints and exits as `ecoplan` does.
    let run = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .expect("the program runs")
    };
    for args in [&["project"][..], &["check", "/nonexistent.ron"][..]] {
        let gui = run(env!("CARGO_BIN_EXE_ecoplan"), args);
        let console = run(env!("CARGO_BIN_EXE_ecoplan-cli"), args);
        assert_eq!(gui.status.code(), console.status.code(), "{args:?}");
        assert_eq!(gui.stdout, console.stdout, "{args:?}");
        assert_eq!(gui.stderr, console.stderr, "{args:?}");
    }
}

#[test]
fn decimals_beyond_what_a_number_holds_are_refused_where_they_are() {
    let text = stdout(&ecoplan(&["default"])).replacen("decimals: 2,", "decimals: 200,", 1);
    let path = scratch("decimals-200.ron", &text);
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let line = text
        .lines()
        .position(|l| l.contains("decimals: 200"))
        .unwrap()
        + 1;
    let message = stderr(&output);
    assert!(
        message.contains(&format!("decimals-200.ron:{line}:"))
            && message.contains("series \"gdp\": decimals = 200 is invalid: at most 12 decimals"),
        "{message}"
    );
}

/// `ecoplan ARGS` with its standard streams set up by the shell line `redirections`.
#[cfg(unix)]
fn through_shell(args: &str, redirections: &str) -> Output {
    Command::new("sh")
        .env("LC_ALL", "en_US.UTF-8")
        .arg("-c")
        .arg(format!(
            "exec '{}' {args} {redirections}",
            env!("CARGO_BIN_EXE_ecoplan")
        ))
        .output()
        .expect("sh runs")
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_an_error_never_a_panic_and_a_lost_output_changes_nothing() {
    // A message that cannot be written (stderr full) is lost, not a panic (101).
    let missing = through_shell("check /nonexistent/plan.ron", "2>/dev/full");
    assert_eq!(missing.status.code(), Some(2));
    // The window's own refusals too, before any window opens.
    for args in [
        "/nonexistent/plan.ron --screenshot /tmp/ecoplan-never.png",
        "--view nosuch --screenshot /tmp/ecoplan-never.png",
        "--screenshot /tmp/ecoplan-never.jpg",
    ] {
        let output = through_shell(args, "2>/dev/full");
        assert_eq!(output.status.code(), Some(2), "{args}");
    }
    // Output to a full stdout is reported, help and version included.
    for (args, redirect) in [
        ("project", ">/dev/full"),
        ("--help", ">/dev/full"),
        ("--version", ">/dev/full"),
    ] {
        let output = through_shell(args, redirect);
        assert_eq!(output.status.code(), Some(1), "{args} {redirect}");
        assert!(
            stderr(&output).contains("cannot write output"),
            "{args} {redirect}: {}",
            stderr(&output)
        );
    }
    // An import whose list of changes cannot be printed saves nothing: it writes last.
    let dir = std::env::temp_dir().join(format!("ecoplan-cli-full-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.ron");
    std::fs::write(&plan, stdout(&ecoplan(&["default"]))).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let book = dir.join("values.csv");
    std::fs::write(&book, "序号,2021\n3,25\n").unwrap();
    let args = format!("import '{}' --into '{}'", book.display(), plan.display());
    let output = through_shell(&args, ">/dev/full");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(!dir.join("plan.ron.bak").exists());
    // Printed, it is saved.
    let output = through_shell(&args, "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "number,year,old,new\n3,2021,,25\n");
    assert_ne!(std::fs::read(&plan).unwrap(), before);
    // `fit --apply` too writes only once its line is printed.
    let history = dir.join("history.csv");
    std::fs::write(
        &history,
        "指标,单位,2019年,2020年\n地区生产总值,亿元,700,750\n",
    )
    .unwrap();
    let import = format!("import '{}' --into '{}'", history.display(), plan.display());
    assert!(through_shell(&import, ">/dev/null").status.success());
    let before = std::fs::read(&plan).unwrap();
    let fit = format!(
        "fit '{}' --series gdp --method cagr --from 2019 --to 2021 --apply",
        plan.display()
    );
    let output = through_shell(&fit, ">/dev/full");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let output = through_shell(&fit, "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_ne!(std::fs::read(&plan).unwrap(), before);
}

#[test]
fn check_notes_a_milestone_after_the_horizon_that_no_projection_reaches() {
    let default = stdout(&ecoplan(&["default"]));
    let text = default.replacen("        2028,\n    ],", "        2031,\n    ],", 1);
    assert_ne!(
        text, default,
        "the milestones are where the test expects them"
    );
    let file = scratch("milestone-past-horizon.ron", &text);
    // The file opens (the window can mend it), and says what is wrong in either language.
    for (lang, words) in [
        (
            "en",
            "The milestone 2031 is after the horizon 2028 and is not projected",
        ),
        ("zh", "节点年 2031 晚于预测终年 2028，未作预测"),
    ] {
        let output = ecoplan(&["--lang", lang, "check", file.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains(words), "{}", stdout(&output));
    }
}

#[test]
fn a_negative_count_of_draws_is_refused_as_the_value_of_runs() {
    for args in [
        &["uncertainty", "--runs", "-5"][..],
        &["export", "out.xlsx", "--runs", "-3"][..],
    ] {
        let output = ecoplan(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        // Read as the option's value, not as an unknown option.
        assert!(message.contains("of --runs"), "{message}");
        assert!(!message.contains("unexpected argument"), "{message}");
    }
}

#[test]
fn a_new_districts_default_periods_are_named_in_both_languages_and_compare_leaves_no_data_empty() {
    let dir = std::env::temp_dir().join(format!("ecoplan-cli-periods-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("new.ron");
    let _ = std::fs::remove_file(&file);
    let made = ecoplan(&["new", "--name", "白鹭区", "-o", file.to_str().unwrap()]);
    assert!(made.status.success(), "{}", stderr(&made));
    let scenario = ecoplan::io::load(&file).unwrap();
    let names: Vec<(&str, &str)> = scenario
        .periods
        .iter()
        .map(|p| (p.name.zh.as_str(), p.name.en.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("创建期", "creation period"),
            ("提升期", "improvement period")
        ]
    );
    // Its series have no base values yet: no data is an empty cell, never NaN.
    let compared = stdout(&ecoplan(&["compare", file.to_str().unwrap()]));
    assert!(!compared.contains("NaN"), "{compared}");
    assert!(compared.contains(",gdp,2025,,,\n"), "{compared}");
}
