//! The chapter from the analysis: each section the user chose, in the user's order, numbered
//! as the user numbers headings, each paragraph giving the basis, the figures and what they
//! mean.

use super::wording::{
    self, capacity_name, capacity_sentence, caption_number, chapter_heading, course_words,
    emission_name, far_below, heading_number, series_sentence, target_sentence,
};
use super::{Block, Document, FigureBlock, Properties, TableBlock};
use crate::charts::{self, ChartSpec};
use crate::engine::indicators::Status;
use crate::engine::uncertainty::{PERCENTILES, UncertaintyResult};
use crate::engine::{Analysis, CapacityAnalysis, Finding};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::{Group, Medium, Scenario, Section};

mod capacity;
mod projection;
mod scenarios;
mod targets;
mod uncertainty;

use capacity::{capacity, ecological, footprint};
use projection::projection;
use scenarios::scenarios;
use targets::{indicators, targets};
use uncertainty::{assumptions, uncertainty};

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
    figures: usize,
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
            number: self.tables,
            caption: title,
            header,
            rows,
            source,
        }));
    }

    fn figure(&mut self, mut chart: ChartSpec) {
        let caption = chart.title.clone();
        chart.source_note = charts::report_source_note(self.scenario(), self.lang);
        self.figures += 1;
        self.blocks.push(Block::Figure(Box::new(FigureBlock {
            number: self.figures,
            chart,
            caption,
        })));
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
        figures: 0,
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
        Section::Ecological => scenario.methods.ei.has_land_cover(),
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
