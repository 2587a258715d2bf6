"""The data bitereader passes between layers: frozen dataclasses with a few small helpers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

QuoteKind = Literal["direct", "partial"]

HIT_START = "\x02"
"""Marks the start of a search hit in a snippet (control characters never occur in article text)."""
HIT_END = "\x03"


@dataclass(frozen=True, slots=True)
class Caption:
    """A figure's caption and the credit for its picture."""

    text: str
    credit: str | None = None
    paragraph: int | None = None
    """Index of the body paragraph the figure stands before, when known."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks, who said them, and where they sit in the article."""

    text: str
    speaker: str | None
    role: str | None
    kind: QuoteKind
    paragraph: int
    start: int
    """Offset of the first character of `text` in its paragraph."""
    end: int
    """Offset just past the last character of `text` in its paragraph."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as loaded from a file or feed and, once stored, with its library state."""

    headline: str
    paragraphs: tuple[str, ...] = ()
    url: str | None = None
    source: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    wire: str | None = None
    published: datetime | None = None
    captions: tuple[Caption, ...] = ()
    quotes: tuple[Quote, ...] = ()
    categories: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    """Enclosures and other links that belong to the article."""
    guid: str | None = None
    """The item's identity within its feed (guid/id, else link, else content hash)."""
    # Library state, filled in by the store.
    id: int | None = None
    feed_id: int | None = None
    added_at: datetime | None = None
    read: bool = False
    pinned_at: datetime | None = None

    @property
    def pinned(self) -> bool:
        return self.pinned_at is not None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        """A digest of what the article says, so the same story saved twice is stored once."""
        return content_hash(self.headline, self.paragraphs)


def content_hash(headline: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """Hash the headline and body, ignoring case and spacing differences."""
    return hash_text(headline, paragraphs)[0]


def hash_text(headline: str, paragraphs: tuple[str, ...] | list[str]) -> tuple[str, bool]:
    """content_hash, and whether every paragraph is printable (as nearly all are).

    Hashing tests each part for printability anyway; a printable paragraph has no control
    characters, which is what the store needs to know to write it as JSON without an encoder.
    """
    parts = (headline, *paragraphs)
    # Printable parts joined by single spaces make printable text with no double space and no
    # space at either end exactly when each part is single-spaced already: then every part is
    # hashed as it is, and all of them in one go. Folding case neither makes nor removes a
    # space or a control character, so the folded parts, which the hash needs, tell: their
    # ASCII control characters are what deleting every other byte leaves (a third of the
    # cost of isprintable), and only a part that is not ASCII needs isprintable for the rest.
    folded = [part.casefold().encode() for part in parts]
    spaced = b" ".join(folded)
    if (
        b"  " not in spaced
        and spaced[:1] != b" "
        and spaced[-1:] != b" "
        and not spaced.translate(None, _PRINTABLE_OR_NOT_ASCII)
        and (spaced.isascii() or all(part.isascii() or part.isprintable() for part in parts))
    ):
        folded.append(b"")
        return hashlib.blake2b(b"\x00".join(folded), digest_size=16).hexdigest(), True
    digest = hashlib.blake2b(digest_size=16)
    update = digest.update
    update(_single_spaced(headline)[0].casefold().encode())
    update(b"\x00")
    printable = True
    for part in paragraphs:
        part, plain = _single_spaced(part)
        printable = printable and plain
        update(part.casefold().encode())
        update(b"\x00")
    return digest.hexdigest(), printable


_PRINTABLE_OR_NOT_ASCII = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
"""The bytes of UTF-8 text but its ASCII control characters (0x00 to 0x1F, and 0x7F)."""


def _single_spaced(text: str) -> tuple[str, bool]:
    """The text with each run of white space made one space and none at either end, and
    whether the text was printable (the test this makes first).

    Text is mostly single-spaced already, which is quick to check: a printable string's only
    white space is the plain space (every other space character is not printable). Splitting
    the words out and joining them again costs several times as much.
    """
    if text.isprintable():
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text, True
        return " ".join(text.split()), True
    return " ".join(text.split()), False


@dataclass(frozen=True, slots=True)
class Headline:
    """The few fields a list of articles shows; cheap to load by the thousand."""

    id: int
    headline: str
    source: str | None
    url: str | None
    published: datetime | None
    added_at: datetime
    read: bool
    pinned_at: datetime | None
    feed_id: int | None = None
    snippet: str | None = None
    """Search results only: matching text with each hit between HIT_START and HIT_END."""

    @property
    def pinned(self) -> bool:
        return self.pinned_at is not None


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and what the last refresh of it found."""

    url: str
    title: str | None = None
    site_url: str | None = None
    tags: tuple[str, ...] = ()
    id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_refresh: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    warning: str | None = None
    retry_after: datetime | None = None
    item_count: int = 0
    added_at: datetime | None = None


@dataclass(slots=True)
class AddReport:
    """What an import of files did, for one summary line."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )
