//! The carrying capacity: emissions against each capacity, the ecological footprint against the
//! biocapacity, and the state of the environment (EI).

use super::*;

pub(super) fn capacity(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionCapacity.get(lang));
    for &medium in Medium::ALL {
        let of_medium: Vec<&CapacityAnalysis> = analysis
            .capacities
            .iter()
            .filter(|c| c.medium == medium)
            .collect();
        if of_medium.is_empty() {
            continue;
        }
        b.heading(
            3,
            match medium {
                Medium::Water => Tr::WaterCapacityHeading.get(lang),
                Medium::Air => Tr::AirCapacityHeading.get(lang),
            },
        );
        // How each derived capacity was computed, with its parameters' source.
        for capacity in &of_medium {
            if let Some(derivation) = &capacity.derivation {
                b.paragraph(Tr::DerivedCapacity.fill(
                    lang,
                    &[
                        &capacity_name(scenario, capacity, lang),
                        &derivation.formula,
                        &format::value(derivation.result),
                        &crate::i18n::unit_text(lang, &derivation.unit),
                        &derivation.source,
                    ],
                ));
            }
        }
        let (far, near): (Vec<&CapacityAnalysis>, Vec<&CapacityAnalysis>) =
            of_medium.iter().partition(|c| far_below(c));
        let mut sentences: Vec<String> = Vec::new();
        for capacity in &near {
            sentences.push(capacity_sentence(
                capacity,
                emission_name(scenario, capacity, lang),
                capacity_name(scenario, capacity, lang),
                scenario.series(&capacity.series).and_then(|s| s.decimals),
                scenario.base_year,
                lang,
            ));
        }
        if !far.is_empty() {
            let names: Vec<&str> = far
                .iter()
                .map(|c| emission_name(scenario, c, lang))
                .collect();
            let most = far
                .iter()
                .filter_map(|c| c.peak().and_then(|p| p.utilisation))
                .fold(0.0f64, f64::max);
            sentences.push(Tr::FarBelowSummary.fill(
                lang,
                &[
                    &crate::i18n::list_words(&names, lang),
                    &format::percent(most),
                    &b.next_table(),
                ],
            ));
        }
        b.paragraph(joined(&sentences, lang));
        // The series compared, in a column of its own where one is not named for its capacity's
        // pollutant (NOx emissions against the NO₂ capacity).
        let with_series = of_medium.iter().any(|c| {
            !charts::names_its_pollutant(
                emission_name(scenario, c, lang),
                capacity_name(scenario, c, lang),
            )
        });
        let header = [
            Some(Tr::Pollutant),
            with_series.then_some(Tr::EmissionSeries),
            Some(Tr::Emission),
            Some(Tr::Capacity),
            Some(Tr::Unit),
            Some(Tr::Utilisation),
            Some(Tr::Headroom),
            Some(Tr::CourseColumn),
        ]
        .into_iter()
        .flatten()
        .map(|k| k.get(lang).to_owned())
        .collect();
        let rows = of_medium
            .iter()
            .map(|capacity| {
                let last = capacity.years.last().expect("a projection has years");
                let decimals = scenario.series(&capacity.series).and_then(|s| s.decimals);
                [
                    Some(capacity_name(scenario, capacity, lang).to_owned()),
                    with_series.then(|| emission_name(scenario, capacity, lang).to_owned()),
                    Some(format::with_decimals(last.emission, decimals)),
                    Some(format::with_decimals(last.capacity, decimals)),
                    Some(crate::i18n::unit(lang, &capacity.unit).into_owned()),
                    Some(last.utilisation.map_or_else(|| "–".into(), format::percent)),
                    Some(format::with_decimals(last.headroom, decimals)),
                    Some(course_words(capacity, scenario.base_year, lang)),
                ]
                .into_iter()
                .flatten()
                .collect()
            })
            .collect();
        let title = match medium {
            Medium::Water => Tr::WaterCapacityTable,
            Medium::Air => Tr::AirCapacityTable,
        }
        .fill(lang, &[&scenario.horizon]);
        b.table(title, header, rows);
        let drawn: Vec<&&CapacityAnalysis> = if scenario.chapter.every_figure {
            of_medium.iter().collect()
        } else {
            near.iter().collect()
        };
        for capacity in drawn {
            if let Some(chart) =
                charts::capacity_chart(scenario, analysis, &capacity.pollutant, lang)
            {
                b.figure(chart);
            }
        }
    }
}

