//! The chapter's sentences in the plan's register: a rate as 年均增长 / 年均下降 with the
//! decimals that reproduce the printed figures, each series' basis, a pollutant over the whole
//! period, a target with its gap. Pure functions of the analysis; every word comes from the
//! i18n table.

use crate::engine::{CapacityAnalysis, Course, Projection, TargetCheck};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::{Numbering, Rule, Scenario, Series};

/// 1 → 一, 12 → 十二, 31 → 三十一: the numbers of a plan's chapters and sections.
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                String::new()
            } else {
                DIGITS[(n - 10) as usize].to_string()
            }
        ),
        20..=99 => {
            let ones = n % 10;
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if ones == 0 {
                    String::new()
                } else {
                    DIGITS[ones as usize].to_string()
                }
            )
        }
        _ => n.to_string(),
    }
}

/// A heading's number: `path` is its place (section 2, subsection 1 is `[2, 1]`) in a chapter
/// numbered `chapter` (0: none). Plan numbering in Chinese is 一、（一）1．; in English, and with
/// decimal numbering, 3.2 and 3.2.1.
pub fn heading_number(numbering: Numbering, chapter: u32, path: &[u32], lang: Lang) -> String {
    let plan = numbering == Numbering::Plan && lang == Lang::Zh;
    match (plan, path) {
        (true, [n]) => format!("{}、", chinese_numeral(*n)),
        (true, [_, n]) => format!("（{}）", chinese_numeral(*n)),
        (true, [.., n]) => format!("{n}．"),
        (true, []) => String::new(),
        (false, _) => {
            let mut parts: Vec<String> = Vec::new();
            if chapter > 0 {
                parts.push(chapter.to_string());
            }
            parts.extend(path.iter().map(u32::to_string));
            format!("{} ", parts.join("."))
        }
    }
}

/// The chapter's own heading: 第三章 预测与环境承载力分析, or the title alone without a number.
pub fn chapter_heading(numbering: Numbering, chapter: u32, title: &str, lang: Lang) -> String {
    if chapter == 0 {
        return title.to_owned();
    }
    let number = if numbering == Numbering::Plan && lang == Lang::Zh {
        chinese_numeral(chapter)
    } else {
        chapter.to_string()
    };
    Tr::ChapterHeading.fill(lang, &[&number, &title])
}

/// A table's or figure's number: 3-1 in chapter 3, 1 in a chapter without a number.
pub fn caption_number(chapter: u32, n: usize) -> String {
    if chapter == 0 {
        n.to_string()
    } else {
        format!("{chapter}-{n}")
    }
}

/// How a rate is printed: its decimals in percent, and whether the printed rate is only about
/// the rule's (a fitted or calibrated 7.01871 % printed "约 7.02 %").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateShown {
    pub decimals: u8,
    pub approximate: bool,
}

/// The most decimals a rate is printed with, as plans write rates (年均增长 2.49 %).
pub const RATE_DECIMALS: u8 = 2;

/// How to print a rate: the fewest decimals (one or two) with which a reader multiplying the
/// printed base by the printed rate gets the printed value of every year (68.1 × 1.013⁶ is
/// 73.59 where the table prints 73.50, so 1.3 % would not do); where two decimals do not, two
/// and "about", rather than the six a fitted rate would need.
pub fn rate_shown(rate: f64, base: f64, years: i32, decimals: Option<u8>) -> RateShown {
    let exact = rate_decimals(rate, base, years, decimals);
    RateShown {
        decimals: exact.min(RATE_DECIMALS),
        approximate: exact > RATE_DECIMALS,
    }
}

