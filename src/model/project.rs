use serde::{Deserialize, Serialize};

use super::Label;

/// A group of projects with the count and investment the plan states for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectGroup {
    pub key: String,
    pub name: Label,
    pub stated_count: u32,
    pub stated_investment_yi_yuan: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: Label,
    /// The key of its group, or empty when the plan does not say.
    #[serde(default)]
    pub group: String,
    /// Investment in 亿元, where known.
    #[serde(default)]
    pub investment_yi_yuan: Option<f64>,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub notes: super::Label,
}
