//! The dialog that offers back the work of sessions that ended without saving.

use eframe::egui::{self, RichText};

use super::{EcoplanApp, RecoveredWork};
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::ui::theme;

impl EcoplanApp {
    /// Offers back the work of every session that ended without saving, one row each.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.offered_recovery.is_empty() && self.recovery_notes.is_empty() {
            return;
        }
        let lang = self.lang();
        #[derive(Clone, Copy)]
        enum Answer {
            Restore(usize),
            Discard(usize),
            Later,
        }
        let mut answer = None;
        let here = !self.restored_here && !self.any_dirty();
        egui::Modal::new(egui::Id::unique("ecoplan-recovery")).show(ctx, |ui| {
            ui.heading(Tr::RecoveryTitle.get(lang));
            if !self.offered_recovery.is_empty() {
                ui.label(Tr::RecoveryQuestion.get(lang));
            }
            let now = std::time::SystemTime::now();
            for (index, work) in self.offered_recovery.iter().enumerate() {
                ui.group(|ui| {
                    ui.set_width(520.0);
                    ui.label(RichText::new(recovered_names(work)).strong());
                    let origin = work.origin.as_ref().map_or_else(
                        || Tr::BuiltIn.get(lang).to_owned(),
                        |p| p.display().to_string(),
                    );
                    let age = work
                        .saved_at
                        .and_then(|t| now.duration_since(t).ok())
                        .map(|d| ago(lang, d))
                        .unwrap_or_default();
                    ui.label(RichText::new(format!("{origin} · {age}")).weak());
                    ui.horizontal(|ui| {
                        let restore = if here {
                            Tr::Restore
                        } else {
                            Tr::RestoreInNewWindow
                        };
                        if ui.button(restore.get(lang)).clicked() {
                            answer = Some(Answer::Restore(index));
                        }
                        if ui.button(Tr::Discard.get(lang)).clicked() {
                            answer = Some(Answer::Discard(index));
                        }
                    });
                });
            }
            if !self.recovery_notes.is_empty() {
                ui.separator();
                ui.label(RichText::new(Tr::RecoveryUnreadable.get(lang)).color(theme::bad()));
                for note in &self.recovery_notes {
                    ui.label(RichText::new(note).monospace());
                }
            }
            ui.separator();
            // With work left to offer, closing means "ask me again next time".
            let close = if self.offered_recovery.is_empty() {
                Tr::Close
            } else {
                Tr::Later
            };
            if ui.button(close.get(lang)).clicked() {
                answer = Some(Answer::Later);
            }
        });
        match answer {
            None => {}
            Some(Answer::Restore(index)) => {
                let work = self.offered_recovery.remove(index);
                if here {
                    self.restore(work);
                } else if let Some(recovery) = &self.recovery {
                    let file = work.file(recovery.dir());
                    // Let go of the claim first, so that the new window can take it.
                    drop(work);
                    if let Err(error) = (self.launcher)(&file, self.lang()) {
                        self.message = Some(error);
                    }
                }
            }
            Some(Answer::Discard(index)) => {
                let work = self.offered_recovery.remove(index);
                if let Some(recovery) = &self.recovery {
                    recovery.discard(work);
                }
            }
            // Unclaimed, the work is offered again at the next start.
            Some(Answer::Later) => {
                self.offered_recovery.clear();
                self.recovery_notes.clear();
            }
        }
    }
}

/// The scenario, or the workspace's members, that recovered work holds.
fn recovered_names(work: &RecoveredWork) -> String {
    match &work.loaded {
        io::Loaded::Scenario(scenario) => scenario.metadata.name.clone(),
        io::Loaded::Workspace(workspace) => {
            let names: Vec<&str> = workspace
                .workspace
                .iter()
                .map(|m| m.name.as_str())
                .collect();
            names.join(" / ")
        }
    }
}

/// How long ago, in the largest whole unit.
fn ago(lang: Lang, elapsed: std::time::Duration) -> String {
    let minutes = elapsed.as_secs() / 60;
    let (count, unit) = match minutes {
        0 => return Tr::JustNow.get(lang).to_owned(),
        1..60 => (minutes, Tr::MinutesAgo),
        60..1440 => (minutes / 60, Tr::HoursAgo),
        _ => (minutes / 1440, Tr::DaysAgo),
    };
    format!("{count} {}", unit.get(lang))
}
