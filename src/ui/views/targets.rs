//! 目标: each target check with its value, gap and the constant annual change that meets it.

use eframe::egui::{self, RichText};

use super::section;
use crate::format;
use crate::i18n::Tr;
use crate::ui::chart::chart_ui;
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let checks = &doc.analysis().targets;
    section(ui, ctx.tr(Tr::Targets));
    egui::Grid::new("targets")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for header in [
                Tr::Name,
                Tr::Year,
                Tr::Value,
                Tr::Threshold,
                Tr::Unit,
                Tr::Status,
                Tr::Gap,
                Tr::RequiredChange,
            ] {
                ui.strong(ctx.tr(header));
            }
            ui.end_row();
            for check in checks {
                let decimals = scenario.target_decimals(&check.key);
                ui.label(lang.label(&check.label));
                ui.label(check.year.to_string());
                ui.label(format::with_decimals(check.value, decimals));
                ui.label(crate::i18n::threshold_in_words(check, decimals, lang));
                ui.label(crate::i18n::unit(lang, &check.unit));
                let (verdict, color) = if check.met {
                    (Tr::Yes, theme::ok())
                } else {
                    (Tr::No, theme::bad())
                };
                widgets::status_chip(ui, verdict.get(lang), color);
                ui.label(RichText::new(format::signed(check.gap, decimals)).color(color));
                ui.label(crate::i18n::needed_change(check, lang).unwrap_or_else(|| "–".into()))
                    .on_hover_text(Tr::ChangingByThisMuchEvery.get(lang));
                ui.end_row();
            }
        });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            super::target_edit::add_target_ui(ui, ctx);
            for target in &scenario.targets {
                super::target_edit::target_fields_ui(ui, ctx, target);
            }
            for check in checks {
                ui.add_space(8.0);
                ui.strong(lang.label(&check.label));
                let spec = crate::charts::target_chart(scenario, check, lang);
                chart_ui(ui, &spec, theme::CHART_HEIGHT * 0.7, lang, ctx.commands);
            }
        });
}
