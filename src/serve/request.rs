//! Reading an HTTP request as a SPARQL 1.1 Protocol operation: a query by
//! GET, by POST of `application/sparql-query` or by POST of a form; an
//! update by POST of `application/sparql-update` or of a form; and the
//! dataset the protocol's `default-graph-uri` and `named-graph-uri` (or, for
//! updates, `using-graph-uri` and `using-named-graph-uri`) name.
//!
//! Form and query-string decoding is strict: a `%` without two hex digits
//! after it, or bytes that are not UTF-8, are a 400, where lenient decoders
//! would pass on a query the user did not write.

use super::reply::Refusal;
use oxhttp::model::header::{CONNECTION, CONTENT_TYPE};
use oxhttp::model::{Body, HeaderValue, Method, Request, StatusCode};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::QueryDatasetSpecification;
use std::io::Read;

/// What a request asks of the endpoint.
#[derive(Debug)]
pub enum Operation {
    Query(QueryRequest),
    Update(UpdateRequest),
    /// A browser's CORS preflight (OPTIONS).
    Preflight,
    /// GET of `/`: the page that says what the endpoint is.
    Home,
}

#[derive(Debug)]
pub struct QueryRequest {
    pub text: String,
    pub graphs: Graphs,
    /// The `format` parameter: a name (json, csv, ttl...) or media type
    /// that overrides the Accept header, for clients that cannot set it.
    pub format: Option<String>,
}

#[derive(Debug)]
pub struct UpdateRequest {
    pub text: String,
    pub graphs: Graphs,
}

/// The dataset named by the protocol's parameters; empty when the request
/// names none, and the query's own FROM clauses (or the store's default
/// graph, the merge of all articles) apply.
#[derive(Debug, Default)]
pub struct Graphs {
    pub default: Vec<NamedNode>,
    pub named: Vec<NamedNode>,
}

impl Graphs {
    fn is_empty(&self) -> bool {
        self.default.is_empty() && self.named.is_empty()
    }

    /// Replaces the dataset of a query (or of an update's WHERE) with the
    /// one the request names, as the protocol says: it overrides FROM and
    /// USING, and naming only named graphs leaves the default graph empty.
    pub fn apply(&self, dataset: &mut QueryDatasetSpecification) {
        if self.is_empty() {
            return;
        }
        dataset.set_default_graph(self.default.iter().cloned().map(GraphName::NamedNode).collect());
        dataset.set_available_named_graphs(self.named.iter().cloned().map(NamedOrBlankNode::NamedNode).collect());
    }
}

/// Reads the operation a request asks for, reading at most `max_body`
/// bytes of its body.
pub fn read(request: &mut Request<Body>, max_body: usize) -> Result<Operation, Refusal> {
    if request.method() != Method::POST && request.body().len() != Some(0) {
        // Only a POST's body means anything here, but a broken one must be
        // found now, while the answer can still say so.
        read_body(request, max_body)?;
    }
    match request.uri().path() {
        "/query" | "/sparql" | "/update" => {}
        "/" if request.method() == Method::GET => return Ok(Operation::Home),
        "/" if request.method() == Method::OPTIONS => return Ok(Operation::Preflight),
        "/" => return Err(Refusal::new(StatusCode::METHOD_NOT_ALLOWED, "/ is a page to GET: send SPARQL to /query")),
        path => {
            return Err(Refusal::new(
                StatusCode::NOT_FOUND,
                format!("nothing at {path}: send SPARQL to /query (or /sparql), updates to /update"),
            ));
        }
    }
    let url_params = Params::decode(request.uri().query().unwrap_or_default().as_bytes(), "the URL's query string")?;
    match request.method().as_str() {
        "OPTIONS" => Ok(Operation::Preflight),
        "GET" => {
            if url_params.contains("update") {
                return Err(Refusal::new(StatusCode::METHOD_NOT_ALLOWED, "SPARQL Update must be sent with POST"));
            }
            query_from(url_params, None)
        }
        "POST" => {
            let media_type = media_type(request)?;
            let body = read_body(request, max_body)?;
            match media_type.as_str() {
                "application/sparql-query" => query_from(url_params, Some(utf8(body, "the query")?)),
                "application/sparql-update" => update_from(url_params, utf8(body, "the update")?),
                "application/x-www-form-urlencoded" => {
                    let mut params = url_params;
                    params.0.extend(Params::decode(&body, "the form")?.0);
                    match (params.contains("query"), params.contains("update")) {
                        (true, true) => Err(Refusal::bad_request("a form may hold a query or an update, not both")),
                        (false, true) => {
                            let text = params.exactly_one("update")?;
                            update_from(params, text)
                        }
                        _ => query_from(params, None),
                    }
                }
                "" => Err(Refusal::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "a POST needs a Content-Type: application/sparql-query, application/sparql-update or \
                     application/x-www-form-urlencoded",
                )),
                other => Err(Refusal::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "cannot read a body of type {other}: send application/sparql-query, \
                         application/sparql-update or application/x-www-form-urlencoded"
                    ),
                )),
            }
        }
        method => Err(Refusal::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} is not a SPARQL Protocol method: use GET or POST"),
        )),
    }
}

