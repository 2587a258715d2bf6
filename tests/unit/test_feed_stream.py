"""Reading a feed's items as a stream, packing them for worker processes, their digests and
dates."""

from __future__ import annotations

import email.utils
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.loaders.feeds import (
    RawItem,
    _rfc822_date,
    item_identity,
    open_feed,
    pack_items,
    parse_date,
    read_feed,
    unpack_item,
)
from bitereader.models import Caption
from bitereader.refresh import _read_chunk, build_rows
from bitereader.store.feeds import item_row

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
FEEDS = [
    ("rss2.xml", None),
    ("rss1.rdf", None),
    ("atom.xml", None),
    ("feed10.json", None),
    ("feed11.json", None),
    ("latin1-declared.xml", None),
    ("latin1-undeclared.xml", "application/rss+xml; charset=iso-8859-1"),
    ("latin1-undeclared.xml", None),
    ("malformed.xml", None),
]


def big_rss(items: int, *, header_last: bool = False) -> bytes:
    """An RSS 2.0 feed of numbered items; with header_last, the channel's title and link
    come after its items (allowed, and rare)."""
    body = "".join(
        f"<item><title>Story {n}</title><link>/story/{n}</link>"
        f"<description>Text of story {n}.</description></item>"
        for n in range(items)
    )
    header = "<title>Late header</title><link>https://late.example/</link>"
    channel = body + header if header_last else header + body
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'.encode()


def chunked(data: bytes, size: int, content_type: str | None = None) -> list[RawItem]:
    """Read a feed the way a refresh does: chunk by chunk, packed and unpacked."""
    stream = open_feed(data, url="https://feed.example/rss", content_type=content_type)
    items: list[RawItem] = []
    while chunk := _read_chunk(stream, size):
        assert 0 < len(chunk) <= size
        items.extend(unpack_item(packed.data) for packed in chunk)
    return items


@pytest.mark.parametrize(("name", "content_type"), FEEDS)
@pytest.mark.parametrize("size", [1, 2, 250])
def test_chunked_read_yields_exactly_the_whole_document_items(
    name: str, content_type: str | None, size: int
) -> None:
    data = (DATA / name).read_bytes()
    whole = read_feed(data, url="https://feed.example/rss", content_type=content_type)
    assert whole.items
    assert chunked(data, size, content_type) == list(whole.items)


@pytest.mark.parametrize("size", [1, 7, 250])
def test_chunks_cover_a_long_feed_in_order(size: int) -> None:
    items = chunked(big_rss(600), size)
    assert [item.title for item in items] == [f"Story {n}" for n in range(600)]


def test_header_after_the_items_still_names_and_bases_every_item() -> None:
    stream = open_feed(big_rss(3, header_last=True), url="https://feed.example/rss")
    assert (stream.title, stream.site_url) == ("Late header", "https://late.example/")
    assert [item.base for item in stream.items] == ["https://late.example/"] * 3


def test_a_document_lxml_refuses_falls_back_before_any_item_is_read() -> None:
    # Broken only near its end: a reader that handed out items as it parsed would have
    # given out the first ones from lxml before finding out.
    data = big_rss(50).replace(b"<title>Story 48</title>", b"<title>Story &nbsp; 48</title>")
    stream = open_feed(data)
    assert stream.warning  # feedparser read it, and said what was wrong
    assert [item.title for item in stream.items][:2] == ["Story 0", "Story 1"]
    assert len(chunked(data, 7)) == 50


@pytest.mark.parametrize(("name", "content_type"), FEEDS)
def test_packing_round_trips_every_field(name: str, content_type: str | None) -> None:
    items = read_feed((DATA / name).read_bytes(), content_type=content_type).items
    packed = pack_items(items, "Source")
    assert [unpack_item(p.data) for p in packed] == list(items)
    assert [p.key for p in packed] == [item_identity(item) for item in items]


