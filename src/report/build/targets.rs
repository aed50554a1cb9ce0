//! The targets and the indicators: which are met, which are not, and why.

use super::*;

pub(super) fn targets(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionTargets.get(lang));
    let met = analysis.targets.iter().filter(|c| c.met).count();
    let mut sentences = vec![Tr::TargetsSummary.fill(
        lang,
        &[
            &analysis.targets.len(),
            &met,
            &(analysis.targets.len() - met),
        ],
    )];
    sentences.extend(
        analysis
            .targets
            .iter()
            .map(|check| target_sentence(check, scenario.target_decimals(&check.key), lang)),
    );
    b.paragraph(joined(&sentences, lang));
    let header = [
        Tr::Name,
        Tr::Year,
        Tr::Value,
        Tr::Threshold,
        Tr::Unit,
        Tr::Status,
        Tr::RequiredChange,
    ]
    .map(|k| k.get(lang).to_owned())
    .to_vec();
    let rows = analysis
        .targets
        .iter()
        .map(|check| {
            let decimals = scenario.target_decimals(&check.key);
            vec![
                lang.label(&check.label).to_owned(),
                check.year.to_string(),
                format::with_decimals(check.value, decimals),
                crate::i18n::threshold_in_words(check, decimals, lang),
                crate::i18n::unit(lang, &check.unit).into_owned(),
                if check.met {
                    Tr::Reached
                } else {
                    Tr::NotReached
                }
                .get(lang)
                .to_owned(),
                Some(check)
                    .filter(|c| !c.met)
                    .and_then(|c| crate::i18n::needed_change(c, lang))
                    .unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    b.table(Tr::TargetsTable.get(lang).to_owned(), header, rows);
    for check in analysis.targets.iter().filter(|c| !c.met) {
        b.figure(charts::target_chart(scenario, check, lang));
    }
}

pub(super) fn indicators(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionIndicators.get(lang));
    let count = |status: Status| {
        analysis
            .indicators
            .iter()
            .filter(|a| a.status == status)
            .count()
    };
    let applying = scenario.indicators.iter().filter(|i| i.applies).count();
    let mut sentences = vec![Tr::ReportIndicators.fill(
        lang,
        &[
            &applying,
            &count(Status::Met),
            &count(Status::Pending),
            &count(Status::NotMet),
            &count(Status::NoData),
        ],
    )];
    let rows_of = scenario
        .indicators
        .iter()
        .zip(&analysis.indicators)
        .filter(|(indicator, _)| indicator.applies);
    let without: Vec<String> = rows_of
        .clone()
        .filter(|(_, a)| a.status == Status::NoData)
        .map(|(i, _)| format!("{} {}", i.number, lang.label(&i.name)))
        .collect();
    // The rows with a value or the plan's word go into the table; the others are named.
    let with_data = rows_of
        .clone()
        .filter(|(_, a)| a.status != Status::NoData)
        .count();
    if !without.is_empty() {
        // Names that hold commas of their own ("good-air days, PM2.5 reduction"), so a semicolon.
        let names = without.join(Tr::ItemSeparator.get(lang));
        sentences.push(if with_data == 0 {
            Tr::IndicatorsAllWithoutData.fill(lang, &[&without.len(), &names])
        } else {
            Tr::IndicatorsWithoutData.fill(lang, &[&without.len(), &b.next_table(), &names])
        });
    }
    // A row whose rule reads met while a target on the same quantity is missed: both said.
    for finding in &analysis.findings {
        if let Finding::IndicatorTargetConflict { number, target } = finding {
            sentences.push(wording::conflict_sentence(
                scenario,
                &analysis.targets,
                number,
                target,
                lang,
            ));
        }
    }
    b.paragraph(joined(&sentences, lang));
    let header = [
        Tr::Number,
        Tr::Name,
        Tr::Unit,
        Tr::DecidingValue,
        Tr::Target,
        Tr::Status,
    ]
    .map(|k| k.get(lang).to_owned())
    .to_vec();
    let rows = rows_of
        .filter(|(_, a)| a.status != Status::NoData)
        .map(|(indicator, assessment)| {
            let end = assessment.milestones.last();
            let target = end.map_or(&indicator.target, |m| &m.target);
            // The value the status is judged on: the projected value at the last milestone
            // where the row is linked, else the latest value; the plan's word where it gives
            // no value.
            let deciding = end
                .and_then(|m| m.projected.as_ref())
                .filter(|p| p.value.is_some())
                .or(assessment.latest.as_ref());
            let value = deciding
                .and_then(|l| {
                    l.value.map(|v| {
                        crate::i18n::bracketed(
                            lang,
                            &format::with_decimals(v, indicator.decimals),
                            &l.year.to_string(),
                        )
                    })
                })
                .unwrap_or_else(|| Tr::BasisStated.get(lang).to_owned());
            vec![
                indicator.number.clone(),
                lang.label(&indicator.name).to_owned(),
                crate::i18n::unit_text(lang, &indicator.unit).into_owned(),
                value,
                crate::i18n::target_text(target, lang),
                crate::i18n::status_tr(assessment.status)
                    .get(lang)
                    .to_owned(),
            ]
        })
        .collect();
    if with_data > 0 {
        b.table(Tr::IndicatorsTable.get(lang).to_owned(), header, rows);
    }
}
