//! A new district from the national frame: the rows that apply to its kind of place, and the
//! series the projection needs, all without values until the user enters them.

use super::frame::{Place, PlaceKind, national_frame};
use super::indicators::link_to_scenario;
use crate::model::{FORMAT_VERSION, Label, Metadata, Methods, Rule, Scenario, Series};

/// The years from the base year to the two milestones of a demonstration-zone plan: the
/// creation period (创建期) and the improvement period (提升期), as the Hanyang plan has them
/// (2021 → 2025 → 2028).
const CREATION_YEARS: i32 = 4;
const IMPROVEMENT_YEARS: i32 = 7;

/// A scenario for a new place: no base values, growth rates of 0 until the user sets them.
pub fn new_district(name: Option<&str>, base_year: i32, place: Place) -> Scenario {
    let frame = national_frame();
    let indicators = frame
        .rows
        .iter()
        .map(|row| {
            let mut indicator = row.indicator(place, &frame.source);
            if indicator.applies {
                link_to_scenario(&mut indicator);
            }
            indicator
        })
        .collect();
    // The series of the built-in plan, as a structure: keys, names, units and groups, which the
    // indicators' links and the capacities a user adds refer to.
    let series = super::hanyang_plan()
        .series
        .into_iter()
        .map(|s| Series {
            base: None,
            rule: Rule::growth(0.0),
            source: Label::new(
                "待录入基准年数值与增长率",
                "enter the base-year value and the growth",
            ),
            observed: Vec::new(),
            ..s
        })
        .collect();
    let kind = match place.kind {
        PlaceKind::District => "district (区)",
        PlaceKind::County => "county (县)",
        PlaceKind::City => "city (市)",
    };
    let horizon = (base_year + IMPROVEMENT_YEARS).min(crate::model::MAX_HORIZON);
    Scenario {
        format_version: FORMAT_VERSION,
        metadata: Metadata {
            name: name.unwrap_or("新建示范区规划 New plan").to_owned(),
            region: name.unwrap_or_default().to_owned(),
            author: String::new(),
            notes: format!(
                "A new {kind}{} from the national frame ({}): enter the base values, the rates, the capacities and the indicator values.",
                if place.coastal { ", coastal" } else { "" },
                frame.source.en
            ),
        },
        base_year,
        horizon,
        milestones: [base_year + CREATION_YEARS, horizon]
            .into_iter()
            .filter(|&y| y > base_year && y <= horizon)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        series,
        capacities: Vec::new(),
        targets: Vec::new(),
        indicators,
        project_groups: Vec::new(),
        projects: Vec::new(),
        methods: Methods::default(),
        uncertainty: Vec::new(),
    }
}
