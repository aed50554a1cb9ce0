//! A series' rule fitted to its history (`docs/methods.md` §1, "近五年年均增长率", "2013—2021 年
//! 平均增速"): the average annual growth between two years, least-squares growth (log-linear),
//! a linear trend, an intensity against a driver with its trend, an elasticity to a driver
//! (log–log). Each fit says how well it fits: R², RMSE and the residuals of the years used.
//! The history of a series is its observed values and its base value.

use crate::model::{Rule, Scenario};

/// How a rule is fitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum FitMethod {
    /// The average annual growth between the two end years (复合年均增长率).
    Cagr,
    /// The growth of the least-squares line through ln v(t).
    LogLinear,
    /// The constant change per year of the least-squares line through v(t).
    Linear,
    /// v(t) / driver(t), its yearly change the least-squares growth of the ratio.
    Intensity,
    /// The slope of the least-squares line through (ln driver, ln v).
    Elasticity,
}

impl FitMethod {
    pub const ALL: &[FitMethod] = <FitMethod as strum::VariantArray>::VARIANTS;

    /// The name the command line takes and prints.
    pub fn key(self) -> &'static str {
        match self {
            FitMethod::Cagr => "cagr",
            FitMethod::LogLinear => "loglinear",
            FitMethod::Linear => "linear",
            FitMethod::Intensity => "intensity",
            FitMethod::Elasticity => "elasticity",
        }
    }

    pub fn from_key(key: &str) -> Option<FitMethod> {
        FitMethod::ALL.iter().copied().find(|m| m.key() == key)
    }

    pub fn needs_driver(self) -> bool {
        matches!(self, FitMethod::Intensity | FitMethod::Elasticity)
    }

    /// Whether R² and RMSE are on the log scale (else on the series' values).
    pub fn on_log_scale(self) -> bool {
        matches!(
            self,
            FitMethod::Cagr | FitMethod::LogLinear | FitMethod::Elasticity
        )
    }
}

/// A fitted rule and how well it fits.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub series: String,
    pub method: FitMethod,
    pub from: i32,
    pub to: i32,
    pub driver: Option<String>,
    /// The growth rate (cagr, loglinear), the change per year (linear), the intensity's yearly
    /// change (intensity) or the elasticity; rates as fractions.
    pub value: f64,
    /// The intensity in the base year (intensity), in the series' unit per the driver's.
    pub level: Option<f64>,
    pub r2: f64,
    pub rmse: f64,
    /// (year, observed − fitted) of every year used, on the scale R² is on.
    pub residuals: Vec<(i32, f64)>,
    /// (year, fitted value of the series) of every year used, for the chart.
    pub fitted: Vec<(i32, f64)>,
}

/// Why a rule cannot be fitted.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error("there is no series \"{0}\"")]
    UnknownSeries(String),
    #[error("there is no driver series \"{0}\"")]
    UnknownDriver(String),
    #[error("{from}–{to} is not a span of years: the first year must be before the last")]
    Span { from: i32, to: i32 },
    #[error("series \"{series}\"{} has {found} values in {from}–{to}; the fit needs {needed}", driver.as_ref().map_or_else(String::new, |d| format!(" with its driver \"{d}\"")))]
    TooFew {
        series: String,
        /// The driver whose values are needed in the same years (an elasticity's).
        driver: Option<String>,
        from: i32,
        to: i32,
        found: usize,
        needed: usize,
    },
    #[error("series \"{series}\" has no value in {year}, an end year of the average growth")]
    MissingEndYear { series: String, year: i32 },
    #[error("series \"{series}\" is {value} in {year}: growth and elasticity need values above 0")]
    NotPositive {
        series: String,
        year: i32,
        value: f64,
    },
    #[error("the method needs a driver (--driver KEY)")]
    NoDriver,
    #[error("series \"{series}\" cannot be its own driver")]
    OwnDriver { series: String },
    #[error("the driver \"{driver}\" does not change in {from}–{to}: nothing to fit against")]
    FlatDriver { driver: String, from: i32, to: i32 },
}

