"""The refresh's worker processes, driven from an event loop (workers.WorkerPool)."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from bitereader.building import WORKER_MODULES
from bitereader.workers import WorkerPool, WorkersLost

T = TypeVar("T")


def with_pool(size: int, use: Callable[[WorkerPool], Awaitable[T]]) -> T:
    """Start a pool of `size` workers, run `use` with it on an event loop, and close it.

    The pools preload what a refresh's do: a process has one fork server, which preloads what
    the first pool that starts it asks for."""
    pool = WorkerPool(size, preload=WORKER_MODULES, niceness=0)
    try:
        pool.start()
    except (OSError, ValueError):
        pytest.skip("no worker processes on this machine")

    async def run() -> T:
        try:
            return await use(pool)
        finally:
            await pool.aclose()

    try:
        return asyncio.run(run())
    finally:
        pool.close()


def test_each_call_gets_its_own_outcome() -> None:
    async def use(pool: WorkerPool) -> list[int]:
        futures = [await pool.submit(pow, n, 2) for n in range(40)]
        return list(await asyncio.gather(*futures))

    assert with_pool(2, use) == [n * n for n in range(40)]


def test_calls_sent_at_once_to_a_new_pool_each_get_their_outcome() -> None:
    """The first calls all wait for the pool to take up its connections, once."""

    async def use(pool: WorkerPool) -> list[int]:
        futures = await asyncio.gather(*(pool.submit(pow, n, 3) for n in range(10)))
        outcomes = list(await asyncio.gather(*futures))
        gc.collect()  # a second transport on a socket would close it when collected
        return outcomes + [await (await pool.submit(pow, n, 3)) for n in range(10, 12)]

    assert with_pool(2, use) == [n**3 for n in range(12)]


def test_the_calls_are_shared_among_the_workers() -> None:
    async def use(pool: WorkerPool) -> set[int]:
        futures = [await pool.submit(os.getpid) for _ in range(8)]
        return set(await asyncio.gather(*futures))

    assert len(with_pool(2, use)) == 2


def test_an_error_in_a_call_is_its_outcome_and_the_worker_goes_on() -> None:
    async def use(pool: WorkerPool) -> int:
        failing = await pool.submit(int, "not a number")
        with pytest.raises(ValueError, match="not a number"):
            await failing
        return await (await pool.submit(int, "42"))

    assert with_pool(1, use) == 42


def test_an_outcome_far_bigger_than_a_socket_buffer_arrives_whole() -> None:
    async def use(pool: WorkerPool) -> list[bytes]:
        futures = [await pool.submit(bytes, 8_000_000), await pool.submit(bytes, 3)]
        return list(await asyncio.gather(*futures))

    assert with_pool(1, use) == [bytes(8_000_000), bytes(3)]


def test_sending_calls_never_waits_for_a_busy_worker() -> None:
    """Calls far bigger than the socket's buffer go to a worker still busy with another: the
    loop buffers them rather than wait for the worker to read them. (Monotonic time is the
    same clock in every process.)"""

    async def use(pool: WorkerPool) -> tuple[float, float, list[int]]:
        await pool.submit(time.sleep, 0.5)
        busy_until = await pool.submit(time.monotonic)
        queued = [await pool.submit(len, bytes(2_000_000)) for _ in range(10)]
        sent_at = time.monotonic()
        return sent_at, await busy_until, list(await asyncio.gather(*queued))

    sent_at, busy_until, lengths = with_pool(1, use)
    assert sent_at < busy_until
    assert lengths == [2_000_000] * 10


def test_a_cancelled_call_s_outcome_goes_to_nobody_and_the_next_get_theirs() -> None:
    async def use(pool: WorkerPool) -> list[str]:
        dropped = await pool.submit(str, "dropped")
        kept = [await pool.submit(str, n) for n in range(3)]
        dropped.cancel()
        return list(await asyncio.gather(*kept))

    assert with_pool(1, use) == ["0", "1", "2"]


def test_a_worker_that_ends_fails_its_calls_and_the_others_go_on() -> None:
    async def use(pool: WorkerPool) -> None:
        ends = await pool.submit(os._exit, 3)
        waiting = await pool.submit(pow, 2, 10)  # the other worker has fewer calls waiting
        with pytest.raises(WorkersLost):
            await ends
        assert await waiting == 1024
        assert await (await pool.submit(pow, 3, 3)) == 27  # to the worker still there

    with_pool(2, use)


def test_once_every_worker_has_ended_a_call_is_refused() -> None:
    async def use(pool: WorkerPool) -> None:
        with pytest.raises(WorkersLost):
            await (await pool.submit(os._exit, 3))
        with pytest.raises(WorkersLost):
            await pool.submit(pow, 2, 2)

    with_pool(1, use)


def test_a_worker_leaves_ctrl_c_to_the_refresh() -> None:
    """Ctrl-C reaches every process in the terminal's group: workers go on (the refresh ends
    them by closing their connections)."""

    async def use(pool: WorkerPool) -> int:
        pid = await (await pool.submit(os.getpid))
        os.kill(pid, signal.SIGINT)
        await asyncio.sleep(0.2)  # a worker that took it would be gone by now
        return await (await pool.submit(pow, 2, 3))

    assert with_pool(1, use) == 8


def test_closing_ends_the_processes() -> None:
    pool = WorkerPool(2, preload=WORKER_MODULES, niceness=0)
    try:
        pool.start()
    except (OSError, ValueError):
        pytest.skip("no worker processes on this machine")

    async def use() -> None:
        await (await pool.submit(pow, 2, 2))
        await pool.aclose()

    asyncio.run(use())
    pool.close()
    assert [process.is_alive() for process in pool.processes()] == [False, False]
    assert [process.exitcode for process in pool.processes()] == [0, 0]
