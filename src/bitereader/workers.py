"""Worker processes for a refresh's building, driven from its event loop.

concurrent.futures' process pool hands every call and every outcome through two threads of its
own: one pickles the calls and writes them, the other waits for outcomes, unpickles them and
wakes the event loop. For a refresh of 200 feeds those threads cost the process that fetches
and stores about 0.08 s of CPU, which on two busy cores is the workers' time. Here the event
loop writes each call to its worker's socket and reads the outcomes as they come, with
asyncio's own transports; each worker runs `building.serve`.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import socket
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from bitereader.building import FRAME_HEADER, serve

_JOIN_SECONDS = 5.0
"""How long closing waits for a worker to end before ending it."""


class WorkersLost(RuntimeError):
    """A worker process ended before sending back the outcome of a call."""


class WorkerPool:
    """`size` worker processes from a fork server that imports `preload` once for all of them,
    each making the calls sent to it one at a time, at `niceness` below this process."""

    def __init__(self, size: int, *, preload: Sequence[str], niceness: int) -> None:
        self._size = size
        self._preload = list(preload)
        self._niceness = niceness
        self._workers: list[_Worker] = []
        self._attached: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the processes. This waits for the fork server to start and import `preload`
        (a few tenths of a second): call it off the event loop.

        Raises:
            OSError, ValueError: processes cannot be started here.
        """
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(self._preload)
        for _ in range(self._size):
            ours, theirs = socket.socketpair()
            process = context.Process(target=serve, args=(theirs, self._niceness), daemon=True)
            try:
                process.start()
            except BaseException:
                ours.close()
                raise
            finally:
                theirs.close()
            self._workers.append(_Worker(process, ours))

    async def submit(self, function: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
        """Send `function(*args)` to the worker with the fewest calls waiting; the future is its
        outcome. `function` and the arguments must pickle (a function by its module and name).

        Raises:
            WorkersLost: every worker has ended.
        """
        if self._attached is None:  # one attachment, however many calls wait for it
            self._attached = asyncio.ensure_future(self._attach())
        await self._attached
        live = [worker for worker in self._workers if not worker.lost]
        if not live:
            raise WorkersLost("the worker processes have ended")
        return min(live, key=_waiting).send(function, args)

    async def aclose(self) -> None:
        """End the connections to the workers (they end once their calls are made), on the
        event loop that drives them: call before it closes."""
        for worker in self._workers:
            worker.end()
        await asyncio.sleep(0)  # the transports close their sockets on the loop's next turn

    def close(self) -> None:
        """Wait for the workers to end, ending those that do not. (After `aclose`, their
        connections are closed already; after an event loop that closed without it, this
        closes them.)"""
        for worker in self._workers:
            worker.socket.close()
        for worker in self._workers:
            worker.process.join(_JOIN_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()

    def processes(self) -> list[multiprocessing.process.BaseProcess]:
        return [worker.process for worker in self._workers]

    async def _attach(self) -> None:
        """Read and write the workers' sockets with this event loop."""
        loop = asyncio.get_running_loop()
        for worker in self._workers:
            await loop.create_connection(lambda worker=worker: worker, sock=worker.socket)


def _waiting(worker: _Worker) -> int:
    return len(worker.waiting)


class _Worker(asyncio.Protocol):
    """One worker process and its connection: the calls sent, the outcomes as they come."""

    def __init__(self, process: multiprocessing.process.BaseProcess, ours: socket.socket) -> None:
        self.process = process
        self.socket = ours
        self.transport: asyncio.Transport | None = None
        self.waiting: deque[asyncio.Future[Any]] = deque()
        """The futures of the calls sent and not yet answered, in the order sent."""
        self.received = bytearray()
        self.lost = False

    def send(self, function: Callable[..., Any], args: tuple[Any, ...]) -> asyncio.Future[Any]:
        assert self.transport is not None
        call = pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL)
        # The transport writes what the socket takes and buffers the rest: the loop never
        # waits for a worker still busy with its last call.
        self.transport.write(FRAME_HEADER.pack(len(call)) + call)
        future = asyncio.get_running_loop().create_future()
        self.waiting.append(future)
        return future

    def end(self) -> None:
        """Close the connection: the worker ends once it has made the calls it has."""
        if self.transport is not None:
            self.transport.close()
        else:
            self.socket.close()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        received = self.received
        received += data
        start = 0
        header = FRAME_HEADER.size
        while len(received) - start >= header:
            end = start + header + FRAME_HEADER.unpack_from(received, start)[0]
            if len(received) < end:
                break
            with memoryview(received) as view:
                self._answer(view[start + header : end])
            start = end
        del received[:start]

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        while self.waiting:
            future = self.waiting.popleft()
            if not future.done():
                future.set_exception(WorkersLost("a worker process ended unexpectedly"))

    def _answer(self, outcome: memoryview) -> None:
        future = self.waiting.popleft()
        try:
            returned, value = pickle.loads(outcome)
        except Exception as error:
            returned, value = False, RuntimeError(f"a worker's answer did not unpickle: {error}")
        if future.done():  # cancelled: nobody waits for it now
            return
        if returned:
            future.set_result(value)
        else:
            future.set_exception(value)