/// The decimals a rate needs, in percent, so that a reader multiplying the printed base by the
/// printed rate gets the printed value of every year. At least one decimal, at most six; where
/// the printed base's own rounding keeps any rate from reproducing every year, the fewest
/// decimals that do so from the exact base.
pub fn rate_decimals(rate: f64, base: f64, years: i32, decimals: Option<u8>) -> u8 {
    let places = usize::from(decimals.unwrap_or(2));
    let shown = |v: f64| format!("{v:.places$}");
    let printed_base: f64 = shown(base).parse().unwrap_or(base);
    let printed_rate = |d: u8| {
        let scale = 10f64.powi(i32::from(d) + 2);
        (rate * scale).round() / scale
    };
    let path = |r: f64, from: f64, k: i32| from * (1.0 + r).powi(k);
    let reproduces = |d: u8, from: f64| {
        (1..=years.max(1))
            .all(|k| shown(path(printed_rate(d), from, k)) == shown(path(rate, base, k)))
    };
    (1..=6u8)
        .find(|&d| reproduces(d, printed_base))
        .or_else(|| (1..=6u8).find(|&d| reproduces(d, base)))
        .unwrap_or(6)
}

/// A rate printed as `shown` says: 年均增长 7.5 %, 年均增长约 7.02 %, 保持不变.
pub fn rate_words(rate: f64, shown: RateShown, lang: Lang) -> String {
    let digits = format::fixed(rate.abs() * 100.0, shown.decimals);
    let percent = format!("{digits} %");
    if rate == 0.0 || digits.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        Tr::HeldConstant.get(lang).to_owned()
    } else {
        match (rate > 0.0, shown.approximate) {
            (true, false) => Tr::AnnualGrowth,
            (true, true) => Tr::AnnualGrowthAbout,
            (false, false) => Tr::AnnualDecline,
            (false, true) => Tr::AnnualDeclineAbout,
        }
        .fill(lang, &[&percent])
    }
}

/// A series' base-year value and the years projected from it: what a rate's decimals must
/// reproduce.
fn reach(projection: &Projection, series: &Series) -> (f64, i32) {
    let values = projection
        .get(&series.key)
        .map(|p| p.values.as_slice())
        .unwrap_or_default();
    let years = values.len().saturating_sub(1) as i32;
    (values.first().copied().unwrap_or(0.0), years.max(1))
}

