//! Scenario files: round trips and every way a file can be wrong.

use std::path::{Path, PathBuf};

use ecoplan::engine::project;
use ecoplan::io::{LoadError, from_ron_str, load, to_ron_string};
use ecoplan::model::FORMAT_VERSION;
use ecoplan::plan::hanyang_plan;

fn current_version() -> String {
    format!("format_version: {FORMAT_VERSION},")
}

fn default_text() -> String {
    to_ron_string(&hanyang_plan())
}

fn parse(text: &str) -> Result<ecoplan::model::Scenario, LoadError> {
    from_ron_str(text, Path::new("test.ron"))
}

#[test]
fn default_round_trips_to_the_same_projection_and_bytes() {
    let text = default_text();
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded, hanyang_plan());
    assert_eq!(project(&loaded).unwrap(), project(&hanyang_plan()).unwrap());
    assert_eq!(
        to_ron_string(&loaded),
        text,
        "load → save is byte-identical"
    );
}

#[test]
fn saved_example_is_the_built_in_scenario() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-2021-plan.ron");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        on_disk,
        default_text(),
        "regenerate with: cargo run -- default > saves/hanyang-2021-plan.ron"
    );
    assert_eq!(load(&path).unwrap(), hanyang_plan());
}

#[test]
fn chinese_is_written_as_text_not_escapes() {
    let text = default_text();
    assert!(text.contains("地区生产总值"));
    assert!(!text.contains("\\u"));
}

