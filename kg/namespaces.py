"""The project's namespaces; ``KGO`` mirrors ``ontology/kg.ttl`` term for term.

``KGO`` is closed: a misspelt term such as ``KGO.Persn`` raises instead of
minting a new IRI.  A test keeps this module and the ontology file in step.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

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
    evidenceText: URIRef
    adminCode: URIRef
    sourceFile: URIRef
    formerName: URIRef
