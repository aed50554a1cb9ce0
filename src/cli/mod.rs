//! The `ecoplan` command line: every analysis of the window, headless, for scripts.
//!
//! The CSV columns and the exit codes are interfaces other people's scripts depend on: stdout
//! carries only the table (one header row), messages go to stderr, and any bad input exits 2.

mod table;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::engine::{self, Analysis};
use crate::io::export::Table;
use crate::io::{self, csv};
use crate::model::{Rule, Scenario};
use crate::plan::hanyang_plan;

#[derive(Debug, Parser)]
#[command(
    name = "ecoplan",
    version = crate::assets::VERSION,
    long_version = crate::assets::LONG_VERSION,
    about = "Ecological-civilization planning workbench (生态文明建设示范区规划)",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: WindowArgs,
}

/// Options of the window (no subcommand).
#[derive(Debug, Args, Clone, Default)]
pub struct WindowArgs {
    /// Render a view into this PNG file and exit (works under Xvfb).
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// The view to open: overview, plan, whatif, baselines, assumptions, projections, history,
    /// capacity-water, capacity-air, indicators, targets, projects, footprint, ei, uncertainty,
    /// goal-seek, compare.
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,
    /// Interface language.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// Colour theme (light by default, remembered between runs).
    #[cfg(feature = "gui")]
    #[arg(long, value_enum)]
    pub theme: Option<crate::ui::ThemeChoice>,
    /// Restore the unsaved work in this recovery file (what "Restore in a new window" runs).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub recover: Option<PathBuf>,
    /// Scenario file to open (default: the built-in Hanyang plan).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every series for every year: CSV columns series,year,value,unit.
    Project(AnalysisArgs),
    /// Emissions against capacity: CSV columns pollutant,medium,year,emission,capacity,unit,utilization,status.
    Capacity(CapacityArgs),
    /// The ecological balance: CSV columns year,population,footprint_gha,capacity_gha,balance_gha.
    Footprint(AnalysisArgs),
    /// The ecological status index EI and its sub-indices, and the forest, grass or wetland area
    /// that would bring it to 60.
    Ei {
        /// Scenario file (default: the built-in Hanyang plan).
        file: Option<PathBuf>,
    },
    /// Target checks: CSV columns target,year,value,threshold,unit,met.
    Targets(AnalysisArgs),
    /// Check a scenario or workspace file: exit 0 with a summary line (one per member of a
    /// workspace), or exit 2 with FILE:LINE:COL: message.
    Check { file: PathBuf },
    /// Monte Carlo over uncertain rates: CSV of fan-chart percentiles (series,year,p5,p25,p50,p75,p95,unit)
    /// or, with --table exceedance, of capacity exceedance probabilities (pollutant,year,probability,cumulative).
    Uncertainty(UncertaintyArgs),
    /// The rate of one series that just meets a goal: CSV lever,outcome,value,margin.
    Seek(SeekArgs),
    /// How far each rate moved by ±10 % moves a series in a year: CSV lever,lever_value,result_low,result_high,swing,base.
    Sensitivity(SensitivityArgs),
    /// Compare the scenarios of a workspace file (or several scenario files): CSV
    /// scenario,series,year,value,difference,percent at the milestone years and horizons, the
    /// difference taken from the first scenario; --table capacity or targets for their status.
    Compare(CompareArgs),
    /// Print a scenario or workspace file in the canonical layout (fields in a fixed order, four
    /// spaces), the way ecoplan saves it, so that two people's files diff cleanly.
    Format { file: PathBuf },
    /// Print the built-in scenario (the Hanyang plan) as RON.
    Default,
    /// Export tables, a chart or the plan's chapter: OUT ending in .csv (one table, UTF-8 with
    /// BOM), .xlsx (every table, with Excel charts of emissions against capacity), .docx (the
    /// plan's chapter, framed by the scenario's `chapter` settings), .md (the same chapter as
    /// Markdown) or .png (one chart, 1920×1080). A workspace FILE exports its first member, its
    /// chapter comparing every member. With --table indicators, .xlsx or .csv is the template of
    /// indicator values to fill in.
    Export(ExportArgs),
    /// Indicator statuses computed from values, rules and links: CSV columns
    /// number,name,unit,year,basis,value,rule,threshold,status.
    Indicators(IndicatorsArgs),
    /// Import indicator values from a filled-in template, or a district's statistics as the
    /// bureau delivers them (.xlsx, .xls, .ods or .csv, UTF-8 or GBK), into a scenario file:
    /// prints number,year,old,new and saves the scenario (keeping a .bak), or with --dry-run saves
    /// nothing. A bad cell exits 2 with BOOK!SHEET!CELL (FILE:LINE:COL for CSV).
    Import(ImportArgs),
    /// Fit a series' rule to its history (observed values and base value): CSV
    /// series,method,from,to,value,level,r2,rmse; with --apply, writes the rule and a source note
    /// saying how it was derived into FILE (keeping a .bak).
    Fit(FitArgs),
    /// A new scenario from the national indicator frame for a kind of place: the rows that apply,
    /// no values yet, and the series the projection needs without base values. Prints RON, or
    /// writes it with --output.
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Language of the indicator names.
    #[arg(long, value_enum, default_value_t = crate::i18n::Lang::Zh)]
    pub lang: crate::i18n::Lang,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The filled-in table: .xlsx, .xls, .ods or .csv.
    #[arg(value_name = "BOOK")]
    pub book: PathBuf,
    /// The scenario file the values go into.
    #[arg(long, value_name = "SCENARIO")]
    pub into: PathBuf,
    /// Print the changes and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The sheet of the statistics (needed when several sheets hold figures).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// A row's name as the sheet writes it and the series it goes into (repeatable).
    #[arg(long, value_name = "NAME=KEY", value_parser = parse_map)]
    pub map: Vec<(String, String)>,
    /// Pass over rows that match no series instead of stopping at the first.
    #[arg(long)]
    pub skip_unmatched: bool,
    /// The language of messages; by default the environment's (LC_ALL, LC_MESSAGES, LANG),
    /// Chinese where it states none.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

/// `NAME=KEY` of `--map`.
fn parse_map(text: &str) -> Result<(String, String), String> {
    let (name, key) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("\"{text}\" is not NAME=KEY"))?;
    let (name, key) = (name.trim(), key.trim());
    if name.is_empty() || key.is_empty() {
        return Err(format!("\"{text}\" is not NAME=KEY"));
    }
    Ok((name.to_owned(), key.to_owned()))
}

