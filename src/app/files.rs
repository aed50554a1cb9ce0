//! File dialogs behind a trait: rfd needs a desktop portal, which tests, Xvfb and some Linux
//! desktops do not have. Where the native dialog cannot open, the window asks for a path in a
//! field of its own (`dialogs::Modal::PathPrompt`) and says why.

use std::path::PathBuf;

use crate::i18n::Tr;

/// What the user answered a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No dialog could be shown, with why: the window asks for the path itself.
    Unavailable(Tr),
}

impl From<Option<PathBuf>> for Picked {
    fn from(path: Option<PathBuf>) -> Picked {
        path.map_or(Picked::Cancelled, Picked::Path)
    }
}

/// Asks the user for paths. The window uses native dialogs; tests script the answers.
pub trait FileDialogs {
    fn pick_scenario(&self) -> Picked;
    /// A filled-in table of indicator values (xlsx, xls, ods, csv).
    fn pick_table(&self) -> Picked;
    /// Where to save a file; `extension` without the dot ("ron", "csv", "xlsx", "png").
    fn pick_save(&self, suggested_name: &str, extension: &str) -> Picked;
}

/// Native dialogs through rfd (xdg-desktop-portal on Linux).
pub struct NativeDialogs;

/// Why no native dialog can open here, when that is known before trying: on Linux rfd talks to
/// the desktop portal over the session bus, and without a session bus there is no portal.
fn known_unavailable() -> Option<Tr> {
    (cfg!(target_os = "linux") && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none())
        .then_some(Tr::NoDesktopPortal)
}

/// Runs a native dialog. A dialog that "answers" faster than a person can read it never
/// showed (rfd logs the portal error and returns nothing): that is unavailability, not a
/// cancel.
fn native(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    if let Some(why) = known_unavailable() {
        return Picked::Unavailable(why);
    }
    let started = std::time::Instant::now();
    match dialog() {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < std::time::Duration::from_millis(250) => {
            Picked::Unavailable(Tr::DialogDidNotOpen)
        }
        None => Picked::Cancelled,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_scenario(&self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .add_filter("ecoplan scenario (*.ron)", &["ron"])
                .pick_file()
        })
    }

    fn pick_table(&self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .add_filter("Excel, WPS, CSV", &["xlsx", "xls", "ods", "csv"])
                .pick_file()
        })
    }

    fn pick_save(&self, suggested_name: &str, extension: &str) -> Picked {
        native(|| {
            let path = rfd::FileDialog::new()
                .add_filter(extension, &[extension])
                .set_file_name(suggested_name)
                .save_file()?;
            // Dialogs on some desktops drop the extension the filter implies.
            Some(if path.extension().is_none() {
                path.with_extension(extension)
            } else {
                path
            })
        })
    }
}
