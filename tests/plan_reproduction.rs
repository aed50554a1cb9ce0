//! The built-in scenario reproduces the Hanyang plan's printed figures (docs/plan-figures.md).

use ecoplan::engine::indicators::{Basis, Status};
use ecoplan::engine::{CapacityStatus, Finding, analyse, project_totals};
use ecoplan::model::{Medium, StatedStatus};
use ecoplan::plan::{figures as f, hanyang_plan};

#[test]
fn projection_table_matches_the_plan_to_the_printed_digit() {
    let scenario = hanyang_plan();
    let analysis = analyse(&scenario).unwrap();
    // | series | 2025 | 2028 | as printed on lines 260–298.
    for figure in f::PROJECTIONS {
        let projected = analysis.projection.get(figure.key).unwrap();
        assert_eq!(projected.unit.symbol(), figure.unit, "{}", figure.key);
        for (year, printed) in [(f::MID_TERM, figure.mid_term), (f::END_YEAR, figure.end)] {
            let value = projected.at(scenario.base_year, year).unwrap();
            assert!(
                (value - printed).abs() <= figure.tolerance() + 1e-9,
                "{} {year}: projected {value}, plan prints {printed} (line {})",
                figure.key,
                figure.line
            );
        }
    }
}

#[test]
fn gdp_and_population_start_from_the_stated_2021_values() {
    let analysis = analyse(&hanyang_plan()).unwrap();
    assert_eq!(analysis.projection.value("gdp", 2021), Some(792.86));
    assert_eq!(analysis.projection.value("population", 2021), Some(90.0));
    // Population 2025 is the known rounding case: 90 × 1.05⁴ = 109.3956 against 109.39 printed.
    let population_2025 = analysis.projection.value("population", 2025).unwrap();
    assert!((population_2025 - 109.3956).abs() < 1e-4);
}

#[test]
fn capacities_as_in_the_plan() {
    let analysis = analyse(&hanyang_plan()).unwrap();
    let cap = |p: &str| {
        analysis
            .capacities
            .iter()
            .find(|c| c.pollutant == p)
            .unwrap()
    };
    let no2 = cap("NO2");
    assert_eq!(no2.medium, Medium::Air);
    let no2_2028 = no2.at(2028).unwrap();
    assert_eq!(no2_2028.capacity, 0.0);
    assert_eq!(no2_2028.utilisation, None);
    assert_eq!(no2_2028.status, CapacityStatus::Saturated);
    // 2.060 万 t/a = 20 600 t/a against 8.02 t/a of SO₂ in 2028.
    let so2 = cap("SO2").at(2028).unwrap();
    assert!((so2.capacity - 20_600.0).abs() < 1e-9);
    assert_eq!(so2.status, CapacityStatus::Ok);
    assert!((cap("PM10").at(2028).unwrap().capacity - 3_110.0).abs() < 1e-9);
    let cod = cap("COD").at(2028).unwrap();
    assert!((cod.capacity - 15_314.61).abs() < 1e-9);
    assert!((cod.utilisation.unwrap() - 5367.83 / 15_314.61).abs() < 1e-6);
    assert_eq!(cod.status, CapacityStatus::Ok);
    assert_eq!(cap("COD").first_exceedance_year, None);
    assert!((cap("NH3-N").at(2028).unwrap().headroom - (1530.04 - 536.78)).abs() < 0.01);
}

#[test]
fn energy_intensity_gap_is_shown() {
    let analysis = analyse(&hanyang_plan()).unwrap();
    let check = analysis
        .targets
        .iter()
        .find(|t| t.key == "energy_intensity")
        .unwrap();
    // 208.82 / 1315.39 ≈ 0.159 tce/万元 against ≤ 0.136 in 2028.
    assert!((check.value - 0.15875).abs() < 1e-4, "{}", check.value);
    assert!(!check.met);
    assert!((check.gap - (check.value - 0.136)).abs() < 1e-12);
    // From the 2021 intensity, a constant yearly fall of about 2.2 % would just meet 0.136.
    let change = check.required_annual_change.unwrap();
    let reached = check.base_value * (1.0 + change).powi(7);
    assert!((reached - 0.136).abs() < 1e-9);
    assert!(change < -0.02 && change > -0.025, "{change}");
    let air = analysis
        .targets
        .iter()
        .find(|t| t.key == "good_air_days")
        .unwrap();
    assert!(air.met);
}

#[test]
fn the_inconsistencies_of_the_plan_are_flagged() {
    let analysis = analyse(&hanyang_plan()).unwrap();
    // The energy-intensity indicator the plan counts met, against its own projection.
    let Some(Finding::IndicatorDisagrees {
        number,
        stated,
        computed,
    }) = analysis.findings.last()
    else {
        panic!("{:?}", analysis.findings)
    };
    assert_eq!((number.as_str(), *stated), ("20", StatedStatus::Met));
    assert_eq!(
        (computed.year, computed.basis, computed.status),
        (2028, Basis::Projected, Status::NotMet)
    );
    assert!((computed.value.unwrap() - 0.159).abs() < 0.0005);
    assert_eq!(
        analysis.findings[..2],
        vec![
            Finding::IdenticalSeries {
                first: "water_domestic".into(),
                second: "water_ecological".into()
            },
            Finding::TargetMissed {
                target: "energy_intensity".into(),
                year: 2028,
                value: analysis.targets[0].value,
                threshold: 0.136,
                unit: "tce/万元".into()
            },
        ]
    );
    assert_eq!(analysis.findings.len(), 3);
}