#[derive(Debug, Args)]
pub struct FitArgs {
    /// The scenario file whose history is fitted.
    pub file: PathBuf,
    /// The series' key.
    #[arg(long, value_name = "KEY")]
    pub series: String,
    /// cagr (average annual growth between --from and --to), loglinear (least-squares growth),
    /// linear (constant change a year), intensity (against --driver, with its yearly change) or
    /// elasticity (log–log against --driver).
    #[arg(long, value_name = "METHOD", value_parser = parse_fit_method)]
    pub method: crate::engine::fit::FitMethod,
    /// The first year of history used.
    #[arg(long, value_name = "YEAR")]
    pub from: i32,
    /// The last year of history used.
    #[arg(long, value_name = "YEAR")]
    pub to: i32,
    /// The driver of an intensity or an elasticity.
    #[arg(long, value_name = "KEY")]
    pub driver: Option<String>,
    /// Write the fitted rule into FILE.
    #[arg(long)]
    pub apply: bool,
    /// The language of the source note written with --apply; by default the environment's.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

fn parse_fit_method(text: &str) -> Result<crate::engine::fit::FitMethod, String> {
    crate::engine::fit::FitMethod::from_key(text).ok_or_else(|| {
        format!("\"{text}\" is not a method: cagr, loglinear, linear, intensity or elasticity")
    })
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The district's name (the scenario's name, and its region unless --region is given).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The region the plan covers.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// The base year of the projection.
    #[arg(long, value_name = "YEAR", default_value_t = 2021)]
    pub base_year: i32,
    /// The last year projected (at most 2060); the last milestone when not given.
    #[arg(long, value_name = "YEAR")]
    pub horizon: Option<i32>,
    /// The plan's milestones, comma-separated (2027,2030); base year + 4 and + 7 when not given.
    #[arg(long, value_name = "YEARS", value_delimiter = ',')]
    pub milestones: Vec<i32>,
    /// The names of the periods ending at each milestone, comma-separated (创建期,提升期).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub periods: Vec<String>,
    /// An indicator frame of one's own (.xlsx, .xls, .ods or .csv: 序号, 领域, 指标名称, 单位,
    /// 目标值, 指标属性, 适用范围) instead of the national one.
    #[arg(long, value_name = "BOOK")]
    pub frame: Option<PathBuf>,
    /// The language of the new file's notes; by default the environment's (LC_ALL,
    /// LC_MESSAGES, LANG), Chinese where it states none.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// The kind of place: which rows of the frame apply.
    #[arg(long, value_enum, default_value_t = crate::plan::frame::PlaceKind::District)]
    pub kind: crate::plan::frame::PlaceKind,
    /// The place has a coastline: the coastal rows apply.
    #[arg(long)]
    pub coastal: bool,
    /// Write the scenario to this file instead of printing it (refused if the file exists).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// Scenario file (default: the built-in Hanyang plan).
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Project to this year instead of the scenario's horizon (at most 2060).
    #[arg(long, value_name = "YEAR")]
    pub horizon: Option<i32>,
    /// Replace KEY's rule by constant growth at RATE (a fraction: 0.075) from the base year.
    #[arg(long, value_name = "KEY=RATE", value_parser = parse_growth)]
    pub growth: Vec<(String, f64)>,
}

