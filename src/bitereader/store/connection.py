"""Opening the library file: pragmas, migrations, a connection per thread, errors as StoreError."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bitereader.errors import StoreError
from bitereader.store.schema import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 5_000


class Connection:
    """Gives each thread its own connection to one library file, migrated to the latest schema."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
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
            _migrate(conn, self.path)
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.path)) from None
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block of writes as one transaction; roll back and raise StoreError on failure."""
        conn = self.conn
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

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Run queries, turning SQLite errors into StoreError."""
        try:
            yield self.conn
        except sqlite3.Error as error:
            raise StoreError(describe(error, self.path)) from None

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()


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
