"""httpx's transport for feed fetches: HTTP/1.1 by h11, on connections asyncio reads itself.

httpx's own transport sends requests through httpcore's connection pool, which takes a lock,
an event and a cancel scope from anyio for each request and scans every connection of the
pool for each one it places. Importing httpcore and anyio's asyncio backend cost a refresh
about 55 ms, and the pool about as much again for 200 feeds: together a third of what its
HTTP cost beyond reading the bytes. A refresh needs little of the pool: keep-alive connections
by origin, a bound on connections, TLS, and timeouts raised as httpx's errors. That is this
module; h11, the protocol library under httpcore too, reads and writes HTTP/1.1.
"""

from __future__ import annotations

import asyncio
import math
import os
import ssl
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import h11
import httpx

_HIGH_WATER = 256 * 1024
"""Bytes received and not yet read at which a connection stops reading from its socket."""
_LOW_WATER = 64 * 1024
"""Bytes left unread at which a paused connection reads from its socket again."""
_HAPPY_EYEBALLS_DELAY = 0.25
"""Seconds before trying a host's next address while the first still connects (RFC 8305)."""
_READ_SIZE = 1024 * 1024
"""Most bytes handed to h11 at a time: more than asyncio receives at once (256 KB), so that
each chunk goes whole, with no copy of its rest kept back."""
_DEFAULT_PORTS = {b"http": 80, b"https": 443}
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})
"""Methods a request may be sent again with, when a kept-alive connection drops it unanswered."""

Origin = tuple[bytes, str, int]
"""Scheme, host and port: the requests a connection can serve."""

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


def proxy_in_environment() -> bool:
    """Does the environment name a proxy? (httpx only honours one with its own transport.)"""
    return any(os.environ.get(name) or os.environ.get(name.upper()) for name in _PROXY_VARIABLES)


class H11Transport(httpx.AsyncBaseTransport):
    """HTTP/1.1 for httpx: keep-alive connections by origin, at most `limits.max_connections`
    of them at once; the verifying TLS context is made on the first https request (about
    25 ms of CPU that plain http urls, and a refresh of only those, never pay)."""

    def __init__(self, limits: httpx.Limits, ssl_context: ssl.SSLContext | None = None) -> None:
        self._max_connections = limits.max_connections or 1 << 30
        self._max_idle = min(
            self._max_connections,
            1 << 30
            if limits.max_keepalive_connections is None
            else limits.max_keepalive_connections,
        )
        self._keepalive_expiry = limits.keepalive_expiry
        self._ssl_context = ssl_context
        self._slots = asyncio.Semaphore(self._max_connections)
        self._active = 0
        """Requests under way (slots taken): each holds a connection."""
        self._idle: deque[_H11Connection] = deque()
        """Connections between requests, the longest idle first."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` on an idle connection to its origin, or a new one; the response's
        body streams from the connection, which goes back to the idle ones once it is read."""
        url = request.url
        if url.raw_scheme not in _DEFAULT_PORTS:
            raise httpx.UnsupportedProtocol(f"unsupported url scheme: {url.scheme!r}")
        # The host as sent on the wire: IDNA-encoded, an IPv6 address without its brackets.
        host = url.raw_host.decode("ascii")
        origin = (url.raw_scheme, host, url.port or _DEFAULT_PORTS[url.raw_scheme])
        timeouts = request.extensions.get("timeout", {})
        await self._take_slot(timeouts.get("pool"))
        try:
            connection, response = await self._exchange(request, origin, timeouts)
        except BaseException:
            self._release()
            raise
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers.raw_items(),
            stream=_Body(self, connection, timeouts.get("read")),
            extensions={
                "http_version": b"HTTP/" + response.http_version,
                "reason_phrase": response.reason,
            },
        )

    async def aclose(self) -> None:
        """Close every idle connection (those in use close when their responses do)."""
        while self._idle:
            self._idle.popleft().close()

    async def _exchange(
        self, request: httpx.Request, origin: Origin, timeouts: dict[str, Any]
    ) -> tuple[_H11Connection, h11.Response]:
        """Send `request` on an idle connection to `origin`, or a new one; the connection and
        the response's head. A connection that fails is closed."""
        connection = self._reuse(origin)
        if connection is not None:
            try:
                return connection, await connection.send(request, timeouts)
            except _ClosedUnanswered as error:
                connection.close()
                if request.method not in _IDEMPOTENT:
                    raise httpx.RemoteProtocolError(str(error)) from None
                # The server closed the idle connection as the request went out, unread: it
                # goes again on a connection of its own.
            except BaseException:
                connection.close()
                raise
        connection = await self._connect(origin, timeouts)
        try:
            return connection, await connection.send(request, timeouts)
        except _ClosedUnanswered as error:
            connection.close()
            raise httpx.RemoteProtocolError(str(error)) from None
        except BaseException:
            connection.close()
            raise

    async def _take_slot(self, timeout: float | None) -> None:
        """Wait, at most `timeout` seconds, until fewer than the most requests are under way."""
        if self._slots.locked():
            try:
                async with asyncio.timeout(timeout):
                    await self._slots.acquire()
            except TimeoutError:
                raise httpx.PoolTimeout("timed out waiting for a connection") from None
        else:
            await self._slots.acquire()  # at once, without a timer to set and cancel
        self._active += 1

    def _reuse(self, origin: Origin) -> _H11Connection | None:
        """An idle connection to `origin` that can take a request; stale ones are closed."""
        now = asyncio.get_running_loop().time()
        while True:
            found = next((c for c in reversed(self._idle) if c.origin == origin), None)
            if found is None:
                return None
            self._idle.remove(found)
            if found.expires_at > now and found.reusable():
                return found
            found.close()

    async def _connect(self, origin: Origin, timeouts: dict[str, float | None]) -> _H11Connection:
        """A new connection to `origin`, leaving room for it among the idle ones."""
        if self._idle and len(self._idle) + self._active > self._max_connections:
            self._idle.popleft().close()  # the longest idle, to another origin
        scheme, host, port = origin
        context = None
        if scheme == b"https":
            if self._ssl_context is None:
                self._ssl_context = httpx.create_ssl_context()
                self._ssl_context.set_alpn_protocols(["http/1.1"])
            context = self._ssl_context
        loop = asyncio.get_running_loop()
        timeout = timeouts.get("connect")
        try:
            async with asyncio.timeout(timeout):
                _, stream = await loop.create_connection(
                    _Connection,
                    host,
                    port,
                    ssl=context,
                    server_hostname=host if context is not None else None,
                    happy_eyeballs_delay=_HAPPY_EYEBALLS_DELAY,
                )
        except TimeoutError:
            raise httpx.ConnectTimeout(f"connecting to {host}:{port} timed out") from None
        except OSError as error:  # ssl.SSLError is one
            raise httpx.ConnectError(str(error)) from error
        return _H11Connection(origin, stream)

    def _response_closed(self, connection: _H11Connection, *, read_whole: bool) -> None:
        """A response has been closed: keep its connection for the next request if the body was
        read to its end and the connection can serve another; else close it."""
        if read_whole and connection.finish():
            expiry = self._keepalive_expiry
            connection.expires_at = (
                math.inf if expiry is None else asyncio.get_running_loop().time() + expiry
            )
            self._idle.append(connection)
            if len(self._idle) > self._max_idle:
                self._idle.popleft().close()
        else:
            connection.close()
        self._release()

    def _release(self) -> None:
        """A request has ended, with or without its connection."""
        self._active -= 1
        self._slots.release()


