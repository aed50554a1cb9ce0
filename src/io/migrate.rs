//! Older scenario file formats, read and turned into the current one. Each old version keeps
//! its own types here, so the current model never carries old fields.

use serde::Deserialize;

use crate::model::{
    Capacity, CapacityBasis, Indicator, Label, Medium, Metadata, Methods, Project, ProjectGroup,
    Scenario, Series, Target, default_near_threshold,
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
    indicators: Vec<Indicator>,
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
        Scenario {
            format_version: crate::model::FORMAT_VERSION,
            metadata: self.metadata,
            base_year: self.base_year,
            horizon: self.horizon,
            milestones: self.milestones,
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
                    source: c.source,
                })
                .collect(),
            targets: self.targets,
            indicators: self.indicators,
            project_groups: self.project_groups,
            projects: self.projects,
            methods: Methods::default(),
            uncertainty: Vec::new(),
        }
    }
}
