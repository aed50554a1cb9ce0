//! The analyses: Monte Carlo, goal seek, what-if, capacity methods, charts.

use super::*;

#[test]
fn switching_cod_to_the_river_and_lake_model_and_a_dry_han_river_move_the_headroom() {
    let mut harness = harness(View::CapacityWater, Lang::Zh);
    harness.run();
    harness
        .get_all_by_label_contains("方法计算")
        .next()
        .unwrap()
        .click();
    harness.run();
    let cod = |app: &EcoplanApp| {
        app.doc
            .analysis()
            .capacities
            .iter()
            .find(|c| c.pollutant == "COD")
            .unwrap()
            .clone()
    };
    let derived = cod(harness.state());
    assert_eq!(derived.basis, ecoplan::model::CapacityBasis::Derived);
    let typed_headroom = 15_314.61 - derived.years.last().unwrap().emission;
    assert!((derived.years.last().unwrap().headroom - typed_headroom).abs() > 1.0);
    type_into(&mut harness, "设计流量 m³/s 汉江汉阳段", "4");
    press_enter(&mut harness);
    let dry = cod(harness.state());
    assert!(dry.years.last().unwrap().headroom < derived.years.last().unwrap().headroom);
    // The formula is shown beside the number.
    harness.get_all_by_label("计算方法").next().unwrap().click();
    harness.run();
    assert!(harness.query_by_label_contains("W = Σ W_body").is_some());
}

#[test]
fn footprint_and_ei_views_show_the_deficit_and_the_distance_to_60() {
    let mut harness = harness(View::Footprint, Lang::Zh);
    harness.run();
    assert!(harness.query_by_label_contains("2028 生态赤字").is_some());
    harness.get_by_label("生态环境状况指数").click();
    harness.run();
    assert!(harness.query_by_label("EI = 47.79").is_some());
    // The what-if answers with the built-up area that would have to become forest.
    let forest = ecoplan::engine::methods::area_for_ei(
        &ecoplan::plan::hanyang_plan().methods.ei,
        ecoplan::engine::methods::LandCover::Forest,
        60.0,
    );
    let text = format!(
        "{} km²",
        ecoplan::format::fixed(
            forest.area_km2.unwrap(),
            ecoplan::engine::methods::EI_DECIMALS
        )
    );
    assert!(harness.query_by_label(&text).is_some(), "{text}");
}

#[test]
fn monte_carlo_runs_in_the_background_and_shows_the_probability_of_exceedance() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    harness.get_by_label("不确定 cod").click();
    harness.run();
    assert_eq!(harness.state().doc.scenario().uncertainty.len(), 1);
    harness.get_by_label("运行").click();
    harness.step();
    assert!(
        harness.state().uncertainty.status.running.is_some()
            || harness.state().uncertainty.status.last.is_some()
    );
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.status.running.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    let (scenario, result) = harness
        .state()
        .uncertainty
        .status
        .last
        .clone()
        .expect("the run finished");
    assert_eq!(&scenario, harness.state().doc.scenario());
    assert_eq!(result.runs, 1_000);
    assert!(result.fans.iter().any(|f| f.series == "cod"));
    assert!(harness.query_by_label("超载概率（截至该年）").is_some());
    // Another series' fan runs the same draws again with that fan.
    harness.state_mut().state.uncertainty.fan_series = Some("gdp".into());
    for _ in 0..2_000 {
        harness.step();
        let done = harness
            .state()
            .uncertainty
            .status
            .last
            .as_ref()
            .is_some_and(|(_, r)| r.fans.iter().any(|f| f.series == "gdp"));
        if done {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let (_, again) = harness.state().uncertainty.status.last.clone().unwrap();
    assert!(again.fans.iter().any(|f| f.series == "gdp"));
    assert_eq!(
        again.exceedance, result.exceedance,
        "the same seed, the same draws"
    );
}

#[test]
fn goal_seek_finds_the_energy_growth_that_meets_the_target_and_applies_it() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    harness.get_by_label("求解").click();
    harness.run();
    let answer = harness
        .state()
        .state
        .seek
        .answer
        .clone()
        .unwrap()
        .1
        .unwrap();
    let rate = answer.value.unwrap();
    assert!((rate - 0.0519).abs() < 5e-4, "{rate}");
    harness.get_by_label("采用此值").click();
    harness.run();
    let app = harness.state();
    let check = app
        .doc
        .analysis()
        .targets
        .iter()
        .find(|t| t.key == "energy_intensity")
        .unwrap();
    assert!(check.met, "{}", check.value);
    harness.get_by_label("运行").click();
    harness.run();
    assert!(
        harness
            .state()
            .state
            .seek
            .swings
            .as_ref()
            .is_some_and(|(_, s)| s.is_ok())
    );
    // After an edit, the tornado of the old scenario goes.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().state.seek.swings.is_none());
}

