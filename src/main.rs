//! The `tablica` command line.
//!
//! Messages and `--help` are in the user's language: `--lang` (or `TABLICA_LANG`) when
//! given, else the language of the site (its site.yaml), else, outside a site, the system's
//! (see [`tablica::locale::system_language`]). The texts are in the catalogue
//! ([`tablica::locale::catalogue`]); the clap definitions below give the structure only.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use tablica::build::{build, BuildError, BuildOptions, BuildReport};
use tablica::diagnostics::Diagnostics;
use tablica::locale::catalogue::Cli as M;
use tablica::locale::{set_language, Lang, Message};
use tablica::msg;
use tablica::scaffold::{self, Given};

#[derive(Parser)]
#[command(name = "tablica", version)]
struct Cli {
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Pl,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum YesNo {
    Yes,
    No,
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        preview: bool,
        #[arg(long, short)]
        quiet: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        replace_output: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        drafts: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        preview: bool,
    },
    Deploy {
        target: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        no_build: bool,
    },
    New {
        dir: PathBuf,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long, value_enum)]
        photos_of_people: Option<YesNo>,
        #[arg(long, short, conflicts_with = "ask")]
        yes: bool,
        #[arg(long)]
        ask: bool,
    },
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
}

#[derive(Subcommand)]
enum ImportFrom {
    Wordpress {
        export: PathBuf,
        #[arg(long)]
        uploads: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        into: PathBuf,
    },
}

/// The texts of one subcommand's help, from the catalogue.
struct SubcommandHelp {
    name: &'static str,
    about: M,
    long_about: M,
    /// Each option (by its clap id) and its text.
    args: &'static [(&'static str, M)],
}

/// The help text of each subcommand and option.
const HELP: &[SubcommandHelp] = &[
    SubcommandHelp {
        name: "build",
        about: M::HelpBuild,
        long_about: M::HelpBuildLong,
        args: &[
            ("root", M::HelpRoot),
            ("output", M::HelpOutput),
            ("drafts", M::HelpDrafts),
            ("preview", M::HelpPreview),
            ("quiet", M::HelpQuiet),
            ("force", M::HelpForce),
            ("replace_output", M::HelpReplaceOutput),
        ],
    },
    SubcommandHelp {
        name: "check",
        about: M::HelpCheck,
        long_about: M::HelpCheckLong,
        args: &[("root", M::HelpRoot), ("drafts", M::HelpCheckDrafts)],
    },
    SubcommandHelp {
        name: "serve",
        about: M::HelpServe,
        long_about: M::HelpServeLong,
        args: &[
            ("root", M::HelpRoot),
            ("port", M::HelpPort),
            ("bind", M::HelpBind),
            ("drafts", M::HelpServeDrafts),
            ("preview", M::HelpServePreview),
        ],
    },
    SubcommandHelp {
        name: "deploy",
        about: M::HelpDeploy,
        long_about: M::HelpDeployLong,
        args: &[
            ("target", M::HelpDeployTarget),
            ("root", M::HelpRoot),
            ("output", M::HelpDeployOutput),
            ("dry_run", M::HelpDeployDryRun),
            ("no_build", M::HelpDeployNoBuild),
        ],
    },
    SubcommandHelp {
        name: "new",
        about: M::HelpNew,
        long_about: M::HelpNew,
        args: &[
            ("dir", M::HelpNewDir),
            ("name", M::HelpNewName),
            ("address", M::HelpNewAddress),
            ("email", M::HelpNewEmail),
            ("phone", M::HelpNewPhone),
            ("base_url", M::HelpNewBaseUrl),
            ("photos_of_people", M::HelpNewPhotos),
            ("yes", M::HelpNewYes),
            ("ask", M::HelpNewAsk),
        ],
    },
    SubcommandHelp {
        name: "import",
        about: M::HelpImport,
        long_about: M::HelpImport,
        args: &[],
    },
];

/// The texts of `tablica import wordpress`, a level below the others.
const IMPORT_WORDPRESS: SubcommandHelp = SubcommandHelp {
    name: "wordpress",
    about: M::HelpImportWordpress,
    long_about: M::HelpImportWordpress,
    args: &[
        ("export", M::HelpImportExport),
        ("uploads", M::HelpImportUploads),
        ("into", M::HelpImportInto),
    ],
};

