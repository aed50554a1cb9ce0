//! The values of options that clap keeps as typed (`KEY=RATE`, a distribution, a goal, a range),
//! read once the language is known, so that a mistyped one is refused in the user's language,
//! naming the option and what it expected.

use crate::engine::seek::Goal;
use crate::i18n::{Lang, Tr};
use crate::model::{Comparison, Correlation, Distribution, Uncertain};

use super::Failure;
use super::args::SeekArgs;

/// clap's parsers of our forms, worded in `lang`: the arguments' `--lang` is known only once
/// they are read, so the command is given these before it parses them (`in_lang`).
pub fn in_lang(command: clap::Command, lang: Lang) -> clap::Command {
    command.mut_subcommands(move |sub| {
        sub.mut_args(move |arg| match arg.get_id().as_str() {
            "growth" => arg.value_parser(move |t: &str| growth(lang, t).map_err(|f| f.message)),
            "uncertain" => {
                arg.value_parser(move |t: &str| uncertain(lang, t).map_err(|f| f.message))
            }
            "map" => arg.value_parser(move |t: &str| map(lang, t).map_err(|f| f.message)),
            "correlate" => {
                arg.value_parser(move |t: &str| correlate(lang, t).map_err(|f| f.message))
            }
            _ => arg,
        })
    })
}

/// The parsers the derive names, in the environment's language (`in_lang` replaces them).
pub fn growth_arg(text: &str) -> Result<(String, f64), String> {
    growth(Lang::from_environment(), text).map_err(|f| f.message)
}

pub fn uncertain_arg(text: &str) -> Result<Uncertain, String> {
    uncertain(Lang::from_environment(), text).map_err(|f| f.message)
}

pub fn correlate_arg(text: &str) -> Result<Correlation, String> {
    correlate(Lang::from_environment(), text).map_err(|f| f.message)
}

/// `KEY1,KEY2=RHO` of `--correlate`.
pub fn correlate(lang: Lang, text: &str) -> Result<Correlation, Failure> {
    let form = || expected(lang, "--correlate", text, Tr::FormCorrelate);
    let (pair, rho) = text.rsplit_once('=').ok_or_else(form)?;
    let (a, b) = pair
        .split_once(',')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(form)?;
    let rho = rho
        .trim()
        .parse()
        .map_err(|_| not_number(lang, "--correlate", text, rho))?;
    Ok(Correlation {
        between: (a.to_owned(), b.to_owned()),
        rho,
    })
}

pub fn map_arg(text: &str) -> Result<(String, String), String> {
    map(Lang::from_environment(), text).map_err(|f| f.message)
}

/// `OPTION TEXT: expected FORM`.
fn expected(lang: Lang, option: &str, text: &str, form: Tr) -> Failure {
    Failure::input(Tr::OptionExpected.fill(lang, &[&option, &text, &form.get(lang)]))
}

fn not_number(lang: Lang, option: &str, text: &str, number: &str) -> Failure {
    Failure::input(Tr::OptionNotNumber.fill(lang, &[&option, &text, &number.trim()]))
}

fn not_year(lang: Lang, option: &str, text: &str, year: &str) -> Failure {
    Failure::input(Tr::OptionNotYear.fill(lang, &[&option, &text, &year.trim()]))
}

/// `NAME=KEY` of `--map` (the name may itself hold `=`: the last one splits).
pub fn map(lang: Lang, text: &str) -> Result<(String, String), Failure> {
    let (name, key) = text
        .rsplit_once('=')
        .map(|(name, key)| (name.trim(), key.trim()))
        .filter(|(name, key)| !name.is_empty() && !key.is_empty())
        .ok_or_else(|| expected(lang, "--map", text, Tr::FormNameKey))?;
    Ok((name.to_owned(), key.to_owned()))
}

/// `KEY=RATE` of `--growth`.
pub fn growth(lang: Lang, text: &str) -> Result<(String, f64), Failure> {
    let (key, rate) = text
        .split_once('=')
        .filter(|(key, _)| !key.trim().is_empty())
        .ok_or_else(|| expected(lang, "--growth", text, Tr::FormKeyRate))?;
    let rate: f64 = rate.trim().parse().map_err(|_| {
        Failure::input(Tr::OptionNotRate.fill(lang, &[&"--growth", &text, &rate.trim()]))
    })?;
    Ok((key.trim().to_owned(), rate))
}

/// Comma-separated numbers of `OPTION TEXT`.
fn numbers(lang: Lang, option: &str, text: &str, list: &str) -> Result<Vec<f64>, Failure> {
    list.split(',')
        .map(|n| {
            n.trim()
                .parse::<f64>()
                .map_err(|_| not_number(lang, option, text, n))
        })
        .collect()
}

