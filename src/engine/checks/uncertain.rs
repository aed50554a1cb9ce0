//! Uncertain levers and their rank correlations: each distribution sound, each pair once, the
//! matrix a correlation matrix.

use std::collections::HashSet;

use super::*;

/// Each correlation: between two different uncertain levers, within −1 to 1, each pair once;
/// together a correlation matrix (positive semi-definite), or the draws cannot have them.
pub(super) fn correlation_errors(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = Vec::new();
    let mut pairs = HashSet::new();
    let refuse = |(a, b): &(String, String), field: &str, value: f64, reason| {
        ModelError::invalid_value("correlation", &format!("{a}, {b}"), field, value, reason)
    };
    for correlation in &scenario.correlations {
        let (a, b) = &correlation.between;
        let rho = correlation.rho;
        let uncertain = |key: &str| scenario.uncertainty.iter().any(|u| u.series == key);
        let error = if !(rho.is_finite() && (-1.0..=1.0).contains(&rho)) {
            Some(Reason::Correlation)
        } else if a == b {
            Some(Reason::CorrelationWithItself)
        } else if let Some(key) = [a, b].into_iter().find(|key| !uncertain(key)) {
            Some(Reason::CorrelationNotUncertain {
                series: key.clone(),
            })
        } else if !pairs.insert(if a < b { (a, b) } else { (b, a) }) {
            Some(Reason::CorrelationTwice)
        } else {
            None
        };
        if let Some(reason) = error {
            errors.push(refuse(&correlation.between, "rho", rho, reason));
        }
    }
    if errors.is_empty()
        && let Err(at) = crate::engine::correlate::cholesky(&correlation_matrix(scenario))
    {
        // Named by the first correlation of the lever at which the matrix fails.
        let lever = &scenario.uncertainty[at.row].series;
        if let Some(correlation) = scenario
            .correlations
            .iter()
            .find(|c| &c.between.0 == lever || &c.between.1 == lever)
        {
            errors.push(refuse(
                &correlation.between,
                "rho",
                correlation.rho,
                Reason::CorrelationsInconsistent,
            ));
        }
    }
    errors
}

/// The rank correlations between the uncertain levers, in the order of `uncertainty`: 1 on
/// the diagonal, 0 for a pair not given.
pub fn correlation_matrix(scenario: &Scenario) -> Vec<Vec<f64>> {
    let k = scenario.uncertainty.len();
    let index = |key: &str| scenario.uncertainty.iter().position(|u| u.series == key);
    let mut matrix = vec![vec![0.0; k]; k];
    for (i, row) in matrix.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for correlation in &scenario.correlations {
        if let (Some(i), Some(j)) = (index(&correlation.between.0), index(&correlation.between.1))
            && i != j
        {
            matrix[i][j] = correlation.rho;
            matrix[j][i] = correlation.rho;
        }
    }
    matrix
}

/// Each uncertain rate: its series exists and has a rate, its distribution is sound, and no
/// series is uncertain twice.
pub(super) fn uncertainty_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let position = series_positions(scenario);
    let mut uncertain_keys = HashSet::new();
    for item in &scenario.uncertainty {
        if !uncertain_keys.insert(item.series.as_str()) {
            errors.push(ModelError::DuplicateKey {
                item: "uncertain rate of series",
                key: item.series.clone(),
            });
        }
        if let Err(error) = check_uncertain(scenario, &position, item) {
            errors.push(error);
        }
    }
}

pub(crate) fn check_distribution(
    series: &str,
    distribution: &Distribution,
    elasticity: bool,
) -> Result<(), ModelError> {
    let invalid = |reason: Reason| {
        Err(ModelError::invalid(
            "uncertainty",
            series,
            "distribution",
            reason,
        ))
    };
    let (min, max) = match *distribution {
        Distribution::Uniform { min, max } => (min, max),
        Distribution::Triangular { min, mode, max } => {
            if !(min <= mode && mode <= max) {
                return invalid(Reason::ModeOutsideRange);
            }
            (min, max)
        }
        Distribution::Normal { mean, sd, min, max } => {
            if !(sd > 0.0 && sd.is_finite() && mean.is_finite()) {
                return invalid(Reason::NormalSpread);
            }
            (min, max)
        }
    };
    let ordered = min < max;
    if !ordered {
        return invalid(Reason::MinBelowMax);
    }
    if elasticity {
        // Elasticities are bounded as in the rule itself (validate.rs).
        if min.abs() > MAX_ELASTICITY || max.abs() > MAX_ELASTICITY {
            return invalid(Reason::Elasticity);
        }
        return Ok(());
    }
    check_rate("uncertainty", series, "min", min)?;
    check_rate("uncertainty", series, "max", max)
}

/// Checks an uncertain rate: its distribution, its series, and that the series has a rate.
/// Returns the series' index.
pub(crate) fn check_uncertain(
    scenario: &Scenario,
    position: &HashMap<&str, usize>,
    item: &crate::model::Uncertain,
) -> Result<usize, ModelError> {
    let index = position.get(item.series.as_str()).copied().ok_or_else(|| {
        ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::Uncertain,
            key: item.series.clone(),
        }
    })?;
    let elasticity = matches!(
        scenario.series[index].rule,
        crate::model::Rule::GrowthAs { .. }
    );
    check_distribution(&item.series, &item.distribution, elasticity)?;
    if crate::model::lever_value(&scenario.series[index].rule).is_none() {
        return Err(ModelError::invalid(
            "uncertainty",
            &item.series,
            "rule",
            Reason::StepHasNoRate,
        ));
    }
    Ok(index)
}
