"""The library's WAL is copied into its file by a thread of its own, soon after commits.

With synchronous = NORMAL a commit is safe from a power cut once a checkpoint has synced the
WAL, so these tests look at the library file alone (a copy without its -wal file): what it
holds is what a checkpoint put there.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from bitereader.store import Store
from bitereader.store.connection import _Checkpointer


def feeds_in_file_alone(path: Path, scratch: Path) -> list[str] | None:
    """The feed urls in the library file itself, leaving its WAL out; None while the file
    has no feeds table yet or was copied halfway through a checkpoint."""
    copy = scratch / "copy.sqlite"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return [row[0] for row in conn.execute("SELECT url FROM feeds ORDER BY id")]
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def test_a_small_commit_reaches_the_library_file_soon(tmp_path: Path) -> None:
    """SQLite's own checkpoint waited for 1,000 pages: a few writes stayed in the WAL alone."""
    store = Store(tmp_path / "lib.sqlite")
    try:
        store.add_feed("https://one.example/feed")
        deadline = time.monotonic() + 10
        found = feeds_in_file_alone(store.path, tmp_path)
        while not found and time.monotonic() < deadline:
            time.sleep(0.05)
            found = feeds_in_file_alone(store.path, tmp_path)
        assert found == ["https://one.example/feed"]
    finally:
        store.close()


def test_the_committing_connection_leaves_checkpoints_to_the_thread(tmp_path: Path) -> None:
    """A checkpoint in COMMIT would stall the refresh's event loop on fsync."""
    store = Store(tmp_path / "lib.sqlite")
    try:
        store.add_feed("https://one.example/feed")
        with store.db.reading() as conn:
            assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    finally:
        store.close()


def test_closing_checkpoints_while_another_process_holds_the_library(tmp_path: Path) -> None:
    """The last connection to close checkpoints; with another one open (the app, while the
    command line refreshes), closing must still leave every commit in the file."""
    path = tmp_path / "lib.sqlite"
    store = Store(path)
    other = sqlite3.connect(path)
    try:
        other.execute("SELECT count(*) FROM feeds").fetchone()
        for n in range(3):
            store.add_feed(f"https://{n}.example/feed")
        store.close()
        assert len(feeds_in_file_alone(path, tmp_path) or ()) == 3
    finally:
        other.close()


def test_closing_removes_the_wal_and_reopening_writes_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    store = Store(path)
    store.add_feed("https://one.example/feed")
    store.close()
    assert not Path(f"{path}-wal").exists()
    store.add_feed("https://two.example/feed")  # a closed store opens again on use
    store.close()
    assert feeds_in_file_alone(path, tmp_path) == [
        "https://one.example/feed",
        "https://two.example/feed",
    ]


def test_a_stop_as_the_delay_runs_out_still_ends_the_thread(tmp_path: Path) -> None:
    """`stop` can come just as the delay after a commit runs out: the thread must still see
    it. (Before, it cleared the wake-up `stop` had just given and slept for good, and closing
    the library hung.)"""
    store = Store(tmp_path / "lib.sqlite")
    store.close()
    checkpointer = _Checkpointer(store.path)
    real_wait = checkpointer._stopping.wait
    raced = []

    def delay_ends_as_stop_comes(timeout: float | None = None) -> bool:
        if not raced:  # the first delay times out; stop() comes in that very moment
            raced.append(True)
            checkpointer._stopping.set()
            checkpointer._wake.set()
            return False
        return real_wait(timeout)

    checkpointer._stopping.wait = delay_ends_as_stop_comes  # type: ignore[method-assign]
    checkpointer.start()
    checkpointer.wake()
    checkpointer.join(timeout=5)
    assert raced
    assert not checkpointer.is_alive()
