//! The commands that write into the scenario file: `import` (values or a district's statistics)
//! and `fit --apply`, each keeping a `.bak` and, for a file written by hand, its original.

use std::path::Path;

use crate::engine;
use crate::i18n::{Lang, Tr};
use crate::io::{self, csv};

use super::args::*;
use super::commands::*;
use super::say;

/// `ecoplan import BOOK --into SCENARIO [--dry-run]`: reads every value first, so a bad cell
/// leaves the scenario file as it was.
pub(super) fn import(args: &ImportArgs, lang: Lang) -> Result<(String, Option<Effect>), Failure> {
    let load = |path: &Path| io::load(path).map_err(|error| Failure::input(error.in_lang(lang)));
    let mut scenario = load(&args.into)?;
    // The scenario's writer lock from its read to its write: a second import into the same
    // file waits and then reads this one's result, so both changes are kept. (Taken once the
    // file is known to read, so a mistyped name leaves no lock file; then read under it.)
    let lock = if args.dry_run {
        None
    } else {
        let lock = io::lock_writers(&args.into, io::LOCK_WAIT)
            .map_err(|error| Failure::input(error.in_lang(lang)))?;
        scenario = load(&args.into)?;
        Some(lock)
    };
    if let Some((_, key)) = args
        .map
        .iter()
        .find(|(_, key)| scenario.series(key).is_none())
    {
        return Err(Failure::input(format!(
            "--map: {}",
            Tr::NoSuchSeries.fill(lang, &[key])
        )));
    }
    let options = io::history_table::HistoryOptions {
        sheet: args.sheet.clone(),
        map: args.map.clone(),
        skip_unmatched: args.skip_unmatched,
    };
    let values = io::history_table::read_import(&args.book, &scenario, &options)
        .map_err(|error| Failure::input(error.in_lang(lang)))?;
    let changes = io::indicator_table::changes_csv(&values);
    if args.dry_run || values.is_empty() {
        return Ok((changes, None));
    }
    let changed = io::indicator_table::with_values(&scenario, &values);
    // The values must leave a scenario that still analyses (a value can make a linked unit
    // conversion or a check fail only through a bug, but the file is worth the check).
    if let Some(error) = engine::validate(&changed).into_iter().next() {
        return Err(Failure::at(
            lang,
            &args.into,
            Tr::ImportLeavesInvalid.fill(lang, &[&error.in_lang(lang)]),
        ));
    }
    let into = args.into.clone();
    let lock = lock.expect("a lock is taken unless the import is a dry run");
    let save: Effect = Box::new(move || {
        let saved = io::save_text_locked(&io::to_ron_string(&changed), &into, &lock, None)
            .map_err(|error| {
                Failure::input(format!(
                    "{} {}",
                    error.in_lang(lang),
                    Tr::ChangesNotSaved.get(lang)
                ))
            })?;
        say_original_kept(&into, &saved, lang);
        Ok(())
    });
    Ok((changes, Some(save)))
}

/// Tells on stderr (stdout is the command's table) where the user's own text of a rewritten
/// file was kept.
pub(super) fn say_original_kept(path: &Path, saved: &io::Saved, lang: crate::i18n::Lang) {
    if let Some(original) = &saved.original {
        say(&Tr::OriginalKept.fill(lang, &[&path.display(), &original.display()]));
    }
}

pub(super) fn fit(args: &FitArgs, lang: Lang) -> Result<(String, Option<Effect>), Failure> {
    use crate::engine::fit;
    let load = |path: &Path| io::load(path).map_err(|error| Failure::input(error.in_lang(lang)));
    let mut scenario = load(&args.file)?;
    // With --apply, the file's writer lock from the read to the write, as an import holds it
    // (taken once the file is known to read, then read again under it).
    let lock = if args.apply {
        let lock = io::lock_writers(&args.file, io::LOCK_WAIT)
            .map_err(|error| Failure::input(error.in_lang(lang)))?;
        scenario = load(&args.file)?;
        Some(lock)
    } else {
        None
    };
    let result = fit::fit(
        &scenario,
        &args.series,
        args.method.into(),
        (args.from, args.to),
        args.driver.as_deref(),
    )
    .map_err(|error| {
        Failure::at(
            lang,
            &args.file,
            crate::i18n::fit_refusal(&error, &scenario, lang),
        )
    })?;
    let number = |v: f64| csv::number(v);
    let out = format!(
        "series,method,from,to,value,level,r2,rmse\n{},{},{},{},{},{},{},{}\n",
        csv::field(&result.series),
        result.method.key(),
        result.from,
        result.to,
        number(result.value),
        result.level.map(number).unwrap_or_default(),
        number(result.r2),
        number(result.rmse),
    );
    if args.apply {
        let rule = fit::rule_of_fit(&scenario, &result)
            .ok_or_else(|| Failure::at(lang, &args.file, Tr::FitGivesNoRule.get(lang)))?;
        let mut changed = scenario.clone();
        let series = changed
            .series_mut(&args.series)
            .expect("the fit found the series");
        series.rule = rule;
        // The note in both languages: the chapter is written in either.
        series.source = crate::model::Label {
            zh: crate::i18n::fit_note(&scenario, &result, Lang::Zh),
            en: crate::i18n::fit_note(&scenario, &result, Lang::En),
        };
        if let Some(error) = engine::validate(&changed).into_iter().next() {
            return Err(Failure::at(
                lang,
                &args.file,
                Tr::FitLeavesInvalid.fill(lang, &[&error.in_lang(lang)]),
            ));
        }
        let lock = lock.expect("--apply takes the lock");
        let file = args.file.clone();
        // Written once the fit's line is printed: a lost output changes nothing.
        let save: Effect = Box::new(move || {
            let saved = io::save_text_locked(&io::to_ron_string(&changed), &file, &lock, None)
                .map_err(|error| Failure::input(error.in_lang(lang)))?;
            say_original_kept(&file, &saved, lang);
            Ok(())
        });
        return Ok((out, Some(save)));
    }
    Ok((out, None))
}
