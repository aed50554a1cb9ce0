//! Older scenario file formats, read and turned into the current one. Each old version keeps
//! its own types here, so the current model never carries old fields.

use serde::Deserialize;

use crate::model::{
    Better, Capacity, CapacityBasis, Changes, Definition, Difficulty, Indicator, IndicatorKind,
    IndicatorTarget, Label, Medium, Member, Metadata, Methods, Observation, Project, ProjectGroup,
    Scenario, Series, StatedStatus, Target, TaskProgress, TaskState, Uncertain, Workspace,
    default_near_threshold,
};
use crate::units::Unit;

/// Format version 1: one near-capacity threshold for the whole scenario.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioV1 {
    format_version: u32,
    metadata: Metadata,
    base_year: i32,
    horizon: i32,
    milestones: Vec<i32>,
    #[serde(default = "default_near_threshold")]
    near_threshold: f64,
    series: Vec<Series>,
    #[serde(default)]
    capacities: Vec<CapacityV1>,
    #[serde(default)]
    targets: Vec<Target>,
    #[serde(default)]
    indicators: Vec<IndicatorV4>,
    #[serde(default)]
    project_groups: Vec<ProjectGroup>,
    #[serde(default)]
    projects: Vec<Project>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CapacityV1 {
    pollutant: String,
    label: Label,
    medium: Medium,
    value: f64,
    unit: Unit,
    series: String,
    #[serde(default)]
    source: String,
}

impl ScenarioV1 {
    /// Version 2 gives each capacity the scenario's threshold.
    pub fn migrate(self) -> Scenario {
        debug_assert_eq!(self.format_version, 1);
        let near_threshold = self.near_threshold;
        let indicators = migrate_indicators(self.indicators, self.base_year);
        keep_fitting_links(Scenario {
            format_version: crate::model::FORMAT_VERSION,
            metadata: self.metadata,
            base_year: self.base_year,
            horizon: self.horizon,
            milestones: self.milestones,
            periods: Vec::new(),
            series: self.series,
            capacities: self
                .capacities
                .into_iter()
                .map(|c| Capacity {
                    pollutant: c.pollutant,
                    label: c.label,
                    medium: c.medium,
                    value: c.value,
                    basis: CapacityBasis::Typed,
                    unit: c.unit,
                    series: c.series,
                    near_threshold,
                    source: Label::same(&c.source),
                })
                .collect(),
            targets: self.targets,
            indicators,
            project_groups: self.project_groups,
            projects: self.projects,
            methods: Methods::default(),
            uncertainty: Vec::new(),
            correlations: Vec::new(),
            chapter: Default::default(),
        })
    }
}

/// Format versions 2 to 4: the current scenario with indicators of typed statuses (versions 2
/// and 3 lack only fields that have defaults).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioV4 {
    metadata: Metadata,
    base_year: i32,
    horizon: i32,
    milestones: Vec<i32>,
    series: Vec<Series>,
    #[serde(default)]
    capacities: Vec<Capacity>,
    #[serde(default)]
    targets: Vec<Target>,
    #[serde(default)]
    indicators: Vec<IndicatorV4>,
    #[serde(default)]
    project_groups: Vec<ProjectGroup>,
    #[serde(default)]
    projects: Vec<Project>,
    #[serde(default)]
    methods: Methods,
    #[serde(default)]
    uncertainty: Vec<Uncertain>,
    // Read to be dropped: the version is the caller's business.
    #[allow(dead_code)]
    format_version: u32,
}

/// Drops the links the migrated scenario cannot compute (a series missing, a unit that does not
/// convert, no EI parameters): the file opens as it did, those rows keep their stated status.
fn keep_fitting_links(mut scenario: Scenario) -> Scenario {
    let fits: Vec<bool> = scenario
        .indicators
        .iter()
        .map(|i| crate::engine::indicators::link_fits(&scenario, i))
        .collect();
    for (indicator, fits) in scenario.indicators.iter_mut().zip(fits) {
        if !fits {
            indicator.link = None;
        }
    }
    scenario
}

impl ScenarioV4 {
    pub fn migrate(self) -> Scenario {
        keep_fitting_links(Scenario {
            format_version: crate::model::FORMAT_VERSION,
            indicators: migrate_indicators(self.indicators, self.base_year),
            metadata: self.metadata,
            base_year: self.base_year,
            horizon: self.horizon,
            milestones: self.milestones,
            periods: Vec::new(),
            series: self.series,
            capacities: self.capacities,
            targets: self.targets,
            project_groups: self.project_groups,
            projects: self.projects,
            methods: self.methods,
            uncertainty: self.uncertainty,
            correlations: Vec::new(),
            chapter: Default::default(),
        })
    }
}