/// clap's help layout with the headings clap writes itself in Polish.
const POLISH_HELP: &str = "{about-with-newline}\nUżycie: {usage}\n\n{all-args}{after-help}";

/// The clap command with its texts in `lang`.
fn command(lang: Lang) -> clap::Command {
    let t = |key: M| Message::new(key).render(lang);
    let mut cmd = Cli::command()
        .about(t(M::HelpAbout))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .long("help")
                .short('h')
                .global(true)
                .action(ArgAction::Help)
                .help(t(M::HelpHelp)),
        )
        .arg(
            Arg::new("version")
                .long("version")
                .short('V')
                .action(ArgAction::Version)
                .help(t(M::HelpVersion)),
        )
        .mut_arg("lang", |a| {
            a.help(t(M::HelpLang)).hide_possible_values(true)
        });
    let texts = |mut sub: clap::Command, help: &SubcommandHelp| {
        sub = sub
            .about(t(help.about))
            .long_about(t(help.long_about))
            .disable_help_flag(true);
        for (arg, help) in help.args {
            sub = sub.mut_arg(arg, |a| a.help(t(*help)));
        }
        sub
    };
    for help in HELP {
        cmd = cmd.mut_subcommand(help.name, |sub| texts(sub, help));
    }
    cmd = cmd.mut_subcommand("import", |sub| {
        sub.mut_subcommand("wordpress", |w| texts(w, &IMPORT_WORDPRESS))
    });
    if lang == Lang::Pl {
        cmd = cmd
            .override_usage("tablica [OPCJE] <POLECENIE>")
            .help_template(POLISH_HELP)
            .subcommand_help_heading("Polecenia")
            .subcommand_value_name("POLECENIE")
            .next_help_heading("Opcje")
            .mut_args(|a| a.help_heading("Opcje"))
            .mut_subcommands(|sub| {
                let sub = match sub.get_name() {
                    "new" => sub
                        .override_usage("tablica new [OPCJE] <FOLDER>")
                        .mut_arg("dir", |a| a.value_name("FOLDER")),
                    name => {
                        let usage = format!("tablica {name} [OPCJE]");
                        sub.override_usage(usage)
                    }
                };
                sub.help_template(POLISH_HELP).mut_args(|a| {
                    let heading = if a.is_positional() {
                        "Argumenty"
                    } else {
                        "Opcje"
                    };
                    a.help_heading(heading)
                })
            });
    }
    cmd
}