#[test]
fn each_goal_kind_solves_the_goal_it_shows_with_a_lever_that_fits() {
    use ecoplan::engine::seek::Goal;
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    harness.get_by_label("求解").click();
    harness.run();
    assert!(matches!(
        harness.state().state.seek.answer.as_ref().unwrap().0.goal,
        Goal::Target(_)
    ));
    // Another goal: the old answer goes, and the lever follows the goal (COD for COD). Its
    // year is the plan's horizon until one is typed: 2040 here.
    assert_eq!(harness.state().state.seek.until, 2028);
    harness.state_mut().state.seek.until = 2040;
    radio(&mut harness, "环境容量");
    assert!(harness.state().state.seek.answer.is_none());
    assert_eq!(harness.state().state.seek.lever, "cod");
    harness.get_by_label("求解").click();
    harness.run();
    let (asked, answer) = harness.state().state.seek.answer.clone().unwrap();
    assert_eq!(
        asked.goal,
        Goal::Capacity {
            pollutant: "COD".into(),
            until: 2040
        }
    );
    // The highest COD growth under capacity to 2040 (README: 8.35 %/yr).
    let rate = answer.unwrap().value.unwrap();
    assert!((rate - 0.0835).abs() < 5e-4, "{rate}");
    // The bound: municipal solid waste at most 400 000 t in 2028 (the form starts at the
    // first series and its base value).
    assert_eq!(harness.state().state.seek.bound_series, "gdp");
    assert_eq!(harness.state().state.seek.bound_value, 792.86);
    let seek = &mut harness.state_mut().state.seek;
    (seek.bound_series, seek.bound_value) = ("msw".into(), 400_000.0);
    radio(&mut harness, "序列约束");
    assert!(harness.state().state.seek.answer.is_none());
    assert_eq!(harness.state().state.seek.lever, "msw");
    harness.get_by_label("求解").click();
    harness.run();
    let (asked, answer) = harness.state().state.seek.answer.clone().unwrap();
    assert!(matches!(asked.goal, Goal::Bound { ref series, year: 2028, .. } if series == "msw"));
    let answer = answer.unwrap();
    assert_eq!(
        answer.outcome,
        ecoplan::engine::seek::SeekOutcome::Found,
        "{answer:?}"
    );
    harness.get_by_label("采用此值").click();
    harness.run();
    // Applied, the bound holds just: waste in 2028 is 400 000 t.
    let waste = harness
        .state()
        .doc
        .analysis()
        .projection
        .value("msw", 2028)
        .unwrap();
    assert!((waste - 400_000.0).abs() < 1.0, "{waste}");
}

#[test]
fn a_lever_that_does_not_move_the_goal_is_named_and_solve_waits() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    // The lever chosen in its list, as a user would.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "调节参数")
        .click();
    harness.run();
    harness.get_by_label("化学需氧量排放总量").click();
    harness.run();
    assert_eq!(harness.state().state.seek.lever, "cod");
    assert!(
        harness
            .query_by_label("调整该变量不会改变这一目标：请选择驱动目标序列的变量。")
            .is_some()
    );
    harness.get_by_label("求解").click();
    harness.run();
    assert!(harness.state().state.seek.answer.is_none());
}

