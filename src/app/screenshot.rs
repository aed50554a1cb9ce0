//! `--screenshot PATH`: render the window a few frames, capture it, write a PNG, close.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui;

use super::ScreenshotOutcome;

/// Frames to draw before capturing, so fonts, layout and plots have settled.
const SETTLE_FRAMES: u32 = 5;

pub struct Screenshot {
    path: PathBuf,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    outcome: ScreenshotOutcome,
}

impl Screenshot {
    pub fn new(path: PathBuf) -> Screenshot {
        Screenshot {
            path,
            frames: 0,
            requested: false,
            image: Arc::default(),
            outcome: Arc::default(),
        }
    }

    pub fn outcome(&self) -> ScreenshotOutcome {
        self.outcome.clone()
    }

    /// Called once per frame.
    pub fn step(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if !self.requested && self.frames >= SETTLE_FRAMES {
            let image = self.image.clone();
            ctx.request_screenshot(move |captured| {
                if let Ok(mut slot) = image.lock() {
                    *slot = Some(captured);
                }
            });
            self.requested = true;
        }
        let captured = self.image.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = captured {
            let result = write_png(&self.path, &image)
                .map(|()| self.path.clone())
                .map_err(|error| (self.path.clone(), error));
            if let Ok(mut outcome) = self.outcome.lock() {
                *outcome = Some(result);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }
}

/// Writes an RGBA image as PNG, through the safe writer.
pub fn write_png(
    path: &Path,
    image: &egui::ColorImage,
) -> Result<(), crate::io::export::WriteError> {
    use crate::io::export::WriteError;
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let bytes = crate::io::chart_png::encode_png(
        &pixels,
        png::ColorType::Rgba,
        width as u32,
        height as u32,
    )
    .map_err(|error| WriteError::Build(error.to_string()))?;
    Ok(crate::io::write_atomically(
        path,
        &bytes,
        crate::io::Backup::None,
    )?)
}
