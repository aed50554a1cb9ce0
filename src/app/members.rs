//! The scenarios of a workspace in the window: the current one is `EcoplanApp::doc`, the others
//! wait in their slots. The workspace's shape (which members, their names, parents and order)
//! is document state like any value: each change is a `StructureStep` on the app's history, so
//! it can be undone, marks the workspace unsaved and reaches recovery.

use std::path::PathBuf;

use crate::document::Document;
use crate::engine::workspace::changes_from;
use crate::model::{Definition, FORMAT_VERSION, Member, Scenario, Workspace};

pub struct MemberSlot {
    /// Stays with the member through renames, removal and undo, so the history's entries
    /// never mistake one member for another that later took its name.
    pub id: MemberId,
    pub name: String,
    pub parent: Option<String>,
    /// `None` for the current member, whose document the app holds.
    pub doc: Option<Document>,
}

/// A member's identity while the program runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemberId(u64);

impl MemberSlot {
    pub fn new(name: String, parent: Option<String>, doc: Option<Document>) -> MemberSlot {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        MemberSlot {
            id: MemberId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)),
            name,
            parent,
            doc,
        }
    }
}

pub struct Members {
    pub slots: Vec<MemberSlot>,
    pub current: usize,
    /// The workspace file, once the work came from or went to one.
    pub path: Option<PathBuf>,
    /// Names and parents as last opened or saved: the shape is unsaved while it differs.
    saved_shape: Vec<(String, Option<String>)>,
}

/// One change of the workspace's shape, stored as what it did; undoing it stores the step that
/// redoes it, so undo and redo are one operation (`history::revert_step`).
pub enum StructureStep {
    /// A member is at `index` (it was added there, or put back).
    Added { index: usize },
    /// The member that was at `index` is out of the workspace; the step holds it, with its own
    /// undo history, until it is put back.
    Removed { index: usize, slot: Box<MemberSlot> },
    Renamed {
        index: usize,
        from: String,
        to: String,
    },
    /// The member at `from` moved to `to` (next to it).
    Moved { from: usize, to: usize },
}

impl Members {
    /// One scenario, not (yet) a workspace.
    pub fn single(name: &str) -> Members {
        Members::new(vec![MemberSlot::new(name.to_owned(), None, None)], 0, None)
    }

    /// Members as opened: their shape counts as saved.
    pub fn new(slots: Vec<MemberSlot>, current: usize, path: Option<PathBuf>) -> Members {
        let mut members = Members {
            slots,
            current,
            path,
            saved_shape: Vec::new(),
        };
        members.mark_shape_saved();
        members
    }

    fn shape(&self) -> Vec<(String, Option<String>)> {
        self.slots
            .iter()
            .map(|s| (s.name.clone(), s.parent.clone()))
            .collect()
    }

    /// The shape as it is now counts as saved.
    pub fn mark_shape_saved(&mut self) {
        self.saved_shape = self.shape();
    }

    /// Whether members were added, removed, renamed or reordered since the last save.
    pub fn shape_is_dirty(&self) -> bool {
        self.saved_shape != self.shape()
    }

    /// A member can be removed when it is not a root and no member inherits from it.
    pub fn removable(&self, index: usize) -> bool {
        self.slots[index].parent.is_some() && !self.has_children(index)
    }

    /// The sibling (a member with the same parent) the member at `index` changes places with
    /// when it moves up or down: the nearest before or after it in the list.
    pub fn move_target(&self, index: usize, up: bool) -> Option<usize> {
        let parent = &self.slots[index].parent;
        let same = |i: &usize| self.slots[*i].parent == *parent;
        if up {
            (0..index).rev().find(same)
        } else {
            (index + 1..self.slots.len()).find(same)
        }
    }

