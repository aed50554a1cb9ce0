//! 基础数据: every series with label, unit, base value, rule and source; edit, reset, add,
//! remove, rename.

use eframe::egui::{self, RichText};

use super::edit_number;
use super::{rule_in_words, section};
use crate::document::Edit;
use crate::i18n::Tr;
use crate::model::{Group, Label, Rule, Series};
use crate::ui::widgets::{Domain, NumberField};
use crate::ui::{ViewCtx, widgets};
use crate::units::Unit;

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    // What Reset goes back to: the parent in a workspace, else the file as last saved (or as
    // opened), never another district's figures.
    let reference = ctx
        .parent
        .map_or_else(|| doc.reference_scenario(), |(parent, _)| parent);
    let scenario = doc.scenario();
    section(ui, ctx.tr(Tr::Baselines));
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("baselines")
                .striped(true)
                .num_columns(10)
                .show(ui, |ui| {
                    for header in [
                        Tr::Key,
                        Tr::Name,
                        Tr::Unit,
                        Tr::Decimals,
                        Tr::BaseValue,
                        Tr::Rule,
                        Tr::HistoryYears,
                        Tr::Reset,
                        Tr::Remove,
                    ] {
                        ui.strong(ctx.tr(header));
                    }
                    if ctx.parent.is_some() {
                        ui.strong(ctx.tr(Tr::Inheritance));
                    }
                    ui.strong(ctx.tr(Tr::Source));
                    ui.end_row();
                    for series in &scenario.series {
                        let key = series.key.clone();
                        let renamed = widgets::validated_edit(
                            ui,
                            ("key", &key),
                            key.clone(),
                            130.0,
                            &format!("{} {key}", ctx.tr(Tr::Key)),
                            &format!("{} · {}", ctx.tr(Tr::Key), lang.label(&series.label)),
                            |text| {
                                let to = text.trim().to_owned();
                                ctx.doc
                                    .check_in(
                                        lang,
                                        &Edit::RenameSeries {
                                            from: key.clone(),
                                            to: to.clone(),
                                        },
                                    )
                                    .map(|()| to)
                            },
                        );
                        if let Some(to) = renamed {
                            ctx.apply(Edit::RenameSeries {
                                from: key.clone(),
                                to,
                            });
                        }
                        let shown_label = lang.label(&series.label).to_owned();
                        let relabelled = widgets::validated_edit(
                            ui,
                            ("label", &key),
                            shown_label,
                            200.0,
                            &format!("{} {key}", ctx.tr(Tr::Name)),
                            &format!("{} · {key}", ctx.tr(Tr::Name)),
                            |text| {
                                if text.trim().is_empty() {
                                    Err(ctx.tr(Tr::Name).to_owned() + " ∅")
                                } else {
                                    Ok(text.trim().to_owned())
                                }
                            },
                        );
                        if let Some(text) = relabelled {
                            let mut label = series.label.clone();
                            lang.set_label(&mut label, text);
                            ctx.apply(Edit::SetSeriesLabel {
                                series: key.clone(),
                                label,
                            });
                        }
                        ui.label(crate::i18n::unit(lang, &series.unit));
                        if let Some(decimals) = widgets::decimals_ui(
                            ui,
                            ("decimals", &key),
                            series.decimals,
                            &format!("{} {key}", ctx.tr(Tr::Decimals)),
                            lang,
                        ) {
                            ctx.apply(Edit::SetSeriesDecimals {
                                series: key.clone(),
                                decimals,
                            });
                        }
                        if matches!(series.rule, Rule::Driven { .. }) {
                            // A driven series' base value is its driver's × the intensity.
                            let base = ctx
                                .doc
                                .analysis()
                                .projection
                                .value(&key, scenario.base_year)
                                .or(series.base)
                                .unwrap_or(f64::NAN);
                            ui.label(
                                RichText::new(crate::format::with_decimals(base, series.decimals))
                                    .italics(),
                            )
                            .on_hover_text(Tr::ComputedAsDriverIntensity.get(lang));
                        } else {
                            let field = NumberField::of(
                                lang,
                                ctx.tr(Tr::BaseValue),
                                &key,
                                lang.label(&series.label),
                                &crate::i18n::unit(lang, &series.unit),
                                Domain::NonNegative,
                            )
                            .with_decimals(series.decimals);
                            edit_number(ui, ctx, ("base", &key), series.base, &field, |value| {
                                Edit::SetBase {
                                    series: key.clone(),
                                    value,
                                }
                            });
                        }
                        ui.label(rule_in_words(scenario, &series.rule, lang));
                        history_cell(ui, series, scenario.base_year);
                        match reference.series(&key) {
                            Some(original) => {
                                // What the reference sets, with this file's own note kept: a
                                // note in another wording is no change to reset, and resetting
                                // keeps it.
                                let original = Series {
                                    source: series.source.clone(),
                                    ..original.clone()
                                };
                                let differs = original != *series;
                                let button = ui
                                    .add_enabled(differs, egui::Button::new(ctx.tr(Tr::Reset)))
                                    .on_hover_text(ctx.tr(Tr::ResetToPlan))
                                    .accessible_name(format!("{} {key}", ctx.tr(Tr::ResetToPlan)));
                                if button.clicked() {
                                    ctx.apply(Edit::ReplaceSeries {
                                        series: Box::new(original),
                                    });
                                }
                            }
                            None => {
                                ui.label(RichText::new(ctx.tr(Tr::NotInPlan)).weak());
                            }
                        }
                        let remove = ui
                            .button(ctx.tr(Tr::Remove))
                            .on_hover_text(ctx.tr(Tr::Remove))
                            .accessible_name(format!("{} {key}", ctx.tr(Tr::Remove)));
                        if remove.clicked() {
                            ctx.apply(Edit::RemoveSeries {
                                series: key.clone(),
                            });
                        }
                        if let Some((parent, _)) = ctx.parent {
                            // A child scenario shows which values it overrides.
                            match parent.series(&key) {
                                Some(inherited)
                                    if inherited.base == series.base
                                        && inherited.rule == series.rule =>
                                {
                                    ui.label(RichText::new(ctx.tr(Tr::Inherited)).weak());
                                }
                                _ => {
                                    widgets::status_chip(
                                        ui,
                                        ctx.tr(Tr::Overridden),
                                        crate::ui::theme::near(),
                                    );
                                }
                            }
                        }
                        // Last: the actions and the inheritance stay in view, the long note
                        // runs off the edge. Typed in the interface's language; a note that
                        // read the same in both languages stays so.
                        let shown = lang.label(&series.source).to_owned();
                        let typed = widgets::validated_edit_hinted(
                            ui,
                            ("source", &key),
                            shown.clone(),
                            300.0,
                            &format!("{} {key}", ctx.tr(Tr::Source)),
                            &format!("{} · {}", ctx.tr(Tr::Source), lang.label(&series.label)),
                            ctx.tr(Tr::SourceHint),
                            |text| Ok::<_, String>(text.trim().to_owned()),
                        );
                        if let Some(text) = typed {
                            let source = if series.source.zh == series.source.en {
                                Label::same(&text)
                            } else {
                                let mut source = series.source.clone();
                                lang.set_label(&mut source, text);
                                source
                            };
                            ctx.apply(Edit::SetSeriesSource {
                                series: key.clone(),
                                source,
                            });
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            if ui.button(format!("＋ {}", ctx.tr(Tr::AddSeries))).clicked() {
                let key = (1..)
                    .map(|n| format!("series_{n}"))
                    .find(|k| scenario.series(k).is_none())
                    .expect("some key is free");
                ctx.apply(Edit::AddSeries {
                    series: Box::new(Series {
                        key: key.clone(),
                        label: Label::new(&format!("新序列 {key}"), &format!("New series {key}")),
                        unit: Unit::one(),
                        group: Group::Other,
                        base: None,
                        rule: Rule::growth(0.0),
                        source: Label::default(),
                        observed: Vec::new(),
                        decimals: None,
                    }),
                });
            }
        });
}

/// The series' history before the base year, what its rule was derived from: the span and
/// the last values in the cell ("2016—2020 · 431.6 · 440.2"), every year on hover.
fn history_cell(ui: &mut egui::Ui, series: &Series, base_year: i32) {
    let before: Vec<_> = series
        .observed
        .iter()
        .filter(|o| o.year < base_year)
        .collect();
    let (Some(first), Some(last)) = (before.first(), before.last()) else {
        ui.label(RichText::new("–").weak());
        return;
    };
    let value = |v: f64| crate::format::with_decimals(v, series.decimals);
    let span = if first.year == last.year {
        first.year.to_string()
    } else {
        format!("{}—{}", first.year, last.year)
    };
    let recent: Vec<String> = before
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|o| value(o.value))
        .collect();
    let all: Vec<String> = before
        .iter()
        .map(|o| format!("{}: {}", o.year, value(o.value)))
        .collect();
    ui.label(RichText::new(format!("{span} · {}", recent.join(" · "))).weak())
        .on_hover_text(all.join("\n"));
}
