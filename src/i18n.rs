//! The interface's two languages. Every string the window shows is looked up here by key, so
//! each text has one home and both languages stay complete (the match is exhaustive).

use serde::{Deserialize, Serialize};

use crate::model::Label;

mod unit_words;
pub use unit_words::{unit_from_english, unit_text};

/// A unit as `lang` reads it (亿元 as "100 million yuan" in English); the file keeps its symbol.
pub fn unit(lang: Lang, unit: &crate::units::Unit) -> std::borrow::Cow<'_, str> {
    unit_text(lang, unit.symbol())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 中文 (the default: users read Chinese first).
    #[default]
    Zh,
    En,
}

/// The user's interface language on Windows, as a LANGID.
#[cfg(windows)]
fn windows_ui_language() -> u16 {
    // kernel32, which every Windows program links.
    unsafe extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: GetUserDefaultUILanguage takes nothing and returns a value; it cannot fail.
    unsafe { GetUserDefaultUILanguage() }
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The code `--lang` takes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language the environment states: LC_ALL, LC_MESSAGES or LANG (the first set), Chinese
    /// for a `zh` locale and where none is stated (C, POSIX, nothing), English for any other. On
    /// Windows, where those are rarely set (Git's shell sets LANG), the user's interface
    /// language.
    pub fn from_environment() -> Lang {
        let stated = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        #[cfg(windows)]
        if stated.is_none() {
            return Lang::from_windows_language(windows_ui_language());
        }
        Lang::from_locale(stated.as_deref())
    }

    /// The language of a Windows LANGID: Chinese for any Chinese (primary language 0x04), and
    /// for none (0); English for any other.
    pub fn from_windows_language(langid: u16) -> Lang {
        const LANG_CHINESE: u16 = 0x04;
        match langid & 0x3ff {
            0 | LANG_CHINESE => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The language of a locale name (`zh_CN.UTF-8`, `en_GB`, `C`).
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            None | Some("C" | "POSIX") => Lang::Zh,
            Some(locale) if locale.starts_with("C.") || locale.starts_with("zh") => Lang::Zh,
            Some(_) => Lang::En,
        }
    }

    /// The text of `label` in this language exactly, empty where it has none (an editor's
    /// field shows what is there, not the other language's fallback).
    pub fn text_of(self, label: &Label) -> &str {
        self.pick(&label.zh, &label.en)
    }

    /// Sets the text of `label` in this language, leaving the other as it is.
    pub fn set_label(self, label: &mut Label, text: String) {
        match self {
            Lang::Zh => label.zh = text,
            Lang::En => label.en = text,
        }
    }

    pub fn label(self, label: &Label) -> &str {
        let text = self.pick(&label.zh, &label.en);
        // A label typed in one language only still shows.
        if text.is_empty() {
            self.pick(&label.en, &label.zh)
        } else {
            text
        }
    }
}

/// The guide (Help → Guide) in each language: `docs/guide.zh.md` and `docs/guide.en.md`, which
/// the README links too.
pub fn guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => include_str!("../docs/guide.zh.md"),
        Lang::En => include_str!("../docs/guide.en.md"),
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
                text.push_str(&format!(
                    "{comma}{} {}: {}",
                    Tr::From.get(lang),
                    change.from,
                    format::percent(change.rate)
                ));
            }
            text
        }
        Rule::Interp { points, after_rate } => {
            let points: Vec<String> = points
                .iter()
                .map(|(y, v)| format!("{y}: {}", format::exact(*v)))
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
                .map(|(y, v)| format!("{y}: {}", format::exact(*v)))
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

/// Defines `Tr`, one variant per text, with its Chinese and English text in one place: the
/// match the macro writes is exhaustive, so no text lacks a language, and `Tr::ALL` lets a test
/// check that every text is used.
macro_rules! texts {
    ($($key:ident => ($zh:expr, $en:expr $(,)?),)*) => {
        /// Every fixed text of the interface, by key. Texts with `{0}`, `{1}`, … take arguments
        /// (`Tr::fill`), so a sentence keeps its word order in each language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Tr {
            $($key,)*
        }

        impl Tr {
            /// Every text, in the order defined.
            pub const ALL: &'static [Tr] = &[$(Tr::$key,)*];

            /// The key's name as written in the source (`Tr::Save` is "Save").
            pub fn name(self) -> &'static str {
                match self {
                    $(Tr::$key => stringify!($key),)*
                }
            }

            /// The text in both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self {
                    $(Tr::$key => ($zh, $en),)*
                }
            }
        }
    };
}