#[test]
fn syntax_error_has_line_and_column() {
    let text = default_text().replacen("horizon: 2028,", "horizon: 2028", 1);
    match parse(&text) {
        Err(LoadError::Parse { line, col, .. }) => {
            let expected_line = text
                .lines()
                .position(|l| l.contains("horizon: 2028"))
                .unwrap()
                + 2;
            assert_eq!(line, expected_line);
            assert!(col >= 1);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn truncated_file_is_a_parse_error() {
    let text = default_text();
    let error = parse(&text[..text.len() / 2]).unwrap_err();
    assert!(matches!(error, LoadError::Parse { .. }), "{error}");
    assert!(error.to_string().starts_with("test.ron:"));
}

#[test]
fn unknown_field_is_named() {
    let text = default_text().replacen("horizon: 2028,", "horizon: 2028,\n    horizn: 2030,", 1);
    let error = parse(&text).unwrap_err().to_string();
    assert!(error.contains("horizn"), "{error}");
}

/// Version 5 (before two-language notes and decimals) reads as it is and is written as 7, so
/// that an older ecoplan refuses the new file by its version, not by a type error.
#[test]
fn format_version_5_reads_and_saves_as_7() {
    let text = default_text().replacen(&current_version(), "format_version: 5,", 1);
    let path = scratch_dir("v5").join("v5.ron");
    std::fs::write(&path, &text).unwrap();
    let scenario = load(&path).unwrap();
    assert_eq!(scenario.format_version, 7);
    assert!(to_ron_string(&scenario).contains("format_version: 7,"));
    // A version-5 note is a plain string: the same in both languages.
    let plain = text.replacen(
        "source: (\n                zh: \"2021 年值（第 120 行）；年均增长 7.5 %（第 260 行）\",\n                en: \"2021 value (line 120); 7.5 %/yr average growth (line 260)\",\n            ),",
        "source: \"2021 value (line 120); 7.5 %/yr average growth (line 260)\",",
        1,
    );
    assert_ne!(plain, text, "the note as a version-5 file writes it");
    std::fs::write(&path, &plain).unwrap();
    let gdp = load(&path).unwrap().series("gdp").unwrap().source.clone();
    assert_eq!(gdp.zh, gdp.en);
}

/// A version-6 file, as the previous release saved the example, reads unchanged: the same
/// scenario as the built-in plan, with no periods and every target absolute, and saves as 7
/// with nothing but the version changed.
#[test]
fn a_version_6_file_reads_unchanged_and_saves_as_7() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v6.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 6,"));
    let scenario = load(&path).unwrap();
    // The plan as it is now but for its notes, which a version-6 file holds as one plain
    // (English) string, read as the same in both languages.
    let mut plan = hanyang_plan();
    // (Its English wrote the unit as the file does; 2026-12-08 put it in words.)
    assert_eq!(
        scenario.metadata.notes.zh,
        plan.metadata
            .notes
            .en
            .replace("tce per 10,000 yuan", "tce/万元")
    );
    plan.metadata.notes = scenario.metadata.notes.clone();
    as_worded_before(&mut plan, &scenario);
    assert_eq!(scenario, plan);
    assert!(scenario.periods.is_empty());
    assert!(scenario.targets.iter().all(|t| t.relative_to.is_none()));
    assert_eq!(
        to_ron_string(&scenario),
        text.replacen("format_version: 6,", "format_version: 7,", 1)
    );
    // The version-6 workspace: every member as the current example's.
    let old =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-format-v6.ron");
    let current = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let (ecoplan::io::Loaded::Workspace(old), ecoplan::io::Loaded::Workspace(current)) = (
        ecoplan::io::load_any(&old).unwrap(),
        ecoplan::io::load_any(&current).unwrap(),
    ) else {
        panic!("workspaces")
    };
    let (mut old, current) = (old, current);
    // Its first member's notes, as above: one plain string then.
    if let (ecoplan::model::Definition::Full(old_plan), ecoplan::model::Definition::Full(plan)) = (
        &mut old.workspace[0].scenario,
        &current.workspace[0].scenario,
    ) {
        old_plan.metadata.notes = plan.metadata.notes.clone();
    }
    let mut current = current;
    for (old, current) in old.workspace.iter().zip(&mut current.workspace) {
        if let (ecoplan::model::Definition::Full(old), ecoplan::model::Definition::Full(plan)) =
            (&old.scenario, &mut current.scenario)
        {
            as_worded_before(plan, old);
        }
    }
    assert_eq!(old, current);
}

/// The built-in plan's words of 2026-12-08 put back as an older file has them: the English
/// notes of the indicators cited the frame by its Chinese document number and quoted its
/// Chinese wording (7 and 20, which also wrote tce/万元), and the sources of the values of
/// indicators 7 and 10 read "line 443" in both languages. Only these texts: every indicator's
/// English note and its values' sources, where the older file has them.
fn as_worded_before(plan: &mut ecoplan::model::Scenario, old: &ecoplan::model::Scenario) {
    // The English of its air method's notes quoted Chinese words too.
    for (pollutant, before) in plan
        .methods
        .air
        .pollutants
        .iter_mut()
        .zip(&old.methods.air.pollutants)
    {
        pollutant.note.en = before.note.en.clone();
    }
    for (indicator, before) in plan.indicators.iter_mut().zip(&old.indicators) {
        if indicator.number == before.number {
            indicator.notes.en = before.notes.en.clone();
            if ["7", "10"].contains(&indicator.number.as_str()) {
                for (value, earlier) in indicator.observed.iter_mut().zip(&before.observed) {
                    value.source = earlier.source.clone();
                }
            }
        }
    }
}

#[test]
fn newer_format_version_is_refused_clearly() {
    let text = default_text().replacen(&current_version(), "format_version: 8,", 1);
    // Where the file states its version, as an editor counts lines and columns.
    let offset = text.find("format_version: 8").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let col = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    let error = parse(&text).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "test.ron:{line}:{col}: format version 8 is newer than this ecoplan reads ({FORMAT_VERSION}); update ecoplan to open it"
        )
    );
    assert_eq!(
        error.in_lang(ecoplan::i18n::Lang::Zh),
        format!(
            "test.ron:{line}:{col}: 格式版本 8 比本程序能读取的（{FORMAT_VERSION}）更新；请更新 ecoplan 后再打开"
        )
    );
    let text = default_text().replacen(&current_version(), "format_version: 0,", 1);
    assert!(
        parse(&text)
            .unwrap_err()
            .to_string()
            .contains("format version 0")
    );
}

#[test]
fn missing_version_is_a_parse_error_naming_it() {
    let text = default_text().replacen(&current_version(), "", 1);
    let error = parse(&text).unwrap_err().to_string();
    assert!(error.contains("format_version"), "{error}");
}

#[test]
fn unknown_unit_is_named_with_its_position() {
    let text = default_text().replacen("unit: \"亿元\"", "unit: \"亿圆\"", 1);
    let error = parse(&text).unwrap_err();
    assert!(matches!(error, LoadError::Parse { .. }));
    assert!(error.to_string().contains("亿圆"), "{error}");
}

