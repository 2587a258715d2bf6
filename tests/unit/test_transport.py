"""The httpx transport (HTTP/1.1 by h11 on asyncio's own connections), against real servers on
127.0.0.1.

Each server here is a listening socket with a thread that plays one scripted part per
connection, so that a test can close, stall or count connections exactly as it needs.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import trustme

from bitereader.errors import FetchError
from bitereader.fetch import fetch_one
from bitereader.transport import _HIGH_WATER, _LOW_WATER, H11Transport, _Connection

Part = Callable[[socket.socket], None]


@contextmanager
def scripted_server(part: Part, *, tls: ssl.SSLContext | None = None) -> Iterator[tuple[int, list]]:
    """Serve each connection with `part`; yields the port and the list of accepted sockets."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    accepted: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            if tls is not None:
                try:
                    conn = tls.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    conn.close()  # the client refused our certificate
                    continue
            accepted.append(conn)
            threading.Thread(target=part, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield port, accepted
    finally:
        listener.close()
        for conn in accepted:
            conn.close()


def read_request(conn: socket.socket) -> bytes:
    """The next request's head; b"" when the connection has ended (or the test closed it)."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = conn.recv(65536)
        except OSError:
            return b""
        if not chunk:
            return b""
        data += chunk
    return data


def response(body: bytes, *extra: str) -> bytes:
    head = ["HTTP/1.1 200 OK", f"Content-Length: {len(body)}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def keep_alive(conn: socket.socket) -> None:
    """Answer every request on the connection with its own path."""
    with conn:
        while request := read_request(conn):
            conn.sendall(response(request.split(b" ")[1]))


def get(port: int, paths: list[str], *, timeout: float = 5.0) -> list[bytes]:
    """GET each path in turn through one client on our transport."""

    async def run() -> list[bytes]:
        transport = H11Transport(httpx.Limits(max_connections=4))
        async with httpx.AsyncClient(transport=transport, timeout=timeout) as client:
            return [(await client.get(f"http://127.0.0.1:{port}{p}")).content for p in paths]

    return asyncio.run(run())


def test_a_kept_alive_connection_serves_the_next_requests() -> None:
    with scripted_server(keep_alive) as (port, accepted):
        assert get(port, ["/a", "/b", "/c"]) == [b"/a", b"/b", b"/c"]
    assert len(accepted) == 1


def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    closed = threading.Semaphore(0)

    def one_then_close(conn: socket.socket) -> None:
        """Answer one request as if keeping the connection, then close it."""
        with conn:
            if request := read_request(conn):
                conn.sendall(response(request.split(b" ")[1]))
        closed.release()

    async def run(port: int) -> list[bytes]:
        transport = H11Transport(httpx.Limits(max_connections=4))
        bodies = []
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            for path in ("/a", "/b", "/c"):
                bodies.append((await client.get(f"http://127.0.0.1:{port}{path}")).content)
                # The next request goes once the server has closed this connection (else the
                # two race, as they would anywhere) and the loop has had a turn to see it.
                await asyncio.to_thread(closed.acquire)
                await asyncio.sleep(0.01)
        return bodies

    with scripted_server(one_then_close) as (port, accepted):
        assert asyncio.run(run(port)) == [b"/a", b"/b", b"/c"]
    assert len(accepted) == 3


def test_a_request_a_kept_alive_connection_drops_unanswered_goes_again_on_a_new_one() -> None:
    connections = iter(range(1_000))

    def answer_one_then_drop_the_next(conn: socket.socket) -> None:
        """The first connection answers one request, then closes on reading the next (as a
        server does whose keep-alive time runs out just then); later ones answer all."""
        first = next(connections) == 0
        with conn:
            while request := read_request(conn):
                conn.sendall(response(request.split(b" ")[1]))
                if first:
                    read_request(conn)
                    return

    with scripted_server(answer_one_then_drop_the_next) as (port, accepted):
        assert get(port, ["/a", "/b"]) == [b"/a", b"/b"]
    assert len(accepted) == 2


def test_a_stalled_response_times_out_as_httpx_says() -> None:
    def stall(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")
        threading.Event().wait(5)

    with scripted_server(stall) as (port, _), pytest.raises(httpx.ReadTimeout):
        get(port, ["/"], timeout=0.3)


def test_a_body_cut_short_is_an_error_not_a_hang() -> None:
    def cut(conn: socket.socket) -> None:
        with conn:
            read_request(conn)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")

    with scripted_server(cut) as (port, _), pytest.raises(httpx.RemoteProtocolError):
        get(port, ["/"])


def test_nothing_listening_is_a_connect_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as unused:
        port = unused.getsockname()[1]
    with pytest.raises(httpx.ConnectError):
        get(port, ["/"])


def test_a_big_body_arrives_whole_through_paused_reading() -> None:
    body = bytes(range(256)) * 8192  # 2 MB, eight times the high-water mark

    def big(conn: socket.socket) -> None:
        with conn:
            read_request(conn)
            conn.sendall(response(body))

    async def run(port: int) -> bytes:
        transport = H11Transport(httpx.Limits(max_connections=1))
        async with (
            httpx.AsyncClient(transport=transport) as client,
            client.stream("GET", f"http://127.0.0.1:{port}/") as reply,
        ):
            parts = []
            async for part in reply.aiter_raw():
                parts.append(part)
                await asyncio.sleep(0.01)  # a slow reader: the buffer fills and pauses
            return b"".join(parts)

    with scripted_server(big) as (port, _):
        assert asyncio.run(run(port)) == body


def test_requests_beyond_the_connection_limit_wait_for_a_connection() -> None:
    async def run(port: int) -> list[bytes]:
        transport = H11Transport(httpx.Limits(max_connections=1))
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            replies = await asyncio.gather(
                *(client.get(f"http://127.0.0.1:{port}/{n}") for n in range(4))
            )
        return sorted(reply.content for reply in replies)

    with scripted_server(keep_alive) as (port, accepted):
        assert asyncio.run(run(port)) == [b"/0", b"/1", b"/2", b"/3"]
    assert len(accepted) == 1


def test_waiting_for_a_connection_past_the_pool_timeout_is_httpx_s_error() -> None:
    async def run(port: int) -> None:
        transport = H11Transport(httpx.Limits(max_connections=1))
        timeout = httpx.Timeout(5.0, pool=0.2)
        async with (
            httpx.AsyncClient(transport=transport, timeout=timeout) as client,
            client.stream("GET", f"http://127.0.0.1:{port}/held"),
        ):
            await client.get(f"http://127.0.0.1:{port}/waits")

    with scripted_server(keep_alive) as (port, _), pytest.raises(httpx.PoolTimeout):
        asyncio.run(run(port))


def test_a_body_left_unread_closes_its_connection() -> None:
    async def run(port: int) -> bytes:
        transport = H11Transport(httpx.Limits(max_connections=4))
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            async with client.stream("GET", f"http://127.0.0.1:{port}/unread"):
                pass  # what is left of this body would be read as the next response
            return (await client.get(f"http://127.0.0.1:{port}/next")).content

    with scripted_server(keep_alive) as (port, accepted):
        assert asyncio.run(run(port)) == b"/next"
    assert len(accepted) == 2


def test_a_response_that_closes_its_connection_is_not_followed_on_it() -> None:
    def close_after_each(conn: socket.socket) -> None:
        with conn:
            if request := read_request(conn):
                conn.sendall(response(request.split(b" ")[1], "Connection: close"))

    with scripted_server(close_after_each) as (port, accepted):
        assert get(port, ["/a", "/b"]) == [b"/a", b"/b"]
    assert len(accepted) == 2


def test_a_chunked_body_arrives_whole_and_keeps_the_connection() -> None:
    def chunked(conn: socket.socket) -> None:
        with conn:
            while read_request(conn):
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                )

    with scripted_server(chunked) as (port, accepted):
        assert get(port, ["/a", "/b"]) == [b"hello world", b"hello world"]
    assert len(accepted) == 1


def test_no_response_at_all_is_a_protocol_error() -> None:
    def hang_up(conn: socket.socket) -> None:
        with conn:
            read_request(conn)

    unanswered = r"^RemoteProtocolError: .*closed the connection"
    with scripted_server(hang_up) as (port, accepted), pytest.raises(FetchError, match=unanswered):
        fetch_one(f"http://127.0.0.1:{port}/feed.xml")
    assert len(accepted) == 1  # a new connection's request is not sent again


def test_an_expired_idle_connection_is_closed_not_reused() -> None:
    async def run(port: int) -> list[bytes]:
        transport = H11Transport(httpx.Limits(max_connections=4, keepalive_expiry=0.0))
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            return [
                (await client.get(f"http://127.0.0.1:{port}{p}")).content for p in "/a /b".split()
            ]

    with scripted_server(keep_alive) as (port, accepted):
        assert asyncio.run(run(port)) == [b"/a", b"/b"]
    assert len(accepted) == 2


def test_a_new_origin_at_the_limit_closes_the_longest_idle_connection_first() -> None:
    ended = threading.Event()

    def keep_alive_then_note_the_end(conn: socket.socket) -> None:
        keep_alive(conn)
        ended.set()

    def say_whether_the_first_has_ended(conn: socket.socket) -> None:
        with conn:
            read_request(conn)
            conn.sendall(response(b"ended" if ended.wait(2.0) else b"open"))

    async def run(first: int, second: int) -> bytes:
        transport = H11Transport(httpx.Limits(max_connections=1))
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            await client.get(f"http://127.0.0.1:{first}/one")
            return (await client.get(f"http://127.0.0.1:{second}/two")).content

    with (
        scripted_server(keep_alive_then_note_the_end) as (first, _),
        scripted_server(say_whether_the_first_has_ended) as (second, _),
    ):
        assert asyncio.run(run(first, second)) == b"ended"


def test_idle_connections_beyond_the_keep_alive_limit_are_closed() -> None:
    ended = threading.Event()

    def keep_alive_then_note_the_end(conn: socket.socket) -> None:
        keep_alive(conn)
        ended.set()

    async def run(first: int, second: int) -> bool:
        limits = httpx.Limits(max_connections=4, max_keepalive_connections=1)
        transport = H11Transport(limits)
        async with httpx.AsyncClient(transport=transport, timeout=5.0) as client:
            await client.get(f"http://127.0.0.1:{first}/one")
            await client.get(f"http://127.0.0.1:{second}/two")
            return await asyncio.to_thread(ended.wait, 5.0)

    with (
        scripted_server(keep_alive_then_note_the_end) as (first, _),
        scripted_server(keep_alive) as (second, _),
    ):
        assert asyncio.run(run(first, second))


class RecordingTransport(asyncio.Transport):
    """Stands in for the socket's transport: records when reading is paused and resumed."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def pause_reading(self) -> None:
        self.calls.append("pause")

    def resume_reading(self) -> None:
        self.calls.append("resume")


def test_reading_pauses_above_the_high_water_mark_and_resumes_below_the_low() -> None:
    connection = _Connection()
    transport = RecordingTransport()
    connection.connection_made(transport)
    chunk = b"x" * 64 * 1024
    while connection.waiting <= _HIGH_WATER:
        assert transport.calls == []
        connection.data_received(chunk)
    assert transport.calls == ["pause"]
    while connection.waiting > _LOW_WATER:
        assert transport.calls == ["pause"]
        assert connection.take(len(chunk)) == chunk
    assert transport.calls == ["pause", "resume"]


def test_a_read_asks_for_at_most_max_bytes_and_keeps_the_rest() -> None:
    connection = _Connection()
    connection.connection_made(RecordingTransport())
    connection.data_received(b"abcdef")
    connection.data_received(b"gh")
    assert [connection.take(4), connection.take(4), connection.take(4)] == [b"abcd", b"ef", b"gh"]
    assert connection.waiting == 0


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def https_server(authority: trustme.CA) -> Iterator[int]:
    """An https server for "localhost" whose certificate only `authority` vouches for."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    with scripted_server(keep_alive, tls=context) as (port, _):
        yield port


def test_https_with_a_trusted_certificate(
    https_server: int, authority: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    fetched = fetch_one(f"https://localhost:{https_server}/feed.xml")
    assert fetched.body == b"/feed.xml"


def test_https_with_an_untrusted_certificate_is_refused(
    https_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(FetchError, match=r"cannot connect: .*certificate verify failed"):
        fetch_one(f"https://localhost:{https_server}/feed.xml")
