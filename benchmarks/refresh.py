"""Refresh speed: serve generated feeds from 127.0.0.1 and time bitereader fetching them.

Prints, for 1 feed of 10,000 items and for 200 feeds of 50 items: items/s end to end (fetch,
parse, extract, store), the CPU seconds the first refresh took in this process and in all
(with the worker processes: on a machine whose speed drifts, a steadier figure than the wall
clock), the time of a second, unchanged refresh, and peak memory; then where the time of one
big feed goes (parse, HTML → text, quotes, store).

Where Newsboat is installed, it reloads the same served feeds too (as many at once as bitereader
fetches, into a fresh cache), so the two are compared in the same minutes: on this machine the
speed of everything drifts by half from hour to hour. Newsboat stores each item's HTML as it
came; bitereader also turns it into text, captions and quotes, and indexes it for search.

    .venv/bin/python benchmarks/refresh.py            # the table
    .venv/bin/python benchmarks/refresh.py --profile  # plus cProfile of the big refresh

Each scenario runs in its own process so its peak memory is its own; the server runs in
another process so it does not compete with the refresh for the GIL.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

SCENARIOS = {"1 feed x 10,000 items": (1, 10_000), "200 feeds x 50 items": (200, 50)}
WORDS = (
    "the council said minister budget river school hospital police report city people year "
    "government election water energy price market week plan workers union court judge "
    "health children storm road project company bank data study farmers village museum"
).split()
NAMES = ["Maria Lopez", "John Smith", "Aiko Tanaka", "Peter Novak", "Fatima Diallo"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def item_xml(feed: int, n: int, rng: random.Random, start: datetime) -> str:
    """One RSS item like a news site's: a few paragraphs, a quote, a figure, media credit."""
    paragraphs = [
        f"<p>{sentence(rng, 25)} {sentence(rng, 18)}</p>",
        f"<p>“{sentence(rng, 12)[:-1]},” said {rng.choice(NAMES)}, a spokesperson.</p>",
        '<figure><img src="https://example.org/i.jpg" alt="">'
        f"<figcaption>{sentence(rng, 10)} Photo: {rng.choice(NAMES)}/AP</figcaption></figure>",
        f"<p>{sentence(rng, 30)} <a href='https://example.org/x'>{sentence(rng, 4)}</a></p>",
        f"<p>{sentence(rng, 22)}</p>",
    ]
    when = format_datetime(start - timedelta(minutes=n), usegmt=True)
    return (
        f"<item><title>{escape(sentence(rng, 8))} {feed}-{n}</title>"
        f"<link>https://example.org/{feed}/{n}</link>"
        f'<guid isPermaLink="false">urn:bench:{feed}:{n}</guid>'
        f"<pubDate>{when}</pubDate><dc:creator>{rng.choice(NAMES)}</dc:creator>"
        f"<category>{rng.choice(WORDS)}</category>"
        f"<description>{escape(sentence(rng, 20))}</description>"
        f"<content:encoded><![CDATA[{''.join(paragraphs)}]]></content:encoded>"
        '<media:content url="https://example.org/m.jpg" medium="image">'
        f"<media:description>{escape(sentence(rng, 9))}</media:description>"
        f"<media:credit>{rng.choice(NAMES)}</media:credit></media:content></item>"
    )


def feed_xml(feed: int, items: int) -> bytes:
    rng = random.Random(feed)
    start = datetime(2025, 6, 1, tzinfo=UTC)
    body = "".join(item_xml(feed, n, rng, start) for n in range(items))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>Bench feed {feed}</title><link>https://example.org/{feed}/</link>"
        f"{body}</channel></rss>"
    ).encode()


