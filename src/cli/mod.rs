//! The `ecoplan` command line: every analysis of the window, headless, for scripts.
//!
//! The CSV columns and the exit codes are interfaces other people's scripts depend on: stdout
//! carries only the table (one header row), messages go to stderr, and any bad input exits 2.
//! Messages, table headers and names are in the user's language (`--lang`, else the
//! environment's); CSV keys and column names never change.

mod args;
mod commands;
mod help;
mod options;
mod risk;
mod table;
mod writes;

use std::ffi::OsString;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Tr};
use crate::io::say;

pub use args::*;
pub use commands::{Failure, apply_overrides, run, scenarios_of};

/// The program's arguments, or the exit code when they are help, the version or wrong (said on
/// stdout or stderr). `entry::run` dispatches what they ask for.
pub fn parse() -> Result<Cli, i32> {
    parse_from(std::env::args_os())
}

/// `parse` of the given arguments (the first is the program).
pub fn parse_from(arguments: impl IntoIterator<Item = OsString>) -> Result<Cli, i32> {
    let arguments: Vec<OsString> = arguments.into_iter().collect();
    let error = match try_parse(&arguments) {
        Ok(cli) => match (&cli.command, cli.window.given()) {
            // The window's options with a command: one of them would be silently ignored.
            (Some(_), Some(option)) => {
                let lang = asked_lang(&arguments);
                let message = Tr::WindowOptionWithCommand.fill(lang, &[&option]);
                say(&Tr::ArgError.fill(lang, &[&message]));
                return Err(2);
            }
            _ => return Ok(cli),
        },
        Err(error) => error,
    };
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Help and version are output: one that cannot be written is a failure.
        return Err(match print_out(&error.render().to_string()) {
            Ok(()) => 0,
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(error) => {
                let lang = asked_lang(&arguments);
                say(&Tr::CannotWriteOutput.fill(lang, &[&crate::refusals::io_words(&error, lang)]));
                1
            }
        });
    }
    say(&argument_error(&error, &arguments, asked_lang(&arguments)));
    Err(2)
}

/// The arguments as clap reads them, our forms' refusals worded in the language they ask for.
fn try_parse(arguments: &[OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let lang = asked_lang(arguments);
    let command = help::in_lang(options::in_lang(Cli::command(), lang), lang);
    let matches = command.try_get_matches_from(help_command_read_as_flag(arguments))?;
    Cli::from_arg_matches(&matches)
}

/// `ecoplan help [COMMAND]` as `ecoplan [COMMAND] --help`: the same help in every language
/// (the Chinese help has no help subcommand of clap's, whose words would be English).
fn help_command_read_as_flag(arguments: &[OsString]) -> Vec<OsString> {
    // The first word that is neither an option nor the value of one before it.
    const TAKE_A_VALUE: [&str; 5] = ["--lang", "--view", "--screenshot", "--theme", "--recover"];
    let mut first = None;
    let mut i = 1;
    while i < arguments.len() {
        let word = arguments[i].to_string_lossy();
        if TAKE_A_VALUE.contains(&word.as_ref()) {
            i += 2;
            continue;
        }
        if !word.starts_with('-') {
            first = Some(i);
            break;
        }
        i += 1;
    }
    match first {
        Some(i) if arguments[i] == "help" => {
            let mut read: Vec<OsString> = arguments[..i].to_vec();
            read.extend(arguments[i + 1..].iter().cloned());
            read.push("--help".into());
            read
        }
        _ => arguments.to_vec(),
    }
}

/// The language an argument list asks for (`--lang en`, `--lang=en`), read before clap has
/// parsed it so that clap's own refusals are worded in it; else the environment's.
fn asked_lang(arguments: &[OsString]) -> Lang {
    // The last one, as clap keeps it; nothing after `--` is an option.
    let mut asked = None;
    let mut words = arguments
        .iter()
        .filter_map(|a| a.to_str())
        .take_while(|word| *word != "--");
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("zh") => asked = Some(Lang::Zh),
            Some("en") => asked = Some(Lang::En),
            _ => {}
        }
    }
    asked.unwrap_or_else(Lang::from_environment)
}

