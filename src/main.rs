//! The `tablica` command line.
//!
//! Messages and `--help` are in the user's language: `--lang` (or `TABLICA_LANG`) when
//! given, else the language of the site (its site.yaml), else, outside a site, the system's
//! (see [`tablica::locale::system_language`]). The texts are in the catalogue
//! ([`tablica::locale::catalogue`]); the clap definitions below give the structure only.

#![forbid(unsafe_code)]

mod cli;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::FromArgMatches;

use tablica::build::{build, BuildError, BuildOptions};
use tablica::diagnostics::Diagnostics;
use tablica::locale::catalogue::Cli as M;
use tablica::locale::catalogue::Editor as Ed;
use tablica::locale::{set_language, Lang, Message};
use tablica::msg;
use tablica::scaffold::{self, Given};

use cli::args::{Cli, Command, ImportFrom, LangArg, Listen, YesNo};
use cli::help::{choose_language, command, command_line_error};
use cli::report::{print_timed, report, warn_if_open, EXIT_FAILURE};

/// A build allocates and frees millions of small values (Tera's context of every page, its
/// output, the search terms) on all cores at once: mimalloc's per-thread heaps serve them with
/// less work and contention than the system's allocator (`cargo bench --bench compare`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        Command::Check {
            root,
            drafts,
            external,
        } => {
            let options = BuildOptions {
                drafts,
                check_only: true,
                external_links: external,
                progress: std::io::stderr().is_terminal(),
                ..BuildOptions::new(root)
            };
            let result = build(&options);
            if let Ok(r) = &result {
                print_timed(&r.timed);
            }
            Ok(report(result, false, true))
        }
        Command::Serve {
            listen: Listen { root, port, bind },
            drafts,
            preview,
        } => {
            warn_if_open(bind, M::ServeOpenToNetwork);
            let options = tablica::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                preview,
                mount: None,
            };
            tablica::serve::serve(options, |addr| {
                println!("{}", msg!(M::Serving, addr = addr.to_string()));
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Edit {
            listen: Listen { root, port, bind },
            login,
        } => {
            warn_if_open(bind, Ed::OpenToNetwork);
            let options = tablica::editor::EditOptions {
                root,
                bind,
                port,
                login,
                password: std::env::var("TABLICA_EDIT_PASSWORD")
                    .ok()
                    .filter(|p| !p.is_empty()),
            };
            tablica::editor::edit(options, |ready| {
                println!("{}", msg!(Ed::ServingEditor, url = ready.url));
                if let Some(url) = ready.login_url {
                    println!("{}", msg!(Ed::LoginLink, url = url));
                }
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
            // The settings, read once: they say which folder to send (a preview target gets a
            // preview build, in a folder of its own) and where.
            let config = match tablica::config::load(&root) {
                Ok(config) => config,
                Err(problems) => {
                    let mut problems = Diagnostics(problems);
                    problems.sort();
                    return Ok(report(Err(BuildError::Content(problems)), false, false));
                }
            };
            let (folder, preview) = tablica::deploy::source(
                &config,
                &root,
                target.as_deref(),
                (output.clone(), no_build),
            );
            if !no_build {
                let options = BuildOptions {
                    output: Some(folder.clone()),
                    progress,
                    preview,
                    // The preview's folder is tablica's own.
                    replace_output: preview && output.is_none(),
                    ..BuildOptions::new(root.clone())
                };
                let result = build(&options);
                let failed = result.is_err();
                let code = report(result, false, false);
                if failed {
                    return Ok(code);
                }
            }
            let options = tablica::deploy::DeployOptions {
                root,
                output: Some(folder),
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
