//! The SPARQL shell. On a terminal it is a rustyline editor with history,
//! multi-line queries and completion; otherwise it reads queries and
//! dot-commands from standard input, so it can be scripted and tested.
//! Errors are printed on one line and the shell goes on: nothing but `.quit`
//! and end of input leaves it.

mod cancel;
pub mod commands;
mod helper;
mod highlight;
pub mod input;
mod labels;
mod pager;

use crate::cli::ExportFormat;
use crate::pipeline::{self, BuildOptions};
use crate::provenance::{self, row::LastResult};
use crate::render::{self, Format, TableStyle};
use crate::store::Store;
use crate::{describe, queries};
use anyhow::{Result, anyhow};
use commands::{DotCommand, Parsed, Switch};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::QueryResults;
use spargebra::SparqlParser;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// The shell's state between inputs.
pub struct Session {
    store: Store,
    format: Format,
    timing: bool,
    /// Long results go through a pager on a terminal (`.pager off` not).
    paging: bool,
    /// Prefixes declared with `.prefix`, on top of govkg's.
    prefixes: Vec<(String, String)>,
    /// Whether this is a person at a terminal (Ctrl-C cancels, pages).
    interactive: bool,
    /// The last SELECT result, for `.why`.
    last: Option<LastResult>,
}

/// What the loop does after an input.
enum Flow {
    Continue,
    Quit,
}

