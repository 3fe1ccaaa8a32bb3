"""The project's namespaces; ``KGO`` mirrors ``ontology/kg.ttl`` term for term.

``KGO`` is closed: a misspelt term such as ``KGO.Persn`` raises instead of
minting a new IRI.  A test keeps this module and the ontology file in step.
"""

from collections.abc import Mapping

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Namespace
from rdflib.namespace import FOAF, OWL, DefinedNamespace, URIRef
from rdflib.term import Node

BASE_IRI = "https://w3id.org/kgzh/resource/"
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KGO(DefinedNamespace):
    """The kg ontology: https://w3id.org/kgzh/ontology#"""

    _fail = True
    _NS = Namespace("https://w3id.org/kgzh/ontology#")

    # organisations
    TradeUnion: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    PartyOrganization: URIRef
    Media: URIRef
    School: URIRef
    Department: URIRef
    # districts
    Province: URIRef
    City: URIRef
    County: URIRef
    Town: URIRef
    Community: URIRef
    Village: URIRef
    DevelopmentZone: URIRef
    # initiatives
    Initiative: URIRef
    Policy: URIRef
    Programme: URIRef
    Alliance: URIRef
    Campaign: URIRef
    Mechanism: URIRef
    # provenance
    Gazetteer: URIRef
    # properties
    locatedIn: URIRef
    launchedBy: URIRef
    renamedTo: URIRef
    evidenceText: URIRef
    adminCode: URIRef
    sourceFile: URIRef
    formerName: URIRef
    mergeReason: URIRef
    attestedOn: URIRef
    ended: URIRef


#: Prefixes every query may use without declaring them.
STANDARD_PREFIXES: Mapping[str, str] = {
    "kgo": str(KGO._NS),
    "kgr": BASE_IRI,
    "org": str(ORG),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "xsd": str(XSD),
    "time": "http://www.w3.org/2006/time#",
}


def compact(node: Node | None, prefixes: Mapping[str, str]) -> str:
    """A term for reading: ``kgr:person/…``, a literal's text, ``_:b0``."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in sorted(prefixes.items(), key=lambda p: -len(p[1])):
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)
