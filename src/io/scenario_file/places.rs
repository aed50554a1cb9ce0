//! Where in a file's text an error is: a workspace member by its name, a model error by the item and field it names, the format version.

use super::*;

/// The line and column of each workspace member's `name`, in the listed order. A small scan of
/// the RON text (strings, raw strings, characters, comments and bracket depth), since the parser
/// keeps no positions of values; a layout it cannot follow gives fewer positions than members,
/// and messages then name members by their place in the list instead.
pub(super) fn member_name_positions(text: &str) -> Vec<(usize, usize)> {
    // `(format_version: …, workspace: [ (name: …` puts a member's fields at depth 3.
    const MEMBER_DEPTH: usize = 3;
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        col: 1,
    };
    let mut positions = Vec::new();
    let mut depth = 0usize;
    while let Some(&c) = scanner.chars.peek() {
        match c {
            '"' => {
                scanner.bump();
                scanner.skip_quoted('"');
            }
            '\'' => {
                scanner.bump();
                scanner.skip_quoted('\'');
            }
            '/' => {
                scanner.bump();
                match scanner.chars.peek() {
                    Some('/') => scanner.skip_line(),
                    Some('*') => {
                        scanner.bump();
                        scanner.skip_block_comment();
                    }
                    _ => {}
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                scanner.bump();
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                scanner.bump();
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = (scanner.line, scanner.col);
                let mut word = String::new();
                while let Some(&c) = scanner.chars.peek() {
                    if !(c.is_alphanumeric() || c == '_') {
                        break;
                    }
                    word.push(c);
                    scanner.bump();
                }
                match scanner.chars.peek() {
                    // Raw strings: r"…", r#"…"#, br"…".
                    Some('"' | '#') if word == "r" || word == "br" => scanner.skip_raw_string(),
                    _ => {
                        scanner.skip_whitespace();
                        if depth == MEMBER_DEPTH
                            && word == "name"
                            && scanner.chars.peek() == Some(&':')
                        {
                            positions.push(start);
                        }
                    }
                }
            }
            _ => {
                scanner.bump();
            }
        }
    }
    positions
}

