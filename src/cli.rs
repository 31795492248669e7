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
    after_help = "Examples:\n  govkg build articles/\n  govkg query figures --format csv\n  govkg query growth --param platform=\"Sina Weibo\"\n  govkg why \"Cai Qi\"\n  govkg chart growth -o growth.svg\n  govkg repl"
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
        /// After the results, write oxigraph's query plan to standard error,
        /// in JSON, with the rows and time of each step.
        #[arg(long, conflicts_with = "endpoint")]
        explain: bool,
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
    #[command(after_help = "Examples:\n  govkg repl\n  echo '.run figures' | govkg repl")]
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
    /// Show where a figure, person, post or any other node comes from: each
    /// article that states it (title, publisher, date, id, file), in date
    /// order, the sentence with the evidence marked, and the rule that read
    /// it.
    #[command(
        after_help = "Examples:\n  govkg why \"Cai Qi\"\n  govkg why kg:platform-sina-weibo\n  govkg why '<https://w3id.org/govkg/id/doc-001_5edc08ff969cea0c#figure-1>' --format json\n\nThe evidence is marked «like this», or in bold on a terminal."
    )]
    Why {
        /// An IRI in <...>, a prefixed name (kg:person-cai-qi), or a name
        /// ("Cai Qi", "sina weibo"; case is ignored).
        #[arg(required = true, value_name = "TARGET")]
        target: Vec<String>,
        /// Text for people, JSON for programs.
        #[arg(long, short, value_enum, default_value_t = WhyFormat::Text)]
        format: WhyFormat,
    },
    /// Everything the graph says about an entity across articles: classes,
    /// names, statements, what points at it, and the articles that mention
    /// it. A name that fits several nodes lists them.
    #[command(after_help = "Examples:\n  govkg describe \"Sina Weibo\"\n  govkg describe kg:person-wang-chen")]
    Describe {
        /// An IRI in <...>, a prefixed name, or a name (case is ignored).
        #[arg(required = true, value_name = "TARGET")]
        target: Vec<String>,
    },
    /// Draw a query's result as an SVG line chart: a date column, one or
    /// more number columns, and optionally a text column that splits the
    /// rows into series (one line per platform, say).
    #[command(
        after_help = "Examples:\n  govkg chart growth -o growth.svg\n  govkg chart growth --param platform=\"Sina Weibo\" > sina.svg\n  govkg query growth --format svg > growth.svg"
    )]
    Chart {
        /// SPARQL text, a path to a .rq file, or a saved query's name.
        query: String,
        /// Bind a query variable: name=value (repeatable), as for `query`.
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// The column that names the series (default: the first text column
        /// with a dozen values or fewer).
        #[arg(long, value_name = "COLUMN")]
        series: Option<String>,
        /// The chart's title (default: the saved query's question).
        #[arg(long)]
        title: Option<String>,
        /// Output file (standard output if omitted).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the saved queries with what they answer.
    #[command(after_help = "Example:\n  govkg queries")]
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
    #[command(after_help = "Example:\n  govkg remove 003 004")]
    Remove {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Print a completion script for a shell.
    #[command(
        after_help = "Examples:\n  govkg completions bash > ~/.local/share/bash-completion/completions/govkg\n  govkg completions zsh > ~/.zfunc/_govkg"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from this help.
    #[command(after_help = "Example:\n  govkg man > ~/.local/share/man/man1/govkg.1 && man govkg")]
    Man,
    /// Answer SPARQL 1.1 Protocol requests over HTTP, for YASGUI, rdflib,
    /// Jena or curl. Read-only unless --writable.
    #[command(
        after_help = "Examples:\n  govkg serve\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?p a gk:Platform }' http://127.0.0.1:7878/query\n  govkg serve --bind 127.0.0.1:0 --timeout 5 --max-rows 1000"
    )]
    Serve(ServeArgs),
}

/// The options of `govkg serve`, as typed.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one; the address
    /// is printed at start).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "IP:PORT")]
    pub bind: std::net::SocketAddr,
    /// Allow an address other than loopback: anyone who can reach it can
    /// query the graph (and change it, with --writable); there is no
    /// authentication.
    #[arg(long)]
    pub allow_remote: bool,
    /// Accept SPARQL Update (POST /update) and save each change to the store.
    #[arg(long)]
    pub writable: bool,
    /// Longest a query or update may run, in seconds; longer ones are
    /// stopped and answered with 503.
    #[arg(long, default_value_t = 30, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Most rows (or triples) a query may return; a query that would return
    /// more is answered with 400 and no partial results.
    #[arg(long, default_value_t = 100_000, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rows: u64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1_048_576, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_body: u64,
    /// Connections served at once; more wait to be accepted.
    #[arg(long, default_value_t = 32, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub connections: u64,
}

/// Output formats of `govkg why`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WhyFormat {
    Text,
    Json,
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

    #[test]
    fn every_command_shows_an_example() {
        for command in Args::command().get_subcommands() {
            let after = command.get_after_help().map(ToString::to_string).unwrap_or_default();
            assert!(after.contains("govkg "), "govkg {} --help has no example", command.get_name());
        }
    }
}
