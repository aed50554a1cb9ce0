//! The window's views. They read the document and push `Command`s; they never change the
//! scenario themselves. `app` runs the commands.

pub mod chart;
pub mod fonts;
pub mod theme;
pub mod views;
pub mod widgets;

use serde::{Deserialize, Serialize};

use crate::charts::ChartSpec;
use crate::document::{Document, Edit};
use crate::i18n::{Lang, Tr};

/// The navigator's entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    #[default]
    Overview,
    Baselines,
    Assumptions,
    Projections,
    CapacityWater,
    CapacityAir,
    Indicators,
    Targets,
    Projects,
    Footprint,
    Ei,
}

impl View {
    pub const ALL: [View; 11] = [
        View::Overview,
        View::Baselines,
        View::Assumptions,
        View::Projections,
        View::CapacityWater,
        View::CapacityAir,
        View::Indicators,
        View::Targets,
        View::Projects,
        View::Footprint,
        View::Ei,
    ];

    pub fn title(self) -> Tr {
        match self {
            View::Overview => Tr::Overview,
            View::Baselines => Tr::Baselines,
            View::Assumptions => Tr::Assumptions,
            View::Projections => Tr::Projections,
            View::CapacityWater => Tr::CapacityWater,
            View::CapacityAir => Tr::CapacityAir,
            View::Indicators => Tr::Indicators,
            View::Targets => Tr::Targets,
            View::Projects => Tr::Projects,
            View::Footprint => Tr::Footprint,
            View::Ei => Tr::Ei,
        }
    }

    /// The name used by `--view`.
    pub fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Baselines => "baselines",
            View::Assumptions => "assumptions",
            View::Projections => "projections",
            View::CapacityWater => "capacity-water",
            View::CapacityAir => "capacity-air",
            View::Indicators => "indicators",
            View::Targets => "targets",
            View::Projects => "projects",
            View::Footprint => "footprint",
            View::Ei => "ei",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|v| v.key() == key || (key == "capacity" && *v == View::CapacityWater))
    }
}

/// What the interface remembers between runs (eframe persistence).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub view: View,
    pub lang: Lang,
    pub large_font: bool,
    /// Series shown in the projections chart.
    pub chart_series: Vec<String>,
    pub indicators_not_met_only: bool,
    pub indicators_hard_only: bool,
    /// Most recent first.
    pub recent_files: Vec<std::path::PathBuf>,
}

impl Default for UiState {
    fn default() -> UiState {
        UiState {
            view: View::Overview,
            lang: Lang::Zh,
            large_font: false,
            chart_series: [
                "gdp",
                "energy",
                "water_domestic",
                "water_industrial",
                "water_ecological",
            ]
            .map(String::from)
            .to_vec(),
            indicators_not_met_only: false,
            indicators_hard_only: false,
            recent_files: Vec::new(),
        }
    }
}

/// How many recent files the File menu lists.
pub const RECENT_FILES: usize = 8;

impl UiState {
    /// Puts `path` first in the recent files.
    pub fn remember_file(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}

/// An intent from a view, run by the app in one place.
#[derive(Clone, Debug)]
pub enum Command {
    /// `merge`: continue the last undo step (a slider being dragged).
    Apply {
        edit: Edit,
        merge: bool,
    },
    Undo,
    Redo,
    Show(View),
    /// Copy a chart to the clipboard as an image.
    CopyChart(Box<ChartSpec>),
    /// Save a chart as a PNG (asks where).
    SaveChart(Box<ChartSpec>),
}

/// What a view gets: the document to read, the language, and where to put its commands.
pub struct ViewCtx<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    pub fn tr(&self, key: Tr) -> &'static str {
        key.get(self.lang)
    }

    pub fn apply(&mut self, edit: Edit) {
        self.commands.push(Command::Apply { edit, merge: false });
    }
}