#[derive(Debug, Args)]
pub struct UncertaintyArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Number of draws (1 to 100 000).
    #[arg(long, default_value_t = crate::engine::uncertainty::DEFAULT_RUNS)]
    pub runs: usize,
    /// Seed of the draws: the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Latin hypercube sampling instead of independent draws.
    #[arg(long)]
    pub lhs: bool,
    /// KEY=DIST: draw KEY's rate from normal:MEAN,SD[,MIN,MAX], uniform:MIN,MAX or
    /// triangular:MIN,MODE,MAX (fractions: 0.075 is 7.5 %).
    #[arg(long, value_name = "KEY=DIST", value_parser = parse_uncertain)]
    pub uncertain: Vec<crate::model::Uncertain>,
    /// Series of the fan table (default: every series).
    #[arg(long = "series", value_name = "KEY")]
    pub fan_series: Vec<String>,
    /// Which table to print.
    #[arg(long, value_enum, default_value_t = UncertaintyTable::Fan)]
    pub table: UncertaintyTable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UncertaintyTable {
    Fan,
    Exceedance,
}

#[derive(Debug, Args)]
pub struct SeekArgs {
    /// Scenario file (default: the built-in Hanyang plan).
    pub file: Option<PathBuf>,
    /// The series whose rate (growth rate, intensity change or elasticity) is moved.
    #[arg(long, value_name = "KEY")]
    pub lever: String,
    /// Meet this target of the scenario (energy_intensity, …).
    #[arg(long, value_name = "KEY", group = "goal")]
    pub target: Option<String>,
    /// Keep this pollutant's emission under its capacity up to YEAR: COD:2040.
    #[arg(long, value_name = "POLLUTANT:YEAR", group = "goal")]
    pub capacity: Option<String>,
    /// Keep a series at or under (<=) or at or over (>=) a value in a year: cod@2040<=10000.
    #[arg(long, value_name = "KEY@YEAR<=VALUE", group = "goal")]
    pub bound: Option<String>,
    /// The range of rates to search (fractions: -0.1,0.2 is −10 % to +20 %).
    #[arg(
        long,
        value_name = "LOW,HIGH",
        default_value = "-0.5,0.5",
        allow_hyphen_values = true
    )]
    pub range: String,
}

#[derive(Debug, Args)]
pub struct SensitivityArgs {
    /// Scenario file (default: the built-in Hanyang plan).
    pub file: Option<PathBuf>,
    /// The series whose value is watched.
    #[arg(long, value_name = "KEY")]
    pub series: String,
    /// The year it is watched in.
    #[arg(long)]
    pub year: i32,
    /// How far each rate is moved, as a fraction of itself (above 0, below 1).
    #[arg(long, default_value_t = 0.1, allow_negative_numbers = true)]
    pub step: f64,
}

fn parse_numbers(text: &str, what: &str) -> Result<Vec<f64>, String> {
    text.split(',')
        .map(|n| {
            n.trim()
                .parse::<f64>()
                .map_err(|_| format!("{what}: \"{n}\" is not a number"))
        })
        .collect()
}

fn parse_uncertain(text: &str) -> Result<crate::model::Uncertain, String> {
    use crate::model::{Distribution, Uncertain};
    let (key, dist) = text.split_once('=').ok_or_else(|| {
        format!("expected KEY=DIST, such as gdp=normal:0.075,0.01, not \"{text}\"")
    })?;
    let (kind, numbers) = dist
        .split_once(':')
        .ok_or_else(|| format!("{text}: expected KIND:NUMBERS"))?;
    let n = parse_numbers(numbers, text)?;
    let distribution = match (kind, n.as_slice()) {
        ("uniform", [min, max]) => Distribution::Uniform {
            min: *min,
            max: *max,
        },
        ("triangular", [min, mode, max]) => Distribution::Triangular {
            min: *min,
            mode: *mode,
            max: *max,
        },
        ("normal", [mean, sd]) => Distribution::Normal {
            mean: *mean,
            sd: *sd,
            min: (mean - 4.0 * sd).max(-0.99),
            max: (mean + 4.0 * sd).min(1.0),
        },
        ("normal", [mean, sd, min, max]) => Distribution::Normal {
            mean: *mean,
            sd: *sd,
            min: *min,
            max: *max,
        },
        _ => {
            return Err(format!(
                "{text}: expected normal:MEAN,SD[,MIN,MAX], uniform:MIN,MAX or triangular:MIN,MODE,MAX"
            ));
        }
    };
    Ok(Uncertain {
        series: key.trim().to_owned(),
        distribution,
    })
}

