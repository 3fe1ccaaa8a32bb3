"""SPARQL: bundled queries, the endpoint, pushing to other stores."""