pub(super) fn footprint(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    let Some(years) = analysis.footprint.as_ref() else {
        return;
    };
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return;
    };
    b.heading(2, Tr::SectionFootprint.get(lang));
    // In 万 gha, as the chart's axis and the table's heading.
    let gha = |v: f64| format::fixed(v / 1e4, 2);
    // In a sentence with its unit, as the language writes it (1.9577 million gha in English).
    let said = |v: f64| {
        let (number, unit) = crate::i18n::quantity_parts(lang, v / 1e4, Some(2), "万 gha");
        format!("{number} {unit}")
    };
    let balance = |v: f64| {
        if v < 0.0 {
            Tr::EcologicalDeficit.fill(lang, &[&said(-v)])
        } else {
            Tr::EcologicalSurplus.fill(lang, &[&said(v)])
        }
    };
    let meaning = if last.balance_gha < 0.0 {
        Tr::DeficitMeaning.get(lang)
    } else {
        Tr::SurplusMeaning.get(lang)
    };
    b.paragraph(Tr::FootprintSentence.fill(
        lang,
        &[
            &first.year,
            &said(first.footprint_gha),
            &said(first.capacity_gha),
            &balance(first.balance_gha),
            &last.year,
            &said(last.footprint_gha),
            &said(last.capacity_gha),
            &balance(last.balance_gha),
            &meaning,
        ],
    ));
    let shown = scenario.shown_years();
    let header = [
        Tr::Year,
        Tr::FootprintColumn,
        Tr::FootprintPerPerson,
        Tr::EcologicalCapacityColumn,
        Tr::BalanceColumn,
    ]
    .map(|k| k.get(lang).to_owned())
    .to_vec();
    let rows = years
        .iter()
        .filter(|y| shown.contains(&y.year))
        .map(|y| {
            vec![
                y.year.to_string(),
                gha(y.footprint_gha),
                format::fixed(y.footprint_per_person(), 4),
                gha(y.capacity_gha),
                gha(y.balance_gha),
            ]
        })
        .collect();
    b.table(Tr::FootprintTable.get(lang).to_owned(), header, rows);
    if let Some(chart) = charts::footprint_chart(scenario, analysis, lang) {
        b.figure(chart);
    }
}

pub(super) fn ecological(b: &mut Builder<'_>) {
    use crate::engine::methods::{
        EI_DECIMALS, EI_TARGET, LandCover, area_for_ei, ecological_index,
    };
    let (scenario, lang) = (b.input.scenario, b.lang);
    let method = &scenario.methods.ei;
    let result = ecological_index(method);
    b.heading(2, Tr::SectionEcological.get(lang));
    let standing = if result.ei >= EI_TARGET {
        Tr::EiMeets.fill(lang, &[&EI_TARGET])
    } else {
        match area_for_ei(method, LandCover::Forest, EI_TARGET).area_km2 {
            Some(km2) => Tr::EiMissesBy.fill(lang, &[&EI_TARGET, &format::fixed(km2, 2)]),
            None => Tr::EiMisses.fill(lang, &[&EI_TARGET]),
        }
    };
    b.paragraph(Tr::EiSentence.fill(
        lang,
        &[
            &format::fixed(result.ei, EI_DECIMALS),
            &Tr::ei_grade(result.grade()).get(lang),
            &standing,
        ],
    ));
    let header = [Tr::SubIndex, Tr::Weight, Tr::Value]
        .map(|k| k.get(lang).to_owned())
        .to_vec();
    let rows = [
        (Tr::BiologicalAbundance, result.biological_abundance),
        (Tr::VegetationCover, result.vegetation_cover),
        (Tr::WaterNetworkDensity, result.water_network),
        (Tr::LandStressIndex, result.land_stress),
        (Tr::PollutionLoadIndex, result.pollution_load),
    ]
    .into_iter()
    .zip(crate::engine::methods::EI_WEIGHTS)
    .map(|((name, value), weight)| {
        vec![
            name.get(lang).to_owned(),
            format!("{weight:.2}"),
            format::fixed(value, 2),
        ]
    })
    .collect();
    b.table(Tr::EiTable.get(lang).to_owned(), header, rows);
}
