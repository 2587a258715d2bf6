"""HTTP for feeds with httpx: conditional GET, redirects, size and time limits, Retry-After."""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from bitereader import __version__
from bitereader.errors import FetchError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"bitereader/{__version__} (terminal news reader)"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_CONCURRENCY = 8
"""Feeds fetched at once: enough to hide latency, few enough to be polite to shared hosts."""

_PERMANENT = (301, 308)
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How feeds are fetched."""

    timeout: float = DEFAULT_TIMEOUT
    """Seconds for the whole request, from connecting to the last byte of the body."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest body accepted, after decompression."""
    concurrency: int = DEFAULT_CONCURRENCY
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one conditional GET found."""

    url: str
    """The url the body finally came from, after redirects."""
    status: Literal["ok", "not_modified"]
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    moved_to: str | None = None
    """The new address when every redirect on the way was permanent (301/308)."""


class RetryLater(FetchError):
    """The server answered 429 or 503 and asked us to come back later."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


def new_client(options: FetchOptions) -> httpx.AsyncClient:
    """An HTTP client for feed fetches; httpx decodes gzip and deflate itself."""
    # httpx is imported here, not with this module, which the command line imports for
    # FetchOptions: a refresh starts its worker processes first, and imports it meanwhile.
    import httpx

    from bitereader.transport import H11Transport, proxy_in_environment

    limits = httpx.Limits(max_connections=max(1, options.concurrency), max_keepalive_connections=20)
    # Our transport speaks HTTP/1.1 with h11 on sockets asyncio reads itself, and makes its TLS
    # context when the first https request needs it. With a proxy from the environment, which
    # httpx only honours when it builds the transport itself, httpx keeps its own way.
    transport = None if proxy_in_environment() else H11Transport(limits)
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=10,
        timeout=httpx.Timeout(options.timeout),
        limits=limits,
        headers={"User-Agent": options.user_agent, "Accept": _ACCEPT},
        transport=transport,
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    options: FetchOptions,
    etag: str | None = None,
    last_modified: str | None = None,
    now: datetime | None = None,
) -> Fetched:
    """GET a feed, conditionally when validators are given, within the time and size limits.

    Raises:
        RetryLater: 429 or 503 with a Retry-After header.
        FetchError: anything else that stops us getting a body, in one line.
    """
    import httpx

    if not url.startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) url: {url}")
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(options.timeout):
            return await _get(client, url, headers, options, now)
    except TimeoutError:
        raise FetchError(f"timed out after {options.timeout:g} s") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {options.timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects") from None
    except httpx.ConnectError as error:
        raise FetchError(f"cannot connect: {_reason(error)}") from None
    except httpx.DecodingError as error:
        raise FetchError(f"cannot decode the response: {_reason(error)}") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FetchError(f"{type(error).__name__}: {_reason(error)}") from None


async def _get(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    options: FetchOptions,
    now: datetime | None,
) -> Fetched:
    async with client.stream("GET", url, headers=headers) as response:
        status = response.status_code
        final = str(response.url)
        moved_to = None
        if response.history and all(r.status_code in _PERMANENT for r in response.history):
            moved_to = final if final != url else None
        if status == 304:
            # Read to its (empty) end, the response frees its connection for the next feed from
            # that server; left unread, httpx closes it, and that feed connects anew.
            await response.aread()
            return Fetched(url=final, status="not_modified", moved_to=moved_to)
        if status in (429, 503):
            until = parse_retry_after(response.headers.get("Retry-After"), now)
            message = f"HTTP {status} {response.reason_phrase}".strip()
            if until is not None:
                raise RetryLater(f"{message}; retry after {until:%Y-%m-%d %H:%M:%S} UTC", until)
            raise FetchError(message)
        if status >= 400:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".strip())
        if status >= 300:
            raise FetchError(f"HTTP {status} redirect without a usable Location")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchError(_too_big(options.max_bytes))
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                raise FetchError(_too_big(options.max_bytes))
            chunks.append(chunk)
        return Fetched(
            url=final,
            status="ok",
            body=b"".join(chunks),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            content_type=response.headers.get("Content-Type"),
            moved_to=moved_to,
        )


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """The moment a Retry-After header (seconds or an HTTP date) points to, in UTC."""
    if not value:
        return None
    now = now or datetime.now(UTC)
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def fetch_one(
    url: str,
    *,
    options: FetchOptions | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """Fetch one url from synchronous code (runs its own event loop)."""
    options = options or FetchOptions()
    found: list[Fetched] = []

    async def run() -> None:
        async with new_client(options) as client:
            found.append(
                await fetch(client, url, options=options, etag=etag, last_modified=last_modified)
            )

    # The result goes out through `found`, not as the main task's result: when asyncio.run puts
    # back the SIGINT handler, CPython builds the repr of the handler's task, body and all
    # (0.15 s for a 17 MB feed).
    asyncio.run(run())
    return found[0]


def _too_big(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"response is larger than the {limit / (1024 * 1024):g} MB limit"
    return f"response is larger than the {limit:,} byte limit"


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
