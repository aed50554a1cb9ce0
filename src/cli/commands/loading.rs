//! A command's scenarios read and analysed with its overrides, and its refusals turned into the message and exit code it ends with.

use super::*;

/// The named scenarios of a workspace file, or of several scenario files, each with the
/// analysis its file was checked with: read, resolved and analysed once.
pub fn scenarios_of(
    files: &[PathBuf],
    lang: Lang,
) -> Result<Vec<(String, Scenario, Analysis)>, Failure> {
    let opened = |file: &PathBuf| io::open_any(file).map_err(|e| Failure::input(e.in_lang(lang)));
    if let [file] = files {
        return Ok(match opened(file)? {
            io::Opened::Workspace(workspace, members) => workspace
                .workspace
                .iter()
                .zip(members)
                .map(|(member, (scenario, analysis))| (member.name.clone(), scenario, analysis))
                .collect(),
            io::Opened::Scenario(scenario, analysis) => {
                vec![(scenario.metadata.name.clone(), *scenario, *analysis)]
            }
        });
    }
    files
        .iter()
        .map(|file| match opened(file)? {
            io::Opened::Scenario(scenario, analysis) => {
                Ok((scenario.metadata.name.clone(), *scenario, *analysis))
            }
            // Several files are compared as scenarios; a workspace among them is named.
            io::Opened::Workspace(..) => Err(Failure::input(
                io::LoadError::IsWorkspace { path: file.clone() }.in_lang(lang),
            )),
        })
        .collect()
}

/// A failure of a command: the message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    /// Bad input: exit code 2.
    pub(in crate::cli) fn input(message: impl ToString) -> Failure {
        Failure {
            message: message.to_string(),
            code: 2,
        }
    }

    /// Bad input in a file: `FILE: message` (`FILE：message` in Chinese).
    pub(in crate::cli) fn at(lang: Lang, file: &Path, message: impl std::fmt::Display) -> Failure {
        Failure::input(Tr::InFile.fill(lang, &[&file.display(), &message]))
    }
}

/// Loads the scenario a command names, or the built-in one.
pub(in crate::cli) fn load(file: Option<&Path>, lang: Lang) -> Result<Scenario, Failure> {
    match file {
        Some(path) => io::load(path).map_err(|error| Failure::input(error.in_lang(lang))),
        None => Ok(hanyang_plan()),
    }
}

/// Applies `--horizon` and `--growth` to a scenario.
pub fn apply_overrides(
    scenario: &mut Scenario,
    horizon: Option<i32>,
    growth: &[(String, f64)],
    lang: Lang,
) -> Result<(), Failure> {
    options::refuse_repeated(lang, "--growth", growth.iter().map(|(key, _)| key.as_str()))?;
    // The window's own edits, so that the command line and the window give the same scenario
    // (a rate's uncertain distribution re-centred on the new rate, a horizon kept past the
    // milestones).
    use crate::document::Edit;
    if let Some(year) = horizon {
        Edit::SetHorizon { year }
            .apply(scenario)
            .map_err(|refusal| {
                Failure::input(
                    Tr::OptionRefused.fill(lang, &[&"--horizon", &year, &refusal.in_lang(lang)]),
                )
            })?;
    }
    for (key, rate) in growth {
        let given = format!("{key}={rate}");
        if scenario.series(key).is_none() {
            return Err(Failure::input(Tr::OptionRefused.fill(
                lang,
                &[&"--growth", &given, &Tr::NoSuchSeries.fill(lang, &[key])],
            )));
        }
        Edit::SetRule {
            series: key.clone(),
            rule: Rule::growth(*rate),
        }
        .apply(scenario)
        .map_err(|refusal| {
            Failure::input(
                Tr::OptionRefused.fill(lang, &[&"--growth", &given, &refusal.in_lang(lang)]),
            )
        })?;
    }
    Ok(())
}

pub(in crate::cli) fn analysis_for(
    args: &AnalysisArgs,
    lang: Lang,
) -> Result<(Scenario, Analysis), Failure> {
    analyse_file(args.file.as_deref(), args.horizon, &args.growth, lang)
}

/// Loads a scenario (or the built-in one), applies the overrides and analyses it.
pub(in crate::cli) fn analyse_file(
    file: Option<&Path>,
    horizon: Option<i32>,
    growth: &[(String, f64)],
    lang: Lang,
) -> Result<(Scenario, Analysis), Failure> {
    let scenario = load(file, lang)?;
    analyse_scenario(scenario, file, horizon, growth, lang)
}

