//! The command line's arguments as clap reads them. Values of a form of ours (`KEY=RATE`, a
//! distribution) are read by `options`, in the language the arguments ask for
//! (`options::in_lang`); the value types of the library's layers are mapped here, so that clap
//! stays in the command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "ecoplan",
    version = crate::assets::VERSION,
    long_version = crate::assets::LONG_VERSION,
    about = "Ecological-civilization planning workbench (生态文明建设示范区规划)",
    // A file before a command is the window's: the usage shows the two forms apart.
    override_usage = "ecoplan [OPTIONS] [FILE]\n       ecoplan <COMMAND> [FILE] [OPTIONS]",
    // A window option before a command is refused after parsing (`WindowArgs::given`), not
    // by clap's `args_conflicts_with_subcommands`, so that `ecoplan --lang en project` is the
    // command it reads as.
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of messages, tables and names (zh or en), before or after the command; by
    /// default the environment's (LC_ALL, LC_MESSAGES or LANG; the interface language on
    /// Windows), Chinese where it states none. CSV keys and column names never change.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub window: WindowArgs,
}

/// `--lang`'s values (clap's parsing kept in the command line, out of `i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Zh => crate::i18n::Lang::Zh,
            LangArg::En => crate::i18n::Lang::En,
        }
    }
}

impl Cli {
    /// The language asked for with `--lang`, else the environment's.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.lang
            .map_or_else(crate::i18n::Lang::from_environment, Into::into)
    }
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
    /// Colour theme (light by default, remembered between runs).
    #[cfg(feature = "gui")]
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Restore the unsaved work in this recovery file (what "Restore in a new window" runs).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub recover: Option<PathBuf>,
    /// Scenario file to open (default: the built-in Hanyang plan).
    pub file: Option<PathBuf>,
}

#[cfg(feature = "gui")]
impl From<&WindowArgs> for crate::ui::WindowRequest {
    fn from(args: &WindowArgs) -> Self {
        crate::ui::WindowRequest {
            screenshot: args.screenshot.clone(),
            view: args.view.clone(),
            theme: args.theme.map(Into::into),
            recover: args.recover.clone(),
            file: args.file.clone(),
        }
    }
}