#[test]
fn ei_land_cover_larger_than_the_district_is_refused_in_the_window_and_by_check() {
    let mut harness = harness(View::Ei, Lang::Zh);
    harness.run();
    let area = harness.state().doc.scenario().methods.ei.area_km2;
    let field = || egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(field(), "林地 km²").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field(), "林地 km²")
        .type_text(&format!("{}", area + 1.0));
    harness.run();
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap_or_default();
    assert!(message.contains("超过辖区面积"), "{message}");
    assert_eq!(harness.state().doc.scenario().methods.ei.forest_km2, 6.0);
    // The same file is refused by `ecoplan check`.
    let mut scenario = ecoplan::plan::hanyang_plan();
    scenario.methods.ei.forest_km2 = area + 1.0;
    let path = temp_dir("ei-area").join("too-green.ron");
    std::fs::write(&path, ecoplan::io::to_ron_string(&scenario)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .args(["check", path.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("more than the district's area"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_goal_seek_answer_goes_when_the_scenario_changes_and_a_chosen_lever_stays_with_its_goal() {
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    // A bound on domestic water use, which population drives.
    harness.state_mut().state.seek.bound_series = "water_domestic".into();
    harness.state_mut().state.seek.bound_value = 1.2;
    radio(&mut harness, "序列约束");
    assert_eq!(harness.state().state.seek.lever, "water_domestic");
    // The user picks population instead; changing only the bound's value keeps it.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "调节参数")
        .click();
    harness.run();
    harness.get_by_label("常住人口").click();
    harness.run();
    // Typed into the bound's own field, within the form's frame.
    harness
        .get_by_role_and_label(egui::accesskit::Role::SpinButton, "约束值")
        .set_value_accesskit(1.3);
    harness.run();
    assert_eq!(harness.state().state.seek.bound_value, 1.3);
    assert_eq!(harness.state().state.seek.lever, "population");
    harness.get_by_label("求解").click();
    harness.run();
    assert!(harness.state().state.seek.answer.is_some());
    // An edit of the scenario makes the answer stale: it goes, and cannot be applied.
    harness.state_mut().run(
        &egui::Context::default(),
        ecoplan::ui::Command::Apply {
            edit: ecoplan::document::Edit::SetHorizon { year: 2030 },
            merge: false,
        },
    );
    harness.run();
    assert!(harness.state().state.seek.answer.is_none());
    assert!(harness.query_by_label("采用此值").is_none());
}

#[test]
fn goal_seek_applied_turns_energy_intensity_met() {
    use ecoplan::engine::indicators::Status;
    let mut harness = harness(View::GoalSeek, Lang::Zh);
    harness.run();
    assert_eq!(indicator_status(&harness, "20"), Status::NotMet);
    let findings = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .analysis()
            .findings
            .iter()
            .filter(|f| matches!(f, ecoplan::engine::Finding::IndicatorDisagrees { .. }))
            .count()
    };
    assert_eq!(findings(&harness), 1);
    harness.get_by_label("求解").click();
    harness.run();
    harness.get_by_label("采用此值").click();
    harness.run();
    assert_eq!(indicator_status(&harness, "20"), Status::Met);
    assert_eq!(
        findings(&harness),
        0,
        "the disagreement with the plan's \"met\" is gone"
    );
}

#[test]
fn an_observed_value_of_a_series_shows_its_deviation_and_a_point_on_the_chart() {
    let mut harness = harness(View::Projections, Lang::Zh);
    harness.run();
    // GDP is the first series: typed for 2023 as a mid-term review would.
    type_into(&mut harness, "添加 年份", "2023");
    press_enter(&mut harness);
    type_into(&mut harness, "添加 实测", "900");
    press_enter(&mut harness);
    let app = harness.state();
    let gdp = app.doc.scenario().series("gdp").unwrap();
    assert_eq!(gdp.observed.len(), 1);
    assert_eq!((gdp.observed[0].year, gdp.observed[0].value), (2023, 900.0));
    // Projected 792.86 × 1.075² = 916.25: 16.25 below the projection.
    let projected = app.doc.analysis().projection.value("gdp", 2023).unwrap();
    assert!(
        harness
            .query_by_label(&ecoplan::format::fixed(900.0 - projected, 2))
            .is_some()
    );
    assert!(harness.query_by_label("-1.8 %").is_some());
    // The chart of GDP carries it as a point.
    let spec = ecoplan::charts::series_chart(
        app.doc.scenario(),
        app.doc.analysis(),
        &["gdp"],
        Lang::Zh,
        ecoplan::charts::ChartKey::Group {
            group: ecoplan::model::Group::Economy,
            part: 1,
        },
        "t".into(),
    )
    .unwrap();
    assert_eq!(spec.observed.len(), 1);
    assert_eq!(spec.observed[0].points, vec![(2023.0, 900.0)]);
    // Undo takes it away; a value typed as text changes nothing.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .observed
            .is_empty()
    );
    type_into(&mut harness, "添加 实测", "lots");
    press_enter(&mut harness);
    assert!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .observed
            .is_empty()
    );
}

#[test]
fn the_what_if_view_moves_the_exceedance_bands_and_ghost_with_a_lever() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let scenario = ecoplan::io::load(&path).unwrap();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.doc = ecoplan::document::Document::new(scenario, Some(path)).unwrap();
    let mut harness = harness_for(app, View::WhatIf, Lang::Zh);
    wait_for_bands(&mut harness);
    // At 9 %/yr COD exceeds its capacity in 2039, almost surely by 2060.
    assert_eq!(cod_first_exceedance(harness.state()), Some(2039));
    assert!(
        harness
            .query_by_label_contains("化学需氧量 2039 · P 100.0 %")
            .is_some()
    );
    // No ghost while the scenario is as saved.
    assert!(harness.query_by_label("灰色虚线：已保存的情景").is_none());
    // Typed as a user would, one frame at a time (the bands ask for frames while they run).
    harness.get_by_label("年增长率 cod %").focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("年增长率 cod %").type_text("7");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    // The curve moves at once; the distribution centred on 9 % moves to 7 % with the lever.
    assert_eq!(cod_first_exceedance(harness.state()), Some(2044));
    let uncertain = &harness.state().doc.scenario().uncertainty;
    let cod = uncertain.iter().find(|u| u.series == "cod").unwrap();
    assert!((cod.distribution.centre() - 0.07).abs() < 1e-12);
    wait_for_bands(&mut harness);
    let result = &harness.state().whatif.status.last.as_ref().unwrap().1;
    let cod_by_2060 = result
        .exceedance
        .iter()
        .find(|e| e.pollutant == "COD")
        .unwrap()
        .by_year
        .last()
        .copied()
        .unwrap();
    assert!(cod_by_2060 < 1.0 && cod_by_2060 > 0.5, "{cod_by_2060}");
    assert!(
        harness
            .query_by_label_contains("化学需氧量 2044 · P")
            .is_some()
    );
    // The saved scenario is the ghost behind each curve now.
    assert!(harness.query_by_label("灰色虚线：已保存的情景").is_some());
    // Saved as it is, the scenario is its own reference: the ghost goes, though nothing of the
    // scenario changed (the ghost is kept by revisions, the reference's among them).
    let revision = harness.state().doc.revision();
    harness.state_mut().doc.mark_saved();
    harness.run();
    assert_eq!(harness.state().doc.revision(), revision);
    assert!(harness.query_by_label("灰色虚线：已保存的情景").is_none());
    harness.state_mut().doc.mark_unsaved();
    harness.run();
    // One undo step takes the lever and its distribution back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(cod_first_exceedance(harness.state()), Some(2039));
    let cod = harness
        .state()
        .doc
        .scenario()
        .uncertainty
        .iter()
        .find(|u| u.series == "cod")
        .cloned()
        .unwrap();
    assert!((cod.distribution.centre() - 0.09).abs() < 1e-12);
}

