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

mod loading;
pub use loading::{Failure, apply_overrides, scenarios_of};
pub(super) use loading::{
    analyse_file, analyse_scenario, analysis_for, check_summary, load, option_refused, refused,
};

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
                return Err(refused(a.file.as_deref(), &scenario, &error, lang));
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
                    .unwrap_or_else(|| refused(a.file.as_deref(), &scenario, &error, lang))
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
                        .unwrap_or_else(|| refused(args.file.as_deref(), &scenario, &error, lang))
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
                        option_refused(&given, &error, lang).unwrap_or_else(|| {
                            refused(args.file.as_deref(), &scenario, &error, lang)
                        })
                    })?;
            Ok(csv::sensitivity_csv(base, &swings))
        }
        Command::Compare(args) => {
            let scenarios = scenarios_of(&args.files, lang)?;
            let named: Vec<(&str, &Scenario, &Analysis)> = scenarios
                .iter()
                .map(|(name, scenario, analysis)| (name.as_str(), scenario, analysis))
                .collect();
            // A key no scenario projects would give a table of its header alone.
            if let Some(key) = args.series.iter().find(|key| {
                scenarios
                    .iter()
                    .all(|(_, _, analysis)| analysis.projection.get(key).is_none())
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
            match io::open_any(file).map_err(|error| Failure::input(error.in_lang(lang)))? {
                io::Opened::Scenario(scenario, _) => check_summary(file, None, &scenario, lang),
                // Each member as the loading resolved it, in the file's order.
                io::Opened::Workspace(workspace, members) => workspace
                    .workspace
                    .iter()
                    .zip(&members)
                    .map(|(member, (scenario, _))| {
                        check_summary(file, Some(&member.name), scenario, lang)
                    })
                    .collect(),
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
            let overridden = args.horizon.is_some() || !args.growth.is_empty();
            let members = match file {
                // Read and analysed once; analysed again only with the options' overrides.
                Some(path) => scenarios_of(&[path.to_path_buf()], lang)?
                    .into_iter()
                    .map(|(name, scenario, analysis)| {
                        if overridden {
                            analyse_scenario(scenario, file, args.horizon, &args.growth, lang)
                                .map(|(scenario, analysis)| (name, scenario, analysis))
                        } else {
                            Ok((name, scenario, analysis))
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?,
                None => {
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
