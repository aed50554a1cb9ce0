//! The chapter from the analysis: each section the user chose, in the user's order, numbered
//! as the user numbers headings, each paragraph giving the basis, the figures and what they
//! mean.

use super::wording::{
    self, capacity_name, capacity_sentence, caption_number, chapter_heading, course_words,
    far_below, heading_number, series_sentence, target_sentence,
};
use super::{Block, Document, FigureBlock, Properties, TableBlock};
use crate::charts::{self, ChartSpec};
use crate::engine::indicators::Status;
use crate::engine::uncertainty::{PERCENTILES, UncertaintyResult};
use crate::engine::{Analysis, CapacityAnalysis, Finding};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::{Group, Medium, Scenario, Section};

/// What a chapter is made from.
pub struct ChapterInput<'a> {
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
    /// The scenario's file: into the document's properties.
    pub file: Option<&'a str>,
    /// A Monte Carlo run of this scenario, for the uncertainty section.
    pub uncertainty: Option<&'a UncertaintyResult>,
    /// The scenarios of a workspace, each analysed, for the comparison (empty otherwise).
    pub compared: &'a [(&'a str, &'a Scenario, &'a Analysis)],
}

/// Builds the blocks in order, numbering headings, tables and figures as it goes.
struct Builder<'a> {
    input: &'a ChapterInput<'a>,
    lang: Lang,
    blocks: Vec<Block>,
    path: Vec<u32>,
    tables: usize,
}

impl Builder<'_> {
    fn scenario(&self) -> &Scenario {
        self.input.scenario
    }

    fn heading(&mut self, level: u8, title: &str) {
        let depth = usize::from(level.saturating_sub(1)).max(1);
        self.path.truncate(depth);
        while self.path.len() < depth {
            self.path.push(0);
        }
        if let Some(last) = self.path.last_mut() {
            *last += 1;
        }
        let chapter = &self.scenario().chapter;
        let number = heading_number(chapter.numbering, chapter.number, &self.path, self.lang);
        self.blocks.push(Block::Heading {
            level,
            text: format!("{number}{title}"),
        });
    }

    fn paragraph(&mut self, text: String) {
        if !text.trim().is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    /// The number the next table will have (3-2), to refer to it before it comes.
    fn next_table(&self) -> String {
        caption_number(self.scenario().chapter.number, self.tables + 1)
    }

    fn table(&mut self, title: String, header: Vec<String>, rows: Vec<Vec<String>>) {
        self.tables += 1;
        let source = Some(Tr::TableSource.fill(self.lang, &[&self.source()]));
        self.blocks.push(Block::Table(TableBlock {
            caption: title,
            header,
            rows,
            source,
        }));
    }

    fn figure(&mut self, mut chart: ChartSpec) {
        let caption = chart.title.clone();
        chart.source_note = charts::report_source_note(self.scenario(), self.lang);
        self.blocks
            .push(Block::Figure(Box::new(FigureBlock { chart, caption })));
    }

    /// Where the figures come from: the district's statistics and this plan's computation.
    fn source(&self) -> String {
        charts::source_words(self.scenario(), self.lang)
    }
}

/// The chapter of `input` in `lang`.
pub fn chapter(input: &ChapterInput<'_>, lang: Lang) -> Document {
    let scenario = input.scenario;
    let settings = &scenario.chapter;
    let title = lang.label(&settings.title).to_owned();
    let mut builder = Builder {
        input,
        lang,
        blocks: Vec::new(),
        path: Vec::new(),
        tables: 0,
    };
    // A section with nothing to say is left out rather than printed empty.
    for &section in settings.sections.iter().filter(|&&s| has_content(input, s)) {
        match section {
            Section::Projection => projection(&mut builder),
            Section::Capacity => capacity(&mut builder),
            Section::Footprint => footprint(&mut builder),
            Section::Ecological => ecological(&mut builder),
            Section::Targets => targets(&mut builder),
            Section::Indicators => indicators(&mut builder),
            Section::Scenarios => scenarios(&mut builder),
            Section::Uncertainty => uncertainty(&mut builder),
            Section::Assumptions => assumptions(&mut builder),
        }
    }
    Document {
        heading: chapter_heading(settings.numbering, settings.number, &title, lang),
        chapter_number: settings.number,
        blocks: builder.blocks,
        properties: Properties {
            title: Tr::ReportTitle.fill(
                lang,
                &[
                    &scenario.metadata.name,
                    &chapter_heading(settings.numbering, settings.number, &title, lang),
                ],
            ),
            scenario: scenario.metadata.name.clone(),
            file: input.file.map(str::to_owned),
            made_by: format!("ecoplan {}", crate::assets::VERSION),
        },
    }
}