#[test]
fn the_what_if_view_without_uncertain_rates_says_how_to_get_bands() {
    let mut harness = harness(View::WhatIf, Lang::Zh);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("本情景没有不确定参数")
            .is_some()
    );
    assert!(
        harness.state().whatif.status.running.is_none(),
        "no run without uncertain rates"
    );
    // The key figures: COD not exceeded, 1 of 2 targets met, indicators met out of assessed.
    assert!(harness.query_by_label("目标达成 1/2").is_some());
    assert!(harness.query_by_label("指标达标 26/31").is_some());
}

#[test]
fn one_drag_of_a_lever_is_one_undo_step() {
    let mut harness = harness(View::WhatIf, Lang::Zh);
    harness.run();
    let depth = harness.state().doc.undo_depth();
    let rate = |h: &Harness<'static, EcoplanApp>| {
        ecoplan::model::lever_value(&h.state().doc.scenario().series("cod").unwrap().rule).unwrap()
    };
    let before = rate(&harness);
    let slider = harness.get_by_label("年增长率 cod").rect();
    let y = slider.center().y;
    // Press left of the thumb (the slider jumps there), then drag further left in small steps.
    let mut x = slider.left() + slider.width() * 0.3;
    harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    harness.step();
    for _ in 0..6 {
        x -= 3.0;
        harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
    assert!(rate(&harness) < before, "the drag lowered COD's growth");
    assert_eq!(
        harness.state().doc.undo_depth(),
        depth + 1,
        "one step for the drag"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        (rate(&harness) - before).abs() < 1e-15,
        "one undo takes it all back"
    );
}

