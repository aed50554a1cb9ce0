//! The scenario being edited, its analysis, and its undo history. Knows nothing of egui: the
//! window and the tests drive it with `Edit` values.

mod edit;

pub use edit::{Edit, EditRefusal};

use std::path::PathBuf;

use crate::engine::{self, Analysis};
use crate::model::Scenario;

/// How many steps undo keeps. A step holds a copy of the scenario (the plan's is about 100 kB),
/// so a day of editing stays within tens of megabytes.
pub const MAX_UNDO: usize = 500;

/// An edit that was applied, with the scenario as it was before it.
#[derive(Clone, Debug)]
struct Step {
    edit: Edit,
    before: Scenario,
}

/// Why an edit was refused: the edit cannot be made on this scenario, or the scenario it
/// would give is invalid. Data, worded in the user's language by `in_lang`.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Edit(EditRefusal),
    Model(engine::ModelError),
}

impl Refusal {
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Refusal::Edit(refusal) => refusal.in_lang(lang),
            Refusal::Model(error) => error.in_lang(lang),
        }
    }

    /// The refusal as the window says it about `scenario`: an item also by its label or name.
    pub fn in_lang_for(
        &self,
        scenario: &crate::model::Scenario,
        lang: crate::i18n::Lang,
    ) -> String {
        match self {
            Refusal::Edit(refusal) => refusal.in_lang(lang),
            Refusal::Model(error) => error.in_lang_for(scenario, lang),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::Lang::En))
    }
}

/// The document keeps one invariant: its scenario is always valid, so its analysis always
/// exists. An edit that would make it invalid is refused with the engine's message.
pub struct Document {
    scenario: Scenario,
    analysis: Analysis,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The undo depth at the last save; `None` when that state is no longer reachable.
    saved_at: Option<usize>,
    pub path: Option<PathBuf>,
    /// Changes with every change of the scenario, and no two documents share one: what was
    /// computed for one revision (a goal-seek answer) is known stale at the next.
    revision: u64,
    /// Changes whenever `reference_scenario` may give another scenario (a save, the saved
    /// state dropped from the undo steps): what was drawn from it is known stale.
    reference_revision: u64,
}

