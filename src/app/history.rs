//! Undo and redo over the whole workspace: edits of any member's scenario (each member's
//! document keeps its own steps; this history says which member each step belongs to) and
//! changes of the workspace's shape (new child, remove, rename, reorder), in the order they
//! were made.

use super::EcoplanApp;
use super::members::{MemberId, MemberSlot, StructureStep};
use crate::document::Document;
use crate::i18n::{Lang, Tr};

pub enum HistoryEntry {
    /// A step of this member's document, and the steps its descendants took to follow it
    /// (`Edit::FollowParent`), undone and redone with it.
    Edit {
        member: MemberId,
        followers: Vec<MemberId>,
    },
    Structure(Box<StructureStep>),
}

impl HistoryEntry {
    /// What undo or redo would take back or do again, for the Edit menu.
    pub fn describe(&self, app: &EcoplanApp, redo: bool) -> String {
        let lang = app.lang();
        match self {
            HistoryEntry::Edit { member, .. } => {
                let doc = app.members.index_of_id(*member).and_then(|i| app.doc_at(i));
                let edit = doc.and_then(|d| if redo { d.redo_edit() } else { d.undo_edit() });
                match (doc, edit) {
                    (Some(doc), Some(edit)) => edit.describe(lang, doc.scenario()),
                    (Some(doc), None) => doc.scenario().metadata.name.clone(),
                    (None, _) => String::new(),
                }
            }
            // A step on the redo list is stored as the step that would undo it again.
            HistoryEntry::Structure(step) => step_text(step, lang, &app.members.slots, redo),
        }
    }
}

fn step_text(step: &StructureStep, lang: Lang, slots: &[MemberSlot], inverted: bool) -> String {
    let name_at = |index: usize| {
        slots
            .get(index)
            .map_or_else(String::new, |s| s.name.clone())
    };
    match (step, inverted) {
        (StructureStep::Added { index }, false) => {
            format!("{} {}", Tr::NewChild.get(lang), name_at(*index))
        }
        (StructureStep::Removed { slot, .. }, true) => {
            format!("{} {}", Tr::NewChild.get(lang), slot.name)
        }
        (StructureStep::Removed { slot, .. }, false) => {
            format!("{} {}", Tr::RemoveScenario.get(lang), slot.name)
        }
        (StructureStep::Added { index }, true) => {
            format!("{} {}", Tr::RemoveScenario.get(lang), name_at(*index))
        }
        (StructureStep::Renamed { from, to, .. }, false) => {
            format!("{} {from} → {to}", Tr::RenameScenario.get(lang))
        }
        (StructureStep::Renamed { from, to, .. }, true) => {
            format!("{} {to} → {from}", Tr::RenameScenario.get(lang))
        }
        (StructureStep::Moved { from, to }, inverted) => {
            let up = if inverted { from < to } else { to < from };
            let text = if up {
                Tr::MoveScenarioUp
            } else {
                Tr::MoveScenarioDown
            };
            // The member stands at `to` in both cases.
            format!("{} {}", text.get(lang), name_at(*to))
        }
    }
}

impl EcoplanApp {
    /// The document of the member at `index`, wherever it is held.
    pub fn doc_at(&self, index: usize) -> Option<&Document> {
        if index == self.members.current {
            Some(&self.doc)
        } else {
            self.members.slots.get(index)?.doc.as_ref()
        }
    }

    /// Notes that the current member's document took a new step.
    pub(super) fn record_edit(&mut self) {
        let member = self.members.slots[self.members.current].id;
        self.record(HistoryEntry::Edit {
            member,
            followers: Vec::new(),
        });
    }

    /// Applies an edit to the current member, then lets every member that inherits from it
    /// (children, their children) follow: each keeps its own changes over the parent as
    /// edited. Recorded as one undo step with its followers; `merge` joins a slider's run.
    pub(super) fn apply_to_current(
        &mut self,
        edit: crate::document::Edit,
        merge: bool,
    ) -> Result<(), crate::document::Refusal> {
        let before = self
            .members
            .has_children(self.members.current)
            .then(|| self.doc.scenario().clone());
        let replayable = edit.clone();
        let new_step = self.doc.apply_merging(edit, merge)?;
        if new_step {
            self.record_edit();
        }
        if let Some(before) = before {
            let (followers, stayed) = self.follow(before, &replayable, merge && !new_step);
            if let Some(HistoryEntry::Edit {
                followers: list, ..
            }) = self.history.last_mut()
            {
                list.extend(followers);
            }
            if !stayed.is_empty() {
                self.notice =
                    Some(Tr::ChildrenNotFollowing.fill(self.lang(), &[&stayed.join("、")]));
            }
        }
        Ok(())
    }