def serve(feeds: int, items: int, ready: multiprocessing.Queue) -> None:
    """Serve /feed/N with an ETag, answering If-None-Match with 304."""
    bodies = {f"/feed/{n}": feed_xml(n, items) for n in range(feeds)}
    tags = {path: '"' + hashlib.md5(body).hexdigest() + '"' for path, body in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Buffered writes send headers and body together, as real servers do; unbuffered,
        # Nagle and delayed ACKs add 40 ms to every response.
        wbufsize = 1 << 16

        def do_GET(self) -> None:
            body = bodies.get(self.path)
            if body is None:
                self.send_error(404)
                return
            if self.headers.get("If-None-Match") == tags[self.path]:
                self.send_response(304)
                self.send_header("ETag", tags[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", tags[self.path])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    ThreadingHTTPServer.request_queue_size = 128  # the default backlog of 5 drops connections
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.put((server.server_address[1], sum(len(b) for b in bodies.values())))
    server.serve_forever()


@contextmanager
def served(feeds: int, items: int) -> Iterator[tuple[int, int]]:
    """Serve the generated feeds from another process: its port, and the bytes it serves."""
    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(feeds, items, ready), daemon=True)
    server.start()
    try:
        yield ready.get(timeout=120)
    finally:
        server.kill()


def run_scenario(feeds: int, items: int, profile: bool) -> dict[str, float]:
    """Subscribe to the served feeds in a fresh library, refresh twice, and time both."""
    from bitereader.library import Library

    with (
        served(feeds, items) as (port, size),
        tempfile.TemporaryDirectory() as folder,
        Library(Path(folder) / "lib.sqlite") as lib,
    ):
        for n in range(feeds):
            lib.store.add_feed(f"http://127.0.0.1:{port}/feed/{n}")
        profiler = cProfile.Profile() if profile else None
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        first = lib.refresh()
        if profiler:
            profiler.disable()
        first_s = time.perf_counter() - started
        main_cpu_s = time.process_time() - cpu
        time.sleep(0.2)  # let the fork server reap its workers, whose time it then holds
        workers_cpu_s = forkserver_cpu()
        started = time.perf_counter()
        second = lib.refresh()
        second_s = time.perf_counter() - started
        stored = lib.count()
        if profiler:
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    assert first.failed == 0 and second.unchanged == feeds, (first.summary(), second.summary())
    return {
        "items": first.new_articles,
        "stored": stored,
        "bytes": size,
        "first_s": first_s,
        "main_cpu_s": main_cpu_s,
        "all_cpu_s": main_cpu_s + workers_cpu_s,
        "second_s": second_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_newsboat(feeds: int, items: int) -> dict[str, float]:
    """Serve the same feeds, have Newsboat reload them twice into a fresh cache, and time both."""
    import sqlite3

    from bitereader.fetch import DEFAULT_CONCURRENCY

    with served(feeds, items) as (port, size), tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        urls = home / "urls"
        urls.write_text("".join(f"http://127.0.0.1:{port}/feed/{n}\n" for n in range(feeds)))
        config = home / "config"
        config.write_text(f"reload-threads {DEFAULT_CONCURRENCY}\n")
        cache = home / "cache.db"
        command = ["newsboat", "-u", urls, "-c", cache, "-C", config, "-x", "reload"]
        environment = {**os.environ, "HOME": folder}

        def reload() -> float:
            started = time.perf_counter()
            subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
            return time.perf_counter() - started

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        first_s = reload()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        second_s = reload()
        with sqlite3.connect(cache) as db:
            stored = db.execute("SELECT count(*) FROM rss_item").fetchone()[0]
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {
        "items": stored,
        "stored": stored,
        "bytes": size,
        "first_s": first_s,
        "main_cpu_s": cpu,
        "all_cpu_s": cpu,
        "second_s": second_s,
        "peak_mb": after.ru_maxrss / 1024,
    }


def forkserver_cpu() -> float:
    """CPU seconds of the multiprocessing fork server and of the worker processes it has
    reaped (Linux /proc); 0 where that cannot be read. The first refresh is the first to
    start it, so after that refresh this is all the CPU its building took outside this process.
    """
    try:
        from multiprocessing import forkserver

        pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (AttributeError, OSError, IndexError, TypeError):
        return 0.0
    # utime, stime, cutime, cstime: the server's own time and its reaped children's.
    ticks = sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def breakdown(items: int) -> dict[str, float]:
    """Where the time of one big feed goes, stage by stage, in this process."""
    from lxml import etree

    from bitereader.extract.html import html_to_parts
    from bitereader.extract.quotes import extract_quotes
    from bitereader.library import Library
    from bitereader.loaders.feeds import parse_feed

    data = feed_xml(0, items)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    root = etree.fromstring(data)
    timings["lxml parse only"] = time.perf_counter() - started
    contents = [e.text for e in root.iter("{http://purl.org/rss/1.0/modules/content/}encoded")]
    started = time.perf_counter()
    paragraphs = [html_to_parts(c).paragraphs for c in contents]
    timings["html_to_parts"] = time.perf_counter() - started
    started = time.perf_counter()
    for body in paragraphs:
        extract_quotes(body)
    timings["extract_quotes"] = time.perf_counter() - started
    started = time.perf_counter()
    parsed = parse_feed(data, url="http://127.0.0.1/feed")
    timings["parse_feed (all of the above)"] = time.perf_counter() - started
    import feedparser

    started = time.perf_counter()
    feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    timings["feedparser.parse (no sanitiser)"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "lib.sqlite") as lib:
        feed, _ = lib.store.add_feed("http://127.0.0.1/feed")
        from bitereader.store import FeedUpdate

        started = time.perf_counter()
        lib.store.save_refresh(feed.id, parsed.articles, FeedUpdate(), now=datetime.now(UTC))
        timings["store (bulk, with FTS)"] = time.perf_counter() - started
    return timings


def scenario_command(name: str, *flags: str) -> list[str]:
    """The command that runs one scenario in a process of its own.

    Through `-c`, not this file: multiprocessing has every worker process import the program's
    main module. The `bitereader` command's is a module of one function; this file, with its
    HTTP server and profiler, would cost each worker about 25 ms of CPU the command does not.
    """
    here = str(Path(__file__).resolve().parent)
    code = f"import sys; sys.path.insert(0, {here!r}); import refresh; refresh.main()"
    return [sys.executable, "-c", code, "--scenario", name, *flags]


def print_row(label: str, command: list[str]) -> None:
    """Run one scenario in a process of its own and print its row of the table."""
    out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"{label:<34} {row['items']:>7,} {row['bytes'] / 1e6:>6.1f} {row['first_s']:>8.2f} "
        f"{row['items'] / row['first_s']:>8,.0f} {row['main_cpu_s']:>9.2f} "
        f"{row['all_cpu_s']:>8.2f} {row['second_s']:>9.3f} {row['peak_mb']:>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile the big refresh")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--newsboat", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        feeds, items = SCENARIOS[args.scenario]
        run = (
            run_newsboat(feeds, items)
            if args.newsboat
            else run_scenario(feeds, items, args.profile)
        )
        print(json.dumps(run))
        return
    from bitereader.extract import compiled

    print(f"extractors: {'compiled by Cython' if compiled() else 'pure Python'}")
    newsboat = shutil.which("newsboat") is not None
    print(f"{'scenario':<34} {'items':>7} {'MB':>6} {'first s':>8} {'items/s':>8} "
          f"{'main CPU':>9} {'all CPU':>8} {'second s':>9} {'peak MB':>8}")  # fmt: skip
    for name, (feeds, _) in SCENARIOS.items():
        # The profile goes to stderr, the figures to stdout.
        flags = ["--profile"] if args.profile and feeds == 1 else []
        print_row(f"bitereader: {name}", scenario_command(name, *flags))
        if newsboat:
            print_row(f"newsboat:   {name}", scenario_command(name, "--newsboat"))
    if not newsboat:
        print("(newsboat is not installed here: no comparison)")
    print("\nwhere the time of 10,000 items goes (one process, one core):")
    for stage, seconds in breakdown(10_000).items():
        print(f"  {stage:<34} {seconds:>6.2f} s  {10_000 / seconds:>9,.0f} items/s")


if __name__ == "__main__":
    main()