impl Session {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            format: Format::Table,
            timing: true,
            paging: true,
            prefixes: Vec::new(),
            interactive: false,
            last: None,
        }
    }

    /// Runs the shell until `.quit` or the end of input.
    pub fn run(mut self) -> Result<()> {
        if std::io::stdin().is_terminal() {
            self.interactive = true;
            cancel::install()?;
            self.interactive()
        } else {
            self.piped()
        }
    }

    fn piped(&mut self) -> Result<()> {
        let stdin = std::io::stdin();
        let mut buffer = String::new();
        for line in stdin.lock().lines() {
            let line = line?;
            if buffer.trim().is_empty() && line.trim().is_empty() {
                buffer.clear();
                continue;
            }
            buffer.push_str(&line);
            buffer.push('\n');
            if input::is_complete(&buffer) {
                let text = std::mem::take(&mut buffer);
                if let Flow::Quit = self.handle(&text) {
                    return Ok(());
                }
            }
        }
        if !buffer.trim().is_empty() {
            self.handle(&buffer);
        }
        Ok(())
    }

    fn interactive(&mut self) -> Result<()> {
        use rustyline::error::ReadlineError;
        let config = rustyline::Config::builder().auto_add_history(false).max_history_size(5000)?.build();
        let mut editor =
            rustyline::Editor::<helper::ShellHelper, rustyline::history::DefaultHistory>::with_config(config)?;
        let mut words: Vec<String> = ontology_terms();
        words.extend(queries::saved().into_iter().map(|q| q.name));
        words.extend(dot_command_names());
        editor.set_helper(Some(helper::ShellHelper {
            completer: helper::WordCompleter::new(words),
            store: self.store.oxigraph().clone(),
            labels: std::sync::OnceLock::new(),
            hinter: rustyline::hint::HistoryHinter::new(),
            colour: wants_colour(),
        }));
        let history = history_path(&self.store);
        editor.load_history(&history).ok();
        // No quad count here: counting walks the whole store, seconds on a
        // large one, and the shell should be ready at once.
        println!(
            "govkg {} — SPARQL shell on {}. Type .help for help.",
            env!("CARGO_PKG_VERSION"),
            self.store.dir().display()
        );
        loop {
            match editor.readline("govkg> ") {
                Ok(text) => {
                    if text.trim().is_empty() {
                        continue;
                    }
                    editor.add_history_entry(text.as_str()).ok();
                    if let Flow::Quit = self.handle(&text) {
                        break;
                    }
                }
                Err(ReadlineError::Interrupted) => continue,
                Err(ReadlineError::Eof) => break,
                Err(err) => return Err(err.into()),
            }
        }
        if let Some(parent) = history.parent() {
            std::fs::create_dir_all(parent).ok();
        }
        editor.save_history(&history).ok();
        Ok(())
    }

    /// Handles one complete input, printing its result or its error.
    fn handle(&mut self, text: &str) -> Flow {
        let trimmed = text.trim();
        let outcome = if trimmed.starts_with('.') {
            self.dot_command(trimmed)
        } else {
            self.query(trimmed, &[]).map(|()| Flow::Continue)
        };
        match outcome {
            Ok(flow) => flow,
            Err(err) => {
                eprintln!("error: {}", one_line(&err));
                Flow::Continue
            }
        }
    }

    fn query(&mut self, sparql: &str, bindings: &[(Variable, Term)]) -> Result<()> {
        let started = Instant::now();
        let parser = self.parser()?;
        let mut evaluator = oxigraph::sparql::SparqlEvaluator::new();
        // Ctrl-C cancels the query while it runs and while its rows are
        // read, and only then: at the prompt it clears the line.
        let guard = self.interactive.then(cancel::Guard::arm);
        if let Some(guard) = &guard {
            evaluator = evaluator.with_cancellation_token(guard.token());
        }
        let results = self.store.query_with(evaluator, parser, sparql, bindings)?;
        let size = pager::terminal_size().filter(|_| self.interactive);
        let style = TableStyle { width: size.map(|(width, _)| width), ..TableStyle::default() };
        // On a terminal the result is written whole before it is shown, so
        // a long one can go to the pager; elsewhere it streams.
        let mut buffer = Vec::new();
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let sink: &mut dyn Write = if size.is_some() { &mut buffer } else { &mut out };
        let summary = render::write(results, self.format, style, true, sink).map_err(cancel::explain)?;
        drop(guard);
        if self.timing {
            let noun = if summary.rows == 1 { "row" } else { "rows" };
            let line = format!("{} {noun} in {:.3} s", summary.rows, started.elapsed().as_secs_f64());
            let sink: &mut dyn Write = if size.is_some() { &mut buffer } else { &mut out };
            writeln!(sink, "{line}")?;
        }
        if let Some((_, height)) = size {
            pager::show(&buffer, height, self.paging, &mut out)?;
        }
        out.flush()?;
        self.last = Some(LastResult { variables: summary.variables, solutions: summary.solutions });
        Ok(())
    }

    /// The parser for this session's queries: govkg's prefixes and those
    /// declared with `.prefix`.
    fn parser(&self) -> Result<SparqlParser> {
        let mut parser = crate::store::parser();
        for (prefix, namespace) in &self.prefixes {
            parser = parser.with_prefix(prefix, namespace)?;
        }
        Ok(parser)
    }

    /// Runs `text` (SPARQL, or a saved query's name and its parameters),
    /// drops its rows and prints oxigraph's plan with what each step did.
    fn explain(&self, text: &str) -> Result<()> {
        let mut words = text.split_whitespace();
        let saved = words.next().and_then(queries::find);
        let params: Vec<String> = words.map(str::to_string).collect();
        let (sparql, bindings) = match saved {
            Some(saved) if params.iter().all(|p| p.contains('=')) => (saved.text, queries::bindings(&params)?),
            _ => (text.to_string(), Vec::new()),
        };
        let (results, explanation) = self.store.query_explained(self.parser()?, &sparql, &bindings)?;
        drain(results?)?;
        let mut json = Vec::new();
        explanation.write_in_json(&mut json)?;
        println!("{}", String::from_utf8_lossy(&json));
        Ok(())
    }

    fn dot_command(&mut self, line: &str) -> Result<Flow> {
        let command = match commands::parse(line).map_err(|e| anyhow!("{e}"))? {
            Parsed::Command(command) => command,
            Parsed::Help(text) => {
                print!("{text}");
                return Ok(Flow::Continue);
            }
        };
        match command {
            DotCommand::Help => println!("{}", commands::help()),
            DotCommand::Quit => return Ok(Flow::Quit),
            DotCommand::Queries => println!("{}", describe_saved_queries()),
            DotCommand::Run { name, params } => {
                let saved =
                    queries::find(&name).ok_or_else(|| anyhow!("no saved query named {name:?} (see .queries)"))?;
                let bindings = queries::bindings(&params)?;
                self.query(&saved.text, &bindings)?;
            }
            DotCommand::Format { format } => self.format = format,
            DotCommand::Timing { switch } => self.timing = switch == Switch::On,
            DotCommand::Prefixes => {
                for (prefix, namespace) in crate::graph::vocab::PREFIXES {
                    println!("PREFIX {prefix}: <{namespace}>");
                }
                for (prefix, namespace) in &self.prefixes {
                    println!("PREFIX {prefix}: <{namespace}>");
                }
            }
            DotCommand::Prefix { prefix, namespace } => {
                let (prefix, namespace) = commands::parse_prefix(&prefix, &namespace)?;
                // Checked the way the queries will use it.
                let _checked = crate::store::parser()
                    .with_prefix(&prefix, &namespace)
                    .map_err(|e| anyhow!("<{namespace}>: {e}"))?;
                self.prefixes.retain(|(p, _)| *p != prefix);
                println!("PREFIX {prefix}: <{namespace}>");
                self.prefixes.push((prefix, namespace));
            }
            DotCommand::Pager { switch } => self.paging = switch == Switch::On,
            DotCommand::Export { file, format } => {
                let format = format
                    .map(ExportFormat::rdf_format)
                    .or_else(|| file.extension().and_then(|e| e.to_str()).and_then(RdfFormat::from_extension));
                let format =
                    format.ok_or_else(|| anyhow!("{}: say --format turtle|trig|ntriples|nquads", file.display()))?;
                let count = self.store.export(format, Some(&file))?;
                println!("wrote {count} statements to {}", file.display());
            }
            DotCommand::Build { paths } => {
                self.store.upgrade()?;
                let report = pipeline::build(&self.store, &paths, &BuildOptions::default())?;
                println!("{}", report.summary());
            }
            DotCommand::Load { file } => {
                self.store.upgrade()?;
                let count = self.store.load_file(&file, None)?;
                self.store.persist()?;
                println!("loaded {count} quads from {}", file.display());
            }
            DotCommand::Why { target } => {
                provenance::row::why_command(&self.store, self.last.as_ref(), &target, &mut std::io::stdout().lock())?
            }
            DotCommand::Describe { target } => {
                describe::write(&self.store, &target.join(" "), &mut std::io::stdout().lock())?
            }
            DotCommand::Explain { query } => self.explain(&query.join(" "))?,
        }
        Ok(Flow::Continue)
    }
}

