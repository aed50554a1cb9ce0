//! Starting the window: the file or workspace named on the command line, `--recover`,
//! `--screenshot`, and the recovery folder.

use std::path::PathBuf;

use eframe::egui;

use super::{EcoplanApp, MemberSlot, Members, NativeDialogs, Recovery, Screenshot};
use crate::document::Document;
use crate::engine::Reason;
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::model::Scenario;
use crate::plan::hanyang_plan;
use crate::ui::WindowRequest;
use crate::ui::{self, UiState, View};

/// Where a screenshot run reports: the PNG written, or why not.
pub type ScreenshotOutcome = std::sync::Arc<
    std::sync::Mutex<Option<Result<PathBuf, (PathBuf, crate::io::export::WriteError)>>>,
>;

/// A scenario file as one document, or a workspace file as its members (the first current).
/// With what the file held, so that a save notices a change made by someone else meanwhile.
pub(super) fn open_file(
    path: &std::path::Path,
) -> Result<(Document, Option<Members>, io::Fingerprint), io::LoadError> {
    // Each scenario comes with the analysis its check computed: opened, not analysed again.
    let (opened, on_disk) = io::open_any_noting(path)?;
    match opened {
        io::Opened::Scenario(scenario, analysis) => Ok((
            Document::analysed(*scenario, *analysis, Some(path.to_owned())),
            None,
            on_disk,
        )),
        io::Opened::Workspace(workspace, members) => {
            members_analysed(&workspace, members, Some(path.to_owned()))
                .map(|(doc, members)| (doc, Some(members), on_disk))
        }
    }
}

/// A workspace's members as documents, the first current, with the file they came from: each
/// resolved and analysed here (recovered work, which was not opened from a file).
pub(super) fn members_from(
    workspace: &crate::model::Workspace,
    path: Option<PathBuf>,
) -> Result<(Document, Members), io::LoadError> {
    let place = path.clone().unwrap_or_default();
    let resolved = crate::engine::workspace::resolve_all(workspace).map_err(|source| {
        io::LoadError::Workspace {
            path: place.clone(),
            at: None,
            other_at: None,
            source: Box::new(source),
        }
    })?;
    let analysed = resolved
        .into_iter()
        .map(|scenario| {
            let analysis = crate::engine::analyse(&scenario)?;
            Ok((scenario, analysis))
        })
        .collect::<Result<Vec<_>, crate::engine::ModelError>>()
        .map_err(|source| io::LoadError::Invalid {
            path: place.clone(),
            at: None,
            source: Box::new(source),
            item: None,
        })?;
    members_analysed(workspace, analysed, path)
}

/// A workspace's members as documents from their resolved scenarios and analyses.
fn members_analysed(
    workspace: &crate::model::Workspace,
    analysed: Vec<(Scenario, crate::engine::Analysis)>,
    path: Option<PathBuf>,
) -> Result<(Document, Members), io::LoadError> {
    let place = path.clone().unwrap_or_default();
    let invalid = |source| io::LoadError::Invalid {
        path: place.clone(),
        at: None,
        source: Box::new(source),
        item: None,
    };
    let mut slots = Vec::with_capacity(analysed.len());
    for (member, (scenario, analysis)) in workspace.workspace.iter().zip(analysed) {
        let doc = Document::analysed(scenario, analysis, None);
        slots.push(MemberSlot::new(
            member.name.clone(),
            member.parent.clone(),
            Some(doc),
        ));
    }
    let doc = slots
        .first_mut()
        .and_then(|s| s.doc.take())
        .ok_or_else(|| {
            invalid(crate::engine::ModelError::invalid(
                "workspace",
                "",
                "workspace",
                Reason::HoldsNoScenario,
            ))
        })?;
    Ok((doc, Members::new(slots, 0, path)))
}

/// Every member's name, scenario and analysis, in workspace order; `doc` is the current one's.
pub(super) fn member_views<'a>(
    doc: &'a Document,
    members: &'a Members,
) -> Vec<(&'a str, &'a Scenario, &'a crate::engine::Analysis)> {
    members
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let doc = if i == members.current {
                doc
            } else {
                slot.doc
                    .as_ref()
                    .expect("other members hold their documents")
            };
            let name = if members.is_workspace() {
                slot.name.as_str()
            } else {
                doc.scenario().metadata.name.as_str()
            };
            (name, doc.scenario(), doc.analysis())
        })
        .collect()
}

