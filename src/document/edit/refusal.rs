//! Why an edit is refused: the item it names is not there, or the change would leave the scenario inconsistent.

use super::*;

/// Why an edit cannot be made on the scenario as it is (the scenario it would give is checked
/// after, by the engine). Data, worded in either language by `in_lang`.
#[derive(Clone, Debug, PartialEq)]
pub enum EditRefusal {
    NoSeries(String),
    NoCapacity(String),
    NoTarget(String),
    NoIndicatorRow(usize),
    NoProjectRow(usize),
    SeriesExists(String),
    SeriesInUse {
        series: String,
        uses: Vec<crate::model::references::SeriesUse>,
    },
    HorizonBeforeMilestone {
        horizon: i32,
        milestone: i32,
    },
    MilestoneTwice,
    MilestoneAfterHorizon {
        milestone: i32,
        horizon: i32,
    },
}

impl EditRefusal {
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            EditRefusal::NoSeries(key) => Tr::RefuseNoSeries.fill(lang, &[key]),
            EditRefusal::NoCapacity(key) => Tr::RefuseNoCapacity.fill(lang, &[key]),
            EditRefusal::NoTarget(key) => Tr::RefuseNoTarget.fill(lang, &[key]),
            EditRefusal::NoIndicatorRow(row) => Tr::RefuseNoIndicatorRow.fill(lang, &[row]),
            EditRefusal::NoProjectRow(row) => Tr::RefuseNoProjectRow.fill(lang, &[row]),
            EditRefusal::SeriesExists(key) => Tr::RefuseSeriesExists.fill(lang, &[key]),
            EditRefusal::SeriesInUse { series, uses } => {
                let places: Vec<String> = uses
                    .iter()
                    .map(|u| crate::refusals::use_name(u, lang))
                    .collect();
                Tr::RefuseSeriesInUse
                    .fill(lang, &[series, &places.join(Tr::ListSeparator.get(lang))])
            }
            EditRefusal::HorizonBeforeMilestone { horizon, milestone } => {
                Tr::RefuseHorizonBeforeMilestone.fill(lang, &[horizon, milestone])
            }
            EditRefusal::MilestoneTwice => Tr::RefuseMilestoneTwice.get(lang).to_owned(),
            EditRefusal::MilestoneAfterHorizon { milestone, horizon } => {
                Tr::RefuseMilestoneAfterHorizon.fill(lang, &[milestone, horizon])
            }
        }
    }
}

impl std::fmt::Display for EditRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}
