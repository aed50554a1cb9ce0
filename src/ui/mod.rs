//! The window's views. They read the document and push `Command`s; they never change the
//! scenario themselves. `app` runs the commands.

pub mod chapter_form;
pub mod chart;
pub mod command;
pub mod fonts;
pub mod job;
pub mod theme;
pub mod view_state;
pub mod views;
pub mod widgets;
pub mod window_request;

use serde::{Deserialize, Serialize};

pub use command::UiCommand;
pub use job::{JobError, JobStatus, Progress};
pub use window_request::WindowRequest;

use crate::charts::ChartSpec;
use crate::document::{Document, Edit};
use crate::i18n::{Lang, Tr};

/// The navigator's entries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray,
)]
pub enum View {
    #[default]
    Overview,
    Plan,
    WhatIf,
    Baselines,
    Assumptions,
    Projections,
    History,
    CapacityWater,
    CapacityAir,
    Indicators,
    Targets,
    Projects,
    Footprint,
    Ei,
    Uncertainty,
    GoalSeek,
    Compare,
}

impl View {
    /// Every view, in the navigator's order (the order declared, and of `views::VIEWS`).
    pub const ALL: &[View] = <View as strum::VariantArray>::VARIANTS;

    /// The view's row in the table of views.
    pub fn info(self) -> &'static views::ViewInfo {
        views::VIEWS
            .iter()
            .find(|info| info.view == self)
            .expect("every view has a row in views::VIEWS")
    }

    pub fn title(self) -> Tr {
        self.info().title
    }

    /// The name used by `--view` and for the view's screenshot.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    pub fn from_key(key: &str) -> Option<View> {
        views::VIEWS
            .iter()
            .find(|info| info.key == key || (key == "capacity" && info.view == View::CapacityWater))
            .map(|info| info.view)
    }
}

/// Light (the default: projectors wash out dark themes), dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
    System,
}

/// What the interface remembers between runs (eframe persistence).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub view: View,
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub large_font: bool,
    /// Most recent first.
    pub recent_files: Vec<std::path::PathBuf>,
    // Each view's own state: a view reads and changes its own, never another's.
    pub projections: view_state::ProjectionsState,
    pub indicators: view_state::IndicatorsState,
    #[serde(skip)]
    pub whatif: view_state::WhatIfState,
    pub uncertainty: view_state::UncertaintyState,
    pub compare: view_state::CompareState,
    pub seek: SeekState,
}

/// The result whose drivers a view shows (the Uncertainty view's, the what-if view's), and the
/// shares last computed for it.
#[derive(Clone, Debug, Default)]
pub struct ImportanceState {
    /// `None`: a series' value; a pollutant: having exceeded its capacity.
    pub capacity: Option<String>,
    /// The series whose value is asked about, where the view offers several; the first
    /// offered where none is chosen.
    pub series: Option<String>,
    /// The year of the result; the horizon where none is chosen.
    pub year: Option<i32>,
    /// The shares, with the revision, outcome and settings they were computed for.
    pub shares: Option<ImportanceAnswer>,
}

/// What `engine::importance` answered, and the question.
pub type ImportanceAnswer = (
    u64,
    crate::engine::importance::Outcome,
    crate::engine::uncertainty::MonteCarlo,
    Result<Vec<crate::engine::importance::Share>, String>,
);

/// Which kind of goal the goal-seek form solves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoalKind {
    /// One of the scenario's targets.
    #[default]
    Target,
    /// A pollutant under its capacity in every year up to a year.
    Capacity,
    /// A series at most (or at least) a value in a year.
    Bound,
}

/// The question a goal-seek answer answers, about one state of the scenario: the answer shows
/// only while the form still asks it of that state.
#[derive(Clone, Debug, PartialEq)]
pub struct SeekQuery {
    pub goal: crate::engine::seek::Goal,
    pub lever: String,
    pub range: (f64, f64),
    /// `Document::revision` of the scenario asked about.
    pub revision: u64,
}

/// A sensitivity run's result: the value watched, and each lever's swing widest first.
pub type SensitivityResult = Result<(f64, Vec<crate::engine::seek::Swing>), String>;

