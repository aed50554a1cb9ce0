//! The scenarios of a workspace in the window: the current one is `EcoplanApp::doc`, the others
//! wait in their slots.

use std::path::PathBuf;

use crate::document::Document;
use crate::engine::workspace::changes_from;
use crate::model::{Definition, FORMAT_VERSION, Member, Scenario, Workspace};

pub struct MemberSlot {
    pub name: String,
    pub parent: Option<String>,
    /// `None` for the current member, whose document the app holds.
    pub doc: Option<Document>,
}

pub struct Members {
    pub slots: Vec<MemberSlot>,
    pub current: usize,
    /// The workspace file, once the work came from or went to one.
    pub path: Option<PathBuf>,
}

impl Members {
    /// One scenario, not (yet) a workspace.
    pub fn single(name: &str) -> Members {
        Members {
            slots: vec![MemberSlot {
                name: name.to_owned(),
                parent: None,
                doc: None,
            }],
            current: 0,
            path: None,
        }
    }

    pub fn is_workspace(&self) -> bool {
        self.slots.len() > 1 || self.path.is_some()
    }

    pub fn current_name(&self) -> &str {
        &self.slots[self.current].name
    }

    /// How many ancestors a member has, for indenting the list.
    pub fn depth(&self, index: usize) -> usize {
        let mut depth = 0;
        let mut parent = self.slots[index].parent.clone();
        while let Some(name) = parent {
            depth += 1;
            if depth > self.slots.len() {
                break;
            }
            parent = self
                .slots
                .iter()
                .find(|s| s.name == name)
                .and_then(|s| s.parent.clone());
        }
        depth
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
