//! The `govkg` command: parse the command line, run, map errors to an exit
//! code. A closed pipe (`govkg query ... | head`) ends quietly.

use anyhow::{Context, Result};
use clap::Parser;
use govkg::cli::{Args, Command, WhyFormat};
use govkg::pipeline::{self, BuildOptions};
use govkg::provenance::{self, mark::Marker, report::TextStyle};
use govkg::render::{self, Format, TableStyle};
use govkg::repl::{self, Session};
use govkg::store::{Access, Store};
use govkg::{chart, describe, graph, queries, serve};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Extraction and quad building allocate many small strings; mimalloc
/// spends a fraction of glibc's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        Some(Command::Build { paths, emit: Some(emit), max_article_mb, .. }) => {
            let [format, dir] = emit.as_slice() else { anyhow::bail!("say --emit nquads DIR") };
            if format != "nquads" {
                anyhow::bail!("--emit {format}: the one format is nquads");
            }
            let report = pipeline::emit(&paths, std::path::Path::new(dir), max_article_mb * govkg::article::MB)?;
            println!("{}", report.summary());
            Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
        Some(Command::Build { paths, force, max_article_mb, emit: None }) => {
            let store = Store::open(&args.store, Access::Write)?;
            let options = BuildOptions { force, max_article_bytes: Some(max_article_mb * govkg::article::MB) };
            let report = pipeline::build(&store, &paths, &options)?;
            println!("{}", report.summary());
            Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
        Some(Command::Query { query, format, params, endpoint, explain }) => {
            let (name, text) = queries::resolve(&query)?;
            let bindings = queries::bindings(&params)?;
            let mut explanation = None;
            let results = match endpoint {
                Some(endpoint) if !bindings.is_empty() => {
                    anyhow::bail!(
                        "--param is for the local store; with --endpoint {endpoint}, write the value in the query"
                    )
                }
                Some(endpoint) => govkg::remote::query(&endpoint, &text)?,
                None if explain => {
                    let store = open_existing(&args.store)?;
                    let (results, plan) = store.query_explained(govkg::store::parser(), &text, &bindings)?;
                    explanation = Some(plan);
                    results?
                }
                None => open_existing(&args.store)?.query(&text, &bindings, None)?,
            };
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            if format == Format::Svg {
                chart::write(results, &chart::title_for(&name), None, &mut out)?;
            } else {
                render::write(results, format, TableStyle::default(), false, &mut out)?;
            }
            out.flush()?;
            if let Some(plan) = explanation {
                let mut err = std::io::stderr().lock();
                plan.write_in_json(&mut err)?;
                writeln!(err)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Why { target, format }) => {
            let store = open_existing(&args.store)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let style = TextStyle { marker: Marker::for_stdout(), per_article: None };
            provenance::write_why(&store, &target.join(" "), format == WhyFormat::Json, style, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Describe { target }) => {
            let store = open_existing(&args.store)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            describe::write(&store, &target.join(" "), &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Chart { query, params, series, title, output }) => {
            let (name, text) = queries::resolve(&query)?;
            let bindings = queries::bindings(&params)?;
            let store = open_existing(&args.store)?;
            let results = store.query(&text, &bindings, None)?;
            let title = title.unwrap_or_else(|| chart::title_for(&name));
            let chart = chart::from_results(results, &title, series.as_deref())?;
            let svg = chart::svg::render(&chart);
            match output {
                Some(path) => std::fs::write(&path, svg).with_context(|| format!("cannot write {}", path.display()))?,
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(svg.as_bytes())?;
                    out.flush()?;
                }
            }
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
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Args::command(), "govkg", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Args::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Serve(options)) => {
            let settings = serve::Settings::try_from(&options)?;
            // Only a writable endpoint takes the store's write lock, so a
            // read-only one can share the store with other readers.
            let store =
                if settings.writable { Store::open(&args.store, Access::Write)? } else { open_existing(&args.store)? };
            serve::run(store, settings)?;
            Ok(ExitCode::SUCCESS)
        }
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
