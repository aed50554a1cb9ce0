use serde::{Deserialize, Serialize};

use super::Label;

/// One row of the indicator frame (`indicators.md`): national (numbered 1–40) or provincial.
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
    /// The district's value where the plan states one (EI 47.79, …).
    #[serde(default)]
    pub baseline: Option<f64>,
    pub target: IndicatorTarget,
    pub status: IndicatorStatus,
    #[serde(default)]
    pub difficulty: Difficulty,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorKind {
    /// 约束性
    Binding,
    /// 参考性
    Reference,
}

/// A target as a rule wherever it can be checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum IndicatorTarget {
    AtLeast(f64),
    AtMost(f64),
    Equal(f64),
    /// 保持稳定或持续改善: compared with the previous year.
    Improving,
    /// A yes/no task (制定实施, 建立, …), described in words.
    Task(Label),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndicatorStatus {
    Met,
    Pending,
    NotMet,
    /// The row does not apply to this district.
    NotAssessed,
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