    /// The members as the navigator shows them, with their depth: each parent followed by the
    /// members that inherit from it, siblings in the workspace's order. Linear in the members.
    pub fn tree(&self) -> Vec<(usize, usize)> {
        let index: std::collections::HashMap<&str, usize> = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let mut children = vec![Vec::new(); self.slots.len()];
        let mut roots = Vec::new();
        for (i, slot) in self.slots.iter().enumerate() {
            match slot.parent.as_deref().and_then(|p| index.get(p)) {
                Some(&parent) if parent != i => children[parent].push(i),
                _ => roots.push(i),
            }
        }
        let mut order = Vec::with_capacity(self.slots.len());
        let mut seen = vec![false; self.slots.len()];
        let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|i| (i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            order.push((i, depth));
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
        // Members in a cycle of parents (refused on load) still show, at the end.
        order.extend((0..self.slots.len()).filter(|&i| !seen[i]).map(|i| (i, 0)));
        order
    }

    /// Why `name` cannot be the new name of member `index`, if it cannot.
    pub fn rename_problem(&self, index: usize, name: &str) -> Option<crate::i18n::Tr> {
        let name = name.trim();
        if name.is_empty() {
            Some(crate::i18n::Tr::NameEmpty)
        } else if self.index_of(name).is_some_and(|other| other != index) {
            Some(crate::i18n::Tr::NameTaken)
        } else {
            None
        }
    }

    /// Renames member `index`; the members that inherit from it follow.
    pub fn rename(&mut self, index: usize, to: &str) {
        let from = std::mem::replace(&mut self.slots[index].name, to.to_owned());
        for slot in &mut self.slots {
            if slot.parent.as_deref() == Some(from.as_str()) {
                slot.parent = Some(to.to_owned());
            }
        }
    }

    /// Lets members `from` and `to` (siblings) change places, keeping the current member
    /// current. Doing it again undoes it.
    pub fn move_member(&mut self, from: usize, to: usize) {
        let current = self.slots[self.current].id;
        self.slots.swap(from, to);
        self.current = self.index_of_id(current).unwrap_or(0);
    }

    pub fn is_workspace(&self) -> bool {
        self.slots.len() > 1 || self.path.is_some()
    }

    pub fn current_name(&self) -> &str {
        &self.slots[self.current].name
    }

    pub fn index_of_id(&self, id: MemberId) -> Option<usize> {
        self.slots.iter().position(|s| s.id == id)
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.name == name)
    }

    pub fn has_children(&self, index: usize) -> bool {
        let name = &self.slots[index].name;
        self.slots.iter().any(|s| s.parent.as_ref() == Some(name))
    }

    /// A name no member has yet.
    pub fn unique_name(&self, stem: &str) -> String {
        (2..)
            .map(|n| format!("{stem} {n}"))
            .find(|name| self.index_of(name).is_none())
            .expect("some name is free")
    }

    /// The members with a parent whose changes no change list holds: saved, they are stored
    /// whole and lose their parent link (the window asks first).
    pub fn detached<'a>(&self, scenario_of: impl Fn(usize) -> &'a Scenario) -> Vec<String> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(i, slot)| {
                slot.parent
                    .as_ref()
                    .and_then(|parent| self.index_of(parent))
                    .is_some_and(|p| changes_from(scenario_of(p), scenario_of(*i)).is_none())
            })
            .map(|(_, slot)| slot.name.clone())
            .collect()
    }

    /// The workspace to save: roots whole, children as their changes where a change list can
    /// hold them. `scenario_of(i)` gives member i's scenario.
    pub fn to_workspace<'a>(&self, scenario_of: impl Fn(usize) -> &'a Scenario) -> Workspace {
        let members = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let scenario = scenario_of(i);
                let changes = slot
                    .parent
                    .as_ref()
                    .and_then(|parent| self.index_of(parent))
                    .and_then(|p| changes_from(scenario_of(p), scenario));
                let definition = match changes {
                    Some(changes) => Definition::Changes(changes),
                    None => Definition::Full(Box::new(scenario.clone())),
                };
                let parent = match definition {
                    Definition::Changes(_) => slot.parent.clone(),
                    Definition::Full(_) => None,
                };
                Member {
                    name: slot.name.clone(),
                    parent,
                    scenario: definition,
                }
            })
            .collect();
        Workspace {
            format_version: FORMAT_VERSION,
            workspace: members,
        }
    }
}
