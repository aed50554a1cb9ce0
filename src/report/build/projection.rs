//! 一、The projection: each group's series in a paragraph and the table of milestones.

use super::*;

pub(super) fn projection(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionProjection.get(lang));
    let milestones: Vec<String> = wording::milestones_ahead(scenario)
        .into_iter()
        .map(|y| wording::milestone_words(scenario, y, lang))
        .collect();
    let intro = Tr::ChapterProjectionIntro.fill(
        lang,
        &[
            &scenario.base_year,
            &crate::i18n::list_words(&milestones, lang),
            &b.next_table(),
        ],
    );
    // Each series' source goes with its rule in the assumptions' table where the chapter has
    // one, and into the text where it has not.
    let assumptions_shown = scenario.chapter.sections.contains(&Section::Assumptions);
    let intro = if assumptions_shown {
        let pointer = Tr::AssumptionsPointer.fill(lang, &[&Tr::SectionAssumptions.get(lang)]);
        joined(&[intro, pointer], lang)
    } else {
        intro
    };
    b.paragraph(intro);
    // A series without a value (no base value entered yet) has nothing to say: it is named
    // once, so that the draft shows what is missing, and left out of the text and tables.
    let projected = |key: &str| projected(analysis, key);
    // A paragraph per group: the economy, the population, water, energy, emissions, waste.
    for group in Group::ALL.iter().copied() {
        let sentences: Vec<String> = scenario
            .series
            .iter()
            .filter(|s| s.group == group && projected(&s.key))
            .map(|s| series_sentence(scenario, &analysis.projection, s, !assumptions_shown, lang))
            .collect();
        if !sentences.is_empty() {
            b.paragraph(Tr::GroupLead.fill(
                lang,
                &[&charts::group_name(group, lang), &joined(&sentences, lang)],
            ));
        }
    }
    let missing: Vec<&str> = scenario
        .series
        .iter()
        .filter(|s| !projected(&s.key))
        .map(|s| lang.label(&s.label))
        .collect();
    if !missing.is_empty() {
        b.paragraph(
            Tr::SeriesWithoutValues.fill(lang, &[&missing.join(Tr::ListSeparator.get(lang))]),
        );
    }
    let (history, years) = table_years(scenario);
    let mut header = vec![Tr::Name.get(lang).to_owned(), Tr::Unit.get(lang).to_owned()];
    header.extend(history.iter().map(i32::to_string));
    header.extend(years.iter().map(i32::to_string));
    let rows = scenario
        .series
        .iter()
        .zip(&analysis.projection.series)
        .filter(|(series, _)| projected(&series.key))
        .map(|(series, projected)| {
            let mut row = vec![
                lang.label(&series.label).to_owned(),
                wording::shown_unit(scenario, series, lang).1,
            ];
            row.extend(history.iter().map(|&y| {
                series.observed.iter().find(|o| o.year == y).map_or_else(
                    || "–".into(),
                    |o| wording::shown_value(scenario, series, o.value),
                )
            }));
            row.extend(years.iter().map(|&y| {
                projected
                    .at(scenario.base_year, y)
                    .map_or_else(|| "–".into(), |v| wording::shown_value(scenario, series, v))
            }));
            row
        })
        .collect();
    b.table(Tr::ProjectionTableTitle.get(lang).to_owned(), header, rows);
    // Which columns are the statistics' and which the projection's, under the table.
    if let (Some(first), Some(last), Some(Block::Table(table))) =
        (history.first(), history.last(), b.blocks.last_mut())
    {
        // The years shown, a run written as one span: 2019—2022, or 2016、2020.
        let contiguous = (*last - *first) as usize + 1 == history.len();
        let years = if first == last {
            first.to_string()
        } else if contiguous {
            Tr::YearSpan.fill(lang, &[first, last])
        } else {
            history
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(Tr::ListSeparator.get(lang))
        };
        let note = Tr::ObservedColumnsNote.fill(lang, &[&years, &scenario.base_year]);
        table.source = Some(match table.source.take() {
            Some(source) => Tr::NoteAfterSource.fill(lang, &[&source, &note]),
            None => note,
        });
    }
}