fn parse_goal(args: &SeekArgs) -> Result<crate::engine::seek::Goal, String> {
    use crate::engine::seek::Goal;
    use crate::model::Comparison;
    if let Some(key) = &args.target {
        return Ok(Goal::Target(key.clone()));
    }
    if let Some(text) = &args.capacity {
        let (pollutant, year) = text
            .split_once(':')
            .ok_or_else(|| format!("--capacity {text}: expected POLLUTANT:YEAR"))?;
        let until = year
            .parse()
            .map_err(|_| format!("--capacity {text}: \"{year}\" is not a year"))?;
        return Ok(Goal::Capacity {
            pollutant: pollutant.to_owned(),
            until,
        });
    }
    if let Some(text) = &args.bound {
        let (comparison, split) = if let Some(i) = text.find("<=") {
            (Comparison::AtMost, i)
        } else if let Some(i) = text.find(">=") {
            (Comparison::AtLeast, i)
        } else {
            return Err(format!(
                "--bound {text}: expected KEY@YEAR<=VALUE or KEY@YEAR>=VALUE"
            ));
        };
        let (left, value) = (&text[..split], &text[split + 2..]);
        let (series, year) = left
            .split_once('@')
            .ok_or_else(|| format!("--bound {text}: expected KEY@YEAR"))?;
        return Ok(Goal::Bound {
            series: series.to_owned(),
            year: year
                .parse()
                .map_err(|_| format!("--bound {text}: \"{year}\" is not a year"))?,
            comparison,
            value: value
                .parse()
                .map_err(|_| format!("--bound {text}: \"{value}\" is not a number"))?,
        });
    }
    Err("give the goal: --target KEY, --capacity POLLUTANT:YEAR or --bound KEY@YEAR<=VALUE".into())
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A workspace file, or two or more scenario files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Series to compare (default: every series of the first scenario).
    #[arg(long = "series", value_name = "KEY")]
    pub series: Vec<String>,
    #[arg(long, value_enum, default_value_t = CompareTable::Values)]
    pub table: CompareTable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareTable {
    Values,
    Capacity,
    Targets,
}

/// The named scenarios of a workspace file, or of several scenario files.
pub fn scenarios_of(files: &[PathBuf]) -> Result<Vec<(String, Scenario)>, Failure> {
    if let [file] = files {
        return match io::load_any(file).map_err(Failure::input)? {
            io::Loaded::Workspace(workspace) => {
                let resolved = crate::engine::workspace::resolve_all(&workspace)
                    .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
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
                .map_err(Failure::input)
        })
        .collect()
}

#[derive(Debug, Args)]
pub struct CapacityArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Use every capacity derived by its method (A-value for air, river and lake models for
    /// water) instead of the typed values.
    #[arg(long)]
    pub derived: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Scenario file (default: the built-in Hanyang plan), then the output file.
    #[arg(num_args = 1..=2, required = true, value_name = "[FILE] OUT")]
    pub paths: Vec<PathBuf>,
    /// The table a .csv holds.
    #[arg(long, value_enum, default_value_t = Table::Projection)]
    pub table: Table,
    /// The chart a .png shows, such as capacity-COD, target-energy_intensity, group-water
    /// (default: the first chart).
    #[arg(long, value_name = "NAME")]
    pub chart: Option<String>,
    /// Language of titles, legends and sheet headers.
    #[arg(long, value_enum, default_value_t = crate::i18n::Lang::Zh)]
    pub lang: crate::i18n::Lang,
    /// Project to this year instead of the scenario's horizon (at most 2060).
    #[arg(long, value_name = "YEAR")]
    pub horizon: Option<i32>,
    /// Replace KEY's rule by constant growth at RATE (a fraction: 0.075) from the base year.
    #[arg(long, value_name = "KEY=RATE", value_parser = parse_growth)]
    pub growth: Vec<(String, f64)>,
    /// Run this many Monte Carlo draws over the scenario's uncertain rates and add their
    /// results (probabilities of exceeding capacity, fans of the compared series) to an .xlsx.
    #[arg(long, value_name = "N")]
    pub runs: Option<usize>,
    /// Seed of those draws: the same seed gives the same numbers.
    #[arg(long, default_value_t = 1, requires = "runs")]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Table,
}

fn parse_growth(text: &str) -> Result<(String, f64), String> {
    let (key, rate) = text
        .split_once('=')
        .ok_or_else(|| format!("expected KEY=RATE, such as gdp=0.075, not \"{text}\""))?;
    let rate: f64 = rate
        .trim()
        .parse()
        .map_err(|_| format!("RATE in \"{text}\" is not a number (write 0.075 for 7.5 %)"))?;
    Ok((key.trim().to_owned(), rate))
}

/// Refuses a flag given twice for one key: keeping the last silently would run another
/// scenario than the one the command line reads as.
fn refuse_repeated<'a>(flag: &str, keys: impl IntoIterator<Item = &'a str>) -> Result<(), Failure> {
    let mut seen = std::collections::HashSet::new();
    for key in keys {
        if !seen.insert(key) {
            return Err(Failure::input(format!(
                "{flag} {key}=… is given more than once; give each key once"
            )));
        }
    }
    Ok(())
}

/// A failure of a command: the message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    fn input(message: impl ToString) -> Failure {
        Failure {
            message: message.to_string(),
            code: 2,
        }
    }
}

/// Loads the scenario a command names, or the built-in one.
pub fn load_or_default(file: Option<&Path>) -> Result<Scenario, io::LoadError> {
    match file {
        Some(path) => io::load(path),
        None => Ok(hanyang_plan()),
    }
}