    /// The descendants of the current member take up its change from `before`: each child's
    /// changes over its parent as it was (`changes_from`) are applied to the parent as it is;
    /// where they cannot be (the parent renamed what the child changes), the parent's edit
    /// itself is applied to the child. Returns the members that took a new step, and the
    /// names of those that could not follow.
    fn follow(
        &mut self,
        before: crate::model::Scenario,
        edit: &crate::document::Edit,
        merge: bool,
    ) -> (Vec<MemberId>, Vec<String>) {
        use crate::document::Edit;
        use crate::engine::workspace::{apply, changes_from};
        let mut followers = Vec::new();
        let mut stayed = Vec::new();
        // Members whose scenario changed, with what it was: the current one first.
        let mut changed = vec![(self.members.current, before)];
        let mut next = 0;
        while let Some((parent, parent_before)) = changed.get(next).cloned() {
            next += 1;
            let parent_after = self
                .doc_at(parent)
                .expect("a member holds its document")
                .scenario()
                .clone();
            let name = self.members.slots[parent].name.clone();
            let children: Vec<usize> = (0..self.members.slots.len())
                .filter(|&i| self.members.slots[i].parent.as_deref() == Some(name.as_str()))
                .collect();
            for child in children {
                let slot = &mut self.members.slots[child];
                let Some(doc) = slot.doc.as_mut() else {
                    continue;
                };
                let child_before = doc.scenario().clone();
                // A new base year or a whole new scenario moves every value's meaning: a
                // child's own base values belong to its old base year, so it stays as it is.
                if matches!(edit, Edit::Rebase { .. } | Edit::ReplaceScenario { .. }) {
                    stayed.push(slot.name.clone());
                    continue;
                }
                // A child whose changes no change list holds stays as it is: what it
                // overrides cannot be told, so the parent's edit could undo its own.
                let followed = changes_from(&parent_before, &child_before).and_then(|changes| {
                    let mut followed = parent_after.clone();
                    if apply(&mut followed, &changes).is_ok() {
                        followed
                            .metadata
                            .name
                            .clone_from(&child_before.metadata.name);
                        return Some(followed);
                    }
                    // The parent renamed or removed what the child changes: the same edit on
                    // the child renames or removes it there too.
                    // (Not a row's edit that also renames it: it would replace the child's
                    // own values in the row too.)
                    let renames = matches!(
                        edit,
                        Edit::RenameSeries { .. }
                            | Edit::RemoveSeries { .. }
                            | Edit::RemoveCapacity { .. }
                            | Edit::RemoveTarget { .. }
                    );
                    let mut followed = child_before.clone();
                    (renames && edit.apply(&mut followed).is_ok()).then_some(followed)
                });
                let Some(followed) = followed else {
                    stayed.push(slot.name.clone());
                    continue;
                };
                if followed == child_before {
                    continue;
                }
                let follow = Edit::FollowParent {
                    scenario: Box::new(followed),
                };
                match doc.apply_merging(follow, merge) {
                    Ok(new_step) => {
                        if new_step {
                            followers.push(slot.id);
                        }
                        changed.push((child, child_before));
                    }
                    Err(_) => stayed.push(slot.name.clone()),
                }
            }
        }
        (followers, stayed)
    }

    fn record_structure(&mut self, step: StructureStep) {
        self.record(HistoryEntry::Structure(Box::new(step)));
        self.message = None;
    }

    /// Adds an entry, forgetting the oldest past `document::MAX_UNDO`. Each document forgets
    /// its own oldest steps past the same limit, oldest first too, so an entry never names a
    /// step its document has forgotten.
    fn record(&mut self, entry: HistoryEntry) {
        self.history.push(entry);
        self.future.clear();
        if self.history.len() > crate::document::MAX_UNDO {
            self.history.remove(0);
        }
    }

    /// Puts the current document into its slot, so every member is in `members.slots`.
    fn park(&mut self) {
        let placeholder = Document::new(crate::model::Scenario::empty(), None)
            .expect("the empty scenario is valid");
        let doc = std::mem::replace(&mut self.doc, placeholder);
        self.members.slots[self.members.current].doc = Some(doc);
    }

    /// Takes the current member's document out of its slot again.
    fn unpark(&mut self) {
        self.doc = self.members.slots[self.members.current]
            .doc
            .take()
            .expect("a parked member holds its document");
    }

    /// Makes member `index` the current one.
    pub fn switch_member(&mut self, index: usize) {
        if index == self.members.current || index >= self.members.slots.len() {
            return;
        }
        self.park();
        self.members.current = index;
        self.unpark();
        self.message = None;
        self.presentation = None;
    }

    /// A new scenario that inherits from the current one, starting as its copy; undoable.
    pub fn new_child(&mut self) {
        let parent = self.members.current_name().to_owned();
        let name = self.members.unique_name(&format!("{parent} ·"));
        let mut scenario = self.doc.scenario().clone();
        scenario.metadata.name = name.clone();
        let doc = Document::new(scenario, None).expect("a copy of a valid scenario is valid");
        let index = self.members.slots.len();
        self.members
            .slots
            .push(MemberSlot::new(name, Some(parent), Some(doc)));
        self.switch_member(index);
        self.record_structure(StructureStep::Added { index });
    }

