//! The workbench driven the way a user drives it: through egui_kittest, by labels.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use ecoplan::app::{EcoplanApp, FileDialogs, Picked};
use ecoplan::i18n::Lang;
use ecoplan::ui::View;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod analysis;
mod editing;
mod files;
mod recovery;
mod workspace;

/// Answers file dialogs with paths the test chose, as a user picking them would; with
/// `unavailable`, as a system without a file dialog does.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    open: Rc<RefCell<Vec<PathBuf>>>,
    save: Rc<RefCell<Vec<PathBuf>>>,
    unavailable: bool,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_scenario(&self) -> Picked {
        if self.unavailable {
            return Picked::Unavailable(ecoplan::i18n::Tr::NoDesktopPortal);
        }
        self.open.borrow_mut().pop().into()
    }

    fn pick_table(&self) -> Picked {
        self.pick_scenario()
    }

    fn pick_save(&self, _suggested_name: &str, _extension: &str) -> Picked {
        if self.unavailable {
            return Picked::Unavailable(ecoplan::i18n::Tr::NoDesktopPortal);
        }
        self.save.borrow_mut().pop().into()
    }
}

fn harness(view: View, lang: Lang) -> Harness<'static, EcoplanApp> {
    harness_with(view, lang, ScriptedDialogs::default())
}

fn harness_with(view: View, lang: Lang, dialogs: ScriptedDialogs) -> Harness<'static, EcoplanApp> {
    let app = EcoplanApp::with_builtin_plan(Box::new(dialogs));
    harness_for(app, view, lang)
}

fn harness_for(mut app: EcoplanApp, view: View, lang: Lang) -> Harness<'static, EcoplanApp> {
    app.state.view = view;
    app.state.lang = lang;
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(ecoplan::ui::fonts::install)
        .build_ui_state(|ui, app: &mut EcoplanApp| app.window_ui(ui), app)
}

/// Replaces the text of the field named `name` and presses Enter, as a user would.
fn type_into(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(name).type_text(text);
    harness.run();
}

fn press_enter(harness: &mut Harness<'static, EcoplanApp>) {
    harness.key_press(egui::Key::Enter);
    harness.run();
}

fn cod_first_exceedance(app: &EcoplanApp) -> Option<i32> {
    app.doc
        .analysis()
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap()
        .first_exceedance_year
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-window-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn click_menu(harness: &mut Harness<'static, EcoplanApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

/// An instance of the workbench with its own recovery session in `dir`.
fn instance(dir: &std::path::Path, view: View) -> Harness<'static, EcoplanApp> {
    let app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()))
        .with_recovery(dir.to_owned());
    let mut harness = harness_for(app, view, Lang::Zh);
    harness.run();
    harness
}

/// Edits GDP's base value and autosaves, as the 30-s timer would.
fn edit_gdp_and_autosave(harness: &mut Harness<'static, EcoplanApp>, value: &str) {
    harness.state_mut().state.view = View::Baselines;
    harness.run();
    type_into(harness, "基准年数值 gdp", value);
    press_enter(harness);
    harness.state().autosave();
}

/// The `.ron` files in the recovery folder (not those set aside).
fn recovery_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn radio(harness: &mut Harness<'static, EcoplanApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, label)
        .click();
    harness.run();
}

/// The members' names as the navigator shows them (a file of one scenario by the scenario's
/// own name).
fn member_names(harness: &Harness<'static, EcoplanApp>) -> Vec<String> {
    harness
        .state()
        .member_views()
        .iter()
        .map(|(name, _, _)| (*name).to_owned())
        .collect()
}

/// Types `text` into the field named `name` (replacing what is there), without pressing Enter.
fn replace_text(harness: &mut Harness<'static, EcoplanApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(name).type_text(text);
    harness.run();
}

/// The computed status of the indicator numbered `number`.
fn indicator_status(
    harness: &Harness<'static, EcoplanApp>,
    number: &str,
) -> ecoplan::engine::indicators::Status {
    let app = harness.state();
    let index = app
        .doc
        .scenario()
        .indicators
        .iter()
        .position(|i| i.number == number)
        .unwrap();
    app.doc.analysis().indicators[index].status
}

/// Runs frames until the what-if view's background run has finished for the current scenario.
fn wait_for_bands(harness: &mut Harness<'static, EcoplanApp>) {
    let started = std::time::Instant::now();
    loop {
        // Step, not run: a running job asks for frames until it finishes.
        harness.step();
        let app = harness.state();
        let done = app
            .whatif
            .status
            .last
            .as_ref()
            .is_some_and(|(s, _)| s == app.doc.scenario());
        if done {
            return;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the bands never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The base value of `key` in member `index`'s scenario, wherever the member is held.
fn base_of(app: &EcoplanApp, index: usize, key: &str) -> Option<f64> {
    app.doc_at(index)
        .unwrap()
        .scenario()
        .series(key)
        .unwrap()
        .base
}

fn rule_of(app: &EcoplanApp, index: usize, key: &str) -> ecoplan::model::Rule {
    app.doc_at(index)
        .unwrap()
        .scenario()
        .series(key)
        .unwrap()
        .rule
        .clone()
}

/// The words in Latin letters of `text` (three letters or more), outside file names and the
/// quoted keys of the scenario: what a Chinese reader should not meet in a message.
fn latin_words(text: &str, path: &std::path::Path) -> Vec<String> {
    let text = text.replace(&path.display().to_string(), "");
    // Quoted keys (“population”, "gdp") are the file's own names, as is a key alone in
    // brackets after a label (序列“常住人口”（population）).
    let is_key = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
    };
    let mut without_keys = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('（') {
        let inner = &rest[open + '（'.len_utf8()..];
        match inner.find('）') {
            Some(close) if is_key(&inner[..close]) => {
                without_keys.push_str(&rest[..open]);
                rest = &inner[close + '）'.len_utf8()..];
            }
            _ => {
                without_keys.push_str(&rest[..open + '（'.len_utf8()]);
                rest = inner;
            }
        }
    }
    without_keys.push_str(rest);
    let text = without_keys;
    let mut plain = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' | '"' if !quoted => quoted = true,
            '”' | '"' if quoted => quoted = false,
            _ if !quoted => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_owned)
        .collect()
}
