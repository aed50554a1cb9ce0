use serde::{Deserialize, Serialize};

use super::{Label, Metric};

/// One row of the indicator frame (`docs/indicators.md`): national (numbered 1–40) or provincial.
/// Its statuses are never stored: `engine::indicators` computes them from the values, the rule
/// and the link. Only what a value cannot say is typed: a task's progress, and the status a
/// plan states for a row it gives no value for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// "1" … "40" for the national frame, "P1", "P2" for provincial ones.
    pub number: String,
    pub system: Label,
    pub name: Label,
    pub unit: String,
    pub kind: IndicatorKind,
    /// Whether the row is assessed for this district.
    pub applies: bool,
    /// Values observed or reported, by year (EI 47.79 in 2021; good-air days 85.9 % in 2020).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<Observation>,
    /// The rule for every year no period below covers.
    pub target: IndicatorTarget,
    /// Rules that differ by milestone (the creation period to 2025, the improvement period to
    /// 2028): a period's rule holds from the year after the previous period's end up to `until`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<PeriodTarget>,
    /// Where a projected or computed value comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<IndicatorLink>,
    /// The status a plan states for the row where it gives no value (indicators 3 and 11 of the
    /// Hanyang plan). Shown as stated until a value replaces it; where a computed status
    /// disagrees, the disagreement is a finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<StatedStatus>,
    /// Progress of a task (rule `Task`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskProgress>,
    #[serde(default)]
    pub difficulty: Difficulty,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub notes: Label,
    /// Decimals shown wherever its values are (`None`: five significant digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorKind {
    /// 约束性
    Binding,
    /// 参考性
    Reference,
}

/// A value of an indicator in one year, with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub year: i32,
    pub value: f64,
    /// A plan line, a statistical yearbook, or the workbook cell it was imported from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A target as a rule wherever it can be checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum IndicatorTarget {
    AtLeast(f64),
    AtMost(f64),
    Equal(f64),
    /// 保持稳定或持续改善: compared with the previous year, in the direction that is better.
    Improving(Better),
    /// ≥ x 或持续提高: at least the threshold, or higher than the previous year (the frame's
    /// rows for a place still below the national level).
    AtLeastOrRising(f64),
    /// ≤ x 或持续下降: at most the threshold, or lower than the previous year.
    AtMostOrFalling(f64),
    /// The change from the previous assessment at least this (the 2024 frame's ΔEQI > −1).
    ChangeAtLeast(f64),
    /// A yes/no task (制定实施, 建立, …), described in words; its progress is typed.
    Task(Label),
}

/// Which way an indicator improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    /// Shares, rates, EI.
    Higher,
    /// Intensities: energy or water per unit of GDP.
    Lower,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodTarget {
    /// The last year of the period, normally a milestone.
    pub until: i32,
    pub target: IndicatorTarget,
}

/// Where an indicator's projected or computed value comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum IndicatorLink {
    /// A projected series or the ratio of two (energy ÷ GDP), converted to the indicator's unit
    /// where the units allow.
    Metric(Metric),
    /// The EI calculator's result (`methods.ei`), for the base year.
    Ei,
}

/// A status as a plan states it, without a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatedStatus {
    Met,
    Pending,
    NotMet,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    pub state: TaskState,
    /// When the state was reached or reported, as the user writes it (2022-06, 2022年6月).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskState {
    Done,
    InProgress,
    NotStarted,
}

impl TaskState {
    /// A task's state as a plan states it: met is done, pending in progress, not met not
    /// started.
    pub fn from_stated(stated: StatedStatus) -> TaskState {
        match stated {
            StatedStatus::Met => TaskState::Done,
            StatedStatus::Pending => TaskState::InProgress,
            StatedStatus::NotMet => TaskState::NotStarted,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    /// Neither singled out as easy nor as hard.
    #[default]
    Normal,
    /// 易达标
    Easy,
    /// 难达标
    Hard,
}

impl IndicatorTarget {
    /// The threshold a rule compares with, where it has one.
    pub fn threshold(&self) -> Option<f64> {
        match *self {
            IndicatorTarget::AtLeast(t)
            | IndicatorTarget::AtMost(t)
            | IndicatorTarget::Equal(t)
            | IndicatorTarget::AtLeastOrRising(t)
            | IndicatorTarget::AtMostOrFalling(t)
            | IndicatorTarget::ChangeAtLeast(t) => Some(t),
            IndicatorTarget::Improving(_) | IndicatorTarget::Task(_) => None,
        }
    }
}

/// The change an indicator's name says it measures (`Indicator::change_kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A fall or a reduction: in %, at most 100.
    Fall,
    /// A rise or a growth: in %, at least −100.
    Rise,
    /// A change either way.
    Either,
}

/// Whether a unit is the percent sign (half- or full-width).
pub fn is_percent_unit(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％")
}

impl Indicator {
    /// Whether the name says the row measures a change (下降率, 提高幅度, ΔEQI, a reduction),
    /// whose value may fall below 0 where a share's, an intensity's or a count's may not.
    pub fn measures_change(&self) -> bool {
        self.change_kind().is_some()
    }

