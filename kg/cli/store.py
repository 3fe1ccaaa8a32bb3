"""``kg serve`` and ``kg push``: parse, call one library function, format.

The lead adds them to the ``kg`` group in :mod:`kg.cli.main` with
``main.add_command(serve)`` and ``main.add_command(push)``.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.terminal import echo, fail
from kg.errors import KGError


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 127.0.0.1 is reachable from this machine only.",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a query may run; a longer one is stopped and answered 503.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Queries answered at once (one process each).",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="HOST",
    help="Let SERVICE query this host (repeat for more); refused otherwise.",
)
@click.option(
    "--max-result-mb",
    default=64,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest result, in MB; a larger one is answered 413.",
)
@click.option(
    "--max-connections",
    default=100,
    show_default=True,
    type=click.IntRange(min=1),
    help="Connections open at once; more wait in the listen backlog.",
)
def serve(
    source: Path,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    allow_service: tuple[str, ...],
    max_result_mb: int,
    max_connections: int,
) -> None:
    """Serve a store folder (kg build --store) or a graph file as a read-only
    SPARQL endpoint: /sparql (SPARQL 1.1 Protocol) and a query page at /."""
    from kg.sparql.serve import ServeOptions, SparqlServer, parse_hosts
    from kg.sparql.serve import serve as run_server

    def ready(server: SparqlServer) -> None:
        triples = server.endpoint.triples if server.endpoint else 0
        echo(f"serving {triples} triples from {source}")
        echo(f"query page: {server.url}")
        echo(f"endpoint:   {server.url}sparql")
        echo("Ctrl-C stops")

    try:
        options = ServeOptions(
            host,
            port,
            timeout,
            workers,
            allow_service=parse_hosts(allow_service),
            max_result_bytes=max_result_mb * 1_000_000,
            max_connections=max_connections,
        )
        run_server(source, options, on_ready=ready)
    except KGError as exc:
        raise fail(exc) from exc


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store URL, e.g. http://localhost:8890/sparql-graph-crud-auth.",
)
@click.option("--graph", "graph_iri", help="Target graph IRI [default graph].")
@click.option("--user", help="User name (Basic or Digest, as the server asks).")
@click.option(
    "--password", envvar="KG_PUSH_PASSWORD", help="Password [$KG_PUSH_PASSWORD]."
)
@click.option("--token", envvar="KG_PUSH_TOKEN", help="Bearer token [$KG_PUSH_TOKEN].")
@click.option(
    "--batch-size",
    default=50_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Triples per request.",
)
def push(
    source: Path,
    endpoint: str,
    graph_iri: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    batch_size: int,
) -> None:
    """Load a graph file or store folder into a triple store through the
    SPARQL 1.1 Graph Store HTTP Protocol, replacing the target graph."""
    from kg.sparql.push import Credentials, PushProgress, push_graph

    if token and user:
        raise click.UsageError("give --token or --user, not both")
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)

    def progress(step: PushProgress) -> None:
        echo(
            f"batch {step.batch}: {step.triples} triples, {step.seconds:.1f} s",
            err=True,
        )

    try:
        summary = push_graph(
            source,
            endpoint,
            graph=graph_iri,
            credentials=Credentials(user, password, token),
            batch_size=batch_size,
            progress=progress,
        )
    except KGError as exc:
        raise fail(exc) from exc
    batches = f"{summary.batches} batch{'es' if summary.batches != 1 else ''}"
    echo(
        f"pushed {summary.triples} triples in {batches} "
        f"to {summary.url} ({summary.seconds:.1f} s)"
    )
