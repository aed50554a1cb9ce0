/// The base-year value and constant annual rate of a growth path through two published points:
/// how the built-in scenario turns the plan's 2025 and 2028 figures into a 2021 baseline and a
/// rule where the plan prints no 2021 value (`docs/plan-figures.md`, "Only GDP and population have
/// stated 2021 values").
///
/// The powers come from `libm`, a software implementation: the built-in scenario is written to
/// files that people diff and send each other, so its calibrated values must be the same bits
/// from a debug or a release build on any machine. `f64::powf` and `powi` are compiler
/// intrinsics that the optimiser folds or expands differently by build (the release build gave
/// other last digits for three calibrated bases).
pub fn growth_through(base_year: i32, first: (i32, f64), second: (i32, f64)) -> (f64, f64) {
    let (year1, value1) = first;
    let (year2, value2) = second;
    let rate = libm::pow(value2 / value1, 1.0 / f64::from(year2 - year1)) - 1.0;
    let base = value1 / libm::pow(1.0 + rate, f64::from(year1 - base_year));
    (base, rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_path() {
        let (base, rate) = growth_through(
            2021,
            (2025, 100.0 * 1.05f64.powi(4)),
            (2028, 100.0 * 1.05f64.powi(7)),
        );
        assert!((base - 100.0).abs() < 1e-9);
        assert!((rate - 0.05).abs() < 1e-12);
    }
}
