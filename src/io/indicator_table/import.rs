//! The values read, set into the scenario (each remembering its cell), and the lines
//! `ecoplan import` prints.

use super::*;

/// The scenario with the imported values set, each remembering its cell.
pub fn with_values(scenario: &Scenario, values: &[ImportedValue]) -> Scenario {
    let mut changed = scenario.clone();
    for value in values {
        let observation = Observation {
            year: value.year,
            value: value.new,
            source: value.source.clone(),
        };
        match &value.target {
            ImportTarget::Indicator(index) => changed.indicators[*index].set_observed(observation),
            // The base year's value is the base value; every other year's an observed one.
            ImportTarget::Series(key) if value.year == scenario.base_year => {
                let series = changed.series_mut(key).expect("a series the import found");
                series.base = Some(value.new);
                // A series without a source (a new district's) gets where its base value came
                // from; a source the user wrote stays.
                if series.source.zh.trim().is_empty() && series.source.en.trim().is_empty() {
                    series.source = crate::model::Label {
                        zh: Tr::BaseFromStatistics.fill(Lang::Zh, &[&value.year, &value.source]),
                        en: Tr::BaseFromStatistics.fill(Lang::En, &[&value.year, &value.source]),
                    };
                }
            }
            ImportTarget::Series(key) => {
                let series = changed.series_mut(key).expect("a series the import found");
                series.observed.retain(|o| o.year != observation.year);
                let at = series
                    .observed
                    .partition_point(|o| o.year < observation.year);
                series.observed.insert(at, observation);
            }
        }
    }
    changed
}

/// The `number,year,old,new` lines `ecoplan import` prints.
pub fn changes_csv(values: &[ImportedValue]) -> String {
    let mut out = String::from("number,year,old,new\n");
    for v in values {
        out.push_str(&format!(
            "{},{},{},{}\n",
            field(&v.number),
            v.year,
            v.old.map_or_else(String::new, |o| o.to_string()),
            v.new
        ));
    }
    out
}
