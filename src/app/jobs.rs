//! The window's background work: a Monte Carlo run on a thread of its own, started, cancelled
//! and collected by the app; the views read its `ui::JobStatus` and ask for runs by command.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::engine::ModelError;
use crate::engine::uncertainty::{MonteCarlo, UncertaintyResult};
use crate::model::Scenario;
use crate::ui::{JobError, JobStatus, Progress};

/// A Monte Carlo run on a background thread, and what the views see of it.
#[derive(Default)]
pub struct UncertaintyJob {
    pub status: JobStatus,
    worker: Option<Worker>,
}

/// The thread of a run in progress, and what it answers for.
struct Worker {
    cancel: Arc<AtomicBool>,
    scenario: Scenario,
    handle: std::thread::JoinHandle<Result<Option<UncertaintyResult>, ModelError>>,
}

impl UncertaintyJob {
    /// Starts a run of every capacity's exceedance and the fans of `fans`, replacing a running
    /// one. Only the fans shown are computed: they cost more than the draws themselves.
    pub fn start(
        &mut self,
        scenario: Scenario,
        revision: u64,
        settings: MonteCarlo,
        fans: Vec<String>,
    ) {
        self.cancel();
        // Progress counts the draws of every pass.
        let passes =
            crate::engine::uncertainty::passes(&scenario, settings.runs, &fans).unwrap_or(1);
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c, s) = (done.clone(), cancel.clone(), scenario.clone());
        let handle = std::thread::spawn(move || {
            crate::engine::uncertainty::monte_carlo(&s, settings, &fans, &d, &c)
        });
        self.status.error = None;
        self.status.last_settings = Some(settings);
        self.status.running = Some(Progress {
            runs: settings.runs * passes,
            done,
            revision,
        });
        self.worker = Some(Worker {
            cancel,
            scenario,
            handle,
        });
    }

    pub fn cancel(&mut self) {
        if let Some(worker) = &self.worker {
            worker.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Collects a finished run; returns whether one is still going.
    pub fn poll(&mut self) -> bool {
        let finished = self.worker.as_ref().is_some_and(|w| w.handle.is_finished());
        if finished
            && let Some(worker) = self.worker.take()
            && let Some(running) = self.status.running.take()
        {
            match worker.handle.join() {
                Ok(Ok(Some(result))) => {
                    self.status.last = Some((worker.scenario, result));
                    self.status.last_revision = Some(running.revision);
                    self.status.finished += 1;
                }
                Ok(Ok(None)) => {}
                Ok(Err(error)) => {
                    self.status.error = Some(JobError::Model(error));
                    self.status.failed_for = Some(running.revision);
                }
                Err(_) => self.status.error = Some(JobError::Stopped),
            }
        }
        self.worker.is_some()
    }
}