/// A series' history: its observed values and its base value, by year.
pub fn history(scenario: &Scenario, key: &str) -> Vec<(i32, f64)> {
    let Some(series) = scenario.series(key) else {
        return Vec::new();
    };
    let mut values: Vec<(i32, f64)> = series
        .observed
        .iter()
        .filter(|o| o.year != scenario.base_year)
        .map(|o| (o.year, o.value))
        .chain(series.base.map(|b| (scenario.base_year, b)))
        .filter(|(_, v)| v.is_finite())
        .collect();
    values.sort_by_key(|(y, _)| *y);
    values
}

/// The least-squares line y = a + b·x: (a, b).
fn least_squares(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let b = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (mean_y - b * mean_x, b)
}

/// R² and RMSE of observations against predictions.
fn goodness(observed: &[f64], predicted: &[f64]) -> (f64, f64) {
    let n = observed.len() as f64;
    let mean = observed.iter().sum::<f64>() / n;
    let ss_res: f64 = observed
        .iter()
        .zip(predicted)
        .map(|(o, p)| (o - p).powi(2))
        .sum();
    let ss_tot: f64 = observed.iter().map(|o| (o - mean).powi(2)).sum();
    // A flat history fitted exactly is a perfect fit; fitted inexactly, it explains nothing.
    let r2 = if ss_tot > 0.0 {
        1.0 - ss_res / ss_tot
    } else if ss_res <= f64::EPSILON * n {
        1.0
    } else {
        0.0
    };
    (r2, (ss_res / n).sqrt())
}