/// What the plan states for each applicable row, as the built-in scenario records it: a task's
/// progress, or the stated status of a row the plan gives no value for.
fn plan_says(indicator: &ecoplan::model::Indicator) -> Option<Status> {
    indicator
        .task
        .as_ref()
        .map(|t| Status::of_task(t.state))
        .or(indicator.stated.map(Status::of_stated))
}

#[test]
fn indicator_statuses_as_in_the_plan() {
    let scenario = hanyang_plan();
    let national: Vec<_> = scenario
        .indicators
        .iter()
        .filter(|i| !i.number.starts_with('P'))
        .collect();
    assert_eq!(national.len(), 40);
    let applying: Vec<_> = scenario.indicators.iter().filter(|i| i.applies).collect();
    assert_eq!(applying.len(), 31);
    let count = |status| {
        applying
            .iter()
            .filter(|i| plan_says(i) == Some(status))
            .count()
    };
    assert_eq!(count(Status::Met), 26, "24 national + 2 provincial");
    assert_eq!(count(Status::Pending), 1);
    assert_eq!(count(Status::NotMet), 4);
    let not_met: Vec<&str> = applying
        .iter()
        .filter(|i| plan_says(i) == Some(Status::NotMet))
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(not_met, ["3", "7", "10", "11"]);
    let ei = scenario
        .indicators
        .iter()
        .find(|i| i.number == "10")
        .unwrap();
    assert_eq!(ei.observed_in(2021).map(|o| o.value), Some(47.79));
}

#[test]
fn computed_statuses_show_where_the_plan_contradicts_itself() {
    let scenario = hanyang_plan();
    let analysis = analyse(&scenario).unwrap();
    let row = |number: &str| {
        let index = scenario
            .indicators
            .iter()
            .position(|i| i.number == number)
            .unwrap();
        &analysis.indicators[index]
    };
    // Energy intensity: the plan counts it met, its own projection misses 0.136 in 2028.
    let energy = row("20");
    assert_eq!(energy.status, Status::NotMet);
    let end = energy.milestones.last().unwrap();
    assert_eq!(end.year, 2028);
    let projected = end.projected.as_ref().unwrap();
    assert!(
        (projected.value.unwrap() - 0.159).abs() < 0.0005,
        "{projected:?}"
    );
    assert!(analysis.findings.iter().any(|f| matches!(
        f,
        Finding::IndicatorDisagrees { number, stated: StatedStatus::Met, computed }
            if number == "20" && computed.year == 2028 && computed.status == Status::NotMet
    )));
    // Good-air days: 79.4 % in 2021 is below 85, as the plan says; 85.9 % in 2020 was above.
    let air = row("7");
    let observed: Vec<(i32, Status)> = air
        .lines
        .iter()
        .filter(|l| l.basis == Basis::Observed)
        .map(|l| (l.year, l.status))
        .collect();
    assert_eq!(observed, [(2020, Status::Met), (2021, Status::NotMet)]);
    // Not met now, met by 2028 on the plan's straight line to 85 %: the row counts met (its
    // status is the plan's end), its latest value not; the plan's "not met" is about now, so
    // no disagreement.
    assert_eq!(air.latest.as_ref().unwrap().status, Status::NotMet);
    assert_eq!(air.status, Status::Met);
    assert!(air.disagreement.is_none());
    // The Overview's counts: 26 met (7 now, 20 no longer), 1 pending, 4 not met.
    let count = |status| {
        analysis
            .indicators
            .iter()
            .filter(|a| a.status == status)
            .count()
    };
    assert_eq!(
        [Status::Met, Status::Pending, Status::NotMet, Status::NoData].map(count),
        [26, 1, 4, 0]
    );
    // EI: the calculator reproduces the plan's 47.79, so the stated "not met" stands.
    let ei = row("10");
    assert_eq!(ei.latest.as_ref().unwrap().basis, Basis::Computed);
    assert_eq!(ei.status, Status::NotMet);
    assert!(ei.disagreement.is_none());
    // Indicators 3 and 11 have no value: the plan's "not met", marked as stated.
    for number in ["3", "11"] {
        assert_eq!(row(number).status, Status::NotMet);
        assert_eq!(row(number).lines[0].basis, Basis::Stated);
    }
}

#[test]
fn project_totals_as_in_the_plan() {
    let totals = project_totals(&hanyang_plan());
    assert_eq!(totals.stated_count, 37);
    assert!((totals.stated_investment_yi_yuan - 496.39).abs() < 1e-9);
    let groups: Vec<(u32, f64)> = totals
        .groups
        .iter()
        .map(|g| (g.stated_count, g.stated_investment_yi_yuan))
        .collect();
    assert_eq!(groups, [(12, 322.33), (25, 174.06)]);
    assert_eq!(totals.stated_count, f::PROJECT_COUNT);
    assert!((totals.stated_investment_yi_yuan - f::PROJECT_INVESTMENT_YI_YUAN).abs() < 1e-9);
    assert_eq!(totals.listed_count, 11);
}
