//! Files and arguments as a hostile or unlucky user would give them: each gets a clear message
//! naming what and where, and nothing hangs, crashes or loses work.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use ecoplan::io::{LoadError, Loaded, load, load_any, to_ron_string, workspace_to_ron_string};
use ecoplan::model::{Changes, Definition, Member, Rule, SeriesChange, Workspace};
use ecoplan::plan::hanyang_plan;

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs ecoplan and kills it after a generous time: a hang fails the test instead of the run.
fn ecoplan(args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Output is read while waiting, so a long table cannot fill the pipe and stall the child.
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    match receiver.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("ecoplan {args:?} did not finish within a minute");
        }
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn whole(name: &str) -> Member {
    let mut scenario = hanyang_plan();
    scenario.metadata.name = name.into();
    Member {
        name: name.into(),
        parent: None,
        scenario: Definition::Full(Box::new(scenario)),
    }
}

fn child(name: &str, parent: &str, cod_rate: f64) -> Member {
    Member {
        name: name.into(),
        parent: Some(parent.into()),
        scenario: Definition::Changes(Changes {
            series: vec![SeriesChange {
                key: "cod".into(),
                base: None,
                rule: Some(Rule::growth(cod_rate)),
                observed: None,
                decimals: None,
                source: None,
            }],
            ..Changes::default()
        }),
    }
}

fn workspace_file(dir: &Path, name: &str, members: Vec<Member>) -> PathBuf {
    let path = dir.join(name);
    let workspace = Workspace {
        format_version: ecoplan::model::FORMAT_VERSION,
        workspace: members,
    };
    std::fs::write(&path, workspace_to_ron_string(&workspace)).unwrap();
    path
}