/// Walks RON text keeping the line and column (in characters, as the parser counts).
pub(super) struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Past the closing `quote`, skipping escapes.
    fn skip_quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                c if c == quote => return,
                _ => {}
            }
        }
    }

    /// From the `#`s or `"` after `r`, past the closing `"` and as many `#`s.
    fn skip_raw_string(&mut self) {
        let mut hashes = 0;
        while self.chars.peek() == Some(&'#') {
            hashes += 1;
            self.bump();
        }
        if self.bump() != Some('"') {
            return;
        }
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.chars.peek() == Some(&'#') {
                    closing += 1;
                    self.bump();
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                return;
            }
        }
    }

    /// Past the end of a block comment whose `/*` was read; RON's block comments nest.
    fn skip_block_comment(&mut self) {
        let mut nesting = 1usize;
        while let Some(c) = self.bump() {
            match (c, self.chars.peek()) {
                ('/', Some('*')) => {
                    self.bump();
                    nesting += 1;
                }
                ('*', Some('/')) => {
                    self.bump();
                    nesting -= 1;
                    if nesting == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }
}

/// Where in a scenario's text the item and field an error names stand: a plain search for the
/// item's key (`key: "cod"`, `pollutant: "COD"`) and then the field after it, in the layout
/// ecoplan writes. A file laid out otherwise gives `None`, and the message names the item alone.
pub(super) fn locate(text: &str, error: &ModelError) -> Option<(usize, usize)> {
    let key_of = |item: &str, key: &str| match item {
        "capacity" => format!("pollutant: \"{key}\""),
        "uncertainty" | "uncertain rate of series" => format!("series: \"{key}\""),
        "indicator" => format!("number: \"{key}\""),
        _ => format!("key: \"{key}\""),
    };
    let field_after = |start: usize, field: &str| -> usize {
        // A field named like `rate` or `base`; "rate from 2026" and the like stay at the item.
        let plain = !field.is_empty() && field.chars().all(|c| c.is_alphanumeric() || c == '_');
        plain
            .then(|| text[start..].find(&format!("{field}:")).map(|i| start + i))
            .flatten()
            // Only within the item: not past the next item's key.
            .filter(|&at| at == start || !text[start + 1..at].contains("key: \""))
            .unwrap_or(start)
    };
    let offset = match error {
        ModelError::BaseYearRange { .. } | ModelError::YearRange { .. } => {
            text.find("base_year:")?
        }
        ModelError::HorizonTooFar { .. } => text.find("horizon:")?,
        ModelError::DuplicateKey { item, key } => {
            let needle = key_of(item, key);
            let first = text.find(&needle)?;
            first + 1 + text[first + 1..].find(&needle)?
        }
        ModelError::EmptyKey { .. } => text.find("key: \"\"")?,
        ModelError::UnknownSeries { series, driver } => {
            let start = text.find(&key_of("series", series)).unwrap_or(0);
            start + text[start..].find(&format!("\"{driver}\""))?
        }
        ModelError::Cycle { cycle } => text.find(&key_of("series", cycle.first()?))?,
        ModelError::InvalidValue {
            item, key, field, ..
        }
        | ModelError::Invalid {
            item, key, field, ..
        } => {
            let start = match *item {
                "EI" => text.find("ei: (")?,
                "scenario" => text.find(&format!("{field}:"))?,
                _ => text.find(&key_of(item, key))?,
            };
            // A value of a year (an indicator's or a series' observation), a period's target:
            // at its entry of the item, found by the year it states.
            let of_year = field
                .strip_prefix("observed value of ")
                .or_else(|| field.strip_prefix("value of "))
                .map(|year| (format!("year: {year},"), "value:"))
                .or_else(|| {
                    field
                        .strip_prefix("target until ")
                        .map(|year| (format!("until: {year},"), "target:"))
                });
            if let Some((entry, value)) = of_year
                && let Some(at) = text[start..].find(&entry).map(|i| start + i)
                // Within the item: not past the next item's key.
                && !text[start + 1..at].contains("key: \"")
                && !text[start + 1..at].contains("number: \"")
            {
                // At the value itself, past its field's name.
                text[at..].find(value).map_or(at, |i| {
                    let after = at + i + value.len();
                    after + (text[after..].len() - text[after..].trim_start_matches(' ').len())
                })
            } else {
                field_after(start, field)
            }
        }
        ModelError::Unit { item, key, .. } => field_after(text.find(&key_of(item, key))?, "unit"),
        ModelError::NotFinite { item, key, .. } => text.find(&key_of(item, key))?,
        ModelError::UnknownSeriesUse { place, key } => {
            use crate::model::references::SeriesUse;
            let start = match place {
                SeriesUse::Capacity { pollutant } => text.find(&key_of("capacity", pollutant)),
                SeriesUse::Target { key } => text.find(&key_of("target", key)),
                SeriesUse::Indicator { number } => text.find(&key_of("indicator", number)),
                SeriesUse::NonpointLoad { .. } => text.find("nonpoint_series:"),
                SeriesUse::Footprint => text.find("population_series:"),
                SeriesUse::Uncertain => text.find("uncertainty:"),
                SeriesUse::ChapterUnit => text.find("units:"),
                // Given on the command line or in a view, not in the file.
                SeriesUse::GoalSeek
                | SeriesUse::Sensitivity
                | SeriesUse::FanChart
                | SeriesUse::Comparison => return None,
                SeriesUse::Driver { series } => text.find(&key_of("series", series)),
            }
            .unwrap_or(0);
            start + text[start..].find(&format!("\"{key}\""))?
        }
    };
    Some(line_col(text, offset))
}

/// Where the file states its format version.
pub(super) fn version_at(text: &str) -> Option<(usize, usize)> {
    text.find("format_version")
        .map(|offset| line_col(text, offset))
}
