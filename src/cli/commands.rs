//! What each command does, from its arguments to the text it prints, every message in the
//! user's language.

use std::path::{Path, PathBuf};

use crate::engine::{self, Analysis};
use crate::i18n::{Lang, Tr};
use crate::io::{self, csv};
use crate::model::{Rule, Scenario};
use crate::plan::hanyang_plan;

use super::args::*;
use super::risk::{export_uncertainty, importance_outcome};
use super::writes::{fit, import};
use super::{options, say, table};

/// The named scenarios of a workspace file, or of several scenario files.
pub fn scenarios_of(files: &[PathBuf], lang: Lang) -> Result<Vec<(String, Scenario)>, Failure> {
    if let [file] = files {
        return match io::load_any(file).map_err(|error| Failure::input(error.in_lang(lang)))? {
            io::Loaded::Workspace(workspace) => {
                let resolved = crate::engine::workspace::resolve_all(&workspace)
                    .map_err(|error| Failure::at(lang, file, error.in_lang(lang)))?;
                Ok(workspace
                    .workspace
                    .iter()
                    .map(|m| m.name.clone())
                    .zip(resolved)
                    .collect())
            }
            io::Loaded::Scenario(scenario) => Ok(vec![(scenario.metadata.name.clone(), *scenario)]),
        };
    }
    files
        .iter()
        .map(|file| {
            io::load(file)
                .map(|s| (s.metadata.name.clone(), s))
                .map_err(|error| Failure::input(error.in_lang(lang)))
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
    pub(super) fn input(message: impl ToString) -> Failure {
        Failure {
            message: message.to_string(),
            code: 2,
        }
    }

    /// Bad input in a file: `FILE: message` (`FILE：message` in Chinese).
    pub(super) fn at(lang: Lang, file: &Path, message: impl std::fmt::Display) -> Failure {
        Failure::input(Tr::InFile.fill(lang, &[&file.display(), &message]))
    }
}

/// Loads the scenario a command names, or the built-in one.
pub(super) fn load(file: Option<&Path>, lang: Lang) -> Result<Scenario, Failure> {
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

pub(super) fn analysis_for(
    args: &AnalysisArgs,
    lang: Lang,
) -> Result<(Scenario, Analysis), Failure> {
    analyse_file(args.file.as_deref(), args.horizon, &args.growth, lang)
}

/// Loads a scenario (or the built-in one), applies the overrides and analyses it.
pub(super) fn analyse_file(
    file: Option<&Path>,
    horizon: Option<i32>,
    growth: &[(String, f64)],
    lang: Lang,
) -> Result<(Scenario, Analysis), Failure> {
    let scenario = load(file, lang)?;
    analyse_scenario(scenario, file, horizon, growth, lang)
}

/// Applies the overrides to a loaded scenario and analyses it.
pub(super) fn analyse_scenario(
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
            Failure::input(Tr::InFile.fill(lang, &[&options.join(" "), &error.in_lang(lang)]))
        } else {
            refused(file, &error, lang)
        }
    })?;
    Ok((scenario, analysis))
}

