//! Each indicator: its number, its thresholds and values within what its unit allows, its
//! periods and years.

use std::collections::HashSet;

use super::*;

/// Why an indicator's value (a threshold or an observation) cannot be, if it cannot. In %, a
/// share (林草覆盖率) lies from 0 to 100, a fall (下降幅度) is at most 100 and a rise (提高幅度)
/// at least −100: 179 % or −3 % of forest cover is a typing error. A row the frame gives a share
/// and a fall at once (7: 优良天数比例、PM2.5浓度下降幅度) is held as a fall. Nor is a share, an
/// index (EI), an intensity (tce/万元) or a count ever below 0; only a change may be (a row whose
/// name says so, or a threshold on the change from the last assessment). The same rule as the
/// import of a table of values (`io::indicator_table`). The row linked to the computed EI takes
/// 0 to 100, the index's scale.
pub fn indicator_value_reason(indicator: &Indicator, value: f64, change: bool) -> Option<Reason> {
    use crate::model::ChangeKind;
    let percent = crate::model::is_percent_unit(&indicator.unit);
    let kind = if change {
        Some(ChangeKind::Either)
    } else {
        indicator.change_kind()
    };
    if !value.is_finite() {
        Some(Reason::Finite)
    } else if percent && kind == Some(ChangeKind::Fall) && value > 100.0 {
        // A fall takes at most the whole; a rise may pass it (提高 150 %).
        Some(Reason::PercentFall)
    } else if percent && kind == Some(ChangeKind::Rise) && value < -100.0 {
        Some(Reason::PercentChange)
    } else if percent && kind.is_none() && !(0.0..=100.0).contains(&value) {
        Some(Reason::PercentShare)
    } else if indicator.link == Some(crate::model::IndicatorLink::Ei)
        && !change
        && !(0.0..=100.0).contains(&value)
    {
        Some(Reason::EiRange)
    } else if value < 0.0 && kind.is_none() {
        Some(Reason::NonNegative)
    } else {
        None
    }
}

/// Each indicator: a number of its own, finite thresholds, values in years the workbench knows,
/// one value a year, one period per end year.
pub(super) fn indicator_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    use crate::model::IndicatorTarget;
    let item = "indicator";
    let mut numbers = HashSet::new();
    let years = MIN_BASE_YEAR..=MAX_HORIZON;
    for indicator in &scenario.indicators {
        let key = indicator.number.as_str();
        let threshold_errors =
            |field: &str, target: &IndicatorTarget, errors: &mut Vec<ModelError>| {
                if let Some(t) = target.threshold() {
                    let change = matches!(target, IndicatorTarget::ChangeAtLeast(_));
                    if let Some(reason) = indicator_value_reason(indicator, t, change) {
                        errors.push(ModelError::invalid_value(item, key, field, t, reason));
                    }
                }
            };
        if let Some(decimals) = indicator.decimals {
            push_decimals(item, key, decimals, errors);
        }
        if key.trim().is_empty() {
            errors.push(ModelError::EmptyKey {
                item,
                key: indicator.name.zh.clone(),
            });
        } else if !numbers.insert(key) {
            errors.push(ModelError::DuplicateKey {
                item,
                key: key.to_owned(),
            });
        }
        threshold_errors("target", &indicator.target, errors);
        let mut seen = HashSet::new();
        for period in &indicator.periods {
            threshold_errors(
                &format!("target until {}", period.until),
                &period.target,
                errors,
            );
            if !years.contains(&period.until) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "periods",
                    Reason::PeriodOutside {
                        until: period.until,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            } else if !seen.insert(period.until) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "periods",
                    Reason::PeriodTwice {
                        until: period.until,
                    },
                ));
            }
        }
        let mut seen = HashSet::new();
        for observation in &indicator.observed {
            let field = format!("value of {}", observation.year);
            if !years.contains(&observation.year) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "observed",
                    Reason::ObservedOutside {
                        year: observation.year,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            } else if !seen.insert(observation.year) {
                errors.push(ModelError::invalid(
                    item,
                    key,
                    "observed",
                    Reason::ObservedTwice {
                        year: observation.year,
                    },
                ));
            }
            if let Some(reason) = indicator_value_reason(indicator, observation.value, false) {
                errors.push(ModelError::invalid_value(
                    item,
                    key,
                    field,
                    observation.value,
                    reason,
                ));
            }
        }
    }
    for series in &scenario.series {
        let mut seen = HashSet::new();
        for observation in &series.observed {
            if !years.contains(&observation.year) || !seen.insert(observation.year) {
                errors.push(ModelError::invalid(
                    "series",
                    &series.key,
                    "observed",
                    Reason::ObservedOutside {
                        year: observation.year,
                        min: MIN_BASE_YEAR,
                        max: MAX_HORIZON,
                    },
                ));
            }
            if !observation.value.is_finite() {
                errors.push(ModelError::invalid_value(
                    "series",
                    &series.key,
                    format!("observed value of {}", observation.year),
                    observation.value,
                    Reason::Finite,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{ModelError, Reason, validate};
    use crate::model::Observation;

    /// The reason the plan gets, with one value of indicator `number` set so.
    fn refused(number: &str, value: f64) -> Option<Reason> {
        let mut plan = crate::plan::hanyang_plan();
        let indicator = plan
            .indicators
            .iter_mut()
            .find(|i| i.number == number)
            .unwrap();
        indicator.set_observed(Observation {
            year: 2021,
            value,
            source: String::new(),
        });
        validate(&plan).into_iter().find_map(|error| match error {
            ModelError::InvalidValue { key, reason, .. } if key == number => Some(reason),
            _ => None,
        })
    }

    #[test]
    fn each_kind_of_indicator_value_is_held_to_what_it_can_be() {
        // Good-air days: a share in %.
        assert_eq!(refused("7", 85.0), None);
        assert_eq!(refused("7", 179.0), Some(Reason::PercentFall));
        // Forest cover: a share, never below 0.
        assert_eq!(refused("11", -3.0), Some(Reason::PercentShare));
        // EI: an index; energy per GDP: an intensity.
        assert_eq!(refused("10", -3.0), Some(Reason::EiRange));
        assert_eq!(refused("10", 130.0), Some(Reason::EiRange));
        assert_eq!(refused("10", 100.0), None);
        assert_eq!(refused("20", -0.1), Some(Reason::NonNegative));
        // A rate of decrease may be negative (land per GDP rose), never above 100 %.
        assert_eq!(refused("22", -3.0), None);
        assert_eq!(refused("22", 130.0), Some(Reason::PercentFall));
        assert_eq!(refused("11", 130.0), Some(Reason::PercentShare));
    }
}
