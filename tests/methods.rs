//! Capacities, the ecological balance and EI derived from their methods (docs/methods.md §2–§5).

use ecoplan::document::{Document, Edit};
use ecoplan::engine::methods::{air_capacity, ecological_index, water_capacity};
use ecoplan::engine::{CapacityStatus, analyse};
use ecoplan::model::{CapacityBasis, WaterModel};
use ecoplan::plan::{figures as f, hanyang_plan};

fn derived(pollutants: &[&str]) -> ecoplan::model::Scenario {
    let mut scenario = hanyang_plan();
    for capacity in &mut scenario.capacities {
        if pollutants.contains(&capacity.pollutant.as_str()) {
            capacity.basis = CapacityBasis::Derived;
        }
    }
    scenario
}

#[test]
fn a_value_method_reproduces_the_plans_air_capacities_after_unit_conversion() {
    let scenario = derived(&["SO2", "NO2", "PM10"]);
    assert!(
        (air_capacity(&scenario.methods.air, "SO2").unwrap().result - f::SO2_CAPACITY_WAN_T).abs()
            < 1e-9
    );
    let analysis = analyse(&scenario).unwrap();
    let capacity = |p: &str| {
        analysis
            .capacities
            .iter()
            .find(|c| c.pollutant == p)
            .unwrap()
    };
    // 2.060 万 t/a from the method, compared in t/a with the emission series.
    assert!((capacity("SO2").years[0].capacity - 20_600.0).abs() < 1e-6);
    assert!((capacity("PM10").years[0].capacity - 3_110.0).abs() < 1e-6);
    // The NO₂ background is above its limit: 0, saturated, as the plan reports.
    assert_eq!(capacity("NO2").years[0].capacity, 0.0);
    assert_eq!(capacity("NO2").years[0].status, CapacityStatus::Saturated);
    assert_eq!(capacity("SO2").basis, CapacityBasis::Derived);
    assert!(
        capacity("SO2")
            .derivation
            .as_ref()
            .unwrap()
            .formula
            .contains("A·(C_s − C_b)")
    );
}

#[test]
fn derived_water_capacity_feeds_the_analysis_and_moves_with_the_han_flow() {
    let mut doc = Document::new(hanyang_plan(), None).unwrap();
    doc.apply(Edit::SetCapacityBasis {
        pollutant: "COD".into(),
        basis: CapacityBasis::Derived,
    })
    .unwrap();
    let cod = |doc: &Document| {
        doc.analysis()
            .capacities
            .iter()
            .find(|c| c.pollutant == "COD")
            .unwrap()
            .clone()
    };
    let before = cod(&doc);
    let expected = water_capacity(&doc.scenario().methods.water, "COD")
        .unwrap()
        .result;
    assert!((before.years[0].capacity - expected).abs() < 1e-9);
    assert_ne!(before.years[0].capacity, 15_314.61);
    // A dry year on the Han river: a fifth of the design flow.
    let mut methods = doc.scenario().methods.clone();
    let han = methods
        .water
        .bodies
        .iter_mut()
        .find(|b| b.name.en.starts_with("Han River"))
        .unwrap();
    if let WaterModel::River {
        design_flow_m3_s, ..
    } = &mut han.model
    {
        *design_flow_m3_s /= 5.0;
    }
    doc.apply(Edit::SetMethods {
        methods: Box::new(methods),
    })
    .unwrap();
    let after = cod(&doc);
    assert!(after.years[0].capacity < before.years[0].capacity);
    let last = after.years.len() - 1;
    assert!(after.years[last].headroom < before.years[last].headroom);
}

#[test]
fn a_derived_capacity_can_change_the_status() {
    let mut scenario = derived(&["COD"]);
    // Upstream water already at the target everywhere leaves only side inflows and decay.
    for body in &mut scenario.methods.water.bodies {
        for p in &mut body.pollutants {
            p.upstream_mg_l = p.target_mg_l;
            p.decay_per_day = 0.0;
        }
        if let WaterModel::River {
            side_inflow_m3_s, ..
        } = &mut body.model
        {
            *side_inflow_m3_s = 0.0;
        }
    }
    scenario.methods.water.nonpoint_t_per_year = vec![];
    let analysis = analyse(&scenario).unwrap();
    let cod = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    assert_eq!(cod.years[0].capacity, 0.0);
    assert_eq!(cod.years[0].status, CapacityStatus::Saturated);
}

