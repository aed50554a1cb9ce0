//! The bundled CJK font, so Chinese renders the same on every machine.

use eframe::egui;
use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

use crate::assets::CJK_FONT;

/// Adds the CJK font after egui's own fonts in both families, so Latin text keeps egui's look
/// and every Chinese character falls through to the bundled font.
pub fn install(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "noto-sans-sc-subset",
        FontData::from_static(CJK_FONT),
        families,
    ));
}
