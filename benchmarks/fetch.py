"""HTTP cost of a refresh: the CPU seconds to download 200 generated feeds of 50 items.

Serves the feeds `refresh.py` serves and downloads them all, as a refresh does (`fetch`, as many
at once as a refresh fetches), through bitereader's client (its h11 transport) and through
httpx's own transport (httpcore's pool on anyio's sockets), alternately; then a plain asyncio
client that only reads the bytes, as a floor. On 2 cores a refresh is CPU-bound, so what the
client spends is taken from building and storing articles.

    .venv/bin/python benchmarks/fetch.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from refresh import served

FEEDS, ITEMS, ROUNDS = 200, 50, 5


async def with_client(port: int, own_transport: bool) -> int:
    """Download every feed through `fetch`; with httpx's transport unless `own_transport`."""
    import httpx

    from bitereader.fetch import DEFAULT_CONCURRENCY, FetchOptions, fetch, new_client

    options = FetchOptions()
    if own_transport:
        client = new_client(options)
    else:
        limits = httpx.Limits(max_connections=DEFAULT_CONCURRENCY, max_keepalive_connections=20)
        client = httpx.AsyncClient(follow_redirects=True, limits=limits, timeout=options.timeout)
    gate = asyncio.Semaphore(DEFAULT_CONCURRENCY)

    async def one(n: int) -> int:
        async with gate:
            url = f"http://127.0.0.1:{port}/feed/{n}"
            return len((await fetch(client, url, options=options)).body)

    async with client:
        return sum(await asyncio.gather(*(one(n) for n in range(FEEDS))))


async def bytes_only(port: int) -> int:
    """Download every feed with asyncio streams and nothing else: no HTTP library at all."""
    from bitereader.fetch import DEFAULT_CONCURRENCY

    gate = asyncio.Semaphore(DEFAULT_CONCURRENCY)

    async def one(n: int) -> int:
        async with gate:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET /feed/{n} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            body = await reader.readexactly(length)
            writer.close()
            return len(body)

    return sum(await asyncio.gather(*(one(n) for n in range(FEEDS))))


def main() -> None:
    with served(FEEDS, ITEMS) as (port, size):
        clients: dict[str, Callable[[], Awaitable[int]]] = {
            "bitereader (h11 transport)": lambda: with_client(port, True),
            "httpx's own transport (anyio)": lambda: with_client(port, False),
            "bytes only (asyncio streams)": lambda: bytes_only(port),
        }
        seconds: dict[str, list[float]] = {name: [] for name in clients}
        for _ in range(ROUNDS):
            for name, client in clients.items():
                started = time.process_time()
                assert asyncio.run(client()) == size
                seconds[name].append(time.process_time() - started)
    print(f"{FEEDS} feeds of {ITEMS} items, {size / 1e6:.1f} MB, {ROUNDS} rounds, alternating")
    print(f"{'client':<32} {'CPU s (best)':>13} {'CPU s (median)':>15} {'ms per feed':>12}")
    for name, runs in seconds.items():
        runs.sort()
        print(
            f"{name:<32} {runs[0]:>13.3f} {runs[len(runs) // 2]:>15.3f} "
            f"{runs[len(runs) // 2] / FEEDS * 1000:>12.2f}"
        )


if __name__ == "__main__":
    main()
