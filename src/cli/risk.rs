//! What the uncertainty command asks beyond its fans: the result whose drivers it ranks, and the
//! export of a run.

use std::path::Path;

use crate::i18n::{Lang, Tr};
use crate::model::Scenario;

use super::args::*;
use super::commands::*;

/// The result `--table importance` asks about: one `--series` or `--capacity`, and `--year`.
pub(super) fn importance_outcome(
    args: &UncertaintyArgs,
    lang: Lang,
) -> Result<crate::engine::importance::Outcome, Failure> {
    use crate::engine::importance::Outcome;
    let year = args
        .year
        .ok_or_else(|| Failure::input(Tr::ImportanceNeedsYear.get(lang)))?;
    match (args.fan_series.as_slice(), &args.capacity) {
        ([key], None) => Ok(Outcome::Series {
            key: key.clone(),
            year,
        }),
        ([], Some(pollutant)) => Ok(Outcome::Exceeded {
            pollutant: pollutant.clone(),
            year,
        }),
        _ => Err(Failure::input(Tr::ImportanceNeedsOne.get(lang))),
    }
}

/// `ecoplan export … OUT.xlsx --runs N`: the draws the workbook's Uncertainty sheet shows, with
/// the fans of the series compared with a capacity.
pub(super) fn export_uncertainty(
    scenario: &Scenario,
    runs: usize,
    seed: u64,
    out: &Path,
    lang: Lang,
) -> Result<crate::engine::uncertainty::UncertaintyResult, Failure> {
    use crate::engine::uncertainty::{MonteCarlo, Sampling, monte_carlo};
    let takes_runs = out.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "docx", "md"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    if !takes_runs {
        return Err(Failure::at(lang, out, Tr::RunsNeedWorkbook.get(lang)));
    }
    if scenario.uncertainty.is_empty() {
        return Err(Failure::input(Tr::RunsNothingUncertain.get(lang)));
    }
    let mut fans: Vec<String> = Vec::new();
    for capacity in &scenario.capacities {
        if !fans.contains(&capacity.series) {
            fans.push(capacity.series.clone());
        }
    }
    let never = std::sync::atomic::AtomicBool::new(false);
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let settings = MonteCarlo {
        runs,
        seed,
        sampling: Sampling::Random,
    };
    Ok(monte_carlo(scenario, settings, &fans, &progress, &never)
        .map_err(|error| Failure::input(error.in_lang(lang)))?
        .expect("an uncancelled run finishes"))
}
