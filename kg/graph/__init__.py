"""The graph: namespaces, the one module that builds triples, SHACL, files."""
