//! What the views see of a Monte Carlo run on a background thread: whether one is going and
//! how far, its last result with the scenario and revision it is for, or why it failed. The
//! thread itself is the app's (`app::jobs`); a view starts or cancels a run by a command.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crate::engine::uncertainty::{MonteCarlo, UncertaintyResult};
use crate::i18n::{Lang, Tr};
use crate::model::Scenario;

/// Why a Monte Carlo run gave no result.
#[derive(Clone, Debug, PartialEq)]
pub enum JobError {
    Model(crate::engine::ModelError),
    /// Its thread ended without an answer (a bug: it never panics on a valid scenario).
    Stopped,
}

impl JobError {
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            JobError::Model(error) => error.in_lang(lang),
            JobError::Stopped => Tr::RunStopped.get(lang).to_owned(),
        }
    }
}

/// A run in progress: how many draws in all, how many done.
pub struct Progress {
    pub runs: usize,
    pub done: Arc<AtomicUsize>,
    /// `Document::revision` of the scenario drawn from.
    pub revision: u64,
}

/// A run's state as the views read it.
#[derive(Default)]
pub struct JobStatus {
    pub running: Option<Progress>,
    /// The last result, with the scenario it is for.
    pub last: Option<(Scenario, UncertaintyResult)>,
    pub error: Option<JobError>,
    /// The settings of the last run started, to run again for another fan series.
    pub last_settings: Option<MonteCarlo>,
    /// `Document::revision` of the scenario `last` was drawn from: a view asks whether its
    /// result is current by the revision, not by comparing whole scenarios every frame.
    pub last_revision: Option<u64>,
    /// The revision whose run failed (with `error`): not run again until the scenario changes.
    pub failed_for: Option<u64>,
    /// How many runs have finished: what was drawn from `last` is stale once this moves.
    pub finished: u64,
}