#[test]
fn invalid_method_parameters_are_refused_by_name() {
    let mut doc = Document::new(derived(&["COD"]), None).unwrap();
    let mut methods = doc.scenario().methods.clone();
    if let WaterModel::River { velocity_m_s, .. } = &mut methods.water.bodies[0].model {
        *velocity_m_s = 0.0;
    }
    let error = doc
        .apply(Edit::SetMethods {
            methods: Box::new(methods),
        })
        .unwrap_err();
    assert!(
        matches!(
            &error,
            ecoplan::document::Refusal::Model(ecoplan::engine::ModelError::InvalidValue {
                key, field, reason: ecoplan::engine::Reason::Positive, ..
            }) if key == "长江汉阳段" && field == "velocity"
        ),
        "{error:?}"
    );
    // In the window's language, by the field's label.
    let zh = error.in_lang(ecoplan::i18n::Lang::Zh);
    assert!(
        zh.contains("水体“长江汉阳段”") && zh.contains("须大于 0"),
        "{zh}"
    );
}

#[test]
fn the_default_footprint_shows_the_plans_deficit() {
    let analysis = analyse(&hanyang_plan()).unwrap();
    let years = analysis.footprint.unwrap();
    assert_eq!(years.len(), 8);
    assert!(
        years.iter().all(|y| y.balance_gha < 0.0),
        "a deficit in every year, as the plan states for 2019–2021"
    );
    // Driven by projected population: the footprint grows with it, the capacity does not.
    assert!((years[7].footprint_gha / years[0].footprint_gha - 1.05f64.powi(7)).abs() < 1e-9);
    assert_eq!(years[7].capacity_gha, years[0].capacity_gha);
}

#[test]
fn the_default_ei_is_the_plans_47_79() {
    let result = ecological_index(&hanyang_plan().methods.ei);
    assert!((result.ei - f::EI_2021).abs() < 1e-9);
    assert_eq!(result.grade().key(), "fair");
}

#[test]
fn command_line_derives_capacities_and_prints_the_balance() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["capacity", "--derived"]);
    assert!(output.status.success());
    let csv = String::from_utf8(output.stdout).unwrap();
    let so2: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("SO2,air,2028,"))
        .unwrap()
        .split(',')
        .collect();
    assert!((so2[4].parse::<f64>().unwrap() - 20_600.0).abs() < 1e-6);
    let cod: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("COD,water,2028,"))
        .unwrap()
        .split(',')
        .collect();
    assert_ne!(
        cod[4], "15314.61",
        "COD comes from the river and lake models"
    );
    let output = run(&["footprint"]);
    assert!(output.status.success());
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("year,population,footprint_gha,capacity_gha,balance_gha")
    );
    assert_eq!(csv.lines().count(), 9);
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.split(',').nth(4).unwrap().starts_with('-'))
    );
    let output = run(&["ei"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("47.79") && text.contains("to reach 60 with forest"),
        "{text}"
    );
}

#[test]
fn a_derived_capacity_changes_by_year_when_its_non_point_load_follows_a_series() {
    use ecoplan::model::{Label, Rule, Series};
    use ecoplan::units::Unit;
    let mut scenario = derived(&["COD"]);
    scenario.horizon = 2040;
    scenario.series.push(Series {
        key: "runoff_cod".into(),
        label: Label::new("面源化学需氧量", "COD runoff"),
        unit: Unit::parse("t/a").unwrap(),
        group: Default::default(),
        base: Some(2_000.0),
        rule: Rule::growth(0.15),
        source: "test".into(),
        observed: Vec::new(),
        decimals: None,
    });
    scenario.methods.water.nonpoint_series = vec![("COD".into(), "runoff_cod".into())];
    let analysis = analyse(&scenario).unwrap();
    let cod = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    let ideal = water_capacity(&scenario.methods.water, "COD")
        .unwrap()
        .terms[0]
        .value;
    let runoff = analysis.projection.get("runoff_cod").unwrap();
    for (year, load) in cod.years.iter().zip(&runoff.values) {
        assert!(
            (year.capacity - (ideal - load).max(0.0)).abs() < 1e-9,
            "{}",
            year.year
        );
    }
    assert!(cod.years[0].capacity > cod.years.last().unwrap().capacity);
    // Falling capacity and rising emissions meet before 2040; the fixed derived capacity does not.
    let mut fixed = derived(&["COD"]);
    fixed.horizon = 2040;
    let fixed = analyse(&fixed)
        .unwrap()
        .capacities
        .into_iter()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    assert_eq!(fixed.first_exceedance_year, None);
    assert!(cod.first_exceedance_year.is_some_and(|y| y <= 2040));
    // The chart draws a changing capacity as a line.
    let chart =
        ecoplan::charts::capacity_chart(&scenario, &analysis, "COD", ecoplan::i18n::Lang::En)
            .unwrap();
    assert_eq!(chart.lines.len(), 2);
    assert!(chart.levels.is_empty());
}
