//! Every named action of the window, once: its text in both languages (a `Tr` key) and its
//! shortcuts. Menus, keyboard shortcuts, buttons and the command palette all send these as
//! `Command::Ui`, and `app::EcoplanApp::run` applies them in one place, as rerun's `UICommand`
//! does. Whether one is possible right now is the app's to say (`EcoplanApp::enabled`).

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum UiCommand {
    NewFromPlan,
    NewEmpty,
    NewDistrict,
    Open,
    Save,
    SaveAs,
    Revert,
    ExportXlsx,
    ExportProjectionCsv,
    ExportCapacityCsv,
    ExportTargetsCsv,
    ExportIndicatorTemplate,
    ExportReport,
    ImportValues,
    Quit,
    Undo,
    Redo,
    NewChild,
    RemoveScenario,
    RenameScenario,
    MoveScenarioUp,
    MoveScenarioDown,
    LanguageZh,
    LanguageEn,
    LargeFont,
    ThemeLight,
    ThemeDark,
    ThemeSystem,
    Presentation,
    CommandPalette,
    Guide,
    KeyboardShortcuts,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    /// Every command, in the order declared above (the menus' order); the palette lists them
    /// so. Derived, so a new command cannot be missing.
    pub const ALL: &[UiCommand] = <UiCommand as strum::VariantArray>::VARIANTS;

    /// What menus and the palette call it.
    pub fn text(self) -> Tr {
        match self {
            UiCommand::NewFromPlan => Tr::NewFromPlan,
            UiCommand::NewEmpty => Tr::NewEmpty,
            UiCommand::NewDistrict => Tr::NewDistrict,
            UiCommand::ExportIndicatorTemplate => Tr::ExportIndicatorTemplate,
            UiCommand::ExportReport => Tr::ExportReport,
            UiCommand::ImportValues => Tr::ImportValues,
            UiCommand::Open => Tr::Open,
            UiCommand::Save => Tr::Save,
            UiCommand::SaveAs => Tr::SaveAs,
            UiCommand::Revert => Tr::Revert,
            UiCommand::ExportXlsx => Tr::ExportXlsx,
            UiCommand::ExportProjectionCsv => Tr::ExportProjectionCsv,
            UiCommand::ExportCapacityCsv => Tr::ExportCapacityCsv,
            UiCommand::ExportTargetsCsv => Tr::ExportTargetsCsv,
            UiCommand::Quit => Tr::Quit,
            UiCommand::Undo => Tr::Undo,
            UiCommand::Redo => Tr::Redo,
            UiCommand::NewChild => Tr::NewChild,
            UiCommand::RemoveScenario => Tr::RemoveScenario,
            UiCommand::RenameScenario => Tr::RenameScenario,
            UiCommand::MoveScenarioUp => Tr::MoveScenarioUp,
            UiCommand::MoveScenarioDown => Tr::MoveScenarioDown,
            UiCommand::LanguageZh => Tr::LanguageZh,
            UiCommand::LanguageEn => Tr::LanguageEn,
            UiCommand::LargeFont => Tr::LargeFont,
            UiCommand::ThemeLight => Tr::ThemeLight,
            UiCommand::ThemeDark => Tr::ThemeDark,
            UiCommand::ThemeSystem => Tr::ThemeSystem,
            UiCommand::Presentation => Tr::Presentation,
            UiCommand::CommandPalette => Tr::CommandPalette,
            UiCommand::Guide => Tr::Guide,
            UiCommand::KeyboardShortcuts => Tr::KeyboardShortcuts,
        }
    }

    /// Its keyboard shortcuts, the first shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[shortcut(COMMAND_SHIFT, Key::S)];
        const UNDO: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[
            shortcut(COMMAND_SHIFT, Key::Z),
            shortcut(Modifiers::COMMAND, Key::Y),
        ];
        const PRESENT: &[KeyboardShortcut] = &[shortcut(Modifiers::NONE, Key::F11)];
        const PALETTE: &[KeyboardShortcut] = &[shortcut(COMMAND_SHIFT, Key::P)];
        const QUIT: &[KeyboardShortcut] = &[shortcut(Modifiers::COMMAND, Key::Q)];
        const GUIDE: &[KeyboardShortcut] = &[shortcut(Modifiers::NONE, Key::F1)];
        match self {
            UiCommand::Open => OPEN,
            UiCommand::Save => SAVE,
            UiCommand::SaveAs => SAVE_AS,
            UiCommand::Undo => UNDO,
            UiCommand::Redo => REDO,
            UiCommand::Presentation => PRESENT,
            UiCommand::CommandPalette => PALETTE,
            UiCommand::Quit => QUIT,
            UiCommand::Guide => GUIDE,
            UiCommand::NewFromPlan
            | UiCommand::NewEmpty
            | UiCommand::NewDistrict
            | UiCommand::ExportIndicatorTemplate
            | UiCommand::ExportReport
            | UiCommand::ImportValues
            | UiCommand::Revert
            | UiCommand::ExportXlsx
            | UiCommand::ExportProjectionCsv
            | UiCommand::ExportCapacityCsv
            | UiCommand::ExportTargetsCsv
            | UiCommand::NewChild
            | UiCommand::RemoveScenario
            | UiCommand::RenameScenario
            | UiCommand::MoveScenarioUp
            | UiCommand::MoveScenarioDown
            | UiCommand::LanguageZh
            | UiCommand::LanguageEn
            | UiCommand::LargeFont
            | UiCommand::ThemeLight
            | UiCommand::ThemeDark
            | UiCommand::ThemeSystem
            | UiCommand::KeyboardShortcuts => &[],
        }
    }

    /// Every command with each of its shortcuts, those with more modifiers first: egui's
    /// `consume_shortcut` matches Ctrl+Z inside Ctrl+Shift+Z, which is redo, not undo.
    pub fn by_shortcut_order() -> Vec<(UiCommand, KeyboardShortcut)> {
        let mut all: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::ALL
            .iter()
            .flat_map(|command| command.shortcuts().iter().map(move |s| (*command, *s)))
            .collect();
        all.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command),
            )
        });
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_and_redo_is_tried_before_undo() {
        let shortcuts: Vec<KeyboardShortcut> = UiCommand::by_shortcut_order()
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} twice");
        }
        // Redo's Ctrl+Shift+Z is tried before undo's Ctrl+Z.
        let order = UiCommand::by_shortcut_order();
        let redo = order
            .iter()
            .position(|(c, _)| *c == UiCommand::Redo)
            .unwrap();
        let undo = order
            .iter()
            .position(|(c, _)| *c == UiCommand::Undo)
            .unwrap();
        assert!(redo < undo);
    }
}
