//! The endpoint's answers as HTTP responses: results with their media type,
//! refusals as one line of plain text, and the CORS headers every answer
//! carries so that browser clients such as YASGUI may read it.

use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE, ALLOW, CONTENT_TYPE, VARY,
};
use oxhttp::model::{Body, HeaderValue, Response, StatusCode};

/// The methods the SPARQL endpoints answer.
pub const METHODS: &str = "GET, POST, OPTIONS";

/// A request answered without results: the status, and one line saying why.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
}

impl Refusal {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        // Parser messages may span lines; clients show the first one.
        let message = message.into().split_whitespace().collect::<Vec<_>>().join(" ");
        Self { status, message }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn into_response(self) -> Response<Body> {
        let mut response = text(self.status, format!("{}\n", self.message));
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            response.headers_mut().insert(ALLOW, HeaderValue::from_static(METHODS));
        }
        response
    }
}

/// A 200 answer of `media_type`.
pub fn content(media_type: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(media_type));
    // The same URL gives other bytes for another Accept: caches must know.
    response.headers_mut().insert(VARY, HeaderValue::from_static("Accept"));
    response
}

/// A plain-text answer.
pub fn text(status: StatusCode, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

/// An answer with no body (an update applied, a preflight allowed).
pub fn no_content() -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    response
}

/// The answer to a CORS preflight: any origin may send the protocol's
/// requests, with the headers that carry a query's type and the format
/// wanted. GET and POST are CORS-safelisted methods, so no
/// Access-Control-Allow-Methods is needed (oxhttp would drop it anyway).
pub fn preflight() -> Response<Body> {
    let mut response = no_content();
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("Content-Type, Accept"));
    headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    // Chrome asks before a public page (a hosted YASGUI) may call a
    // loopback address.
    headers.insert("access-control-allow-private-network", HeaderValue::from_static("true"));
    response
}

/// Adds the header that lets pages from any origin read the answer: the
/// endpoint has no cookies or credentials for another site to abuse.
pub fn with_cors(mut response: Response<Body>) -> Response<Body> {
    response.headers_mut().insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}