/// The goal-seek and sensitivity form.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct SeekState {
    pub goal: GoalKind,
    pub bound_series: String,
    pub bound_year: i32,
    pub bound_at_most: bool,
    pub bound_value: f64,
    pub target: String,
    pub pollutant: String,
    pub until: i32,
    pub lever: String,
    /// The search's range as the lever reads (% of a rate, an elasticity as it is).
    pub low_percent: f64,
    pub high_percent: f64,
    /// The kind of lever the range was set for: another kind brings its own default range.
    #[serde(skip)]
    pub range_kind: Option<crate::model::LeverKind>,
    pub sensitivity_series: String,
    pub sensitivity_year: i32,
    /// The last answer and the question it answers.
    #[serde(skip)]
    pub answer: Option<(SeekQuery, Result<crate::engine::seek::SeekAnswer, String>)>,
    /// The goal whose default lever the form last chose (kind and what it names, not its
    /// numbers): a lever the user picks stays while only the goal's numbers change.
    #[serde(skip)]
    pub lever_chosen_for: Option<(GoalKind, String)>,
    /// The last sensitivity result, with the `Document::revision` it was computed for.
    #[serde(skip)]
    pub swings: Option<(u64, SensitivityResult)>,
}

impl SeekState {
    /// Points what the form names at the open scenario: a target, capacity or series it does
    /// not have becomes its first one, and a year before its base year its horizon, so
    /// that a new district's form never asks about another district's figures.
    pub fn fit_to(&mut self, scenario: &crate::model::Scenario) {
        let first_or = |current: &mut String, keys: Vec<&str>| {
            if !keys.contains(&current.as_str())
                && let Some(first) = keys.first()
            {
                *current = (*first).to_owned();
            }
        };
        first_or(
            &mut self.target,
            scenario.targets.iter().map(|t| t.key.as_str()).collect(),
        );
        first_or(
            &mut self.pollutant,
            scenario
                .capacities
                .iter()
                .map(|c| c.pollutant.as_str())
                .collect(),
        );
        let series: Vec<&str> = scenario.series.iter().map(|s| s.key.as_str()).collect();
        let bound_before = self.bound_series.clone();
        first_or(&mut self.bound_series, series.clone());
        // A bound of another series (or none yet) starts at this series' base value.
        if self.bound_series != bound_before || !self.bound_value.is_finite() {
            self.bound_value = scenario
                .series(&self.bound_series)
                .and_then(|s| s.base)
                .unwrap_or(0.0);
        }
        first_or(&mut self.sensitivity_series, series);
        // No lever yet: the goal's own (`goal_seek::ui` chooses it); another's: the first.
        if !self.lever.is_empty() {
            first_or(
                &mut self.lever,
                scenario
                    .series
                    .iter()
                    .filter(|s| crate::model::lever_value(&s.rule).is_some())
                    .map(|s| s.key.as_str())
                    .collect(),
            );
        }
        // A goal may look past the horizon (the search projects as far as it asks), never
        // before the base year.
        let years = (scenario.base_year + 1)..=crate::model::MAX_HORIZON;
        for year in [
            &mut self.bound_year,
            &mut self.until,
            &mut self.sensitivity_year,
        ] {
            if !years.contains(year) {
                *year = scenario.horizon;
            }
        }
    }

    /// The goal the form shows now.
    pub fn goal(&self) -> crate::engine::seek::Goal {
        use crate::engine::seek::Goal;
        match self.goal {
            GoalKind::Target => Goal::Target(self.target.clone()),
            GoalKind::Capacity => Goal::Capacity {
                pollutant: self.pollutant.clone(),
                until: self.until,
            },
            GoalKind::Bound => Goal::Bound {
                series: self.bound_series.clone(),
                year: self.bound_year,
                comparison: if self.bound_at_most {
                    crate::model::Comparison::AtMost
                } else {
                    crate::model::Comparison::AtLeast
                },
                value: self.bound_value,
            },
        }
    }

    /// The question the form asks now of the scenario at `revision`, its lever of `kind`.
    pub fn query(&self, revision: u64, kind: crate::model::LeverKind) -> SeekQuery {
        let scale = kind.shown_scale();
        SeekQuery {
            goal: self.goal(),
            lever: self.lever.clone(),
            range: (self.low_percent / scale, self.high_percent / scale),
            revision,
        }
    }

