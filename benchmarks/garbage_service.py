"""A loopback 'SPARQL service' that counts connections and answers garbage.

What a hostile federated endpoint looks like to ``kg serve``: the load
benchmark (``bench_serve_load.py``) points SERVICE queries at it, and the
robustness tests (``tests/robustness/test_robust_endpoint.py``) check that
the server never calls it unless allowed to.
"""

from __future__ import annotations

import socket
import threading

REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
    b"Content-Length: 9\r\n\r\n{garbage!"
)


class GarbageService:
    """Listens on a free loopback port (``port``) in a daemon thread;
    ``hits`` counts the connections it accepted."""

    def __init__(self, backlog: int = 64) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(backlog)
        self.port = int(self.sock.getsockname()[1])
        self.hits = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(REPLY)
                except OSError:
                    pass