/// Fits `method` to the history of `key` from `from` to `to` (both included).
pub fn fit(
    scenario: &Scenario,
    key: &str,
    method: FitMethod,
    (from, to): (i32, i32),
    driver: Option<&str>,
) -> Result<Fit, FitError> {
    if scenario.series(key).is_none() {
        return Err(FitError::UnknownSeries(key.to_owned()));
    }
    if from >= to {
        return Err(FitError::Span { from, to });
    }
    if method.needs_driver() && driver.is_none() {
        return Err(FitError::NoDriver);
    }
    let points: Vec<(i32, f64)> = history(scenario, key)
        .into_iter()
        .filter(|(y, _)| (from..=to).contains(y))
        .collect();
    let needed = if method == FitMethod::Cagr { 2 } else { 3 };
    if points.len() < needed {
        return Err(FitError::TooFew {
            series: key.to_owned(),
            driver: None,
            from,
            to,
            found: points.len(),
            needed,
        });
    }
    let positive = |series: &str, values: &[(i32, f64)]| {
        values
            .iter()
            .find(|(_, v)| *v <= 0.0)
            .map_or(Ok(()), |&(year, value)| {
                Err(FitError::NotPositive {
                    series: series.to_owned(),
                    year,
                    value,
                })
            })
    };
    let years: Vec<f64> = points.iter().map(|(y, _)| f64::from(*y)).collect();
    let values: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
    let residuals = |observed: &[f64], predicted: &[f64]| {
        points
            .iter()
            .zip(observed.iter().zip(predicted))
            .map(|((y, _), (o, p))| (*y, o - p))
            .collect::<Vec<_>>()
    };
    let done = |value, level, observed: &[f64], predicted: &[f64], fitted: Vec<f64>, driver| {
        let (r2, rmse) = goodness(observed, predicted);
        Fit {
            series: key.to_owned(),
            method,
            from,
            to,
            driver,
            value,
            level,
            r2,
            rmse,
            residuals: residuals(observed, predicted),
            fitted: points.iter().map(|(y, _)| *y).zip(fitted).collect(),
        }
    };
    match method {
        FitMethod::Cagr => {
            positive(key, &points)?;
            let value_in = |year| {
                points
                    .iter()
                    .find(|(y, _)| *y == year)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| FitError::MissingEndYear {
                        series: key.to_owned(),
                        year,
                    })
            };
            let (first, last) = (value_in(from)?, value_in(to)?);
            let rate = libm::pow(last / first, 1.0 / f64::from(to - from)) - 1.0;
            // The constant-rate path through the end years, against every year between.
            let logs: Vec<f64> = values.iter().map(|v| v.ln()).collect();
            let path: Vec<f64> = years
                .iter()
                .map(|y| first.ln() + (y - f64::from(from)) * (1.0 + rate).ln())
                .collect();
            let fitted = path.iter().map(|l| l.exp()).collect();
            Ok(done(rate, None, &logs, &path, fitted, None))
        }
        FitMethod::LogLinear => {
            positive(key, &points)?;
            let logs: Vec<f64> = values.iter().map(|v| v.ln()).collect();
            let line: Vec<(f64, f64)> = years.iter().copied().zip(logs.iter().copied()).collect();
            let (a, b) = least_squares(&line);
            let predicted: Vec<f64> = years.iter().map(|y| a + b * y).collect();
            let fitted = predicted.iter().map(|l| l.exp()).collect();
            Ok(done(b.exp() - 1.0, None, &logs, &predicted, fitted, None))
        }
        FitMethod::Linear => {
            let line: Vec<(f64, f64)> = years.iter().copied().zip(values.iter().copied()).collect();
            let (a, b) = least_squares(&line);
            let predicted: Vec<f64> = years.iter().map(|y| a + b * y).collect();
            Ok(done(b, None, &values, &predicted, predicted.clone(), None))
        }
        FitMethod::Intensity | FitMethod::Elasticity => {
            let driver = driver.ok_or(FitError::NoDriver)?;
            if driver == key {
                return Err(FitError::OwnDriver {
                    series: key.to_owned(),
                });
            }
            if scenario.series(driver).is_none() {
                return Err(FitError::UnknownDriver(driver.to_owned()));
            }
            let driver_history = history(scenario, driver);
            // The years both have.
            let pairs: Vec<(i32, f64, f64)> = points
                .iter()
                .filter_map(|&(y, v)| {
                    driver_history
                        .iter()
                        .find(|(dy, _)| *dy == y)
                        .map(|&(_, d)| (y, v, d))
                })
                .collect();
            if pairs.len() < 3 {
                return Err(FitError::TooFew {
                    series: key.to_owned(),
                    driver: Some(driver.to_owned()),
                    from,
                    to,
                    found: pairs.len(),
                    needed: 3,
                });
            }
            let both: Vec<(i32, f64)> = pairs.iter().map(|&(y, v, _)| (y, v)).collect();
            let drivers: Vec<(i32, f64)> = pairs.iter().map(|&(y, _, d)| (y, d)).collect();
            positive(key, &both)?;
            positive(driver, &drivers)?;
            let driver_name = Some(driver.to_owned());
            let points_used: Vec<(i32, f64)> = both.clone();
            // Residuals and the chart over the years both series have.
            let rebuilt =
                |value, level, observed: Vec<f64>, predicted: Vec<f64>, fitted: Vec<f64>| {
                    let (r2, rmse) = goodness(&observed, &predicted);
                    Fit {
                        series: key.to_owned(),
                        method,
                        from,
                        to,
                        driver: driver_name.clone(),
                        value,
                        level,
                        r2,
                        rmse,
                        residuals: points_used
                            .iter()
                            .zip(observed.iter().zip(&predicted))
                            .map(|((y, _), (o, p))| (*y, o - p))
                            .collect(),
                        fitted: points_used.iter().map(|(y, _)| *y).zip(fitted).collect(),
                    }
                };
            if method == FitMethod::Elasticity {
                let line: Vec<(f64, f64)> =
                    pairs.iter().map(|&(_, v, d)| (d.ln(), v.ln())).collect();
                if line.iter().all(|p| (p.0 - line[0].0).abs() < 1e-12) {
                    return Err(FitError::FlatDriver {
                        driver: driver.to_owned(),
                        from,
                        to,
                    });
                }
                let (a, b) = least_squares(&line);
                let observed: Vec<f64> = line.iter().map(|p| p.1).collect();
                let predicted: Vec<f64> = line.iter().map(|p| a + b * p.0).collect();
                let fitted = predicted.iter().map(|l| l.exp()).collect();
                return Ok(rebuilt(b, None, observed, predicted, fitted));
            }
            // Intensity: its least-squares growth; its level the base year's actual intensity
            // where the base year has both values, else the trend's value there.
            let line: Vec<(f64, f64)> = pairs
                .iter()
                .map(|&(y, v, d)| (f64::from(y), (v / d).ln()))
                .collect();
            let (a, b) = least_squares(&line);
            let base = scenario.base_year;
            let level = pairs
                .iter()
                .find(|(y, _, _)| *y == base)
                .map_or_else(|| (a + b * f64::from(base)).exp(), |&(_, v, d)| v / d);
            let observed: Vec<f64> = pairs.iter().map(|&(_, v, _)| v).collect();
            let predicted: Vec<f64> = pairs
                .iter()
                .map(|&(y, _, d)| d * (a + b * f64::from(y)).exp())
                .collect();
            Ok(rebuilt(
                b.exp() - 1.0,
                Some(level),
                observed,
                predicted.clone(),
                predicted,
            ))
        }
    }
}