    /// Sets the range to the default of a lever of `kind` when it was set for another kind
    /// (−20 % to 30 % a year means nothing for an elasticity).
    pub fn fit_range_to(&mut self, kind: crate::model::LeverKind) {
        if self.range_kind != Some(kind) {
            if self.range_kind.is_some() || kind != crate::model::LeverKind::Rate {
                let (low, high) = kind.default_range();
                self.low_percent = low * kind.shown_scale();
                self.high_percent = high * kind.shown_scale();
            }
            self.range_kind = Some(kind);
        }
    }

    /// What the goal is about: its kind and the target, pollutant or series it names.
    pub fn goal_identity(&self) -> (GoalKind, String) {
        let named = match self.goal {
            GoalKind::Target => &self.target,
            GoalKind::Capacity => &self.pollutant,
            GoalKind::Bound => &self.bound_series,
        };
        (self.goal, named.clone())
    }
}

impl Default for SeekState {
    fn default() -> SeekState {
        SeekState {
            // Nothing named until a scenario is open: `fit_to` names its own first target,
            // capacity and series, its horizon, and the lever that fits the goal.
            goal: GoalKind::Target,
            bound_series: String::new(),
            bound_year: 0,
            bound_at_most: true,
            bound_value: f64::NAN,
            target: String::new(),
            pollutant: String::new(),
            until: 0,
            lever: String::new(),
            low_percent: -20.0,
            high_percent: 30.0,
            range_kind: None,
            sensitivity_series: String::new(),
            sensitivity_year: 0,
            answer: None,
            lever_chosen_for: None,
            swings: None,
        }
    }
}

impl Default for UiState {
    fn default() -> UiState {
        UiState {
            view: View::Overview,
            lang: Lang::Zh,
            theme: ThemeChoice::Light,
            large_font: false,
            recent_files: Vec::new(),
            projections: Default::default(),
            indicators: Default::default(),
            whatif: Default::default(),
            uncertainty: Default::default(),
            compare: Default::default(),
            seek: SeekState::default(),
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

/// An intent from a menu, a shortcut, the palette or a view, run by the app in one place.
#[derive(Clone, Debug)]
pub enum Command {
    /// A named action (menus, shortcuts, the palette).
    Ui(UiCommand),
    /// `merge`: continue the last undo step (a slider being dragged).
    Apply {
        edit: Edit,
        merge: bool,
    },
    Show(View),
    /// Open this file (recent files, a dropped file), asking first about unsaved work.
    OpenFile(std::path::PathBuf),
    /// Copy a chart to the clipboard as an image.
    CopyChart(Box<ChartSpec>),
    /// Save a chart as a PNG (asks where).
    SaveChart(Box<ChartSpec>),
    /// Start Monte Carlo on a background thread.
    RunUncertainty(crate::engine::uncertainty::MonteCarlo),
    /// Start the what-if view's bands for the current scenario (its own run, beside the
    /// Uncertainty view's): the fans of these series and every capacity's exceedance.
    RunWhatIfBands(Vec<String>),
    CancelUncertainty,
    /// Make another scenario of the workspace the current one.
    SwitchMember(usize),
    /// Remove this member (the answer "Remove" to the question `UiCommand::RemoveScenario`
    /// asks); undoable.
    RemoveMember(usize),
    /// Give the current member another name; undoable.
    RenameMember(String),
    /// Tell the user what an edit did beyond what was asked (the horizon extended to a new
    /// milestone), in the status bar.
    Notify(String),
}

/// What a view gets: the document to read, the language, and where to put its commands.
pub struct ViewCtx<'a> {
    pub doc: &'a Document,
    /// The Monte Carlo run in progress or its last result.
    pub uncertainty: &'a JobStatus,
    /// The what-if view's bands: a run of its own, restarted as the scenario changes.
    pub whatif: &'a JobStatus,
    /// Every scenario of the workspace (name, scenario, analysis), and which is current.
    pub members: &'a [(
        &'a str,
        &'a crate::model::Scenario,
        &'a crate::engine::Analysis,
    )],
    pub current_member: usize,
    /// The scenario the current one inherits from, and its document's revision.
    pub parent: Option<(&'a crate::model::Scenario, u64)>,
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
