//! The shell's dot-commands, parsed by clap as a multicall command so each
//! has its own help (`.run --help`) from one definition. Public so the fuzz
//! targets can drive [`parse`] with any line.

use crate::cli::ExportFormat;
use crate::render::Format;
use clap::{Parser, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(multicall = true, disable_help_subcommand = true)]
pub enum DotCommand {
    /// List the commands.
    #[command(name = ".help")]
    Help,
    /// Leave the shell.
    #[command(name = ".quit", alias = ".exit")]
    Quit,
    /// List the saved queries with what they answer.
    #[command(name = ".queries")]
    Queries,
    /// Run a saved query, binding its parameters: .run growth platform="Sina Weibo"
    #[command(name = ".run")]
    Run {
        name: String,
        #[arg(value_name = "NAME=VALUE")]
        params: Vec<String>,
    },
    /// Set the result format.
    #[command(name = ".format")]
    Format {
        #[arg(value_enum)]
        format: Format,
    },
    /// Show the run time of each query, or not.
    #[command(name = ".timing")]
    Timing {
        #[arg(value_enum)]
        switch: Switch,
    },
    /// Show the declared prefixes.
    #[command(name = ".prefixes")]
    Prefixes,
    /// Declare a prefix for the queries that follow: .prefix ex: <http://example.org/>
    #[command(name = ".prefix")]
    Prefix {
        #[arg(value_name = "PREFIX:")]
        prefix: String,
        #[arg(value_name = "<IRI>")]
        namespace: String,
    },
    /// Send results taller than the terminal to the pager ($PAGER or less), or not.
    #[command(name = ".pager")]
    Pager {
        #[arg(value_enum)]
        switch: Switch,
    },
    /// Write the graph to a file (format from --format or the extension).
    #[command(name = ".export")]
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
    },
    /// Build articles (files or folders) into the store.
    #[command(name = ".build")]
    Build {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Load an RDF file (Turtle, TriG, N-Triples, N-Quads) into the store.
    #[command(name = ".load")]
    Load { file: PathBuf },
    /// Where the last result's values come from: .why 2 explains row 2, .why
    /// alone the first rows, .why "Cai Qi" a named node.
    #[command(name = ".why")]
    Why {
        #[arg(value_name = "ROW|TARGET")]
        target: Vec<String>,
    },
    /// Everything the graph says about an entity: .describe Sina Weibo
    #[command(name = ".describe")]
    Describe {
        #[arg(required = true, value_name = "TARGET")]
        target: Vec<String>,
    },
    /// Run a query and show oxigraph's plan with the rows and time of each
    /// step: .explain SELECT ..., or a saved query: .explain figures source=doc000123
    #[command(name = ".explain")]
    Explain {
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        query: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// What a dot-command line asks for.
#[derive(Debug)]
pub enum Parsed {
    Command(DotCommand),
    /// `--help` (or `--version`) was asked for: the text to print.
    Help(String),
}

/// Parses a dot-command line; the error is one line for the user.
pub fn parse(line: &str) -> Result<Parsed, String> {
    use clap::error::ErrorKind;
    let words = super::input::split_words(line)?;
    match DotCommand::try_parse_from(&words) {
        // A query is SPARQL, not shell words: its quotes are its own.
        Ok(DotCommand::Explain { .. }) => {
            let query = line.trim_start().trim_start_matches(".explain").trim();
            Ok(Parsed::Command(DotCommand::Explain { query: vec![query.to_string()] }))
        }
        Ok(command) => Ok(Parsed::Command(command)),
        Err(err) if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            Ok(Parsed::Help(err.to_string()))
        }
        Err(err)
            if matches!(err.kind(), ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument) && words.len() <= 1 =>
        {
            Err(format!("unknown command {} (type .help)", words.first().map_or("", String::as_str)))
        }
        Err(err) => Err(err
            .render()
            .to_string()
            .lines()
            .next()
            .unwrap_or("invalid command")
            .trim_start_matches("error: ")
            .to_string()),
    }
}

/// One line per command: its name and what it does.
pub fn help() -> String {
    use clap::CommandFactory;
    let command = DotCommand::command();
    let mut lines = vec!["Type a SPARQL query (it runs when complete), or one of:".to_string()];
    for sub in command.get_subcommands() {
        let usage = sub.clone().render_usage().to_string().replace("Usage: ", "");
        lines.push(format!("  {usage:<40} {}", sub.get_about().map(|a| a.to_string()).unwrap_or_default()));
    }
    lines.push(
        "Prefixes gk: kg: schema: org: prov: sioc: foaf: nif: skos: rdfs: xsd: ... are declared (.prefixes).".into(),
    );
    lines.join("\n")
}

/// A prefix declaration's parts: `ex:` and `<http://example.org/>` give
/// `("ex", "http://example.org/")`.
pub fn parse_prefix(prefix: &str, namespace: &str) -> anyhow::Result<(String, String)> {
    let name =
        prefix.strip_suffix(':').ok_or_else(|| anyhow::anyhow!("{prefix}: a prefix ends with a colon, as in ex:"))?;
    let iri = namespace.strip_prefix('<').and_then(|n| n.strip_suffix('>')).ok_or_else(|| {
        anyhow::anyhow!("{namespace}: write the namespace IRI in angle brackets, as in <http://example.org/>")
    })?;
    Ok((name.to_string(), iri.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn dot_commands_are_well_formed() {
        DotCommand::command().debug_assert();
    }

    #[test]
    fn prefix_declarations_need_a_colon_and_angle_brackets() {
        assert_eq!(parse_prefix("ex:", "<http://e/>").unwrap(), ("ex".to_string(), "http://e/".to_string()));
        assert!(parse_prefix("ex", "<http://e/>").unwrap_err().to_string().contains("colon"));
        assert!(parse_prefix("ex:", "http://e/").unwrap_err().to_string().contains("angle brackets"));
    }

    #[test]
    fn fuzz_timeout_under_load_parses_at_once() {
        // Found by `cargo fuzz run repl_input` as a timeout while the machine
        // was overloaded; it parses in microseconds. Kept so it stays so.
        // The input's bytes up to the first that is not UTF-8, as the target got them.
        let line = ".timing:-/.timing \0/\0";
        let started = std::time::Instant::now();
        assert!(parse(line).is_err());
        assert!(super::super::input::is_complete(line));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn errors_are_one_line_and_help_is_text() {
        assert_eq!(parse(".nosuch").expect_err("unknown"), "unknown command .nosuch (type .help)");
        assert!(parse(".format yaml").expect_err("bad value").contains("yaml"));
        assert!(parse(".run \"unclosed").expect_err("quote").contains("unclosed"));
        assert!(matches!(parse(".run --help"), Ok(Parsed::Help(text)) if text.contains("Usage")));
        assert!(matches!(parse(".quit"), Ok(Parsed::Command(DotCommand::Quit))));
    }

    #[test]
    fn explain_keeps_the_query_text_as_typed() {
        let query = r#"SELECT * WHERE { ?s ?p "a  'b'" }"#;
        let Ok(Parsed::Command(DotCommand::Explain { query: words })) = parse(&format!(".explain {query}")) else {
            panic!("not an explain command");
        };
        assert_eq!(words, [query]);
    }

    #[test]
    fn help_lists_every_command() {
        let text = help();
        for name in [".help", ".quit", ".queries", ".run", ".format", ".export", ".explain"] {
            assert!(text.contains(name), "{name} missing from help");
        }
    }
}
