//! Shared pieces of the method views: a numeric parameter of the methods, and the "how is this
//! computed" panel beside a derived number.

use eframe::egui::{self, RichText};

use crate::document::Edit;
use crate::engine::methods::Derivation;
use crate::format;
use crate::i18n::Tr;
use crate::model::Methods;
use crate::ui::{ViewCtx, widgets};

/// One numeric parameter of the scenario's methods, validated like every other field.
pub fn method_number(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id: &str,
    name: &str,
    value: f64,
    set: impl Fn(&mut Methods, f64),
) {
    let with = |v: f64| {
        let mut methods = ctx.doc.scenario().methods.clone();
        set(&mut methods, v);
        Edit::SetMethods {
            methods: Box::new(methods),
        }
    };
    // Every parameter of the methods is an amount of at least 0.
    let field = widgets::NumberField {
        name: name.to_owned(),
        label: name.to_owned(),
        scale: 1.0,
        unit: String::new(),
        domain: widgets::Domain::NonNegative,
        lang: ctx.lang,
        width: 96.0,
        decimals: None,
    };
    let lang = ctx.lang;
    let edited = widgets::number_edit(ui, ("method", id), value, &field, |v| {
        let edit = with(v);
        // The land cover's bound is worded here in the user's language; the engine's check
        // behind it is the same (`engine::land_cover_beyond_area`).
        if let Edit::SetMethods { methods } = &edit
            && let Some((cover, area)) = crate::engine::land_cover_beyond_area(&methods.ei)
        {
            return Err(Tr::LandCoverExceedsArea.fill(
                lang,
                &[&crate::format::value(cover), &crate::format::value(area)],
            ));
        }
        ctx.doc.check_in(lang, &edit)
    });
    if let Some(v) = edited {
        let edit = with(v);
        ctx.apply(edit);
    }
}

/// The formula, the values used and the source of a derived number.
pub fn how_computed_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &str, derivation: &Derivation) {
    egui::CollapsingHeader::new(ctx.tr(Tr::HowComputed))
        .id_salt(("how", id))
        .show(ui, |ui| {
            ui.label(
                RichText::new(crate::i18n::lead(
                    ctx.lang,
                    ctx.tr(Tr::Formula),
                    &derivation.formula,
                ))
                .monospace(),
            );
            egui::Grid::new(("how-terms", id)).show(ui, |ui| {
                for term in &derivation.terms {
                    ui.label(RichText::new(&term.symbol).monospace());
                    ui.label(format::value(term.value));
                    ui.label(crate::i18n::unit_text(ctx.lang, &term.unit));
                    ui.end_row();
                }
                for (part, value) in &derivation.parts {
                    ui.label(part);
                    ui.label(format::value(*value));
                    ui.label(crate::i18n::unit_text(ctx.lang, &derivation.unit));
                    ui.end_row();
                }
                ui.strong("=");
                ui.strong(format::value(derivation.result));
                ui.strong(crate::i18n::unit_text(ctx.lang, &derivation.unit));
                ui.end_row();
            });
            ui.label(RichText::new(&derivation.source).small().weak());
        });
}