/// A version-4 workspace: members whose whole scenarios carry version-4 indicators.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceV4 {
    #[allow(dead_code)]
    format_version: u32,
    workspace: Vec<MemberV4>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberV4 {
    name: String,
    #[serde(default)]
    parent: Option<String>,
    scenario: DefinitionV4,
}

// Read once per member of an old file, as `Definition` is.
#[allow(clippy::large_enum_variant)]
#[derive(Deserialize)]
enum DefinitionV4 {
    Full(Box<ScenarioV4>),
    Changes(Changes),
}

impl WorkspaceV4 {
    pub fn migrate(self) -> Workspace {
        Workspace {
            format_version: crate::model::FORMAT_VERSION,
            workspace: self
                .workspace
                .into_iter()
                .map(|m| Member {
                    name: m.name,
                    parent: m.parent,
                    scenario: match m.scenario {
                        DefinitionV4::Full(s) => Definition::Full(Box::new(s.migrate())),
                        DefinitionV4::Changes(c) => Definition::Changes(c),
                    },
                })
                .collect(),
        }
    }
}

/// An indicator of format versions 1 to 4: a baseline and a typed status.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorV4 {
    number: String,
    system: Label,
    name: Label,
    unit: String,
    kind: IndicatorKind,
    applies: bool,
    #[serde(default)]
    baseline: Option<f64>,
    target: TargetV4,
    status: StatusV4,
    #[serde(default)]
    difficulty: Difficulty,
    #[serde(default)]
    notes: String,
}

#[derive(Deserialize)]
enum TargetV4 {
    AtLeast(f64),
    AtMost(f64),
    Equal(f64),
    Improving,
    Task(Label),
}

#[derive(Clone, Copy, Deserialize)]
enum StatusV4 {
    Met,
    Pending,
    NotMet,
    NotAssessed,
}

/// The national frame's row of this number and Chinese name, if the indicator is one.
fn frame_row(number: &str, name: &Label) -> Option<crate::plan::frame::FrameRow> {
    crate::plan::frame::national_frame()
        .rows
        .iter()
        .find(|row| row.number == number && row.name.zh == name.zh)
        .cloned()
}

/// A typed status becomes the stated status (a task's becomes its progress); a baseline becomes
/// the value observed in the base year. "Improving" had no direction: a row of the national
/// frame takes the frame's, any other row down for per-GDP intensities (a unit "…/万元") and up
/// otherwise. Rows of the national frame get the frame's decimals and the links their numbers have (`link_to_scenario`)
/// where the scenario has what they link to, so an old file computes as a new one does.
fn migrate_indicators(indicators: Vec<IndicatorV4>, base_year: i32) -> Vec<Indicator> {
    indicators
        .into_iter()
        .map(|old| {
            let target = match old.target {
                TargetV4::AtLeast(v) => IndicatorTarget::AtLeast(v),
                TargetV4::AtMost(v) => IndicatorTarget::AtMost(v),
                TargetV4::Equal(v) => IndicatorTarget::Equal(v),
                TargetV4::Improving => IndicatorTarget::Improving(
                    frame_row(&old.number, &old.name)
                        .and_then(|row| match row.target {
                            IndicatorTarget::Improving(better) => Some(better),
                            _ => None,
                        })
                        .unwrap_or(if old.unit.contains("/万元") {
                            Better::Lower
                        } else {
                            Better::Higher
                        }),
                ),
                TargetV4::Task(label) => IndicatorTarget::Task(label),
            };
            let stated = match old.status {
                StatusV4::Met => Some(StatedStatus::Met),
                StatusV4::Pending => Some(StatedStatus::Pending),
                StatusV4::NotMet => Some(StatedStatus::NotMet),
                StatusV4::NotAssessed => None,
            };
            let is_task = matches!(target, IndicatorTarget::Task(_));
            let task = stated.filter(|_| is_task).map(|stated| TaskProgress {
                state: TaskState::from_stated(stated),
                date: String::new(),
                note: "typed before format 5".into(),
            });
            let row = frame_row(&old.number, &old.name);
            let national = row.is_some();
            let mut indicator = Indicator {
                number: old.number,
                system: old.system,
                name: old.name,
                unit: old.unit,
                kind: old.kind,
                applies: old.applies,
                observed: old
                    .baseline
                    .map(|value| Observation {
                        year: base_year,
                        value,
                        source: "baseline before format 5".into(),
                    })
                    .into_iter()
                    .collect(),
                target,
                periods: Vec::new(),
                link: None,
                stated: stated.filter(|_| !is_task),
                task,
                difficulty: old.difficulty,
                notes: Label::same(&old.notes),
                // A national row is shown in the frame's decimals, like a new district's.
                decimals: row.and_then(|r| r.decimals),
            };
            if national && indicator.applies {
                crate::plan::link_to_scenario(&mut indicator);
            }
            indicator
        })
        .collect()
}
