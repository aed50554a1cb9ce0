//! 历史与趋势: each series' history (imported from the statistics or typed), a rule fitted to
//! it (average annual growth, least-squares growth, a linear trend, an intensity against a
//! driver, an elasticity) with how well it fits, drawn beside the projection now and with the
//! fit, and "Apply" writing the rule and a note of how it was derived as one undoable edit.

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::engine::fit::{self, Fit, FitMethod};
use crate::i18n::Tr;
use crate::model::Label;
use crate::ui::chart::chart_ui;
use crate::ui::command::UiCommand;
use crate::ui::{Command, ViewCtx, theme, widgets};

/// What the fit form asks: kept while the window runs (egui's memory), per scenario revision
/// the fit is computed once.
#[derive(Clone, Debug, PartialEq)]
struct FitForm {
    series: String,
    method: FitMethod,
    from: i32,
    to: i32,
    driver: Option<String>,
}

/// The last fit computed, for the form and revision it answers.
#[derive(Clone)]
struct Computed {
    form: FitForm,
    revision: u64,
    fit: Result<Fit, fit::FitError>,
    /// The analysis with the fitted rule in place, to draw what applying it would project.
    with_fit: Option<std::sync::Arc<crate::engine::Analysis>>,
    rule: Option<crate::model::Rule>,
}

fn method_name(method: FitMethod) -> Tr {
    match method {
        FitMethod::Cagr => Tr::FitCagr,
        FitMethod::LogLinear => Tr::FitLogLinear,
        FitMethod::Linear => Tr::FitLinear,
        FitMethod::Intensity => Tr::FitIntensity,
        FitMethod::Elasticity => Tr::FitElasticity,
    }
}

/// The form for a series: its history's first and last years, and a driver where it has one.
fn form_for(scenario: &crate::model::Scenario, key: &str) -> FitForm {
    let history = fit::history(scenario, key);
    let (from, to) = match (history.first(), history.last()) {
        (Some(first), Some(last)) => (first.0, last.0),
        _ => (scenario.base_year - 5, scenario.base_year),
    };
    // The last five years, as plans take "近五年年均增长率", where the history is longer.
    let from = from.max(to - 5);
    FitForm {
        series: key.to_owned(),
        method: FitMethod::Cagr,
        from,
        to,
        // The series' own driver, else the first that may drive it (the economy first).
        driver: scenario
            .series(key)
            .and_then(|s| s.rule.driver())
            .or_else(|| {
                crate::engine::rule_kind::possible_drivers(scenario, key)
                    .first()
                    .copied()
            })
            .map(str::to_owned),
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    section(ui, ctx.tr(Tr::HistoryView));
    ui.horizontal(|ui| {
        if ui.button(ctx.tr(Tr::ImportStatistics)).clicked() {
            ctx.commands.push(Command::Ui(UiCommand::ImportValues));
        }
        ui.label(
            RichText::new(ctx.tr(Tr::ImportStatisticsHint))
                .weak()
                .small(),
        );
    });
    let with_history: Vec<&crate::model::Series> = scenario
        .series
        .iter()
        .filter(|s| fit::history(scenario, &s.key).len() >= 2)
        .collect();
    if with_history.is_empty() {
        ui.label(RichText::new(ctx.tr(Tr::NoHistoryYet)).weak());
        return;
    }
    let form_id = ui.make_persistent_id("fit-form");
    let mut form: FitForm = ui
        .data(|d| d.get_temp(form_id))
        .filter(|f: &FitForm| scenario.series(&f.series).is_some())
        .unwrap_or_else(|| form_for(scenario, &with_history[0].key));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Every series with a history, its years and its rule now.
            egui::Grid::new("history-series")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for header in [Tr::Name, Tr::HistoryYears, Tr::Rule, Tr::Source] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.end_row();
                    for series in &with_history {
                        let history = fit::history(scenario, &series.key);
                        let chosen = form.series == series.key;
                        if ui
                            .selectable_label(chosen, lang.label(&series.label))
                            .clicked()
                            && !chosen
                        {
                            form = form_for(scenario, &series.key);
                        }
                        ui.label(crate::i18n::bracketed(
                            ctx.lang,
                            &format!(
                                "{}–{}",
                                history.first().map_or(0, |h| h.0),
                                history.last().map_or(0, |h| h.0)
                            ),
                            &history.len().to_string(),
                        ));
                        ui.label(super::rule_in_words(scenario, &series.rule, lang));
                        ui.label(RichText::new(lang.label(&series.source)).small().weak());
                        ui.end_row();
                    }
                });
            rebase_ui(ui, ctx);
            ui.separator();
            form_ui(ui, ctx, &mut form);
            let computed = computed(ui, ctx, &form);
            result_ui(ui, ctx, &form, &computed);
        });
    ui.data_mut(|d| d.insert_temp(form_id, form));
}

/// The method, the years and the driver.
fn form_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, form: &mut FitForm) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.tr(Tr::FitMethodLabel));
        for method in FitMethod::ALL.iter().copied() {
            ui.radio_value(&mut form.method, method, method_name(method).get(lang));
        }
    });
    ui.horizontal(|ui| {
        for (label, year) in [(Tr::FitFrom, &mut form.from), (Tr::FitTo, &mut form.to)] {
            ui.label(label.get(lang));
            if let Some(typed) = widgets::validated_edit(
                ui,
                ("fit-year", label.name()),
                year.to_string(),
                56.0,
                label.get(lang),
                label.get(lang),
                |text| widgets::parse_year(text, None, lang),
            ) {
                *year = typed;
            }
        }
        if form.method.needs_driver() {
            ui.label(ctx.tr(Tr::Driver));
            if let Some(picked) = super::series_combo(
                ui,
                "fit-driver",
                scenario,
                form.driver.as_deref(),
                ctx.tr(Tr::FitDriver),
                lang,
            ) {
                form.driver = Some(picked);
            }
        }
    });
}

