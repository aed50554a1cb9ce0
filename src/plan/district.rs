//! A new district from the national frame: the rows that apply to its kind of place, and the
//! series the projection needs, all without values until the user enters them.

use super::frame::{Frame, Place, PlaceKind, national_frame};
use super::indicators::link_to_scenario;
use crate::i18n::{Lang, Tr};
use crate::model::{
    FORMAT_VERSION, Label, MAX_HORIZON, MIN_BASE_YEAR, Metadata, Methods, Period, Rule, Scenario,
    Series,
};

/// The years from the base year to the two milestones of a demonstration-zone plan when none
/// are given: the creation period (创建期) and the improvement period (提升期), as the Hanyang
/// plan has them (2021 → 2025 → 2028).
const CREATION_YEARS: i32 = 4;
const IMPROVEMENT_YEARS: i32 = 7;

/// What a new plan is for: File → New district and `ecoplan new` both fill this in.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPlan {
    pub name: String,
    pub region: String,
    pub place: Place,
    pub base_year: i32,
    /// The last year projected; the last milestone when `None`.
    pub horizon: Option<i32>,
    /// The plan's milestones; base + 4 and base + 7 when empty.
    pub milestones: Vec<i32>,
    /// The name of the period ending at each milestone, in the order of `milestones` (an empty
    /// name leaves a period unnamed). With the default milestones: 创建期 and 提升期.
    pub period_names: Vec<String>,
    /// The language of the new file's notes.
    pub lang: Lang,
    /// The indicator frame: the national one when `None`, else one the user brought
    /// (`io::frame_table`), whose rows are linked to no series until the user links them.
    pub frame: Option<Frame>,
}

/// Why a new plan's years cannot be used, with the values to name.
#[derive(Clone, Debug, PartialEq)]
pub enum NewPlanError {
    BaseYear(i32),
    /// A milestone not after the base year.
    MilestoneBeforeBase(i32),
    /// A milestone past the horizon.
    MilestonePastHorizon {
        milestone: i32,
        horizon: i32,
    },
    MilestoneTwice(i32),
    /// Period names given, but not one per milestone.
    PeriodCount {
        names: usize,
        milestones: usize,
    },
    /// The horizon not after the base year or past 2060.
    Horizon(i32),
}

impl NewPlanError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NewPlanError::BaseYear(year) => {
                Tr::BaseYearOutside.fill(lang, &[year, &MIN_BASE_YEAR, &(MAX_HORIZON - 1)])
            }
            NewPlanError::MilestoneBeforeBase(year) => {
                Tr::MilestoneNotAfterBase.fill(lang, &[year])
            }
            NewPlanError::MilestonePastHorizon { milestone, horizon } => {
                Tr::MilestonePastHorizon.fill(lang, &[milestone, horizon])
            }
            NewPlanError::MilestoneTwice(year) => Tr::MilestoneTwice.fill(lang, &[year]),
            NewPlanError::PeriodCount { names, milestones } => {
                Tr::PeriodCountMismatch.fill(lang, &[names, milestones])
            }
            NewPlanError::Horizon(year) => Tr::HorizonOutside.fill(lang, &[year, &MAX_HORIZON]),
        }
    }
}

impl NewPlan {
    /// A plan of a district with the default milestones.
    pub fn district(name: &str, base_year: i32, lang: Lang) -> NewPlan {
        NewPlan {
            name: name.to_owned(),
            region: name.to_owned(),
            place: Place {
                kind: PlaceKind::District,
                coastal: false,
            },
            base_year,
            horizon: None,
            milestones: Vec::new(),
            period_names: Vec::new(),
            lang,
            frame: None,
        }
    }

