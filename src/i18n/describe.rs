//! Things of the engine in words: a rule, a target's threshold, a fit's note or refusal, an
//! indicator's rule, a status.

use super::{Lang, Tr, unit};

/// A land cover that can replace built-up land, in words (林地).
pub fn land_cover_tr(cover: crate::engine::methods::LandCover) -> Tr {
    use crate::engine::methods::LandCover;
    match cover {
        LandCover::Forest => Tr::Forest,
        LandCover::Grass => Tr::Grass,
        LandCover::Wetland => Tr::Wetland,
    }
}

/// A capacity by its name in `lang` (化学需氧量), by its pollutant (COD) where it has none: how
/// every view, table and sentence names a capacity.
pub fn capacity_label(lang: Lang, capacity: &crate::model::Capacity) -> &str {
    let name = lang.label(&capacity.label).trim();
    if name.is_empty() {
        &capacity.pollutant
    } else {
        name
    }
}

/// The capacity of `scenario` for `pollutant` by its name (`capacity_label`), or the pollutant
/// where the scenario holds no such capacity.
pub fn capacity_name_in<'a>(
    scenario: &'a crate::model::Scenario,
    pollutant: &'a str,
    lang: Lang,
) -> &'a str {
    scenario
        .capacity(pollutant)
        .map_or(pollutant, |c| capacity_label(lang, c))
}

/// A capacity by its name and its pollutant's short name, "氨氮（NH3-N）", where a heading must
/// tell both; by the short name alone where it has no name of its own.
pub fn capacity_named(lang: Lang, capacity: &crate::model::Capacity) -> String {
    let name = capacity_label(lang, capacity);
    if name == capacity.pollutant {
        name.to_owned()
    } else {
        super::bracketed(lang, name, &capacity.pollutant)
    }
}

/// A rule in a few words: "growth 7.5 %", "follows gdp, elasticity 1.00".
pub fn rule_summary(rule: &crate::model::Rule, lang: Lang) -> String {
    rule_words(rule, None, lang)
}

/// A rule in words, its driver named `driver_name` where given (its label), else by its key.
fn rule_words(rule: &crate::model::Rule, driver_name: Option<&str>, lang: Lang) -> String {
    use crate::format;
    use crate::model::Rule;
    // Chinese punctuation in Chinese: "随地区生产总值，弹性 1.00".
    let comma = Tr::ClauseSeparator.get(lang);
    let list = Tr::ListSeparator.get(lang);
    let space = lang.pick("", " ");
    match rule {
        Rule::Growth { rate, changes } => {
            let mut text = format!("{} {}", Tr::Growth.get(lang), format::percent(*rate));
            for change in changes {
                text.push_str(
                    &Tr::RuleFromYear.fill(lang, &[&change.from, &format::percent(change.rate)]),
                );
            }
            text
        }
        Rule::Interp { points, after_rate } => {
            let points: Vec<String> = points
                .iter()
                .map(|(y, v)| Tr::YearValue.fill(lang, &[y, &format::exact(*v)]))
                .collect();
            format!(
                "{} {}{}{} {}",
                Tr::Interpolate.get(lang),
                points.join(list),
                Tr::NoteSeparator.get(lang),
                Tr::Then.get(lang),
                format::percent(*after_rate)
            )
        }
        Rule::Linear { change_per_year } => {
            Tr::LinearChange.fill(lang, &[&crate::format::signed(*change_per_year, None)])
        }
        Rule::Step { points } => {
            let points: Vec<String> = points
                .iter()
                .map(|(y, v)| Tr::YearValue.fill(lang, &[y, &format::exact(*v)]))
                .collect();
            format!("{} {}", Tr::Step.get(lang), points.join(list))
        }
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => format!(
            "{} × {} {}{comma}{} {}",
            driver_name.unwrap_or(driver),
            format::value(*intensity),
            unit(lang, intensity_unit),
            Tr::IntensityChangeLower.get(lang),
            format::percent(*change)
        ),
        Rule::GrowthAs { driver, elasticity } => {
            format!(
                "{}{space}{}{comma}{} {}",
                Tr::Follows.get(lang),
                driver_name.unwrap_or(driver),
                Tr::ElasticityLower.get(lang),
                format::value(*elasticity)
            )
        }
    }
}

/// A target's threshold as the tables and the report print it: "≤ 0.17" as typed (the plan's
/// figures as printed), or for a target relative to a year the threshold it works out to with
/// the change it is: "≤ 4,706.83（较 2027 年 -5.0 %）".
pub fn threshold_in_words(
    check: &crate::engine::TargetCheck,
    decimals: Option<u8>,
    lang: Lang,
) -> String {
    let (threshold, relative) = threshold_parts(check, decimals, lang);
    format!("{threshold}{relative}")
}