/// The options `options::in_lang` parses: their refusals are already worded.
const OUR_FORMS: [&str; 4] = ["--growth", "--uncertain", "--map", "--correlate"];

/// A refusal of clap's in `lang`: what was wrong, with clap's suggestion, and the usage, so
/// that a script's log says what was expected.
fn argument_error(error: &clap::Error, arguments: &[OsString], lang: Lang) -> String {
    let text = |kind: ContextKind| error.get(kind).map(ContextValue::to_string);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => Tr::ArgUnknown.fill(lang, &[&arg]),
        ErrorKind::InvalidSubcommand => Tr::ArgUnknownCommand.fill(
            lang,
            &[&text(ContextKind::InvalidSubcommand).unwrap_or_default()],
        ),
        ErrorKind::InvalidValue if value.is_empty() => Tr::ArgNeedsValue.fill(lang, &[&arg]),
        ErrorKind::InvalidValue => Tr::ArgInvalidValue.fill(lang, &[&arg, &value]),
        // Our own parsers' refusal (`options`) says all; clap's number parsers' does not.
        ErrorKind::ValueValidation if OUR_FORMS.iter().any(|form| arg.starts_with(form)) => {
            std::error::Error::source(error).map_or_else(String::new, ToString::to_string)
        }
        ErrorKind::ValueValidation if value.trim().parse::<f64>().is_ok() => {
            Tr::ArgOutOfRange.fill(lang, &[&arg, &value])
        }
        ErrorKind::ValueValidation => Tr::ArgNotNumber.fill(lang, &[&arg, &value]),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            Tr::ArgValueCount.fill(lang, &[&arg])
        }
        // clap calls an option given twice a conflict with itself.
        ErrorKind::ArgumentConflict if text(ContextKind::PriorArg).as_ref() == Some(&arg) => {
            Tr::ArgTwice.fill(lang, &[&arg])
        }
        ErrorKind::ArgumentConflict => Tr::ArgConflict.fill(
            lang,
            &[&arg, &text(ContextKind::PriorArg).unwrap_or_default()],
        ),
        ErrorKind::MissingRequiredArgument => Tr::ArgMissing.fill(lang, &[&arg]),
        ErrorKind::InvalidUtf8 => Tr::ArgNotUtf8.get(lang).to_owned(),
        _ => Tr::ArgWrong.get(lang).to_owned(),
    };
    if let Some(ContextValue::Strings(valid)) = error.get(ContextKind::ValidValue)
        && !valid.is_empty()
    {
        message.push_str(&Tr::ArgOneOf.fill(lang, &[&valid.join(", ")]));
    }
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(text);
    if let Some(suggested) = suggested.filter(|s| !s.is_empty()) {
        message.push_str(&Tr::ArgDidYouMean.fill(lang, &[&suggested]));
    }
    let usage = crate::i18n::usage_in(lang, &usage_of(arguments));
    format!(
        "{}\n{}",
        Tr::ArgError.fill(lang, &[&message]),
        Tr::ArgUsage.fill(lang, &[&usage.trim()])
    )
}

/// The usage of the command the arguments name (`ecoplan export …`), else of the program.
fn usage_of(arguments: &[OsString]) -> String {
    use clap::CommandFactory;
    let mut program = Cli::command();
    program.build();
    let named = arguments
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|word| program.find_subcommand(word).cloned());
    let usage = match named {
        Some(mut command) => command.render_usage(),
        None => program.render_usage(),
    };
    usage.to_string().trim_start_matches("Usage:").to_owned()
}