/// Opens the window (or renders a screenshot); returns the process exit code.
pub fn main(args: &WindowRequest, asked: Option<Lang>) -> i32 {
    // The terminal's messages in the language asked for, else the environment's; the window
    // itself in the one asked for, else the one remembered.
    let said = asked.unwrap_or_else(Lang::from_environment);
    // A screenshot is a PNG, and never written over the scenario it shows or another one.
    if let Some(out) = &args.screenshot {
        let png = out
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("png"));
        let lang = said;
        let refused = if png {
            crate::io::export::refuse_replacing_input(out, args.file.as_deref())
                .err()
                .map(|error| error.in_lang(lang))
        } else {
            Some(format!(
                "{}: {}",
                out.display(),
                Tr::ScreenshotNotPng.get(lang)
            ))
        };
        if let Some(message) = refused {
            crate::io::say(&message);
            return 2;
        }
    }
    let (opened, open_error) = match &args.file {
        Some(path) => match open_file(path) {
            Ok(opened) => (Some(opened), None),
            Err(error) => {
                crate::io::say(&error.in_lang(said));
                // A screenshot is a script's: it stops here. A file opened from the desktop (a
                // Windows program has no console to print to) opens the window on the built-in
                // plan with the reason in it, rather than nothing at all.
                if args.screenshot.is_some() {
                    return 2;
                }
                (None, Some(error))
            }
        },
        None => (None, None),
    };
    let view = match args
        .view
        .as_deref()
        .map(|name| View::from_key(name).ok_or(name))
    {
        Some(Err(name)) => {
            let names: Vec<&str> = View::ALL.iter().map(|v| v.key()).collect();
            crate::io::say(&Tr::ViewUnknown.fill(said, &[&name, &names.join(", ")]));
            return 2;
        }
        Some(Ok(view)) => Some(view),
        None => None,
    };
    let path = args.file.clone().filter(|_| open_error.is_none());
    let (doc, members, on_disk) = match opened {
        Some((doc, members, on_disk)) => (doc, members, Some(on_disk)),
        None => (
            Document::new(hanyang_plan(), None).expect("the built-in scenario is valid"),
            None,
            None,
        ),
    };
    let screenshot = args.screenshot.clone().map(Screenshot::new);
    let outcome = screenshot.as_ref().map(Screenshot::outcome);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ecoplan")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        persist_window: screenshot.is_none(),
        ..Default::default()
    };
    // No display to open a window on (a server, a terminal over SSH): said in words, before
    // the windowing library says it in its own (English, with its source file's path).
    if no_display() {
        crate::io::say(&Tr::WindowCannotOpen.fill(said, &[&Tr::NoDisplay.get(said)]));
        return 1;
    }
    let lang = asked;
    let theme_choice = args.theme;
    let recover = args.recover.clone();
    let result = eframe::run_native(
        "ecoplan",
        options,
        Box::new(move |cc| {
            ui::fonts::install(&cc.egui_ctx);
            // A screenshot shows the defaults, not this machine's remembered settings or work.
            let mut state: UiState = match (&screenshot, cc.storage) {
                (None, Some(storage)) => {
                    eframe::get_value(storage, eframe::APP_KEY).unwrap_or_default()
                }
                _ => UiState::default(),
            };
            if let Some(view) = view {
                state.view = view;
            }
            if let Some(lang) = lang {
                state.lang = lang;
            }
            if let Some(choice) = theme_choice {
                state.theme = choice;
            }
            if let Some(path) = &path {
                state.remember_file(path);
            }
            let mut app = EcoplanApp::new(doc, state, Box::new(NativeDialogs));
            if let Some(members) = members {
                app.members = members;
            }
            app.on_disk = on_disk;
            // `--recover FILE` claims that work before the scan, so the scan leaves it alone.
            let recovery_dir = Recovery::data_dir();
            let recovered = recover.as_deref().map(|file| match &recovery_dir {
                Some(dir) => Recovery::claim(dir, file, said),
                None => Err(Tr::NoRecoveryFolder.fill(said, &[&file.display()])),
            });
            if screenshot.is_none()
                && let Some(dir) = recovery_dir
            {
                app = app.with_recovery(dir);
            }
            match recovered {
                Some(Ok(work)) => app.restore(work),
                Some(Err(error)) => app.open_error = Some(error),
                None => {}
            }
            if let Some(error) = open_error {
                app.open_error = Some(error.in_lang(app.lang()));
            }
            app.screenshot = screenshot;
            Ok(Box::new(app))
        }),
    );
    if let Err(error) = result {
        crate::io::say(&Tr::WindowCannotOpen.fill(said, &[&error]));
        return 1;
    }
    match outcome.map(|o| o.lock().map(|mut r| r.take()).unwrap_or(None)) {
        None => 0,
        Some(Some(Ok(path))) => {
            crate::io::say(&Tr::ScreenshotWritten.fill(said, &[&path.display()]));
            0
        }
        Some(Some(Err((path, error)))) => {
            crate::io::say(&error.in_lang(said, &path));
            1
        }
        Some(None) => {
            crate::io::say(Tr::ScreenshotWindowClosed.get(said));
            1
        }
    }
}

/// The application's icon (`assets/icons/ecoplan.svg`, rendered by `tools/make-icons.sh`).
pub fn window_icon() -> egui::IconData {
    let decoder = png::Decoder::new(std::io::Cursor::new(
        &include_bytes!("../../assets/icons/ecoplan-256.png")[..],
    ));
    let mut reader = decoder.read_info().expect("the bundled icon is a PNG");
    let mut rgba = vec![0; reader.output_buffer_size().expect("the icon has a size")];
    let info = reader
        .next_frame(&mut rgba)
        .expect("the bundled icon decodes");
    rgba.truncate(info.buffer_size());
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "the bundled icon is RGBA"
    );
    egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    }
}

/// Opens `file` (orphaned recovered work) in a new window of this program.
pub(super) fn launch_recovery_window(file: &std::path::Path, lang: Lang) -> Result<(), String> {
    let program = std::env::current_exe()
        .map_err(|e| format!("ecoplan: {}", crate::refusals::io_words(&e, lang)))?;
    let mut child = std::process::Command::new(program)
        .args(["--lang", lang.code(), "--recover"])
        .arg(file)
        .spawn()
        .map_err(|e| Tr::CannotOpenNewWindow.fill(lang, &[&file.display(), &e]))?;
    // Waited for, so that the finished window leaves no zombie behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Whether this system has no display a window could open on: on Linux and the BSDs, neither
/// an X display nor a Wayland one is named in the environment.
fn no_display() -> bool {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return false;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    !(set("DISPLAY") || set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET"))
}