/// Applies `--horizon` and `--growth` to a scenario.
pub fn apply_overrides(
    scenario: &mut Scenario,
    horizon: Option<i32>,
    growth: &[(String, f64)],
) -> Result<(), String> {
    refuse_repeated("--growth", growth.iter().map(|(key, _)| key.as_str()))
        .map_err(|failure| failure.message)?;
    // The window's own edits, so that the command line and the window give the same scenario
    // (a rate's uncertain distribution re-centred on the new rate, a horizon kept past the
    // milestones).
    use crate::document::Edit;
    if let Some(year) = horizon {
        Edit::SetHorizon { year }
            .apply(scenario)
            .map_err(|reason| format!("--horizon {year}: {reason}"))?;
    }
    for (key, rate) in growth {
        if scenario.series(key).is_none() {
            return Err(format!(
                "--growth {key}={rate}: there is no series \"{key}\""
            ));
        }
        Edit::SetRule {
            series: key.clone(),
            rule: Rule::growth(*rate),
        }
        .apply(scenario)
        .map_err(|reason| format!("--growth {key}={rate}: {reason}"))?;
    }
    Ok(())
}

fn analysis_for(args: &AnalysisArgs) -> Result<(Scenario, Analysis), Failure> {
    analyse_file(args.file.as_deref(), args.horizon, &args.growth)
}

/// Loads a scenario (or the built-in one), applies the overrides and analyses it.
fn analyse_file(
    file: Option<&Path>,
    horizon: Option<i32>,
    growth: &[(String, f64)],
) -> Result<(Scenario, Analysis), Failure> {
    let scenario = load_or_default(file).map_err(Failure::input)?;
    analyse_scenario(scenario, file, horizon, growth)
}

/// Applies the overrides to a loaded scenario and analyses it.
fn analyse_scenario(
    mut scenario: Scenario,
    file: Option<&Path>,
    horizon: Option<i32>,
    growth: &[(String, f64)],
) -> Result<(Scenario, Analysis), Failure> {
    apply_overrides(&mut scenario, horizon, growth).map_err(Failure::input)?;
    let analysis = engine::analyse(&scenario).map_err(|error| {
        let origin = file.map_or_else(
            || "built-in scenario".to_owned(),
            |p| p.display().to_string(),
        );
        Failure::input(format!("{origin}: {error}"))
    })?;
    Ok((scenario, analysis))
}

/// The line `ecoplan check` prints for a scenario, or for each member of a workspace in the
/// listed order.
fn check_summary(file: &Path, member: Option<&str>, scenario: &Scenario) -> String {
    let member = member.map_or_else(String::new, |name| format!(" member \"{name}\":"));
    format!(
        "{}:{member} ok: \"{}\", {} series, {} capacities, {} targets, {} indicators, {} projects, {}–{}\n",
        file.display(),
        scenario.metadata.name,
        scenario.series.len(),
        scenario.capacities.len(),
        scenario.targets.len(),
        scenario.indicators.len(),
        scenario.projects.len(),
        scenario.base_year,
        scenario.horizon,
    )
}