/// Whether `section` has anything to say for `input`: a footprint needs its method, EI its
/// land cover, the comparison two scenarios, the uncertainty a run.
pub fn has_content(input: &ChapterInput<'_>, section: Section) -> bool {
    let (scenario, analysis) = (input.scenario, input.analysis);
    match section {
        // Something projected: a new district's series without base values have nothing.
        Section::Projection | Section::Assumptions => {
            scenario.series.iter().any(|s| projected(analysis, &s.key))
        }
        Section::Capacity => !analysis.capacities.is_empty(),
        Section::Footprint => analysis.footprint.is_some(),
        Section::Ecological => scenario.methods.ei != Default::default(),
        Section::Targets => !analysis.targets.is_empty(),
        Section::Indicators => scenario.indicators.iter().any(|i| i.applies),
        Section::Scenarios => input.compared.len() >= 2,
        Section::Uncertainty => input.uncertainty.is_some(),
    }
}

/// Whether a series has a value in some year: one without (no base value yet) is left out.
fn projected(analysis: &Analysis, key: &str) -> bool {
    analysis
        .projection
        .get(key)
        .is_some_and(|p| p.values.iter().any(|v| v.is_finite()))
}

/// The years the projection table shows: the chosen history years, the base year, the
/// milestones and the horizon.
fn table_years(scenario: &Scenario) -> (Vec<i32>, Vec<i32>) {
    let mut history: Vec<i32> = scenario
        .chapter
        .history_years
        .iter()
        .copied()
        .filter(|&y| y < scenario.base_year)
        .collect();
    history.sort_unstable();
    history.dedup();
    (history, scenario.shown_years())
}