    /// The milestones, horizon and named periods, or why they do not fit together.
    pub fn years(&self) -> Result<(Vec<i32>, i32, Vec<Period>), NewPlanError> {
        let base = self.base_year;
        if !(MIN_BASE_YEAR..MAX_HORIZON).contains(&base) {
            return Err(NewPlanError::BaseYear(base));
        }
        // A name given is the same in both languages; the default names are each language's.
        let given = |names: &[String]| names.iter().map(|n| Label::same(n.trim())).collect();
        let (milestones, names): (Vec<i32>, Vec<Label>) = if self.milestones.is_empty() {
            // The plan's last milestone is its horizon where one is given.
            let last = self
                .horizon
                .unwrap_or(base + IMPROVEMENT_YEARS)
                .min(MAX_HORIZON);
            let default: Vec<i32> = [base + CREATION_YEARS, last]
                .into_iter()
                .filter(|&y| y > base && y <= last)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let names = if self.period_names.is_empty() && default.len() == 2 {
                [Tr::CreationPeriod, Tr::ImprovementPeriod]
                    .map(|name| {
                        let (zh, en) = name.both();
                        Label::new(zh, en)
                    })
                    .to_vec()
            } else {
                given(&self.period_names)
            };
            (default, names)
        } else {
            (self.milestones.clone(), given(&self.period_names))
        };
        if !names.is_empty() && names.len() != milestones.len() {
            return Err(NewPlanError::PeriodCount {
                names: names.len(),
                milestones: milestones.len(),
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for &year in &milestones {
            if year <= base {
                return Err(NewPlanError::MilestoneBeforeBase(year));
            }
            if !seen.insert(year) {
                return Err(NewPlanError::MilestoneTwice(year));
            }
        }
        let horizon = self
            .horizon
            .or_else(|| seen.last().copied())
            .unwrap_or(base + IMPROVEMENT_YEARS);
        if horizon <= base || horizon > MAX_HORIZON {
            return Err(NewPlanError::Horizon(horizon));
        }
        if let Some(&milestone) = seen.iter().find(|&&y| y > horizon) {
            return Err(NewPlanError::MilestonePastHorizon { milestone, horizon });
        }
        let periods = milestones
            .iter()
            .zip(&names)
            .filter(|(_, name)| !name.zh.is_empty() || !name.en.is_empty())
            .map(|(&until, name)| Period {
                until,
                name: name.clone(),
            })
            .collect();
        Ok((seen.into_iter().collect(), horizon, periods))
    }
}

/// A scenario for a new place: no base values, growth rates of 0 until the user sets them.
pub fn new_district(plan: &NewPlan) -> Result<Scenario, NewPlanError> {
    let (milestones, horizon, periods) = plan.years()?;
    let place = plan.place;
    let lang = plan.lang;
    // The national frame's numbers are known, and so are the series its rows are computed
    // from; a frame the user brings numbers its rows its own way.
    let national = plan.frame.is_none();
    let frame = plan.frame.as_ref().unwrap_or_else(|| national_frame());
    let indicators = frame
        .rows
        .iter()
        .map(|row| {
            let mut indicator = row.indicator(place, &frame.source);
            if indicator.applies && national {
                link_to_scenario(&mut indicator);
            }
            indicator
        })
        .collect();
    // The series of the built-in plan, as a structure: keys, names, units and groups, which the
    // indicators' links and the capacities a user adds refer to. No source yet: the user writes
    // where the numbers come from (an import writes its cells), and the chapter says nothing
    // it does not know.
    let series = super::hanyang_plan()
        .series
        .into_iter()
        .map(|s| Series {
            base: None,
            rule: Rule::growth(0.0),
            source: Label::default(),
            observed: Vec::new(),
            ..s
        })
        .collect();
    let kind = match place.kind {
        PlaceKind::District => Tr::KindDistrict,
        PlaceKind::County => Tr::KindCounty,
        PlaceKind::City => Tr::KindCity,
    };
    let name = plan.name.trim();
    // The note in both languages, whichever the user reads.
    let note = |lang: Lang| {
        Tr::NewPlanNotes.fill(
            lang,
            &[
                &kind.get(lang),
                &if place.coastal {
                    Tr::CoastalSuffix.get(lang)
                } else {
                    ""
                },
                &lang.label(&frame.source),
            ],
        )
    };
    let notes = Label {
        zh: note(Lang::Zh),
        en: note(Lang::En),
    };
    Ok(Scenario {
        format_version: FORMAT_VERSION,
        metadata: Metadata {
            name: if name.is_empty() {
                Tr::NewPlanName.get(lang).to_owned()
            } else {
                name.to_owned()
            },
            region: plan.region.trim().to_owned(),
            author: String::new(),
            notes,
        },
        base_year: plan.base_year,
        horizon,
        milestones,
        periods,
        series,
        capacities: Vec::new(),
        targets: Vec::new(),
        indicators,
        project_groups: Vec::new(),
        projects: Vec::new(),
        methods: Methods::default(),
        uncertainty: Vec::new(),
        correlations: Vec::new(),
        chapter: Default::default(),
    })
}