/// Reads every result, so the explanation counts them all.
fn drain(results: QueryResults<'_>) -> Result<()> {
    match results {
        QueryResults::Solutions(solutions) => solutions.into_iter().try_for_each(|s| s.map(drop))?,
        QueryResults::Graph(triples) => triples.into_iter().try_for_each(|t| t.map(drop))?,
        QueryResults::Boolean(_) => {}
    }
    Ok(())
}

/// The saved queries with their questions, parameters and columns.
pub fn describe_saved_queries() -> String {
    let mut lines = Vec::new();
    for query in queries::saved() {
        lines.push(format!("{:<14} {}", query.name, query.question));
        for (name, about) in &query.params {
            lines.push(format!("{:<14}   param {name}: {about}", ""));
        }
        lines.push(format!("{:<14}   columns: {}", "", query.columns));
    }
    lines.join("\n")
}

/// An error and its causes on one line.
pub fn one_line(err: &anyhow::Error) -> String {
    format!("{err:#}").replace('\n', " ")
}

/// Colours unless the user opted out (<https://no-color.org>) or the
/// terminal cannot show them.
fn wants_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn history_path(store: &Store) -> PathBuf {
    match std::env::var_os("GOVKG_HISTORY") {
        Some(path) => PathBuf::from(path),
        None => store.dir().join("history"),
    }
}

fn dot_command_names() -> Vec<String> {
    use clap::CommandFactory;
    DotCommand::command().get_subcommands().map(|c| c.get_name().to_string()).collect()
}

/// The ontology's classes and properties as prefixed names.
fn ontology_terms() -> Vec<String> {
    crate::graph::reference::ontology_quads()
        .into_iter()
        .filter_map(|q| match q.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(node) => Some(render::prefixed(node.as_str())),
            _ => None,
        })
        .filter(|name| !name.starts_with('<'))
        .collect()
}
