"""Import generated saved pages into a new library: pages per second and peak memory.

Usage: python benchmarks/add.py [--pages 10000]
Target (issue 2): at least 1,000 pages/s.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from corpus import Corpus
from rich.console import Console
from rich.table import Table

from bitereader.library import Library


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for index in range(args.pages):
            (folder / f"page-{index:05d}.txt").write_text(corpus.saved_page(index))
        size = sum(p.stat().st_size for p in folder.iterdir())
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        library = Library(Path(tmp) / "lib.sqlite")
        start = time.perf_counter()
        report = library.add_paths([folder])
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Parsing runs in worker processes when there are many files; count the largest one.
        peak_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        library.close()
    table = Table(title=f"bitereader add: {args.pages:,} generated saved pages")
    for column in ("pages", "MB", "seconds", "pages/s", "peak RSS MB", "worker RSS MB", "target"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{report.added:,}",
        f"{size / 1e6:.1f}",
        f"{elapsed:.2f}",
        f"{args.pages / elapsed:,.0f}",
        f"{max(peak, rss_before) / 1024:.0f}",
        f"{peak_worker / 1024:.0f}",
        "≥ 1,000 pages/s",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
