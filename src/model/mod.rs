//! The scenario: plain data, serialised as RON. Nothing here computes; see `engine`.

mod capacity;
mod chapter;
mod indicator;
mod methods;
pub mod note;
mod project;
pub mod references;
mod series;
mod target;
mod uncertainty;
mod workspace;

pub use capacity::{Capacity, CapacityBasis, Medium};
pub use chapter::{ChapterSettings, ChapterUnit, Numbering, Section};
pub use indicator::{
    Better, ChangeKind, Difficulty, Indicator, IndicatorKind, IndicatorLink, IndicatorTarget,
    Observation, PeriodTarget, StatedStatus, TaskProgress, TaskState, is_percent_unit,
};
pub use methods::{
    AirMethod, AirPollutant, AirZone, ConsumptionItem, EiMethod, FootprintMethod, LandType,
    Methods, WaterBody, WaterMethod, WaterModel, WaterPollutant,
};
pub use project::{Project, ProjectGroup};
pub use series::{Group, RateChange, Rule, Series};
pub use target::{Comparison, Metric, Target};
pub use uncertainty::{
    Correlation, Distribution, LeverKind, Uncertain, lever_kind, lever_value, with_lever,
};
pub use workspace::{
    CapacityChange, Changes, Definition, Member, SeriesChange, TargetChange, Workspace,
};

use serde::{Deserialize, Serialize};

/// The version of the scenario file format this build writes. Older versions are migrated on
/// load (see `io::migrate`); newer ones are refused.
///
/// - 1: the first format.
/// - 2: the near-capacity threshold moved from the scenario to each capacity, since practice
///   differs between pollutants (the plan calls NOx 临近饱和 against a capacity of 0).
/// - 3: the methods behind capacities, footprint and EI (`methods`), and each capacity's basis
///   (typed or derived). A version-2 file reads as version 3 with the typed basis and no methods.
/// - 4: `uncertainty`, the distributions of uncertain rates. Versions 2 and 3 read as version 4
///   with none.
/// - 5: indicators compute. Each holds observed values by year, targets by period, a link to
///   the projection or a method, the status a plan states where it gives no value, and a task's
///   progress; "improving" says which way is better. Series hold observed values beside their
///   projection. A version-4 file's typed status becomes the stated status (a task's becomes its
///   progress), its baseline the observed value of the base year (`io::migrate`).
/// - 6: notes in two languages (`source: (zh: …, en: …)`, `model::note`) and a display precision
///   (`decimals`) per series and indicator. A version-5 file reads as it is (its notes are plain
///   strings, read as the same in both languages); the version is raised so that an ecoplan of
///   version 5 refuses a file it cannot read with "newer than this ecoplan reads", not a type
///   error.
/// - 7: a plan's periods (`periods`, each named and ending at a milestone) and targets relative
///   to a year (`relative_to`). A version-6 file reads as it is (no periods, every threshold
///   absolute); the version is raised so that an ecoplan of version 6 refuses the new fields by
///   the file's version. The same version also holds the chapter's frame (`chapter`) and the
///   rank correlations of uncertain levers (`correlations`), each left out while empty.
pub const FORMAT_VERSION: u32 = 7;

/// The latest year a projection may reach.
pub const MAX_HORIZON: i32 = 2060;

/// The earliest base year: China's statistical series start around 1949, and a bound keeps a
/// projection (and a Monte Carlo over it) to at most `MAX_PROJECTED_YEARS`.
pub const MIN_BASE_YEAR: i32 = 1949;

/// The most years one projection holds, base year included.
pub const MAX_PROJECTED_YEARS: usize = (MAX_HORIZON - MIN_BASE_YEAR + 1) as usize;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format_version: u32,
    pub metadata: Metadata,
    pub base_year: i32,
    pub horizon: i32,
    pub milestones: Vec<i32>,
    /// The plan's periods by name (创建期 to the first milestone, 提升期 to the next), each
    /// ending at a milestone; a milestone without one is named by its year alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    pub series: Vec<Series>,
    #[serde(default)]
    pub capacities: Vec<Capacity>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub project_groups: Vec<ProjectGroup>,
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Parameters of the capacity, footprint and EI methods.
    #[serde(default)]
    pub methods: Methods,
    /// Rates drawn from distributions in Monte Carlo runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<Uncertain>,
    /// Rank correlations between uncertain levers (none: drawn independently).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<Correlation>,
    /// How the plan's chapter is framed (its number, title, sections, history years).
    #[serde(default, skip_serializing_if = "ChapterSettings::is_default")]
    pub chapter: ChapterSettings,
}