/// The value of `--name` among the arguments, before clap has parsed them.
fn early_value(args: &[OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == long {
            return iter.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix(&format!("{long}=")) {
            return Some(value.to_string());
        }
    }
    None
}

/// The language of this run's messages: `--lang`, `TABLICA_LANG`, the site's language (of
/// `--root` or the current folder), the system's.
fn choose_language(args: &[OsString]) -> Lang {
    let named = |code: &str| match code {
        "pl" => Some(Lang::Pl),
        "en" => Some(Lang::En),
        _ => None,
    };
    if let Some(lang) = early_value(args, "lang").as_deref().and_then(named) {
        return lang;
    }
    if let Some(lang) = std::env::var("TABLICA_LANG")
        .ok()
        .as_deref()
        .and_then(named)
    {
        return lang;
    }
    let root = early_value(args, "root").unwrap_or_else(|| ".".to_string());
    if let Some(lang) = tablica::config::language(Path::new(&root)) {
        return lang;
    }
    tablica::locale::system_language(|name| std::env::var(name).ok()).unwrap_or(Lang::En)
}

/// Exit status for content errors.
const EXIT_CONTENT: u8 = 1;
/// Exit status for other failures (I/O, theme).
const EXIT_FAILURE: u8 = 3;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = choose_language(&args);
    set_language(lang);
    let cli = match command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e, lang),
    };
    // `--lang` after the subcommand is seen by the early look too; this covers the rest.
    if let Some(chosen) = cli.lang {
        set_language(match chosen {
            LangArg::Pl => Lang::Pl,
            LangArg::En => Lang::En,
        });
    }
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e:#}", Message::new(M::Error));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// A mistake on the command line, in the run's language. Help and version, and every English
/// message, go out as clap writes them (the help texts come from the catalogue already).
fn command_line_error(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let shown_by_clap = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_by_clap || lang == Lang::En {
        e.exit();
    }
    let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => msg!(M::ArgUnknown, arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            M::CommandUnknown,
            command = context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            M::ArgInvalidValue,
            value = context(ContextKind::InvalidValue),
            arg = arg
        ),
        ErrorKind::MissingRequiredArgument => msg!(M::ArgMissing, args = arg),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!(M::ArgMissingValue, arg = arg)
        }
        ErrorKind::ArgumentConflict => msg!(
            M::ArgConflict,
            arg = arg,
            other = context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            msg!(M::ArgUnexpected, arg = context(ContextKind::InvalidValue))
        }
        _ => Message::new(M::ArgBadCall),
    };
    eprintln!("{}: {problem}", Message::new(M::Error));
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(context)
        .find(|s| !s.is_empty());
    if let Some(suggestion) = suggestion {
        eprintln!("  {}", msg!(M::ArgSuggest, suggestion = suggestion));
    }
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        eprintln!("  {}", msg!(M::ArgPossibleValues, values = valid));
    }
    eprintln!(
        "  {}: {}",
        Message::new(M::Hint),
        msg!(M::ArgSeeHelp, help = "tablica --help")
    );
    ExitCode::from(2)
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Build {
            root,
            output,
            drafts,
            preview,
            quiet,
            force,
            replace_output,
        } => {
            let options = BuildOptions {
                output,
                drafts,
                preview,
                progress: !quiet && std::io::stderr().is_terminal(),
                skip_unchanged: !force,
                replace_output,
                ..BuildOptions::new(root)
            };
            Ok(report(build(&options), quiet, false))
        }
        Command::Check { root, drafts } => {
            let options = BuildOptions {
                drafts,
                check_only: true,
                ..BuildOptions::new(root)
            };
            let result = build(&options);
            if let Ok(r) = &result {
                print_timed(&r.timed);
            }
            Ok(report(result, false, true))
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            preview,
        } => {
            if !bind.is_loopback() {
                eprintln!(
                    "{}: {}",
                    Message::new(M::Warning),
                    msg!(M::ServeOpenToNetwork, bind = bind.to_string())
                );
            }
            let options = tablica::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                preview,
            };
            tablica::serve::serve(options, |addr| {
                println!("{}", msg!(M::Serving, addr = addr.to_string()));
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Deploy {
            target,
            root,
            output,
            dry_run,
            no_build,
        } => {
            let progress = std::io::stderr().is_terminal();
            // A preview target gets a preview build, in a folder of its own (without settings
            // that load, the build below reports why).
            let preview = tablica::config::load(&root)
                .is_ok_and(|config| tablica::deploy::is_preview(&config, target.as_deref()));
            let own_folder = preview && output.is_none();
            let output = output.or_else(|| preview.then(|| tablica::deploy::preview_output(&root)));
            if !no_build {
                let options = BuildOptions {
                    output: output.clone(),
                    progress,
                    preview,
                    replace_output: own_folder,
                    ..BuildOptions::new(root.clone())
                };
                let result = build(&options);
                let failed = result.is_err();
                let code = report(result, false, false);
                if failed {
                    return Ok(code);
                }
            }
            let config = match tablica::config::load(&root) {
                Ok(config) => config,
                Err(problems) => {
                    print_diagnostics(&Diagnostics(problems));
                    return Ok(ExitCode::from(EXIT_CONTENT));
                }
            };
            let options = tablica::deploy::DeployOptions {
                root,
                output,
                target,
                dry_run,
                progress,
            };
            match tablica::deploy::deploy(&config, &options) {
                Ok(tablica::deploy::Outcome::Deployed(report)) => println!("{report}"),
                Ok(tablica::deploy::Outcome::DryRun(listing)) => println!("{listing}"),
                Err(e) => {
                    eprintln!("{}: {e}", msg!(M::Error));
                    return Ok(ExitCode::from(EXIT_FAILURE));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            dir,
            name,
            address,
            email,
            phone,
            base_url,
            photos_of_people,
            yes,
            ask,
        } => {
            let given = Given {
                name,
                address,
                email,
                phone,
                base_url,
                photos_of_people: photos_of_people.map(|p| matches!(p, YesNo::Yes)),
            };
            let answers = if yes || !(ask || std::io::stdin().is_terminal()) {
                given.or_examples()?
            } else {
                println!("{}", msg!(M::NewIntro, dir = dir.display().to_string()));
                let stdin = std::io::stdin();
                scaffold::ask(given, &mut stdin.lock(), &mut std::io::stdout())?
            };
            let shown = dir.display().to_string();
            scaffold::create(&dir, &answers)
                .map_err(|e| anyhow::anyhow!("{}: {e}", msg!(M::CannotCreate, dir = &shown)))?;
            let settings = dir.join("content").join("site.yaml");
            println!("{}", msg!(M::Created, dir = &shown));
            if scaffold::is_example_address(&answers.base_url) {
                println!(
                    "{}",
                    msg!(M::ExampleAddress, settings = settings.display().to_string())
                );
            }
            println!(
                "{}",
                msg!(
                    M::NextSteps,
                    settings = settings.display().to_string(),
                    dir = &shown
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            from:
                ImportFrom::Wordpress {
                    export,
                    uploads,
                    into,
                },
        } => {
            use tablica::import::wordpress::{import, Options};
            let today = chrono::Local::now().date_naive();
            match import(&Options {
                export,
                uploads,
                into,
                today,
            }) {
                Ok(outcome) => {
                    print!("{outcome}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("{}: {e}", Message::new(M::Error));
                    if let Some(hint) = e.hint() {
                        eprintln!("  {}: {hint}", Message::new(M::Hint));
                    }
                    Ok(ExitCode::from(EXIT_FAILURE))
                }
            }
        }
    }
}

/// `check`'s list of what is scheduled for later (and when it appears) and what expired.
fn print_timed(timed: &[tablica::site::schedule::Timed]) {
    use tablica::site::schedule::Timing;
    let lang = tablica::locale::language();
    let when = |d: tablica::content::date::Date| {
        let day = tablica::locale::date_long(lang, d.date());
        match d.has_time {
            true => format!("{day}, {}", d.local.format("%H:%M")),
            false => day,
        }
    };
    for t in timed {
        let (key, date) = match t.timing {
            Timing::Scheduled(d) => (M::CheckScheduled, d),
            Timing::Expired(d) => (M::CheckExpired, d),
            Timing::Current => continue,
        };
        let file = t.file.display().to_string();
        println!(
            "{}",
            msg!(key, file = file, title = &t.title, when = when(date))
        );
    }
}

fn print_diagnostics(ds: &Diagnostics) {
    for d in &ds.0 {
        eprintln!("{d}");
    }
}

fn report(result: Result<BuildReport, BuildError>, quiet: bool, check: bool) -> ExitCode {
    match result {
        Ok(r) => {
            print_diagnostics(&r.warnings);
            let counts = |key: M| {
                msg!(
                    key,
                    posts = r.posts,
                    projects = r.projects,
                    pages = r.pages,
                    photos = r.photos
                )
            };
            if quiet {
            } else if r.up_to_date {
                println!("{}", counts(M::UpToDate));
            } else if check {
                println!("{}", counts(M::Checked));
            } else {
                println!(
                    "{}",
                    counts(M::Built)
                        .arg("processed", r.photos_encoded)
                        .arg("cached", r.photos - r.photos_encoded)
                        .arg("files", r.files)
                        .arg(
                            "seconds",
                            tablica::locale::seconds(tablica::locale::language(), r.duration),
                        )
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(ds)) => {
            print_diagnostics(&ds);
            let errors = BuildError::Content(ds).to_string();
            eprintln!("{}", msg!(M::ContentErrorsFound, errors = errors));
            ExitCode::from(EXIT_CONTENT)
        }
        Err(e) => {
            eprintln!("{}: {e}", Message::new(M::Error));
            if let BuildError::Output(output) = &e {
                if let Some(hint) = output.hint() {
                    eprintln!("  {}: {hint}", Message::new(M::Hint));
                }
            }
            eprintln!("{}", Message::new(M::NothingWritten));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent_in_both_languages() {
        for lang in [Lang::Pl, Lang::En] {
            let cmd = command(lang);
            cmd.clone().debug_assert();
            // Every subcommand and option has its text from the catalogue.
            for sub in cmd.get_subcommands() {
                assert!(sub.get_about().is_some(), "{}", sub.get_name());
                for arg in sub.get_arguments() {
                    assert!(
                        arg.get_help().is_some(),
                        "{} {}",
                        sub.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
    }
}