impl WindowArgs {
    /// The first of the window's options given, to refuse it beside a command.
    pub fn given(&self) -> Option<&'static str> {
        #[cfg(feature = "gui")]
        if self.theme.is_some() {
            return Some("--theme");
        }
        [
            (self.screenshot.is_some(), "--screenshot"),
            (self.view.is_some(), "--view"),
            (self.recover.is_some(), "--recover"),
            (self.file.is_some(), "FILE"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
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
    #[arg(long, value_name = "NAME=KEY", value_parser = super::options::map_arg)]
    pub map: Vec<(String, String)>,
    /// Pass over rows that match no series instead of stopping at the first.
    #[arg(long)]
    pub skip_unmatched: bool,
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
    #[arg(long, value_name = "METHOD", value_enum)]
    pub method: MethodArg,
    /// The first year of history used.
    #[arg(long, value_name = "YEAR")]
    pub from: i32,
    /// The last year of history used.
    #[arg(long, value_name = "YEAR")]
    pub to: i32,
    /// The driver of an intensity or an elasticity.
    #[arg(long, value_name = "KEY")]
    pub driver: Option<String>,
    /// Write the fitted rule into FILE (its source note in both languages).
    #[arg(long)]
    pub apply: bool,
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
    /// The kind of place: which rows of the frame apply.
    #[arg(long, value_enum, default_value_t = KindArg::District)]
    pub kind: KindArg,
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
    #[arg(long, value_name = "KEY=RATE", value_parser = super::options::growth_arg)]
    pub growth: Vec<(String, f64)>,
}

#[derive(Debug, Args)]
pub struct UncertaintyArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Number of draws (1 to 100 000).
    // A negative count is read as the option's value and refused as one, not taken for an
    // unknown option.
    #[arg(long, default_value_t = crate::engine::uncertainty::DEFAULT_RUNS, allow_negative_numbers = true)]
    pub runs: usize,
    /// Seed of the draws: the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Latin hypercube sampling instead of independent draws.
    #[arg(long)]
    pub lhs: bool,
    /// KEY=DIST: draw KEY's rate from normal:MEAN,SD[,MIN,MAX], uniform:MIN,MAX or
    /// triangular:MIN,MODE,MAX (fractions: 0.075 is 7.5 %).
    #[arg(long, value_name = "KEY=DIST", value_parser = super::options::uncertain_arg)]
    pub uncertain: Vec<crate::model::Uncertain>,
    /// KEY1,KEY2=RHO: draw the two uncertain levers with rank correlation RHO (−1 to 1),
    /// replacing the scenario's for that pair (repeatable).
    #[arg(long, value_name = "KEY1,KEY2=RHO", value_parser = super::options::correlate_arg, allow_hyphen_values = true)]
    pub correlate: Vec<crate::model::Correlation>,
    /// Series of the fan table (default: every series).
    #[arg(long = "series", value_name = "KEY")]
    pub fan_series: Vec<String>,
    /// Which table to print: fan percentiles, exceedance probabilities, or (importance) each
    /// uncertain lever's share of the variance of one result, CSV lever,share, largest first.
    #[arg(long, value_enum, default_value_t = UncertaintyTable::Fan)]
    pub table: UncertaintyTable,
    /// With --table importance: the probability of this pollutant's emission having exceeded
    /// its capacity by --year, instead of a series' value.
    #[arg(long, value_name = "POLLUTANT", conflicts_with = "fan_series")]
    pub capacity: Option<String>,
    /// With --table importance: the year of the result.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UncertaintyTable {
    Fan,
    Exceedance,
    Importance,
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
    #[arg(long, value_enum, default_value_t = TableArg::Projection)]
    pub table: TableArg,
    /// The chart a .png shows, such as capacity-COD, target-energy_intensity, group-water
    /// (default: the first chart).
    #[arg(long, value_name = "NAME")]
    pub chart: Option<String>,
    /// Project to this year instead of the scenario's horizon (at most 2060).
    #[arg(long, value_name = "YEAR")]
    pub horizon: Option<i32>,
    /// Replace KEY's rule by constant growth at RATE (a fraction: 0.075) from the base year.
    #[arg(long, value_name = "KEY=RATE", value_parser = super::options::growth_arg)]
    pub growth: Vec<(String, f64)>,
    /// Run this many Monte Carlo draws over the scenario's uncertain rates and add their
    /// results (probabilities of exceeding capacity, fans of the compared series) to an .xlsx.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
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

/// `fit --method`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Average annual growth between --from and --to.
    Cagr,
    /// Least-squares growth.
    Loglinear,
    /// A constant change a year.
    Linear,
    /// Against --driver, with its yearly change.
    Intensity,
    /// Log–log against --driver.
    Elasticity,
}

impl From<MethodArg> for crate::engine::fit::FitMethod {
    fn from(arg: MethodArg) -> Self {
        use crate::engine::fit::FitMethod;
        match arg {
            MethodArg::Cagr => FitMethod::Cagr,
            MethodArg::Loglinear => FitMethod::LogLinear,
            MethodArg::Linear => FitMethod::Linear,
            MethodArg::Intensity => FitMethod::Intensity,
            MethodArg::Elasticity => FitMethod::Elasticity,
        }
    }
}

/// `new --kind`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// 区: a city district, assessed at county level without the rural rows.
    District,
    /// 县
    County,
    /// 市
    City,
}

impl From<KindArg> for crate::plan::frame::PlaceKind {
    fn from(arg: KindArg) -> Self {
        use crate::plan::frame::PlaceKind;
        match arg {
            KindArg::District => PlaceKind::District,
            KindArg::County => PlaceKind::County,
            KindArg::City => PlaceKind::City,
        }
    }
}

/// `export --table`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    Projection,
    Capacity,
    Targets,
    /// The indicator values as a template to fill in (.csv or .xlsx).
    Indicators,
}

impl From<TableArg> for crate::io::export::Table {
    fn from(arg: TableArg) -> Self {
        use crate::io::export::Table;
        match arg {
            TableArg::Projection => Table::Projection,
            TableArg::Capacity => Table::Capacity,
            TableArg::Targets => Table::Targets,
            TableArg::Indicators => Table::Indicators,
        }
    }
}

/// `--theme`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    System,
}

#[cfg(feature = "gui")]
impl From<ThemeArg> for crate::ui::ThemeChoice {
    fn from(arg: ThemeArg) -> Self {
        use crate::ui::ThemeChoice;
        match arg {
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
            ThemeArg::System => ThemeChoice::System,
        }
    }
}
