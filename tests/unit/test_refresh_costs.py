"""What a refresh does not pay for: a TLS context for http feeds, refresh machinery in workers.

Each test also checks the behaviour the saving must keep: https is still verified (and trusts
what SSL_CERT_FILE names, as httpx does), a proxy from the environment is still used, and the
worker processes still build the articles.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from bitereader.fetch import FetchOptions
from bitereader.library import Library
from bitereader.refresh import PREPARE_MAX_FEEDS

RSS = "application/rss+xml"


def rss(*titles: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://site.example/{t.replace(' ', '-')}</link>"
        f"<description>Text of {t}.</description></item>"
        for t in titles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test feed</title><link>https://site.example/</link>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, and its key (openssl tool)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def https_server(certificate: tuple[Path, Path]) -> Iterator[HTTPServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server = HTTPServer(ssl_context=context)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def tls_contexts(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records every verifying TLS context made (httpx makes them through this function)."""
    made: list[object] = []
    real = ssl.create_default_context

    def counting(*args: object, **kwargs: object) -> ssl.SSLContext:
        made.append(kwargs.get("cafile"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl, "create_default_context", counting)
    return made


def test_refreshing_http_feeds_makes_no_tls_context(
    httpserver: HTTPServer, library: Library, tls_contexts: list[object]
) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("One"), content_type=RSS)
    library.store.add_feed(httpserver.url_for("/feed"))
    assert library.refresh().new_articles == 1
    assert tls_contexts == []


def test_https_feeds_are_verified(
    https_server: HTTPServer,
    library: Library,
    tls_contexts: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    https_server.expect_request("/feed").respond_with_data(rss("One"), content_type=RSS)
    library.store.add_feed(https_server.url_for("/feed"))
    report = library.refresh()
    assert report.failed == 1
    assert "CERTIFICATE_VERIFY_FAILED" in (report.results[0].error or "")
    assert len(tls_contexts) == 1  # made for the https request, once


def test_https_trusts_ssl_cert_file_and_follows_a_redirect_from_http(
    httpserver: HTTPServer,
    https_server: HTTPServer,
    certificate: tuple[Path, Path],
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    target = https_server.url_for("/feed")
    https_server.expect_request("/feed").respond_with_data(rss("One", "Two"), content_type=RSS)
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": target}
    )
    feed, _ = library.store.add_feed(httpserver.url_for("/old"))
    assert library.refresh().new_articles == 2
    assert library.store.feed(feed.id).url == target  # type: ignore[arg-type]


def test_a_proxy_from_the_environment_is_used(
    httpserver: HTTPServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpx only honours HTTP_PROXY when it makes its transport itself."""
    monkeypatch.setenv("HTTP_PROXY", httpserver.url_for("/"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    httpserver.expect_request("/feed").respond_with_data(rss("Proxied"), content_type=RSS)
    library.store.add_feed("http://feeds.invalid/feed")
    assert library.refresh().new_articles == 1
    request, _ = httpserver.log[0]
    assert request.headers["Host"] == "feeds.invalid"


def _in_a_refresh_worker(function: Callable[..., Any], *args: Any) -> Any:
    """What `function(*args)` gives in a worker process started as a refresh starts them."""
    from bitereader.refresh import _ArticleBuilder

    async def call(builder: _ArticleBuilder) -> Any:
        builder.warm()
        if builder._starting is None:
            pytest.skip("no worker processes on this machine")
        await asyncio.wrap_future(builder._starting)
        if builder._processes is None:
            pytest.skip("no worker processes on this machine")
        try:
            return await (await builder._processes.submit(function, *args))
        finally:
            await builder.aclose()

    with _ArticleBuilder() as builder:
        return asyncio.run(call(builder))


def test_worker_processes_import_no_refresh_machinery() -> None:
    """The fork server preloads what building needs; asyncio, httpx and the refresh module
    stay out of it and of the workers (they cost CPU in every refresh that uses processes)."""
    # eval: a builtin, so the worker needs no module of ours or of the tests to run it.
    loaded = _in_a_refresh_worker(eval, "set(__import__('sys').modules)")
    assert {"bitereader.building", "bitereader.extract.quotes", "bitereader.store.rows"} <= loaded
    assert not loaded & {"asyncio", "httpx", "httpcore", "bitereader.refresh", "concurrent"}


def test_worker_processes_run_at_a_lower_priority() -> None:
    """Behind the event loop that feeds them (see WORKER_NICENESS)."""
    from bitereader.refresh import WORKER_NICENESS

    niceness = _in_a_refresh_worker(os.nice, 0)
    assert niceness == min(19, os.nice(0) + WORKER_NICENESS)


class _CountingHandler(BaseHTTPRequestHandler):
    """Serves the same small feed at every path, with an ETag; counts its connections."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real servers
    connections = 0
    body = rss("One story")

    def setup(self) -> None:
        type(self).connections += 1
        super().setup()

    def do_GET(self) -> None:
        unchanged = self.headers.get("If-None-Match") == '"v1"'
        self.send_response(304 if unchanged else 200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Type", RSS)
        self.send_header("Content-Length", "0" if unchanged else str(len(self.body)))
        self.end_headers()
        if not unchanged:
            self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


def test_an_unchanged_refresh_reuses_its_connections(library: Library) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for n in range(6):
            library.subscribe(f"{base}/feed/{n}")
        one_at_a_time = FetchOptions(concurrency=1)
        assert library.refresh(options=one_at_a_time).failed == 0
        _CountingHandler.connections = 0
        report = library.refresh(options=one_at_a_time)
    finally:
        server.shutdown()
        server.server_close()
    assert report.unchanged == 6
    # Six 304s, one after another, over the one connection the client keeps open.
    assert _CountingHandler.connections == 1


_REFRESH_AND_TELL = """
import sys
from bitereader.library import Library
with Library(sys.argv[1]) as library:
    report = library.refresh()
print(report.unchanged, "bitereader.loaders.feeds" in sys.modules)
"""


@pytest.mark.parametrize("feeds", [PREPARE_MAX_FEEDS, PREPARE_MAX_FEEDS + 1])
def test_only_a_refresh_of_a_few_feeds_imports_the_feed_reader_ahead(
    tmp_path: Path, feeds: int
) -> None:
    """A refresh of many feeds has the workers read them: one that finds them all unchanged
    never imports the reader. One of a few imports it while they download, to read them."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = tmp_path / "lib.sqlite"
    try:
        with Library(path) as library:
            for n in range(feeds):
                library.subscribe(f"http://127.0.0.1:{server.server_address[1]}/feed/{n}")
            assert library.refresh().failed == 0
        # In a process of its own, which has imported nothing yet.
        told = subprocess.run(
            [sys.executable, "-c", _REFRESH_AND_TELL, str(path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.split()
    finally:
        server.shutdown()
        server.server_close()
    assert told == [str(feeds), str(feeds <= PREPARE_MAX_FEEDS)]