class _ClosedUnanswered(Exception):
    """The server closed the connection before a byte of its response (raised to the caller
    as httpx.RemoteProtocolError, when the request cannot go again)."""


class _Body(httpx.AsyncByteStream):
    """A response's body, read from its connection as it comes."""

    def __init__(
        self, transport: H11Transport, connection: _H11Connection, timeout: float | None
    ) -> None:
        self._transport = transport
        self._connection: _H11Connection | None = connection
        self._timeout = timeout

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            raise httpx.StreamClosed()
        try:
            while True:
                part = await connection.next_part(self._timeout)
                if part is None:
                    break
                yield part
        except BaseException:
            self._close(read_whole=False)
            raise
        self._close(read_whole=True)

    async def aclose(self) -> None:
        # A body read to its end has given its connection back already. One closed before its
        # end (a redirect's body, an error, a feed too big) has the rest still on its way, so
        # its connection cannot serve another request.
        self._close(read_whole=False)

    def _close(self, *, read_whole: bool) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._transport._response_closed(connection, read_whole=read_whole)


class _H11Connection:
    """One HTTP/1.1 connection: h11's state machine over an asyncio connection."""

    def __init__(self, origin: Origin, stream: _Connection) -> None:
        self.origin = origin
        self.expires_at = 0.0
        self._stream = stream
        self._h11 = h11.Connection(h11.CLIENT)

    async def send(self, request: httpx.Request, timeouts: dict[str, Any]) -> h11.Response:
        """Send `request` and read its response's head.

        Raises:
            _ClosedUnanswered: the connection ended before a byte of the response came.
        """
        await self._send_request(request, timeouts.get("write"))
        return await self._read_head(timeouts.get("read"))

    async def _send_request(self, request: httpx.Request, timeout: float | None) -> None:
        h11_connection = self._h11
        head = h11.Request(
            method=request.method, target=request.url.raw_path, headers=request.headers.raw
        )
        try:
            await self._write(h11_connection.send(head), timeout)
            async for part in request.stream:
                if part:
                    await self._write(h11_connection.send(h11.Data(data=part)), timeout)
            await self._write(h11_connection.send(h11.EndOfMessage()), timeout)
        except h11.LocalProtocolError as error:
            raise httpx.LocalProtocolError(str(error)) from error

    async def _read_head(self, timeout: float | None) -> h11.Response:
        h11_connection = self._h11
        heard = False  # any of the response yet
        try:
            while True:
                event = h11_connection.next_event()
                if event is h11.NEED_DATA:
                    try:
                        data = await self._read(timeout)
                    except httpx.ReadError as error:  # reset by the server
                        if heard:
                            raise
                        raise _ClosedUnanswered(str(error)) from error
                    if not data and not heard:
                        raise _ClosedUnanswered("the server closed the connection unanswered")
                    heard = True
                    h11_connection.receive_data(data)
                elif isinstance(event, h11.Response):
                    return event
                # else h11.InformationalResponse (100 Continue and the like): more follows.
        except h11.RemoteProtocolError as error:
            raise httpx.RemoteProtocolError(str(error)) from error

    async def next_part(self, timeout: float | None) -> bytes | None:
        """The next part of the body; None at its end."""
        event = await self._next_event(timeout)
        if isinstance(event, h11.Data):
            data = event.data
            return data if type(data) is bytes else bytes(data)
        return None  # h11.EndOfMessage, or h11.ConnectionClosed for a body read to the close

    def finish(self) -> bool:
        """Ready the connection for the next request; False when it cannot serve one."""
        h11_connection = self._h11
        if h11_connection.our_state is h11.DONE and h11_connection.their_state is h11.DONE:
            h11_connection.start_next_cycle()
            return self.reusable()
        return False

    def reusable(self) -> bool:
        # An idle HTTP/1.1 connection that has something to read has been closed by the
        # server, or broken: it must not serve another request.
        stream = self._stream
        return not stream.ended and not stream.chunks and stream.transport is not None

    def close(self) -> None:
        transport = self._stream.transport
        if transport is not None and not transport.is_closing():
            transport.close()  # the socket itself closes on the loop's next turn

    async def _next_event(self, timeout: float | None) -> Any:
        h11_connection = self._h11
        try:
            while True:
                event = h11_connection.next_event()
                if event is not h11.NEED_DATA:
                    return event
                h11_connection.receive_data(await self._read(timeout))
        except h11.RemoteProtocolError as error:
            raise httpx.RemoteProtocolError(str(error)) from error

    async def _read(self, timeout: float | None) -> bytes:
        """What has arrived (up to _READ_SIZE bytes), waiting for some; b"" at the end."""
        stream = self._stream
        while not stream.chunks:
            if stream.ended:
                if stream.error is not None:
                    raise httpx.ReadError(str(stream.error))
                return b""
            stream.arrival = asyncio.get_running_loop().create_future()
            try:
                await _wait(stream.arrival, timeout)
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the server") from None
            finally:
                stream.arrival = None
        return stream.take(_READ_SIZE)

    async def _write(self, data: bytes | None, timeout: float | None) -> None:
        if not data:
            return
        stream = self._stream
        if stream.ended or stream.transport is None:
            raise httpx.WriteError("the connection is closed")
        stream.transport.write(data)
        if stream.drained is not None:
            try:
                await _wait(stream.drained, timeout)
            except TimeoutError:
                raise httpx.WriteTimeout("timed out sending to the server") from None
            if stream.ended and stream.error is not None:
                raise httpx.WriteError(str(stream.error))


