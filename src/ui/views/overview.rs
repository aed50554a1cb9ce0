//! 概览: the key figures at the milestone years, capacity status, indicator counts, findings.

use eframe::egui::{self, RichText};

use super::section;
use crate::engine::indicators::Status;
use crate::engine::{CapacityStatus, Finding};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::Group;
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = ctx.doc.scenario();
    let analysis = ctx.doc.analysis();
    let lang = ctx.lang;
    let years = scenario.shown_years();

    section(ui, ctx.tr(Tr::KeyFigures));
    egui::Grid::new("overview-figures")
        .striped(true)
        .num_columns(years.len() + 2)
        .show(ui, |ui| {
            ui.strong(ctx.tr(Tr::Name));
            ui.strong(ctx.tr(Tr::Unit));
            for year in &years {
                ui.strong(year.to_string());
            }
            ui.strong(ctx.tr(Tr::Target));
            ui.end_row();
            // The headline series: the first of the economy's and of the population's, as
            // the scenario groups them (whatever their keys).
            let headline = [Group::Economy, Group::Population]
                .map(|group| scenario.series.iter().find(|s| s.group == group));
            for series in headline.into_iter().flatten() {
                if let Some(projected) = analysis.projection.get(&series.key) {
                    ui.label(lang.label(&series.label));
                    ui.label(crate::i18n::unit(lang, &series.unit));
                    for &year in &years {
                        ui.label(
                            projected
                                .at(scenario.base_year, year)
                                .map(|v| format::with_decimals(v, series.decimals))
                                .unwrap_or_default(),
                        );
                    }
                    ui.label("");
                    ui.end_row();
                }
            }
            for check in &analysis.targets {
                let decimals = scenario.target_decimals(&check.key);
                ui.label(lang.label(&check.label));
                ui.label(crate::i18n::unit(lang, &check.unit));
                for &year in &years {
                    let value = check.values[(year - scenario.base_year) as usize];
                    let text = RichText::new(format::with_decimals(value, decimals));
                    ui.label(if year == check.year {
                        text.strong()
                    } else {
                        text
                    });
                }
                let color = if check.met { theme::ok() } else { theme::bad() };
                let verdict = if check.met { Tr::Yes } else { Tr::No };
                widgets::status_chip(
                    ui,
                    &crate::i18n::bracketed(
                        lang,
                        &format!(
                            "{} {} · {}",
                            check.comparison.symbol(),
                            crate::i18n::threshold_value(
                                check,
                                scenario.target_decimals(&check.key)
                            ),
                            Tr::YearWords.fill(lang, &[&check.year]),
                        ),
                        verdict.get(lang),
                    ),
                    color,
                );
                ui.end_row();
            }
        });

    section(ui, ctx.tr(Tr::CapacityStatus));
    egui::Grid::new("overview-capacity")
        .striped(true)
        .show(ui, |ui| {
            ui.strong(ctx.tr(Tr::Capacity));
            ui.strong(ctx.tr(Tr::CourseColumn));
            ui.strong(format!("{} {}", ctx.tr(Tr::Utilisation), scenario.horizon));
            ui.strong(ctx.tr(Tr::FirstExceedance));
            ui.end_row();
            for capacity in &analysis.capacities {
                let label = crate::i18n::capacity_name_in(scenario, &capacity.pollutant, lang);
                ui.label(label);
                let last = capacity.years.last().expect("a projection has years");
                // Over the whole period: a base year already over capacity reads
                // "自基准年（2024 年）起超载".
                widgets::status_chip(
                    ui,
                    &crate::report::wording::course_words(capacity, scenario.base_year, lang),
                    theme::course_color(&capacity.course()),
                );
                ui.label(
                    last.utilisation
                        .map(format::percent)
                        .unwrap_or_else(|| "–".into()),
                );
                ui.label(
                    capacity
                        .first_exceedance_year
                        .map_or_else(|| ctx.tr(Tr::NoExceedance).to_owned(), |y| y.to_string()),
                );
                ui.end_row();
            }
        });

    section(ui, ctx.tr(Tr::IndicatorCounts));
    ui.horizontal(|ui| {
        // The computed statuses: the same the Indicators view shows.
        for status in [Status::Met, Status::Pending, Status::NotMet, Status::NoData] {
            let count = analysis
                .indicators
                .iter()
                .filter(|a| a.status == status)
                .count();
            if count == 0 && status == Status::NoData {
                continue;
            }
            widgets::status_chip(
                ui,
                &format!("{} {count}", super::indicators::status_tr(status).get(lang)),
                theme::indicator_status_color(status),
            );
        }
        let applying = scenario.indicators.iter().filter(|i| i.applies).count();
        ui.label(format!("/ {applying}"));
    });
    ui.label(RichText::new(ctx.tr(Tr::HowHeadline)).weak().small());

    section(ui, ctx.tr(Tr::Findings));
    if analysis.findings.is_empty() {
        ui.label(ctx.tr(Tr::NoFindings));
    }
    for finding in &analysis.findings {
        ui.label(RichText::new(format!("⚠ {}", finding_text(finding, ctx))).color(theme::near()));
    }
}

pub fn status_text(status: CapacityStatus, lang: Lang) -> &'static str {
    crate::i18n::capacity_status_tr(status).get(lang)
}

/// A finding in the interface language.
pub fn finding_text(finding: &Finding, ctx: &ViewCtx<'_>) -> String {
    let scenario = ctx.doc.scenario();
    let lang = ctx.lang;
    let series_name = |key: &str| {
        scenario
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    match finding {
        Finding::IdenticalSeries { first, second } => {
            Tr::FindingIdenticalSeries.fill(lang, &[&series_name(first), &series_name(second)])
        }
        Finding::UnreadableKey(error) => error.in_lang(lang),
        Finding::MilestonePastHorizon { milestone, horizon } => {
            Tr::FindingMilestonePastHorizon.fill(lang, &[milestone, horizon])
        }
        Finding::TargetMissed {
            target,
            year,
            value,
            threshold,
            unit,
        } => {
            let name = scenario
                .targets
                .iter()
                .find(|t| &t.key == target)
                .map_or_else(|| target.clone(), |t| lang.label(&t.label).to_owned());
            Tr::FindingTargetMissed.fill(
                lang,
                &[
                    &year,
                    &name,
                    &format::with_decimals(*value, scenario.target_decimals(target)),
                    &crate::i18n::unit_text(lang, unit),
                    &format::exact(*threshold),
                ],
            )
        }
        Finding::IndicatorDisagrees {
            number,
            stated,
            computed,
        } => {
            let indicator = scenario.indicators.iter().find(|i| &i.number == number);
            let name = indicator.map_or("", |i| lang.label(&i.name));
            let decimals = indicator.and_then(|i| i.decimals);
            let value = computed
                .value
                .map_or_else(|| "–".into(), |v| format::with_decimals(v, decimals));
            let verdict = format!(
                "{} {}",
                super::indicators::target_text(&computed.target, lang),
                super::indicators::status_tr(computed.status).get(lang)
            );
            Tr::FindingIndicatorDisagrees.fill(
                lang,
                &[
                    number,
                    &name,
                    &super::indicators::stated_tr(*stated).get(lang),
                    &super::indicators::basis_tr(computed.basis).get(lang),
                    &computed.year,
                    &value,
                    &verdict,
                ],
            )
        }
        Finding::IndicatorTargetConflict { number, target } => {
            crate::report::wording::conflict_sentence(
                scenario,
                &ctx.doc.analysis().targets,
                number,
                target,
                lang,
            )
        }
    }
}
