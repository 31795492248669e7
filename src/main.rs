//! The `govkg` command: parse the command line, run, map errors to an exit
//! code. A closed pipe (`govkg query ... | head`) ends quietly.

use anyhow::{Context, Result};
use clap::Parser;
use govkg::cli::{Args, Command};
use govkg::pipeline::{self, BuildOptions};
use govkg::render::{self, TableStyle};
use govkg::repl::{self, Session};
use govkg::store::{Access, Store};
use govkg::{graph, queries};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", repl::one_line(&err));
            ExitCode::FAILURE
        }
    }
}

/// Opens a store for reading, refusing to conjure an empty one from a
/// mistyped path.
fn open_existing(dir: &std::path::Path) -> Result<Store> {
    if !dir.is_dir() {
        anyhow::bail!("{}: no store here (build one with `govkg build`, or say --store DIR)", dir.display());
    }
    Store::open(dir, Access::Read)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        None => {
            let store = Store::open(&args.store, Access::Write)?;
            let seeds = PathBuf::from("seeds");
            if seeds.is_dir() {
                let report = pipeline::build(&store, &[seeds], &BuildOptions::default())?;
                eprintln!("{}", report.summary());
            }
            Session::new(store).run()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Build { paths, emit: Some(emit), .. }) => {
            let [format, dir] = emit.as_slice() else { anyhow::bail!("say --emit nquads DIR") };
            if format != "nquads" {
                anyhow::bail!("--emit {format}: the one format is nquads");
            }
            let report = pipeline::emit(&paths, std::path::Path::new(dir))?;
            println!("{}", report.summary());
            Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
        Some(Command::Build { paths, force, emit: None }) => {
            let store = Store::open(&args.store, Access::Write)?;
            let report = pipeline::build(&store, &paths, &BuildOptions { force })?;
            println!("{}", report.summary());
            Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
        Some(Command::Query { query, format, params, endpoint }) => {
            let (_, text) = queries::resolve(&query)?;
            let bindings = queries::bindings(&params)?;
            let results = match endpoint {
                Some(endpoint) if !bindings.is_empty() => {
                    anyhow::bail!(
                        "--param is for the local store; with --endpoint {endpoint}, write the value in the query"
                    )
                }
                Some(endpoint) => govkg::remote::query(&endpoint, &text)?,
                None => open_existing(&args.store)?.query(&text, &bindings, None)?,
            };
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            render::write(results, format, TableStyle::default(), false, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Repl) => {
            let store = Store::open(&args.store, Access::Read)?;
            Session::new(store).run()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { output, format }) => {
            let store = open_existing(&args.store)?;
            let count = store.export(format.rdf_format(), output.as_deref())?;
            if let Some(path) = output {
                eprintln!("wrote {count} statements to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Push { endpoint }) => {
            let store = open_existing(&args.store)?;
            let progress = govkg::progress::items("pushing", store.oxigraph().named_graphs().count() as u64);
            let (graphs, triples) = govkg::remote::push(&store, &endpoint, || progress.inc(1))?;
            progress.finish_and_clear();
            println!("pushed {graphs} graphs ({triples} triples) to {endpoint}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Queries) => {
            println!("{}", repl::describe_saved_queries());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Validate) => validate(&args.store),
        Some(Command::Remove { ids }) => {
            let store = Store::open(&args.store, Access::Write)?;
            let mut missing = Vec::new();
            for id in &ids {
                let doc = graph::iri::article(id);
                if !store.remove_graph(doc.as_ref()).context("cannot remove article")? {
                    missing.push(id.as_str());
                }
            }
            store.persist()?;
            println!("removed {} articles", ids.len() - missing.len());
            if !missing.is_empty() {
                anyhow::bail!("not in the store: {}", missing.join(", "));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(feature = "shacl")]
fn validate(store: &std::path::Path) -> Result<ExitCode> {
    use govkg::validate;
    let store = open_existing(store)?;
    let outcome = validate::validate(&store)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    validate::write_text(&outcome, &mut out)?;
    out.flush()?;
    Ok(if outcome.conforms() { ExitCode::SUCCESS } else { ExitCode::from(validate::NONCONFORMING) })
}

#[cfg(not(feature = "shacl"))]
fn validate(_store: &std::path::Path) -> Result<ExitCode> {
    anyhow::bail!(
        "this govkg was built without SHACL validation; build it with `cargo build --release --features shacl`"
    )
}