ITEM = RawItem(
    title="A title",
    link="https://site.example/a",
    guid="a-1",
    content="<p>Body</p>",
    summary="Summary",
    authors=["Ana"],
    published=datetime(2025, 6, 1, 8, 30, tzinfo=UTC),
    categories=["News"],
    enclosures=["https://site.example/a.mp3"],
    media_captions=[Caption("A heron", "Ben")],
    base="https://site.example/",
)
CHANGES = {
    "title": "Another title",
    "title_is_html": True,
    "link": "https://site.example/b",
    "guid": "a-2",
    "content": "<p>Body!</p>",
    "content_is_text": True,
    "summary": "Summary!",
    "summary_is_text": True,
    "authors": ["Ana", "Ben"],
    "published": datetime(2025, 6, 1, 8, 31, tzinfo=UTC),
    "updated": datetime(2025, 6, 2, tzinfo=UTC),
    "categories": ["Sport"],
    "enclosures": [],
    "media_captions": [Caption("A heron", None)],
    "base": "https://other.example/",
}


def digest(item: RawItem, source: str | None = "Source") -> str:
    return pack_items([item], source)[0].digest


def test_every_field_the_builder_reads_changes_the_digest() -> None:
    assert set(CHANGES) == set(RawItem.__dataclass_fields__)
    base = digest(ITEM)
    for name, value in CHANGES.items():
        assert digest(replace(ITEM, **{name: value})) != base, name
    assert digest(ITEM, "Other source") != base
    assert digest(ITEM, None) != base


def test_equal_items_have_equal_digests_across_reads_and_processes() -> None:
    data = (DATA / "rss2.xml").read_bytes()
    first = [p.digest for p in pack_items(read_feed(data).items, "S")]
    again = [p.digest for p in pack_items(read_feed(data).items, "S")]
    assert first == again
    assert len(set(first)) == len(first)
    code = (
        "import sys; from bitereader.loaders.feeds import pack_items, read_feed; "
        "items = read_feed(open(sys.argv[1], 'rb').read()).items; "
        "print(' '.join(p.digest for p in pack_items(items, 'S')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(DATA / "rss2.xml")],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"), "PYTHONHASHSEED": "7"},
    )
    assert out.stdout.split() == first


def test_workers_build_the_rows_the_store_would_make_of_the_articles() -> None:
    from bitereader.loaders.feeds import build_articles

    document = read_feed((DATA / "rss2.xml").read_bytes(), url="https://gazette.example/rss")
    packed = [p.data for p in pack_items(document.items, document.title)]
    expected = [item_row(a) for a in build_articles(document.items, document.title)]
    assert build_rows(packed, document.title) == expected
    values, fts = expected[0]
    assert values[4] == fts[0] == "Council approves new bridge"


@settings(max_examples=1500, deadline=None)
@given(
    day=st.integers(0, 39),
    padded=st.booleans(),
    month=st.sampled_from(["Jan", "feb", "MAR", "Jun", "Dec", "Foo", "June"]),
    year=st.integers(0, 2200),
    hour=st.integers(0, 25),
    minute=st.integers(0, 61),
    second=st.none() | st.integers(0, 61),
    zone=st.sampled_from(["GMT", "UTC", "UT", "Z", "EST", "+0200", "-0530", "-0000", "+1499"]),
)
def test_rss_dates_read_quickly_as_email_utils_reads_them(
    day: int,
    padded: bool,
    month: str,
    year: int,
    hour: int,
    minute: int,
    second: int | None,
    zone: str,
) -> None:
    clock = f"{hour:02d}:{minute:02d}" + ("" if second is None else f":{second:02d}")
    text = (
        f"Tue, {day:02d} {month} {year:04d} {clock} {zone}"
        if padded
        else (f"Tue, {day} {month} {year:04d} {clock} {zone}")
    )
    try:
        expected = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        expected = None
    if expected is not None:
        expected = (
            expected.replace(tzinfo=UTC) if expected.tzinfo is None else expected.astimezone(UTC)
        )
    fast = _rfc822_date(text)
    assert fast is None or fast == expected
    if fast is None and expected is not None:
        assert parse_date(text) == expected  # the slow path still reads it