#[test]
fn after_a_run_the_workbook_has_its_sheet_and_presentation_its_fan() {
    let dir = temp_dir("export-uncertainty");
    let dialogs = ScriptedDialogs::default();
    dialogs.save.borrow_mut().push(dir.join("after-run.xlsx"));
    let mut harness = harness_with(View::Uncertainty, Lang::Zh, dialogs);
    harness.run();
    harness.get_by_label("不确定 cod").click();
    harness.run();
    harness.get_by_label("运行").click();
    harness.step();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.status.running.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    assert!(
        harness.state().uncertainty.status.last.is_some(),
        "the run finished"
    );
    // F11 from the Uncertainty view starts at the run's fan.
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("不确定性区间：化学需氧量排放总量")
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出").click();
    harness.run();
    harness.get_by_label("全部表格与图表（XLSX）…").click();
    harness.run();
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(dir.join("after-run.xlsx")).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(&names[names.len() - 2..], ["不确定性", "哪个假设最重要"]);
    let sheet = workbook.worksheet_range("不确定性").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&calamine::Data::String(
            "超载概率（截至该年） · 1000 次模拟".into()
        ))
    );
}

#[test]
fn an_elasticity_lever_is_spread_searched_and_read_as_an_elasticity_a_rate_in_percent() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    // Ticking an elasticity (secondary industry follows GDP at 1.0) spreads it by a tenth of
    // itself; a rate (GDP, 7.5 %) by one point.
    for key in ["gdp_secondary", "gdp"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    let uncertainty = harness.state().doc.scenario().uncertainty.clone();
    let sd_of = |key: &str| match uncertainty.iter().find(|u| u.series == key) {
        Some(ecoplan::model::Uncertain {
            distribution: ecoplan::model::Distribution::Normal { sd, min, max, .. },
            ..
        }) => (*sd, *min, *max),
        other => panic!("{key}: {other:?}"),
    };
    assert_eq!(sd_of("gdp_secondary"), (0.1, 0.6, 1.4));
    let (sd, min, max) = sd_of("gdp");
    assert_eq!(sd, 0.01);
    assert!((min - 0.035).abs() < 1e-12 && (max - 0.115).abs() < 1e-12);
    // Goal seek on an elasticity: its range and its answer are plain numbers, not %.
    harness.state_mut().state.view = View::GoalSeek;
    harness.run();
    harness.state_mut().state.seek.goal = ecoplan::ui::GoalKind::Bound;
    harness.state_mut().state.seek.bound_series = "gdp_secondary".into();
    harness.state_mut().state.seek.bound_year = 2028;
    harness.state_mut().state.seek.bound_value = 250.0;
    harness.run();
    harness.state_mut().state.seek.lever = "gdp_secondary".into();
    harness.run();
    let seek = &harness.state().state.seek;
    assert_eq!((seek.low_percent, seek.high_percent), (-1.0, 3.0));
    harness.get_by_label("求解").click();
    harness.run();
    let answer = harness
        .query_all_by_label_contains("第二产业增加值：")
        .map(|n| {
            use egui_kittest::kittest::NodeT;
            let node = n.accesskit_node();
            node.label()
                .filter(|l| !l.is_empty())
                .or(node.value())
                .unwrap_or_default()
                .to_string()
        })
        .next()
        .expect("an answer");
    assert!(!answer.contains('%'), "{answer}");
    let value: f64 = answer
        .trim_start_matches("第二产业增加值：")
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{answer:?}"));
    // 169.78 × (1.075^e)^7 = 250 gives e ≈ 0.763.
    assert!((value - 0.763).abs() < 0.002, "{answer}");
    // Back to a rate: the range is in % again.
    harness.state_mut().state.seek.lever = "gdp".into();
    harness.run();
    let seek = &harness.state().state.seek;
    assert_eq!((seek.low_percent, seek.high_percent), (-20.0, 30.0));
}