/// The line number (1-based) of the `n`-th occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    let offset = text.match_indices(needle).nth(n).unwrap().0;
    text[..offset].lines().count() + usize::from(text[..offset].ends_with('\n'))
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = scratch_dir("fifo");
    let fifo = dir.join("plan.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = ecoplan(&["check", fifo.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "{}: not a regular file (a named pipe)",
            fifo.display()
        )),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn endless_devices_are_refused_without_reading_them() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let output = ecoplan(&["check", device]);
        assert_eq!(output.status.code(), Some(2), "{device}");
        assert!(
            stderr(&output).contains(&format!("{device}: not a regular file (a device)")),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn a_file_with_a_byte_order_mark_loads() {
    let dir = scratch_dir("bom");
    let path = dir.join("plan.ron");
    std::fs::write(&path, format!("\u{feff}{}", to_ron_string(&hanyang_plan()))).unwrap();
    assert_eq!(load(&path).unwrap(), hanyang_plan());
}

#[test]
fn deep_nesting_gets_a_message_without_the_libraries_advice() {
    let text = format!("(format_version: 4, metadata: {})", "[".repeat(10_000));
    let error = ecoplan::io::from_ron_str(&text, Path::new("deep.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("deep.ron:1:"), "{error}");
    assert!(error.contains("nests brackets deeper"), "{error}");
    assert!(!error.contains("recursion_limit"), "{error}");
}

#[test]
fn base_years_far_from_today_are_refused_by_check() {
    let plan = to_ron_string(&hanyang_plan());
    let dir = scratch_dir("base-year");
    for base_year in ["-2000000000", "0", "1948", "2060"] {
        let path = dir.join(format!("base-{base_year}.ron"));
        std::fs::write(
            &path,
            plan.replacen("base_year: 2021,", &format!("base_year: {base_year},"), 1),
        )
        .unwrap();
        let output = ecoplan(&["check", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{base_year}");
        assert!(
            stderr(&output).contains(&format!("the base year {base_year} is outside 1949–2059")),
            "{}",
            stderr(&output)
        );
        // The Monte Carlo that ran out of memory on `base_year: 0` is refused the same way.
        let output = ecoplan(&["uncertainty", path.to_str().unwrap(), "--runs", "100000"]);
        assert_eq!(output.status.code(), Some(2), "{base_year}");
    }
}

#[test]
fn a_unit_with_hundreds_of_divisors_is_refused_with_its_place() {
    let plan = to_ron_string(&hanyang_plan());
    let hostile = format!("unit: \"t{}\",", "/t".repeat(257));
    let text = plan.replacen("unit: \"t/a\",", &hostile, 1);
    let error = ecoplan::io::from_ron_str(&text, Path::new("units.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("units.ron:"), "{error}");
    assert!(error.contains("divides more than 3 times"), "{error}");
}

#[test]
fn duplicate_member_names_are_refused_naming_both_places() {
    let dir = scratch_dir("duplicates");
    let path = workspace_file(
        &dir,
        "two-highs.ron",
        vec![
            whole("plan"),
            child("high", "plan", 0.09),
            child("high", "plan", 0.08),
        ],
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let first = line_of(&text, "name: \"high\"", 0);
    let second = line_of(&text, "name: \"high\"", 1);
    let error = load_any(&path).unwrap_err();
    assert!(matches!(error, LoadError::Workspace { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:{second}:", path.display())),
        "{message}"
    );
    assert!(
        message.contains(&format!("named twice: here and at line {first}")),
        "{message}"
    );
    // The command line says the same, and nothing is written.
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output).trim(), message);
}

#[test]
fn empty_and_self_parent_names_are_refused_with_their_lines() {
    let dir = scratch_dir("names");
    let empty = workspace_file(
        &dir,
        "empty.ron",
        vec![whole("plan"), child("", "plan", 0.09)],
    );
    let text = std::fs::read_to_string(&empty).unwrap();
    let message = load_any(&empty).unwrap_err().to_string();
    let line = line_of(&text, "name: \"\"", 0);
    assert!(
        message.starts_with(&format!("{}:{line}:", empty.display())),
        "{message}"
    );
    assert!(message.contains("has an empty name"), "{message}");

    let own = workspace_file(&dir, "own.ron", vec![whole("plan"), child("x", "x", 0.09)]);
    let message = load_any(&own).unwrap_err().to_string();
    assert!(
        message.contains("\"x\" names itself as its parent"),
        "{message}"
    );

    let cycle = workspace_file(
        &dir,
        "cycle.ron",
        vec![whole("plan"), child("a", "b", 0.09), child("b", "a", 0.08)],
    );
    let message = load_any(&cycle).unwrap_err().to_string();
    assert!(message.contains("a → b → a"), "{message}");
}

#[test]
fn check_accepts_a_workspace_and_prints_a_line_per_member() {
    let dir = scratch_dir("check-workspace");
    let path = workspace_file(
        &dir,
        "variants.ron",
        vec![
            whole("plan"),
            child("high", "plan", 0.09),
            child("higher", "high", 0.1),
        ],
    );
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (line, name) in lines.iter().zip(["plan", "high", "higher"]) {
        assert!(
            line.starts_with(&format!("{}: member \"{name}\": ok:", path.display())),
            "{line}"
        );
    }
    // The example workspace passes too.
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let output = ecoplan(&["check", example.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 5);
}

#[test]
fn a_chain_of_two_thousand_members_loads_and_checks() {
    let dir = scratch_dir("chain");
    let mut members = vec![whole("m0")];
    for k in 1..2_000 {
        members.push(child(&format!("m{k}"), &format!("m{}", k - 1), 0.05));
    }
    let path = workspace_file(&dir, "chain.ron", members);
    match load_any(&path).unwrap() {
        Loaded::Workspace(workspace) => assert_eq!(workspace.workspace.len(), 2_000),
        other => panic!("{other:?}"),
    }
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 2_000);
}

#[test]
fn seek_ranges_take_a_leading_minus_and_refuse_what_no_rate_can_be() {
    let args = [
        "seek",
        "--lever",
        "cod",
        "--capacity",
        "COD:2040",
        "--range",
    ];
    let spaced = ecoplan(&[&args[..], &["-0.1,0.2"]].concat());
    assert_eq!(spaced.status.code(), Some(0), "{}", stderr(&spaced));
    let joined = ecoplan(&[&args[..5], &["--range=-0.1,0.2"]].concat());
    assert_eq!(stdout(&spaced), stdout(&joined));
    assert!(
        stdout(&spaced).contains("cod,found,0.0834"),
        "{}",
        stdout(&spaced)
    );
    for (range, says) in [
        ("-5,5", "too wide"),
        ("0,1.5", "too wide"),
        ("-1,0.1", "too wide"),
        ("inf,0.1", "not a range of two different finite numbers"),
        ("nan,0.1", "not a range of two different finite numbers"),
        ("0.1,0.1", "not a range of two different finite numbers"),
        ("0.1", "expected LOW,HIGH"),
        ("a,b", "is not a number"),
    ] {
        let output = ecoplan(&[&args[..], &[range]].concat());
        assert_eq!(output.status.code(), Some(2), "{range}");
        assert!(
            stderr(&output).contains(says),
            "{range}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_flag_repeated_for_one_key_is_refused() {
    let output = ecoplan(&[
        "uncertainty",
        "--uncertain",
        "cod=uniform:0.05,0.09",
        "--uncertain",
        "cod=uniform:0.01,0.02",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--uncertain cod=… is given more than once"),
        "{}",
        stderr(&output)
    );
    let output = ecoplan(&["project", "--growth", "gdp=0.05", "--growth", "gdp=0.06"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--growth gdp=… is given more than once"),
        "{}",
        stderr(&output)
    );
    // Different keys are fine.
    let output = ecoplan(&["project", "--growth", "gdp=0.05", "--growth", "cod=0.06"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_its_target_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir("link");
    let target = dir.join("real.ron");
    ecoplan::io::save(&hanyang_plan(), &target).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("link.ron");
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let mut changed = hanyang_plan();
    changed.metadata.author = "through the link".into();
    ecoplan::io::save(&changed, &link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(load(&target).unwrap().metadata.author, "through the link");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // The backup sits beside the file the link names.
    assert!(dir.join("real.ron.bak").is_file());
}

#[test]
fn concurrent_saves_never_share_a_temporary_file() {
    let dir = scratch_dir("race");
    let path = dir.join("plan.ron");
    let texts: Vec<String> = (0..8)
        .map(|i| {
            let mut scenario = hanyang_plan();
            scenario.metadata.author = format!("writer {i}");
            to_ron_string(&scenario)
        })
        .collect();
    std::thread::scope(|scope| {
        for text in &texts {
            let path = &path;
            scope.spawn(move || {
                for _ in 0..5 {
                    ecoplan::io::save_text(text, path).unwrap();
                }
            });
        }
    });
    // Whoever won, the file is one writer's whole text, and no temporary file is left.
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(texts.contains(&on_disk));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_refused_export_leaves_the_previous_export_and_a_folder_as_they_were() {
    let dir = scratch_dir("export");
    let out = dir.join("tables.csv");
    let output = ecoplan(&["export", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let before = std::fs::read(&out).unwrap();
    // An unknown series makes the export fail before anything is written.
    let output = ecoplan(&["export", "--growth", "nothing=0.1", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // A folder by the export's name is refused, not replaced. (A write that fails half-way is
    // `save_text`'s case: `failed_save_leaves_the_old_file_intact` in tests/files.rs.)
    let folder = dir.join("chart.png");
    std::fs::create_dir(&folder).unwrap();
    let output = ecoplan(&["export", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is a folder"),
        "{}",
        stderr(&output)
    );
    assert!(folder.is_dir());
}

#[test]
fn sensitivity_steps_that_are_no_share_are_refused() {
    for step in ["NaN", "inf", "50", "0", "-0.1", "1"] {
        let output = ecoplan(&[
            "sensitivity",
            "--series",
            "cod",
            "--year",
            "2028",
            "--step",
            step,
        ]);
        assert_eq!(output.status.code(), Some(2), "{step}");
        assert!(
            stderr(&output).contains("must lie above 0 and below 1"),
            "{step}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn messages_name_no_internal_types_and_no_member_twice() {
    let dir = scratch_dir("messages");
    let empty = dir.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let output = ecoplan(&["check", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !stderr(&output).contains("VersionProbe"),
        "{}",
        stderr(&output)
    );
    // In plain words at its place, not the parser's ("Expected opening `(` for struct").
    assert!(
        stderr(&output).contains("empty.ron:1:1: an entry in ( ) is expected here"),
        "{}",
        stderr(&output)
    );
    let path = workspace_file(
        &dir,
        "unknown-key.ron",
        vec![whole("plan"), {
            let mut member = child("typo", "plan", 0.05);
            if let Definition::Changes(changes) = &mut member.scenario {
                changes.series[0].key = "enrgy".into();
            }
            member
        }],
    );
    let message = load_any(&path).unwrap_err().to_string();
    assert_eq!(message.matches("workspace member").count(), 1, "{message}");
    assert!(
        message.contains("workspace member \"typo\": series \"enrgy\": change: the parent has no such entry to change"),
        "{message}"
    );
}

#[test]
fn invalid_values_are_refused_at_their_line_and_column() {
    let plan = to_ron_string(&hanyang_plan());
    let dir = scratch_dir("positions");
    let cases = [
        // (what to change, the text whose line the message must give, what it says)
        (
            plan.replacen("base_year: 2021,", "base_year: 0,", 1),
            "base_year: 0,",
            "the base year 0 is outside",
        ),
        (
            plan.replacen("base: 90.0,", "base: -90.0,", 1),
            "base: -90.0,",
            "\"population\": base = -90 is invalid",
        ),
        (
            plan.replacen("key: \"cod\",", "key: \"gdp\",", 1),
            "key: \"gdp\",",
            "series \"gdp\" is defined twice",
        ),
    ];
    for (i, (text, marker, says)) in cases.iter().enumerate() {
        let path = dir.join(format!("case-{i}.ron"));
        std::fs::write(&path, text).unwrap();
        let message = load(&path).unwrap_err().to_string();
        // The last occurrence: for the duplicate, the second definition.
        let offset = text.rfind(marker).unwrap();
        let line = text[..offset].matches('\n').count() + 1;
        assert!(
            message.starts_with(&format!("{}:{line}:", path.display())),
            "{message} (expected line {line})"
        );
        assert!(message.contains(says), "{message}");
    }
}

#[test]
fn a_name_with_control_characters_is_refused_on_load_and_never_printed_raw() {
    let dir = scratch_dir("control");
    let mut scenario = hanyang_plan();
    // ESC [2J clears a terminal; BEL rings it; NUL ends C strings.
    scenario.series_mut("gdp").unwrap().label.zh = "地区生产总值\u{1b}[2J\u{7}".into();
    scenario.capacities[0].label.en = "COD\u{0}".into();
    let path = dir.join("control.ron");
    std::fs::write(&path, to_ron_string(&scenario)).unwrap();
    let error = load(&path).unwrap_err().to_string();
    assert!(error.contains("control character"), "{error}");
    assert!(error.contains("series \"gdp\""), "{error}");
    assert!(
        !error.contains('\u{1b}') && !error.contains('\u{0}'),
        "{error:?}"
    );
    let output = ecoplan(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let printed = stderr(&output);
    assert!(printed.contains("\\u{1b}"), "{printed}");
    assert!(
        !printed.contains('\u{1b}') && !printed.contains('\u{7}'),
        "{printed:?}"
    );
    // Notes may hold line breaks: a note is no name.
    let mut noted = hanyang_plan();
    noted.metadata.notes = ecoplan::model::Label::same("第一行\n第二行\t完");
    std::fs::write(&path, to_ron_string(&noted)).unwrap();
    assert!(load(&path).is_ok());
}

/// A scenario changed by `change` and saved as `name`.
fn changed_plan(
    dir: &Path,
    name: &str,
    change: impl FnOnce(&mut ecoplan::model::Scenario),
) -> PathBuf {
    let mut scenario = hanyang_plan();
    change(&mut scenario);
    let path = dir.join(name);
    std::fs::write(&path, to_ron_string(&scenario)).unwrap();
    path
}

#[test]
fn numbers_beyond_what_a_number_holds_are_refused_by_series_and_year_never_printed_as_inf() {
    let dir = scratch_dir("overflow");
    let growing = changed_plan(&dir, "growing.ron", |s| {
        let gdp = s.series.iter_mut().find(|s| s.key == "gdp").unwrap();
        gdp.base = Some(1e307);
        gdp.rule = Rule::growth(0.9);
    });
    let intensity = changed_plan(&dir, "intensity.ron", |s| {
        let water = s
            .series
            .iter_mut()
            .find(|s| s.key == "water_domestic")
            .unwrap();
        let Rule::Driven { intensity, .. } = &mut water.rule else {
            panic!("domestic water is driven by population");
        };
        *intensity = 1e308;
    });
    let tiny = changed_plan(&dir, "tiny.ron", |s| {
        let cod = s
            .capacities
            .iter_mut()
            .find(|c| c.pollutant == "COD")
            .unwrap();
        cod.value = 1e-308;
    });
    // 1e307 × 1.9⁵ is past f64::MAX in 2026, the fifth year.
    for (path, named) in [
        (&growing, "series \"gdp\": the value for 2026"),
        (&intensity, "series \"water_domestic\": the value for 2021"),
        (&tiny, "capacity \"COD\": the value for 2021"),
    ] {
        let path = path.to_str().unwrap();
        for command in ["check", "project", "capacity", "targets", "uncertainty"] {
            let output = ecoplan(&[command, path]);
            assert_eq!(output.status.code(), Some(2), "{command} {path}");
            assert!(
                stderr(&output).contains(named),
                "{command}: {}",
                stderr(&output)
            );
            assert!(
                stderr(&output).contains("cannot be computed"),
                "{}",
                stderr(&output)
            );
            let out = stdout(&output).to_lowercase();
            assert!(
                !out.contains("inf") && !out.contains("nan"),
                "{command}: {out}"
            );
        }
        // The line of the item, so the user finds it in the file.
        assert!(stderr(&ecoplan(&["check", path])).starts_with(&format!("{path}:")));
    }
    // The plan as it is stays finite and computable: the guard refuses only overflows.
    let plain = changed_plan(&dir, "plain.ron", |_| {});
    let output = ecoplan(&["project", plain.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// A statistics CSV with one row: `name`, its unit and one value for 2022.
fn one_row_book(dir: &Path, file: &str, name: &str, unit: &str, value: f64) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, format!("指标,单位,2022年\n{name},{unit},{value}\n")).unwrap();
    path
}

#[test]
fn twenty_pairs_of_concurrent_imports_into_one_file_keep_both_changes() {
    let dir = scratch_dir("concurrent-imports");
    let gdp_book = one_row_book(&dir, "gdp.csv", "地区生产总值", "亿元", 700.0);
    let population_book = one_row_book(&dir, "population.csv", "常住人口", "万人", 60.0);
    let binary = env!("CARGO_BIN_EXE_ecoplan");
    for pair in 0..20 {
        let plan = changed_plan(&dir, "plan.ron", |_| {});
        let start = |book: &Path| {
            Command::new(binary)
                .args([
                    "import",
                    book.to_str().unwrap(),
                    "--into",
                    plan.to_str().unwrap(),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (first, second) = (start(&gdp_book), start(&population_book));
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "pair {pair}: {}", stderr(&output));
        }
        let scenario = load(&plan).unwrap();
        let observed = |key: &str| {
            let series = scenario.series(key).unwrap();
            series
                .observed
                .iter()
                .map(|o| (o.year, o.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(observed("gdp"), vec![(2022, 700.0)], "pair {pair}");
        assert_eq!(observed("population"), vec![(2022, 60.0)], "pair {pair}");
    }
    // No temporary file is left behind.
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_writer_that_holds_the_lock_too_long_stops_the_other_with_a_message() {
    let dir = scratch_dir("busy");
    let plan = changed_plan(&dir, "plan.ron", |_| {});
    let before = std::fs::read_to_string(&plan).unwrap();
    let lock = ecoplan::io::lock_writers(&plan, Duration::ZERO).unwrap();
    let error = ecoplan::io::lock_writers(&plan, Duration::from_millis(50)).unwrap_err();
    assert!(
        matches!(error, ecoplan::io::SaveError::Busy { .. }),
        "{error}"
    );
    assert!(
        error
            .in_lang(ecoplan::i18n::Lang::Zh)
            .contains("另一个程序正在写入此文件"),
        "{}",
        error.in_lang(ecoplan::i18n::Lang::Zh)
    );
    // While it was held, nothing was written.
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), before);
    drop(lock);
    // Free again: a save goes through.
    let mut changed = hanyang_plan();
    changed.metadata.author = "区生态环境局".into();
    ecoplan::io::save(&changed, &plan).unwrap();
    assert_eq!(load(&plan).unwrap().metadata.author, "区生态环境局");
}

#[test]
fn a_file_written_by_hand_is_kept_as_orig_through_two_imports_and_a_save() {
    let dir = scratch_dir("comments");
    let plan = dir.join("plan.ron");
    let canonical = to_ron_string(&hanyang_plan());
    let by_hand = canonical.replacen(
        "    base_year: 2021,",
        "    // 基准年按区统计局 2022 年公报\n    base_year: 2021,",
        1,
    );
    std::fs::write(&plan, &by_hand).unwrap();
    let orig = ecoplan::io::original_path(&plan);
    let gdp_book = one_row_book(&dir, "gdp.csv", "地区生产总值", "亿元", 700.0);
    let output = ecoplan(&[
        "import",
        gdp_book.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("已按 ecoplan 的格式重写；原文件（含注释与排版）保存在"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&orig).unwrap(), by_hand);
    // A second import replaces the .bak with the first import's file; the original stays.
    let population_book = one_row_book(&dir, "population.csv", "常住人口", "万人", 60.0);
    let output = ecoplan(&[
        "import",
        population_book.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("orig"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&orig).unwrap(), by_hand);
    let saved = load(&plan).unwrap();
    ecoplan::io::save(&saved, &plan).unwrap();
    assert_eq!(std::fs::read_to_string(&orig).unwrap(), by_hand);
    // An older version is the user's text too: kept before it is rewritten.
    let dir = scratch_dir("comments-v6");
    let old = dir.join("old.ron");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/hanyang-format-v6.ron"
        ),
        &old,
    )
    .unwrap();
    let loaded = load(&old).unwrap();
    let saved = ecoplan::io::save(&loaded, &old).unwrap();
    assert_eq!(saved.original, Some(ecoplan::io::original_path(&old)));
    // A file in ecoplan's own layout is not copied.
    let again = ecoplan::io::save(&loaded, &old).unwrap();
    assert_eq!(again.original, None);
}

#[test]
fn a_growth_flag_re_centres_an_uncertain_rate_as_the_windows_edit_does() {
    let dir = scratch_dir("growth-recentre");
    let plan = changed_plan(&dir, "plan.ron", |s| {
        s.uncertainty = vec![ecoplan::model::Uncertain {
            series: "gdp".into(),
            distribution: ecoplan::model::Distribution::Normal {
                mean: 0.075,
                sd: 0.005,
                min: 0.05,
                max: 0.10,
            },
        }];
    });
    let output = ecoplan(&[
        "uncertainty",
        plan.to_str().unwrap(),
        "--growth",
        "gdp=0.03",
        "--series",
        "gdp",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let line = out.lines().find(|l| l.starts_with("gdp,2028,")).unwrap();
    let p50: f64 = line.split(',').nth(4).unwrap().parse().unwrap();
    // The window's edit: the lever moves to 3 % and the distribution with it.
    let mut expected = hanyang_plan();
    expected.uncertainty = load(&plan).unwrap().uncertainty;
    ecoplan::document::Edit::SetRule {
        series: "gdp".into(),
        rule: Rule::growth(0.03),
    }
    .apply(&mut expected)
    .unwrap();
    let ecoplan::model::Distribution::Normal { mean, min, max, .. } =
        expected.uncertainty[0].distribution
    else {
        panic!("still normal");
    };
    assert!(
        (mean - 0.03).abs() < 1e-12 && min < 0.03 && max > 0.03,
        "{mean} {min} {max}"
    );
    // 792.86 × 1.03⁷ ≈ 975, where the distribution left at 7.5 % would give ≈ 1314.
    assert!((p50 - 792.86 * 1.03f64.powi(7)).abs() < 15.0, "{line}");
    // A rate near +100 %: the distribution's top stops at 100 %, and the draws still follow.
    let output = ecoplan(&[
        "uncertainty",
        plan.to_str().unwrap(),
        "--growth",
        "gdp=0.976",
        "--series",
        "gdp",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let line = out.lines().find(|l| l.starts_with("gdp,2028,")).unwrap();
    let p50: f64 = line.split(',').nth(4).unwrap().parse().unwrap();
    let expected = 792.86 * 1.976f64.powi(7);
    assert!((p50 / expected - 1.0).abs() < 0.02, "{line}: {expected}");
}

#[test]
fn a_share_above_one_hundred_percent_is_refused_by_its_cell_in_both_imports() {
    let dir = scratch_dir("share-above-100");
    let plan = changed_plan(&dir, "plan.ron", |_| {});
    let before = std::fs::read_to_string(&plan).unwrap();
    // The bureau's statistics: good-air days at 250 %.
    let statistics = one_row_book(&dir, "统计.csv", "空气质量优良天数比例", "%", 250.0);
    let output = ecoplan(&[
        "import",
        statistics.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "统计.csv:2:14: 250 不能作为空气质量优良天数比例的数值（百分比须在 0 到 100 之间）"
        ),
        "{}",
        stderr(&output)
    );
    // The indicator template: indicator 7 at 250 % would read "met".
    let template = dir.join("指标.csv");
    std::fs::write(
        &template,
        "序号,名称,单位,2021\n7,空气质量优良天数比例,%,250\n",
    )
    .unwrap();
    let output = ecoplan(&[
        "import",
        template.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "指标.csv:2:16: 250 is outside what the indicator can be (indicator 7, 2021): a fall cannot be above 100 %"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), before);
    // 100 % itself is a share.
    std::fs::write(
        &template,
        "序号,名称,单位,2021\n7,空气质量优良天数比例,%,100\n",
    )
    .unwrap();
    let output = ecoplan(&[
        "import",
        template.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn an_unreadable_only_figure_is_refused_by_its_cell_and_template_numbers_read_as_statistics_do() {
    let dir = scratch_dir("one-year");
    let plan = changed_plan(&dir, "plan.ron", |_| {});
    let book = dir.join("统计.csv");
    // A sheet of one year: the GDP row's only figure is unreadable; a note row below is fine.
    for bad in ["\"1,5\"", "abc", "\"1,234,5\"", "1e400", "NaN"] {
        std::fs::write(
            &book,
            format!("指标,单位,2022年\n地区生产总值,亿元,{bad}\n常住人口,万人,91\n注：2022 年为初步数,,见说明\n"),
        )
        .unwrap();
        let output = ecoplan(&[
            "import",
            book.to_str().unwrap(),
            "--into",
            plan.to_str().unwrap(),
            "--dry-run",
            "--lang",
            "zh",
        ]);
        assert_eq!(output.status.code(), Some(2), "{bad}: {}", stdout(&output));
        assert!(
            stderr(&output).contains("统计.csv:2:11: "),
            "{bad}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("不是数值（地区生产总值，2022 年）"),
            "{}",
            stderr(&output)
        );
    }
    // The note row alone is passed over, and "—" is no figure.
    std::fs::write(
        &book,
        "指标,单位,2022年\n地区生产总值,亿元,—\n常住人口,万人,91\n资料来源：区统计局,,区统计局\n",
    )
    .unwrap();
    let output = ecoplan(&[
        "import",
        book.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "number,year,old,new\npopulation,2022,,91\n"
    );

    // The indicator template: the same reading of numbers, and each indicator's domain.
    let template = dir.join("指标.csv");
    for (row, refusal) in [
        ("7,x,%,\"1,5\"", "“1,5”不是数值（指标 7，2021 年）"),
        (
            "20,x,tce/万元,\"1.234,5\"",
            "“1.234,5”不是数值（指标 20，2021 年）",
        ),
        ("7,x,%,\"0,859\"", "“0,859”不是数值（指标 7，2021 年）"),
        (
            "20,x,tce/万元,-5",
            "-5 超出该指标可取的范围（指标 20，2021 年）",
        ),
        // Forest cover: a share, never below 0.
        (
            "11,x,%,-250",
            "-250 超出该指标可取的范围（指标 11，2021 年）：比例须在 0 到 100 % 之间",
        ),
    ] {
        std::fs::write(&template, format!("序号,名称,单位,2021\n{row}\n")).unwrap();
        let output = ecoplan(&[
            "import",
            template.to_str().unwrap(),
            "--into",
            plan.to_str().unwrap(),
            "--lang",
            "zh",
        ]);
        assert_eq!(output.status.code(), Some(2), "{row}: {}", stdout(&output));
        assert!(
            stderr(&output).contains(refusal),
            "{row}: {}",
            stderr(&output)
        );
    }
    // A decrease rate may be negative (land use per GDP that rose), and "1,234.5" is a number.
    std::fs::write(
        &template,
        "序号,名称,单位,2021\n22,x,%,-2\n20,x,tce/万元,\"1,234.5\"\n",
    )
    .unwrap();
    let output = ecoplan(&[
        "import",
        template.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("22,2021,,-2\n"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains(",1234.5\n"), "{}", stdout(&output));
}

#[test]
fn a_read_only_file_written_by_hand_is_refused_with_nothing_written_beside_it() {
    let dir = scratch_dir("read-only-by-hand");
    let plan = dir.join("plan.ron");
    let by_hand = to_ron_string(&hanyang_plan()).replacen(
        "    base_year: 2021,",
        "    // 基准年按区统计局公报\n    base_year: 2021,",
        1,
    );
    std::fs::write(&plan, &by_hand).unwrap();
    let mut permissions = std::fs::metadata(&plan).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&plan, permissions).unwrap();
    let book = one_row_book(&dir, "gdp.csv", "地区生产总值", "亿元", 700.0);
    let output = ecoplan(&[
        "import",
        book.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("只读"), "{}", stderr(&output));
    // The refusal came before anything was written: no FILE.orig, no FILE.bak, the file as it was.
    assert!(!ecoplan::io::original_path(&plan).exists());
    assert!(!ecoplan::io::backup_path(&plan).exists());
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), by_hand);
}

#[test]
fn a_file_that_stops_being_text_is_placed_by_line_and_column() {
    let dir = scratch_dir("not-text");
    let plan = dir.join("plan.ron");
    // Line 2, after the seven characters `  名称: "` (two of them CJK, three bytes each): column
    // 8, the file's 14th byte.
    std::fs::write(&plan, b"(\n  \xe5\x90\x8d\xe7\xa7\xb0: \"\xff\"\n)").unwrap();
    match ecoplan::io::load(&plan).unwrap_err() {
        LoadError::Read(ecoplan::io::ReadError::NotText {
            line, col, offset, ..
        }) => assert_eq!((line, col, offset), (2, 8, 13)),
        other => panic!("{other:?}"),
    }
    let output = ecoplan(&["check", plan.to_str().unwrap(), "--lang", "zh"]);
    assert!(
        stderr(&output).contains("plan.ron:2:8: 不是 UTF-8 文本（第 14 字节）"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_workbook_opened_as_a_scenario_says_what_it_is_and_how_to_read_it() {
    let dir = scratch_dir("workbook-as-scenario");
    let book = dir.join("统计.xlsx");
    // The first bytes of every zip package (xlsx, docx), then anything.
    std::fs::write(&book, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe binary").unwrap();
    let output = ecoplan(&["--lang", "zh", "check", book.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("统计.xlsx: 这是工作簿等 Office 文件，不是情景文件")
            && message.contains("导入数值"),
        "{message}"
    );
    let output = ecoplan(&["--lang", "en", "check", book.to_str().unwrap()]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("this is an Office file such as a workbook"),
        "{message}"
    );
}
