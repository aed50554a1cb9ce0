//! How the plan's chapter is framed: its number and title, the sections it holds and in what
//! order, the history years its projection table shows. Set in the export dialog and kept in
//! the scenario file, so that the chapter comes out the same next time and on a colleague's
//! machine.

use serde::{Deserialize, Serialize};

use super::Label;
use crate::units::Unit;

/// The unit the chapter prints a series in, as the plan writes it (garbage in 万吨 where the
/// series is kept in t/a); the scenario keeps its own unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterUnit {
    pub series: String,
    pub unit: Unit,
}

/// One section of the chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Section {
    /// The economic and social projection, series by series, with its basis.
    Projection,
    /// Water and air carrying capacity, with the method where a capacity is derived.
    Capacity,
    /// The ecological footprint against the ecological carrying capacity.
    Footprint,
    /// The ecological status index (HJ 192-2015).
    Ecological,
    /// Whether the targets are reached, with the gap and the change that would close it.
    Targets,
    /// The indicators' assessment.
    Indicators,
    /// The scenarios of a workspace side by side.
    Scenarios,
    /// Bands and probabilities of exceeding capacity, from a Monte Carlo run.
    Uncertainty,
    /// The assumptions with their sources.
    Assumptions,
}

impl Section {
    /// Every section, in the order a plan's chapter has them (the order declared).
    pub const ALL: &[Section] = <Section as strum::VariantArray>::VARIANTS;
}

/// How headings are numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Numbering {
    /// As Chinese plans number them: 一、（一）1.
    #[default]
    Plan,
    /// By the chapter's number: 3.1, 3.1.1.
    Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterSettings {
    /// The chapter's number in the plan (第三章); 0 for a chapter without one.
    #[serde(default = "default_number")]
    pub number: u32,
    #[serde(default = "default_title", with = "super::note")]
    pub title: Label,
    #[serde(default)]
    pub numbering: Numbering,
    /// The sections, in their order; one left out is not in the chapter.
    #[serde(default = "default_sections")]
    pub sections: Vec<Section>,
    /// Years of the history (before the base year) that the projection table shows beside
    /// the base year and the milestones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history_years: Vec<i32>,
    /// A figure for every pollutant, also those far below their capacity (summarised in one
    /// table and sentence otherwise).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub every_figure: bool,
    /// Series printed in another unit than the scenario's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<ChapterUnit>,
}

fn default_number() -> u32 {
    1
}

fn default_title() -> Label {
    Label::new("预测与环境承载力分析", "Projections and carrying capacity")
}

fn default_sections() -> Vec<Section> {
    Section::ALL.to_vec()
}

impl Default for ChapterSettings {
    fn default() -> Self {
        ChapterSettings {
            number: default_number(),
            title: default_title(),
            numbering: Numbering::default(),
            sections: default_sections(),
            history_years: Vec::new(),
            every_figure: false,
            units: Vec::new(),
        }
    }
}

impl ChapterSettings {
    /// Whether the scenario file needs to say anything.
    pub fn is_default(&self) -> bool {
        *self == ChapterSettings::default()
    }

    /// The unit the chapter prints `series` in, where it chooses one.
    pub fn unit_of(&self, series: &str) -> Option<&Unit> {
        self.units
            .iter()
            .find(|u| u.series == series)
            .map(|u| &u.unit)
    }
}