#[test]
fn reference_to_unknown_series_is_named() {
    let text = default_text().replacen("driver: \"population\"", "driver: \"populaton\"", 1);
    let error = parse(&text).unwrap_err().to_string();
    // At the misspelt name itself.
    let offset = text.find("\"populaton\"").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(
        error,
        format!(
            "test.ron:{line}:{col}: series \"water_domestic\" refers to the unknown series \"populaton\""
        )
    );
}

#[test]
fn cycle_is_named() {
    let text = default_text().replacen(
        "rule: Growth(\n                rate: 0.05,",
        "rule: GrowthAs(\n                driver: \"water_domestic\",\n                elasticity: 1.0,",
        1,
    );
    assert!(text != default_text(), "the population rule was replaced");
    let error = parse(&text).unwrap_err().to_string();
    assert!(
        error.contains("cycle: population → water_domestic → population")
            || error.contains("cycle: water_domestic → population → water_domestic"),
        "{error}"
    );
}

#[test]
fn zero_capacity_loads_and_negative_capacity_is_refused() {
    let text = default_text().replacen("value: 15314.61,", "value: -1.0,", 1);
    let error = parse(&text).unwrap_err().to_string();
    assert!(error.contains("capacity \"COD\": value = -1"), "{error}");
}

#[test]
fn capacity_in_the_wrong_unit_is_an_error_not_a_number() {
    let text = default_text().replacen("unit: \"万 t/a\"", "unit: \"万 t\"", 1);
    let error = parse(&text).unwrap_err().to_string();
    assert!(
        error.contains("capacity \"SO2\"") && error.contains("cannot be converted"),
        "{error}"
    );
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("ecoplan-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(ecoplan::io::scenario_file::MAX_FILE_BYTES + 1)
        .unwrap();
    let error = load(&path).unwrap_err();
    assert!(matches!(
        error,
        LoadError::Read(ecoplan::io::ReadError::TooLarge { .. })
    ));
    assert!(error.to_string().contains("20 MB"));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn every_example_in_saves_loads_and_runs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let scenarios =
                ecoplan::cli::scenarios_of(std::slice::from_ref(&path), ecoplan::i18n::Lang::En)
                    .unwrap_or_else(|f| panic!("{}", f.message));
            for (_, scenario, analysis) in scenarios {
                // The analysis the file was read with is the scenario's own.
                let again = ecoplan::engine::analyse(&scenario).unwrap();
                assert_eq!(again.projection, analysis.projection);
                assert_eq!(again.capacities, analysis.capacities);
                assert!(!analysis.projection.series.is_empty());
            }
            names.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    names.sort();
    assert_eq!(
        names,
        [
            "hanyang-2021-plan.ron",
            "hanyang-green-transition.ron",
            "hanyang-high-growth.ron",
            "hanyang-low-growth.ron",
            "hanyang-workspace.ron"
        ]
    );
}

#[test]
fn green_transition_meets_the_intensity_target_and_high_growth_exceeds_cod() {
    let saves = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let green =
        ecoplan::engine::analyse(&load(&saves.join("hanyang-green-transition.ron")).unwrap())
            .unwrap();
    let intensity = green
        .targets
        .iter()
        .find(|t| t.key == "energy_intensity")
        .unwrap();
    assert!(
        intensity.met && intensity.value <= 0.136,
        "{}",
        intensity.value
    );
    let high =
        ecoplan::engine::analyse(&load(&saves.join("hanyang-high-growth.ron")).unwrap()).unwrap();
    let cod = high
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    assert_eq!(cod.first_exceedance_year, Some(2039));
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The plan as a file written before series had a display precision and notes two languages:
/// no decimals, and the notes the file has (one text each, read as the same in both languages).
fn as_written_in(
    mut plan: ecoplan::model::Scenario,
    file: &ecoplan::model::Scenario,
) -> ecoplan::model::Scenario {
    for (series, old) in plan.series.iter_mut().zip(&file.series) {
        assert_eq!(
            old.source.zh, old.source.en,
            "a one-language note reads as both"
        );
        series.decimals = None;
        series.source = old.source.clone();
    }
    for (capacity, old) in plan.capacities.iter_mut().zip(&file.capacities) {
        capacity.source = old.source.clone();
    }
    for (target, old) in plan.targets.iter_mut().zip(&file.targets) {
        target.source = old.source.clone();
    }
    for (project, old) in plan.projects.iter_mut().zip(&file.projects) {
        project.notes = old.notes.clone();
    }
    // The scenario's notes were one plain (English) string until they took both languages.
    assert_eq!(file.metadata.notes.zh, file.metadata.notes.en);
    plan.metadata.notes = file.metadata.notes.clone();
    plan.methods.footprint.note = file.methods.footprint.note.clone();
    plan.methods.air.note = file.methods.air.note.clone();
    for (pollutant, old) in plan
        .methods
        .air
        .pollutants
        .iter_mut()
        .zip(&file.methods.air.pollutants)
    {
        pollutant.note = old.note.clone();
    }
    plan.methods.water.note = file.methods.water.note.clone();
    plan.methods.ei.note = file.methods.ei.note.clone();
    plan
}

#[test]
fn format_version_1_is_migrated() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v1.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 1,") && text.contains("near_threshold: 0.8,"));
    let scenario = load(&path).unwrap();
    assert_eq!(scenario.format_version, ecoplan::model::FORMAT_VERSION);
    assert!(scenario.capacities.iter().all(|c| c.near_threshold == 0.8));
    // Everything else is the plan as it was then; a version-1 file has no method parameters,
    // and its series no printed precision (they show five significant digits).
    let plan = as_written_in(hanyang_plan(), &scenario);
    assert_eq!(ecoplan::model::Methods::default(), scenario.methods);
    assert_eq!(
        ecoplan::model::Scenario {
            methods: plan.methods.clone(),
            indicators: plan.indicators.clone(),
            ..scenario.clone()
        },
        plan
    );
    // Its indicators as version 4 migrates them (see format_version_4_indicators_migrate).
    let ei = scenario
        .indicators
        .iter()
        .find(|i| i.number == "10")
        .unwrap();
    assert_eq!(ei.observed_in(2021).map(|o| o.value), Some(47.79));
    // A migrated file saves in the current format.
    assert!(to_ron_string(&scenario).contains(&current_version()));
}

/// A version-4 file: typed statuses and baselines. Each typed status becomes the stated status
/// (a task's its progress), each baseline the value observed in the base year, "improving" gets
/// its direction, and everything else is as it was.
#[test]
fn format_version_4_indicators_migrate() {
    use ecoplan::engine::indicators::Status;
    use ecoplan::model::{Better, IndicatorTarget, StatedStatus, TaskState};
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v4.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 4,") && text.contains("status: NotMet"));
    assert!(text.contains("baseline: Some(47.79)") || text.contains("baseline: 47.79"));
    let scenario = load(&path).unwrap();
    assert_eq!(scenario.format_version, ecoplan::model::FORMAT_VERSION);
    let row = |number: &str| {
        scenario
            .indicators
            .iter()
            .find(|i| i.number == number)
            .unwrap()
    };
    assert_eq!(row("3").stated, Some(StatedStatus::NotMet));
    assert_eq!(row("5").stated, Some(StatedStatus::Met));
    assert_eq!(row("9").stated, None, "not assessed: nothing stated");
    assert!(!row("9").applies);
    assert_eq!(row("1").task.as_ref().unwrap().state, TaskState::InProgress);
    assert_eq!(row("2").task.as_ref().unwrap().state, TaskState::Done);
    assert_eq!(row("2").stated, None);
    let ei = row("10").observed_in(2021).unwrap();
    assert_eq!(ei.value, 47.79);
    assert!(ei.source.contains("baseline"));
    assert_eq!(row("8").target, IndicatorTarget::Improving(Better::Higher));
    assert_eq!(row("21").target, IndicatorTarget::Improving(Better::Lower));
    // The national rows get their links back: the old file computes as a new one does.
    assert_eq!(row("10").link, Some(ecoplan::model::IndicatorLink::Ei));
    assert!(matches!(
        row("20").link,
        Some(ecoplan::model::IndicatorLink::Metric(
            ecoplan::model::Metric::Ratio { .. }
        ))
    ));
    assert_eq!(row("3").link, None);
    // The rest of the file is the plan as it was (series without a printed precision).
    let plan = as_written_in(hanyang_plan(), &scenario);
    assert_eq!(
        ecoplan::model::Scenario {
            indicators: plan.indicators.clone(),
            ..scenario.clone()
        },
        plan
    );
    // Statuses now compute: indicator 3 still reads as the plan states it.
    let analysis = ecoplan::engine::analyse(&scenario).unwrap();
    let three = scenario
        .indicators
        .iter()
        .position(|i| i.number == "3")
        .unwrap();
    assert_eq!(analysis.indicators[three].status, Status::NotMet);
    // Energy intensity contradicts the plan's "met" as in the built-in scenario.
    assert!(analysis.findings.iter().any(|f| matches!(
        f,
        ecoplan::engine::Finding::IndicatorDisagrees { number, .. } if number == "20"
    )));
    // Saved again, it is a version-5 file that reads back the same.
    let saved = to_ron_string(&scenario);
    assert!(saved.contains(&current_version()) && !saved.contains("baseline:"));
    assert_eq!(parse(&saved).unwrap(), scenario);
}

#[test]
fn a_version_4_file_whose_series_does_not_fit_a_link_opens_without_it() {
    // Good-air days counted in days, not as a share: indicator 7 (%) cannot be linked to it.
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v4.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    // The series and the target on it, both in days.
    let mut text = text;
    for from in ["    series: [", "    targets: ["] {
        let start = text.find(from).unwrap();
        let start = start + text[start..].find("key: \"good_air_days\"").unwrap();
        let unit_at = start + text[start..].find("unit: \"%\"").unwrap();
        text = format!(
            "{}unit: \"a\"{}",
            &text[..unit_at],
            &text[unit_at + "unit: \"%\"".len()..]
        );
    }
    let scenario = parse(&text).unwrap();
    let seven = scenario
        .indicators
        .iter()
        .find(|i| i.number == "7")
        .unwrap();
    assert_eq!(seven.link, None);
    assert_eq!(seven.stated, Some(ecoplan::model::StatedStatus::NotMet));
    let twenty = scenario
        .indicators
        .iter()
        .find(|i| i.number == "20")
        .unwrap();
    assert!(twenty.link.is_some(), "the links that fit stay");
}

#[test]
fn a_version_4_workspace_migrates_every_whole_scenario() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-format-v4.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 4,") && text.contains("status: Met"));
    let ecoplan::io::Loaded::Workspace(workspace) = ecoplan::io::load_any(&path).unwrap() else {
        panic!("a workspace")
    };
    assert_eq!(workspace.format_version, ecoplan::model::FORMAT_VERSION);
    assert!(workspace.workspace.len() > 1);
    let ecoplan::model::Definition::Full(root) = &workspace.workspace[0].scenario else {
        panic!("the root is whole")
    };
    let three = root.indicators.iter().find(|i| i.number == "3").unwrap();
    assert_eq!(three.stated, Some(ecoplan::model::StatedStatus::NotMet));
    // Every member resolves and analyses.
    let mut analysed = 0;
    ecoplan::engine::workspace::for_each_resolved(&workspace, |_, scenario| {
        ecoplan::engine::analyse(scenario).unwrap();
        analysed += 1;
        Ok::<(), ecoplan::engine::workspace::WorkspaceError>(())
    })
    .unwrap();
    assert_eq!(analysed, workspace.workspace.len());
    let saved = ecoplan::io::workspace_to_ron_string(&workspace);
    assert!(!saved.contains("baseline:") && saved.contains(&current_version()));
}