#[test]
fn correlations_are_typed_in_the_uncertainty_view_and_an_impossible_set_is_refused() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("勾选两个以上不确定参数")
            .is_some()
    );
    for key in ["gdp", "energy", "cod"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    type_into(&mut harness, "相关系数 gdp energy", "0.6");
    press_enter(&mut harness);
    type_into(&mut harness, "相关系数 energy cod", "0.6");
    press_enter(&mut harness);
    let correlations = |h: &Harness<'static, EcoplanApp>| {
        h.state()
            .doc
            .scenario()
            .correlations
            .iter()
            .map(|c| (c.between.0.clone(), c.between.1.clone(), c.rho))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        correlations(&harness),
        [
            ("gdp".to_owned(), "energy".to_owned(), 0.6),
            ("energy".to_owned(), "cod".to_owned(), 0.6)
        ]
    );
    // GDP against COD at −0.9 cannot hold with the two above: refused, with why, in Chinese.
    type_into(&mut harness, "相关系数 gdp cod", "-0.9");
    press_enter(&mut harness);
    let message = harness.state().message.clone().unwrap_or_default();
    assert!(message.contains("半正定"), "{message}");
    assert_eq!(correlations(&harness).len(), 2);
    // Unticking a lever drops its correlations.
    harness.get_by_label("不确定 energy").click();
    harness.run();
    assert!(correlations(&harness).is_empty());
}