/// A query, its text from the body or else from the `query` parameter.
fn query_from(mut params: Params, body: Option<String>) -> Result<Operation, Refusal> {
    let text = match body {
        Some(text) => {
            if params.contains("query") {
                return Err(Refusal::bad_request("the query is in the body: a query parameter as well is ambiguous"));
            }
            text
        }
        None => params.exactly_one("query")?,
    };
    let graphs = Graphs { default: params.iris("default-graph-uri")?, named: params.iris("named-graph-uri")? };
    let format = params.at_most_one("format")?;
    Ok(Operation::Query(QueryRequest { text, graphs, format }))
}

fn update_from(mut params: Params, text: String) -> Result<Operation, Refusal> {
    let graphs = Graphs { default: params.iris("using-graph-uri")?, named: params.iris("using-named-graph-uri")? };
    Ok(Operation::Update(UpdateRequest { text, graphs }))
}

/// The media type of the body, lower case, without parameters; empty if
/// none was given.
fn media_type(request: &Request<Body>) -> Result<String, Refusal> {
    let Some(value) = request.headers().get(CONTENT_TYPE) else {
        return Ok(String::new());
    };
    let value = value.to_str().map_err(|_| Refusal::bad_request("the Content-Type header is not ASCII"))?;
    let media_type = value.split(';').next().unwrap_or_default();
    Ok(media_type.trim().to_ascii_lowercase())
}

/// Reads the body, at most `max_body` bytes of it. When it cannot be read
/// whole, the rest is dropped and the connection closed after the answer:
/// oxhttp would otherwise read on to the declared end (however far) and
/// answer its own 500 in place of ours.
fn read_body(request: &mut Request<Body>, max_body: usize) -> Result<Vec<u8>, Refusal> {
    let body = read_at_most(request, max_body);
    if body.is_err() {
        *request.body_mut() = Body::empty();
        request.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    }
    body
}