#[test]
fn version_1_with_a_custom_threshold_gives_it_to_every_capacity() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v1.ron");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "near_threshold: 0.8,",
        "near_threshold: 0.6,",
        1,
    );
    let scenario = parse(&text).unwrap();
    assert!(scenario.capacities.iter().all(|c| c.near_threshold == 0.6));
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = scratch_dir("bak");
    let path = dir.join("plan.ron");
    let mut scenario = hanyang_plan();
    ecoplan::io::save(&scenario, &path).unwrap();
    assert!(!ecoplan::io::scenario_file::backup_path(&path).exists());
    scenario.metadata.author = "second".into();
    ecoplan::io::save(&scenario, &path).unwrap();
    let backup = std::fs::read_to_string(ecoplan::io::scenario_file::backup_path(&path)).unwrap();
    assert_eq!(backup, default_text());
    assert_eq!(load(&path).unwrap().metadata.author, "second");
    // No temporary file is left behind; the writers' lock stays (see `io::WriteLock`).
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".plan.ron.lock", "plan.ron", "plan.ron.bak"]);
}

#[test]
fn failed_save_leaves_the_old_file_intact() {
    let dir = scratch_dir("blocked");
    let path = dir.join("plan.ron");
    ecoplan::io::save(&hanyang_plan(), &path).unwrap();
    // A folder where the backup would go makes the write fail after the new text was written
    // to the temporary file, as a full disk would.
    std::fs::create_dir(dir.join("plan.ron.bak")).unwrap();
    let mut changed = hanyang_plan();
    changed.metadata.author = "lost?".into();
    let error = ecoplan::io::save(&changed, &path).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: cannot save:", path.display())),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), default_text());
    // The temporary file is gone.
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".plan.ron.lock", "plan.ron", "plan.ron.bak"]);
}

