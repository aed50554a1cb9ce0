//! 预测结果: the year × series table with milestone columns highlighted, charts of the series
//! the user picks (one chart per unit), and the table as tab-separated text for Excel.

use eframe::egui::{self, RichText};

use super::section;
use crate::charts::series_chart;
use crate::document::Edit;
use crate::format;
use crate::i18n::Tr;
use crate::io::csv::projection_tsv;
use crate::model::Observation;
use crate::ui::chart::chart_ui;
use crate::ui::view_state::ProjectionsState;
use crate::ui::widgets::{self, Domain, NumberField};
use crate::ui::{ViewCtx, theme};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut ProjectionsState) {
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let projection = &doc.analysis().projection;
    let lang = ctx.lang;
    ui.horizontal(|ui| {
        section(ui, ctx.tr(Tr::Projections));
        if ui.button(ctx.tr(Tr::CopyTable)).clicked() {
            ui.ctx()
                .copy_text(projection_tsv(scenario, projection, lang));
        }
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("projection-table")
                .show(ui, |ui| {
                    let fill = theme::milestone_fill(ui.visuals());
                    // The history before the base year, in its own columns, before the
                    // projection's: what the rules were derived from.
                    let history_years = scenario.history_span();
                    egui::Grid::new("projection-table")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong(ctx.tr(Tr::Name));
                            ui.strong(ctx.tr(Tr::Unit));
                            for year in &history_years {
                                ui.label(RichText::new(year.to_string()).weak())
                                    .on_hover_text(ctx.tr(Tr::HistoryPoints));
                            }
                            for year in projection.years() {
                                cell(
                                    ui,
                                    RichText::new(year.to_string()).strong(),
                                    scenario.milestones.contains(&year).then_some(fill),
                                );
                            }
                            ui.end_row();
                            for (series, projected) in
                                scenario.series.iter().zip(&projection.series)
                            {
                                ui.label(lang.label(&series.label));
                                ui.label(crate::i18n::unit(lang, &series.unit));
                                for year in &history_years {
                                    let value = series
                                        .observed
                                        .iter()
                                        .find(|o| o.year == *year)
                                        .map_or_else(
                                            || "–".to_owned(),
                                            |o| format::with_decimals(o.value, series.decimals),
                                        );
                                    ui.label(RichText::new(value).italics().weak());
                                }
                                for (year, value) in projection.years().zip(&projected.values) {
                                    cell(
                                        ui,
                                        RichText::new(format::with_decimals(
                                            *value,
                                            series.decimals,
                                        )),
                                        scenario.milestones.contains(&year).then_some(fill),
                                    );
                                }
                                ui.end_row();
                            }
                        });
                });

            observed_ui(ui, ctx);

            section(ui, ctx.tr(Tr::ChartSeries));
            let mut chosen = state.chart_series_in(scenario);
            ui.horizontal_wrapped(|ui| {
                for series in &scenario.series {
                    let mut shown = chosen.contains(&series.key);
                    let text = RichText::new(lang.label(&series.label))
                        .color(theme::series_color(scenario, &series.key));
                    if ui.checkbox(&mut shown, text).changed() {
                        if shown {
                            chosen.push(series.key.clone());
                        } else {
                            chosen.retain(|k| k != &series.key);
                        }
                        state.chart_series = Some(chosen.clone());
                    }
                }
            });
            // Series of different units never share an axis: one chart per unit.
            let mut units: Vec<&str> = Vec::new();
            for series in scenario.series.iter().filter(|s| chosen.contains(&s.key)) {
                if !units.contains(&series.unit.symbol()) {
                    units.push(series.unit.symbol());
                }
            }
            for unit in units {
                let keys: Vec<&str> = scenario
                    .series
                    .iter()
                    .filter(|s| chosen.contains(&s.key) && s.unit.symbol() == unit)
                    .map(|s| s.key.as_str())
                    .collect();
                let title = crate::i18n::bracketed(
                    lang,
                    ctx.tr(Tr::Projections),
                    &crate::i18n::unit_text(lang, unit),
                );
                let analysis = doc.analysis();
                if let Some(spec) = series_chart(
                    scenario,
                    analysis,
                    &keys,
                    lang,
                    crate::charts::ChartKey::Chosen {
                        unit: unit.to_string(),
                    },
                    title,
                ) {
                    ui.add_space(6.0);
                    chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
                }
            }
        });
}

fn cell(ui: &mut egui::Ui, text: RichText, fill: Option<egui::Color32>) {
    match fill {
        Some(fill) => {
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(4, 0))
                .show(ui, |ui| ui.label(text));
        }
        None => {
            ui.label(text);
        }
    }
}