/// Applies the overrides to a loaded scenario and analyses it.
pub(in crate::cli) fn analyse_scenario(
    mut scenario: Scenario,
    file: Option<&Path>,
    horizon: Option<i32>,
    growth: &[(String, f64)],
    lang: Lang,
) -> Result<(Scenario, Analysis), Failure> {
    let given = scenario.clone();
    apply_overrides(&mut scenario, horizon, growth, lang)?;
    let analysis = engine::analyse(&scenario).map_err(|error| {
        // What the options made of a scenario that analyses is named by the options, not by
        // the file (`--horizon 2100: …`).
        let options: Vec<String> = horizon
            .map(|year| format!("--horizon {year}"))
            .into_iter()
            .chain(
                growth
                    .iter()
                    .map(|(key, rate)| format!("--growth {key}={rate}")),
            )
            .collect();
        if !options.is_empty() && engine::analyse(&given).is_ok() {
            let said = error.for_command_line(&scenario, lang);
            Failure::input(Tr::InFile.fill(lang, &[&options.join(" "), &said]))
        } else {
            refused(file, &scenario, &error, lang)
        }
    })?;
    Ok((scenario, analysis))
}

/// The option of the command line a refusal is about (`--runs`, `--series`, `--lever`…), with
/// what was given, where the error can only come from it: a file's own errors are refused
/// when it loads, so what a Monte Carlo run, a goal seek or a sensitivity analysis refuses
/// beyond them is what the command line asked.
pub(in crate::cli) fn option_refused(
    given: &[(&str, String)],
    error: &engine::ModelError,
    lang: Lang,
) -> Option<Failure> {
    use crate::model::references::SeriesUse;
    use engine::ModelError as E;
    let option = match error {
        E::InvalidValue { field, .. } | E::Invalid { field, .. } => match field.as_str() {
            "runs" => "--runs",
            "range" => "--range",
            "step" => "--step",
            "year" => "--year",
            // A goal's pollutant or target that the scenario lacks.
            "capacity" => "--capacity",
            "target" => "--target",
            _ => return None,
        },
        // A goal's year past the latest projected.
        E::HorizonTooFar { .. } => "--year",
        E::UnknownSeriesUse {
            place: SeriesUse::FanChart,
            ..
        } => "--series",
        // The option that gave the key (a bound's series is not the lever).
        E::UnknownSeriesUse {
            place: SeriesUse::GoalSeek | SeriesUse::Sensitivity,
            key,
        } => {
            given
                .iter()
                .find(|(_, value)| value == key || value.starts_with(&format!("{key}@")))?
                .0
        }
        _ => return None,
    };
    // A goal's year is given inside its option (`--capacity COD:2040`, `--bound …@2028…`)
    // where the command has no `--year`.
    let (option, value) = given.iter().find(|(o, _)| *o == option).or_else(|| {
        (option == "--year").then(|| {
            given
                .iter()
                .find(|(o, v)| ["--capacity", "--bound"].contains(o) && !v.is_empty())
        })?
    })?;
    Some(Failure::input(
        Tr::OptionRefused.fill(lang, &[option, value, &error.in_lang(lang)]),
    ))
}

/// A scenario's refusal, named by its file or as the built-in one.
/// `error` of the scenario read from `file`, its item named in Chinese as the window names it
/// (指标 10“生态环境状况指数”, 序列“常住人口”（population）), in English by its key.
pub(in crate::cli) fn refused(
    file: Option<&Path>,
    scenario: &Scenario,
    error: &engine::ModelError,
    lang: Lang,
) -> Failure {
    let origin = file.map_or_else(
        || Tr::BuiltIn.get(lang).to_owned(),
        |p| p.display().to_string(),
    );
    Failure::input(Tr::InFile.fill(lang, &[&origin, &error.for_command_line(scenario, lang)]))
}

/// The line `ecoplan check` prints for a scenario, or for each member of a workspace in the
/// listed order.
pub(in crate::cli) fn check_summary(
    file: &Path,
    member: Option<&str>,
    scenario: &Scenario,
    lang: Lang,
) -> String {
    let member = member.map_or_else(String::new, |name| Tr::CheckMember.fill(lang, &[&name]));
    let mut line = Tr::CheckSummary.fill(
        lang,
        &[
            &file.display(),
            &member,
            &scenario.metadata.name,
            &scenario.series.len(),
            &scenario.capacities.len(),
            &scenario.targets.len(),
            &scenario.indicators.len(),
            &scenario.projects.len(),
            &scenario.base_year,
            &scenario.horizon,
        ],
    );
    line.push('\n');
    // What opens but wants fixing: a key no script could name.
    for error in engine::key_errors(scenario) {
        line.push_str(&Tr::CheckNote.fill(lang, &[&file.display(), &error.in_lang(lang)]));
        line.push('\n');
    }
    // A milestone no projection reaches.
    for milestone in engine::milestones_past_horizon(scenario) {
        let words = Tr::FindingMilestonePastHorizon.fill(lang, &[&milestone, &scenario.horizon]);
        line.push_str(&Tr::CheckNote.fill(lang, &[&file.display(), &words]));
        line.push('\n');
    }
    line
}