/// The rule a fit gives the series: growth for cagr and loglinear, a constant change per year
/// for linear, driver × intensity for intensity (in the series' unit per the driver's), an
/// elasticity for elasticity.
pub fn rule_of_fit(scenario: &Scenario, fit: &Fit) -> Option<Rule> {
    Some(match fit.method {
        FitMethod::Cagr | FitMethod::LogLinear => Rule::growth(fit.value),
        FitMethod::Linear => Rule::Linear {
            change_per_year: fit.value,
        },
        FitMethod::Intensity => {
            let driver = fit.driver.clone()?;
            let unit = scenario
                .series(&fit.series)?
                .unit
                .divide(&scenario.series(&driver)?.unit);
            Rule::Driven {
                driver,
                intensity: fit.level?,
                intensity_unit: unit,
                change: fit.value,
            }
        }
        FitMethod::Elasticity => Rule::GrowthAs {
            driver: fit.driver.clone()?,
            elasticity: fit.value,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    /// A scenario whose series `x` has the values given by year (the base year 2024's as its
    /// base value), and `d` likewise.
    fn with_history(x: &[(i32, f64)], d: &[(i32, f64)]) -> Scenario {
        let mut scenario = crate::plan::hanyang_plan();
        scenario.base_year = 2024;
        scenario.horizon = 2030;
        scenario.milestones = vec![2027, 2030];
        scenario.targets.clear();
        for (key, values) in [("cod", x), ("gdp", d)] {
            let series = scenario.series_mut(key).unwrap();
            series.observed = values
                .iter()
                .filter(|(y, _)| *y != 2024)
                .map(|&(year, value)| Observation {
                    year,
                    value,
                    source: String::new(),
                })
                .collect();
            series.base = values.iter().find(|(y, _)| *y == 2024).map(|(_, v)| *v);
        }
        scenario
    }

    #[test]
    fn the_average_growth_is_the_constant_rate_between_the_end_years() {
        // 100 in 2019 to 88.2 in 2024 by hand: (88.2 / 100)^(1/5) − 1 = −2.480 %.
        let x = [
            (2019, 100.0),
            (2020, 97.0),
            (2021, 95.5),
            (2022, 93.0),
            (2023, 90.1),
            (2024, 88.2),
        ];
        let scenario = with_history(&x, &[]);
        let fit = fit(&scenario, "cod", FitMethod::Cagr, (2019, 2024), None).unwrap();
        assert!((fit.value - (-0.024_800)).abs() < 1e-6, "{}", fit.value);
        assert!(fit.r2 > 0.98 && fit.r2 <= 1.0, "{}", fit.r2);
        assert_eq!(fit.residuals.len(), 6);
        // The end years lie on the path.
        assert!(fit.residuals[0].1.abs() < 1e-12 && fit.residuals[5].1.abs() < 1e-12);
        assert_eq!(rule_of_fit(&scenario, &fit), Some(Rule::growth(fit.value)));
    }

    #[test]
    fn a_history_that_grows_exactly_fits_exactly_by_every_growth_method() {
        let x: Vec<(i32, f64)> = (2019..=2024)
            .map(|y| (y, 50.0 * 1.06f64.powi(y - 2019)))
            .collect();
        let scenario = with_history(&x, &[]);
        for method in [FitMethod::Cagr, FitMethod::LogLinear] {
            let fit = fit(&scenario, "cod", method, (2019, 2024), None).unwrap();
            assert!(
                (fit.value - 0.06).abs() < 1e-12,
                "{method:?}: {}",
                fit.value
            );
            assert!((fit.r2 - 1.0).abs() < 1e-9 && fit.rmse < 1e-9, "{method:?}");
        }
    }

    #[test]
    fn a_linear_trend_is_the_least_squares_slope_by_hand() {
        // y = 10, 12, 13, 17 over 2021–2024: x̄ = 2022.5, ȳ = 13, Sxy = 1.5·3 + 0.5·1 + 0.5·0 +
        // 1.5·4 = 11… by hand: (−1.5)(−3) + (−0.5)(−1) + (0.5)(0) + (1.5)(4) = 11, Sxx = 5: 2.2.
        let x = [(2021, 10.0), (2022, 12.0), (2023, 13.0), (2024, 17.0)];
        let scenario = with_history(&x, &[]);
        let fit = fit(&scenario, "cod", FitMethod::Linear, (2021, 2024), None).unwrap();
        assert!((fit.value - 2.2).abs() < 1e-12);
        // Residuals 10 − 9.7, 12 − 11.9, 13 − 14.1, 17 − 16.3 → SSres 0.09 + 0.01 + 1.21 + 0.49.
        assert!((fit.rmse - (1.8f64 / 4.0).sqrt()).abs() < 1e-12);
        assert!((fit.r2 - (1.0 - 1.8 / 26.0)).abs() < 1e-12);
    }

    #[test]
    fn an_intensity_and_an_elasticity_are_measured_against_the_driver() {
        // COD per GDP falls 3 % a year from 2.0 in 2020: COD = GDP × 2 × 0.97^(t − 2020).
        let gdp: Vec<(i32, f64)> = (2020..=2024)
            .map(|y| (y, 500.0 * 1.07f64.powi(y - 2020)))
            .collect();
        let cod: Vec<(i32, f64)> = gdp
            .iter()
            .map(|&(y, g)| (y, g * 2.0 * 0.97f64.powi(y - 2020)))
            .collect();
        let scenario = with_history(&cod, &gdp);
        let fit = fit(
            &scenario,
            "cod",
            FitMethod::Intensity,
            (2020, 2024),
            Some("gdp"),
        )
        .unwrap();
        assert!((fit.value - (-0.03)).abs() < 1e-12);
        assert!((fit.level.unwrap() - 2.0 * 0.97f64.powi(4)).abs() < 1e-12);
        assert!(fit.rmse < 1e-9);
        // Elasticity: ln COD = ln 2 + ln GDP + (t − 2020) ln 0.97, and ln GDP grows by ln 1.07 a
        // year, so the slope is 1 + ln 0.97 / ln 1.07.
        let fit = fit_elasticity(&scenario);
        let expected = 1.0 + 0.97f64.ln() / 1.07f64.ln();
        assert!((fit.value - expected).abs() < 1e-9, "{}", fit.value);
        match rule_of_fit(&scenario, &fit) {
            Some(Rule::GrowthAs { driver, elasticity }) => {
                assert_eq!((driver.as_str(), elasticity), ("gdp", fit.value));
            }
            other => panic!("{other:?}"),
        }
    }

    fn fit_elasticity(scenario: &Scenario) -> Fit {
        fit(
            scenario,
            "cod",
            FitMethod::Elasticity,
            (2020, 2024),
            Some("gdp"),
        )
        .unwrap()
    }

    #[test]
    fn a_fit_that_cannot_be_made_says_why() {
        let scenario = with_history(&[(2023, 1.0), (2024, 0.0)], &[(2023, 1.0), (2024, 1.0)]);
        assert!(matches!(
            fit(&scenario, "cod", FitMethod::LogLinear, (2019, 2024), None),
            Err(FitError::TooFew { found: 2, .. })
        ));
        assert!(matches!(
            fit(&scenario, "cod", FitMethod::Cagr, (2023, 2024), None),
            Err(FitError::NotPositive { year: 2024, .. })
        ));
        assert!(matches!(
            fit(&scenario, "cod", FitMethod::Cagr, (2024, 2019), None),
            Err(FitError::Span { .. })
        ));
        assert!(matches!(
            fit(&scenario, "cod", FitMethod::Intensity, (2019, 2024), None),
            Err(FitError::NoDriver)
        ));
        // The series that is not there, and the driver that is not, each named as what it is.
        let longer = with_history(
            &[(2021, 1.0), (2022, 1.1), (2023, 1.2), (2024, 1.3)],
            &[(2021, 1.0), (2022, 1.1), (2023, 1.2), (2024, 1.3)],
        );
        assert!(matches!(
            fit(&longer, "cod", FitMethod::Elasticity, (2021, 2024), Some("nope")),
            Err(FitError::UnknownDriver(key)) if key == "nope"
        ));
        assert!(matches!(
            fit(&scenario, "nope", FitMethod::Linear, (2019, 2024), None),
            Err(FitError::UnknownSeries(_))
        ));
    }
}