/// `KEY=DIST` of `--uncertain`: normal:MEAN,SD[,MIN,MAX], uniform:MIN,MAX or
/// triangular:MIN,MODE,MAX. A normal without bounds is cut at four standard deviations (and
/// at −99 % and +100 %, as the Uncertainty view cuts it).
pub fn uncertain(lang: Lang, text: &str) -> Result<Uncertain, Failure> {
    let form = || expected(lang, "--uncertain", text, Tr::FormDistribution);
    let (key, dist) = text.split_once('=').ok_or_else(form)?;
    let (kind, list) = dist.split_once(':').ok_or_else(form)?;
    let n = numbers(lang, "--uncertain", text, list)?;
    let distribution = match (kind.trim(), n.as_slice()) {
        ("uniform", [min, max]) => Distribution::Uniform {
            min: *min,
            max: *max,
        },
        ("triangular", [min, mode, max]) => Distribution::Triangular {
            min: *min,
            mode: *mode,
            max: *max,
        },
        ("normal", [mean, sd]) => Distribution::Normal {
            mean: *mean,
            sd: *sd,
            min: (mean - 4.0 * sd).max(-0.99),
            max: (mean + 4.0 * sd).min(1.0),
        },
        ("normal", [mean, sd, min, max]) => Distribution::Normal {
            mean: *mean,
            sd: *sd,
            min: *min,
            max: *max,
        },
        _ => return Err(form()),
    };
    Ok(Uncertain {
        series: key.trim().to_owned(),
        distribution,
    })
}

/// `--range LOW,HIGH` of `seek`.
pub fn range(lang: Lang, text: &str) -> Result<(f64, f64), Failure> {
    match numbers(lang, "--range", text, text)?.as_slice() {
        [low, high] => Ok((*low, *high)),
        _ => Err(expected(lang, "--range", text, Tr::FormRange)),
    }
}

/// The goal of `seek`: one of --target, --capacity or --bound (clap lets at most one through).
pub fn goal(lang: Lang, args: &SeekArgs) -> Result<Goal, Failure> {
    if let Some(key) = &args.target {
        return Ok(Goal::Target(key.clone()));
    }
    if let Some(text) = &args.capacity {
        let (pollutant, year) = text
            .split_once(':')
            .ok_or_else(|| expected(lang, "--capacity", text, Tr::FormPollutantYear))?;
        let until = year
            .trim()
            .parse()
            .map_err(|_| not_year(lang, "--capacity", text, year))?;
        return Ok(Goal::Capacity {
            pollutant: pollutant.trim().to_owned(),
            until,
        });
    }
    if let Some(text) = &args.bound {
        let form = || expected(lang, "--bound", text, Tr::FormBound);
        let (comparison, split) = if let Some(i) = text.find("<=") {
            (Comparison::AtMost, i)
        } else if let Some(i) = text.find(">=") {
            (Comparison::AtLeast, i)
        } else {
            return Err(form());
        };
        let (left, value) = (&text[..split], &text[split + 2..]);
        let (series, year) = left.split_once('@').ok_or_else(form)?;
        return Ok(Goal::Bound {
            series: series.trim().to_owned(),
            year: year
                .trim()
                .parse()
                .map_err(|_| not_year(lang, "--bound", text, year))?,
            comparison,
            value: value
                .trim()
                .parse()
                .map_err(|_| not_number(lang, "--bound", text, value))?,
        });
    }
    Err(Failure::input(Tr::OptionNoGoal.get(lang)))
}

/// Refuses a flag given twice for one key: keeping the last silently would run another
/// scenario than the one the command line reads as.
pub fn refuse_repeated<'a>(
    lang: Lang,
    flag: &str,
    keys: impl IntoIterator<Item = &'a str>,
) -> Result<(), Failure> {
    let mut seen = std::collections::HashSet::new();
    for key in keys {
        if !seen.insert(key) {
            return Err(Failure::input(
                Tr::OptionRepeated.fill(lang, &[&flag, &key]),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_value_is_refused_in_the_users_language_naming_the_option() {
        let zh = growth(Lang::Zh, "gdp=7.5%").unwrap_err().message;
        assert!(zh.contains("--growth") && zh.contains("不是数字"), "{zh}");
        let en = growth(Lang::En, "gdp=7.5%").unwrap_err().message;
        assert!(
            en.contains("--growth") && en.contains("is not a number"),
            "{en}"
        );
        assert_eq!(
            growth(Lang::Zh, " gdp = 0.075 ").unwrap(),
            ("gdp".into(), 0.075)
        );
        assert!(growth(Lang::Zh, "=0.075").is_err());
        assert!(map(Lang::Zh, "地区生产总值=").is_err());
        assert_eq!(
            map(Lang::Zh, "a=b=gdp").unwrap(),
            ("a=b".to_owned(), "gdp".to_owned())
        );
        let bad = uncertain(Lang::Zh, "gdp=normal:0.075").unwrap_err().message;
        assert!(
            bad.contains("--uncertain") && bad.contains("应写作"),
            "{bad}"
        );
        assert_eq!(range(Lang::En, "-0.1,0.2").unwrap(), (-0.1, 0.2));
        let year = range(Lang::Zh, "-0.1,x").unwrap_err().message;
        assert!(year.contains("“x”"), "{year}");
    }
}
