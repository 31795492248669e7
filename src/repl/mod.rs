//! The SPARQL shell. On a terminal it is a rustyline editor with history,
//! multi-line queries and completion; otherwise it reads queries and
//! dot-commands from standard input, so it can be scripted and tested.
//! Errors are printed on one line and the shell goes on: nothing but `.quit`
//! and end of input leaves it.

mod commands;
mod helper;
pub mod input;

use crate::cli::ExportFormat;
use crate::pipeline::{self, BuildOptions};
use crate::queries;
use crate::render::{self, Format, TableStyle};
use crate::store::Store;
use anyhow::{Result, anyhow};
use clap::Parser;
use commands::{DotCommand, Switch};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Term, Variable};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// The shell's state between inputs.
pub struct Session {
    store: Store,
    format: Format,
    timing: bool,
}

/// What the loop does after an input.
enum Flow {
    Continue,
    Quit,
}

impl Session {
    pub fn new(store: Store) -> Self {
        Self { store, format: Format::Table, timing: true }
    }

    /// Runs the shell until `.quit` or the end of input.
    pub fn run(mut self) -> Result<()> {
        if std::io::stdin().is_terminal() { self.interactive() } else { self.piped() }
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
        editor.set_helper(Some(helper::ShellHelper { completer: helper::WordCompleter::new(words) }));
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
        let results = self.store.query(sparql, bindings, None)?;
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let width = terminal_width();
        let summary =
            render::write(results, self.format, TableStyle { width, ..TableStyle::default() }, false, &mut out)?;
        if self.timing {
            let noun = if summary.rows == 1 { "row" } else { "rows" };
            writeln!(out, "{} {noun} in {:.3} s", summary.rows, started.elapsed().as_secs_f64())?;
        }
        out.flush()?;
        Ok(())
    }

    fn dot_command(&mut self, line: &str) -> Result<Flow> {
        let words = input::split_words(line).map_err(|e| anyhow!("{e}"))?;
        let command = match DotCommand::try_parse_from(&words) {
            Ok(command) => command,
            Err(err) => {
                use clap::error::ErrorKind;
                if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                    print!("{err}");
                    return Ok(Flow::Continue);
                }
                if matches!(err.kind(), ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument) && words.len() <= 1 {
                    return Err(anyhow!("unknown command {} (type .help)", words.first().map_or("", String::as_str)));
                }
                return Err(anyhow!(
                    "{}",
                    err.render().to_string().lines().next().unwrap_or("invalid command").trim_start_matches("error: ")
                ));
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
            }
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
            DotCommand::Explain { query } => println!("{}", self.store.explain(&query.join(" "))?),
        }
        Ok(Flow::Continue)
    }
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

fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).or(Some(120))
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
