//! The command line, as clap types only; the doc comments are the help.

use crate::render::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news reports on government microblogs into a knowledge graph, and
/// question it in SPARQL.
///
/// With no command, builds the graph from seeds/ (if present) into the store
/// and opens the SPARQL shell.
#[derive(Debug, Parser)]
#[command(
    name = "govkg",
    version,
    after_help = "Examples:\n  govkg build articles/\n  govkg query figures --format csv\n  govkg query growth --param platform=\"Sina Weibo\"\n  govkg repl"
)]
pub struct Args {
    /// The store folder.
    #[arg(long, global = true, env = "GOVKG_STORE", default_value = "govkg.db", value_name = "DIR")]
    pub store: PathBuf,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (text files, or folders of them) and replace each
    /// article's graph in the store.
    #[command(after_help = "Example:\n  govkg build seeds/ more-articles/")]
    Build {
        /// Article files or folders (searched for .txt files).
        #[arg(default_value = "seeds", value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Rebuild articles whose files have not changed.
        #[arg(long)]
        force: bool,
        /// Skip (and report) article files larger than this many megabytes.
        #[arg(
            long,
            value_name = "MB",
            default_value_t = crate::article::DEFAULT_MAX_BYTES / crate::article::MB,
            value_parser = clap::value_parser!(u64).range(1..=1_000_000)
        )]
        max_article_mb: u64,
    },
    /// Run a SPARQL query: its text, a .rq file, or a saved query's name.
    #[command(
        after_help = "Examples:\n  govkg query 'SELECT * WHERE { ?s a gk:Platform }'\n  govkg query figures --format json\n  govkg query growth --param platform=\"Sina Weibo\""
    )]
    Query {
        /// SPARQL text, a path to a .rq file, or a saved query's name.
        query: String,
        /// Output format for SELECT and ASK (CONSTRUCT and DESCRIBE give Turtle).
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Bind a query variable: name=value (repeatable). A value in <...>
        /// or with a known prefix (gk:Followers) is an IRI, otherwise a string.
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
        params: Vec<String>,
    },
    /// The interactive SPARQL shell (reads queries from standard input when
    /// it is not a terminal).
    Repl,
    /// Write the graph in an RDF format.
    #[command(after_help = "Example:\n  govkg export -o graph.trig --format trig")]
    Export {
        /// Output file (standard output if omitted).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Turtle and N-Triples merge the articles' graphs; TriG and N-Quads
        /// keep one named graph per article.
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
    },
    /// List the saved queries with what they answer.
    Queries,
    /// Check the graph against the SHACL shapes of ontology/shapes.ttl and
    /// print each violation: the node, the property path and what is wrong.
    ///
    /// The exit status is 0 when the graph conforms, 3 when it does not, and
    /// 1 when validation could not run.
    #[command(after_help = "Examples:\n  govkg validate\n  govkg validate --store archive.db && echo conforms")]
    Validate,
    /// Drop articles' graphs from the store, by article id (file name
    /// without extension).
    Remove {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
}

/// RDF formats for export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
}

impl ExportFormat {
    pub fn rdf_format(self) -> oxigraph::io::RdfFormat {
        use oxigraph::io::RdfFormat;
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Trig => RdfFormat::TriG,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Args::command().debug_assert();
    }
}