class _Connection(asyncio.Protocol):
    """A connection's received bytes, held until they are read, and whether it has ended.

    Reading stops while more than _HIGH_WATER bytes wait, so a slow reader holds a bounded
    buffer; the socket's own buffer and TCP then slow the server down.
    """

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: deque[bytes] = deque()
        self.waiting = 0
        """Bytes in `chunks`."""
        self.ended = False
        """The peer closed the connection, or it was lost."""
        self.error: Exception | None = None
        self.paused = False
        self.arrival: asyncio.Future[None] | None = None
        """Set while a read waits for data."""
        self.drained: asyncio.Future[None] | None = None
        """Set while writing is paused because the transport's buffer is full."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)
        self.waiting += len(data)
        if self.waiting > _HIGH_WATER and not self.paused and self.transport is not None:
            self.paused = True
            self.transport.pause_reading()
        _settle(self.arrival)

    def eof_received(self) -> bool:
        self.ended = True
        _settle(self.arrival)
        return False  # the transport closes itself: HTTP never writes after the peer's end

    def connection_lost(self, exc: Exception | None) -> None:
        self.ended = True
        self.error = exc
        _settle(self.arrival)
        _settle(self.drained)

    def pause_writing(self) -> None:
        self.drained = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        _settle(self.drained)
        self.drained = None

    def take(self, max_bytes: int) -> bytes:
        """Up to `max_bytes` of what has arrived (there must be some)."""
        data = self.chunks.popleft()
        if len(data) > max_bytes:
            self.chunks.appendleft(data[max_bytes:])
            data = data[:max_bytes]
        self.waiting -= len(data)
        if self.paused and self.waiting <= _LOW_WATER and self.transport is not None:
            self.paused = False
            self.transport.resume_reading()
        return data


async def _wait(future: asyncio.Future[None], timeout: float | None) -> None:
    """Wait for `future`, raising TimeoutError after `timeout` seconds (None: no limit)."""
    if timeout is None:
        await future
        return
    timer = asyncio.get_running_loop().call_later(timeout, _expire, future)
    try:
        await future
    finally:
        timer.cancel()


def _settle(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


def _expire(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())
