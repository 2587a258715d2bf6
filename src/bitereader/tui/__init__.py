"""The reader app (Textual). Nothing outside this package imports it."""

from __future__ import annotations

from pathlib import Path


def run_app(library: str | Path | None = None, demo: bool = False) -> int:
    """Open the reader app; returns the exit code (placeholder until the app lands)."""
    print("bitereader: the reader app is not built yet; try `bitereader --help`.")
    return 0