/// The next revision of any document.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    /// A document for a scenario known to be valid (the built-in one or a loaded file).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Result<Document, engine::ModelError> {
        let analysis = engine::analyse(&scenario)?;
        Ok(Document::analysed(scenario, analysis, path))
    }

    /// A document of a scenario with its analysis, computed when it was checked (a file just
    /// opened): not analysed again.
    pub(crate) fn analysed(
        scenario: Scenario,
        analysis: Analysis,
        path: Option<PathBuf>,
    ) -> Document {
        let revision = next_revision();
        Document {
            scenario,
            analysis,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at: Some(0),
            path,
            revision,
            reference_revision: revision,
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// This state of the scenario (see `revision`).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    /// The scenario as last saved, or as opened (as far back as undo reaches) when it was never
    /// saved: what the what-if view draws its ghost lines from.
    pub fn reference_scenario(&self) -> &Scenario {
        let depth = self.undo.len();
        match self.saved_at {
            Some(saved) if saved < depth => &self.undo[saved].before,
            Some(saved) if saved == depth => &self.scenario,
            // Undone past the save: the saved state waits in the redo stack, whose top is the
            // state one step ahead.
            Some(saved) => self
                .redo
                .len()
                .checked_sub(saved - depth)
                .and_then(|i| self.redo.get(i))
                .map_or(&self.scenario, |step| &step.before),
            None => self
                .undo
                .first()
                .map_or(&self.scenario, |step| &step.before),
        }
    }

    /// The state of `reference_scenario` (see `reference_revision`).
    pub fn reference_revision(&self) -> u64 {
        self.reference_revision
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
        self.reference_revision = self.revision;
    }

    /// Marks work that exists on no disk (recovered after a crash) as unsaved.
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
        self.reference_revision = next_revision();
    }

    /// What the scenario would be after the edit, or why the edit is refused.
    fn edited(&self, edit: &Edit) -> Result<(Scenario, Analysis), Refusal> {
        let mut candidate = self.scenario.clone();
        edit.apply(&mut candidate).map_err(Refusal::Edit)?;
        // A key no script could name is refused where an edit makes it; one the file already
        // had stays (a finding asks to rename it), so an older file keeps opening.
        let had = engine::key_errors(&self.scenario);
        if let Some(new) = engine::key_errors(&candidate)
            .into_iter()
            .find(|error| !had.contains(error))
        {
            return Err(Refusal::Model(new));
        }
        // Analysing checks everything `validate` does (the value checks first, then what only
        // projecting finds), so the edit is analysed once, not validated and then analysed.
        let analysis = engine::analyse(&candidate).map_err(Refusal::Model)?;
        Ok((candidate, analysis))
    }

    /// Checks an edit without applying it: the message an input field shows while typing.
    pub fn check(&self, edit: &Edit) -> Result<(), Refusal> {
        self.edited(edit).map(|_| ())
    }

    /// `check` with the refusal in `lang`: what a field of the window shows as it is typed.
    pub fn check_in(&self, lang: crate::i18n::Lang, edit: &Edit) -> Result<(), String> {
        self.check(edit).map_err(|refusal| refusal.in_lang(lang))
    }

    /// Applies an edit and recomputes the analysis, or refuses it and changes nothing.
    pub fn apply(&mut self, edit: Edit) -> Result<(), Refusal> {
        self.apply_merging(edit, false).map(|_| ())
    }

    /// Like `apply`; with `merge`, an edit that continues the last one (a slider still being
    /// dragged) joins its undo step instead of making a new one. Returns whether it made a new
    /// step (told by the step, not by the depth, which stays at `MAX_UNDO` once there).
    pub fn apply_merging(&mut self, edit: Edit, merge: bool) -> Result<bool, Refusal> {
        let (scenario, analysis) = self.edited(&edit)?;
        let continues_last = merge
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|last| edit.continues(&last.edit))
            && self.saved_at != Some(self.undo.len());
        if continues_last {
            // Keep the state before the first of the run, so one undo takes back the drag.
            if let Some(last) = self.undo.last_mut() {
                last.edit = edit;
            }
            self.scenario = scenario;
        } else {
            // The new scenario moves in and the old one moves to the undo step: no copy.
            let before = std::mem::replace(&mut self.scenario, scenario);
            if self.saved_at.is_some_and(|depth| depth > self.undo.len()) {
                // The saved state was in the redo steps, which this edit drops.
                self.saved_at = None;
                self.reference_revision = next_revision();
            }
            self.undo.push(Step { edit, before });
            self.redo.clear();
            // Each step holds a whole copy of the scenario: the oldest go past the limit.
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
                let saved = self.saved_at;
                self.saved_at = saved.and_then(|depth| depth.checked_sub(1));
                // The oldest state (the reference of work never saved) or the saved one went.
                if saved.is_none_or(|depth| depth == 0) {
                    self.reference_revision = next_revision();
                }
            }
        }
        self.analysis = analysis;
        self.revision = next_revision();
        Ok(!continues_last)
    }

    /// How many steps undo can take back; an applied edit that made a new step raises it.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    pub fn undo_edit(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    pub fn redo_edit(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn undo(&mut self) {
        if let Some(step) = self.undo.pop() {
            let after = std::mem::replace(&mut self.scenario, step.before);
            self.redo.push(Step {
                edit: step.edit,
                before: after,
            });
            self.reanalyse();
        }
    }

    pub fn redo(&mut self) {
        if let Some(step) = self.redo.pop() {
            let before = std::mem::replace(&mut self.scenario, step.before);
            self.undo.push(Step {
                edit: step.edit,
                before,
            });
            self.reanalyse();
        }
    }

    fn reanalyse(&mut self) {
        // Every state on the undo and redo stacks was valid when it was current.
        self.analysis = engine::analyse(&self.scenario).expect("an undo state is valid");
        self.revision = next_revision();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::hanyang_plan;

    fn document() -> Document {
        Document::new(hanyang_plan(), None).unwrap()
    }

    #[test]
    fn invalid_edit_is_refused_and_changes_nothing() {
        let mut doc = document();
        let error = doc
            .apply(Edit::SetBase {
                series: "population".into(),
                value: -1.0,
            })
            .unwrap_err();
        assert!(
            matches!(
                &error,
                Refusal::Model(engine::ModelError::InvalidValue { key, field, reason: engine::Reason::NonNegative, .. })
                    if key == "population" && field == "base"
            ),
            "{error:?}"
        );
        assert_eq!(doc.scenario(), &hanyang_plan());
        assert!(!doc.is_dirty());
        assert!(doc.undo_edit().is_none());
    }

    #[test]
    fn an_edit_is_refused_with_the_first_error_validation_gives() {
        // Value errors, a cycle found only by projecting, a unit mismatch: each refused with
        // the message `validate` puts first, though the document only analyses.
        let doc = document();
        let edits = [
            Edit::SetBase {
                series: "population".into(),
                value: -1.0,
            },
            Edit::SetHorizon { year: 2061 },
            // A cycle: domestic water is driven by population.
            Edit::SetRule {
                series: "population".into(),
                rule: crate::model::Rule::GrowthAs {
                    driver: "water_domestic".into(),
                    elasticity: 1.0,
                },
            },
            // A unit mismatch: 亿元 × t cannot give t/a.
            Edit::SetRule {
                series: "cod".into(),
                rule: crate::model::Rule::Driven {
                    driver: "gdp".into(),
                    intensity: 1.0,
                    intensity_unit: crate::units::Unit::parse("t").unwrap(),
                    change: 0.0,
                },
            },
        ];
        for edit in edits {
            let mut candidate = doc.scenario().clone();
            edit.apply(&mut candidate).unwrap();
            let expected = crate::engine::validate(&candidate)
                .into_iter()
                .next()
                .expect("the edit is invalid");
            assert_eq!(
                doc.check(&edit).unwrap_err(),
                Refusal::Model(expected),
                "{edit:?}"
            );
        }
    }

    #[test]
    fn undo_keeps_the_newest_steps_only() {
        let mut doc = document();
        for i in 0..MAX_UNDO + 20 {
            doc.apply(Edit::SetBase {
                series: "gdp".into(),
                value: 800.0 + i as f64,
            })
            .unwrap();
        }
        assert_eq!(doc.undo_depth(), MAX_UNDO);
        while doc.undo_edit().is_some() {
            doc.undo();
        }
        // Back as far as kept: the 20 oldest edits are gone, and that state was never saved.
        assert_eq!(
            doc.scenario().series("gdp").unwrap().base,
            Some(820.0 - 1.0)
        );
        assert!(doc.is_dirty());
    }

    #[test]
    fn undo_and_redo_restore_values_and_the_saved_mark() {
        let mut doc = document();
        doc.apply(Edit::SetBase {
            series: "gdp".into(),
            value: 800.0,
        })
        .unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.analysis().projection.value("gdp", 2021), Some(800.0));
        doc.undo();
        assert!(!doc.is_dirty());
        assert_eq!(doc.analysis().projection.value("gdp", 2021), Some(792.86));
        doc.redo();
        assert_eq!(doc.analysis().projection.value("gdp", 2021), Some(800.0));
        doc.mark_saved();
        assert!(!doc.is_dirty());
        doc.undo();
        assert!(doc.is_dirty());
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let mut doc = document();
        let set = |rate| Edit::SetRule {
            series: "cod".into(),
            rule: crate::model::Rule::growth(rate),
        };
        doc.apply(set(0.08)).unwrap();
        for rate in [0.09, 0.1] {
            doc.apply_merging(set(rate), true).unwrap();
        }
        doc.apply(set(0.11)).unwrap();
        doc.undo();
        assert_eq!(
            doc.scenario().series("cod").unwrap().rule,
            crate::model::Rule::growth(0.1)
        );
        doc.undo();
        assert_eq!(doc.scenario(), &hanyang_plan());
    }

    #[test]
    fn the_reference_is_the_saved_state_even_after_undoing_past_the_save() {
        use crate::model::Rule;
        let mut doc = Document::new(crate::plan::hanyang_plan(), None).unwrap();
        let opened = doc.scenario().clone();
        let rate = |doc: &mut Document, r: f64| {
            doc.apply(Edit::SetRule {
                series: "cod".into(),
                rule: Rule::growth(r),
            })
            .unwrap();
        };
        // Never saved: the scenario as opened. Its revision says when what was drawn from the
        // reference is stale: at a save, not at an edit, an undo or a redo.
        let opened_revision = doc.reference_revision();
        rate(&mut doc, 0.08);
        assert_eq!(doc.reference_scenario(), &opened);
        assert_eq!(doc.reference_revision(), opened_revision);
        rate(&mut doc, 0.09);
        doc.mark_saved();
        let saved = doc.scenario().clone();
        let saved_revision = doc.reference_revision();
        assert_ne!(saved_revision, opened_revision);
        assert_eq!(doc.reference_scenario(), &saved);
        rate(&mut doc, 0.10);
        assert_eq!(doc.reference_scenario(), &saved);
        // Two undos: before the save; the saved state is in the redo stack.
        doc.undo();
        doc.undo();
        assert_ne!(doc.scenario(), &saved);
        assert_eq!(doc.reference_scenario(), &saved);
        doc.redo();
        assert_eq!(doc.reference_scenario(), &saved);
        assert_eq!(doc.reference_revision(), saved_revision);
        // An edit here drops the saved state (it was ahead, in the redo steps): the reference
        // is now the oldest state, and its revision says so.
        doc.undo();
        rate(&mut doc, 0.11);
        assert_eq!(doc.reference_scenario(), &opened);
        assert_ne!(doc.reference_revision(), saved_revision);
    }

    #[test]
    fn a_distribution_moves_with_its_lever_only_within_one_kind_and_within_the_valid_rates() {
        use crate::model::{Distribution, Rule, Uncertain};
        let mut scenario = crate::plan::hanyang_plan();
        scenario.series_mut("cod").unwrap().rule = Rule::growth(0.09);
        scenario.uncertainty = vec![Uncertain {
            series: "cod".into(),
            distribution: Distribution::Uniform {
                min: 0.0,
                max: 0.18,
            },
        }];
        let mut doc = Document::new(scenario, None).unwrap();
        let centre = |doc: &Document| doc.scenario().uncertainty[0].distribution.centre();
        doc.apply(Edit::SetRule {
            series: "cod".into(),
            rule: Rule::growth(0.07),
        })
        .unwrap();
        assert!((centre(&doc) - 0.07).abs() < 1e-12);
        // At 95 %, the range would reach 104 %, beyond the valid rates: it narrows about the
        // lever to stop at 100 %, so the draws still follow it, and on its next move too.
        doc.apply(Edit::SetRule {
            series: "cod".into(),
            rule: Rule::growth(0.95),
        })
        .unwrap();
        assert!((centre(&doc) - 0.95).abs() < 1e-12);
        let Distribution::Uniform { min, max } = doc.scenario().uncertainty[0].distribution else {
            panic!("still uniform");
        };
        assert!(
            (max - 1.0).abs() < 1e-12 && (min - 0.90).abs() < 1e-12,
            "{min} {max}"
        );
        doc.apply(Edit::SetRule {
            series: "cod".into(),
            rule: Rule::growth(0.5),
        })
        .unwrap();
        assert!((centre(&doc) - 0.5).abs() < 1e-12);
        assert_eq!(
            crate::model::lever_value(&doc.scenario().series("cod").unwrap().rule),
            Some(0.5)
        );
    }
}
