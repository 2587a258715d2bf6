"""Bytes or files in, Articles out: one module per format, chosen by extension or by sniffing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from bitereader.errors import LoadError
from bitereader.models import Article

if TYPE_CHECKING:
    # Only named here: the refresh's worker processes import this package and never a path.
    from pathlib import Path

Format = Literal["text", "markdown", "html", "feed", "jsonfeed"]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no saved article or feed file is anywhere near this size."""

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".feed": "feed",
}
"""A `.json` file is only read when its first bytes show it is a JSON Feed."""


def format_of(path: Path, head: bytes = b"") -> Format | None:
    """The format of a file, from its first bytes when they are telling, else its extension."""
    sniffed = sniff(head) if head else None
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if sniffed and (by_extension in (None, "text", "feed", "html") or sniffed == by_extension):
        return sniffed
    return by_extension


def sniff(head: bytes) -> Format | None:
    """Recognise markup and JSON Feed from the start of a file."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:300]:
        return "html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in start else "feed"
    if start.startswith(b"{") and b"jsonfeed.org" in head[:4096]:
        return "jsonfeed"
    return None


def load_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> list[Article]:
    """Read a file and return the articles in it.

    Raises:
        LoadError: the file cannot be read, is too large, is of an unknown type, or holds no
            article.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit"
            )
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(error.strerror or str(error)) from None
    kind = format_of(path, data[:4096])
    if kind is None:
        raise LoadError("unknown file type")
    return load_bytes(data, kind)


def load_bytes(data: bytes, kind: Format, *, url: str | None = None) -> list[Article]:
    """Parse bytes of a known format into articles."""
    if not data.strip():
        raise LoadError("empty file")
    if kind in ("text", "markdown"):
        from bitereader.loaders.textpage import load_text_page

        return [load_text_page(data, markdown=kind == "markdown")]
    if kind == "html":
        from bitereader.loaders.htmlpage import load_html_page

        return [load_html_page(data, url=url)]
    from bitereader.loaders.feeds import parse_feed

    return list(parse_feed(data, url=url).articles)