/// How a series is projected, in words: 按年均增长 7.5 % 预测, 按单位地区生产总值能耗… 计算.
pub fn basis(scenario: &Scenario, projection: &Projection, series: &Series, lang: Lang) -> String {
    let (base, years) = reach(projection, series);
    let rate = |r: f64| rate_words(r, rate_shown(r, base, years, series.decimals), lang);
    let name_of = |key: &str| {
        scenario
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let values = |points: &[(i32, f64)]| {
        points
            .iter()
            .map(|(y, v)| Tr::YearValue.fill(lang, &[y, &shown_value(scenario, series, *v)]))
            .collect::<Vec<_>>()
            .join(Tr::ListSeparator.get(lang))
    };
    match &series.rule {
        Rule::Growth { rate: r, changes } if *r == 0.0 && changes.is_empty() => {
            Tr::BasisConstant.get(lang).to_owned()
        }
        Rule::Growth { rate: r, changes } => {
            let mut text = rate(*r);
            for change in changes {
                text.push_str(&Tr::RateFromYear.fill(lang, &[&change.from, &rate(change.rate)]));
            }
            Tr::BasisGrowth.fill(lang, &[&text])
        }
        Rule::Linear { change_per_year } => {
            let amount = shown_value(scenario, series, change_per_year.abs());
            let unit = shown_unit(scenario, series, lang).1;
            let words = if *change_per_year >= 0.0 {
                Tr::AnnualIncrease.fill(lang, &[&amount, &unit])
            } else {
                Tr::AnnualDecrease.fill(lang, &[&amount, &unit])
            };
            Tr::BasisGrowth.fill(lang, &[&words])
        }
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => Tr::BasisDriven.fill(
            lang,
            &[
                &name_of(driver),
                &format::value(*intensity),
                &crate::i18n::unit(lang, intensity_unit),
                &rate(*change),
            ],
        ),
        Rule::GrowthAs { driver, elasticity } => {
            Tr::BasisElasticity.fill(lang, &[&name_of(driver), &format::value(*elasticity)])
        }
        Rule::Interp { points, .. } => Tr::BasisInterp.fill(lang, &[&values(points)]),
        Rule::Step { points } => Tr::BasisStep.fill(lang, &[&values(points)]),
    }
}

/// "到规划中期（2025 年）" where the milestone ends a named period, "到 2025 年" otherwise.
pub fn by_milestone(scenario: &Scenario, year: i32, lang: Lang) -> String {
    match scenario.period_name(year) {
        Some(name) => Tr::ByPeriod.fill(lang, &[&lang.label(name), &year]),
        None => Tr::ByYear.fill(lang, &[&year]),
    }
}

/// A milestone as a sentence names it: "2025 年" or "规划中期（2025 年）".
pub fn milestone_words(scenario: &Scenario, year: i32, lang: Lang) -> String {
    match scenario.period_name(year) {
        Some(name) => Tr::PeriodWords.fill(lang, &[&lang.label(name), &year]),
        None => Tr::YearWords.fill(lang, &[&year]),
    }
}

/// The milestones after the base year up to the horizon, and the horizon.
pub fn milestones_ahead(scenario: &Scenario) -> Vec<i32> {
    let mut years: Vec<i32> = scenario
        .shown_years()
        .into_iter()
        .filter(|&y| y > scenario.base_year)
        .collect();
    years.dedup();
    years
}

/// How the chapter prints a series: the factor from the scenario's unit and the unit's name
/// in `lang` (万吨 for garbage kept in t/a), or the scenario's own where the chapter chooses
/// none.
pub fn shown_unit(scenario: &Scenario, series: &Series, lang: Lang) -> (f64, String) {
    scenario
        .chapter
        .unit_of(&series.key)
        .and_then(|unit| {
            series
                .unit
                .factor_to(unit)
                .ok()
                .map(|factor| (factor, crate::i18n::unit(lang, unit).into_owned()))
        })
        .unwrap_or_else(|| (1.0, crate::i18n::unit(lang, &series.unit).into_owned()))
}

/// A series' value with its unit as a sentence writes them (`i18n::quantity_parts`: in English
/// "105.884 billion yuan", not "1,058.84 100 million yuan"), in the chapter's unit for it.
pub fn shown_quantity(
    scenario: &Scenario,
    series: &Series,
    value: f64,
    lang: Lang,
) -> (String, String) {
    let (factor, unit) = scenario
        .chapter
        .unit_of(&series.key)
        .and_then(|unit| series.unit.factor_to(unit).ok().map(|f| (f, unit.clone())))
        .unwrap_or_else(|| (1.0, series.unit.clone()));
    crate::i18n::quantity_parts(lang, value * factor, series.decimals, unit.symbol())
}

/// A series' value as the chapter prints it, in its chosen unit and the series' decimals.
pub fn shown_value(scenario: &Scenario, series: &Series, value: f64) -> String {
    let (factor, _) = shown_unit(scenario, series, Lang::Zh);
    format::with_decimals(value * factor, series.decimals)
}

/// A series' sentence: its basis, its value at each milestone, and with `with_source` its
/// source in a sentence of its own (a source's own brackets are not nested in the text's).
pub fn series_sentence(
    scenario: &Scenario,
    projection: &Projection,
    series: &Series,
    with_source: bool,
    lang: Lang,
) -> String {
    let source = lang.label(&series.source).trim();
    let source = if source.is_empty() || !with_source {
        String::new()
    } else {
        Tr::SeriesBasisSentence.fill(lang, &[&source])
    };
    let reaches: Vec<String> = milestones_ahead(scenario)
        .into_iter()
        .filter_map(|year| {
            let value = projection.value(&series.key, year)?;
            // A series that falls "降至", one that rises or holds "达到".
            let base = projection.value(&series.key, scenario.base_year);
            let words = if base.is_some_and(|b| value < b) {
                Tr::FallsBy
            } else {
                Tr::ReachesBy
            };
            let (value, unit) = shown_quantity(scenario, series, value, lang);
            Some(words.fill(lang, &[&by_milestone(scenario, year, lang), &value, &unit]))
        })
        .collect();
    Tr::SeriesSentence.fill(
        lang,
        &[
            &lang.label(&series.label),
            &basis(scenario, projection, series, lang),
            &source,
            &reaches.join(Tr::ClauseSeparator.get(lang)),
        ],
    )
}

/// The years of one span over capacity, in words: 2024—2029 年, 2024 年, 自 2024 年起.
fn span_words(span: (i32, i32), to_end: bool, base_year: i32, lang: Lang) -> String {
    match span {
        (first, _) if to_end && first == base_year => Tr::SpanFromBase.fill(lang, &[&first]),
        (first, _) if to_end => Tr::SpanFrom.fill(lang, &[&first]),
        (first, last) if first == last => Tr::SpanYear.fill(lang, &[&first]),
        (first, last) => Tr::SpanYears.fill(lang, &[&first, &last]),
    }
}

/// The spans over capacity in words: "2024—2026 年和自 2029 年起".
pub fn spans_words(spans: &[(i32, i32)], at_end: bool, base_year: i32, lang: Lang) -> String {
    let words: Vec<String> = spans
        .iter()
        .enumerate()
        .map(|(i, &span)| span_words(span, at_end && i + 1 == spans.len(), base_year, lang))
        .collect();
    crate::i18n::list_words(&words, lang)
}

/// A capacity's course in a few words, for a table's column or a status chip: 规划期内未超载,
/// 2024—2029 年超载, 自 2027 年起临近饱和, 已饱和.
pub fn course_words(capacity: &CapacityAnalysis, base_year: i32, lang: Lang) -> String {
    match capacity.course() {
        Course::NoData => Tr::NoData.get(lang).to_owned(),
        Course::Saturated => Tr::Saturated.get(lang).to_owned(),
        Course::Within { near, .. } if near.is_empty() => Tr::CourseWithinWord.get(lang).to_owned(),
        Course::Within { near, near_at_end } => {
            Tr::CourseNearWord.fill(lang, &[&spans_words(&near, near_at_end, base_year, lang)])
        }
        Course::Exceeded { spans, at_end } => {
            Tr::CourseExceededWord.fill(lang, &[&spans_words(&spans, at_end, base_year, lang)])
        }
    }
}

/// A pollutant over the whole period: within capacity throughout; near it from a year;
/// exceeded from a year and still over at the horizon; exceeded and back under; saturated.
/// `emission` names the series, `name` the capacity's pollutant.
pub fn capacity_sentence(
    capacity: &CapacityAnalysis,
    emission: &str,
    name: &str,
    decimals: Option<u8>,
    base_year: i32,
    lang: Lang,
) -> String {
    let Some(last) = capacity.years.last() else {
        return String::new();
    };
    let number = |v: f64| format::with_decimals(v, decimals);
    let share = last.utilisation.map_or_else(|| "–".into(), format::percent);
    let unit = &crate::i18n::unit(lang, &capacity.unit);
    match capacity.course() {
        Course::NoData => Tr::CourseNoData.fill(lang, &[&emission]),
        Course::Saturated => Tr::CourseSaturated.fill(
            lang,
            &[&name, &last.year, &emission, &number(last.emission), unit],
        ),
        Course::Within { near, .. } if near.is_empty() => Tr::CourseWithin.fill(
            lang,
            &[
                &emission,
                &name,
                &last.year,
                &number(last.emission),
                unit,
                &share,
            ],
        ),
        Course::Within { near, near_at_end } => Tr::CourseNear.fill(
            lang,
            &[
                &emission,
                &name,
                &last.year,
                &number(last.emission),
                unit,
                &share,
                &spans_words(&near, near_at_end, base_year, lang),
            ],
        ),
        Course::Exceeded { spans, at_end } => {
            let tail = if at_end {
                Tr::TailStillOver.fill(lang, &[&last.year, &number(last.emission), unit, &share])
            } else {
                let back = spans.last().map_or(last.year, |s| s.1 + 1);
                Tr::TailBackUnder.fill(
                    lang,
                    &[&back, &last.year, &number(last.emission), unit, &share],
                )
            };
            Tr::CourseExceeded.fill(
                lang,
                &[
                    &emission,
                    &spans_words(&spans, at_end, base_year, lang),
                    &name,
                    &tail,
                ],
            )
        }
    }
}

/// A capacity's name (化学需氧量), or its pollutant's key where the scenario has none.
pub fn capacity_name<'a>(
    scenario: &'a Scenario,
    capacity: &'a CapacityAnalysis,
    lang: Lang,
) -> &'a str {
    crate::i18n::capacity_name_in(scenario, &capacity.pollutant, lang)
}

