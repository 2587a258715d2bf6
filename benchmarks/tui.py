"""How fast the reader app is on big libraries: first paint, memory, and time per key press.

For generated libraries of 1,000, 100,000 and 1,000,000 articles, each measured in a fresh
subprocess (so imports count):

    .venv/bin/python benchmarks/tui.py                 # all three sizes
    .venv/bin/python benchmarks/tui.py --sizes 1000    # just one
    .venv/bin/python benchmarks/tui.py --fresh         # regenerate the libraries

Libraries are generated into bench-data/ (gitignored) and reused by later runs.
Targets: first paint ≤ 0.5 s, peak memory ≤ 120 MB, ≤ 30 ms from a key press to the next article.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench-data"
BATCH = 5_000
KEY_PRESSES = 60
SIZES = (1_000, 100_000, 1_000_000)
POOL = 300
"""Distinct generated stories; the library repeats them under new headlines and urls."""


def generate(path: Path, count: int) -> float:
    """Write `count` articles to a new library at `path`; returns the seconds it took.

    The articles are as a reader meets them: several paragraphs, a caption with its credit and
    quotes with speakers (extracted by the real extractor from a pool of generated stories), so
    the quotes and captions panes have work to do on every key press.
    """
    from dataclasses import replace

    from corpus import Corpus

    from bitereader.extract.quotes import extract_quotes
    from bitereader.library import Library

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    corpus = Corpus()
    pool = []
    for index in range(POOL):
        article = corpus.article(index)
        pool.append(replace(article, quotes=extract_quotes(article.paragraphs)))
    base = datetime(2020, 1, 1, tzinfo=UTC)
    with Library(path) as library:
        for first in range(0, count, BATCH):
            library.store.save_articles(
                [
                    replace(
                        pool[i % POOL],
                        headline=f"{pool[i % POOL].headline} ({i})",
                        url=f"https://source{i % 50}.example/news/{i}",
                        source=f"source{i % 50}.example",
                        published=base + timedelta(minutes=i),
                    )
                    for i in range(first, min(count, first + BATCH))
                ],
                now=base,
            )
        # Every sixth article read, so the unread filter has work to do.
        library.store.set_read(list(range(1, count + 1, 6)))
    return time.perf_counter() - started


def library_for(count: int, fresh: bool) -> tuple[Path, float | None]:
    """The generated library of `count` articles, made now if missing (or if `fresh`)."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"tui-{count}.sqlite"
    marker = path.with_suffix(".done")
    if fresh or not (path.exists() and marker.exists()):
        marker.unlink(missing_ok=True)
        seconds = generate(path, count)
        marker.write_text(str(count))
        return path, seconds
    return path, None


CHILD = r"""
import asyncio, json, resource, statistics, sys, time
started_at = float(sys.argv[2])
from bitereader.library import Library
from bitereader.tui.app import BitereaderApp
from textual import events

async def main():
    library = Library(sys.argv[1])
    library.set_setting("tui.position", None)
    app = BitereaderApp(library)
    frames = []
    display = app._display

    def record(screen, update):
        display(screen, update)
        frames.append(time.perf_counter())

    app._display = record
    out = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not frames or not getattr(app.screen, "article", None):
            await asyncio.sleep(0.001)
        out["first_paint"] = time.time() - started_at
        await pilot.pause()
        screen = app.screen
        times = []
        for _ in range(int(sys.argv[3])):
            before = screen.article.id
            started = time.perf_counter()
            key = events.Key("j", "j")
            key.set_sender(app)
            app._driver.send_message(key)
            # Done when the next article is in the pane and a frame showing it was drawn.
            while screen.article is None or screen.article.id == before:
                await asyncio.sleep(0.0002)
            shown = time.perf_counter()
            while frames[-1] < shown:
                await asyncio.sleep(0.0002)
            times.append(frames[-1] - started)
            await pilot.pause()
        out["key_ms"] = statistics.median(times) * 1000
        started = time.perf_counter()
        await pilot.press("G")
        out["bottom_ms"] = (time.perf_counter() - started) * 1000
        await app.workers.wait_for_complete()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    library.count()
    out["count_ms"] = (time.perf_counter() - started) * 1000
    print(json.dumps(out))

asyncio.run(main())
"""


def measure(path: Path) -> dict[str, float]:
    """Launch the app on `path` in a subprocess and collect its figures."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), repr(started), str(KEY_PRESSES)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TEXTUAL": ""},
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--fresh", action="store_true", help="regenerate the libraries")
    parser.add_argument("--runs", type=int, default=3, help="launches per size (median kept)")
    args = parser.parse_args()

    rows = []
    for count in args.sizes:
        path, generated = library_for(count, args.fresh)
        if generated is not None:
            print(f"generated {count:,} articles in {generated:.1f} s", file=sys.stderr)
        runs = [measure(path) for _ in range(args.runs)]
        rows.append((count, {key: statistics.median(run[key] for run in runs) for key in runs[0]}))

    header = (
        f"{'articles':>10}  {'first paint':>11}  {'peak memory':>11}  {'key → article':>13}"
        f"  {'G (bottom)':>10}  {'count(*)':>9}"
    )
    print(header)
    print("-" * len(header))
    for count, figures in rows:
        print(
            f"{count:>10,}  {figures['first_paint']:>9.3f} s  {figures['rss_mb']:>8.1f} MB"
            f"  {figures['key_ms']:>10.1f} ms  {figures['bottom_ms']:>7.1f} ms"
            f"  {figures['count_ms']:>6.1f} ms"
        )
    print("targets: first paint ≤ 0.5 s, peak memory ≤ 120 MB, key → article ≤ 30 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
