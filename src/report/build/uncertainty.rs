//! The uncertainty of the projection (the Monte Carlo's fans, the exceedance and what drives it),
//! and the assumptions the chapter rests on.

use super::*;

pub(super) fn uncertainty(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    let Some(run) = b.input.uncertainty else {
        return;
    };
    b.heading(2, Tr::SectionUncertainty.get(lang));
    let mut sentences = vec![Tr::UncertaintyIntro.fill(
        lang,
        &[&scenario.uncertainty.len(), &run.runs, &b.next_table()],
    )];
    // Each pollutant's probability of having exceeded its capacity by each milestone.
    let milestones = wording::milestones_ahead(scenario);
    for exceedance in &run.exceedance {
        let by: Vec<String> = milestones
            .iter()
            .filter_map(|&year| {
                let p = exceedance.by_year.get((year - run.base_year) as usize)?;
                Some(Tr::ByYearProbability.fill(lang, &[&year, &format::percent(*p)]))
            })
            .collect();
        if by.is_empty() {
            continue;
        }
        let name = analysis
            .capacities
            .iter()
            .find(|c| c.pollutant == exceedance.pollutant)
            .map_or(exceedance.pollutant.as_str(), |c| {
                capacity_name(scenario, c, lang)
            });
        sentences.push(
            Tr::ExceedanceSentence.fill(lang, &[&name, &by.join(Tr::ClauseSeparator.get(lang))]),
        );
        // Which assumption it depends on most, where it is uncertain at the horizon.
        let last = exceedance.by_year.last().copied().unwrap_or(0.0);
        if last > 0.0 && last < 1.0 {
            let outcome = crate::engine::importance::Outcome::Exceeded {
                pollutant: exceedance.pollutant.clone(),
                year: scenario.horizon,
            };
            if let Ok(shares) =
                crate::engine::importance::importance(scenario, run.settings, &outcome)
                && let Some(first) = shares.first().filter(|s| s.share >= 0.05)
            {
                let lever = scenario
                    .series(&first.lever)
                    .map_or(first.lever.as_str(), |s| lang.label(&s.label));
                sentences.push(Tr::DriverSentence.fill(
                    lang,
                    &[
                        &name,
                        &scenario.horizon,
                        &lever,
                        &format::percent(first.share),
                    ],
                ));
            }
        }
    }
    b.paragraph(joined(&sentences, lang));
    // At each milestone, the median and the 5–95 % range ("1,234.5（1,100.0—1,400.0）"); a
    // series the draws do not move is left out.
    let years = wording::milestones_ahead(scenario);
    let mut header = vec![Tr::Name.get(lang).to_owned(), Tr::Unit.get(lang).to_owned()];
    header.extend(years.iter().map(i32::to_string));
    let position = |q: f64| PERCENTILES.iter().position(|&p| (p - q).abs() < 1e-9);
    let (low, mid, high) = (position(0.05), position(0.50), position(0.95));
    let rows = run
        .fans
        .iter()
        .filter_map(|fan| {
            let series = scenario.series(&fan.series)?;
            let (low, mid, high) = (low?, mid?, high?);
            let moves = fan
                .percentiles
                .iter()
                .any(|p| (p[high] - p[low]).abs() > 1e-9 * p[mid].abs().max(1.0));
            if !moves {
                return None;
            }
            let mut row = vec![
                lang.label(&series.label).to_owned(),
                crate::i18n::unit_text(lang, &fan.unit).into_owned(),
            ];
            row.extend(years.iter().map(|&year| {
                let index = (year - run.base_year) as usize;
                fan.percentiles.get(index).map_or_else(
                    || "–".into(),
                    |p| {
                        let v = |x: f64| format::with_decimals(x, series.decimals);
                        Tr::MedianAndRange.fill(lang, &[&v(p[mid]), &v(p[low]), &v(p[high])])
                    },
                )
            }));
            Some(row)
        })
        .collect();
    b.table(Tr::UncertaintyTable.get(lang).to_owned(), header, rows);
}

pub(super) fn assumptions(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionAssumptions.get(lang));
    b.paragraph(Tr::AssumptionsIntro.fill(lang, &[&b.next_table()]));
    let header = [Tr::Name, Tr::Unit, Tr::BaseValue, Tr::Rule, Tr::SeriesBasis]
        .map(|k| k.get(lang).to_owned())
        .to_vec();
    let rows = scenario
        .series
        .iter()
        .filter(|series| projected(analysis, &series.key))
        .map(|series| {
            let base = analysis
                .projection
                .value(&series.key, scenario.base_year)
                .or(series.base);
            vec![
                lang.label(&series.label).to_owned(),
                wording::shown_unit(scenario, series, lang).1,
                base.map_or_else(|| "–".into(), |v| wording::shown_value(scenario, series, v)),
                wording::basis(scenario, &analysis.projection, series, lang),
                lang.label(&series.source).to_owned(),
            ]
        })
        .collect();
    b.table(Tr::AssumptionsTable.get(lang).to_owned(), header, rows);
}
