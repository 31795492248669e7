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
        /// Instead of the store, write the graphs as gzip-compressed N-Quads
        /// shards in DIR, ready for any bulk loader: `--emit nquads DIR`.
        #[arg(long, num_args = 2, value_names = ["FORMAT", "DIR"], conflicts_with = "force")]
        emit: Option<Vec<String>>,
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
        /// Query a remote SPARQL endpoint (SPARQL 1.1 Protocol) instead of
        /// the store, e.g. http://localhost:8890/sparql for Virtuoso.
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
    },
    /// Send each named graph of the store to a remote SPARQL store, one
    /// HTTP PUT per graph (SPARQL 1.1 Graph Store Protocol): the remote
    /// graph becomes the local one, so pushing twice changes nothing.
    #[command(after_help = "Example:\n  govkg push --endpoint http://localhost:8890/sparql-graph-crud")]
    Push {
        /// The Graph Store Protocol endpoint, e.g. Virtuoso's
        /// http://localhost:8890/sparql-graph-crud or Fuseki's
        /// http://localhost:3030/DATASET/data.
        #[arg(long, value_name = "URL")]
        endpoint: String,
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