/// The option of the command line a refusal is about (`--runs`, `--series`, `--lever`…), with
/// what was given, where the error can only come from it: a file's own errors are refused
/// when it loads, so what a Monte Carlo run, a goal seek or a sensitivity analysis refuses
/// beyond them is what the command line asked.
pub(super) fn option_refused(
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
pub(super) fn refused(file: Option<&Path>, error: &engine::ModelError, lang: Lang) -> Failure {
    let origin = file.map_or_else(
        || Tr::BuiltIn.get(lang).to_owned(),
        |p| p.display().to_string(),
    );
    Failure::input(Tr::InFile.fill(lang, &[&origin, &error.in_lang(lang)]))
}

/// The line `ecoplan check` prints for a scenario, or for each member of a workspace in the
/// listed order.
pub(super) fn check_summary(
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
    line
}

/// Runs a subcommand and returns what it prints on stdout.
pub fn run(command: &Command, lang: Lang) -> Result<String, Failure> {
    match command {
        Command::Project(args) => {
            let (scenario, analysis) = analysis_for(args, lang)?;
            Ok(match args.format {
                Format::Csv => csv::projection_csv(&analysis.projection),
                Format::Table => table::projection(&scenario, &analysis.projection, lang),
            })
        }
        Command::Capacity(CapacityArgs {
            analysis: args,
            derived,
        }) => {
            let (scenario, analysis) = if *derived {
                let mut scenario = load(args.file.as_deref(), lang)?;
                for capacity in &mut scenario.capacities {
                    capacity.basis = crate::model::CapacityBasis::Derived;
                }
                analyse_scenario(
                    scenario,
                    args.file.as_deref(),
                    args.horizon,
                    &args.growth,
                    lang,
                )?
            } else {
                analysis_for(args, lang)?
            };
            Ok(match args.format {
                Format::Csv => csv::capacity_csv(&analysis.capacities),
                Format::Table => table::capacity(&scenario, &analysis.capacities, lang),
            })
        }
        Command::Footprint(args) => {
            let (_, analysis) = analysis_for(args, lang)?;
            let years = analysis
                .footprint
                .as_ref()
                .ok_or_else(|| Failure::input(Tr::NoFootprintParameters.get(lang)))?;
            Ok(match args.format {
                Format::Csv => csv::footprint_csv(years),
                Format::Table => table::footprint(years, lang),
            })
        }
        Command::Uncertainty(args) => {
            use crate::engine::uncertainty::{MonteCarlo, Sampling, monte_carlo};
            let a = &args.analysis;
            let mut scenario = load(a.file.as_deref(), lang)?;
            apply_overrides(&mut scenario, a.horizon, &a.growth, lang)?;
            options::refuse_repeated(
                lang,
                "--uncertain",
                args.uncertain.iter().map(|u| u.series.as_str()),
            )?;
            for item in &args.uncertain {
                scenario.uncertainty.retain(|u| u.series != item.series);
                scenario.uncertainty.push(item.clone());
            }
            let pairs: Vec<String> = args
                .correlate
                .iter()
                .map(|c| {
                    let (a, b) = &c.between;
                    if a < b {
                        format!("{a},{b}")
                    } else {
                        format!("{b},{a}")
                    }
                })
                .collect();
            options::refuse_repeated(lang, "--correlate", pairs.iter().map(String::as_str))?;
            let same = |c: &crate::model::Correlation, d: &crate::model::Correlation| {
                c.between == d.between || (c.between.0 == d.between.1 && c.between.1 == d.between.0)
            };
            for item in &args.correlate {
                scenario.correlations.retain(|c| !same(c, item));
                scenario.correlations.push(item.clone());
            }
            // The scenario as the options make it is checked as a file is: a correlation of a
            // lever that is not uncertain, or a matrix that cannot be, is refused by its pair.
            if let Some(error) = engine::validate(&scenario).into_iter().next() {
                return Err(refused(a.file.as_deref(), &error, lang));
            }
            let fan_series = if args.fan_series.is_empty() {
                scenario.series.iter().map(|s| s.key.clone()).collect()
            } else {
                args.fan_series.clone()
            };
            let settings = MonteCarlo {
                runs: args.runs,
                seed: args.seed,
                sampling: if args.lhs {
                    Sampling::LatinHypercube
                } else {
                    Sampling::Random
                },
            };
            let never = std::sync::atomic::AtomicBool::new(false);
            let progress = std::sync::atomic::AtomicUsize::new(0);
            let given: Vec<(&str, String)> = [("--runs", Some(args.runs.to_string()))]
                .into_iter()
                .chain(std::iter::once((
                    "--series",
                    args.fan_series.first().cloned(),
                )))
                .chain(std::iter::once((
                    "--year",
                    args.year.map(|y| y.to_string()),
                )))
                .filter_map(|(o, v)| v.map(|v| (o, v)))
                .collect();
            let refused = |error: engine::ModelError| {
                option_refused(&given, &error, lang)
                    .unwrap_or_else(|| refused(a.file.as_deref(), &error, lang))
            };
            let run = || {
                monte_carlo(&scenario, settings, &fan_series, &progress, &never)
                    .map_err(refused)
                    .map(|result| result.expect("an uncancelled run finishes"))
            };
            let table = a.format == Format::Table;
            Ok(match args.table {
                UncertaintyTable::Fan if table => table::fans(&scenario, &run()?, lang),
                UncertaintyTable::Fan => csv::fan_csv(&run()?),
                UncertaintyTable::Exceedance if table => {
                    table::exceedance(&scenario, &run()?, lang)
                }
                UncertaintyTable::Exceedance => csv::exceedance_csv(&run()?),
                UncertaintyTable::Importance => {
                    let outcome = importance_outcome(args, lang)?;
                    let shares =
                        crate::engine::importance::importance(&scenario, settings, &outcome)
                            .map_err(refused)?;
                    if table {
                        table::importance(&scenario, &shares, lang)
                    } else {
                        csv::importance_csv(&shares)
                    }
                }
            })
        }
        Command::Seek(args) => {
            let scenario = load(args.file.as_deref(), lang)?;
            let goal = options::goal(lang, args)?;
            let range = options::range(lang, &args.range)?;
            let given = [
                ("--lever", args.lever.clone()),
                ("--range", args.range.clone()),
                ("--bound", args.bound.clone().unwrap_or_default()),
                ("--capacity", args.capacity.clone().unwrap_or_default()),
                ("--target", args.target.clone().unwrap_or_default()),
            ];
            let answer = crate::engine::seek::seek(&scenario, &goal, &args.lever, range).map_err(
                |error| {
                    option_refused(&given, &error, lang)
                        .unwrap_or_else(|| refused(args.file.as_deref(), &error, lang))
                },
            )?;
            Ok(csv::seek_csv(&answer))
        }
        Command::Sensitivity(args) => {
            let scenario = load(args.file.as_deref(), lang)?;
            let (base, swings) =
                crate::engine::seek::sensitivity(&scenario, &args.series, args.year, args.step)
                    .map_err(|error| {
                        let given = [
                            ("--series", args.series.clone()),
                            ("--year", args.year.to_string()),
                            ("--step", args.step.to_string()),
                        ];
                        option_refused(&given, &error, lang)
                            .unwrap_or_else(|| refused(args.file.as_deref(), &error, lang))
                    })?;
            Ok(csv::sensitivity_csv(base, &swings))
        }
        Command::Compare(args) => {
            let scenarios = scenarios_of(&args.files, lang)?;
            let analyses = scenarios
                .iter()
                .map(|(name, s)| {
                    engine::analyse(s).map_err(|e| {
                        Failure::input(Tr::InFile.fill(lang, &[name, &e.in_lang(lang)]))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let named: Vec<(&str, &Scenario, &Analysis)> = scenarios
                .iter()
                .zip(&analyses)
                .map(|((name, scenario), analysis)| (name.as_str(), scenario, analysis))
                .collect();
            // A key no scenario projects would give a table of its header alone.
            if let Some(key) = args.series.iter().find(|key| {
                analyses
                    .iter()
                    .all(|analysis| analysis.projection.get(key).is_none())
            }) {
                let error = engine::ModelError::UnknownSeriesUse {
                    place: crate::model::references::SeriesUse::Comparison,
                    key: key.clone(),
                };
                return Err(Failure::input(
                    Tr::OptionRefused.fill(lang, &[&"--series", key, &error.in_lang(lang)]),
                ));
            }
            Ok(match args.table {
                CompareTable::Values => csv::compare_values_csv(&named, &args.series),
                CompareTable::Capacity => csv::compare_capacity_csv(&named),
                CompareTable::Targets => csv::compare_targets_csv(&named),
            })
        }
        Command::Ei { file } => {
            let scenario = load(file.as_deref(), lang)?;
            Ok(table::ei(&scenario.methods.ei, lang))
        }
        Command::Targets(args) => {
            let (scenario, analysis) = analysis_for(args, lang)?;
            Ok(match args.format {
                Format::Csv => csv::targets_csv(&analysis.targets),
                Format::Table => table::targets(&scenario, &analysis.targets, lang),
            })
        }
        Command::Check { file } => Ok(
            match io::load_any(file).map_err(|error| Failure::input(error.in_lang(lang)))? {
                io::Loaded::Scenario(scenario) => check_summary(file, None, &scenario, lang),
                io::Loaded::Workspace(workspace) => {
                    let mut lines = vec![String::new(); workspace.workspace.len()];
                    crate::engine::workspace::for_each_resolved(&workspace, |member, scenario| {
                        let name = &workspace.workspace[member].name;
                        lines[member] = check_summary(file, Some(name), scenario, lang);
                        Ok::<(), crate::engine::workspace::WorkspaceError>(())
                    })
                    .map_err(|error| Failure::at(lang, file, error.in_lang(lang)))?;
                    lines.concat()
                }
            },
        ),
        Command::Default => Ok(io::to_ron_string(&hanyang_plan())),
        Command::Format { file } => Ok(
            match io::load_any(file).map_err(|error| Failure::input(error.in_lang(lang)))? {
                io::Loaded::Scenario(scenario) => io::to_ron_string(&scenario),
                io::Loaded::Workspace(workspace) => io::workspace_to_ron_string(&workspace),
            },
        ),
        Command::Indicators(args) => {
            let (scenario, analysis) = analysis_for(&args.analysis, lang)?;
            Ok(match args.analysis.format {
                Format::Csv => csv::indicators_csv(&scenario, &analysis.indicators, lang),
                Format::Table => table::indicators(&scenario, &analysis.indicators, lang),
            })
        }
        Command::Import(args) => {
            let (text, effect) = import(args, lang)?;
            if let Some(effect) = effect {
                effect()?;
            }
            Ok(text)
        }
        Command::Fit(args) => {
            let (text, effect) = fit(args, lang)?;
            if let Some(effect) = effect {
                effect()?;
            }
            Ok(text)
        }
        Command::New(args) => {
            let name = args.name.as_deref().map(str::trim).unwrap_or_default();
            let plan = crate::plan::NewPlan {
                name: name.to_owned(),
                region: args.region.as_deref().map_or(name, str::trim).to_owned(),
                place: crate::plan::frame::Place {
                    kind: args.kind.into(),
                    coastal: args.coastal,
                },
                base_year: args.base_year,
                horizon: args.horizon,
                milestones: args.milestones.clone(),
                period_names: args.periods.clone(),
                lang,
                frame: match &args.frame {
                    None => None,
                    Some(book) => Some(
                        io::frame_table::read_frame(book)
                            .map_err(|error| Failure::input(error.in_lang(lang)))?,
                    ),
                },
            };
            let scenario = crate::plan::new_district(&plan).map_err(|error| {
                let option = match error {
                    crate::plan::NewPlanError::BaseYear(_) => "--base-year",
                    crate::plan::NewPlanError::Horizon(_) => "--horizon",
                    crate::plan::NewPlanError::PeriodCount { .. } => "--periods",
                    _ => "--milestones",
                };
                Failure::input(format!("{option}: {}", error.message(lang)))
            })?;
            let text = io::to_ron_string(&scenario);
            match &args.output {
                None => Ok(text),
                Some(path) => {
                    if path.is_dir() {
                        return Err(Failure::input(
                            Tr::SaveNotAFile
                                .fill(lang, &[&path.display(), &Tr::KindFolder.get(lang)]),
                        ));
                    }
                    if path.exists() {
                        return Err(Failure::at(lang, path, Tr::NewDoesNotOverwrite.get(lang)));
                    }
                    io::save_text(&text, path)
                        .map_err(|error| Failure::input(error.in_lang(lang)))?;
                    Ok(String::new())
                }
            }
        }
        Command::Export(args) => {
            let (file, out) = match args.paths.as_slice() {
                [out] => (None, out),
                [file, out] => (Some(file.as_path()), out),
                _ => unreachable!("clap takes one or two paths"),
            };
            // A workspace exports its first member, and its chapter compares every member.
            let members = match file {
                Some(path) if matches!(io::load_any(path), Ok(io::Loaded::Workspace(_))) => {
                    scenarios_of(&[path.to_path_buf()], lang)?
                        .into_iter()
                        .map(|(name, scenario)| {
                            analyse_scenario(scenario, file, args.horizon, &args.growth, lang)
                                .map(|(scenario, analysis)| (name, scenario, analysis))
                        })
                        .collect::<Result<Vec<_>, _>>()?
                }
                _ => {
                    let (scenario, analysis) =
                        analyse_file(file, args.horizon, &args.growth, lang)?;
                    vec![(scenario.metadata.name.clone(), scenario, analysis)]
                }
            };
            let (_, scenario, analysis) = &members[0];
            let compared: Vec<(&str, &Scenario, &Analysis)> = if members.len() >= 2 {
                members.iter().map(|(n, s, a)| (n.as_str(), s, a)).collect()
            } else {
                Vec::new()
            };
            let uncertainty = match args.runs {
                Some(runs) => Some(export_uncertainty(scenario, runs, args.seed, out, lang)?),
                None => None,
            };
            let exported = io::export::export(
                io::export::Source {
                    scenario,
                    analysis,
                    file,
                    uncertainty: uncertainty.as_ref(),
                    compared: &compared,
                },
                lang,
                args.table.into(),
                args.chart.as_deref(),
                out,
            )
            .map_err(|error| Failure::input(error.in_lang(lang)))?;
            if let Some(warning) = exported.warning(out, lang) {
                say(&warning);
            }
            // Nothing on stdout: the file is the output.
            Ok(String::new())
        }
    }
}

/// What a command still has to do once its output is printed: the write that makes it so, last,
/// so that a command whose output cannot be printed changes nothing.
pub(super) type Effect = Box<dyn FnOnce() -> Result<(), Failure>>;
