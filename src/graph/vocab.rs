//! The vocabularies of the graph: namespaces, and the terms govkg writes.
//! Terms are built once from their IRIs with oxigraph's `NamedNode`.

use oxigraph::model::NamedNode;
use std::sync::LazyLock;

pub const GK: &str = "https://w3id.org/govkg/ontology#";
pub const KG: &str = "https://w3id.org/govkg/id/";
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/govkg/ontology";
pub const GAZETTEER_GRAPH: &str = "https://w3id.org/govkg/id/gazetteer";
pub const SCHEMA: &str = "http://schema.org/";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const SIOC: &str = "http://rdfs.org/sioc/ns#";
pub const FOAF: &str = "http://xmlns.com/foaf/0.1/";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SH: &str = "http://www.w3.org/ns/shacl#";
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";

/// The prefixes declared for every query and every Turtle export.
pub const PREFIXES: &[(&str, &str)] = &[
    ("gk", GK),
    ("kg", KG),
    ("schema", SCHEMA),
    ("org", ORG),
    ("prov", PROV),
    ("sioc", SIOC),
    ("foaf", FOAF),
    ("nif", NIF),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("owl", OWL),
    ("sh", SH),
    ("itsrdf", ITSRDF),
];

/// A term of a namespace (the local names below are fixed and valid).
pub fn term(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

macro_rules! terms {
    ($($name:ident = $ns:ident : $local:literal;)*) => {
        $(pub static $name: LazyLock<NamedNode> = LazyLock::new(|| term($ns, $local));)*
    };
}

terms! {
    RDF_TYPE = RDF:"type";
    RDFS_LABEL = RDFS:"label";
    SCHEMA_ALTERNATE_NAME = SCHEMA:"alternateName";
    SCHEMA_NEWS_ARTICLE = SCHEMA:"NewsArticle";
    SCHEMA_HEADLINE = SCHEMA:"headline";
    SCHEMA_DATE_PUBLISHED = SCHEMA:"datePublished";
    SCHEMA_PUBLISHER = SCHEMA:"publisher";
    SCHEMA_AUTHOR = SCHEMA:"author";
    SCHEMA_EDITOR = SCHEMA:"editor";
    SCHEMA_IDENTIFIER = SCHEMA:"identifier";
    SCHEMA_MENTIONS = SCHEMA:"mentions";
    SCHEMA_PERSON = SCHEMA:"Person";
    SCHEMA_OBSERVATION = SCHEMA:"Observation";
    SCHEMA_VALUE = SCHEMA:"value";
    SCHEMA_OBSERVATION_DATE = SCHEMA:"observationDate";
    SCHEMA_OBSERVATION_ABOUT = SCHEMA:"observationAbout";
    SCHEMA_VARIABLE_MEASURED = SCHEMA:"variableMeasured";
    SCHEMA_QUOTATION = SCHEMA:"Quotation";
    SCHEMA_TEXT = SCHEMA:"text";
    SCHEMA_CREATOR = SCHEMA:"creator";
    SCHEMA_HAS_OCCUPATION = SCHEMA:"hasOccupation";
    SCHEMA_OCCUPATION = SCHEMA:"Occupation";
    SCHEMA_NAME = SCHEMA:"name";
    ORG_ORGANIZATION = ORG:"Organization";
    ORG_ORGANIZATIONAL_UNIT = ORG:"OrganizationalUnit";
    ORG_POST = ORG:"Post";
    ORG_MEMBERSHIP = ORG:"Membership";
    ORG_MEMBER = ORG:"member";
    ORG_MEMBER_OF = ORG:"memberOf";
    ORG_ORGANIZATION_PROPERTY = ORG:"organization";
    ORG_ROLE = ORG:"Role";
    ORG_HOLDS = ORG:"holds";
    ORG_HELD_BY = ORG:"heldBy";
    ORG_POST_IN = ORG:"postIn";
    ORG_ROLE_PROPERTY = ORG:"role";
    ORG_SUB_ORGANIZATION_OF = ORG:"subOrganizationOf";
    PROV_WAS_DERIVED_FROM = PROV:"wasDerivedFrom";
    PROV_WAS_ATTRIBUTED_TO = PROV:"wasAttributedTo";
    SIOC_ACCOUNT_OF = SIOC:"account_of";
    NIF_CONTEXT = NIF:"Context";
    NIF_SENTENCE = NIF:"Sentence";
    NIF_PHRASE = NIF:"Phrase";
    NIF_IS_STRING = NIF:"isString";
    NIF_BEGIN_INDEX = NIF:"beginIndex";
    NIF_END_INDEX = NIF:"endIndex";
    NIF_ANCHOR_OF = NIF:"anchorOf";
    NIF_REFERENCE_CONTEXT = NIF:"referenceContext";
    NIF_SENTENCE_PROPERTY = NIF:"sentence";
    GK_OFFICIAL = GK:"Official";
    GK_GOVERNMENT_AGENCY = GK:"GovernmentAgency";
    GK_COMPANY = GK:"Company";
    GK_NEWS_ORGANIZATION = GK:"NewsOrganization";
    GK_RESEARCH_ORGANIZATION = GK:"ResearchOrganization";
    GK_JURISDICTION = GK:"Jurisdiction";
    GK_PLATFORM = GK:"Platform";
    GK_ACCOUNT = GK:"Account";
    GK_FIGURE = GK:"Figure";
    GK_QUOTE = GK:"Quote";
    GK_OPERATED_BY = GK:"operatedBy";
    GK_ON_PLATFORM = GK:"onPlatform";
    GK_QUALIFIER = GK:"qualifier";
    GK_DATE_INFERRED = GK:"dateInferred";
    GK_DATE_TEXT = GK:"dateText";
    GK_RULE = GK:"rule";
    GK_CONTENT_HASH = GK:"contentHash";
    GK_SOURCE_FILE = GK:"sourceFile";
    GK_DATELINE_PLACE = GK:"datelinePlace";
    GK_UNIT = GK:"unit";
    KG_GOVKG = KG:"govkg";
    GK_OPENED_ON = GK:"openedOn";
    ITSRDF_TA_IDENT_REF = ITSRDF:"taIdentRef";
}