/// Runs a subcommand and returns what it prints on stdout.
pub fn run(command: &Command) -> Result<String, Failure> {
    match command {
        Command::Project(args) => {
            let (scenario, analysis) = analysis_for(args)?;
            Ok(match args.format {
                Format::Csv => csv::projection_csv(&analysis.projection),
                Format::Table => table::projection(&scenario, &analysis.projection),
            })
        }
        Command::Capacity(CapacityArgs {
            analysis: args,
            derived,
        }) => {
            let (scenario, analysis) = if *derived {
                let mut scenario = load_or_default(args.file.as_deref()).map_err(Failure::input)?;
                for capacity in &mut scenario.capacities {
                    capacity.basis = crate::model::CapacityBasis::Derived;
                }
                analyse_scenario(scenario, args.file.as_deref(), args.horizon, &args.growth)?
            } else {
                analysis_for(args)?
            };
            Ok(match args.format {
                Format::Csv => csv::capacity_csv(&analysis.capacities),
                Format::Table => table::capacity(&scenario, &analysis.capacities),
            })
        }
        Command::Footprint(args) => {
            let (_, analysis) = analysis_for(args)?;
            let years = analysis.footprint.as_ref().ok_or_else(|| {
                Failure::input("the scenario has no footprint parameters (methods.footprint)")
            })?;
            Ok(match args.format {
                Format::Csv => csv::footprint_csv(years),
                Format::Table => table::footprint(years),
            })
        }
        Command::Uncertainty(args) => {
            use crate::engine::uncertainty::{MonteCarlo, Sampling, monte_carlo};
            let a = &args.analysis;
            let mut scenario = load_or_default(a.file.as_deref()).map_err(Failure::input)?;
            apply_overrides(&mut scenario, a.horizon, &a.growth).map_err(Failure::input)?;
            refuse_repeated(
                "--uncertain",
                args.uncertain.iter().map(|u| u.series.as_str()),
            )?;
            for item in &args.uncertain {
                scenario.uncertainty.retain(|u| u.series != item.series);
                scenario.uncertainty.push(item.clone());
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
            let result = monte_carlo(&scenario, settings, &fan_series, &progress, &never)
                .map_err(Failure::input)?
                .expect("an uncancelled run finishes");
            Ok(match args.table {
                UncertaintyTable::Fan => csv::fan_csv(&result),
                UncertaintyTable::Exceedance => csv::exceedance_csv(&result),
            })
        }
        Command::Seek(args) => {
            let scenario = load_or_default(args.file.as_deref()).map_err(Failure::input)?;
            let goal = parse_goal(args).map_err(Failure::input)?;
            let range = match parse_numbers(&args.range, "--range")
                .map_err(Failure::input)?
                .as_slice()
            {
                [low, high] => (*low, *high),
                _ => {
                    return Err(Failure::input(
                        "--range: expected LOW,HIGH such as -0.1,0.2",
                    ));
                }
            };
            let answer = crate::engine::seek::seek(&scenario, &goal, &args.lever, range)
                .map_err(Failure::input)?;
            Ok(csv::seek_csv(&answer))
        }
        Command::Sensitivity(args) => {
            let scenario = load_or_default(args.file.as_deref()).map_err(Failure::input)?;
            let (base, swings) =
                crate::engine::seek::sensitivity(&scenario, &args.series, args.year, args.step)
                    .map_err(Failure::input)?;
            Ok(csv::sensitivity_csv(base, &swings))
        }
        Command::Compare(args) => {
            let scenarios = scenarios_of(&args.files)?;
            let analyses = scenarios
                .iter()
                .map(|(name, s)| {
                    engine::analyse(s).map_err(|e| Failure::input(format!("{name}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let named: Vec<(&str, &Scenario, &Analysis)> = scenarios
                .iter()
                .zip(&analyses)
                .map(|((name, scenario), analysis)| (name.as_str(), scenario, analysis))
                .collect();
            Ok(match args.table {
                CompareTable::Values => csv::compare_values_csv(&named, &args.series),
                CompareTable::Capacity => csv::compare_capacity_csv(&named),
                CompareTable::Targets => csv::compare_targets_csv(&named),
            })
        }
        Command::Ei { file } => {
            let scenario = load_or_default(file.as_deref()).map_err(Failure::input)?;
            Ok(table::ei(&scenario.methods.ei))
        }
        Command::Targets(args) => {
            let (scenario, analysis) = analysis_for(args)?;
            Ok(match args.format {
                Format::Csv => csv::targets_csv(&analysis.targets),
                Format::Table => table::targets(&scenario, &analysis.targets),
            })
        }
        Command::Check { file } => Ok(match io::load_any(file).map_err(Failure::input)? {
            io::Loaded::Scenario(scenario) => check_summary(file, None, &scenario),
            io::Loaded::Workspace(workspace) => {
                let mut lines = vec![String::new(); workspace.workspace.len()];
                crate::engine::workspace::for_each_resolved(&workspace, |member, scenario| {
                    let name = &workspace.workspace[member].name;
                    lines[member] = check_summary(file, Some(name), scenario);
                    Ok::<(), crate::engine::workspace::WorkspaceError>(())
                })
                .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
                lines.concat()
            }
        }),
        Command::Default => Ok(io::to_ron_string(&hanyang_plan())),
        Command::Format { file } => Ok(match io::load_any(file).map_err(Failure::input)? {
            io::Loaded::Scenario(scenario) => io::to_ron_string(&scenario),
            io::Loaded::Workspace(workspace) => io::workspace_to_ron_string(&workspace),
        }),
        Command::Indicators(args) => {
            let (scenario, analysis) = analysis_for(&args.analysis)?;
            Ok(match args.analysis.format {
                Format::Csv => csv::indicators_csv(&scenario, &analysis.indicators, args.lang),
                Format::Table => table::indicators(&scenario, &analysis.indicators, args.lang),
            })
        }
        Command::Import(args) => {
            let (text, effect) = import(args)?;
            if let Some(effect) = effect {
                effect()?;
            }
            Ok(text)
        }
        Command::Fit(args) => {
            let (text, effect) = fit(args)?;
            if let Some(effect) = effect {
                effect()?;
            }
            Ok(text)
        }
        Command::New(args) => {
            let lang = args
                .lang
                .unwrap_or_else(crate::i18n::Lang::from_environment);
            let name = args.name.as_deref().map(str::trim).unwrap_or_default();
            let plan = crate::plan::NewPlan {
                name: name.to_owned(),
                region: args.region.as_deref().map_or(name, str::trim).to_owned(),
                place: crate::plan::frame::Place {
                    kind: args.kind,
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
                    if path.exists() {
                        return Err(Failure::input(format!(
                            "{}: {}",
                            path.display(),
                            crate::i18n::Tr::NewDoesNotOverwrite.get(lang)
                        )));
                    }
                    io::save_text(&text, path).map_err(Failure::input)?;
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
                    scenarios_of(&[path.to_path_buf()])?
                        .into_iter()
                        .map(|(name, scenario)| {
                            analyse_scenario(scenario, file, args.horizon, &args.growth)
                                .map(|(scenario, analysis)| (name, scenario, analysis))
                        })
                        .collect::<Result<Vec<_>, _>>()?
                }
                _ => {
                    let (scenario, analysis) = analyse_file(file, args.horizon, &args.growth)?;
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
                Some(runs) => Some(export_uncertainty(scenario, runs, args.seed, out)?),
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
                args.lang,
                args.table,
                args.chart.as_deref(),
                out,
            )
            .map_err(|error| Failure::input(error.in_lang(args.lang)))?;
            if let Some(warning) = exported.warning(out, args.lang) {
                say(&warning);
            }
            // Nothing on stdout: the file is the output.
            Ok(String::new())
        }
    }
}

/// `ecoplan export … OUT.xlsx --runs N`: the draws the workbook's Uncertainty sheet shows, with
/// the fans of the series compared with a capacity.
fn export_uncertainty(
    scenario: &Scenario,
    runs: usize,
    seed: u64,
    out: &Path,
) -> Result<crate::engine::uncertainty::UncertaintyResult, Failure> {
    use crate::engine::uncertainty::{MonteCarlo, Sampling, monte_carlo};
    let takes_runs = out.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "docx", "md"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    if !takes_runs {
        return Err(Failure::input(format!(
            "{}: --runs adds a sheet to a workbook or a section to the chapter; the output must end in .xlsx, .docx or .md",
            out.display()
        )));
    }
    if scenario.uncertainty.is_empty() {
        return Err(Failure::input(
            "--runs: the scenario has no uncertain rates to draw (its `uncertainty` list is \
             empty); add them in the Uncertainty view or try `ecoplan uncertainty --uncertain`"
                .to_owned(),
        ));
    }
    let mut fans: Vec<String> = Vec::new();
    for capacity in &scenario.capacities {
        if !fans.contains(&capacity.series) {
            fans.push(capacity.series.clone());
        }
    }
    let never = std::sync::atomic::AtomicBool::new(false);
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let settings = MonteCarlo {
        runs,
        seed,
        sampling: Sampling::Random,
    };
    Ok(monte_carlo(scenario, settings, &fans, &progress, &never)
        .map_err(Failure::input)?
        .expect("an uncancelled run finishes"))
}

/// `ecoplan import BOOK --into SCENARIO [--dry-run]`: reads every value first, so a bad cell
/// leaves the scenario file as it was.
/// What a command still has to do once its output is printed: the write that makes it so, last,
/// so that a command whose output cannot be printed changes nothing.
type Effect = Box<dyn FnOnce() -> Result<(), Failure>>;

fn import(args: &ImportArgs) -> Result<(String, Option<Effect>), Failure> {
    let lang = args
        .lang
        .unwrap_or_else(crate::i18n::Lang::from_environment);
    let mut scenario = io::load(&args.into).map_err(Failure::input)?;
    // The scenario's writer lock from its read to its write: a second import into the same
    // file waits and then reads this one's result, so both changes are kept. (Taken once the
    // file is known to read, so a mistyped name leaves no lock file; then read under it.)
    let lock = if args.dry_run {
        None
    } else {
        let lock = io::lock_writers(&args.into, io::LOCK_WAIT)
            .map_err(|error| Failure::input(error.in_lang(lang)))?;
        scenario = io::load(&args.into).map_err(Failure::input)?;
        Some(lock)
    };
    let options = io::history_table::HistoryOptions {
        sheet: args.sheet.clone(),
        map: args.map.clone(),
        skip_unmatched: args.skip_unmatched,
    };
    if let Some((_, key)) = args
        .map
        .iter()
        .find(|(_, key)| scenario.series(key).is_none())
    {
        return Err(Failure::input(format!(
            "--map: {}",
            crate::i18n::Tr::NoSuchSeries.fill(lang, &[key])
        )));
    }
    let values = io::history_table::read_import(&args.book, &scenario, &options)
        .map_err(|error| Failure::input(error.in_lang(lang)))?;
    let changes = io::indicator_table::changes_csv(&values);
    if args.dry_run || values.is_empty() {
        return Ok((changes, None));
    }
    let changed = io::indicator_table::with_values(&scenario, &values);
    // The values must leave a scenario that still analyses (a value can make a linked unit
    // conversion or a check fail only through a bug, but the file is worth the check).
    if let Some(error) = engine::validate(&changed).into_iter().next() {
        return Err(Failure::input(format!(
            "{}: the imported values leave the scenario invalid: {error}",
            args.into.display()
        )));
    }
    let into = args.into.clone();
    let lock = lock.expect("a lock is taken unless the import is a dry run");
    let save: Effect = Box::new(move || {
        let saved = io::save_text_locked(&io::to_ron_string(&changed), &into, &lock, None)
            .map_err(|error| {
                Failure::input(format!(
                    "{} {}",
                    error.in_lang(lang),
                    crate::i18n::Tr::ChangesNotSaved.get(lang)
                ))
            })?;
        say_original_kept(&into, &saved, lang);
        Ok(())
    });
    Ok((changes, Some(save)))
}

/// Tells on stderr (stdout is the command's table) where the user's own text of a rewritten
/// file was kept.
fn say_original_kept(path: &Path, saved: &io::Saved, lang: crate::i18n::Lang) {
    if let Some(original) = &saved.original {
        say(&crate::i18n::Tr::OriginalKept.fill(lang, &[&path.display(), &original.display()]));
    }
}

fn fit(args: &FitArgs) -> Result<(String, Option<Effect>), Failure> {
    use crate::engine::fit;
    let lang = args
        .lang
        .unwrap_or_else(crate::i18n::Lang::from_environment);
    let mut scenario = io::load(&args.file).map_err(Failure::input)?;
    // With --apply, the file's writer lock from the read to the write, as an import holds it
    // (taken once the file is known to read, then read again under it).
    let lock = if args.apply {
        let lock = io::lock_writers(&args.file, io::LOCK_WAIT)
            .map_err(|error| Failure::input(error.in_lang(lang)))?;
        scenario = io::load(&args.file).map_err(Failure::input)?;
        Some(lock)
    } else {
        None
    };
    let result = fit::fit(
        &scenario,
        &args.series,
        args.method,
        (args.from, args.to),
        args.driver.as_deref(),
    )
    .map_err(|error| {
        Failure::input(format!(
            "{}: {}",
            args.file.display(),
            crate::i18n::fit_refusal(&error, &scenario, lang)
        ))
    })?;
    let number = |v: f64| csv::number(v);
    let out = format!(
        "series,method,from,to,value,level,r2,rmse\n{},{},{},{},{},{},{},{}\n",
        csv::field(&result.series),
        result.method.key(),
        result.from,
        result.to,
        number(result.value),
        result.level.map(number).unwrap_or_default(),
        number(result.r2),
        number(result.rmse),
    );
    if args.apply {
        let rule = fit::rule_of_fit(&scenario, &result).ok_or_else(|| {
            Failure::input(format!("{}: the fit gives no rule", args.file.display()))
        })?;
        let mut changed = scenario.clone();
        let series = changed
            .series_mut(&args.series)
            .expect("the fit found the series");
        series.rule = rule;
        // The note in both languages: the chapter is written in either.
        series.source = crate::model::Label {
            zh: crate::i18n::fit_note(&scenario, &result, crate::i18n::Lang::Zh),
            en: crate::i18n::fit_note(&scenario, &result, crate::i18n::Lang::En),
        };
        if let Some(error) = engine::validate(&changed).into_iter().next() {
            return Err(Failure::input(format!(
                "{}: the fitted rule leaves the scenario invalid: {error}",
                args.file.display()
            )));
        }
        let lock = lock.expect("--apply takes the lock");
        let file = args.file.clone();
        // Written once the fit's line is printed: a lost output changes nothing.
        let save: Effect = Box::new(move || {
            let saved = io::save_text_locked(&io::to_ron_string(&changed), &file, &lock, None)
                .map_err(|error| Failure::input(error.in_lang(lang)))?;
            say_original_kept(&file, &saved, lang);
            Ok(())
        });
        return Ok((out, Some(save)));
    }
    Ok((out, None))
}

/// The program's arguments, or the exit code when they are help, the version or wrong (said on
/// stdout or stderr). `entry::run` dispatches what they ask for.
pub fn parse() -> Result<Cli, i32> {
    use clap::CommandFactory;
    use clap::error::ErrorKind;
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            // Help and version are output: one that cannot be written is a failure.
            return Err(match print_out(&error.render().to_string()) {
                Ok(()) => 0,
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(error) => {
                    say(&format!("ecoplan: cannot write output: {error}"));
                    1
                }
            });
        }
        Err(error) => {
            // Every argument error ends with the usage, so a script's log says what was expected.
            let message = error.render().to_string();
            let usage = if message.contains("Usage:") {
                String::new()
            } else {
                format!("\n{}", Cli::command().render_usage())
            };
            say(&format!("{}{usage}", message.trim_end()));
            return Err(2);
        }
    };
    Ok(cli)
}

/// Runs a subcommand, printing its output or its message; returns the exit code. What the
/// command writes to its files comes after its output is printed (an import's save): a lost
/// output changes nothing.
pub fn main(command: &Command) -> i32 {
    let outcome = match command {
        Command::Import(args) => import(args),
        Command::Fit(args) => fit(args),
        command => run(command).map(|text| (text, None)),
    };
    match outcome {
        Ok((text, effect)) => {
            match print_out(&text) {
                Ok(()) => {}
                // A closed pipe (`| head`) is not an error worth a message, nor a reason to
                // leave undone what was asked.
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(error) => {
                    say(&format!("ecoplan: cannot write output: {error}"));
                    return 1;
                }
            }
            match effect.map_or(Ok(()), |effect| effect()) {
                Ok(()) => 0,
                Err(failure) => {
                    say(&failure.message);
                    failure.code
                }
            }
        }
        Err(failure) => {
            say(&failure.message);
            failure.code
        }
    }
}

/// Writes the command's output to stdout, saying whether it got there. (A descriptor closed
/// before the start, `>&-`, Rust's runtime has already opened on /dev/null, as scripts open
/// it on purpose (Python's `subprocess.DEVNULL` reads and writes too): that output is as lost
/// as one sent there, and cannot be told from it.)
fn print_out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

use crate::io::say;