fn projection(b: &mut Builder<'_>) {
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
            &spaced(&milestones.join(Tr::ListSeparator.get(lang)), lang),
            &b.next_table(),
        ],
    );
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
            .map(|s| series_sentence(scenario, &analysis.projection, s, lang))
            .collect();
        if !sentences.is_empty() {
            b.paragraph(format!(
                "{}{}{}",
                charts::group_name(group, lang),
                Tr::LeadSeparator.get(lang),
                joined(&sentences, lang)
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

/// A list that starts with a year gets the space a number has after a word ("预测 2025 年").
fn spaced(text: &str, lang: Lang) -> String {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        Tr::SpaceBeforeYear.fill(lang, &[&text])
    } else {
        text.to_owned()
    }
}

/// Sentences as one paragraph: run together in Chinese, a space between them in English.
fn joined(sentences: &[String], lang: Lang) -> String {
    sentences
        .iter()
        .filter(|s| !s.is_empty())
        .fold(String::new(), |text, next| {
            if text.is_empty() {
                next.clone()
            } else {
                Tr::SentenceJoin.fill(lang, &[&text, next])
            }
        })
}

fn capacity(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    b.heading(2, Tr::SectionCapacity.get(lang));
    for medium in [Medium::Water, Medium::Air] {
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
            let series = scenario.series(&capacity.series);
            let emission = series.map_or(capacity.series.as_str(), |s| lang.label(&s.label));
            sentences.push(capacity_sentence(
                capacity,
                emission,
                capacity_name(scenario, capacity, lang),
                series.and_then(|s| s.decimals),
                scenario.base_year,
                lang,
            ));
        }
        if !far.is_empty() {
            let names: Vec<&str> = far
                .iter()
                .map(|c| {
                    scenario
                        .series(&c.series)
                        .map_or(c.series.as_str(), |s| lang.label(&s.label))
                })
                .collect();
            let most = far
                .iter()
                .filter_map(|c| c.peak().and_then(|p| p.utilisation))
                .fold(0.0f64, f64::max);
            sentences.push(Tr::FarBelowSummary.fill(
                lang,
                &[
                    &names.join(Tr::ListSeparator.get(lang)),
                    &format::percent(most),
                    &b.next_table(),
                ],
            ));
        }
        b.paragraph(joined(&sentences, lang));
        let header = [
            Tr::Pollutant,
            Tr::Emission,
            Tr::Capacity,
            Tr::Unit,
            Tr::Utilisation,
            Tr::Headroom,
            Tr::CourseColumn,
        ]
        .map(|k| k.get(lang).to_owned())
        .to_vec();
        let rows = of_medium
            .iter()
            .map(|capacity| {
                let last = capacity.years.last().expect("a projection has years");
                let decimals = scenario.series(&capacity.series).and_then(|s| s.decimals);
                vec![
                    capacity_name(scenario, capacity, lang).to_owned(),
                    format::with_decimals(last.emission, decimals),
                    format::with_decimals(last.capacity, decimals),
                    crate::i18n::unit(lang, &capacity.unit).into_owned(),
                    last.utilisation.map_or_else(|| "–".into(), format::percent),
                    format::with_decimals(last.headroom, decimals),
                    course_words(capacity, scenario.base_year, lang),
                ]
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

fn footprint(b: &mut Builder<'_>) {
    let (scenario, analysis, lang) = (b.input.scenario, b.input.analysis, b.lang);
    let Some(years) = analysis.footprint.as_ref() else {
        return;
    };
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return;
    };
    b.heading(2, Tr::SectionFootprint.get(lang));
    // In 万 gha, as the chart's axis.
    let gha = |v: f64| format::fixed(v / 1e4, 2);
    let balance = |v: f64| {
        if v < 0.0 {
            Tr::EcologicalDeficit.fill(lang, &[&gha(-v)])
        } else {
            Tr::EcologicalSurplus.fill(lang, &[&gha(v)])
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
            &gha(first.footprint_gha),
            &gha(first.capacity_gha),
            &balance(first.balance_gha),
            &last.year,
            &gha(last.footprint_gha),
            &gha(last.capacity_gha),
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

fn ecological(b: &mut Builder<'_>) {
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

fn targets(b: &mut Builder<'_>) {
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
                check
                    .required_annual_change
                    .filter(|_| !check.met)
                    .map_or_else(|| "–".into(), |c| wording::annual_rate(c, 2, lang)),
            ]
        })
        .collect();
    b.table(Tr::TargetsTable.get(lang).to_owned(), header, rows);
    for check in analysis.targets.iter().filter(|c| !c.met) {
        b.figure(charts::target_chart(scenario, check, lang));
    }
}

fn indicators(b: &mut Builder<'_>) {
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
        let names = without.join(Tr::ListSeparator.get(lang));
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
                        format!(
                            "{} ({})",
                            format::with_decimals(v, indicator.decimals),
                            l.year
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

fn scenarios(b: &mut Builder<'_>) {
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
            &names.join(Tr::ListSeparator.get(lang)),
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
            .push(Tr::CommonYear.fill(lang, &[&each.join(Tr::ListSeparator.get(lang)), &horizon]));
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
            Tr::ScenarioMissed.fill(lang, &[&missed.join(Tr::ListSeparator.get(lang))])
        };
        let list = |names: &[&str]| names.join(Tr::ListSeparator.get(lang));
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
                let mut row = vec![lang.label(&capacity.label).to_owned()];
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

fn uncertainty(b: &mut Builder<'_>) {
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

fn assumptions(b: &mut Builder<'_>) {
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