    /// Which change the name says the row measures, if any: a fall (下降率, a reduction: at most
    /// the whole, 100 %), a rise (提高幅度, growth: at least −100 %), or either (变化, Δ). In
    /// Chinese by the words of the frames, in English by whole words ("rise", not the "rise" in
    /// "enterprise"). A fall and a rise named together read as either.
    pub fn change_kind(&self) -> Option<ChangeKind> {
        const FALL_ZH: [&str; 6] = ["下降", "降低", "减少", "削减", "降幅", "减排"];
        const RISE_ZH: [&str; 5] = ["提高", "增长", "增加", "上升", "增幅"];
        const EITHER_ZH: [&str; 2] = ["变化", "Δ"];
        const FALL_EN: [&str; 8] = [
            "reduction",
            "reductions",
            "decrease",
            "decreases",
            "decline",
            "declines",
            "fall",
            "falls",
        ];
        const RISE_EN: [&str; 6] = ["increase", "increases", "rise", "rises", "growth", "gain"];
        const EITHER_EN: [&str; 2] = ["change", "changes"];
        let zh = &self.name.zh;
        let en = self.name.en.to_lowercase();
        let words: Vec<&str> = en.split(|c: char| !c.is_alphanumeric()).collect();
        let said = |zh_words: &[&str], en_words: &[&str]| {
            zh_words.iter().any(|w| zh.contains(w)) || words.iter().any(|w| en_words.contains(w))
        };
        let (fall, rise) = (said(&FALL_ZH, &FALL_EN), said(&RISE_ZH, &RISE_EN));
        match (fall, rise) {
            (true, false) => Some(ChangeKind::Fall),
            (false, true) => Some(ChangeKind::Rise),
            (true, true) => Some(ChangeKind::Either),
            (false, false) => said(&EITHER_ZH, &EITHER_EN).then_some(ChangeKind::Either),
        }
    }

    /// The rule that holds in `year`: the first period ending in or after it, else the general
    /// target.
    pub fn target_in(&self, year: i32) -> &IndicatorTarget {
        self.periods
            .iter()
            .filter(|p| p.until >= year)
            .min_by_key(|p| p.until)
            .map_or(&self.target, |p| &p.target)
    }

    /// The observed value of `year`, if there is one.
    pub fn observed_in(&self, year: i32) -> Option<&Observation> {
        self.observed.iter().find(|o| o.year == year)
    }

    /// Sets the value of `year` (replacing one there), keeping the values in year order.
    pub fn set_observed(&mut self, observation: Observation) {
        self.observed.retain(|o| o.year != observation.year);
        let at = self.observed.partition_point(|o| o.year < observation.year);
        self.observed.insert(at, observation);
    }
}

#[cfg(test)]
mod change_words {
    use super::{ChangeKind, Indicator};

    fn kind(zh: &str, en: &str) -> Option<ChangeKind> {
        let mut indicator: Indicator = crate::plan::hanyang_plan()
            .indicators
            .into_iter()
            .next()
            .unwrap();
        indicator.name = crate::model::Label::new(zh, en);
        indicator.change_kind()
    }

    #[test]
    fn a_change_is_told_by_the_names_words_not_by_letters_inside_other_words() {
        assert_eq!(
            kind("单位GDP能耗降低", "Energy intensity reduction"),
            Some(ChangeKind::Fall)
        );
        assert_eq!(
            kind("森林蓄积量增长", "Growth of forest stock"),
            Some(ChangeKind::Rise)
        );
        assert_eq!(
            kind("生态环境状况指数变化", "Change of the EI"),
            Some(ChangeKind::Either)
        );
        // A row naming a rise and a fall (the frame's row 8) reads as either.
        assert_eq!(
            kind(
                "水质达到或优于Ⅲ类比例提高幅度、劣Ⅴ类比例下降幅度",
                "Water quality"
            ),
            Some(ChangeKind::Either)
        );
        // Shares whose English holds "rise", "fall", "change" inside a word are shares.
        assert_eq!(
            kind("重点企业达标比例", "Share of compliant enterprises"),
            None
        );
        assert_eq!(kind("降雨", "Rainfall"), None);
        assert_eq!(kind("外汇", "Exchange"), None);
    }
}
