//! The bundled CJK font, so Chinese renders the same on every machine.

use eframe::egui;
use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// Noto Sans CJK SC cut down to GB2312 and the characters ecoplan uses (`tools/subset-font.sh`);
/// licence in `assets/fonts/OFL.txt`.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

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