/// The threshold ("≤ 4,706.83") and, for a relative target, what it is relative to
/// ("（较 2027 年 -5.0 %）", or "" for an absolute one), for sentences that put the unit between.
pub fn threshold_parts(
    check: &crate::engine::TargetCheck,
    decimals: Option<u8>,
    lang: Lang,
) -> (String, String) {
    let threshold = format!(
        "{} {}",
        check.comparison.symbol(),
        threshold_value(check, decimals)
    );
    match check.relative {
        None => (threshold, String::new()),
        Some((year, change)) => {
            let relative = Tr::ChangeFromYear.fill(lang, &[&year, &crate::format::percent(change)]);
            let relative = match lang {
                Lang::Zh => format!("（{relative}）"),
                Lang::En => format!(" ({relative})"),
            };
            (threshold, relative)
        }
    }
}

/// A threshold's number: as typed for an absolute target (the plan's 0.136, ≥ 85), in the
/// target's decimals for one computed from a reference year.
pub fn threshold_value(check: &crate::engine::TargetCheck, decimals: Option<u8>) -> String {
    match check.relative {
        None => crate::format::exact(check.threshold),
        Some(_) => crate::format::with_decimals(check.threshold, decimals),
    }
}

/// Where a fitted rule comes from, as its source note says it ("按 2019—2024 年年均增长率
/// −2.48 % 外推，R² 0.99"), the driver by name.
pub fn fit_note(
    scenario: &crate::model::Scenario,
    fit: &crate::engine::fit::Fit,
    lang: Lang,
) -> String {
    use crate::engine::fit::FitMethod;
    let percent = |v: f64| format!("{:.2} %", v * 100.0).replace("-0.00", "0.00");
    let r2 = format!("{:.2}", fit.r2);
    let driver = fit
        .driver
        .as_deref()
        .and_then(|d| scenario.series(d))
        .map_or("", |s| lang.label(&s.label));
    let unit = match (&fit.driver, scenario.series(&fit.series)) {
        (Some(d), Some(series)) => scenario
            .series(d)
            .map(|d| series.unit.divide(&d.unit).to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let (from, to) = (fit.from, fit.to);
    match fit.method {
        FitMethod::Cagr => Tr::FitNoteCagr.fill(lang, &[&from, &to, &percent(fit.value), &r2]),
        FitMethod::LogLinear => {
            Tr::FitNoteLogLinear.fill(lang, &[&from, &to, &percent(fit.value), &r2])
        }
        FitMethod::Linear => Tr::FitNoteLinear.fill(
            lang,
            &[&from, &to, &crate::format::signed(fit.value, None), &r2],
        ),
        FitMethod::Intensity => Tr::FitNoteIntensity.fill(
            lang,
            &[
                &driver,
                &from,
                &to,
                &crate::format::value(fit.level.unwrap_or(f64::NAN)),
                &unit,
                &percent(fit.value),
                &r2,
            ],
        ),
        FitMethod::Elasticity => Tr::FitNoteElasticity.fill(
            lang,
            &[&driver, &format!("{:.3}", fit.value), &from, &to, &r2],
        ),
    }
}

/// Why a fit cannot be made, in the interface's language, the series by name.
pub fn fit_refusal(
    error: &crate::engine::fit::FitError,
    scenario: &crate::model::Scenario,
    lang: Lang,
) -> String {
    use crate::engine::fit::FitError;
    let name = |key: &str| {
        scenario
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    match error {
        FitError::UnknownSeries(key) => Tr::NoSuchSeries.fill(lang, &[key]),
        FitError::UnknownDriver(key) => Tr::NoSuchDriver.fill(lang, &[key]),
        FitError::Span { from, to } => Tr::FitSpan.fill(lang, &[from, to]),
        FitError::TooFew {
            series,
            driver: None,
            from,
            to,
            found,
            needed,
        } => Tr::FitTooFew.fill(lang, &[&name(series), from, to, found, needed]),
        FitError::TooFew {
            series,
            driver: Some(driver),
            from,
            to,
            found,
            needed,
        } => Tr::FitTooFewTogether.fill(
            lang,
            &[&name(series), &name(driver), from, to, found, needed],
        ),
        FitError::MissingEndYear { series, year } => {
            Tr::FitMissingEnd.fill(lang, &[&name(series), year])
        }
        FitError::NotPositive {
            series,
            year,
            value,
        } => Tr::FitNotPositive.fill(lang, &[&name(series), year, value]),
        FitError::NoDriver => Tr::FitDriver.get(lang).to_owned(),
        FitError::OwnDriver { series } => Tr::FitOwnDriver.fill(lang, &[&name(series)]),
        FitError::FlatDriver { driver, from, to } => {
            Tr::FitFlatDriver.fill(lang, &[&name(driver), from, to])
        }
    }
}

/// A rule in words, its driver by name rather than key ("随地区生产总值", not "随gdp"): what a
/// reader of the window or the report sees.
pub fn rule_in_words(
    scenario: &crate::model::Scenario,
    rule: &crate::model::Rule,
    lang: Lang,
) -> String {
    let name = rule
        .driver()
        .and_then(|key| scenario.series(key))
        .map(|driver| lang.label(&driver.label));
    rule_words(rule, name, lang)
}

/// An indicator's rule in words: "≥ 20", "= 100", "stable or improving", or the task.
pub fn target_text(target: &crate::model::IndicatorTarget, lang: Lang) -> String {
    use crate::model::IndicatorTarget;
    match target {
        // As the plan prints a threshold: ≥ 85, ≤ 0.136.
        IndicatorTarget::AtLeast(v) => format!("≥ {}", crate::format::exact(*v)),
        IndicatorTarget::AtMost(v) => format!("≤ {}", crate::format::exact(*v)),
        IndicatorTarget::Equal(v) => format!("= {}", crate::format::exact(*v)),
        IndicatorTarget::Improving(_) => Tr::Improving.get(lang).to_owned(),
        IndicatorTarget::AtLeastOrRising(v) => {
            Tr::AtLeastOrRisingText.fill(lang, &[&crate::format::exact(*v)])
        }
        IndicatorTarget::AtMostOrFalling(v) => {
            Tr::AtMostOrFallingText.fill(lang, &[&crate::format::exact(*v)])
        }
        IndicatorTarget::ChangeAtLeast(v) => {
            Tr::ChangeAtLeastText.fill(lang, &[&crate::format::exact(*v)])
        }
        IndicatorTarget::Task(label) => lang.label(label).to_owned(),
    }
}

/// A computed indicator status in words.
pub fn status_tr(status: crate::engine::indicators::Status) -> Tr {
    use crate::engine::indicators::Status;
    match status {
        Status::Met => Tr::Met,
        Status::Pending => Tr::Pending,
        Status::NotMet => Tr::NotMet,
        Status::NoData => Tr::NoData,
        Status::NotAssessed => Tr::NotAssessed,
    }
}

/// A capacity status in words.
pub fn capacity_status_tr(status: crate::engine::CapacityStatus) -> Tr {
    use crate::engine::CapacityStatus;
    match status {
        CapacityStatus::Ok => Tr::StatusOk,
        CapacityStatus::Near => Tr::StatusNear,
        CapacityStatus::Exceeded => Tr::StatusExceeded,
        CapacityStatus::Saturated => Tr::Saturated,
        CapacityStatus::NoData => Tr::NoData,
    }
}

/// A status as a plan states it, in words.
pub fn medium_tr(medium: crate::model::Medium) -> Tr {
    match medium {
        crate::model::Medium::Water => Tr::MediumWater,
        crate::model::Medium::Air => Tr::MediumAir,
    }
}

pub fn stated_tr(stated: crate::model::StatedStatus) -> Tr {
    status_tr(crate::engine::indicators::Status::of_stated(stated))
}

/// Where an indicator's value comes from, in words.
pub fn basis_tr(basis: crate::engine::indicators::Basis) -> Tr {
    use crate::engine::indicators::Basis;
    match basis {
        Basis::Observed => Tr::BasisObserved,
        Basis::Projected => Tr::BasisProjected,
        Basis::Computed => Tr::BasisComputed,
        Basis::Stated => Tr::BasisStated,
    }
}

/// Where a capacity's value comes from, in words: 规划值（输入） or 方法计算.
pub fn capacity_basis_tr(basis: crate::model::CapacityBasis) -> Tr {
    match basis {
        crate::model::CapacityBasis::Typed => Tr::Typed,
        crate::model::CapacityBasis::Derived => Tr::Derived,
    }
}

/// The constant yearly change from the base year that a missed target needs, with the side of
/// it that meets the target: a ceiling is met by growing at most 1.53 % a year (or falling at
/// least 2.15 %), a floor by growing at least so much; an equality by that change itself.
pub fn needed_change(check: &crate::engine::TargetCheck, lang: Lang) -> Option<String> {
    use crate::model::Comparison;
    let change = check.required_annual_change?;
    let digits = crate::format::fixed(change.abs() * 100.0, 2);
    // A change that rounds to nothing is none ("保持不变"), not "0.00 %".
    if digits.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        return Some(Tr::HeldConstant.get(lang).to_owned());
    }
    let percent = format!("{digits} %");
    let words = match (check.comparison, change > 0.0) {
        (Comparison::AtMost, true) => Tr::AnnualGrowthAtMost,
        (Comparison::AtMost, false) => Tr::AnnualDeclineAtLeast,
        (Comparison::AtLeast, true) => Tr::AnnualGrowthAtLeast,
        (Comparison::AtLeast, false) => Tr::AnnualDeclineAtMost,
        (Comparison::Equal, true) => Tr::AnnualGrowth,
        (Comparison::Equal, false) => Tr::AnnualDecline,
    };
    Some(words.fill(lang, &[&percent]))
}
