//! Which assumption matters most for a result, in the Uncertainty and what-if views: each
//! uncertain lever's share of the variance of a series' value in a year, or of having exceeded
//! a capacity by then, from the draws of a run's settings; computed when asked (a button),
//! drawn as bars, largest on top.

use eframe::egui::{self, RichText};

use super::section;
use crate::engine::importance::{Outcome, importance};
use crate::engine::uncertainty::MonteCarlo;
use crate::format;
use crate::i18n::Tr;
use crate::ui::{ImportanceState, ViewCtx, theme};

/// The question (the value of one of `series`, or exceeding a capacity, in a year) and its
/// answer. `series` is not empty; the first is asked about until another is chosen.
pub(super) fn importance_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    asked: &mut ImportanceState,
    settings: MonteCarlo,
    series: &[String],
) {
    use egui_plot::{Bar, BarChart, Plot};
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let Some(first) = series.first() else {
        return;
    };
    section(ui, ctx.tr(Tr::Importance));
    let year = asked.year.unwrap_or(scenario.horizon);
    let key = asked
        .series
        .clone()
        .filter(|key| series.contains(key))
        .unwrap_or_else(|| first.clone());
    let series_name = |key: &str| {
        scenario
            .series(key)
            .map_or(key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let shown = |outcome: &(Option<String>, String)| match outcome {
        (None, key) => Tr::ImportanceOfValue.fill(lang, &[&series_name(key)]),
        (Some(pollutant), _) => {
            // By the capacity's name (化学需氧量), as the capacity view shows it.
            let name = crate::i18n::capacity_name_in(scenario, pollutant, lang);
            Tr::ImportanceOfExceeding.fill(lang, &[&name])
        }
    };
    // The choice as (capacity, series): a capacity's exceedance, or a series' value.
    let mut choice = (asked.capacity.clone(), key);
    let mut year_now = year;
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("importance-of")
            .selected_text(shown(&choice))
            .show_ui(ui, |ui| {
                for key in series {
                    let option = (None, key.clone());
                    let text = shown(&option);
                    ui.selectable_value(&mut choice, option, text);
                }
                for capacity in &scenario.capacities {
                    let option = (Some(capacity.pollutant.clone()), choice.1.clone());
                    let text = shown(&option);
                    ui.selectable_value(&mut choice, option, text);
                }
            })
            .response
            .accessible_name(ctx.tr(Tr::ImportanceResult));
        ui.label(ctx.tr(Tr::Year));
        ui.add(
            egui::DragValue::new(&mut year_now)
                .range((scenario.base_year + 1)..=scenario.horizon)
                .speed(0.2),
        )
        .accessible_name(ctx.tr(Tr::ImportanceYear));
    });
    asked.year = Some(year_now);
    asked.capacity = choice.0.clone();
    asked.series = Some(choice.1.clone());
    let outcome = match choice {
        (None, key) => Outcome::Series {
            key,
            year: year_now,
        },
        (Some(pollutant), _) => Outcome::Exceeded {
            pollutant,
            year: year_now,
        },
    };
    let revision = ctx.doc.revision();
    let answered = asked
        .shares
        .as_ref()
        .is_some_and(|(r, o, s, _)| *r == revision && *o == outcome && *s == settings);
    if !answered && ui.button(ctx.tr(Tr::ImportanceCompute)).clicked() {
        let answer = importance(scenario, settings, &outcome).map_err(|e| e.in_lang(lang));
        asked.shares = Some((revision, outcome.clone(), settings, answer));
    }
    // Shown only for the question it answers: another result, year or scenario asks again.
    let Some((_, _, _, answer)) = asked
        .shares
        .as_ref()
        .filter(|(r, o, s, _)| *r == revision && *o == outcome && *s == settings)
    else {
        return;
    };
    match answer {
        Err(error) => {
            ui.label(RichText::new(error).color(theme::bad()));
        }
        Ok(shares) if shares.iter().all(|s| s.share == 0.0) => {
            ui.label(RichText::new(ctx.tr(Tr::ImportanceNoVariance)).weak());
        }
        Ok(shares) => {
            let names: Vec<String> = shares
                .iter()
                .map(|s| {
                    scenario
                        .series(&s.lever)
                        .map_or(s.lever.clone(), |x| lang.label(&x.label).to_owned())
                })
                .collect();
            let count = shares.len();
            let bars: Vec<Bar> = shares
                .iter()
                .zip(&names)
                .enumerate()
                .map(|(i, (s, name))| {
                    Bar::new((count - i) as f64, s.share * 100.0)
                        .name(format!("{name} {}", format::percent(s.share)))
                        .width(0.6)
                })
                .collect();
            for (share, name) in shares.iter().zip(&names) {
                ui.label(Tr::NamedShare.fill(lang, &[name, &format::percent(share.share)]));
            }
            Plot::new("importance")
                .height((48.0 + 32.0 * count as f32).min(theme::CHART_HEIGHT))
                .allow_scroll(false)
                .allow_drag(false)
                .x_axis_label(ctx.tr(Tr::ImportanceAxis))
                .y_axis_formatter(crate::ui::chart::bar_names(names))
                .show(ui, |plot| {
                    plot.bar_chart(BarChart::new(ctx.tr(Tr::Importance), bars).horizontal());
                });
        }
    }
}
