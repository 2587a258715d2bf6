"""Opening the library file: pragmas, migrations, a connection per thread, errors as StoreError."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from bitereader.errors import StoreError
from bitereader.store.schema import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 5_000
CHECKPOINT_DELAY = 0.2
"""Seconds the checkpointer lets commits gather before it copies the WAL into the library
file: a refresh commits once per feed, and a burst is then copied and synced once."""


class Connection:
    """Gives each thread its own connection to one library file, migrated to the latest schema."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._checkpointer: _Checkpointer | None = None
        self._connect_now()

    def _connect_now(self) -> None:
        """Open this thread's connection at once, so a bad library fails with a clear message."""
        _ = self.conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create library folder {self.path.parent}: {error.strerror}"
            ) from None
        try:
            # Autocommit mode: transactions are opened explicitly by `transaction()`.
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=5
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"library {self.path} could not switch to WAL mode")
            # Not in COMMIT, on the thread that writes (a refresh's event loop), waiting for
            # fsync: the checkpointer thread does it (see `_committed`).
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            _migrate(conn, self.path)
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.path)) from None
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block of writes as one transaction; roll back and raise StoreError on failure.

        Inside a `batch` on this thread, the block is part of the batch's transaction instead:
        its failure rolls back the whole batch.
        """
        conn = self.conn
        if getattr(self._local, "batched", False):
            try:
                yield conn
            except sqlite3.Error as error:
                raise StoreError(describe(error, self.path)) from None
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.path)) from None
        try:
            yield conn
        except sqlite3.Error as error:
            conn.execute("ROLLBACK")
            raise StoreError(describe(error, self.path)) from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")
            self._committed()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run every transaction this thread opens in the block as one, committed at its end.

        A refresh stores many small feeds; each commit rewrites the index pages it touched
        (the articles' url, hash and time indexes, the full-text segments), so committing a
        few feeds together writes a fraction of the pages. Any failure rolls back them all.
        """
        if getattr(self._local, "batched", False):
            yield
            return
        with self.transaction():
            self._local.batched = True
            try:
                yield
            finally:
                self._local.batched = False

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Run queries, turning SQLite errors into StoreError."""
        try:
            yield self.conn
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.path)) from None

    def _committed(self) -> None:
        """Have the WAL copied into the library file soon, off this thread.

        With synchronous = NORMAL a commit is durable once a checkpoint has synced the WAL:
        this makes that happen shortly after every burst of commits, where SQLite's own
        checkpoint waited for 1,000 pages (a small write could wait until the library closed),
        and `close` checkpoints whatever is left.
        """
        checkpointer = self._checkpointer
        if checkpointer is None:
            with self._lock:
                if self._checkpointer is None:
                    self._checkpointer = _Checkpointer(self.path)
                    self._checkpointer.start()
                checkpointer = self._checkpointer
        if checkpointer.is_alive():
            checkpointer.wake()
        else:  # it could not open the library: checkpoint here, as SQLite would
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def close(self) -> None:
        """Close every thread's connection, the last checkpointing what is left of the WAL."""
        with self._lock:
            checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.stop()
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()


class _Checkpointer(threading.Thread):
    """Copies the WAL into the library file, with a connection of its own, after commits."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="bitereader-checkpoint", daemon=True)
        self.path = path
        self._wake = threading.Event()
        self._stopping = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Checkpoint once more and end."""
        self._stopping.set()
        self._wake.set()
        self.join()

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # the writers' connections still checkpoint when they close
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            while True:
                self._wake.wait()
                # Cleared before the delay, not after: a wake that comes during it (a commit,
                # or `stop` as the delay runs out) is then kept for another round, where
                # clearing it afterwards lost it, and a stop with it, leaving `stop` waiting.
                self._wake.clear()
                stopping = self._stopping.wait(CHECKPOINT_DELAY)
                # PASSIVE never waits for nor blocks readers and writers; what a reader still
                # needs stays in the WAL for the next round. The last round runs on closing,
                # as another process may keep the library open. On an error the next commit
                # tries again (a library in trouble tells its writers).
                with suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                if stopping:
                    return
        except sqlite3.Error:
            return
        finally:
            conn.close()


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST_VERSION:
        raise StoreError(
            f"library {path} is schema version {version}, newer than this bitereader "
            f"understands ({LATEST_VERSION}); upgrade bitereader"
        )
    if version == 0 and _has_foreign_tables(conn):
        raise StoreError(f"{path} is an SQLite file but not a bitereader library")
    for target in range(version + 1, LATEST_VERSION + 1):
        script = MIGRATIONS[target - 1]
        # executescript commits any open transaction first, so BEGIN/COMMIT live in the script:
        # a migration is applied whole or not at all.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def describe(error: sqlite3.Error, path: Path) -> str:
    """Say what went wrong with the library in words a person can act on."""
    message = str(error)
    if "file is not a database" in message:
        return f"library {path} is corrupt or not a bitereader library ({message})"
    if "locked" in message or "busy" in message:
        return f"library {path} is locked by another program; try again when it is done"
    if "unable to open" in message:
        return f"cannot open library {path}: check that its folder exists and is writable"
    if "readonly" in message:
        return f"library {path} is read-only"
    if "disk I/O" in message or "malformed" in message:
        return f"library {path} is damaged ({message})"
    return f"library {path}: {message}"
