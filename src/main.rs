//! The `tablica` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use tablica::build::{build, BuildError, BuildOptions, BuildReport};
use tablica::diagnostics::Diagnostics;

/// An accessible, private static site generator for news and project pages.
#[derive(Parser)]
#[command(name = "tablica", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    ///
    /// When nothing under content/ and themes/ changed since the last build into the same
    /// folder, and the folder is as that build left it, nothing is built (--force builds).
    ///
    /// Exit status: 0 built, 1 content errors (the previous output is left as it was),
    /// 3 any other failure.
    Build {
        /// The site folder, holding content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Also publish documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print only errors and warnings.
        #[arg(long, short)]
        quiet: bool,
        /// Build even when nothing changed since the last build.
        #[arg(long)]
        force: bool,
        /// Replace the output folder even if it holds files tablica did not write (an
        /// unrelated folder, files added by hand, the output of an earlier tablica version):
        /// they are deleted. Without it such a folder is refused and the files are listed.
        #[arg(long)]
        replace_output: bool,
    },
    /// Check all content and report every problem, writing nothing.
    ///
    /// Exit status: 0 no errors (warnings may be printed), 1 content errors, 3 other failure.
    Check {
        /// The site folder, holding content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Also check documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Preview the site: build it, serve it on this computer, rebuild and reload on change.
    ///
    /// Pages are written to <root>/.tablica-cache/serve, never to public/. Stop with Ctrl+C.
    Serve {
        /// The site folder, holding content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port; the next free one is taken when it is in use (0: any free port).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Other computers can see the preview only if you
        /// choose an address on their network, e.g. 0.0.0.0.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Send the site to the server named under `deploy:` in site.yaml (see docs/deploy.md).
    ///
    /// Builds first (nothing is built when nothing changed). Only files that changed since
    /// the last deploy are sent; files the site no longer has are deleted on the server.
    ///
    /// Exit status: 0 deployed, 1 content errors (nothing sent), 3 any other failure.
    Deploy {
        /// The target's name under `deploy:`; may be left out when there is only one.
        target: Option<String>,
        /// The site folder, holding content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The built site to send [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// List what would be sent and deleted; change nothing on the server.
        #[arg(long)]
        dry_run: bool,
        /// Send the output folder as it is, without building first.
        #[arg(long)]
        no_build: bool,
    },
    /// Create a new site with an example post, project and page.
    New {
        /// The folder to create (must not exist or be empty).
        dir: PathBuf,
    },
}

/// Exit status for content errors.
const EXIT_CONTENT: u8 = 1;
/// Exit status for other failures (I/O, theme).
const EXIT_FAILURE: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            root,
            output,
            drafts,
            quiet,
            force,
            replace_output,
        } => {
            let options = BuildOptions {
                output,
                drafts,
                progress: !quiet && std::io::stderr().is_terminal(),
                skip_unchanged: !force,
                replace_output,
                ..BuildOptions::new(root)
            };
            Ok(report(build(&options), quiet, "built"))
        }
        Command::Check { root, drafts } => {
            let options = BuildOptions {
                drafts,
                check_only: true,
                ..BuildOptions::new(root)
            };
            Ok(report(build(&options), false, "checked"))
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
        } => {
            if !bind.is_loopback() {
                eprintln!(
                    "warning: listening on {bind}: other computers on the network can see the preview"
                );
            }
            let options = tablica::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
            };
            tablica::serve::serve(options, |addr| {
                println!("Serving the site at http://{addr}/ (Ctrl+C to stop)");
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
            if !no_build {
                let options = BuildOptions {
                    output: output.clone(),
                    progress,
                    ..BuildOptions::new(root.clone())
                };
                let result = build(&options);
                let failed = result.is_err();
                let code = report(result, false, "built");
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
                    eprintln!("error: {e}");
                    return Ok(ExitCode::from(EXIT_FAILURE));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New { dir } => {
            tablica::scaffold::create(&dir)
                .with_context(|| format!("cannot create a site in {}", dir.display()))?;
            println!("Created a new site in {}.", dir.display());
            println!("Build it with:  tablica build --root {}", dir.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_diagnostics(ds: &Diagnostics) {
    for d in &ds.0 {
        eprintln!("{d}");
    }
}

fn report(result: Result<BuildReport, BuildError>, quiet: bool, verb: &str) -> ExitCode {
    match result {
        Ok(r) => {
            print_diagnostics(&r.warnings);
            if r.up_to_date && !quiet {
                println!(
                    "up to date: nothing changed since the last build ({} posts, {} projects, {} pages, {} photos); --force builds again",
                    r.posts, r.projects, r.pages, r.photos
                );
            } else if !quiet {
                println!(
                    "{verb}: {} posts, {} projects, {} pages, {} photos ({} processed, {} from cache), {} files in {:.2} s",
                    r.posts,
                    r.projects,
                    r.pages,
                    r.photos,
                    r.photos_encoded,
                    r.photos - r.photos_encoded,
                    r.files,
                    r.duration.as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(ds)) => {
            print_diagnostics(&ds);
            eprintln!(
                "{} found; nothing was written, the previous output is unchanged.",
                BuildError::Content(ds.clone())
            );
            ExitCode::from(EXIT_CONTENT)
        }
        Err(e) => {
            eprintln!("error: {e}");
            if let BuildError::Output(output) = &e {
                if let Some(hint) = output.hint() {
                    eprintln!("  hint: {hint}");
                }
            }
            eprintln!("nothing was written; the previous output is unchanged.");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