/// The series a capacity is compared with, by its label (化学需氧量排放总量), or its key where
/// the scenario has none.
pub fn emission_name<'a>(
    scenario: &'a Scenario,
    capacity: &'a CapacityAnalysis,
    lang: Lang,
) -> &'a str {
    scenario
        .series(&capacity.series)
        .map_or(capacity.series.as_str(), |s| lang.label(&s.label))
}

/// Whether a pollutant stays so far below its capacity (under a quarter of it in every year,
/// the charts' rule, `charts::FAR_ABOVE`) that a figure would show a flat line: summarised
/// with the others.
pub fn far_below(capacity: &CapacityAnalysis) -> bool {
    matches!(capacity.course(), Course::Within { near, .. } if near.is_empty())
        && capacity.years.iter().all(|y| {
            y.utilisation
                .is_some_and(|u| u * crate::charts::FAR_ABOVE < 1.0)
        })
}

/// An indicator read met while a target on the same quantity is missed, both named: the one
/// sentence the Overview and the chapter say it in.
pub fn conflict_sentence(
    scenario: &Scenario,
    targets: &[TargetCheck],
    number: &str,
    target: &str,
    lang: Lang,
) -> String {
    let name = scenario
        .indicators
        .iter()
        .find(|i| i.number == number)
        .map_or("", |i| lang.label(&i.name));
    let (label, year) = targets
        .iter()
        .find(|c| c.key == target)
        .map_or((target, scenario.horizon), |c| {
            (lang.label(&c.label), c.year)
        });
    Tr::IndicatorTargetConflictText.fill(lang, &[&number, &name, &label, &year])
}

/// A target's sentence: met, or missed by how much and what annual change would close it.
pub fn target_sentence(check: &TargetCheck, decimals: Option<u8>, lang: Lang) -> String {
    let threshold = crate::i18n::threshold_in_words(check, decimals, lang);
    let value = format::with_decimals(check.value, decimals);
    if check.met {
        return Tr::TargetReached.fill(
            lang,
            &[
                &lang.label(&check.label),
                &check.year,
                &value,
                &crate::i18n::unit(lang, &check.unit),
                &threshold,
            ],
        );
    }
    let closing = crate::i18n::needed_change(check, lang)
        .map(|words| Tr::TargetClosing.fill(lang, &[&words]))
        .unwrap_or_default();
    Tr::TargetNotReached.fill(
        lang,
        &[
            &lang.label(&check.label),
            &check.year,
            &value,
            &crate::i18n::unit(lang, &check.unit),
            &threshold,
            &format::with_decimals(check.gap.abs(), decimals),
            &closing,
        ],
    )
}

#[cfg(test)]
mod tests;