/// The most decimals a series or indicator is shown with (`decimals`, checked on load): past
/// 12 an f64 shows noise, not data.
pub const MAX_DECIMALS: u8 = 12;

/// Utilisation at or above which a capacity reads as "near" (临近饱和) unless a file says
/// otherwise.
pub fn default_near_threshold() -> f64 {
    0.8
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub author: String,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "note")]
    pub notes: Label,
}

/// A named period of the plan, from the milestone before it (or the base year) to `until`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The milestone the period ends at.
    pub until: i32,
    #[serde(with = "note")]
    pub name: Label,
}

/// A label in the interface's two languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl Label {
    pub fn new(zh: &str, en: &str) -> Label {
        Label {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }
}

impl Scenario {
    /// An empty scenario: the starting point of "New → empty".
    pub fn empty() -> Scenario {
        Scenario {
            format_version: FORMAT_VERSION,
            metadata: Metadata {
                name: "Untitled".into(),
                ..Metadata::default()
            },
            base_year: 2021,
            horizon: 2028,
            milestones: vec![2025, 2028],
            periods: Vec::new(),
            series: Vec::new(),
            capacities: Vec::new(),
            targets: Vec::new(),
            indicators: Vec::new(),
            project_groups: Vec::new(),
            projects: Vec::new(),
            methods: Methods::default(),
            uncertainty: Vec::new(),
            correlations: Vec::new(),
            chapter: Default::default(),
        }
    }

    pub fn series(&self, key: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.key == key)
    }

    /// The capacity of a pollutant, by its key.
    pub fn capacity(&self, pollutant: &str) -> Option<&Capacity> {
        self.capacities.iter().find(|c| c.pollutant == pollutant)
    }

    pub fn series_mut(&mut self, key: &str) -> Option<&mut Series> {
        self.series.iter_mut().find(|s| s.key == key)
    }

    /// The decimals a target's values are shown in: its series' where it measures one, else
    /// those of the indicator that measures the same ratio (indicator 20's 0.159 tce/万元 for the
    /// energy-intensity target), else none (five significant digits).
    pub fn target_decimals(&self, key: &str) -> Option<u8> {
        let target = self.targets.iter().find(|t| t.key == key)?;
        match &target.metric {
            Metric::Series(series) => self.series(series)?.decimals,
            ratio @ Metric::Ratio { .. } => {
                self.indicators
                    .iter()
                    .find(|i| i.link.as_ref() == Some(&IndicatorLink::Metric(ratio.clone())))?
                    .decimals
            }
        }
    }

    /// The name of the period ending at `milestone`, where the plan names one.
    pub fn period_name(&self, milestone: i32) -> Option<&Label> {
        self.periods
            .iter()
            .find(|p| p.until == milestone)
            .map(|p| &p.name)
    }

    /// Whether `other` is this scenario but for the chapter's frame: what the analysis and a
    /// Monte Carlo run depend on is the same.
    pub fn same_but_chapter(&self, other: &Scenario) -> bool {
        if self.chapter == other.chapter {
            return self == other;
        }
        let framed = Scenario {
            chapter: other.chapter.clone(),
            ..self.clone()
        };
        framed == *other
    }

    /// The years of history before the base year that tables show: from the first year any
    /// series has a value for, to the year before the base year.
    pub fn history_span(&self) -> Vec<i32> {
        self.series
            .iter()
            .flat_map(|s| s.observed.iter().map(|o| o.year))
            .filter(|&y| y < self.base_year)
            .min()
            .map_or_else(Vec::new, |first| (first..self.base_year).collect())
    }

    /// The years tables show: the base year, the milestones up to the horizon, and the horizon.
    pub fn shown_years(&self) -> Vec<i32> {
        let mut years = vec![self.base_year];
        years.extend(
            self.milestones
                .iter()
                .copied()
                .filter(|&y| y > self.base_year && y <= self.horizon),
        );
        years.push(self.horizon);
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Years from the base year to the horizon, inclusive.
    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.base_year..=self.horizon
    }
}