/// The fit of the form, computed once per form and revision.
fn computed(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, form: &FitForm) -> Computed {
    let id = ui.make_persistent_id("fit-computed");
    let revision = ctx.doc.revision();
    if let Some(done) = ui
        .data(|d| d.get_temp::<Computed>(id))
        .filter(|c| c.revision == revision && c.form == *form)
    {
        return done;
    }
    let scenario = ctx.doc.scenario();
    let result = fit::fit(
        scenario,
        &form.series,
        form.method,
        (form.from, form.to),
        form.driver.as_deref(),
    );
    let rule = result
        .as_ref()
        .ok()
        .and_then(|fit| fit::rule_of_fit(scenario, fit));
    let with_fit = rule.as_ref().and_then(|rule| {
        let mut changed = scenario.clone();
        changed.series_mut(&form.series)?.rule = rule.clone();
        crate::engine::analyse(&changed)
            .ok()
            .map(std::sync::Arc::new)
    });
    let done = Computed {
        form: form.clone(),
        revision,
        fit: result,
        with_fit,
        rule,
    };
    ui.data_mut(|d| d.insert_temp(id, done.clone()));
    done
}

fn result_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, form: &FitForm, computed: &Computed) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let analysis = ctx.doc.analysis();
    match &computed.fit {
        Err(error) => {
            ui.label(
                RichText::new(crate::i18n::fit_refusal(error, scenario, lang)).color(theme::bad()),
            );
        }
        Ok(result) => {
            let note = crate::i18n::fit_note(scenario, result, lang);
            ui.label(RichText::new(&note).strong());
            ui.label(Tr::FitQuality.fill(
                lang,
                &[
                    &format!("{:.4}", result.r2),
                    &crate::format::value(result.rmse),
                    &if form.method.on_log_scale() {
                        Tr::LogScale.get(lang)
                    } else {
                        Tr::ValueScale.get(lang)
                    },
                    &result.residuals.len(),
                ],
            ));
            egui::CollapsingHeader::new(ctx.tr(Tr::Residuals))
                .id_salt("fit-residuals")
                .show(ui, |ui| {
                    egui::Grid::new("fit-residuals-grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for (year, residual) in &result.residuals {
                                ui.label(year.to_string());
                                ui.label(format!("{residual:+.4}"));
                                ui.end_row();
                            }
                        });
                });
            let apply = ui
                .add_enabled(
                    computed.rule.is_some() && computed.with_fit.is_some(),
                    egui::Button::new(ctx.tr(Tr::ApplyFit)),
                )
                .on_hover_text(ctx.tr(Tr::ApplyFitHint));
            if apply.clicked()
                && let Some(rule) = computed.rule.clone()
            {
                ctx.apply(Edit::SetRuleWithSource {
                    series: form.series.clone(),
                    rule,
                    source: Label {
                        zh: crate::i18n::fit_note(scenario, result, crate::i18n::Lang::Zh),
                        en: crate::i18n::fit_note(scenario, result, crate::i18n::Lang::En),
                    },
                });
            }
        }
    }
    let fit = computed.fit.as_ref().ok();
    if let Some(spec) = crate::charts::fit_chart(
        scenario,
        analysis,
        &form.series,
        fit,
        computed.with_fit.as_deref(),
        lang,
    ) {
        chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
    }
}

/// Moving the base year forward to a year of the history, with what each base value becomes.
fn rebase_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    use crate::engine::rebase::{RebasedFrom, rebased};
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    // The latest year any series has history for, after the base year.
    let latest = scenario
        .series
        .iter()
        .flat_map(|s| s.observed.iter().map(|o| o.year))
        .filter(|&y| y > scenario.base_year)
        .max();
    let Some(latest) = latest else {
        return;
    };
    egui::CollapsingHeader::new(Tr::RebaseTo.fill(lang, &[&latest]))
        .id_salt("rebase")
        .show(ui, |ui| {
            match rebased(scenario, &ctx.doc.analysis().projection, latest) {
                Err(error) => {
                    let text = error.in_lang(lang);
                    ui.label(RichText::new(text).color(theme::bad()));
                }
                Ok((moved, rows)) => {
                    egui::Grid::new("rebase-preview")
                        .striped(true)
                        .show(ui, |ui| {
                            for header in [Tr::Name, Tr::OldValue, Tr::NewValue, Tr::Source] {
                                ui.strong(header.get(lang));
                            }
                            ui.end_row();
                            for row in &rows {
                                let Some(series) = scenario.series(&row.key) else {
                                    continue;
                                };
                                let shown = |v: Option<f64>| {
                                    v.map_or_else(
                                        || "–".to_owned(),
                                        |v| crate::format::with_decimals(v, series.decimals),
                                    )
                                };
                                ui.label(lang.label(&series.label));
                                ui.label(shown(row.old));
                                ui.label(RichText::new(shown(row.new)).strong());
                                ui.label(match row.from {
                                    RebasedFrom::History => Tr::FromHistory.get(lang),
                                    RebasedFrom::Projection => Tr::FromProjection.get(lang),
                                });
                                ui.end_row();
                            }
                        });
                    if ui.button(ctx.tr(Tr::ApplyRebase)).clicked() {
                        ctx.apply(Edit::Rebase {
                            scenario: Box::new(moved),
                            year: latest,
                        });
                    }
                }
            }
        });
}
