"""Median time of a two-word search returning the top 50, on a generated 100,000-article library.

Usage: python benchmarks/search.py [--articles 100000] [--queries 200]
Target (issue 2): at most 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from corpus import Corpus
from rich.console import Console
from rich.table import Table

from bitereader.store import Store

BATCH = 5_000


def build(store: Store, corpus: Corpus, count: int) -> float:
    start = time.perf_counter()
    for first in range(0, count, BATCH):
        batch = [corpus.article(i) for i in range(first, min(count, first + BATCH))]
        store.save_articles(batch)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "lib.sqlite")
        build_seconds = build(store, corpus, args.articles)
        queries = [corpus.query() for _ in range(args.queries)]
        store.search(queries[0])  # warm the page cache, as a running app would be
        timings, hits = [], []
        for query in queries:
            start = time.perf_counter()
            results = store.search(query, limit=50)
            timings.append((time.perf_counter() - start) * 1000)
            hits.append(len(results))
        store.close()
    timings.sort()
    table = Table(title=f"bitereader search: {args.articles:,} articles, {args.queries} queries")
    for column in ("build s", "median ms", "p95 ms", "max ms", "median hits", "target"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{build_seconds:.1f}",
        f"{statistics.median(timings):.2f}",
        f"{timings[int(len(timings) * 0.95) - 1]:.2f}",
        f"{timings[-1]:.2f}",
        f"{statistics.median(hits):.0f}",
        "median ≤ 20 ms",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
