//! The plan's chapter as a document model: headings, paragraphs, tables and figures with their
//! captions, built from the analysis (`build`) in the plan's register (`wording`), and written
//! out by `io::report` (Word) or `markdown` (a preview, and what tests read). Nothing here
//! knows a file format; nothing in the writers knows what a capacity is.

mod build;
pub mod markdown;
pub mod wording;

pub use build::{ChapterInput, chapter, has_content};

use crate::charts::ChartSpec;

/// The chapter: its heading, what it holds, and what goes into the file's properties instead
/// of its text (the scenario's file, the program that made it).
#[derive(Clone, Debug)]
pub struct Document {
    /// "第三章 预测与环境承载力分析".
    pub heading: String,
    /// Captions read "表 3-1" in a chapter with a number, "表 1" without one.
    pub chapter_number: u32,
    pub blocks: Vec<Block>,
    pub properties: Properties,
}

/// Kept in the document's properties, never in its text: a delivered plan names no file on
/// the author's disk and no program.
#[derive(Clone, Debug, PartialEq)]
pub struct Properties {
    pub title: String,
    pub scenario: String,
    pub file: Option<String>,
    pub made_by: String,
}

#[derive(Clone, Debug)]
pub enum Block {
    /// Level 2 is a section (一、), 3 a subsection (（一）); the text carries its number.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    Table(TableBlock),
    Figure(Box<FigureBlock>),
}

/// A table with its caption above it and its source below.
#[derive(Clone, Debug, PartialEq)]
pub struct TableBlock {
    /// Its number among the chapter's tables, from 1: counted once, where the chapter is
    /// built, and printed by every writer ("表 3-1").
    pub number: usize,
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// "资料来源：…", under the table.
    pub source: Option<String>,
}

/// A chart with its caption below it: the chart is drawn without its title, which the caption
/// carries once.
#[derive(Clone, Debug)]
pub struct FigureBlock {
    /// Its number among the chapter's figures, from 1 (as `TableBlock::number`).
    pub number: usize,
    pub chart: ChartSpec,
    pub caption: String,
}

impl Document {
    /// The sections' headings, in order.
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.as_str()),
            _ => None,
        })
    }

    pub fn tables(&self) -> impl Iterator<Item = &TableBlock> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }

    pub fn figures(&self) -> impl Iterator<Item = &FigureBlock> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(figure) => Some(&**figure),
            _ => None,
        })
    }
}
