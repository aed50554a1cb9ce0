//! The scenarios of a workspace side by side.

use super::*;

pub(super) fn scenarios(b: &mut Builder<'_>) {
    let (scenario, lang) = (b.input.scenario, b.lang);
    let compared = b.input.compared;
    b.heading(2, Tr::SectionScenarios.get(lang));
    let names: Vec<&str> = compared.iter().map(|(n, _, _)| *n).collect();
    // One year for all: the chapter's horizon, or the earliest a member reaches.
    let horizon = compared
        .iter()
        .map(|(_, s, _)| s.horizon)
        .fold(scenario.horizon, i32::min);
    let mut sentences = vec![Tr::ScenariosIntro.fill(
        lang,
        &[
            &compared.len(),
            &crate::i18n::list_words(&names, lang),
            &horizon,
            &b.next_table(),
        ],
    )];
    if compared.iter().any(|(_, s, _)| s.horizon != horizon) {
        let each: Vec<String> = compared
            .iter()
            .map(|(name, s, _)| Tr::ScenarioHorizon.fill(lang, &[name, &s.horizon]))
            .collect();
        sentences
            .push(Tr::CommonYear.fill(lang, &[&crate::i18n::list_words(&each, lang), &horizon]));
    }
    for (name, member, analysis) in compared {
        let missed: Vec<&str> = analysis
            .targets
            .iter()
            .filter(|c| !c.met)
            .map(|c| lang.label(&c.label))
            .collect();
        // Over capacity in a year up to the common one; a saturated capacity is said apart.
        let shared: Vec<CapacityAnalysis> = analysis
            .capacities
            .iter()
            .map(|c| c.until(horizon))
            .collect();
        let over: Vec<&str> = shared
            .iter()
            .filter(|c| matches!(c.course(), crate::engine::Course::Exceeded { .. }))
            .map(|c| capacity_name(member, c, lang))
            .collect();
        let saturated: Vec<&str> = shared
            .iter()
            .filter(|c| c.course() == crate::engine::Course::Saturated)
            .map(|c| capacity_name(member, c, lang))
            .collect();
        let tail = if missed.is_empty() {
            String::new()
        } else {
            Tr::ScenarioMissed.fill(lang, &[&crate::i18n::list_words(&missed, lang)])
        };
        let list = |names: &[&str]| crate::i18n::list_words(names, lang);
        let capacity = match (over.is_empty(), saturated.is_empty()) {
            (true, true) => Tr::ScenarioWithinAll.get(lang).to_owned(),
            (true, false) => Tr::ScenarioSaturatedOthersWithin.fill(lang, &[&list(&saturated)]),
            (false, true) => Tr::ScenarioOver.fill(lang, &[&list(&over)]),
            (false, false) => Tr::ScenarioAndSaturated.fill(
                lang,
                &[
                    &Tr::ScenarioOver.fill(lang, &[&list(&over)]),
                    &list(&saturated),
                ],
            ),
        };
        sentences.push(Tr::ScenarioSummary.fill(
            lang,
            &[
                name,
                &analysis.targets.len(),
                &analysis.targets.iter().filter(|c| c.met).count(),
                &tail,
                &capacity,
            ],
        ));
    }
    b.paragraph(joined(&sentences, lang));
    // The series whose value at the horizon differs between the scenarios: what the choice
    // is about. Where none differs, every series.
    let first = scenario;
    let at = |a: &Analysis, key: &str| a.projection.value(key, horizon);
    let differing: Vec<&crate::model::Series> = first
        .series
        .iter()
        .filter(|series| {
            let values: Vec<Option<f64>> = compared
                .iter()
                .map(|(_, _, a)| at(a, &series.key))
                .collect();
            values.windows(2).any(|w| match (w[0], w[1]) {
                (Some(x), Some(y)) => (x - y).abs() > 1e-9 * x.abs().max(1.0),
                (x, y) => x.is_some() != y.is_some(),
            })
        })
        .collect();
    let shown: Vec<&crate::model::Series> = if differing.is_empty() {
        first.series.iter().collect()
    } else {
        differing
    };
    let mut header = vec![Tr::Name.get(lang).to_owned(), Tr::Unit.get(lang).to_owned()];
    header.extend(names.iter().map(|n| (*n).to_owned()));
    let rows = shown
        .iter()
        .map(|series| {
            let mut row = vec![
                lang.label(&series.label).to_owned(),
                wording::shown_unit(scenario, series, lang).1,
            ];
            row.extend(compared.iter().map(|(_, _, a)| {
                at(a, &series.key)
                    .map_or_else(|| "–".into(), |v| wording::shown_value(scenario, series, v))
            }));
            row
        })
        .collect();
    b.table(Tr::ScenariosTable.fill(lang, &[&horizon]), header, rows);
    if !first.capacities.is_empty() {
        let mut header = vec![Tr::Pollutant.get(lang).to_owned()];
        header.extend(names.iter().map(|n| (*n).to_owned()));
        let rows = first
            .capacities
            .iter()
            .map(|capacity| {
                let mut row = vec![crate::i18n::capacity_label(lang, capacity).to_owned()];
                row.extend(compared.iter().map(|(_, s, a)| {
                    a.capacities
                        .iter()
                        .find(|c| c.pollutant == capacity.pollutant)
                        .map_or_else(
                            || "–".into(),
                            |c| {
                                // At the chapter's horizon in every member, whatever
                                // its own horizon; the course is over its own period.
                                let share = c
                                    .at(horizon)
                                    .and_then(|y| y.utilisation)
                                    .map_or_else(|| "–".into(), format::percent);
                                let course = course_words(&c.until(horizon), s.base_year, lang);
                                format!("{share}（{course}）")
                            },
                        )
                }));
                row
            })
            .collect();
        b.table(
            Tr::ScenariosCapacityTable.fill(lang, &[&horizon]),
            header,
            rows,
        );
    }
}