texts! {
    MenuFile => ("文件", "File"),
    MenuEdit => ("编辑", "Edit"),
    MenuView => ("视图", "View"),
    MenuHelp => ("帮助", "Help"),
    NewFromPlan => ("新建（汉阳区规划）", "New from the Hanyang plan"),
    NewEmpty => ("新建空白情景", "New empty scenario"),
    Save => ("保存", "Save"),
    Quit => ("退出", "Quit"),
    Undo => ("撤销", "Undo"),
    Redo => ("重做", "Redo"),
    NothingToUndo => ("无可撤销", "Nothing to undo"),
    NothingToRedo => ("无可重做", "Nothing to redo"),
    Language => ("语言", "Language"),
    LargeFont => ("大字体（投影）", "Large font (projector)"),
    AboutText => (
        "ecoplan：生态文明建设示范区规划工作台。默认情景为汉阳区 2022–2028 年规划（阳政〔2022〕17号）。",
        "ecoplan: a workbench for ecological-civilization demonstration-zone planning. The default scenario is the Hanyang District plan 2022–2028 (阳政〔2022〕17号).",
    ),
    Overview => ("概览", "Overview"),
    Baselines => ("基础数据", "Baselines"),
    Assumptions => ("情景假设", "Assumptions"),
    Projections => ("预测结果", "Projections"),
    CapacityWater => ("水环境容量", "Water capacity"),
    CapacityAir => ("大气环境容量", "Air capacity"),
    Indicators => ("指标", "Indicators"),
    Targets => ("目标", "Targets"),
    Projects => ("工程", "Projects"),
    Footprint => ("生态承载力", "Ecological footprint"),
    Ei => ("生态环境状况指数", "Ecological index EI"),
    Unsaved => ("未保存", "unsaved"),
    Saved => ("已保存", "saved"),
    Messages => ("条提示", "messages"),
    BuiltIn => ("内置情景", "built-in scenario"),
    Key => ("键", "Key"),
    Name => ("名称", "Name"),
    Unit => ("单位", "Unit"),
    BaseValue => ("基准年数值", "Base-year value"),
    Rule => ("规则", "Rule"),
    Source => ("来源说明", "Source"),
    Year => ("年份", "Year"),
    Value => ("数值", "Value"),
    Status => ("状态", "Status"),
    Reset => ("重置", "Reset"),
    ResetToPlan => ("恢复为上级情景或已保存文件中的值", "Reset to the parent's or the saved file's value"),
    Remove => ("删除", "Remove"),
    AddSeries => ("添加序列", "Add series"),
    Rename => ("重命名", "Rename"),
    NotInPlan => ("上级情景或已保存文件中无此项", "not in the parent or the saved file"),
    KeyFigures => ("关键数据", "Key figures"),
    CapacityStatus => ("环境容量状态", "Carrying-capacity status"),
    IndicatorCounts => ("指标达标情况", "Indicators by status"),
    Findings => ("差距与不一致", "Gaps and inconsistencies"),
    NoFindings => ("无", "none"),
    FirstExceedance => ("首次超载年份", "First year of exceedance"),
    NoExceedance => ("预测期内未超载", "none within the horizon"),
    Horizon => ("预测终年", "Horizon"),
    NearThreshold => ("临近饱和阈值", "Near-capacity threshold"),
    GrowthRate => ("年增长率", "Annual growth"),
    IntensityChange => ("强度年变化", "Annual intensity change"),
    Intensity => ("强度", "Intensity"),
    Elasticity => ("弹性系数", "Elasticity"),
    Points => ("节点值", "Points"),
    AfterRate => ("此后年增长率", "Growth after the last point"),
    RateFrom => ("起始年", "from"),
    CopyTable => (
        "复制表格（可粘贴到 Excel）",
        "Copy table (pastes into Excel)",
    ),
    ChartSeries => ("图表序列", "Series in the chart"),
    ResetView => ("重置视图", "Reset view"),
    Milestone => ("规划节点", "Milestone"),
    Emission => ("排放量", "Emission"),
    Capacity => ("环境容量", "Capacity"),
    Utilisation => ("容量利用率", "Utilisation"),
    Headroom => ("剩余容量", "Headroom"),
    Saturated => ("已饱和", "saturated"),
    StatusOk => ("未超载", "ok"),
    StatusNear => ("临近饱和", "near capacity"),
    StatusExceeded => ("超载", "exceeded"),
    SaturatedNote => (
        "环境容量为 0：已达到饱和，任何排放均超出容量。",
        "Capacity is 0: saturated, any emission exceeds it.",
    ),
    Number => ("序号", "No."),
    Target => ("目标值", "Target"),
    Difficulty => ("难度", "Difficulty"),
    FilterNotMet => ("仅未达标", "Not met only"),
    FilterHard => ("仅难达标", "Hard only"),
    Applies => ("适用", "Applies"),
    Met => ("已达标", "met"),
    Pending => ("待达标", "pending"),
    NotMet => ("未达标", "not met"),
    NotAssessed => ("不适用", "not assessed"),
    Normal => ("一般", "normal"),
    Easy => ("易达标", "easy"),
    Hard => ("难达标", "hard"),
    Improving => ("保持稳定或持续改善", "stable or improving"),
    RuleAtLeast => ("≥ 目标值", "≥ a threshold"),
    RuleAtMost => ("≤ 目标值", "≤ a threshold"),
    RuleEqual => ("= 目标值", "= a threshold"),
    ImprovingHigher => ("保持稳定或持续改善（越高越好）", "stable or improving (higher is better)"),
    ImprovingLower => ("保持稳定或持续改善（越低越好）", "stable or improving (lower is better)"),
    RuleTask => ("任务（完成与否）", "a task (done or not)"),
    TaskWords => ("任务内容", "Task"),
    UntilYear => ("至 {0} 年", "until {0}"),
    SetPeriodTarget => ("设定本阶段目标", "Set this period's target"),
    ComputedFrom => ("计算依据", "Computed from"),
    NoLinkFits => ("指标 {0}：没有单位可换算为 {1} 的序列或比值", "indicator {0}: no series or ratio converts to {1}"),
    LinkNone => ("录入数值", "values typed"),
    LinkEi => ("生态环境状况指数计算", "the EI calculator"),
    AtLeastOrRising => ("≥ 目标值或持续提高", "≥ a threshold or rising"),
    AtMostOrFalling => ("≤ 目标值或持续下降", "≤ a threshold or falling"),
    ChangeAtLeast => ("较上次评估变化不低于", "change from the previous assessment at least"),
    AtLeastOrRisingText => ("≥ {0} 或持续提高", "≥ {0} or rising"),
    AtMostOrFallingText => ("≤ {0} 或持续下降", "≤ {0} or falling"),
    ChangeAtLeastText => ("较上次评估变化 ≥ {0}", "change from the previous assessment ≥ {0}"),
    Gap => ("差距", "Gap"),
    RequiredChange => ("达标所需年均变化", "Annual change that meets it"),
    Threshold => ("目标值", "Threshold"),
    Yes => ("达标", "met"),
    No => ("未达标", "not met"),
    Group => ("类别", "Group"),
    Investment => ("投资（亿元）", "Investment (100 million yuan)"),
    StatedCount => ("规划项目数", "Projects (plan)"),
    StatedInvestment => ("规划投资（亿元）", "Investment (plan, 100 million yuan)"),
    Listed => ("已列项目", "Listed"),
    ListedInvestment => ("已列投资（亿元）", "Listed investment (100 million yuan)"),
    Ungrouped => ("未分类", "no group"),
    PlanCheck => ("与规划核对", "Check against the plan"),
    PlanCheckOk => ("与规划一致", "Matches the plan"),
    PlanCheckDiffers => ("与规划不一致", "Differs from the plan"),
    AddProject => ("添加项目", "Add project"),
    Total => ("合计", "Total"),
    Open => ("打开…", "Open…"),
    SaveAs => ("另存为…", "Save as…"),
    RecentFiles => ("最近打开", "Recent files"),
    NoRecentFiles => ("（无）", "(none)"),
    Revert => ("还原为已保存版本", "Revert to saved"),
    Export => ("导出", "Export"),
    ExportXlsx => ("全部表格与图表（XLSX）…", "All tables and charts (XLSX)…"),
    ExportProjectionCsv => ("预测结果（CSV）…", "Projection (CSV)…"),
    ExportCapacityCsv => ("环境容量（CSV）…", "Capacity (CSV)…"),
    ExportTargetsCsv => ("目标（CSV）…", "Targets (CSV)…"),
    CopyImage => ("复制图片", "Copy image"),
    SavePng => ("保存 PNG…", "Save PNG…"),
    Exported => ("已导出", "Exported"),
    UnsavedTitle => ("有未保存的修改", "Unsaved changes"),
    UnsavedQuestion => (
        "是否保存对当前情景的修改？",
        "Save the changes to this scenario?",
    ),
    SaveChanges => ("保存", "Save"),
    Discard => ("不保存", "Discard"),
    Cancel => ("取消", "Cancel"),
    CannotOpen => ("无法打开文件", "Cannot open the file"),
    Close => ("关闭", "Close"),
    BoundOnSeries => ("序列约束", "Bound on a series"),
    NotANumber => ("不是数字", "is not a number"),
    NotAYear => ("不是年份", "is not a year"),
    YearOutside => ("年份须在", "the year must lie in"),
    MustBeNonNegative => ("不能为负数", "cannot be negative"),
    RateOutOfRange => (
        "年变化率须大于 −100 % 且不超过 +100 %",
        "a yearly rate must lie above −100 % and at most +100 %",
    ),
    ElasticityOutOfRange => (
        "弹性系数须在 −10 到 10 之间",
        "an elasticity must lie from −10 to 10",
    ),
    ShareOutOfRange => (
        "比例须在 0 到 100 % 之间",
        "a share must lie from 0 to 100 %",
    ),
    LeverDoesNotMoveGoal => (
        "调整该变量不会改变这一目标：请选择驱动目标序列的变量。",
        "Moving this lever does not move the goal: choose a series that drives what the goal measures.",
    ),
    RecoveryTitle => ("恢复未保存的工作", "Recover unsaved work"),
    RecoveryQuestion => (
        "以下工作在程序意外退出时尚未保存，已自动备份。请逐项恢复或放弃：",
        "These sessions ended with unsaved changes, which were backed up. Restore or discard each:",
    ),
    Restore => ("恢复", "Restore"),
    RestoreInNewWindow => ("在新窗口中恢复", "Restore in a new window"),
    RecoveryUnreadable => (
        "以下恢复文件无法读取，已移至一旁保留（未删除）：",
        "These recovery files could not be read; they were set aside, not deleted:",
    ),
    Later => ("稍后再说", "Later"),
    NoAutosave => (
        "无法自动备份未保存的工作",
        "unsaved work cannot be backed up automatically",
    ),
    JustNow => ("刚刚", "just now"),
    MinutesAgo => ("分钟前", "min ago"),
    HoursAgo => ("小时前", "h ago"),
    DaysAgo => ("天前", "days ago"),
    Presentation => ("演示模式", "Presentation mode"),
    PresentationHint => ("← → 翻页 · Esc 退出", "← → page · Esc exits"),
    DropToOpen => ("松开以打开情景文件", "Drop to open the scenario file"),
    Basis => ("容量来源", "Basis"),
    Typed => ("规划值（输入）", "typed (plan)"),
    Derived => ("方法计算", "derived by method"),
    HowComputed => ("计算方法", "How is this computed"),
    Formula => ("公式", "Formula"),
    Parameters => ("参数", "Parameters"),
    Assumption => (
        "假设或校准值，见说明",
        "assumed or calibrated, see the note",
    ),
    AirMethod => ("A值法参数", "A-value method parameters"),
    WaterMethod => ("河流与湖泊模型参数", "River and lake model parameters"),
    Background => ("背景浓度 mg/m³", "Background mg/m³"),
    Limit => ("标准限值 mg/m³", "Limit mg/m³"),
    ACoefficient => ("A 值", "A coefficient"),
    DesignFlow => ("设计流量 m³/s", "Design flow m³/s"),
    SideInflow => ("旁侧入流 m³/s", "Side inflow m³/s"),
    Velocity => ("流速 m/s", "Velocity m/s"),
    UpstreamKm => ("上游距离 km", "Upstream km"),
    DownstreamKm => ("下游距离 km", "Downstream km"),
    Inflow => ("入湖流量 m³/s", "Inflow m³/s"),
    Volume => ("湖容 m³", "Volume m³"),
    TargetConcentration => ("目标浓度 mg/L", "Target mg/L"),
    UpstreamConcentration => ("上游浓度 mg/L", "Upstream mg/L"),
    Decay => ("降解系数 1/d", "Decay 1/d"),
    Nonpoint => ("面源负荷 t/a", "Non-point load t/a"),
    FootprintTotal => ("生态足迹", "Ecological footprint"),
    CapacityTotal => ("生态承载力", "Ecological capacity"),
    Balance => ("盈亏", "Balance"),
    Deficit => ("生态赤字", "deficit"),
    Surplus => ("生态盈余", "surplus"),
    LandTypes => ("土地类型", "Land types"),
    Items => ("消费项目", "Consumption items"),
    EquivalenceFactor => ("均衡因子", "Equivalence factor"),
    YieldFactor => ("产量因子", "Yield factor"),
    AreaHm2 => ("面积 hm²", "Area hm²"),
    PerPerson => ("人均消费 t", "Per person t"),
    WorldYield => ("世界平均产量 t/hm²", "World yield t/hm²"),
    SubIndices => ("分指数", "Sub-indices"),
    Inputs => ("输入", "Inputs"),
    WhatIf => ("情景分析：建设用地转为…", "What if built-up land became…"),
    ToReach60 => ("EI 达到 60 所需面积", "Area that brings EI to 60"),
    NotReachable => ("无法达到", "not reachable"),
    Grade => ("等级", "Grade"),
    StatedEi => ("规划所列 EI", "EI stated by the plan"),
    Uncertainty => ("不确定性", "Uncertainty"),
    GoalSeek => ("目标求解", "Goal seek"),
    Uncertain => ("不确定", "Uncertain"),
    DistributionKind => ("分布", "Distribution"),
    UniformDist => ("均匀分布", "uniform"),
    TriangularDist => ("三角分布", "triangular"),
    NormalDist => ("正态分布", "normal"),
    Min => ("下限 %", "min %"),
    Mode => ("众数 %", "mode %"),
    Max => ("上限 %", "max %"),
    Mean => ("均值 %", "mean %"),
    Sd => ("标准差 %", "sd %"),
    Runs => ("模拟次数", "Runs"),
    Seed => ("随机种子", "Seed"),
    LatinHypercube => ("拉丁超立方抽样", "Latin hypercube"),
    Run => ("运行", "Run"),
    Running => ("运行中", "Running"),
    Stale => (
        "结果对应的是修改前的情景，请重新运行。",
        "These results are for an earlier version of the scenario; run again.",
    ),
    FanSeries => ("扇形图", "Fan chart"),
    ExceedanceProbability => (
        "超载概率（截至该年）",
        "Probability of exceeding capacity (by the year)",
    ),
    NoUncertainty => (
        "尚未设置不确定参数：在上表勾选。",
        "No rate is uncertain yet: tick one above.",
    ),
    Goal => ("目标", "Goal"),
    Lever => ("调节参数", "Lever"),
    Range => ("搜索范围 %", "Range %"),
    Solve => ("求解", "Solve"),
    Until => ("截至年份", "until"),
    ApplyValue => ("采用此值", "Apply this value"),
    Found => ("求得", "Found"),
    MetAcrossRange => ("范围内均满足", "met across the whole range"),
    NotMetInRange => ("范围内无解", "no value in the range meets it"),
    Sensitivity => ("敏感性（±10%）", "Sensitivity (±10 %)"),
    Result => ("结果", "Result"),
    Compare => ("情景比较", "Compare scenarios"),
    Scenarios => ("情景", "Scenarios"),
    NewChild => ("＋ 派生情景", "＋ New child scenario"),
    RemoveScenario => ("删除情景", "Remove scenario"),
    RenameScenario => ("重命名情景", "Rename scenario"),
    MoveScenarioUp => ("情景上移", "Move scenario up"),
    MoveScenarioDown => ("情景下移", "Move scenario down"),
    LanguageZh => ("界面语言：中文", "Language: 中文"),
    LanguageEn => ("界面语言：English", "Language: English"),
    CommandPalette => ("命令面板", "Command palette"),
    RemoveQuestion => (
        "删除此情景？可用“撤销”恢复：",
        "Remove this scenario? Undo brings it back:",
    ),
    NewName => ("新名称", "New name"),
    NameEmpty => ("名称不能为空", "the name cannot be empty"),
    NameTaken => ("已有同名情景", "another scenario has this name"),
    TypePath => ("输入文件路径", "Type the file's path"),
    NoFileDialog => (
        "无法打开系统文件对话框",
        "The system's file dialog cannot open",
    ),
    FilePath => ("文件路径", "File path"),
    Ok => ("确定", "OK"),
    CopiedImage => ("已复制图片", "Copied the image"),
    SavedTo => ("已保存", "Saved"),
    CannotSave => ("{0}：无法保存：{1}", "{0}: cannot save: {1}"),
    SaveBusy => (
        "{0}：未保存：另一个程序正在写入此文件（其锁文件 {1} 被占用）；请待其完成后再试",
        "{0}: not saved: another program is writing this file (its lock {1} is held); try again when it has finished",
    ),
    ChangedOnDisk => (
        "{0}：未保存：自打开以来，此文件已被其他程序或他人修改；现在保存将覆盖其修改",
        "{0}: not saved: the file was changed by another program or person since it was opened; saving now would overwrite their change",
    ),
    ChangesNotSaved => (
        "（上面列出的修改未保存）",
        "(the changes listed were not saved)",
    ),
    ChangedOnDiskTitle => ("文件已被他人修改", "The file was changed elsewhere"),
    ChangedOnDiskQuestion => (
        "自打开或上次保存以来，{0} 已被其他程序或他人修改。覆盖将丢失其修改；也可另存为新文件。",
        "{0} was changed by another program or person since it was opened or last saved here. Overwriting loses their change; or save under another name.",
    ),
    OverwriteTheirChange => ("覆盖保存", "Overwrite"),
    CannotDraw => (
        "{0}：本机没有字体含有这些字符，图中显示为空白：{1}。请安装中文字体（如 Noto Sans CJK、微软雅黑），或用环境变量 {2} 指定字体文件",
        "{0}: no font on this machine has these characters, drawn as blanks in the charts: {1}. Install a Chinese font (Noto Sans CJK, Microsoft YaHei) or name a font file in the environment variable {2}",
    ),
    FollowParent => ("随上级情景更新", "Follow the parent"),
    ChildrenNotFollowing => (
        "以下情景未随上级更新（其修改与上级的这次修改冲突，或超出可继承的范围）：{0}",
        "These scenarios did not follow their parent (their changes conflict with this edit, or go beyond what inheritance holds): {0}",
    ),
    DetachTitle => ("断开继承？", "Drop the parent link?"),
    DetachQuestion => (
        "以下情景的修改超出“变更”能保存的范围（如增删了序列、容量或目标，或改了名称、单位）：{0}。保存后它们将存为完整情景，不再随上级更新。",
        "These scenarios change more than a change list holds (a series, capacity or target added or removed, a name or unit changed): {0}. Saved, they are stored whole and no longer follow their parent.",
    ),
    SaveDetached => ("保存为完整情景", "Save them whole"),
    ReasonFinite => ("须为有限数值", "must be a finite number"),
    ReasonNonNegative => ("须为不小于 0 的有限数值", "must be a finite number of at least 0"),
    ReasonCapacityValue => (
        "须为不小于 0 的有限数值（0 表示已饱和）",
        "must be a finite number of at least 0 (0 means saturated)",
    ),
    ReasonNearThreshold => (
        "须为大于 0、不大于 1 的比例（0.8 即 80 %）",
        "must be a fraction above 0 and at most 1 (0.8 means 80 %)",
    ),
    ReasonRate => (
        "年增长率须大于 −1（−100 %）且不大于 1（+100 %）；0.075 即 7.5 %",
        "a yearly rate must be a fraction above −1 (−100 %) and at most 1 (+100 %); 0.075 means 7.5 %",
    ),
    ReasonElasticity => ("弹性系数须在 −10 到 10 之间", "must be a finite number between −10 and 10"),
    ReasonShare => ("须为 0 到 1（不含 1）之间的比例", "must be a fraction from 0 to below 1"),
    ReasonTargetThreshold => (
        "须为有限数值（相对目标须大于 −100 %）",
        "must be a finite number (and above −100 % for a relative target)",
    ),
    ReasonDecimals => ("至多显示 {0} 位小数", "at most {0} decimals are shown"),
    ReasonMilestoneNotAfterBase => (
        "规划节点 {0} 不在基准年 {1} 之后",
        "milestone {0} is not after the base year {1}",
    ),
    ReasonPeriodNotAMilestone => (
        "有一个规划期止于 {0} 年，但该年不是规划节点",
        "a period ends in {0}, which is not a milestone",
    ),
    ReasonPeriodOutside => (
        "有一个规划期止于 {0} 年，超出 {1}—{2} 年",
        "a period ends in {0}, outside {1}–{2}",
    ),
    ReasonPeriodTwice => ("有两个规划期都止于 {0} 年", "two periods end in {0}"),
    ReasonObservedOutside => (
        "{0} 年的数值超出 {1}—{2} 年，或重复给出",
        "the value for {0} is outside {1}–{2} or given twice",
    ),
    ReasonObservedTwice => ("{0} 年有两个数值", "two values for {0}"),
    ReasonChangeYearsRise => (
        "分期增长率的起始年份须在基准年 {0} 之后逐个递增；{1} 年不满足",
        "rate change years must rise after the base year {0}; {1} does not",
    ),
    ReasonPointYearsRise => (
        "插值点的年份须在基准年 {0} 之后逐个递增；{1} 年不满足",
        "point years must rise after the base year {0}; {1} does not",
    ),
    ReasonNoSuchSeries => ("情景中没有这个序列", "the scenario has no such series"),
    ReasonNoSuchTarget => ("没有这个目标", "there is no such target"),
    ReasonNoSuchCapacity => ("没有这项环境容量", "there is no such capacity"),
    ReasonNoSuchParentEntry => ("上级情景中没有可修改的这一项", "the parent has no such entry to change"),
    ReasonNoSuchLandType => ("没有土地类型“{0}”", "there is no land type \"{0}\""),
    ReasonControlCharacter => (
        "“{0}”含有控制字符；名称中不允许",
        "\"{0}\" holds a control character; names may not",
    ),
    ReasonLandCoverBeyondArea => (
        "林地、草地、水域湿地、耕地、建设用地与未利用地合计 {0} km²，超过辖区面积 {1} km²",
        "forest, grass, water and wetland, cropland, built-up and unused land add up to {0} km², more than the district's area of {1} km²",
    ),
    ReasonStepHasNoRate => ("阶梯规则没有可调的增长率", "a Step rule has no rate to vary"),
    ReasonModeOutsideRange => ("须满足 最小值 ≤ 众数 ≤ 最大值", "needs min ≤ mode ≤ max"),
    ReasonNormalSpread => (
        "须有有限的均值和大于 0 的标准差",
        "needs a finite mean and a standard deviation above 0",
    ),
    ReasonMinBelowMax => ("须满足 最小值 < 最大值", "needs min < max"),
    ReasonSeekRange => (
        "{0}..{1} 不是由两个不同有限数构成的范围",
        "{0}..{1} is not a range of two different finite numbers",
    ),
    ReasonSeekRangeTooWide => ("{0}..{1} 范围过宽：{2}", "{0}..{1} is too wide: {2}"),
    ReasonLeverDoesNotMoveGoal => (
        "调节它不会改变目标，目标只取决于 {0}；请选择驱动它的序列",
        "moving it does not move the goal, which depends on {0} only; choose a series that drives it",
    ),
    ReasonSensitivityStep => (
        "须大于 0 且小于 1（0.1 表示各增长率上下浮动其自身的 10 %）",
        "must lie above 0 and below 1 (0.1 moves each rate by ±10 % of itself)",
    ),
    ReasonYearBeforeBase => ("{0} 年在基准年之前", "{0} is before the base year"),
    ReasonTooManyFanPasses => (
        "这么多序列在 {0} 次抽样下的扇形图需要超过 {1} 轮抽样；请减少序列或抽样次数",
        "fans of this many series over {0} draws need more than {1} passes of the draws; ask for fewer series or draws",
    ),
    ReasonRuns => ("须在 1 到 {0} 之间", "must be from 1 to {0}"),
    ReasonYieldAndConsumption => (
        "产量须大于 0，消费量须不小于 0",
        "the yield must be above 0 and the consumption at least 0",
    ),
    ReasonTargetYearOutside => (
        "{0} 年在预测期 {1}—{2} 年之外；请延长预测期后再检查",
        "{0} is outside the projection {1}–{2}; extend the horizon to check it",
    ),
    ReasonRelativeNotBefore => (
        "{0} 年不在目标年 {1} 之前：变化须从更早的年份算起",
        "{0} is not before the target's year {1}: a change is measured from an earlier year",
    ),
    ReasonRelativeNoValue => (
        "{0} 年没有数值：相对目标的参照年须在预测期内或有历史数值",
        "{0} has no value: a relative target needs a year of the projection or of the series' observed history",
    ),
    ReasonDriverNotPositive => (
        "弹性系数法要求驱动序列的基准年数值大于 0",
        "an elasticity needs a driver above 0 in the base year",
    ),
    ReasonHoldsNoScenario => ("其中没有情景", "holds no scenario"),
    ReasonCorrelation => ("须在 −1 到 1 之间", "must lie between −1 and 1"),
    ReasonCorrelationWithItself => ("不能与自身相关", "cannot be correlated with itself"),
    ReasonCorrelationNotUncertain => (
        "“{0}”不是不确定参数：先在“不确定性”中勾选它",
        "\"{0}\" is not uncertain: tick it in Uncertainty first",
    ),
    ReasonCorrelationTwice => ("这一对参数的相关系数给出了两次", "the pair is given twice"),
    ReasonCorrelationsInconsistent => (
        "与其他相关系数不能同时成立（相关矩阵不是半正定的）：请减小其中某些系数",
        "cannot hold together with the other correlations (the matrix is not positive semi-definite): make some of them smaller",
    ),
    ItemCorrelation => ("相关系数", "correlation"),
    ItemSeries => ("序列", "series"),
    ItemCapacity => ("环境容量", "capacity"),
    ItemTarget => ("目标", "target"),
    ItemIndicator => ("指标", "indicator"),
    ItemScenario => ("情景", "scenario"),
    ItemUncertainty => ("不确定参数", "uncertainty"),
    ItemGoal => ("反推目标", "goal"),
    ItemGoalSeek => ("目标反推", "goal seek"),
    ItemSensitivity => ("敏感性分析", "sensitivity"),
    ItemEi => ("生态状况指数 EI", "EI"),
    ItemWaterBody => ("水体", "water body"),
    ItemAirMethod => ("A 值法", "air method"),
    ItemFootprint => ("生态足迹方法", "footprint method"),
    ItemFootprintItem => ("生态足迹消费项", "footprint item"),
    ItemChapterUnit => ("章节单位", "chapter unit"),
    ItemWorkspace => ("工作区", "workspace"),
    ItemProject => ("项目", "project"),
    FieldPointOf => ("插值点 {0}", "point {0}"),
    FieldObservedOf => ("{0} 年历史数值", "observed value of {0}"),
    FieldDriverAtBase => ("驱动序列 {0} 的基准年数值", "driver {0} in the base year"),
    FieldValue => ("数值", "value"),
    FieldNearThreshold => ("临近饱和阈值", "near-capacity threshold"),
    FieldUnit => ("单位", "unit"),
    FieldDecimals => ("小数位数", "decimals"),
    FieldMilestones => ("规划节点", "milestones"),
    FieldPeriods => ("规划期", "periods"),
    FieldObserved => ("历史数值", "observed values"),
    FieldChanges => ("分期增长率", "rate changes"),
    FieldChangePerYear => ("年变化量", "change per year"),
    FieldIntensity => ("强度", "intensity"),
    FieldElasticity => ("弹性系数", "elasticity"),
    FieldPoints => ("插值点", "points"),
    FieldDistribution => ("概率分布", "distribution"),
    FieldRule => ("预测方法", "rule"),
    FieldRange => ("范围", "range"),
    FieldLever => ("调节参数", "lever"),
    FieldStep => ("步长", "step"),
    FieldYear => ("年份", "year"),
    FieldThreshold => ("阈值", "threshold"),
    FieldRelativeTo => ("参照年份", "reference year"),
    FieldBasis => ("容量依据", "basis"),
    FieldChange => ("变更", "change"),
    FieldRuns => ("抽样次数", "runs"),
    FieldName => ("名称", "name"),
    FieldRegion => ("地区", "region"),
    FieldLandCover => ("土地覆盖", "land cover"),
    FieldLandType => ("土地类型", "land type"),
    FieldBiodiversityShare => ("生物多样性保护面积比例", "biodiversity share"),
    FieldYieldOrConsumption => ("全球平均产量或人均消费量", "world yield or consumption"),
    ErrorBaseYearRange => (
        "基准年 {0} 超出 {1}—{2} 年，即本工具可预测的起始年份范围",
        "the base year {0} is outside {1}–{2}, the years the workbench projects from",
    ),
    ErrorYearRange => ("基准年 {0} 须早于预测期末 {1}", "the base year {0} must be before the horizon {1}"),
    ErrorHorizonTooFar => (
        "预测期末 {0} 晚于 {1} 年，即本工具可预测的最远年份",
        "the horizon {0} is beyond {1}, the latest year the workbench projects",
    ),
    ErrorDuplicateKey => ("{0}“{1}”定义了两次", "{0} \"{1}\" is defined twice"),
    ErrorEmptyKey => ("{0}“{1}”的键为空", "{0} \"{1}\" has an empty key"),
    ErrorUnknownSeries => (
        "{0}“{1}”引用了不存在的序列“{2}”",
        "{0} \"{1}\" refers to the unknown series \"{2}\"",
    ),
    ErrorUnknownSeriesUse => ("{0}引用了不存在的序列“{1}”", "{0} refers to the unknown series \"{1}\""),
    ErrorCycle => ("序列之间循环引用：{0}", "series refer to each other in a cycle: {0}"),
    ErrorInvalidValue => ("{0}：{1} = {2} 无效：{3}", "{0}: {1} = {2} is invalid: {3}"),
    ErrorInvalid => ("{0}：{1}：{2}", "{0}: {1}: {2}"),
    ItemNamed => ("{0}“{1}”", "{0} \"{1}\""),
    ErrorNotFinite => (
        "{0}“{1}”：{2} 年的数值无法计算（除以 0，或超过 10^308）：请检查其计算依据",
        "{0} \"{1}\": the value for {2} cannot be computed (a division by 0, or beyond 10^308): check the values it is computed from",
    ),
    ErrorUnit => ("{0}“{1}”：{2}", "{0} \"{1}\": {2}"),
    UseDriver => ("序列“{0}”", "series \"{0}\""),
    UseCapacity => ("环境容量“{0}”", "capacity \"{0}\""),
    UseNonpoint => ("水环境容量方法中 {0} 的面源负荷", "the water method's non-point load of {0}"),
    UseUncertain => ("一个不确定参数", "an uncertain rate"),
    UseFootprint => ("生态足迹的人口", "the footprint's population"),
    UseTarget => ("目标“{0}”", "target \"{0}\""),
    UseIndicator => ("指标 {0}", "indicator {0}"),
    UseChapterUnit => ("章节的一个单位", "a unit of the chapter"),
    UseFanChart => ("扇形图", "a fan chart"),
    UnitUnknown => (
        "不认识的单位“{0}”（可用：元 万元 亿元、人 万人、m³ 万 m³ 亿 m³（立方米）、tce 万 tce（吨标准煤）、kg t 万 t（吨）、a（年）、km²（平方公里）m² hm²（公顷）、%、1；可用一个“/”组合）",
        "unknown unit \"{0}\" (known: 元 万元 亿元, 人 万人, m³ 万 m³ 亿 m³ (立方米), tce 万 tce (吨标准煤), kg t 万 t (吨), a (年), km² (平方公里) m² hm² (公顷), %, 1; combined with one '/')",
    ),
    UnitTooManyDivisors => (
        "单位“{0}”中的除号超过 {1} 个；至多写 {1} 个“/”",
        "unit \"{0}\" divides more than {1} times; write it with at most {1} '/'",
    ),
    UnitIncompatible => (
        "单位 {0} 与 {1} 度量的不是同一种量，无法换算",
        "units {0} and {1} measure different things and cannot be converted",
    ),
    RefuseNoSeries => ("没有序列“{0}”", "there is no series \"{0}\""),
    RefuseNoCapacity => ("没有环境容量“{0}”", "there is no capacity \"{0}\""),
    RefuseNoTarget => ("没有目标“{0}”", "there is no target \"{0}\""),
    RefuseNoIndicatorRow => ("没有第 {0} 行指标", "there is no indicator row {0}"),
    RefuseNoProjectRow => ("没有第 {0} 行项目", "there is no project row {0}"),
    RefuseSeriesExists => ("已有序列“{0}”", "a series \"{0}\" already exists"),
    RefuseSeriesInUse => (
        "序列“{0}”仍被以下各处使用：{1}；请先修改这些地方",
        "series \"{0}\" is used by {1}: change those first",
    ),
    RefuseHorizonBeforeMilestone => (
        "预测期末 {0} 早于规划节点 {1}；请先删除该节点",
        "the horizon {0} is before the milestone {1}; remove the milestone first",
    ),
    RefuseMilestoneTwice => ("有规划节点重复", "a milestone is given twice"),
    RefuseMilestoneAfterHorizon => (
        "规划节点 {0} 晚于预测期末 {1}",
        "the milestone {0} is after the horizon {1}",
    ),
    RunStopped => (
        "蒙特卡洛计算线程意外终止",
        "the Monte Carlo thread stopped unexpectedly",
    ),
    IoNotFound => ("文件或文件夹不存在", "No such file or directory"),
    IoPermissionDenied => ("没有权限", "Permission denied"),
    IoAlreadyExists => ("文件已存在", "File exists"),
    IoStorageFull => ("磁盘已满", "No space left on device"),
    IoIsAFolder => ("这是一个文件夹", "Is a directory"),
    IoFolderNotEmpty => ("文件夹不为空", "Directory not empty"),
    IoNotAFolder => ("路径中有一项不是文件夹", "Not a directory"),
    IoInvalidName => ("文件名无效", "Invalid file name"),
    IoTooLarge => ("文件过大", "File too large"),
    IoBusy => ("文件正被其他程序占用", "The file is busy"),
    IoTimedOut => ("操作超时", "Timed out"),
    IoCrossesDevices => ("不能跨磁盘移动文件", "Cannot move a file across devices"),
    IoUnsupported => ("系统不支持此操作", "Operation not supported"),
    IoUnexpectedEnd => ("文件意外结束", "Unexpected end of file"),
    IoOutOfMemory => ("内存不足", "Out of memory"),
    IoQuota => ("超出磁盘配额", "Disk quota exceeded"),
    IoInterrupted => ("操作被中断", "Interrupted"),
    IoWriteFailed => ("无法写入", "The write failed"),
    IoSystemCode => ("系统错误（代码 {0}）", "system error (code {0})"),
    IoSystemOther => ("系统错误", "system error"),
    IoReadOnly => ("文件系统只读", "Read-only file system"),
    QuotedName => ("“{0}”", "{0}"),
    ParseEof => ("文件在此意外结束：可能缺少右括号或引号", "the file ends here unexpectedly: a closing bracket or quote may be missing"),
    ParseComma => ("此处应有逗号", "a comma is expected here"),
    ParseString => ("此处应有带引号的文字", "a text in quotes is expected here"),
    ParseNumber => ("此处应有数值", "a number is expected here"),
    ParseList => ("此处应有方括号 [ ] 中的列表", "a list in [ ] is expected here"),
    ParseBrackets => ("此处应有圆括号 ( ) 中的内容", "an entry in ( ) is expected here"),
    ParseColon => ("此处应有冒号", "a colon is expected here"),
    ParseUnexpected => ("此处不应出现字符“{0}”", "the character \"{0}\" is not expected here"),
    ParseTrailing => ("情景结束之后还有多余内容", "there is more after the end of the scenario"),
    ParseComment => ("注释没有结束", "a comment is not closed"),
    ParseUnknownField => ("不认识的字段“{0}”（此处可用：{1}）", "unknown field \"{0}\" (here: {1})"),
    ParseMissingField => ("缺少字段“{0}”", "the field \"{0}\" is missing"),
    ParseDuplicateField => ("字段“{0}”写了两次", "the field \"{0}\" is given twice"),
    ParseUnknownVariant => ("不认识的取值“{0}”（可用：{1}）", "unknown value \"{0}\" (one of: {1})"),
    ParseWrongValue => ("此处应为{0}，而不是{1}", "{0} is expected here, not {1}"),
    ParseTooDeep => (
        "文件的括号嵌套比任何情景都深（超过 128 层）",
        "the file nests brackets deeper than a scenario ever does (more than 128 levels)",
    ),
    ParseBadName => ("“{0}”不是此处可用的名称", "\"{0}\" is not a valid name here"),
    ParseOther => ("文件格式有误（{0}）", "the file's format is wrong ({0})"),
    LoadNewerVersion => (
        "{0}：格式版本 {1} 比本程序能读取的（{2}）更新；请更新 ecoplan 后再打开",
        "{0}: format version {1} is newer than this ecoplan reads ({2}); update ecoplan to open it",
    ),
    LoadUnknownVersion => (
        "{0}：格式版本 {1} 不是 ecoplan 写过的版本",
        "{0}: format version {1} is not a version ecoplan ever wrote",
    ),
    LoadIsWorkspace => (
        "{0}：这是包含多个情景的工作区；请在窗口中打开，或用 ecoplan compare 比较其中的情景",
        "{0}: this is a workspace of several scenarios; open it in the window, or compare its scenarios with `ecoplan compare`",
    ),
    ReadIo => ("{0}：无法读取：{1}", "{0}: cannot read: {1}"),
    ReadNotAFile => (
        "{0}：不是普通文件（{1}）；ecoplan 只读取普通文件",
        "{0}: not a regular file ({1}); ecoplan reads only ordinary files",
    ),
    KindPipe => ("命名管道", "a named pipe"),
    KindDevice => ("设备", "a device"),
    KindSocket => ("套接字", "a socket"),
    KindFolder => ("文件夹", "a folder"),
    KindOther => ("非普通文件", "not an ordinary file"),
    ReadTooLarge => (
        "{0}：文件超过情景文件可有的 {1} MB",
        "{0}: the file is larger than the {1} MB a scenario file may have",
    ),
    ReadNotText => (
        "{0}：第 {1} 字节不是 UTF-8 文本；情景文件须为 UTF-8 文本",
        "{0}: byte {1} is not UTF-8 text; scenario files are UTF-8 text",
    ),
    WorkspaceEmpty => ("工作区中没有情景", "the workspace holds no scenario"),
    WorkspaceEmptyName => (
        "工作区第 {0} 个情景（按列出顺序）名称为空",
        "workspace member {0} (in the listed order) has an empty name",
    ),
    WorkspaceDuplicateName => (
        "工作区第 {0} 与第 {1} 个情景（按列出顺序）都名为“{2}”",
        "workspace members {0} and {1} (in the listed order) are both named \"{2}\"",
    ),
    WorkspaceOwnParent => ("情景“{0}”把自己列为上级", "workspace member \"{0}\" names itself as its parent"),
    WorkspaceUnknownParent => (
        "情景“{0}”的上级“{1}”不在工作区中",
        "workspace member \"{0}\" names the parent \"{1}\", which the workspace does not hold",
    ),
    WorkspaceNoParent => (
        "情景“{0}”只保存了变更，却没有指明上级",
        "workspace member \"{0}\" stores only changes but names no parent",
    ),
    WorkspaceCycle => ("工作区的情景循环继承：{0}", "workspace members inherit from each other in a cycle: {0}"),
    WorkspaceUnknownMember => ("工作区中没有名为“{0}”的情景", "no workspace member is named \"{0}\""),
    WorkspaceTooManyMembers => (
        "工作区有 {0} 个情景；至多读取 {1} 个",
        "the workspace has {0} members; at most {1} are read",
    ),
    WorkspaceTooLarge => (
        "工作区将展开 {0} 个继承情景、每个至多 {1} 个序列，超过可展开的 {2} 个序列；请拆分为多个文件",
        "the workspace would resolve {0} inheriting members of up to {1} series each: more than the {2} series a workspace may resolve; split it into several files",
    ),
    WorkspaceMember => ("情景“{0}”：{1}", "workspace member \"{0}\": {1}"),
    OptionExpected => ("{0} {1}：应写作 {2}", "{0} {1}: expected {2}"),
    OptionNotNumber => ("{0} {1}：“{2}”不是数字", "{0} {1}: \"{2}\" is not a number"),
    OptionNotRate => (
        "{0} {1}：“{2}”不是数字（7.5% 写作 0.075）",
        "{0} {1}: \"{2}\" is not a number (write 0.075 for 7.5 %)",
    ),
    OptionNotYear => ("{0} {1}：“{2}”不是年份", "{0} {1}: \"{2}\" is not a year"),
    OptionRepeated => (
        "{0} {1}=… 给出了不止一次；每个键只写一次",
        "{0} {1}=… is given more than once; give each key once",
    ),
    OptionNoGoal => (
        "请给出目标：--target KEY、--capacity POLLUTANT:YEAR 或 --bound KEY@YEAR<=VALUE",
        "give the goal: --target KEY, --capacity POLLUTANT:YEAR or --bound KEY@YEAR<=VALUE",
    ),
    OptionRefused => ("{0} {1}：{2}", "{0} {1}: {2}"),
    FormNameKey => ("NAME=KEY（表中的名称=序列键）", "NAME=KEY (the name in the sheet = the series key)"),
    FormKeyRate => ("KEY=RATE，例如 gdp=0.075", "KEY=RATE, such as gdp=0.075"),
    FormDistribution => (
        "KEY=DIST，DIST 为 normal:MEAN,SD[,MIN,MAX]、uniform:MIN,MAX 或 triangular:MIN,MODE,MAX（小数：0.075 即 7.5%）",
        "KEY=DIST with DIST normal:MEAN,SD[,MIN,MAX], uniform:MIN,MAX or triangular:MIN,MODE,MAX (fractions: 0.075 is 7.5 %)",
    ),
    FormRange => ("LOW,HIGH，例如 -0.1,0.2", "LOW,HIGH, such as -0.1,0.2"),
    FormPollutantYear => ("POLLUTANT:YEAR，例如 COD:2040", "POLLUTANT:YEAR, such as COD:2040"),
    FormBound => ("KEY@YEAR<=VALUE 或 KEY@YEAR>=VALUE", "KEY@YEAR<=VALUE or KEY@YEAR>=VALUE"),
    CheckMember => ("成员“{0}”：", " member \"{0}\":"),
    CheckSummary => (
        "{0}：{1}通过：“{2}”，{3} 个序列、{4} 项环境容量、{5} 项目标、{6} 项指标、{7} 个项目，{8}–{9} 年",
        "{0}:{1} ok: \"{2}\", {3} series, {4} capacities, {5} targets, {6} indicators, {7} projects, {8}–{9}",
    ),
    NoFootprintParameters => (
        "该情景没有生态足迹参数（methods.footprint）",
        "the scenario has no footprint parameters (methods.footprint)",
    ),
    RunsNeedWorkbook => (
        "--runs 为工作簿添加一张表、为章节添加一节：输出文件须以 .xlsx、.docx 或 .md 结尾",
        "--runs adds a sheet to a workbook or a section to the chapter; the output must end in .xlsx, .docx or .md",
    ),
    RunsNothingUncertain => (
        "--runs：情景中没有可抽样的不确定增长率（uncertainty 列表为空）；请在“不确定性”视图中添加，或使用 ecoplan uncertainty --uncertain",
        "--runs: the scenario has no uncertain rates to draw (its `uncertainty` list is empty); add them in the Uncertainty view or try `ecoplan uncertainty --uncertain`",
    ),
    ImportLeavesInvalid => ("导入的数值使情景无效：{0}", "the imported values leave the scenario invalid: {0}"),
    FitGivesNoRule => ("拟合得不出规则", "the fit gives no rule"),
    FitLeavesInvalid => ("拟合的规则使情景无效：{0}", "the fitted rule leaves the scenario invalid: {0}"),
    CannotWriteOutput => ("ecoplan：无法写出结果：{0}", "ecoplan: cannot write output: {0}"),
    ArgError => ("ecoplan：{0}", "ecoplan: {0}"),
    ArgUsage => ("用法：{0}", "Usage: {0}"),
    ArgUnknown => ("不认识的参数“{0}”", "unexpected argument \"{0}\""),
    ArgUnknownCommand => ("不认识的命令“{0}”", "unrecognized command \"{0}\""),
    ArgNeedsValue => ("{0} 需要一个值", "{0} needs a value"),
    ArgInvalidValue => ("{0} 的值“{1}”无效", "invalid value \"{1}\" for {0}"),
    ArgNotNumber => ("{0} 的值“{1}”不是有效的数", "the value \"{1}\" of {0} is not a valid number"),
    ArgValueCount => ("{0} 的值个数不对", "{0} has the wrong number of values"),
    ArgConflict => ("{0} 不能与 {1} 同时使用", "{0} cannot be used with {1}"),
    ArgMissing => ("缺少必需的参数：{0}", "required arguments were not given: {0}"),
    ArgNotUtf8 => ("参数不是有效的 UTF-8 文本", "an argument is not valid UTF-8 text"),
    ArgWrong => ("命令行参数有误", "the arguments are wrong"),
    ArgOneOf => ("；可选：{0}", "; one of: {0}"),
    ArgDidYouMean => ("；是否要写 {0}？", "; did you mean {0}?"),
    NoWindowBuilt => (
        "ecoplan 构建时未包含窗口（gui 功能）；请使用子命令，见 --help",
        "ecoplan was built without the window (feature \"gui\"); use a subcommand, see --help",
    ),
    ViewUnknown => ("--view {0}：没有这个视图；可选：{1}", "--view {0}: unknown view; one of {1}"),
    WindowCannotOpen => ("ecoplan：无法打开窗口：{0}", "ecoplan: cannot open the window: {0}"),
    ScreenshotWritten => ("已写出 {0}", "wrote {0}"),
    ScreenshotWindowClosed => (
        "ecoplan：截图前窗口已关闭",
        "ecoplan: the window closed before the screenshot was taken",
    ),
    NoRecoveryFolder => ("{0}：本系统没有恢复文件夹", "{0}: no recovery folder on this system"),
    CannotOpenNewWindow => ("{0}：无法打开新窗口：{1}", "{0}: cannot open a new window: {1}"),
    PopulationPersons => ("人口（人）", "Population (people)"),
    FootprintGha => ("生态足迹（gha）", "Footprint (gha)"),
    CapacityGha => ("生态承载力（gha）", "Capacity (gha)"),
    BalanceGha => ("生态盈亏（gha）", "Balance (gha)"),
    CapacityPerPerson => ("人均生态承载力（gha/人）", "Capacity per person (gha)"),
    EiStated => ("规划所述 EI", "EI stated by the plan"),
    EiNotReachable => ("无法达到（EI 最高 {0}）", "not reachable (at most EI {0})"),
    EiBuiltUpArea => ("建设用地 {0} km²", "{0} km² of built-up land"),
    EiToReach => ("以{1}使 EI 达到 {0}", "to reach {0} with {1}"),
    ValueBasis => ("数值来源", "Basis"),
    NoExceedanceBy => ("{0} 年前未超载", "none by {0}"),
    FirstExceedanceOf => ("{0} 首次超载年份：{1}", "first exceedance of {0}: {1}"),
    MediumWater => ("水", "water"),
    MediumAir => ("大气", "air"),
    NotARecoveryFile => ("{0}：不是 {1} 中的恢复文件", "{0}: not a recovery file of {1}"),
    RecoveryHeldElsewhere => ("{0}：另一个正在运行的 ecoplan 持有这份工作", "{0}: another running ecoplan holds this work"),
    WindowOptionWithCommand => ("{0} 是窗口的选项，不能与命令同时使用", "{0} is an option of the window and cannot be used with a command"),
    InFile => ("{0}：{1}", "{0}: {1}"),
    CannotBuildFile => ("{0}：无法生成文件（{1}）", "{0}: cannot build the file ({1})"),
    TemplateExtension => ("指标模板写作 .xlsx 或 .csv 文件", "the indicator template is written as .xlsx or .csv"),
    CannotAutosave => ("ecoplan：无法自动保存：{0}", "ecoplan: cannot autosave: {0}"),
    CannotSetAside => ("{0}：无法移到一旁：{1}", "{0}: cannot move it aside: {1}"),
    SaveNotAFile => ("{0}：未保存：这是{1}，不是可替换的文件", "{0}: not saved: it is {1}, not a file to replace"),
    SaveReadOnly => ("{0}：未保存：文件为只读；请另存为其他名称，或先取消只读", "{0}: not saved: the file is read-only; save under another name or make it writable first"),
    ChangeCorrelations => ("修改相关系数", "Change correlations"),
    FormCorrelate => ("KEY1,KEY2=RHO，例如 gdp,energy=0.6", "KEY1,KEY2=RHO, such as gdp,energy=0.6"),
    RebaseNotForward => ("{0} 年不在基准年 {1} 之后", "{0} is not after the base year {1}"),
    FolderNotFlushed => ("ecoplan：{0}：已保存，但其文件夹无法写入磁盘：{1}", "ecoplan: {0}: saved, but the folder could not be flushed to disk: {1}"),
    ArgTwice => ("{0} 给出了不止一次", "{0} is given more than once"),
    ArgOutOfRange => ("{0} 的值“{1}”超出可用范围", "the value \"{1}\" of {0} is out of range"),
    FieldMin => ("下限", "min"),
    FieldMax => ("上限", "max"),
    FieldMean => ("均值", "mean"),
    FieldSd => ("标准差", "sd"),
    FieldMode => ("众数", "mode"),
    FieldRho => ("相关系数", "rank correlation"),
    Correlations => ("参数间的相关性（秩相关系数）", "Correlations between levers (rank correlation)"),
    CorrelationsNeedTwo => ("勾选两个以上不确定参数后，可设置它们之间的相关系数。", "Tick two or more uncertain levers to set how they move together."),
    CorrelationsHint => (
        "−1 到 1：正值同向变动（如生产总值增速与能耗增速），0 为相互独立；抽样时保持各参数自身的分布。",
        "−1 to 1: positive moves together (GDP growth and energy growth), 0 is independent; each lever keeps its own distribution.",
    ),
    Correlation => ("相关系数", "Correlation"),
    ImportanceNeedsYear => ("--table importance 需要 --year YEAR：哪一年的结果", "--table importance needs --year YEAR: the year of the result"),
    ImportanceNeedsOne => (
        "--table importance 需要一个结果：--series KEY（该年的序列值）或 --capacity POLLUTANT（截至该年超载的概率）",
        "--table importance needs one result: --series KEY (its value that year) or --capacity POLLUTANT (the probability of having exceeded it by then)",
    ),
    Importance => ("哪个假设最重要", "Which assumption matters most"),
    ImportanceOfValue => ("{0}的数值", "the value of {0}"),
    ImportanceOfExceeding => ("{0}超出环境容量的概率", "the probability of {0} exceeding its capacity"),
    ImportanceResult => ("所分析的结果", "Result analysed"),
    ImportanceYear => ("所分析的年份", "Year analysed"),
    ImportanceCompute => ("计算各参数的贡献", "Compute each lever's share"),
    ImportanceNoVariance => ("在这些抽样中该结果不变化：没有参数对它有贡献。", "The result does not vary over these draws: no lever drives it."),
    ImportanceAxis => ("对方差的贡献（一阶，%）", "Share of the variance (first order, %)"),
    FitTooFewTogether => (
        "{0}与{1}在 {2}—{3} 年同时有数值的年份只有 {4} 个，至少需要 {5} 个",
        "{0} and {1} both have values in only {4} years of {2}–{3}; the fit needs {5}",
    ),
    DriverSentence => (
        "{0}截至 {1} 年是否超载，主要取决于{2}的假设（占结果方差的 {3}）。",
        "Whether {0} has exceeded its capacity by {1} depends most on the assumption for {2} ({3} of the variance).",
    ),
    ImportanceShare => ("对方差的贡献", "Share of the variance"),
    NamedShare => ("{0}：{1}", "{0}: {1}"),
    WorkspaceNamedTwiceAt => (
        "工作区情景“{0}”重名：此处与第 {1} 行第 {2} 列；工作区的每个情景须有各自的名称",
        "workspace member \"{0}\" is named twice: here and at line {1}, column {2}; each scenario of a workspace needs a name of its own",
    ),
    ProbabilityInTheYear => (
        "当年超载概率",
        "Probability of exceeding capacity (in the year)",
    ),
    ReasonPercentage => (
        "百分数须在 −100 到 100 之间",
        "a percentage must be from −100 to 100",
    ),
    ReasonPercentShare => (
        "比例须在 0 到 100 % 之间（名称表明为变化幅度的指标才可为负）",
        "a share must be from 0 to 100 % (only an indicator whose name says it is a change may be negative)",
    ),
    FieldValueOf => ("{0} 年数值", "value of {0}"),
    FieldTargetUntil => ("至 {0} 年的目标", "target until {0}"),
    ReasonKeyCharacter => (
        "含{0}：键只能由字母、数字、_、- 和 . 组成（命令行与脚本以键引用）",
        "holds {0}: a key may hold only letters, digits, _, - and . (the command line and scripts name it)",
    ),
    UseComparison => ("情景比较", "the comparison"),
    SliderOf => ("{0}滑块", "{0} slider"),
    SpaceCharacter => ("空格", "a space"),
    QuotedCharacter => ("“{0}”", "“{0}”"),
    ChartNotDrawn => ("无法绘制图表 {0}：{1}", "cannot draw the chart {0}: {1}"),
    ReportNotWritten => ("无法写出报告：{0}", "cannot write the report: {0}"),
    OriginalKept => (
        "{0} 已按 ecoplan 的格式重写；原文件（含注释与排版）保存在 {1}",
        "{0} was rewritten in ecoplan's layout; the original (with its comments and layout) is kept in {1}",
    ),
    Inherited => ("继承", "inherited"),
    Overridden => ("已修改", "overridden"),
    DifferencesFromParent => ("与上级情景的差异", "Differences from the parent"),
    NoDifferences => ("与上级情景相同", "same as the parent"),
    Difference => ("差值", "Difference"),
    Reference => ("基准情景", "Reference"),
    StatusSideBySide => (
        "容量与目标状态对比",
        "Capacity and target status side by side",
    ),
    Overlay => ("叠加图", "Overlay"),
    Inheritance => ("继承", "Inheritance"),
    Rejected => ("未采用", "Not applied"),
    Economy => ("经济", "Economy"),
    Population => ("人口", "Population"),
    WaterUse => ("用水", "Water use"),
    Energy => ("能源", "Energy"),
    Emissions => ("污染物排放", "Emissions"),
    MunicipalWaste => ("生活垃圾", "Municipal waste"),
    Environment => ("环境质量", "Environment"),
    Land => ("土地", "Land"),
    Other => ("其他", "Other"),
    ComputedAsDriverIntensity => ("由驱动序列 × 强度计算", "computed as driver × intensity"),
    RunsUnit => ("次模拟", "runs"),
    BoundSeries => ("约束序列", "bound series"),
    BoundYear => ("约束年份", "bound year"),
    BoundValue => ("约束值", "bound value"),
    ThisScenarioHasNoFootprint => ("本情景没有生态足迹参数（methods.footprint）。", "This scenario has no footprint parameters (methods.footprint)."),
    Person => ("人", "person"),
    TenThousandGha => ("万 gha", "10⁴ gha"),
    Growth => ("年增长", "growth"),
    From => ("自", "from"),
    Interpolate => ("线性插值", "interpolate"),
    Then => ("其后", "then"),
    Step => ("阶梯", "step"),
    IntensityChangeLower => ("强度年变化", "intensity change"),
    Follows => ("随", "follows"),
    ElasticityLower => ("弹性", "elasticity"),
    ProjectsUnit => ("项", "projects"),
    InvestmentCannotBeNegative => ("投资不能为负", "investment cannot be negative"),
    Parent => ("上级情景", "Parent"),
    ThisScenario => ("本情景", "This scenario"),
    DiffersFromTheParentBeyond => ("与上级情景的差异超出可继承的范围，保存时将整体保存。", "Differs from the parent beyond what a change list holds; it is saved whole."),
    ChangingByThisMuchEvery => ("自基准年起每年按此比例变化，目标年恰好达到目标值", "changing by this much every year from the base year just meets the threshold in the target year"),
    Fixed => ("固定值", "fixed"),
    FollowsSeries => ("随序列", "follows"),
    Indicator10 => ("指标10", "indicator 10"),
    BiologicalAbundance => ("生物丰度", "Biological abundance"),
    VegetationCover => ("植被覆盖", "Vegetation cover"),
    WaterNetworkDensity => ("水网密度", "Water network density"),
    LandStressIndex => ("土地胁迫（100 − ）", "Land stress (100 − )"),
    PollutionLoadIndex => ("污染负荷（100 − ）", "Pollution load (100 − )"),
    Forest => ("林地", "forest"),
    Grass => ("草地", "grass"),
    Wetland => ("湿地/水域", "wetland"),
    SetBaseValueOf => ("修改基准年数值：", "Set base value of"),
    ChangeRuleOf => ("修改规则：", "Change rule of"),
    RenameLabelOf => ("修改名称：", "Rename label of"),
    RemoveSeries => ("删除序列", "Remove series"),
    ResetToThePlan => ("恢复：", "Reset:"),
    SetHorizonTo => ("预测终年改为", "Set horizon to"),
    ChangeNearCapacityThresholdOf => ("修改临近饱和阈值", "Change near-capacity threshold of"),
    SetCapacityOf => ("修改环境容量", "Set capacity of"),
    SwitchCapacityBasisOf => ("切换容量来源", "Switch capacity basis of"),
    ChangeMethodParameters => ("修改方法参数", "Change method parameters"),
    ChangeUncertainty => ("修改不确定性设置", "Change uncertainty"),
    SetThresholdOf => ("修改目标值", "Set threshold of"),
    EditIndicator => ("修改指标", "Edit indicator"),
    EditProject => ("修改项目", "Edit project"),
    RemoveProject => ("删除项目", "Remove project"),
    NewScenario => ("新建情景", "New scenario"),
    SeriesTabUnit => ("序列\t单位", "Series\tUnit"),
    GradeExcellent => ("优", "excellent"),
    GradeGood => ("良", "good"),
    GradeFair => ("一般", "fair"),
    GradePoor => ("较差", "poor"),
    GradeBad => ("差", "bad"),
    EiForest => ("林地 km²", "forest km²"),
    EiGrass => ("草地 km²", "grass km²"),
    EiWaterWetland => ("水域湿地 km²", "water and wetland km²"),
    EiCropland => ("耕地 km²", "cropland km²"),
    EiBuiltUp => ("建设用地 km²", "built-up km²"),
    EiUnused => ("未利用地 km²", "unused km²"),
    EiRiverLength => ("河流长度 km", "river length km"),
    EiWaterResources => ("水资源量 亿 m³", "water resources 10⁸ m³"),
    EiSevereErosion => ("重度侵蚀 km²", "severe erosion km²"),
    EiModerateErosion => ("中度侵蚀 km²", "moderate erosion km²"),
    EiOtherStress => ("其他胁迫 km²", "other stress km²"),
    EiVegetationCoefficient => ("植被归一化系数", "vegetation coefficient"),
    EiMeanNdvi => ("NDVI 均值", "mean NDVI"),
    EiPollutionLoadIndex => ("污染负荷指数", "pollution load index"),
    EiTotalArea => ("总面积 km²", "total area km²"),
    FindingIdenticalSeries => (
        "{0}与{1}在各规划节点数值完全相同，可能是规划文本的复制错误。",
        "{0} and {1} have the same values at every milestone: likely a copy error in the plan.",
    ),
    FindingTargetMissed => (
        "按本情景预测，{0} 年{1}为 {2} {3}，未达到目标 {4} {3}。",
        "The projection gives {1} {2} {3} in {0}, missing the target of {4} {3}.",
    ),
    TemplateNumber => ("序号", "number"),
    SourceKind => ("依据", "Basis"),
    Medium => ("环境要素", "Medium"),
    WhatIfView => ("情景推演", "What if"),
    Levers => ("调控参数", "Levers"),
    WaterPollutants => ("水污染物", "Water pollutants"),
    AirPollutants => ("大气污染物", "Air pollutants"),
    GhostParent => ("上级情景“{0}”", "parent \"{0}\""),
    GhostSaved => ("已保存的情景", "as saved"),
    GhostOpened => ("打开时的情景", "as opened"),
    GhostCaption => ("灰色虚线：{0}", "Dashed grey: {0}"),
    NoUncertainRates => (
        "本情景没有不确定参数；在“不确定性”视图为增长率设定分布后，这里显示不确定性区间与超载概率。",
        "No rate of this scenario is uncertain; give rates distributions in the Uncertainty view to see bands and the probability of exceeding capacity here.",
    ),
    BandsComputing => ("正在计算不确定性区间…", "Computing the bands…"),
    BandsLegend => (
        "阴影：浅色为 5%–95% 区间，深色为 25%–75% 区间，虚线为中位数（10 000 次抽样）。",
        "Shading: light p5–p95, dark p25–p75, dashed the median (10 000 draws).",
    ),
    ProbabilityExceed => ("{0} 年前超载概率 {1}", "P(exceeded by {0}) {1}"),
    UtilisationAt => ("{0} 年容量利用率 {1}", "utilisation {0}: {1}"),
    NoExceedanceShort => ("未超载", "not exceeded"),
    Median => ("中位数", "median"),
    Theme => ("主题", "Theme"),
    ThemeLight => ("浅色（投影推荐）", "Light (for projectors)"),
    ThemeDark => ("深色", "Dark"),
    ThemeSystem => ("跟随系统", "As the system"),
    FanChart => ("不确定性区间", "Fan chart"),
    CapacityChartWater => ("{0}排放量与水环境容量", "{0} emissions and the water capacity"),
    CapacityChartAir => ("{0}排放量与大气环境容量", "{0} emissions and the air capacity"),
    FarBelowCapacity => (
        "环境容量 {0} {1}，远高于排放，未按比例绘出：{2} 年利用率 {3}，余量 {4}",
        "Capacity {0} {1}, far above the emission and not drawn to scale: {3} used in {2}, {4} headroom"
    ),
    EiChartTitle => ("生态环境状况指数与建设用地转换", "EI as built-up land turns green"),
    BuiltUpConverted => ("由建设用地转换的面积 (km²)", "Built-up land converted (km²)"),
    SourceLine => ("资料来源：{0}", "Source: {0}"),
    SourceLineOfScenario => ("资料来源：{0}；情景：{1}", "Source: {0}; scenario: {1}"),
    StatisticsAndPlan => ("统计资料，本规划测算", "statistics; computed for this plan"),
    ComputedForPlan => ("本规划测算", "computed for this plan"),
    ChapterHeading => ("第{0}章 {1}", "Chapter {0} {1}"),
    SectionProjection => ("经济社会发展与资源环境压力预测", "Economic and social projection"),
    SectionCapacity => ("环境承载力分析", "Environmental carrying capacity"),
    SectionFootprint => ("生态足迹与生态承载力", "Ecological footprint and carrying capacity"),
    SectionEcological => ("生态环境状况指数", "Ecological status index"),
    SectionTargets => ("规划目标可达性分析", "Whether the targets are reached"),
    SectionIndicators => ("建设指标评估", "Assessment of the indicators"),
    SectionScenarios => ("情景比较", "The scenarios compared"),
    SectionUncertainty => ("不确定性分析", "Uncertainty"),
    SectionAssumptions => ("预测假设及依据", "Assumptions and their basis"),
    WaterCapacityHeading => ("水环境承载力", "Water"),
    AirCapacityHeading => ("大气环境承载力", "Air"),
    ChapterProjectionIntro => (
        "以 {0} 年为基准年，预测{1}经济社会发展、资源能源消耗和污染物排放情况，主要结果见表 {2}。",
        "From the base year {0}, the economy, population, resource use and emissions are projected for {1}; Table {2} gives the results.",
    ),
    LeadSeparator => ("：", ": "),
    SentenceJoin => ("{0}{1}", "{0} {1}"),
    YearSpan => ("{0}—{1}", "{0}–{1}"),
    SpaceBeforeYear => (" {0}", "{0}"),
    NoteAfterSource => ("{0}。{1}", "{0}. {1}"),
    ObservedColumnsNote => ("注：{0} 年为统计值，{1} 年为基准年，其后为预测值。", "Note: {0} are statistics, {1} is the base year, later years are projected."),
    SeriesWithoutValues => ("以下序列尚无基准年数值，未列入预测：{0}。", "These series have no base-year value yet and are not projected: {0}."),
    ProjectionTableTitle => ("主要指标预测结果", "Projected values"),
    HeldConstant => ("保持不变", "held constant"),
    AnnualGrowth => ("年均增长 {0}", "growing {0} a year"),
    AnnualDecline => ("年均下降 {0}", "falling {0} a year"),
    AnnualIncrease => ("年均增加 {0} {1}", "rising {0} {1} a year"),
    AnnualDecrease => ("年均减少 {0} {1}", "falling {0} {1} a year"),
    RateFromYear => ("，{0} 年起{1}", ", then {1} from {0}"),
    BasisGrowth => ("按{0}预测", "projected {0}"),
    BasisDriven => ("按{0}乘以强度 {1} {2} 计算，强度{3}", "computed as {0} × {1} {2}, the intensity {3}"),
    BasisElasticity => ("按对{0}的弹性系数 {1} 预测", "projected with an elasticity of {1} to {0}"),
    BasisInterp => ("按规划值 {0} 插值", "interpolated through the planned values {0}"),
    BasisStep => ("按分段值 {0} 取值", "held at the stepped values {0}"),
    YearValue => ("{0} 年 {1}", "{1} in {0}"),
    ByPeriod => ("到{0}（{1} 年）", "by {1} ({0})"),
    ByYear => ("到 {0} 年", "by {0}"),
    PeriodWords => ("{0}（{1} 年）", "{1} ({0})"),
    YearWords => ("{0} 年", "{0}"),
    BasisConstant => ("保持不变", "held constant"),
    EditChapter => ("修改章节设置", "Edit the chapter's frame"),
    ChapterDialogTitle => ("导出规划章节（Word）", "Export the plan's chapter (Word)"),
    ChapterNumber => ("章号", "Chapter number"),
    ChapterNumberHint => ("0 表示不编章号", "0 for a chapter without a number"),
    ChapterTitle => ("章标题", "Chapter title"),
    HeadingNumbering => ("标题编号", "Heading numbers"),
    NumberingPlan => ("一、（一）1．", "As a plan: 一、（一）1．"),
    NumberingDecimal => ("3.1、3.1.1", "3.1, 3.1.1"),
    ChapterSections => ("章节内容及顺序", "Sections and their order"),
    MoveUp => ("上移", "Move up"),
    MoveDown => ("下移", "Move down"),
    ChapterHistoryYears => ("预测表中列出的历史年份", "History years in the projection table"),
    NoHistoryYears => ("情景中没有基准年以前的历史数据（可在“历史数据”视图导入）", "The scenario holds no history before the base year (import it in the History view)"),
    EveryFigure => ("每种污染物均作图（含远低于环境容量的）", "A figure for every pollutant (also those far below capacity)"),
    ChapterOutline => ("章节提纲", "Outline"),
    ChapterUnits => ("章节中的单位", "Units in the chapter"),
    ChapterUnitsHint => ("留空即按情景中的单位；如生活垃圾填“万 t/a”", "Empty for the scenario's unit; for instance 万 t/a for municipal waste"),
    ChapterUnitRefused => ("“{0}”不能由 {1} 换算", "\"{0}\" does not convert from {1}"),
    SectionsLeftOut => ("本情景无相关内容、不列入的章节：{0}", "Chosen but with nothing to say for this scenario, so left out: {0}"),
    ExportChapter => ("导出 Word…", "Export Word…"),
    InParentheses => ("（{0}）", " ({0})"),
    ReachesBy => ("{0}达到 {1} {2}", "{1} {2} {0}"),
    FallsBy => ("{0}降至 {1} {2}", "down to {1} {2} {0}"),
    SeriesSentence => ("{0}{1}{2}，预计{3}。", "{0} is {1}{2}: {3}."),
    SpanFromBase => ("自基准年（{0} 年）起", "from the base year {0} on"),
    SpanFrom => ("自 {0} 年起", "from {0} on"),
    SpanYear => ("{0} 年", "in {0}"),
    SpanYears => ("{0}—{1} 年", "in {0}–{1}"),
    CourseWithinWord => ("规划期内未超载", "within capacity throughout"),
    CourseNearWord => ("{0}临近饱和", "near saturation {0}"),
    CourseExceededWord => ("{0}超载", "over capacity {0}"),
    CourseNoData => (
        "{0}缺少排放数据，无法判断其与环境容量的关系。",
        "{0} have no values: their standing against the capacity cannot be judged.",
    ),
    CourseSaturated => (
        "{0}环境容量为 0，已达到饱和，任何排放均超出容量；{1} 年{2}为 {3} {4}。",
        "The {0} capacity is 0, saturated: any emission exceeds it; {2} reach {3} {4} in {1}.",
    ),
    CourseWithin => (
        "规划期内{0}始终低于{1}环境容量，{2} 年为 {3} {4}，占环境容量的 {5}。",
        "{0} stay within the {1} capacity throughout the plan: {3} {4} in {2}, {5} of it.",
    ),
    CourseNear => (
        "规划期内{0}低于{1}环境容量，但{6}临近饱和，{2} 年为 {3} {4}，占环境容量的 {5}。",
        "{0} stay within the {1} capacity but are near saturation {6}: {3} {4} in {2}, {5} of it.",
    ),
    CourseExceeded => ("{0}{1}超出{2}环境容量{3}。", "{0} exceed the {2} capacity {1}{3}."),
    TailStillOver => (
        "，至 {0} 年仍超出，为 {1} {2}，占环境容量的 {3}",
        "; in {0} they are still over it at {1} {2}, {3} of it",
    ),
    TailBackUnder => (
        "，{0} 年起回落至容量以内，{1} 年为 {2} {3}，占环境容量的 {4}",
        "; from {0} on they are back within it: {2} {3} in {1}, {4} of it",
    ),
    FarBelowSummary => (
        "{0}远低于环境容量，规划期内最高仅占容量的 {1}（见表 {2}），不再逐一作图。",
        "{0} stay far below their capacities, at most {1} of them (Table {2}), and are not drawn one by one.",
    ),
    DerivedCapacity => ("{0}环境容量按 {1} 计算，为 {2} {3}（{4}）。", "The {0} capacity is computed as {1} = {2} {3} ({4})."),
    CourseColumn => ("规划期状况", "Over the period"),
    WaterCapacityTable => ("水环境容量与污染物排放（{0} 年）", "Water capacity and emissions ({0})"),
    AirCapacityTable => ("大气环境容量与污染物排放（{0} 年）", "Air capacity and emissions ({0})"),
    EcologicalDeficit => ("生态赤字 {0} 万 gha", "a deficit of {0} 10,000 gha"),
    EcologicalSurplus => ("生态盈余 {0} 万 gha", "a surplus of {0} 10,000 gha"),
    DeficitMeaning => (
        "生态足迹大于生态承载力，表明人类活动对自然生态系统产品和服务的需求超过了供给。",
        "The footprint exceeds the capacity: demand on the ecosystems' products and services exceeds what they supply.",
    ),
    SurplusMeaning => (
        "生态承载力大于生态足迹，生态系统的供给能够满足需求。",
        "The capacity exceeds the footprint: the ecosystems supply what is demanded.",
    ),
    FootprintSentence => (
        "{0} 年生态足迹为 {1} 万 gha，生态承载力为 {2} 万 gha，{3}；预计到 {4} 年生态足迹为 {5} 万 gha，生态承载力为 {6} 万 gha，{7}。{8}",
        "In {0} the ecological footprint is {1} 10,000 gha against a capacity of {2} 10,000 gha, {3}; by {4} it is {5} against {6} 10,000 gha, {7}. {8}",
    ),
    FootprintColumn => ("生态足迹（万 gha）", "Footprint (10,000 gha)"),
    FootprintPerPerson => ("人均生态足迹（gha/人）", "Per person (gha)"),
    EcologicalCapacityColumn => ("生态承载力（万 gha）", "Capacity (10,000 gha)"),
    BalanceColumn => ("生态盈亏（万 gha）", "Balance (10,000 gha)"),
    FootprintTable => ("生态足迹与生态承载力", "Ecological footprint and capacity"),
    EiSentence => (
        "按《生态环境状况评价技术规范》（HJ 192-2015）计算，生态环境状况指数（EI）为 {0}，等级为“{1}”，{2}。",
        "Computed by HJ 192-2015, the ecological status index (EI) is {0}, graded \"{1}\"; {2}.",
    ),
    EiMeets => ("达到建设指标要求的 {0}", "it meets the indicator's {0}"),
    EiMisses => ("低于建设指标要求的 {0}", "it is below the indicator's {0}"),
    EiMissesBy => (
        "低于建设指标要求的 {0}，需将约 {1} km² 建设用地转为林地方可达到",
        "it is below the indicator's {0}; about {1} km² of built-up land turned into forest would reach it",
    ),
    SubIndex => ("分指数", "Sub-index"),
    Weight => ("权重", "Weight"),
    EiTable => ("生态环境状况指数分指数", "Sub-indices of EI"),
    TargetsSummary => (
        "规划目标 {0} 项，按本情景预测可达到 {1} 项，未达到 {2} 项。",
        "Of {0} targets, {1} are reached under this scenario and {2} are not.",
    ),
    TargetReached => ("{0}：{1} 年预测为 {2} {3}，达到目标（{4}）。", "{0}: {2} {3} projected for {1}, reaching the target ({4})."),
    TargetNotReached => (
        "{0}：{1} 年预测为 {2} {3}，未达到目标（{4}），相差 {5} {3}{6}。",
        "{0}: {2} {3} projected for {1}, missing the target ({4}) by {5} {3}{6}.",
    ),
    TargetClosing => ("；自基准年起须{0}方可达到", "; it would take {0} from the base year"),
    Reached => ("可达到", "Reached"),
    NotReached => ("未达到", "Not reached"),
    TargetsTable => ("规划目标可达性", "Targets"),
    IndicatorsAllWithoutData => (
        "{0} 项指标均暂无数据：{1}。",
        "None of the {0} indicators has data yet: {1}.",
    ),
    IndicatorsWithoutData => (
        "另有 {0} 项指标暂无数据，未列入表 {1}：{2}。",
        "{0} indicators have no data yet and are not in Table {1}: {2}.",
    ),
    IndicatorTargetConflictText => (
        "指标 {0}（{1}）按其规则判定为已达标，但同一数量的目标“{2}”（{3} 年）未达到，两者须一并核实。",
        "Indicator {0} ({1}) reads met by its rule, while the target \"{2}\" ({3}) on the same quantity is missed: the two need checking together.",
    ),
    IndicatorsTable => ("建设指标评估", "Assessment of the indicators"),
    ScenariosIntro => (
        "本节比较 {0} 个情景：{1}，{2} 年主要结果见表 {3}。",
        "{0} scenarios are compared: {1}; Table {3} gives their results for {2}.",
    ),
    ScenarioSummary => (
        "情景“{0}”达到 {1} 项目标中的 {2} 项{3}，{4}。",
        "Scenario \"{0}\" reaches {2} of {1} targets{3}, and {4}.",
    ),
    ScenarioMissed => ("（未达到：{0}）", " (missed: {0})"),
    ScenarioWithinAll => ("各项污染物均未超出环境容量", "every pollutant stays within its capacity"),
    ScenarioAndSaturated => ("{0}，{1}环境容量已饱和", "{0}; the {1} capacity is saturated"),
    ScenarioSaturatedOthersWithin => ("{0}环境容量已饱和，其余污染物均未超出环境容量", "the {0} capacity is saturated and every other pollutant stays within its capacity"),
    ScenarioHorizon => ("“{0}”至 {1} 年", "\"{0}\" to {1}"),
    CommonYear => ("各情景预测期不同（{0}），按共同的 {1} 年比较。", "The scenarios run to different years ({0}); they are compared in {1}, a year they share."),
    ScenarioOver => ("{0}超出环境容量", "{0} exceed their capacity"),
    ScenariosTable => ("各情景主要预测结果（{0} 年）", "The scenarios' projections ({0})"),
    ScenariosCapacityTable => ("各情景环境容量占用率（{0} 年）", "Capacity used in each scenario ({0})"),
    UncertaintyIntro => (
        "对 {0} 项不确定假设进行 {1} 次蒙特卡洛抽样，各节点年预测值的中位数及 5 %—95 % 区间见表 {2}。",
        "{1} Monte Carlo draws of {0} uncertain assumptions give the medians and 5–95 % ranges at each milestone in Table {2}.",
    ),
    ExceedanceSentence => ("{0}超出环境容量的概率：{1}。", "The probability that {0} exceed the capacity: {1}."),
    ByYearProbability => ("至 {0} 年 {1}", "{1} by {0}"),
    UncertaintyTable => ("预测值的中位数及 5 %—95 % 区间", "Medians and 5–95 % ranges"),
    MedianAndRange => ("{0}（{1}—{2}）", "{0} ({1}–{2})"),
    AssumptionsIntro => ("各项预测的假设及其依据见表 {0}。", "Table {0} lists each projection's assumption and its basis."),
    AssumptionsTable => ("预测假设及依据", "Assumptions and their basis"),
    TableSource => ("资料来源：{0}", "Source: {0}"),
    NoteSeparator => ("；", "; "),
    ClauseSeparator => ("，", ", "),
    BreakEven => ("盈亏平衡 0", "Break-even 0"),
    EiFormula => (
        "EI = 0.35·BA + 0.25·VC + 0.15·WD + 0.15·(100 − LS) + 0.10·(100 − PL) + 限制性指标（HJ 192-2015，methods.md §5）",
        "EI = 0.35·BA + 0.25·VC + 0.15·WD + 0.15·(100 − LS) + 0.10·(100 − PL) + restriction  (HJ 192-2015, methods.md §5)"
    ),
    TitleOf => ("{0}：{1}", "{0}: {1}"),
    Decimals => ("小数位", "Decimals"),
    Automatic => ("自动", "auto"),
    SetDecimalsOf => ("设置小数位：", "Set the decimals of"),
    TargetsMet => ("目标达成 {0}/{1}", "targets met {0}/{1}"),
    IndicatorsMet => ("指标达标 {0}/{1}", "indicators met {0}/{1}"),
    ObservedAgainstProjection => ("实测值与预测偏差", "Observed values against the projection"),
    ObservedHint => (
        "中期评估：录入已过年份的实际数值，与本情景的预测对比。",
        "Mid-term review: enter the actual values of past years to set them against the projection.",
    ),
    SeriesLabel => ("序列", "Series"),
    Deviation => ("偏差", "Deviation"),
    DeviationShare => ("偏差率", "Deviation %"),
    EditObserved => ("修改实测值", "Edit observed values"),
    NoData => ("无数据", "no data"),
    BasisObserved => ("实测", "observed"),
    BasisProjected => ("预测", "projected"),
    BasisComputed => ("计算", "computed"),
    BasisStated => ("规划所述", "stated"),
    StatedMark => ("{0}（据规划）", "{0} (stated)"),
    LatestValue => ("最新值", "Latest"),
    ValueInYear => ("{0} 年值", "Value {0}"),
    TargetInYear => ("{0} 年目标", "Target {0}"),
    ProjectedInYear => ("{0} 年预测", "Projected {0}"),
    TargetProjectedInYear => ("{0} 年目标 · 预测", "{0} target · projected"),
    NeededChange => ("达标所需年均变化", "Yearly change needed"),
    PointsPerYear => ("每年 {0} 个百分点", "{0} points a year"),
    UnitsPerYear => ("每年 {0} {1}", "{0} {1} a year"),
    RatePerYear => ("年均 {0}", "{0} a year"),
    HowObserved => ("实测值按各年规则判定", "Observed values checked against each year's rule"),
    HowLinkSeries => ("关联预测序列“{0}”，各规划节点按预测值判定", "Linked to the projected series \"{0}\": each milestone is checked on its projected value"),
    HowLinkRatio => ("关联预测比值“{0}”÷“{1}”，各规划节点按预测值判定", "Linked to the projected ratio \"{0}\" ÷ \"{1}\": each milestone is checked on its projected value"),
    HowLinkEi => ("关联生态环境状况指数计算器（HJ 192-2015），按基准年计算值判定", "Linked to the EI calculator (HJ 192-2015): its result is checked for the base year"),
    HowStated => ("尚无数值：显示规划所述状态，录入数值后按数值判定", "No value yet: the plan's stated status is shown until a value replaces it"),
    HowTask => ("任务类指标：按填报的进展判定", "A task: its recorded progress sets the status"),
    HowNoData => ("尚无数值，也无规划所述状态", "No value and no stated status yet"),
    HowHeadline => ("指标状态取最后一个规划节点的预测值；无预测时取最新值", "The row's status is the last milestone's projected one; without a projection, the latest value's"),
    ValuesByYear => ("各年数值", "Values by year"),
    AddValue => ("添加", "Add"),
    StatedStatusLabel => ("规划所述状态", "Stated status"),
    NoneStated => ("无", "none"),
    TaskProgressLabel => ("任务进展", "Task progress"),
    TaskDone => ("已完成", "done"),
    TaskInProgress => ("推进中", "in progress"),
    TaskNotStarted => ("未启动", "not started"),
    NoProgress => ("未填报", "not recorded"),
    DateLabel => ("日期", "Date"),
    NoteLabel => ("备注", "Note"),
    RulePeriods => ("分期目标", "Targets by period"),
    SelectIndicator => ("点击序号查看指标详情", "Click a number to see the indicator's details"),
    FindingIndicatorDisagrees => (
        "指标 {0}（{1}）：规划所述为“{2}”，但{3}值 {4} 年为 {5}，{6}。",
        "Indicator {0} ({1}): the plan states \"{2}\", but the {3} value for {4} is {5}: {6}.",
    ),
    ImportValues => ("导入数值（指标模板或统计数据）…", "Import values (indicator template or statistics)…"),
    NoSuchSeries => ("情景中没有序列“{0}”", "the scenario has no series \"{0}\""),
    ExportIndicatorTemplate => ("导出指标数值模板…", "Export indicator template…"),
    ExportNoSuchChart => ("没有名为“{0}”的图表；可选的图表：{1}", "there is no chart \"{0}\"; the charts are: {1}"),
    ScreenshotNotPng => ("截图为 PNG 图片：文件名须以 .png 结尾", "a screenshot is a PNG; the file name must end in .png"),
    ExportNoCharts => ("情景中没有可导出的图表", "the scenario has no chart to export"),
    ExportExtension => (
        "文件名须以 .csv、.xlsx、.docx、.md 或 .png 结尾，以说明导出的内容",
        "the file name must end in .csv, .xlsx, .docx, .md or .png to say what to export",
    ),
    ExportIsInput => ("这是正在读取的情景文件：导出从不覆盖输入文件", "this is the scenario being read; an output never replaces its input"),
    ExportIsScenario => ("此文件是情景或工作区文件：导出从不覆盖它", "this file is a scenario or workspace; an output never replaces one"),
    ExportReport => ("导出规划章节（Word）…", "Export the plan's chapter (Word)…"),
    ReportTitle => ("{0}：{1}", "{0}: {1}"),
    ListSeparator => ("、", ", "),
    Pollutant => ("污染物", "Pollutant"),
    LandStress => ("土地胁迫指数", "Land stress index"),
    PollutionLoad => ("污染负荷指数", "Pollution load index"),
    DecidingValue => ("判定值（年份）", "Value (year)"),
    ReportIndicators => (
        "适用指标 {0} 项：已达标 {1} 项，待达标 {2} 项，未达标 {3} 项，尚无数据 {4} 项。有预测的指标按规划末年的预测值判定，其余按最新数值判定。",
        "{0} indicators apply: {1} met, {2} pending, {3} not met, {4} without data. Rows with a projection are judged at the plan's last milestone, the others on their latest value.",
    ),
    TableWord => ("表", "Table"),
    FigureWord => ("图", "Figure"),
    CaptionTitle => (" {0}", ". {0}"),
    ImportPreviewTitle => ("导入预览：{0}", "Import preview: {0}"),
    ImportNothing => ("表中没有与当前情景不同的数值。", "The table holds no value that differs from the scenario."),
    ImportApply => ("应用（可撤销）", "Apply (undoable)"),
    OldValue => ("原值", "Old"),
    NewValue => ("新值", "New"),
    ImportedValues => ("已从 {1} 导入 {0} 个数值", "Values imported from {1}: {0}"),
    ImportEdit => ("导入指标数值", "Import indicator values"),
    NewDistrict => ("新建示范区（国家指标框架）…", "New district from the national frame…"),
    PlanView => ("规划设置", "Plan"),
    PlanDescription => ("规划说明", "About the plan"),
    PlanYears => ("规划年份", "The plan's years"),
    PlanName => ("规划名称", "Name of the plan"),
    Region => ("地区", "Region"),
    Author => ("编制单位", "Prepared by"),
    Notes => ("备注", "Notes"),
    Milestones => ("规划节点年", "Milestones"),
    MilestonesHint => ("如 2027, 2030；不填为基准年后第 4、7 年", "e.g. 2027, 2030; empty: base year + 4 and + 7"),
    PeriodNames => ("各阶段名称", "Period names"),
    PeriodNamesHint => ("如 创建期, 提升期（与节点年一一对应）", "e.g. creation, improvement (one per milestone)"),
    FrameRows => ("{0}：{1}", "{0}: {1}"),
    IndicatorFrame => ("指标框架", "Indicator frame"),
    FrameFile => ("指标框架文件", "Indicator frame file"),
    FrameFileHint => ("不填为国家指标框架（内置）", "empty: the national frame (built in)"),
    ReadFrame => ("读取", "Read"),
    Browse => ("浏览…", "Browse…"),
    UseNationalFrame => ("改用国家框架", "Use the national frame"),
    TypeFramePath => ("请在左侧输入框架文件的路径", "type the frame file's path on the left"),
    BaseYearHint => ("如 2024", "e.g. 2024"),
    HorizonHint => ("不填为最后一个节点年", "empty: the last milestone"),
    PeriodNameZh => ("阶段名称（中文）", "Period name (Chinese)"),
    PeriodNameEn => ("阶段名称（英文）", "Period name (English)"),
    AddMilestone => ("添加节点年", "Add a milestone"),
    PlanYearsHint => (
        "节点年晚于预测终年时，预测终年随之延长；预测终年不能早于最后一个节点年。",
        "A milestone after the horizon extends the horizon; the horizon cannot be before the last milestone.",
    ),
    MilestoneBeyondLastYear => ("节点年不能晚于 {0} 年", "a milestone cannot be after {0}"),
    HorizonExtendedTo => ("预测终年已延长至 {0} 年，以包含节点年 {1}", "The horizon was extended to {0} to include the milestone {1}"),
    HorizonBeforeMilestone => ("{0} 早于节点年 {1}：请先删除或移动该节点年", "{0} is before the milestone {1}: remove or move that milestone first"),
    BaseYearOutside => ("基准年 {0} 须在 {1}–{2} 之间", "the base year {0} must lie within {1}–{2}"),
    MilestoneNotAfterBase => ("节点年 {0} 不晚于基准年", "the milestone {0} is not after the base year"),
    MilestonePastHorizon => ("节点年 {0} 晚于预测终年 {1}", "the milestone {0} is after the horizon {1}"),
    PeriodCountMismatch => ("阶段名称 {0} 个，节点年 {1} 个：每个节点年一个名称", "{0} period names for {1} milestones: one name per milestone"),
    MilestoneTwice => ("节点年 {0} 重复", "the milestone {0} is given twice"),
    HorizonOutside => ("预测终年 {0} 须晚于基准年且不晚于 {1}", "the horizon {0} must be after the base year and not after {1}"),
    CreationPeriod => ("创建期", "creation period"),
    ImprovementPeriod => ("提升期", "improvement period"),
    EnterBaseAndGrowth => ("待录入基准年数值与增长率", "enter the base-year value and the growth"),
    BaseFromStatistics => ("{0} 年值取自统计资料（{1}），增长率待定", "{0} value from the statistics ({1}); growth to be set"),
    NewDoesNotOverwrite => ("文件已存在；ecoplan new 不会覆盖文件", "the file exists; ecoplan new does not overwrite files"),
    NewPlanName => ("新建示范区规划", "New plan"),
    NewPlanNotes => (
        "按国家指标框架（{2}）新建的规划（{0}{1}）：请录入基准值、增长率、环境容量与指标数值。",
        "A new plan ({0}{1}) from the national frame ({2}): enter the base values, the rates, the capacities and the indicator values.",
    ),
    NewPlanYearsSummary => ("基准年 {0}，节点年 {1}，预测至 {2} 年", "base year {0}, milestones {1}, projected to {2}"),
    EditPlanYears => ("修改规划年份", "Change the plan's years"),
    EditPlanDescription => ("修改规划说明", "Change the plan's description"),
    EditSourceOf => ("修改来源说明：", "Change the source of"),
    MustNotBeEmpty => ("不能为空", "must not be empty"),
    InChinese => ("（中文）", "(Chinese)"),
    InEnglish => ("（英文）", "(English)"),
    NotAUnit => ("不是可识别的单位（如 t/a、万 t/a、亿元、万人、万 tce）", "is not a known unit (such as t/a, 万 t/a, 亿元, 万人, 万 tce)"),
    UnitDoesNotConvert => ("{0} 与 {1} 计量的不是同一种量，无法换算", "{0} and {1} measure different things and do not convert"),
    AddCapacity => ("添加环境容量", "Add a capacity"),
    AddAirZone => ("添加功能区", "Add a zone"),
    AddToMethod => ("将 {0} 纳入 A 值法", "{0} in the A-value method"),
    AddRiver => ("添加河段", "Add a river segment"),
    AddLake => ("添加湖库", "Add a lake"),
    NoAirParameters => ("A 值法中尚无该污染物的限值与背景浓度", "the A-value method has no limit and background for this pollutant"),
    NoWaterParameters => ("河流与湖泊模型中尚无该污染物的参数", "the river and lake models have no parameters for this pollutant"),
    MustBeAboveZero => ("须大于 0", "must be above 0"),
    TotalZoneArea => ("功能区总面积 km²", "Total zone area km²"),
    NoGoalYet => ("本情景尚无此类目标：请先在“目标”或环境容量视图中添加。", "The scenario has no such goal yet: add one in Targets or a capacity view first."),
    PollutantTaken => ("已有污染物 {0} 的环境容量", "there is a capacity for {0} already"),
    NewCapacity => ("新增容量", "New capacity"),
    EditCapacity => ("编辑环境容量", "Edit the capacity"),
    RemoveCapacity => ("删除环境容量", "Remove the capacity"),
    NoCapacityYet => ("尚无该要素的环境容量：请在上方添加。", "No capacity of this medium yet: add one above."),
    UsualPollutants => ("常用污染物", "Usual pollutants"),
    ChoosePollutant => ("请选择或输入污染物", "choose or type a pollutant"),
    ChooseSeries => ("请选择序列", "choose a series"),
    ChooseEmissionSeries => ("请选择对比的排放序列", "choose the emission series to compare"),
    ComparedSeries => ("对比排放序列", "Compared emission"),
    AddTarget => ("添加目标", "Add a target"),
    EditTarget => ("编辑目标", "Edit the target"),
    RemoveTarget => ("删除目标", "Remove the target"),
    NoSeriesForTarget => ("情景中没有序列，无法设定目标。", "The scenario has no series to set a target on."),
    Metric => ("考核对象", "Measures"),
    MetricSeries => ("序列", "a series"),
    MetricRatio => ("两序列之比", "a ratio of two series"),
    Numerator => ("分子", "Numerator"),
    Denominator => ("分母", "Denominator"),
    AtMostWords => ("不高于", "at most"),
    EqualWords => ("等于", "equal to"),
    AtLeastWords => ("不低于", "at least"),
    ThresholdKind => ("目标值类型", "Kind of threshold"),
    AbsoluteThreshold => ("绝对值", "absolute"),
    RelativeThreshold => ("相对某年变化", "change from a year"),
    RelativeToYear => ("参照年", "Reference year"),
    NoValueInYear => ("{0} 年没有数值：参照年须在预测期内或有实测值", "{0} has no value: the reference year must be projected or observed"),
    ReferenceNotBefore => ("参照年 {0} 须早于目标年 {1}", "the reference year {0} must be before the target's year {1}"),
    ChangeFromYear => ("较 {0} 年 {1}", "{1} from {0}"),
    RuleKind => ("规则类型", "Kind of rule"),
    KindGrowth => ("按增长率（可分阶段）", "growth (in periods)"),
    KindInterp => ("经过各点的路径", "a path through points"),
    KindStep => ("阶梯值", "steps"),
    KindDriven => ("驱动序列 × 强度", "driver × intensity"),
    FitNoteCagr => ("按 {0}—{1} 年年均增长率 {2} 外推，R² {3}", "extrapolated at the {0}–{1} average annual growth of {2}, R² {3}"),
    FitNoteLogLinear => ("按 {0}—{1} 年最小二乘增长率 {2} 外推，R² {3}", "extrapolated at the {0}–{1} least-squares growth of {2}, R² {3}"),
    FitNoteLinear => ("按 {0}—{1} 年线性趋势（每年 {2}）外推，R² {3}", "extrapolated on the {0}–{1} linear trend ({2} a year), R² {3}"),
    FitNoteIntensity => ("{0} × 强度（按 {1}—{2} 年：基准年 {3} {4}，年均变化 {5}），R² {6}", "{0} × intensity (from {1}–{2}: {3} {4} in the base year, changing {5} a year), R² {6}"),
    FitNoteElasticity => ("随{0}变化，弹性 {1}（{2}—{3} 年对数回归），R² {4}", "follows {0} with an elasticity of {1} ({2}–{3} log–log regression), R² {4}"),
    EachValue => ("逐项预览（原值 → 新值）", "Each value (old → new)"),
    ChooseSheet => ("工作表：", "Sheet:"),
    ConfirmMatching => ("请确认每一行导入哪个序列（可改为新建序列或不导入）；单位按序列换算，基准年的数值作为基准值。", "Confirm the series each row goes into (or a new series, or none); units are converted to the series', the base year's value becomes the base value."),
    RowInSheet => ("表中名称", "Row"),
    GoesInto => ("导入到", "Goes into"),
    DoNotImport => ("不导入", "not imported"),
    AsNewSeries => ("新建序列", "a new series"),
    ValuesToImport => ("将导入 {0} 个数值（可撤销）", "{0} values to import (undoable)"),
    FixRowsFirst => ("请先处理标红的行：改选序列或不导入", "Mend the rows in red first: choose another series or none"),
    ApplyRebase => ("移动基准年（可撤销）", "Move the base year (undoable)"),
    RebaseTo => ("将基准年移至 {0} 年", "Move the base year to {0}"),
    RebaseMilestone => ("节点年 {0} 不晚于新基准年 {1}：请先移动该节点年", "the milestone {0} would not be after the new base year {1}: move it first"),
    RebaseTarget => ("目标 {0} 为 {1} 年，不晚于新基准年 {2}", "target {0} is for {1}, not after the new base year {2}"),
    FromHistory => ("取自历史数据", "from the history"),
    FromProjection => ("无该年数据，取预测值", "no figure that year: the projection's"),
    SeriesBasis => ("依据", "Basis"),
    HistoryView => ("历史与趋势", "History and trends"),
    HistoryPoints => ("历史", "history"),
    ProjectionNow => ("现行规则预测", "projection now"),
    FittedCurve => ("拟合曲线", "fitted curve"),
    ProjectionWithFit => ("采用拟合后的预测", "projection with the fit"),
    ImportStatistics => ("导入统计数据…", "Import statistics…"),
    ImportStatisticsHint => (
        "统计局工作簿或 CSV：每个序列一行、每年一列（或“指标、年份、数值”三列）；名称与单位按统计口径书写即可",
        "a statistics bureau's workbook or CSV: a row per series and a column per year (or the columns series, year, value); names and units as the bureau writes them",
    ),
    NoHistoryYet => ("尚无历史数据：导入统计数据，或在“预测结果”中录入实测值。", "No history yet: import the statistics, or type observed values in Projections."),
    HistoryYears => ("历史年份", "History"),
    FitMethodLabel => ("拟合方法", "Method"),
    FitFrom => ("起始年", "From"),
    FitTo => ("截止年", "To"),
    FitDriver => ("请选择驱动序列", "choose the driver"),
    FitCagr => ("年均增长率（两端年份）", "average annual growth (end years)"),
    FitLogLinear => ("最小二乘增长率", "least-squares growth"),
    FitLinear => ("线性趋势", "linear trend"),
    FitIntensity => ("强度 × 驱动序列", "intensity × driver"),
    FitElasticity => ("对驱动序列的弹性", "elasticity to a driver"),
    FitQuality => ("R² {0}，RMSE {1}（{2}），使用 {3} 个年份", "R² {0}, RMSE {1} ({2}), {3} years used"),
    LogScale => ("对数尺度", "log scale"),
    ValueScale => ("数值尺度", "value scale"),
    Residuals => ("残差", "Residuals"),
    ApplyFit => ("应用（可撤销）", "Apply (undoable)"),
    ApplyFitHint => ("写入该序列的规则，并在来源说明中注明拟合方法", "writes the series' rule, and how it was derived into its source note"),
    FitSpan => ("{0}—{1} 不是一段年份：起始年须早于截止年", "{0}–{1} is not a span of years: the first must be before the last"),
    FitTooFew => ("{0} 在 {1}—{2} 年只有 {3} 个数值，至少需要 {4} 个", "{0} has {3} values in {1}–{2}; the fit needs {4}"),
    FitMissingEnd => ("{0} 在 {1} 年没有数值（年均增长率的端点年份）", "{0} has no value in {1}, an end year of the average growth"),
    FitNotPositive => ("{0} 在 {1} 年为 {2}：增长率与弹性需要大于 0 的数值", "{0} is {2} in {1}: growth and elasticity need values above 0"),
    FitOwnDriver => ("{0} 不能作为自身的驱动序列", "{0} cannot be its own driver"),
    FitFlatDriver => ("驱动序列 {0} 在 {1}—{2} 年没有变化，无从拟合", "the driver {0} does not change in {1}–{2}: nothing to fit against"),
    KindLinear => ("线性趋势（每年固定增量）", "a linear trend (a constant change a year)"),
    LinearChange => ("线性，每年 {0}", "linear, {0} a year"),
    ChangePerYear => ("每年变化", "Change a year"),
    KindGrowthAs => ("对驱动序列的弹性", "elasticity to a driver"),
    Driver => ("驱动序列", "Driver"),
    NoDriverAvailable => ("{0}：没有可作驱动的序列（会形成循环）", "{0}: no series can drive it (it would make a cycle)"),
    PeriodFrom => ("阶段起始年", "Period from"),
    AddPeriod => ("添加阶段", "Add a period"),
    PointYear => ("节点", "Point"),
    AddPoint => ("添加节点", "Add a point"),
    NoSuchDriver => ("情景中没有驱动序列 {0}", "the scenario has no driver series {0}"),
    IntensityUnit => ("强度单位", "Intensity unit"),
    PlaceKindLabel => ("行政级别", "Kind of place"),
    KindDistrict => ("区", "district"),
    KindCounty => ("县", "county"),
    KindCity => ("市", "city"),
    CoastalLabel => ("沿海", "coastal"),
    CoastalSuffix => ("，沿海", ", coastal"),
    DistrictName => ("地区名称", "Name of the place"),
    BaseYearLabel => ("基准年", "Base year"),
    CreateDistrict => ("创建", "Create"),
    NewDistrictRows => ("适用指标 {0} 项（共 {1} 项）", "{0} of {1} indicators apply"),
    NoFileYet => ("尚未保存为文件", "not saved to a file yet"),
    NameMustEndIn => ("文件名须以此结尾：", "the file name must end in"),
    UnsavedQuestionWorkspace => (
        "是否保存对本工作区各情景的修改？",
        "Save the changes to the scenarios of this workspace?",
    ),
    RangeLow => ("范围下限", "range low"),
    RangeHigh => ("范围上限", "range high"),
    Margin => ("余量", "margin"),
    NoDesktopPortal => (
        "没有桌面会话总线，因而没有文件对话框服务",
        "no desktop session bus, so no file dialog portal",
    ),
    DialogDidNotOpen => ("系统文件对话框未能打开", "the system's file dialog did not open"),
    LandCoverExceedsArea => (
        "林地、草地、水域湿地、耕地、建设用地与未利用地合计 {0} km²，超过辖区面积 {1} km²",
        "forest, grass, water and wetland, cropland, built-up and unused land add up to {0} km², more than the district's area of {1} km²",
    ),
    EiMax => ("EI 最大可达值", "highest EI reachable"),
    Guide => ("使用指南", "Guide"),
    KeyboardShortcuts => ("键盘快捷键", "Keyboard shortcuts"),
    NoShortcut => ("（无）", "(none)"),
    Licences => (
        "ecoplan 采用 MIT 或 Apache-2.0 许可。内置字体：Noto Sans CJK SC（子集），SIL 开放字体许可 1.1（assets/fonts/OFL.txt）。",
        "ecoplan is licensed under MIT OR Apache-2.0. Bundled font: Noto Sans CJK SC (subset), SIL Open Font License 1.1 (assets/fonts/OFL.txt).",
    ),
}

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        lang.pick(zh, en)
    }

    /// The name of an EI grade.
    pub fn ei_grade(grade: crate::engine::methods::EiGrade) -> Tr {
        use crate::engine::methods::EiGrade;
        match grade {
            EiGrade::Excellent => Tr::GradeExcellent,
            EiGrade::Good => Tr::GradeGood,
            EiGrade::Fair => Tr::GradeFair,
            EiGrade::Poor => Tr::GradePoor,
            EiGrade::Bad => Tr::GradeBad,
        }
    }

    /// The text with each `{0}`, `{1}`, … replaced by that argument, in one pass: an argument
    /// that itself contains "{1}" is not filled in again.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let template = self.get(lang);
        let mut text = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let slot = after
                .find('}')
                .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
            match slot.and_then(|(i, close)| args.get(i).map(|arg| (arg, close))) {
                Some((arg, close)) => {
                    text.push_str(&arg.to_string());
                    rest = &after[close + 1..];
                }
                None => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_a_locale_or_a_windows_language_states() {
        for (locale, lang) in [
            (None, Lang::Zh),
            (Some("C"), Lang::Zh),
            (Some("POSIX"), Lang::Zh),
            (Some("C.UTF-8"), Lang::Zh),
            (Some("zh_CN.UTF-8"), Lang::Zh),
            (Some("zh_TW"), Lang::Zh),
            (Some("en_US.UTF-8"), Lang::En),
            (Some("de_DE"), Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale:?}");
        }
        // LANGIDs: zh-CN 0x0804, zh-TW 0x0404, en-US 0x0409, de-DE 0x0407, none 0.
        for (langid, lang) in [
            (0x0804, Lang::Zh),
            (0x0404, Lang::Zh),
            (0x0409, Lang::En),
            (0x0407, Lang::En),
            (0, Lang::Zh),
        ] {
            assert_eq!(Lang::from_windows_language(langid), lang, "{langid:#x}");
        }
    }

    /// Every `.rs` file under `src/`, as text.
    fn sources() -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    out.push((path, text));
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_text_is_used_and_has_both_languages_with_the_same_arguments() {
        let sources = sources();
        let elsewhere: String = sources
            .iter()
            .filter(|(path, _)| !path.ends_with("i18n.rs"))
            .map(|(_, text)| text.as_str())
            .collect();
        let here = &sources
            .iter()
            .find(|(path, _)| path.ends_with("i18n.rs"))
            .unwrap()
            .1;
        // Texts used only inside this file (by `ei_grade`) count as used.
        let used_here = |name: &str| here.matches(&format!("Tr::{name}")).count() > 0;
        let mut unused = Vec::new();
        for text in Tr::ALL {
            let name = text.name();
            let used = elsewhere.contains(&format!("Tr::{name}"))
                && elsewhere
                    .match_indices(&format!("Tr::{name}"))
                    .any(|(i, m)| {
                        !elsewhere[i + m.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
            if !used && !used_here(name) {
                unused.push(name);
            }
            let (zh, en) = text.both();
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{name}");
            for i in 0..10 {
                let slot = format!("{{{i}}}");
                assert_eq!(zh.contains(&slot), en.contains(&slot), "{name}: {slot}");
            }
        }
        assert!(unused.is_empty(), "texts no code uses: {unused:?}");
    }

    #[test]
    fn no_language_is_picked_outside_this_module() {
        for (path, text) in sources() {
            if path.ends_with("i18n.rs") {
                continue;
            }
            assert!(!text.contains(".pick("), "{}", path.display());
            assert!(!text.contains("Lang::Zh =>"), "{}", path.display());
        }
    }

    #[test]
    fn an_argument_holding_a_placeholder_is_not_filled_again() {
        assert_eq!(
            Tr::FindingIdenticalSeries.fill(Lang::En, &[&"A {1}", &"B"]),
            "A {1} and B have the same values at every milestone: likely a copy error in the plan."
        );
    }

    #[test]
    fn a_rule_names_its_driver_by_label_even_where_the_key_is_inside_other_words() {
        use crate::model::{Group, Label, Rule, Series};
        let mut scenario = crate::model::Scenario::empty();
        scenario.series.push(Series {
            key: "o".into(),
            label: Label::new("地区生产总值", "GDP"),
            unit: crate::units::Unit::one(),
            group: Group::Economy,
            base: Some(1.0),
            rule: Rule::growth(0.0),
            source: Label::default(),
            observed: Vec::new(),
            decimals: None,
        });
        let rule = Rule::GrowthAs {
            driver: "o".into(),
            elasticity: 0.8,
        };
        // "follows" holds the key's letter: the name goes where the driver is, not there.
        let en = rule_in_words(&scenario, &rule, Lang::En);
        assert!(en.starts_with("follows GDP, elasticity 0.8"), "{en}");
        assert!(rule_in_words(&scenario, &rule, Lang::Zh).starts_with("随地区生产总值"));
        // A driver the scenario lacks is named by its key.
        let unknown = rule_in_words(&crate::model::Scenario::empty(), &rule, Lang::En);
        assert!(unknown.starts_with("follows o, elasticity"), "{unknown}");
    }

    #[test]
    fn arguments_fill_in_order_in_each_language() {
        assert_eq!(
            Tr::FindingTargetMissed.fill(Lang::En, &[&2028, &"EI", &"0.159", &"tce", &"0.136"]),
            "The projection gives EI 0.159 tce in 2028, missing the target of 0.136 tce."
        );
        assert!(
            Tr::FindingTargetMissed
                .fill(Lang::Zh, &[&2028, &"EI", &"0.159", &"tce", &"0.136"])
                .starts_with("按本情景预测，2028 年EI为 0.159 tce")
        );
    }
}
