"""A small feed built whole (one worker task) gives the rows and digests of the chunked route."""

from __future__ import annotations

from pathlib import Path

import pytest

from bitereader.building import build_feed, build_rows, changed_items
from bitereader.loaders.feeds import open_feed, pack_items

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
DOCUMENTS = sorted(p for p in FEEDS.iterdir() if p.suffix in (".xml", ".rdf", ".json"))

# A news-like item: HTML with a quote, a figure with a credit, media RSS, dates, a category.
NEWS = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
    b'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    b'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>News</title>'
    b"<link>https://news.example/</link><item><title>Dam &amp; river</title>"
    b"<link>https://news.example/a</link><guid>a</guid>"
    b"<pubDate>Tue, 03 Jun 2025 14:30:00 +0200</pubDate><category>water</category>"
    b"<content:encoded><![CDATA[<p>The dam opened.</p><p>\xe2\x80\x9cIt will last,\xe2\x80\x9d "
    b"said Maria Lopez, a spokesperson.</p><figure><img src='x.jpg' alt=''><figcaption>The dam. "
    b"Photo: Ann Lee/AP</figcaption></figure>]]></content:encoded>"
    b'<media:content url="https://news.example/m.jpg"><media:description>Water</media:description>'
    b"<media:credit>Tom Smith</media:credit></media:content></item>"
    b"<item><title>No guid here</title><description>Just text.</description></item>"
    b"</channel></rss>"
)


def _chunked(body: bytes, stored: dict[str, str] | None) -> tuple[list, dict[str, str]]:
    """What the chunked route builds of a feed: its items packed, then unpacked and built."""
    stream = open_feed(body)
    packed = pack_items(stream.items, stream.title)
    rows = build_rows(changed_items(packed, stored), stream.title)
    return rows, {item.key: item.digest for item in packed if item.key}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_feed_built_whole_gives_the_rows_and_digests_of_its_packed_items(path: Path) -> None:
    body = path.read_bytes()
    built = build_feed(body, None, None, None)
    rows, digests = _chunked(body, None)
    assert built.rows and built.rows == rows
    assert built.digests == digests
    stream = open_feed(body)
    assert (built.title, built.site_url, built.warning) == (
        stream.title,
        stream.site_url,
        stream.warning,
    )


def test_a_news_item_built_whole_is_built_as_its_packed_copy() -> None:
    built = build_feed(NEWS, "https://news.example/feed", None, None)
    assert built.rows == _chunked(NEWS, None)[0]
    (values, _), _ = built.rows
    assert "Maria Lopez" in values[11] and "Ann Lee/AP" in values[10]


def test_only_new_changed_and_guidless_items_are_built_again() -> None:
    first = build_feed(NEWS, None, None, None)
    again = build_feed(NEWS, None, None, first.digests)
    assert [row[0][4] for row in again.rows] == ["No guid here"]  # no guid: always built
    changed = NEWS.replace(b"The dam opened.", b"The dam opened at last.")
    rebuilt = build_feed(changed, None, None, first.digests)
    assert [row[0][4] for row in rebuilt.rows] == ["Dam & river", "No guid here"]
    assert rebuilt.rows == _chunked(changed, first.digests)[0]