#[test]
fn the_uncertainty_view_answers_which_assumption_matters_most_for_a_result() {
    let mut harness = harness(View::Uncertainty, Lang::Zh);
    harness.run();
    for key in ["gdp", "gdp_secondary"] {
        harness.get_by_label(&format!("不确定 {key}")).click();
        harness.run();
    }
    // A wide elasticity beside GDP's one point: the elasticity drives the secondary industry.
    let mut wide = harness.state().doc.scenario().uncertainty.clone();
    wide[1].distribution = ecoplan::model::Distribution::Normal {
        mean: 1.0,
        sd: 0.3,
        min: 0.1,
        max: 1.9,
    };
    harness
        .state_mut()
        .doc
        .apply(ecoplan::document::Edit::SetUncertainty { uncertainty: wide })
        .unwrap();
    harness.state_mut().state.uncertainty.fan_series = Some("gdp_secondary".into());
    harness.run();
    harness.get_by_label("运行").click();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.status.running.is_none()
            && harness.state().uncertainty.status.last.is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    assert!(harness.query_by_label("哪个假设最重要").is_some());
    // Nothing is computed until asked.
    assert!(
        harness
            .state()
            .state
            .uncertainty
            .importance
            .shares
            .is_none()
    );
    // Below the fold of the view: pressed from the keyboard.
    harness.get_by_label("计算各参数的贡献").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let shares = match &harness.state().state.uncertainty.importance.shares {
        Some((_, _, _, Ok(shares))) => shares.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(shares[0].lever, "gdp_secondary", "{shares:?}");
    assert!(shares[0].share > 0.8, "{shares:?}");
    assert!(
        harness
            .query_by_label_contains("第二产业增加值：")
            .is_some()
    );
    // Another year is another question: asked again, not shown stale.
    harness.state_mut().state.uncertainty.importance.year = Some(2025);
    harness.run();
    assert!(harness.query_by_label("计算各参数的贡献").is_some());
    assert!(
        harness
            .query_by_label_contains("第二产业增加值：")
            .is_none()
    );
}

#[test]
fn the_what_if_view_says_which_lever_drives_a_capacity_series_or_its_exceedance() {
    use ecoplan::engine::importance::Outcome;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let scenario = ecoplan::io::load(&path).unwrap();
    let horizon = scenario.horizon;
    let cod_name = scenario.series("cod").unwrap().label.zh.clone();
    let mut app = EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default()));
    app.doc = ecoplan::document::Document::new(scenario, Some(path)).unwrap();
    let mut harness = harness_for(app, View::WhatIf, Lang::Zh);
    wait_for_bands(&mut harness);
    assert!(harness.query_by_label("哪个假设最重要").is_some());
    assert!(harness.state().state.whatif.importance.shares.is_none());
    let compute = |harness: &mut Harness<'static, EcoplanApp>| {
        // Below the capacity and target charts: pressed from the keyboard.
        harness.get_by_label("计算各参数的贡献").focus();
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        match &harness.state().state.whatif.importance.shares {
            Some((_, outcome, _, Ok(shares))) => (outcome.clone(), shares.clone()),
            other => panic!("{other:?}"),
        }
    };
    // First asked: the value of the first capacity series (COD emissions) at the horizon.
    let (outcome, shares) = compute(&mut harness);
    assert_eq!(
        outcome,
        Outcome::Series {
            key: "cod".into(),
            year: horizon
        }
    );
    assert_eq!(shares[0].lever, "cod", "{shares:?}");
    assert!(shares[0].share > 0.9, "{shares:?}");
    assert!(
        harness
            .query_by_label_contains(&format!("{cod_name}："))
            .is_some()
    );
    // Another question (NH3-N's exceedance by 2040) is asked again, its own answer drawn.
    let asked = &mut harness.state_mut().state.whatif.importance;
    asked.capacity = Some("NH3-N".into());
    asked.year = Some(2040);
    harness.run();
    assert!(
        harness
            .query_by_label_contains(&format!("{cod_name}："))
            .is_none()
    );
    let (outcome, shares) = compute(&mut harness);
    assert_eq!(
        outcome,
        Outcome::Exceeded {
            pollutant: "NH3-N".into(),
            year: 2040
        }
    );
    assert_eq!(shares[0].lever, "nh3n", "{shares:?}");
    // The Uncertainty view's question is its own.
    assert!(
        harness
            .state()
            .state
            .uncertainty
            .importance
            .shares
            .is_none()
    );
}

#[test]
fn a_series_picked_in_compare_starts_no_monte_carlo_run_of_the_uncertainty_view() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.open.borrow_mut().push(path);
    let mut harness = harness_with(View::Uncertainty, Lang::Zh, dialogs);
    harness.run();
    click_menu(&mut harness, "文件", "打开…");
    assert!(harness.state().members.slots.len() > 1);
    harness.get_by_label("不确定 cod").click();
    harness.run();
    harness.get_by_label("运行").click();
    for _ in 0..2_000 {
        harness.step();
        if harness.state().uncertainty.status.running.is_none()
            && harness.state().uncertainty.status.last.is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    let finished = harness.state().uncertainty.status.finished;
    let fans = |h: &Harness<'static, EcoplanApp>| {
        let (_, result) = h.state().uncertainty.status.last.clone().unwrap();
        result
            .fans
            .iter()
            .map(|f| f.series.clone())
            .collect::<Vec<_>>()
    };
    // The scenario's own default: the series its first capacity compares (COD).
    assert_eq!(fans(&harness), ["cod"]);

    // GDP overlaid in Compare: the comparison shows it ...
    harness.state_mut().state.view = View::Compare;
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "叠加图")
        .click();
    harness.run();
    harness
        .get_all_by_label("地区生产总值")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().state.compare.series.as_deref(), Some("gdp"));
    // ... and the Uncertainty view, shown again, keeps its fan and starts nothing.
    harness.state_mut().state.view = View::Uncertainty;
    harness.run_steps(5);
    assert!(harness.state().uncertainty.status.running.is_none());
    assert_eq!(harness.state().uncertainty.status.finished, finished);
    assert_eq!(fans(&harness), ["cod"]);
    assert_eq!(harness.state().state.uncertainty.fan_series, None);
}
