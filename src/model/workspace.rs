//! Several scenarios in one file. A scenario may inherit from another and store only what it
//! changes, as LEAP's scenarios do.

use serde::{Deserialize, Serialize};

use super::{
    CapacityBasis, ChapterSettings, Indicator, Label, Metadata, Methods, Observation, Period,
    Project, ProjectGroup, Rule, Scenario, Uncertain,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub format_version: u32,
    pub workspace: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    /// The member this one inherits from; `None` for a scenario stored whole.
    #[serde(default)]
    pub parent: Option<String>,
    pub scenario: Definition,
}

// A change list is a few hundred bytes of empty lists and `None`s, one per member (at most
// `MAX_MEMBERS`): boxing it would only add an allocation per member.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Definition {
    /// A whole scenario.
    Full(Box<Scenario>),
    /// What differs from the parent. Inheritance resolves from the root down: the parent is
    /// resolved first, then these changes apply in the order they are listed.
    Changes(Changes),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<SeriesChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacities: Vec<CapacityChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Vec<Uncertain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlations: Option<Vec<crate::model::Correlation>>,
    /// Indicators that differ from the parent's: each replaces the parent's row of its number
    /// (values typed or imported for this scenario, another target, a task's progress).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The scenario's description (region, author, notes) where it differs; its name is the
    /// member's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// The milestones and their periods, where they differ (a scenario looking further).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<i32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<Period>>,
    /// The derived methods' parameters, where they differ (another river flow, another
    /// footprint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub methods: Option<Box<Methods>>,
    /// The projects and their groups, where they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_groups: Option<Vec<ProjectGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<Vec<Project>>,
    /// How the chapter is framed, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter: Option<Box<ChapterSettings>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesChange {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The series' observed values, where they differ from the parent's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<Vec<Observation>>,
    /// The series' display precision, where it differs from the parent's (`Some(None)`: five
    /// significant digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<Option<u8>>,
    /// Where the base value and rule come from, where it differs (a variant's own rate says
    /// why it is its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Label>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityChange {
    pub pollutant: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<CapacityBasis>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetChange {
    pub key: String,
    pub threshold: f64,
}
