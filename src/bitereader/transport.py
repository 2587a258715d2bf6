"""httpx's transport for feed fetches, on connections asyncio reads itself.

httpx sends requests through httpcore's connection pool, which reads and writes its sockets
through a network backend: under asyncio, by default, anyio's. anyio opens a cancel scope and a
timer for every read and write, and polls an idle socket each time the pool looks for a free
connection; a refresh of 200 small feeds spent a third of its HTTP time there. This module
gives the same pool a backend on asyncio's own transports (httpcore's public network-backend
interface) and wraps the pool as an httpx transport, as httpx's own transport does.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections import deque
from collections.abc import AsyncIterator, Iterable
from typing import Any

import httpcore
import httpx

_HIGH_WATER = 256 * 1024
"""Bytes received and not yet read at which a connection stops reading from its socket."""
_LOW_WATER = 64 * 1024
"""Bytes left unread at which a paused connection reads from its socket again."""
_HAPPY_EYEBALLS_DELAY = 0.25
"""Seconds before trying a host's next address while the first still connects (RFC 8305)."""

# httpcore's errors as httpx's, most specific first: the first match is the one raised.
_HTTPX_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)
_HTTPCORE_ERRORS = tuple(core_error for core_error, _ in _HTTPX_ERRORS)


class AsyncioTransport(httpx.AsyncBaseTransport):
    """httpx's transport (HTTP/1.1 through httpcore's pool), on the asyncio backend below."""

    def __init__(self, limits: httpx.Limits, ssl_context: ssl.SSLContext | None = None) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=AsyncioBackend(),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` through the pool; its body streams from the connection."""
        url = request.url
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = await self._pool.handle_async_request(core_request)
        except _HTTPCORE_ERRORS as error:
            raise _as_httpx_error(error) from error
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Close every pooled connection."""
        await self._pool.aclose()


_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


def proxy_in_environment() -> bool:
    """Does the environment name a proxy? (httpx only honours one with its own transport.)"""
    return any(os.environ.get(name) or os.environ.get(name.upper()) for name in _PROXY_VARIABLES)


class OnDemandTLS(httpx.AsyncBaseTransport):
    """Plain http through one pool of connections read by asyncio itself (`AsyncioTransport`),
    https through another made on the first https request: with its verifying TLS context, it
    costs about 25 ms of CPU that plain http urls (and a refresh of only those) never pay."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        self._plain = AsyncioTransport(limits)
        self._tls: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send plain http through one pool, https through a verifying one made when needed."""
        if request.url.scheme != "https":
            return await self._plain.handle_async_request(request)
        if self._tls is None:
            self._tls = AsyncioTransport(self._limits, httpx.create_ssl_context())
        return await self._tls.handle_async_request(request)

    async def aclose(self) -> None:
        """Close both pools."""
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()


class _ResponseStream(httpx.AsyncByteStream):
    """A response body from httpcore, its errors raised as httpx's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except _HTTPCORE_ERRORS as error:
            raise _as_httpx_error(error) from error

    async def aclose(self) -> None:
        await self._stream.aclose()


def _as_httpx_error(error: Exception) -> httpx.HTTPError:
    """httpx's error for one of httpcore's."""
    for core_error, httpx_error in _HTTPX_ERRORS:
        if isinstance(error, core_error):
            return httpx_error(str(error))
    raise AssertionError(f"not one of httpcore's errors: {error!r}")


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections with the running loop's own transports."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, connection = await loop.create_connection(
                    _Connection,
                    host,
                    port,
                    local_addr=(local_address, 0) if local_address else None,
                    happy_eyeballs_delay=_HAPPY_EYEBALLS_DELAY,
                )
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"connecting to {host}:{port} timed out") from None
        except OSError as error:
            raise httpcore.ConnectError(str(error)) from error
        sock = transport.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(connection)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


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


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One connection, as httpcore reads and writes it."""

    def __init__(self, connection: _Connection) -> None:
        self._connection = connection

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        connection = self._connection
        while not connection.chunks:
            if connection.ended:
                if connection.error is not None:
                    raise httpcore.ReadError(str(connection.error))
                return b""
            connection.arrival = asyncio.get_running_loop().create_future()
            try:
                await _wait(connection.arrival, timeout)
            except TimeoutError:
                raise httpcore.ReadTimeout("timed out waiting for the server") from None
            finally:
                connection.arrival = None
        return connection.take(max_bytes)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        connection = self._connection
        if connection.ended or connection.transport is None:
            raise httpcore.WriteError("the connection is closed")
        connection.transport.write(buffer)
        if connection.drained is not None:
            try:
                await _wait(connection.drained, timeout)
            except TimeoutError:
                raise httpcore.WriteTimeout("timed out sending to the server") from None
            if connection.ended and connection.error is not None:
                raise httpcore.WriteError(str(connection.error))

    async def aclose(self) -> None:
        transport = self._connection.transport
        if transport is not None and not transport.is_closing():
            transport.close()  # the socket itself closes on the loop's next turn

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        connection = self._connection
        assert connection.transport is not None
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(
                    connection.transport,
                    connection,
                    ssl_context,
                    server_hostname=server_hostname,
                )
        except TimeoutError:
            connection.transport.close()
            raise httpcore.ConnectTimeout("the TLS handshake timed out") from None
        except OSError as error:  # ssl.SSLError is one
            connection.transport.close()
            raise httpcore.ConnectError(str(error)) from error
        assert isinstance(tls, asyncio.Transport)
        connection.transport = tls
        return self

    def get_extra_info(self, info: str) -> Any:
        connection = self._connection
        if info == "is_readable":
            # An idle HTTP/1.1 connection that has something to read has been closed by the
            # server, or broken: the pool must not reuse it. Known without polling the socket.
            return connection.ended or bool(connection.chunks)
        transport = connection.transport
        if transport is None:
            return None
        if info == "ssl_object":
            return transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return transport.get_extra_info("sockname")
        if info == "server_addr":
            return transport.get_extra_info("peername")
        if info == "socket":
            return transport.get_extra_info("socket")
        return None


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
