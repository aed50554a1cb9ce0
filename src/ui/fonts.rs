//! The bundled CJK font, so Chinese renders the same on every machine, and the system's CJK
//! font after it for the characters outside the bundled subset (rare place names).

use eframe::egui;
use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

use crate::assets::CJK_FONT;

/// Adds the CJK font after egui's own fonts in both families, so Latin text keeps egui's look
/// and every Chinese character falls through to the bundled font, and one it lacks to the
/// system's (`typeface::system`), where there is one.
pub fn install(ctx: &egui::Context) {
    let families = || {
        [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect()
    };
    ctx.add_font(FontInsert::new(
        "noto-sans-sc-subset",
        FontData::from_static(CJK_FONT),
        families(),
    ));
    if let Some(system) = crate::typeface::system() {
        ctx.add_font(FontInsert::new(
            "system-cjk",
            FontData::from_static(system.bytes),
            families(),
        ));
    }
}
