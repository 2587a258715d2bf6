"""Pure functions that find structure in article text: no I/O, no storage."""

from __future__ import annotations


def compiled() -> bool:
    """True when the extractors run as modules compiled by Cython at install (see setup.py)."""
    from bitereader.extract import quotes

    return quotes.COMPILED