#[test]
fn save_into_a_vanished_or_read_only_folder_fails_with_a_message() {
    let vanished = std::env::temp_dir().join("ecoplan-no-such-folder/sub/plan.ron");
    let error = ecoplan::io::save(&hanyang_plan(), &vanished).unwrap_err();
    assert!(error.to_string().contains("cannot save"), "{error}");
    // /proc refuses new files even to root, as a read-only folder does.
    let error =
        ecoplan::io::save(&hanyang_plan(), Path::new("/proc/ecoplan-plan.ron")).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("/proc/ecoplan-plan.ron: cannot save"),
        "{error}"
    );
}

#[test]
fn format_version_2_reads_with_typed_capacities_and_no_methods() {
    // A version-2 file is the version-4 text without the methods and the capacities' basis.
    let v4 = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hanyang-format-v4.ron"),
    )
    .unwrap();
    let mut text = v4.replacen("format_version: 4,", "format_version: 2,", 1);
    text = text.replace("            basis: Typed,\n", "");
    let methods_start = text.find("    methods: (").unwrap();
    text = format!("{})\n", &text[..methods_start]);
    let scenario = parse(&text).unwrap();
    assert_eq!(scenario.format_version, FORMAT_VERSION);
    assert_eq!(scenario.methods, ecoplan::model::Methods::default());
    assert!(
        scenario
            .capacities
            .iter()
            .all(|c| c.basis == ecoplan::model::CapacityBasis::Typed)
    );
    assert_eq!(
        project(&scenario).unwrap(),
        project(&hanyang_plan()).unwrap()
    );
}

