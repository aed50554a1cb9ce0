//! Work offered back after a crash, across instances.

use super::*;

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let dir = temp_dir("recovery");
    // A session edits and autosaves, then dies without quitting (dropped without a clean exit,
    // as `kill -9` leaves it).
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "800");
    }
    // The next start offers it back.
    let mut harness = instance(&dir, View::Overview);
    assert!(harness.query_by_label("恢复未保存的工作").is_some());
    harness.get_by_label("恢复").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.doc.scenario().series("gdp").unwrap().base.unwrap(),
        800.0
    );
    assert!(
        app.doc.is_dirty(),
        "recovered work is not saved anywhere yet"
    );
    // The restored file stays: it is this instance's recovery file now.
    assert_eq!(recovery_files(&dir).len(), 1);
    assert!(app.recovery().unwrap().holds_work());
}

#[test]
fn two_instances_killed_both_offer_their_work_and_a_third_crash_loses_nothing() {
    let dir = temp_dir("two-instances");
    // Two instances run at once, each with unsaved work.
    let mut first = instance(&dir, View::Overview);
    let mut second = instance(&dir, View::Overview);
    assert!(
        first.query_by_label("恢复未保存的工作").is_none()
            && second.query_by_label("恢复未保存的工作").is_none()
    );
    edit_gdp_and_autosave(&mut first, "801");
    edit_gdp_and_autosave(&mut second, "802");
    // An instance with nothing unsaved autosaves (and exits) without touching the others' work.
    {
        let idle = instance(&dir, View::Overview);
        assert!(
            idle.state().offered_recovery.is_empty(),
            "running instances' work is not offered"
        );
        idle.state().autosave();
    }
    assert_eq!(recovery_files(&dir).len(), 2);
    // Both are killed.
    drop(first);
    drop(second);
    // The next start offers both.
    let mut third = instance(&dir, View::Overview);
    let offered: Vec<f64> = third
        .state()
        .offered_recovery
        .iter()
        .map(|work| match &work.loaded {
            ecoplan::io::Loaded::Scenario(s) => s.series("gdp").unwrap().base.unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(offered, vec![801.0, 802.0]);
    // The first is restored here; the second, with work already in this window, opens in a
    // window of its own.
    let launched = Rc::new(RefCell::new(Vec::new()));
    let record = launched.clone();
    let app = std::mem::replace(
        third.state_mut(),
        EcoplanApp::with_builtin_plan(Box::new(ScriptedDialogs::default())),
    )
    .with_launcher(move |file, _lang| {
        record.borrow_mut().push(file.to_owned());
        Ok(())
    });
    let mut third = harness_for(app, View::Overview, Lang::Zh);
    third.run();
    third.get_all_by_label("恢复").next().unwrap().click();
    third.run();
    assert_eq!(
        third
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        801.0
    );
    third.get_by_label("在新窗口中恢复").click();
    third.run();
    assert_eq!(launched.borrow().len(), 1);
    // What the new window runs (`ecoplan --recover FILE`) can claim it: this one let it go.
    // Only recovery files of the folder are accepted.
    let elsewhere = temp_dir("not-recovery").join("plan.ron");
    std::fs::write(
        &elsewhere,
        ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan()),
    )
    .unwrap();
    assert!(
        ecoplan::app::Recovery::claim(&dir, &elsewhere, ecoplan::i18n::Lang::En)
            .unwrap_err()
            .contains("not a recovery file")
    );
    let claimed =
        ecoplan::app::Recovery::claim(&dir, &launched.borrow()[0], ecoplan::i18n::Lang::En)
            .unwrap();
    match &claimed.loaded {
        ecoplan::io::Loaded::Scenario(s) => {
            assert_eq!(s.series("gdp").unwrap().base.unwrap(), 802.0)
        }
        other => panic!("{other:?}"),
    }
    drop(claimed);
    // The restoring instance edits on and crashes too: nothing is lost.
    edit_gdp_and_autosave(&mut third, "803");
    drop(third);
    let fourth = instance(&dir, View::Overview);
    let mut bases: Vec<f64> = fourth
        .state()
        .offered_recovery
        .iter()
        .map(|work| match &work.loaded {
            ecoplan::io::Loaded::Scenario(s) => s.series("gdp").unwrap().base.unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    bases.sort_by(f64::total_cmp);
    assert_eq!(bases, vec![802.0, 803.0]);
}

#[test]
fn restored_work_is_kept_until_saved_and_discarded_work_is_deleted() {
    let dir = temp_dir("restore-then-save");
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "810");
    }
    {
        let mut harness = instance(&dir, View::Overview);
        harness.get_by_label("恢复").click();
        harness.run();
        // Not saved yet: a crash now would offer it again.
        assert_eq!(recovery_files(&dir).len(), 1);
        let saved = temp_dir("restore-then-save-file").join("saved.ron");
        harness.state_mut().doc.path = Some(saved.clone());
        assert!(harness.state_mut().save());
        harness.state().autosave();
        assert!(saved.is_file());
    }
    assert!(
        recovery_files(&dir).is_empty(),
        "saved work leaves no recovery file"
    );
    // Discarding deletes the offered file.
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "820");
    }
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("不保存").click();
    harness.run();
    assert!(harness.query_by_label("恢复未保存的工作").is_none());
    assert!(recovery_files(&dir).is_empty());
    // "Later" keeps it for the next start.
    drop(harness);
    {
        let mut harness = instance(&dir, View::Overview);
        edit_gdp_and_autosave(&mut harness, "830");
    }
    {
        let mut harness = instance(&dir, View::Overview);
        harness.get_by_label("稍后再说").click();
        harness.run();
        assert!(harness.query_by_label("恢复未保存的工作").is_none());
    }
    assert_eq!(
        instance(&dir, View::Overview)
            .state()
            .offered_recovery
            .len(),
        1
    );
}