fn read_at_most(request: &mut Request<Body>, max_body: usize) -> Result<Vec<u8>, Refusal> {
    let limit = u64::try_from(max_body).unwrap_or(u64::MAX);
    let too_large =
        || Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the request body is larger than {max_body} bytes"));
    if request.body().len().is_some_and(|len| len > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request
        .body_mut()
        .take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|err| Refusal::bad_request(format!("cannot read the request body: {err}")))?;
    if body.len() > max_body {
        return Err(too_large());
    }
    Ok(body)
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, Refusal> {
    String::from_utf8(bytes).map_err(|err| {
        Refusal::bad_request(format!("{what} is not UTF-8 (byte {} is invalid)", err.utf8_error().valid_up_to()))
    })
}

/// Decoded name=value pairs of a query string or form, in order.
#[derive(Debug)]
struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `application/x-www-form-urlencoded` text (`place` names it
    /// in messages).
    fn decode(encoded: &[u8], place: &str) -> Result<Self, Refusal> {
        let mut pairs = Vec::new();
        let mut offset = 0;
        for pair in encoded.split(|b| *b == b'&') {
            let (name, value) = match pair.iter().position(|b| *b == b'=') {
                Some(equals) => (&pair[..equals], &pair[equals + 1..]),
                None => (pair, &[][..]),
            };
            if !pair.is_empty() {
                let value_offset = offset + name.len() + 1;
                let name = percent_decode(name).map_err(|at| bad_encoding(place, offset + at))?;
                let value = percent_decode(value).map_err(|at| bad_encoding(place, value_offset + at))?;
                pairs.push((name, value));
            }
            offset += pair.len() + 1;
        }
        Ok(Self(pairs))
    }

    fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    fn take_all(&mut self, name: &str) -> Vec<String> {
        let (taken, kept) = std::mem::take(&mut self.0).into_iter().partition(|(n, _)| n == name);
        self.0 = kept;
        taken.into_iter().map(|(_, value)| value).collect()
    }

    fn at_most_one(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let mut values = self.take_all(name);
        if values.len() > 1 {
            return Err(Refusal::bad_request(format!("the {name} parameter is given {} times", values.len())));
        }
        Ok(values.pop())
    }

    fn exactly_one(&mut self, name: &str) -> Result<String, Refusal> {
        self.at_most_one(name)?.ok_or_else(|| {
            Refusal::bad_request(format!(
                "no {name} parameter: send ?{name}=... or POST the {name} (see / for the endpoint's use)"
            ))
        })
    }

    /// The values of a graph parameter, each an absolute IRI.
    fn iris(&mut self, name: &str) -> Result<Vec<NamedNode>, Refusal> {
        self.take_all(name)
            .into_iter()
            .map(|iri| {
                NamedNode::new(iri.as_str())
                    .map_err(|err| Refusal::bad_request(format!("{name} <{iri}> is not an absolute IRI: {err}")))
            })
            .collect()
    }
}

fn bad_encoding(place: &str, at: usize) -> Refusal {
    Refusal::bad_request(format!(
        "{place} is not valid URL encoding (near byte {at}): a % needs two hex digits, and the text must be UTF-8"
    ))
}

/// Decodes `+` and `%XX`; on error, about where the bad byte is (exactly,
/// for a bad `%`; in decoded bytes, for bad UTF-8).
fn percent_decode(encoded: &[u8]) -> Result<String, usize> {
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut at = 0;
    while let Some(&byte) = encoded.get(at) {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let digit = |i: usize| encoded.get(i).and_then(|d| char::from(*d).to_digit(16));
                let (Some(high), Some(low)) = (digit(at + 1), digit(at + 2)) else {
                    return Err(at);
                };
                bytes.push(u8::try_from(high * 16 + low).map_err(|_| at)?);
                at += 2;
            }
            other => bytes.push(other),
        }
        at += 1;
    }
    String::from_utf8(bytes).map_err(|err| err.utf8_error().valid_up_to())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode(b"a+b%20c%C3%A9").unwrap(), "a b cé");
        assert_eq!(percent_decode(b"50%"), Err(2));
        assert_eq!(percent_decode(b"x%zz"), Err(1));
        assert!(percent_decode(b"%FF").is_err(), "not UTF-8");
    }

    #[test]
    fn form_pairs_keep_order_and_empty_values() {
        let params = Params::decode(b"query=ASK%7B%7D&format&&x=1=2", "test").unwrap();
        let pairs: Vec<(&str, &str)> = params.0.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(pairs, [("query", "ASK{}"), ("format", ""), ("x", "1=2")]);
    }
}