#[test]
fn a_footprint_item_of_an_unknown_land_type_is_refused_on_load() {
    // Found by the fuzzer: such a file used to load and then fail to analyse.
    let text = default_text().replacen("land_type: \"water\"", "land_type: \"wates\"", 1);
    let error = parse(&text).unwrap_err().to_string();
    assert!(error.contains("there is no land type \"wates\""), "{error}");
}

#[test]
fn an_uncertain_rate_of_an_unknown_series_is_refused_on_load() {
    let text = default_text().replacen(
        "    methods: (",
        "    uncertainty: [\n        (series: \"gpd\", distribution: Uniform(min: 0.05, max: 0.09)),\n    ],\n    methods: (",
        1,
    );
    let error = parse(&text).unwrap_err().to_string();
    assert!(error.contains("unknown series \"gpd\""), "{error}");
}

#[test]
fn the_example_workspace_resolves_its_children_like_the_variant_files() {
    let saves = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let members = ecoplan::cli::scenarios_of(
        &[saves.join("hanyang-workspace.ron")],
        ecoplan::i18n::Lang::En,
    )
    .unwrap_or_else(|f| panic!("{}", f.message));
    assert_eq!(members.len(), 5);
    assert_eq!(members[0].1, hanyang_plan());
    let high = &members[2].1;
    let file = load(&saves.join("hanyang-high-growth.ron")).unwrap();
    assert_eq!(project(high).unwrap(), project(&file).unwrap());
    // The grandchild keeps its parent's 9 % GDP and horizon and changes COD.
    let cleaner = &members[3].1;
    assert_eq!(cleaner.horizon, 2060);
    assert_eq!(
        cleaner.series("gdp").unwrap().rule,
        ecoplan::model::Rule::growth(0.09)
    );
    assert_eq!(
        cleaner.series("cod").unwrap().rule,
        ecoplan::model::Rule::growth(0.06)
    );
    // Load → save gives the same bytes.
    let text = std::fs::read_to_string(saves.join("hanyang-workspace.ron")).unwrap();
    match ecoplan::io::load_any(&saves.join("hanyang-workspace.ron")).unwrap() {
        ecoplan::io::Loaded::Workspace(workspace) => {
            assert_eq!(ecoplan::io::workspace_to_ron_string(&workspace), text)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_workspace_member_with_a_missing_parent_is_refused_by_name() {
    let saves = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let text = std::fs::read_to_string(saves.join("hanyang-workspace.ron"))
        .unwrap()
        .replacen(
            "parent: \"高增长 High growth\"",
            "parent: \"高增 High growth\"",
            1,
        );
    let dir = std::env::temp_dir().join(format!("ecoplan-ws-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken-workspace.ron");
    std::fs::write(&path, text).unwrap();
    let error = ecoplan::io::load_any(&path).unwrap_err().to_string();
    assert!(error.contains("高增 High growth"), "{error}");
}

#[test]
fn periods_and_relative_targets_round_trip_and_a_period_off_the_milestones_is_refused() {
    let mut scenario = hanyang_plan();
    scenario.periods = vec![
        ecoplan::model::Period {
            until: 2025,
            name: ecoplan::model::Label::new("创建期", "creation period"),
        },
        ecoplan::model::Period {
            until: 2028,
            name: ecoplan::model::Label::same("提升期"),
        },
    ];
    scenario.targets[0].relative_to = Some(2021);
    scenario.targets[0].threshold = -0.135;
    let text = to_ron_string(&scenario);
    assert!(text.contains("periods: ["), "{text}");
    assert!(text.contains("relative_to: 2021,"), "{text}");
    assert_eq!(parse(&text).unwrap(), scenario);
    // A period must end at a milestone.
    let off = text.replacen("until: 2025,", "until: 2026,", 1);
    let error = parse(&off).unwrap_err().to_string();
    assert!(
        error.contains("periods") && error.contains("2026"),
        "{error}"
    );
    // A relative target whose reference year has no value is refused by name.
    let far = text.replacen("relative_to: 2021,", "relative_to: 2010,", 1);
    let error = parse(&far).unwrap_err().to_string();
    assert!(
        error.contains("energy_intensity") && error.contains("2010"),
        "{error}"
    );
}

#[test]
fn a_value_of_the_wrong_kind_is_placed_at_the_value_not_the_space_before_it() {
    let text = to_ron_string(&hanyang_plan()).replacen("base: 792.86,", "base: \"abc\",", 1);
    let offset = text.find("\"abc\"").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let col = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    match parse(&text).unwrap_err() {
        LoadError::Parse {
            line: at_line,
            col: at_col,
            ..
        } => assert_eq!((at_line, at_col), (line, col)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_indicators_value_out_of_its_range_is_placed_at_that_value() {
    let text = to_ron_string(&hanyang_plan()).replacen("value: 85.9,", "value: 179.0,", 1);
    let offset = text.find("179.0,").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let col = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    match parse(&text).unwrap_err() {
        LoadError::Invalid { at, source, .. } => {
            assert_eq!(at, Some((line, col)));
            assert!(matches!(
                *source,
                ecoplan::engine::ModelError::InvalidValue { ref key, .. } if key == "7"
            ));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_unit_the_file_writes_that_is_none_reads_in_the_users_language() {
    let text = to_ron_string(&hanyang_plan()).replacen("unit: \"亿元\"", "unit: \"亿元x\"", 1);
    let error = parse(&text).unwrap_err();
    let zh = error.in_lang(ecoplan::i18n::Lang::Zh);
    assert!(zh.contains("不认识的单位“亿元x”"), "{zh}");
    assert!(!zh.contains("unknown"), "{zh}");
    let en = error.in_lang(ecoplan::i18n::Lang::En);
    assert!(en.contains("unknown unit \"亿元x\""), "{en}");
}

#[test]
fn a_negative_count_of_decimals_is_refused_as_out_of_range_not_as_no_number() {
    let text = default_text().replacen("decimals: 2,", "decimals: -2,", 1);
    assert_ne!(text, default_text());
    let error = parse(&text).unwrap_err();
    let zh = error.in_lang(ecoplan::i18n::Lang::Zh);
    assert!(zh.contains("此处的数超出该项可取的范围"), "{zh}");
    let en = error.in_lang(ecoplan::i18n::Lang::En);
    assert!(en.contains("outside what this entry takes"), "{en}");
}
