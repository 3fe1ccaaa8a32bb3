"""A candidate measured by bench_serve_load.py, not used by kg: kg's query
workers behind uvicorn + starlette instead of waitress.

    python benchmarks/serve_uvicorn.py STORE PORT     # needs uvicorn, starlette
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qs

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kg.sparql.workers import Endpoint

MAX_BODY = 1_000_000


def app_for(endpoint: Endpoint) -> Starlette:
    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            length = request.headers.get("content-length", "")
            if not length.isdigit():
                return Response("Content-Length required\n", 411)
            if int(length) > MAX_BODY:
                return Response("too large\n", 413)
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return Response("too large\n", 413)
            params = parse_qs(body.decode("utf-8", "replace"))
        else:
            params = parse_qs(request.url.query)
        query = (params.get("query") or [""])[0]
        accept = request.headers.get("accept", "")
        reply = await run_in_threadpool(endpoint.query, query, accept, None)
        return Response(reply.body, reply.status, media_type=reply.content_type)

    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"])])


def main() -> None:
    store, port = Path(sys.argv[1]), int(sys.argv[2])
    endpoint = Endpoint(store, timeout=30, workers=2)
    uvicorn.run(
        app_for(endpoint),
        host="127.0.0.1",
        port=port,
        limit_concurrency=100,
        backlog=1024,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=65_536,
        log_level="warning",
    )


if __name__ == "__main__":
    main()