    /// Removes a member that is not a root and that no member inherits from; undoable (the
    /// member comes back with its own undo history).
    pub fn remove_member(&mut self, index: usize) {
        if index >= self.members.slots.len() || !self.members.removable(index) {
            return;
        }
        let slot = self.take_slot(index);
        self.record_structure(StructureStep::Removed {
            index,
            slot: Box::new(slot),
        });
    }

    /// Takes member `index` out of the workspace; the current member becomes its parent when
    /// it was the one taken.
    fn take_slot(&mut self, index: usize) -> MemberSlot {
        self.park();
        let parent = self.members.slots[index].parent.clone();
        let current = self.members.slots[self.members.current].id;
        let slot = self.members.slots.remove(index);
        self.members.current = if slot.id == current {
            parent.and_then(|p| self.members.index_of(&p)).unwrap_or(0)
        } else {
            self.members.index_of_id(current).unwrap_or(0)
        };
        self.unpark();
        slot
    }

    /// Puts a member back at `index` and makes it current.
    fn put_slot(&mut self, index: usize, slot: MemberSlot) {
        self.park();
        self.members.slots.insert(index, slot);
        self.members.current = index;
        self.unpark();
    }

    /// Renames the current member; the members that inherit from it follow. Undoable.
    pub fn rename_member(&mut self, to: &str) {
        let index = self.members.current;
        let to = to.trim();
        if let Some(problem) = self.members.rename_problem(index, to) {
            let lang = self.lang();
            self.message = Some(format!(
                "{to}{}{}",
                Tr::LeadSeparator.get(lang),
                problem.get(lang)
            ));
            return;
        }
        if !self.members.is_workspace() {
            // The only scenario of a file is named by its own name: an edit like any other.
            let metadata = crate::model::Metadata {
                name: to.to_owned(),
                ..self.doc.scenario().metadata.clone()
            };
            if metadata != self.doc.scenario().metadata {
                self.apply_edit(crate::document::Edit::SetMetadata {
                    metadata: Box::new(metadata),
                });
            }
            return;
        }
        let from = self.members.current_name().to_owned();
        if from == to {
            return;
        }
        self.members.rename(index, to);
        self.record_structure(StructureStep::Renamed {
            index,
            from,
            to: to.to_owned(),
        });
    }

    /// Moves the current member one place up or down the list; undoable.
    pub fn move_member(&mut self, up: bool) {
        let from = self.members.current;
        if let Some(to) = self.members.move_target(from, up) {
            self.members.move_member(from, to);
            self.record_structure(StructureStep::Moved { from, to });
        }
    }

    /// Takes back the newest edit or change of shape, in whichever member it was made.
    pub fn undo(&mut self) {
        if let Some(entry) = self.history.pop() {
            let entry = self.replay(entry, false);
            self.future.push(entry);
            self.message = None;
        }
    }

    /// Does again what undo took back.
    pub fn redo(&mut self) {
        if let Some(entry) = self.future.pop() {
            let entry = self.replay(entry, true);
            self.history.push(entry);
            self.message = None;
        }
    }

    /// Undoes (or redoes) one entry, in the member it belongs to, and returns the entry that
    /// reverses it.
    fn replay(&mut self, entry: HistoryEntry, redo: bool) -> HistoryEntry {
        match entry {
            HistoryEntry::Edit { member, followers } => {
                // An edit's member is in the workspace whenever its entry is reached: a removal
                // made after the edit is undone before it.
                if let Some(index) = self.members.index_of_id(member) {
                    self.switch_member(index);
                    if redo {
                        self.doc.redo();
                    } else {
                        self.doc.undo();
                    }
                }
                // The followers are its descendants, never the current member; their newest
                // step is the one they took with it.
                for follower in &followers {
                    let doc = self
                        .members
                        .index_of_id(*follower)
                        .and_then(|i| self.members.slots[i].doc.as_mut());
                    if let Some(doc) = doc {
                        if redo {
                            doc.redo();
                        } else {
                            doc.undo();
                        }
                    }
                }
                HistoryEntry::Edit { member, followers }
            }
            HistoryEntry::Structure(step) => {
                HistoryEntry::Structure(Box::new(self.revert_step(*step)))
            }
        }
    }

    /// Reverses a change of shape and returns the step that reverses it again.
    fn revert_step(&mut self, step: StructureStep) -> StructureStep {
        match step {
            StructureStep::Added { index } => StructureStep::Removed {
                index,
                slot: Box::new(self.take_slot(index)),
            },
            StructureStep::Removed { index, slot } => {
                self.put_slot(index, *slot);
                StructureStep::Added { index }
            }
            StructureStep::Renamed { index, from, to } => {
                self.members.rename(index, &from);
                StructureStep::Renamed {
                    index,
                    from: to,
                    to: from,
                }
            }
            StructureStep::Moved { from, to } => {
                self.members.move_member(to, from);
                StructureStep::Moved { from: to, to: from }
            }
        }
    }
}