/// Observed values of past years beside the projection (a mid-term review, 中期评估): each with
/// its projected value and the deviation, editable and removable; a new one by series, year and
/// value. The charts show them as points over the projected lines.
fn observed_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let projection = &doc.analysis().projection;
    section(ui, ctx.tr(Tr::ObservedAgainstProjection));
    ui.label(RichText::new(ctx.tr(Tr::ObservedHint)).weak());
    let set = |series: &crate::model::Series, observed: Vec<Observation>| Edit::SetSeriesObserved {
        series: series.key.clone(),
        observed,
    };
    let any = scenario.series.iter().any(|s| !s.observed.is_empty());
    if any {
        egui::Grid::new("observed-values")
            .striped(true)
            .show(ui, |ui| {
                for header in [
                    Tr::SeriesLabel,
                    Tr::Year,
                    Tr::BasisObserved,
                    Tr::BasisProjected,
                    Tr::Deviation,
                    Tr::DeviationShare,
                    Tr::Source,
                ] {
                    ui.strong(ctx.tr(header));
                }
                ui.end_row();
                for series in scenario.series.iter().filter(|s| !s.observed.is_empty()) {
                    for observation in &series.observed {
                        let year = observation.year;
                        ui.label(lang.label(&series.label));
                        ui.label(year.to_string());
                        let field = NumberField::of(
                            lang,
                            &format!("{} {year}", ctx.tr(Tr::BasisObserved)),
                            &series.key,
                            lang.label(&series.label),
                            &crate::i18n::unit(lang, &series.unit),
                            Domain::Any,
                        )
                        .with_decimals(series.decimals);
                        if let Some(value) = widgets::number_edit(
                            ui,
                            ("observed", &series.key, year),
                            observation.value,
                            &field,
                            |_| Ok(()),
                        ) {
                            let mut observed = series.observed.clone();
                            if let Some(o) = observed.iter_mut().find(|o| o.year == year) {
                                o.value = value;
                            }
                            ctx.apply(set(series, observed));
                        }
                        // The projection covers its own years only; an observed year outside it
                        // has nothing to be compared with.
                        let projected = projection
                            .value(&series.key, year)
                            .filter(|v| v.is_finite());
                        ui.label(projected.map_or_else(
                            || "–".into(),
                            |v| format::with_decimals(v, series.decimals),
                        ));
                        match projected {
                            Some(p) => {
                                let deviation = observation.value - p;
                                ui.label(format::with_decimals(deviation, series.decimals));
                                ui.label(if p != 0.0 {
                                    format::percent(deviation / p)
                                } else {
                                    "–".into()
                                });
                            }
                            None => {
                                ui.label("–");
                                ui.label("–");
                            }
                        }
                        ui.label(RichText::new(&observation.source).weak().small());
                        if ui
                            .small_button(ctx.tr(Tr::Remove))
                            .accessible_name(format!(
                                "{} {} {year}",
                                ctx.tr(Tr::Remove),
                                series.key
                            ))
                            .clicked()
                        {
                            let observed = series
                                .observed
                                .iter()
                                .filter(|o| o.year != year)
                                .cloned()
                                .collect();
                            ctx.apply(set(series, observed));
                        }
                        ui.end_row();
                    }
                }
            });
    }
    // A new value: the series, the year (the year after the base year by default), the value.
    let key_id = ui.make_persistent_id("observed-new-series");
    let year_id = ui.make_persistent_id("observed-new-year");
    let Some(first) = scenario.series.first() else {
        return;
    };
    let mut key: String = ui
        .data(|d| d.get_temp(key_id))
        .filter(|k: &String| scenario.series(k).is_some())
        .unwrap_or_else(|| first.key.clone());
    let mut year: i32 = ui
        .data(|d| d.get_temp(year_id))
        .unwrap_or(scenario.base_year + 1);
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::AddValue));
        let Some(series) = scenario.series(&key) else {
            return;
        };
        egui::ComboBox::from_id_salt("observed-new-series-combo")
            .selected_text(lang.label(&series.label))
            .show_ui(ui, |ui| {
                for s in &scenario.series {
                    ui.selectable_value(&mut key, s.key.clone(), lang.label(&s.label));
                }
            })
            .response
            .accessible_name(format!(
                "{} {}",
                ctx.tr(Tr::AddValue),
                ctx.tr(Tr::SeriesLabel)
            ));
        ui.data_mut(|d| d.insert_temp(key_id, key.clone()));
        if ui
            .add(
                egui::DragValue::new(&mut year)
                    .range(crate::model::MIN_BASE_YEAR..=crate::model::MAX_HORIZON),
            )
            .accessible_name(format!("{} {}", ctx.tr(Tr::AddValue), ctx.tr(Tr::Year)))
            .changed()
        {
            ui.data_mut(|d| d.insert_temp(year_id, year));
        }
        let Some(series) = scenario.series(&key) else {
            return;
        };
        let field = NumberField::of(
            lang,
            ctx.tr(Tr::AddValue),
            ctx.tr(Tr::BasisObserved),
            lang.label(&series.label),
            &crate::i18n::unit(lang, &series.unit),
            Domain::Any,
        );
        if let Some(value) =
            widgets::optional_number_edit(ui, "observed-new-value", None, &field, |_| Ok(()))
        {
            let mut observed: Vec<Observation> = series
                .observed
                .iter()
                .filter(|o| o.year != year)
                .cloned()
                .collect();
            observed.push(Observation {
                year,
                value,
                source: String::new(),
            });
            observed.sort_by_key(|o| o.year);
            ctx.apply(set(series, observed));
        }
        ui.label(crate::i18n::unit(lang, &series.unit));
    });
}
