//! The command line in the user's language: every refusal path with `LANG=zh_CN.UTF-8` reads
//! Chinese (no Latin-script word but the keys, options, units and file names the user gave),
//! names its place, and the English interface reads English, units included.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `ecoplan` in a locale: the environment's language, as a user's terminal states it.
fn ecoplan_in(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .args(args)
        .output()
        .expect("ecoplan runs")
}

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-cli-lang-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The Latin-script words of a message that are not among `given` (each word of what the user
/// typed: keys, options, file names) or the syntax's names and placeholders; the usage line is
/// syntax.
fn foreign_words(message: &str, given: &[&str]) -> Vec<String> {
    // Names no translation changes: the program, file extensions, units the scenario writes
    // (its file keeps them), pollutants, the forms' keywords and placeholders.
    const NAMES: &[&str] = &[
        "ecoplan",
        "csv",
        "xlsx",
        "xls",
        "ods",
        "docx",
        "md",
        "png",
        "ron",
        "tce",
        "gha",
        "EI",
        "COD",
        "NH3",
        "SO2",
        "NO2",
        "PM10",
        // PM2.5, in the indicator frame's names.
        "PM2",
        "normal",
        "uniform",
        "triangular",
        "cagr",
        "loglinear",
        "linear",
        "intensity",
        "elasticity",
        "KEY",
        "KEY1",
        "KEY2",
        "RATE",
        "RHO",
        "DIST",
        "MEAN",
        "SD",
        "MIN",
        "MAX",
        "MODE",
        "LOW",
        "HIGH",
        "POLLUTANT",
        "YEAR",
        "VALUE",
        "NAME",
        "METHOD",
    ];
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .filter(|word| word.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .map(str::to_owned)
            .collect()
    };
    let typed: Vec<String> = given.iter().flat_map(|g| words(g)).collect();
    message
        .lines()
        .filter(|line| !line.starts_with("用法："))
        .flat_map(words)
        // An option (`--horizon`) is the command line's own name.
        .filter(|word| !word.starts_with("--"))
        .filter(|word| !NAMES.contains(&word.as_str()) && !typed.contains(word))
        .collect()
}

#[test]
fn every_refusal_of_the_command_line_reads_chinese_and_names_its_place() {
    let dir = dir("zh");
    let plan = dir.join("district.ron");
    let out = ecoplan_in("zh_CN.UTF-8", &["default"]);
    std::fs::write(&plan, &out.stdout).unwrap();
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(name: \"x\",").unwrap();
    let missing = dir.join("missing.ron");
    let sheet = dir.join("statistics.csv");
    std::fs::write(&sheet, "指标,2021\n地区生产总值,暂无\n").unwrap();
    let good_sheet = dir.join("good.csv");
    std::fs::write(&good_sheet, "指标,2021\n地区生产总值,800\n").unwrap();
    // A save that cannot be made: the backup's place is taken by a folder.
    let held = dir.join("held.ron");
    std::fs::copy(&plan, &held).unwrap();
    std::fs::create_dir_all(dir.join("held.ron.bak").join("inside")).unwrap();
    // A key that scripts cannot name, and a share above 100 %.
    let default = String::from_utf8(out.stdout.clone()).unwrap();
    let bad_key = dir.join("bad_key.ron");
    std::fs::write(&bad_key, default.replace("\"gdp\"", "\"产值 1\"")).unwrap();
    let share = dir.join("share.ron");
    std::fs::write(&share, default.replace("value: 79.4,", "value: 179.4,")).unwrap();
    let p = text(&plan);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", text(&broken)], "broken.ron:1:"),
        (vec!["check", text(&missing)], "missing.ron"),
        (
            vec!["project", p, "--growth", "nosuch=0.1"],
            "--growth nosuch=0.1",
        ),
        (
            vec!["project", p, "--growth", "gdp=fast"],
            "--growth gdp=fast",
        ),
        (vec!["project", p, "--horizon", "2026"], "--horizon 2026"),
        (vec!["project", p, "--horizon", "2100"], "--horizon 2100"),
        (vec!["project", "--horizn", "2030"], "--horizn"),
        (vec!["export", p, "out.pdf"], "out.pdf"),
        (vec!["uncertainty", p, "--runs", "0"], "--runs 0"),
        (
            vec!["uncertainty", p, "--uncertain", "gdp=normal:0.07"],
            "--uncertain",
        ),
        (
            vec!["seek", p, "--lever", "gdp", "--target", "nosuch"],
            "nosuch",
        ),
        (
            vec!["seek", p, "--lever", "gdp", "--bound", "cod@20x0<=1"],
            "--bound",
        ),
        (
            vec!["sensitivity", p, "--series", "nosuch", "--year", "2025"],
            "nosuch",
        ),
        (
            vec!["import", text(&sheet), "--into", p],
            "statistics.csv:2:",
        ),
        (
            vec![
                "import",
                text(&good_sheet),
                "--into",
                text(&held),
                "--map",
                "地区生产总值=gdp",
            ],
            "held.ron",
        ),
        (
            vec![
                "fit", p, "--series", "gdp", "--method", "cagr", "--from", "2000", "--to", "2001",
            ],
            "district.ron",
        ),
        (
            vec![
                "fit", p, "--series", "gdp", "--method", "spline", "--from", "2000", "--to", "2001",
            ],
            "spline",
        ),
        (vec!["new", "--base-year", "1800"], "--base-year"),
        (vec!["new", "--output", p], "district.ron"),
        (vec!["new", "--output", text(&dir)], "这是文件夹"),
        (
            vec!["seek", p, "--lever", "gdp", "--bound", "nosuch@2025<=1"],
            "--bound nosuch@2025<=1",
        ),
        (vec!["--screenshot", "x.png", "project"], "--screenshot"),
        // A goal before the base year holds no margin: refused, never "met" at infinity.
        (
            vec!["seek", p, "--lever", "cod", "--capacity", "COD:1990"],
            "--capacity COD:1990",
        ),
        (
            vec!["seek", p, "--lever", "cod", "--capacity", "COD:2400"],
            "--capacity COD:2400",
        ),
        (
            vec!["seek", p, "--lever", "cod", "--capacity", "XYZ:2030"],
            "--capacity XYZ:2030",
        ),
        (
            vec!["seek", p, "--lever", "cod", "--target", "nosuch"],
            "--target nosuch",
        ),
        // A series no scenario compared projects: refused, not a table of its header alone.
        (
            vec!["compare", p, p, "--series", "nosuch"],
            "--series nosuch",
        ),
        (vec!["check", text(&share)], "share.ron:"),
    ];
    for (args, place) in &cases {
        let output = ecoplan_in("zh_CN.UTF-8", args);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains(place), "{args:?} names {place}: {message}");
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{args:?} in Chinese: {message}"
        );
        let foreign = foreign_words(&message, args);
        assert!(foreign.is_empty(), "{args:?}: {foreign:?} in {message}");
    }
    // A key no script can name: the file still opens (an older file stays usable), and
    // `check` says which key wants renaming, in Chinese.
    let output = ecoplan_in("zh_CN.UTF-8", &["check", text(&bad_key)]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(said.contains("提示：序列“产值 1”：键：含空格"), "{said}");
    // Nothing was saved by the failed import.
    assert_eq!(std::fs::read(&held).unwrap(), std::fs::read(&plan).unwrap());
}