/// Runs a subcommand, printing its output or its message; returns the exit code. What the
/// command writes to its files comes after its output is printed (an import's save): a lost
/// output changes nothing.
pub fn main(command: &Command, lang: Lang) -> i32 {
    let outcome = match command {
        Command::Import(args) => writes::import(args, lang),
        Command::Fit(args) => writes::fit(args, lang),
        command => run(command, lang).map(|text| (text, None)),
    };
    match outcome {
        Ok((text, effect)) => {
            match print_out(&text) {
                Ok(()) => {}
                // A closed pipe (`| head`) is not an error worth a message, nor a reason to
                // leave undone what was asked.
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(error) => {
                    say(&Tr::CannotWriteOutput
                        .fill(lang, &[&crate::refusals::io_words(&error, lang)]));
                    return 1;
                }
            }
            match effect.map_or(Ok(()), |effect| effect()) {
                Ok(()) => 0,
                Err(failure) => {
                    say(&failure.message);
                    failure.code
                }
            }
        }
        Err(failure) => {
            say(&failure.message);
            failure.code
        }
    }
}

/// Writes the command's output to stdout, saying whether it got there. (A descriptor closed
/// before the start, `>&-`, Rust's runtime has already opened on /dev/null, as scripts open
/// it on purpose (Python's `subprocess.DEVNULL` reads and writes too): that output is as lost
/// as one sent there, and cannot be told from it.)
fn print_out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn refusal(words: &[&str]) -> String {
        let arguments: Vec<OsString> = std::iter::once("ecoplan")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect();
        let error = try_parse(&arguments).expect_err("refused");
        argument_error(&error, &arguments, asked_lang(&arguments))
    }

    #[test]
    fn clap_refusals_read_in_the_language_asked_for_with_the_usage() {
        let unknown = refusal(&["project", "--horizn", "2030", "--lang", "zh"]);
        assert!(unknown.contains("不认识的参数“--horizn”"), "{unknown}");
        assert!(unknown.contains("--horizon"), "the suggestion: {unknown}");
        assert!(unknown.contains("用法：ecoplan project"), "{unknown}");
        let value = refusal(&["--lang=en", "export", "out.csv", "--table", "budget"]);
        assert!(
            value.contains("invalid value \"budget\" for --table"),
            "{value}"
        );
        assert!(
            value.contains("projection, capacity, targets, indicators"),
            "{value}"
        );
        let number = refusal(&["uncertainty", "--runs", "many", "--lang", "zh"]);
        assert!(
            number.contains("--runs") && number.contains("“many”"),
            "{number}"
        );
        let growth = refusal(&["project", "--growth", "gdp=fast", "--lang", "zh"]);
        assert!(growth.contains("“fast”不是数字"), "{growth}");
        assert!(growth.contains("用法：ecoplan project"), "{growth}");
        let range = refusal(&["project", "--horizon", "99999999999", "--lang", "zh"]);
        assert!(range.contains("“99999999999”超出可用范围"), "{range}");
        let twice = refusal(&[
            "project",
            "--horizon",
            "2030",
            "--horizon",
            "2031",
            "--lang",
            "zh",
        ]);
        assert!(twice.contains("给出了不止一次"), "{twice}");
        let missing = refusal(&["fit", "x.ron", "--lang", "zh"]);
        assert!(missing.contains("缺少必需的参数"), "{missing}");
    }

    #[test]
    fn lang_is_read_after_any_command_and_before_clap_parses() {
        for words in [
            vec!["project", "--lang", "en"],
            vec!["check", "x.ron", "--lang=en"],
            vec!["export", "--lang", "en", "out.csv"],
            vec!["--lang", "zh", "project", "--lang", "en"],
        ] {
            let arguments: Vec<OsString> = std::iter::once("ecoplan")
                .chain(words.iter().copied())
                .map(OsString::from)
                .collect();
            assert_eq!(asked_lang(&arguments), Lang::En, "{words:?}");
            let cli = Cli::try_parse_from(&arguments).expect("parses");
            assert_eq!(cli.lang(), Lang::En, "{words:?}");
        }
    }
}