#[test]
fn an_unreadable_recovery_file_is_set_aside_and_named() {
    let dir = temp_dir("unreadable-recovery");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("session-1-1.ron"), "(format_version: 4, series: [").unwrap();
    let mut harness = instance(&dir, View::Overview);
    let notes = &harness.state().recovery_notes;
    assert_eq!(notes.len(), 1);
    let kept = dir.join("unreadable").join("session-1-1.ron");
    assert!(notes[0].contains("session-1-1.ron"), "{notes:?}");
    assert!(notes[0].contains(&kept.display().to_string()), "{notes:?}");
    assert!(kept.is_file(), "the unreadable file is kept, not deleted");
    let note = "以下恢复文件无法读取，已移至一旁保留（未删除）：";
    assert!(harness.query_by_label(note).is_some());
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.query_by_label(note).is_none());
    // It is not offered again, and it is still kept.
    drop(harness);
    assert!(
        instance(&dir, View::Overview)
            .state()
            .recovery_notes
            .is_empty()
    );
    assert!(kept.is_file());
}

#[test]
fn a_recovery_file_of_an_earlier_version_is_offered() {
    let dir = temp_dir("legacy-recovery");
    std::fs::create_dir_all(&dir).unwrap();
    let mut scenario = ecoplan::plan::hanyang_plan();
    scenario.series_mut("gdp").unwrap().base = Some(777.0);
    std::fs::write(
        dir.join("unsaved.ron"),
        ecoplan::io::to_ron_string(&scenario),
    )
    .unwrap();
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("恢复").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .scenario()
            .series("gdp")
            .unwrap()
            .base
            .unwrap(),
        777.0
    );
}

#[test]
fn an_unsaved_workspace_is_offered_back_whole_after_a_crash() {
    let dir = temp_dir("workspace-recovery");
    {
        let mut harness = instance(&dir, View::Assumptions);
        harness.get_by_label("＋ 派生情景").click();
        harness.run();
        type_into(&mut harness, "年增长率 cod %", "9");
        press_enter(&mut harness);
        harness.state().autosave();
    }
    let mut harness = instance(&dir, View::Overview);
    harness.get_by_label("恢复").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.members.slots.len(), 2);
    assert!(app.any_dirty());
    let child = app.members.slots[1].doc.as_ref().unwrap();
    assert_eq!(
        child.scenario().series("cod").unwrap().rule,
        ecoplan::model::Rule::growth(0.09)
    );
}