#[test]
fn a_locale_that_states_no_language_reads_chinese_and_lang_overrides_any() {
    for locale in ["C", "POSIX", "C.UTF-8", ""] {
        let output = ecoplan_in(locale, &["project", "--horizon", "2100"]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains("晚于 2060 年"), "{locale:?}: {message}");
    }
    let output = ecoplan_in(
        "zh_CN.UTF-8",
        &["project", "--horizon", "2100", "--lang", "en"],
    );
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("beyond 2060"), "{message}");
    let output = ecoplan_in(
        "en_GB.UTF-8",
        &["--lang", "zh", "project", "--horizon", "2100"],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("晚于 2060 年"));
}

#[test]
fn the_english_interface_reads_english_units_included_and_csv_keeps_its_columns() {
    let table = ecoplan_in("en_US.UTF-8", &["project", "--format", "table"]);
    let table = String::from_utf8_lossy(&table.stdout);
    let gdp = table.lines().find(|l| l.starts_with("gdp ")).unwrap();
    assert!(
        gdp.contains("GDP") && gdp.contains("100 million yuan"),
        "{gdp}"
    );
    assert!(
        !table.contains("亿元") && !table.contains("万人"),
        "{table}"
    );
    let zh = ecoplan_in("zh_CN.UTF-8", &["project", "--format", "table"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(
        zh.lines()
            .any(|l| l.starts_with("gdp ") && l.contains("地区生产总值") && l.contains("亿元"))
    );
    // The CSV is the scripts' interface: the same bytes whatever the language.
    let csv_en = ecoplan_in("en_US.UTF-8", &["project"]).stdout;
    let csv_zh = ecoplan_in("zh_CN.UTF-8", &["project"]).stdout;
    assert_eq!(csv_en, csv_zh);
    assert!(String::from_utf8_lossy(&csv_en).starts_with("series,year,value,unit\n"));
    assert!(
        String::from_utf8_lossy(&csv_en).contains(",亿元\n"),
        "the file's own units"
    );
    // The chapter in English prints English units; in Chinese the scenario's.
    let dir = dir("en");
    let chapter = dir.join("chapter.md");
    let output = ecoplan_in("en_US.UTF-8", &["export", text(&chapter)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let english = std::fs::read_to_string(&chapter).unwrap();
    assert!(english.contains("100 million yuan"), "{english}");
    assert!(english.contains("10,000 tce"), "{english}");
    assert!(
        !english.contains("亿元") && !english.contains("万 tce"),
        "{english}"
    );
    let output = ecoplan_in("en_US.UTF-8", &["export", text(&chapter), "--lang", "zh"]);
    assert!(output.status.success());
    assert!(std::fs::read_to_string(&chapter).unwrap().contains("亿元"));
}

#[test]
#[cfg(all(unix, not(target_os = "macos")))]
fn the_window_without_a_display_says_so_in_the_users_language() {
    for (locale, said) in [
        ("zh_CN.UTF-8", "没有可显示窗口的屏幕"),
        ("en_US.UTF-8", "there is no display to show it on"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env("LANG", locale)
            .output()
            .expect("ecoplan runs");
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{message}");
        assert!(message.contains(said), "{message}");
        // Not the windowing library's own words and source path.
        assert!(!message.contains("winit"), "{message}");
    }
}

#[test]
fn every_commands_help_reads_chinese_under_a_chinese_locale() {
    // Words the help names as they are typed: option values, CSV columns, view keys, formats
    // and the environment's names. Placeholders are in capitals (KEY, YEAR).
    const TYPED: &[&str] = &[
        "csv",
        "table",
        "fan",
        "exceedance",
        "importance",
        "values",
        "capacity",
        "targets",
        "projection",
        "indicators",
        "district",
        "county",
        "city",
        "light",
        "dark",
        "system",
        "normal",
        "uniform",
        "triangular",
        "cagr",
        "loglinear",
        "linear",
        "intensity",
        "elasticity",
        "series",
        "year",
        "value",
        "unit",
        "pollutant",
        "medium",
        "emission",
        "utilization",
        "status",
        "population",
        "footprint_gha",
        "capacity_gha",
        "balance_gha",
        "target",
        "threshold",
        "met",
        "p5",
        "p25",
        "p50",
        "p75",
        "p95",
        "probability",
        "cumulative",
        "lever",
        "outcome",
        "margin",
        "lever_value",
        "result_low",
        "result_high",
        "swing",
        "base",
        "scenario",
        "difference",
        "percent",
        "number",
        "name",
        "basis",
        "rule",
        "old",
        "new",
        "method",
        "from",
        "to",
        "level",
        "r2",
        "rmse",
        "share",
        "overview",
        "plan",
        "whatif",
        "baselines",
        "assumptions",
        "projections",
        "history",
        "capacity-water",
        "capacity-air",
        "projects",
        "footprint",
        "ei",
        "uncertainty",
        "goal-seek",
        "compare",
        "capacity-COD",
        "target-energy_intensity",
        "energy_intensity",
        "group-water",
        "chapter",
        "cod",
        "zh",
        "en",
        "xlsx",
        "xls",
        "ods",
        "docx",
        "md",
        "png",
        "ron",
        "bak",
        "ecoplan",
        "Xvfb",
        "Windows",
        "Excel",
        "Markdown",
        "BOM",
        "UTF-8",
        "GBK",
        "RON",
        "EI",
        "COD",
        "CSV",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "normal:MEAN",
        "uniform:MIN",
        "triangular:MIN",
        // The commands themselves.
        "project",
        "check",
        "seek",
        "sensitivity",
        "format",
        "default",
        "export",
        "import",
        "fit",
    ];
    let mut commands = vec![vec!["--help"]];
    for command in [
        "project",
        "capacity",
        "footprint",
        "ei",
        "targets",
        "check",
        "uncertainty",
        "seek",
        "sensitivity",
        "compare",
        "format",
        "default",
        "export",
        "indicators",
        "import",
        "fit",
        "new",
    ] {
        commands.push(vec![command, "--help"]);
    }
    // `help COMMAND` is the same help.
    commands.push(vec!["help", "seek"]);
    for args in &commands {
        let output = ecoplan_in("zh_CN.UTF-8", args);
        let help = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {help}");
        assert!(help.contains("用法：ecoplan"), "{args:?}: {help}");
        // clap's placeholders in Chinese words too: only the values' names stay (FILE).
        assert!(
            !help.contains("OPTIONS") && !help.contains("COMMAND"),
            "{args:?}: {help}"
        );
        let foreign: Vec<String> = help
            .lines()
            .filter(|line| !line.starts_with("用法："))
            .flat_map(|line| {
                line.split(|c: char| {
                    !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
                })
                .map(|w| {
                    w.trim_matches(|c: char| matches!(c, '.' | ':' | '-'))
                        .to_owned()
                })
                .collect::<Vec<_>>()
            })
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .filter(|w| !w.chars().all(|c| !c.is_ascii_lowercase()))
            .filter(|w| !TYPED.contains(&w.as_str()))
            .filter(|w| {
                !(w.starts_with("lang") || w.starts_with("help") || w.starts_with("version"))
            })
            .collect();
        // Option names (--series) are split above into their words: keep only what is no
        // option of the help itself.
        let foreign: Vec<&String> = foreign
            .iter()
            .filter(|w| !help.contains(&format!("--{w}")))
            .collect();
        assert!(foreign.is_empty(), "{args:?}: {foreign:?} in\n{help}");
    }
    // The English help stays the arguments' documentation.
    let output = ecoplan_in("en_US.UTF-8", &["seek", "--help"]);
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("Usage:") && help.contains("The series whose rate"),
        "{help}"
    );
}

#[test]
fn a_refused_file_names_its_item_by_label_in_chinese_and_by_key_in_english() {
    let dir = dir("item-names");
    let plan = String::from_utf8(ecoplan_in("zh_CN.UTF-8", &["default"]).stdout).unwrap();
    let at = plan
        .find("base: 90.0,")
        .expect("the population's base value");
    let path = dir.join("negative.ron");
    std::fs::write(
        &path,
        format!("{}base: -90.0,{}", &plan[..at], &plan[at + 11..]),
    )
    .unwrap();
    let said = |locale: &str| {
        let output = ecoplan_in(locale, &["check", text(&path)]);
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    // The line and column of the value, as `check` places it.
    let line = plan[..at].matches('\n').count() + 1;
    let col = plan[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    let chinese = said("zh_CN.UTF-8");
    assert!(
        chinese.contains(&format!(
            ":{line}:{col}: 序列“常住人口”（population）：基准年数值 = -90 无效"
        )),
        "{chinese}"
    );
    let english = said("en_GB.UTF-8");
    assert!(
        english.contains(&format!(
            ":{line}:{col}: series \"population\": base = -90 is invalid"
        )),
        "{english}"
    );
    // An option's refusal names the series the same way.
    let output = ecoplan_in("zh_CN.UTF-8", &["project", "--growth", "gdp=3"]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("--growth gdp=3: 序列“地区生产总值”（gdp）："),
        "{message}"
    );
}

#[test]
fn the_version_names_its_licences_in_the_users_language() {
    let zh =
        String::from_utf8_lossy(&ecoplan_in("zh_CN.UTF-8", &["--version"]).stdout).into_owned();
    assert!(zh.contains("采用 MIT 或 Apache-2.0 许可"), "{zh}");
    assert!(!zh.contains("licensed"), "{zh}");
    let en =
        String::from_utf8_lossy(&ecoplan_in("en_US.UTF-8", &["--version"]).stdout).into_owned();
    assert!(en.contains("licensed under"), "{en}");
}
