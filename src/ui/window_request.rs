//! What the window is asked to do when it starts, whoever asks: the command line maps its
//! options into this (`cli::WindowArgs`), and the window (`app::main`) reads only this, so
//! neither names the other's types.

use std::path::PathBuf;

use super::ThemeChoice;

/// The window's start: a file to open or work to restore, the view, the theme, and whether to
/// render one frame into a PNG and exit.
#[derive(Clone, Debug, Default)]
pub struct WindowRequest {
    /// Render the view into this PNG file and exit.
    pub screenshot: Option<PathBuf>,
    /// The view to open, by its key (`View::from_key`); an unknown key is refused by name.
    pub view: Option<String>,
    /// The colour theme, where asked for (else the one remembered).
    pub theme: Option<ThemeChoice>,
    /// A recovery file whose unsaved work to restore.
    pub recover: Option<PathBuf>,
    /// The scenario or workspace file to open (else the built-in plan).
    pub file: Option<PathBuf>,
}
