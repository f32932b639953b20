"""Serves a folder over HTTP/1.1 on loopback for bench/resolve.sh: python -m http.server's
handler in its threaded server (a thread per connection), with keep-alive and TCP_NODELAY,
and PyPI's caching headers: project pages `max-age=600, public` (pypi.org/simple), files
`max-age=365000000, immutable, public` (files.pythonhosted.org), so that a warm cache is
used as it is against PyPI: pip revalidates every page (it asks for max-age=0) and reads
cached files without asking; axle also reads pages cached less than 10 minutes ago.
Without these headers neither tool could use a cached response without asking first.

    python bench/serve-index.py FOLDER PORT

`python -m http.server --protocol HTTP/1.1` alone stalls 40 ms on every response of a
kept-alive connection: the handler sends the headers and the body in two writes, Nagle's
algorithm holds the body until the client acknowledges the headers, and the client delays
that acknowledgement (40 ms on Linux). pip, which fetches one file at a time, spent 9 of its
10 s resolving jupyter waiting on that. HTTP/1.0 (http.server's default) avoids it by
opening a connection per request instead, which neither tool does with a real index.

socketserver listens with a backlog of 5: a client opening 8 connections at once has its
extra SYNs dropped and retried a second later (a 1 s stall no real index causes), so the
server listens with a backlog of 128.
"""

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    request_queue_size = 128


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def end_headers(self):
        if self.path.startswith("/files/"):
            self.send_header("Cache-Control", "max-age=365000000, immutable, public")
        else:
            self.send_header("Cache-Control", "max-age=600, public")
        super().end_headers()

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    handler = functools.partial(Handler, directory=sys.argv[1])
    with Server(("127.0.0.1", int(sys.argv[2])), handler) as server:
        server.serve_forever()
