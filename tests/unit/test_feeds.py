"""Feed parsing: RSS 0.9x/1.0/2.0, Atom and JSON Feed documents into articles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bitereader.errors import LoadError
from bitereader.library import Library
from bitereader.loaders import load_file
from bitereader.loaders.feeds import discover_feeds, parse_date, parse_feed, read_feed

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def parse(name: str, url: str | None = None, content_type: str | None = None):
    return parse_feed((DATA / name).read_bytes(), url=url, content_type=content_type)


def test_rss2_item_fields() -> None:
    feed = parse("rss2.xml", url="https://gazette.example/rss")
    assert feed.title == "The Riverside Gazette"
    assert feed.site_url == "https://gazette.example/"
    assert feed.warning is None
    bridge = feed.articles[0]
    assert bridge.headline == "Council approves new bridge"
    assert bridge.url == "https://gazette.example/news/bridge"  # relative link resolved
    assert bridge.guid == "gazette-1001"
    assert bridge.source == "The Riverside Gazette"
    assert bridge.published == datetime(2025, 6, 3, 12, 30, tzinfo=UTC)
    assert bridge.authors == ("Maria Lopez", "Sam Editor")
    assert bridge.categories == ("Transport", "Council")
    assert bridge.standfirst == "The vote was unanimous."
    assert bridge.links == ("https://gazette.example/audio/bridge.mp3",)


def test_html_content_becomes_clean_paragraphs_and_captions() -> None:
    bridge = parse("rss2.xml").articles[0]
    assert bridge.paragraphs == (
        "The council voted on Monday to build a new bridge over the river.",
        "Work starts in the spring.",
    )
    assert not any("<" in p or "alert" in p for p in bridge.paragraphs)
    texts = [(c.text, c.credit) for c in bridge.captions]
    assert ("The old bridge at dusk.", "Ann Lee/Gazette") in texts
    # Media RSS description and credit become a caption too.
    assert ("The river at high tide.", "Tom Reyes") in texts


def test_escaped_html_description_is_text() -> None:
    library = parse("rss2.xml").articles[1]
    assert library.paragraphs == (
        "From July the library stays open until 9pm.",
        "Second paragraph.",
    )
    assert library.published == datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def test_item_identity_falls_back_to_link_then_content_hash() -> None:
    articles = parse("rss2.xml").articles
    assert articles[1].guid == "https://gazette.example/news/library"
    untitled = articles[2]
    assert untitled.guid is not None and untitled.guid.startswith("hash:")
    assert untitled.url is None
    assert untitled.headline.startswith("An item with neither title nor link")
    # The hash is stable: the same item read twice has the same identity.
    assert parse("rss2.xml").articles[2].guid == untitled.guid


def test_atom_entries() -> None:
    feed = parse("atom.xml", url="https://blog.example/feed.atom")
    assert feed.title == "Field Notes"
    assert feed.site_url == "https://blog.example/"
    birds, plain = feed.articles
    assert birds.url == "https://blog.example/posts/birds"
    assert birds.guid == "tag:blog.example,2025:1"
    assert birds.paragraphs == ("We counted forty swifts.", "Next year we count again.")
    assert birds.standfirst == "A short summary of the count."
    assert birds.published == datetime(2025, 6, 1, 6, 0, tzinfo=UTC)
    assert birds.authors == ("Ana Silva", "Ben Okafor")
    assert birds.categories == ("Nature",)
    assert birds.links == ("https://blog.example/files/birds.pdf",)
    # type="text" content is text even when it looks like markup.
    assert plain.paragraphs == ("First line of text.", "Second paragraph <b>is not bold</b>.")
    assert plain.published == datetime(2025, 6, 3, 12, 0, tzinfo=UTC)


def test_rss1_rdf() -> None:
    feed = parse("rss1.rdf")
    assert feed.title == "RDF Weekly"
    (item,) = feed.articles
    assert item.guid == "https://rdf.example/items/1"
    assert item.paragraphs == ("Text of the first item.",)
    assert item.published == datetime(2025, 5, 30, 23, 0, tzinfo=UTC)
    assert item.authors == ("Lee Park",)
    assert item.categories == ("Science",)


def test_rss_091_without_namespaces() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>'
        b"<link>http://old.example/</link><item><title>Ancient news</title>"
        b"<link>http://old.example/a</link><description>Still here.</description></item>"
        b"</channel></rss>"
    )
    (item,) = parse_feed(data).articles
    assert (item.headline, item.url, item.paragraphs) == (
        "Ancient news",
        "http://old.example/a",
        ("Still here.",),
    )


def test_json_feed_1_1() -> None:
    feed = parse("feed11.json")
    assert feed.title == "JSON Times"
    assert feed.site_url == "https://json.example/"
    assert "not JSON objects" in (feed.warning or "")
    first, second = feed.articles
    assert first.guid == "j-1"
    assert first.paragraphs == ("Hello world.",)
    assert [(c.text, c.credit) for c in first.captions] == [("A map.", "Kim Ng")]
    assert first.authors == ("Rui Costa",)
    assert first.categories == ("greetings", "world")
    assert first.links == ("https://json.example/1.mp3",)
    assert first.published == datetime(2025, 6, 1, 11, 0, tzinfo=UTC)
    assert second.guid == "2"
    assert second.paragraphs == ("Only text here.", "Two paragraphs.")
    assert second.authors == ("Desk",)  # the feed's authors stand in


def test_json_feed_1_0_author() -> None:
    (item,) = parse("feed10.json").articles
    assert item.authors == ("Solo Writer",)
    assert item.url == "https://old.example/x"


def test_json_feed_errors_are_load_errors() -> None:
    with pytest.raises(LoadError, match="not valid JSON"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": [')
    with pytest.raises(LoadError, match="no list of items"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1.1"}')


def test_malformed_but_readable_feed_keeps_a_warning() -> None:
    feed = parse("malformed.xml")
    assert feed.warning
    assert feed.title == "Broken & Co"
    (item,) = feed.articles
    assert item.headline == "Fish & chips today"
    assert item.paragraphs == ("Cheap & cheerful",)


def test_unreadable_document_is_a_clear_error() -> None:
    with pytest.raises(LoadError, match="not a feed"):
        parse_feed(b"this is not a feed at all, just words")


@pytest.mark.parametrize("name", ["latin1-declared.xml", "latin1-undeclared.xml"])
def test_non_utf8_feeds(name: str) -> None:
    feed = parse(name, content_type="application/rss+xml; charset=iso-8859-1")
    assert feed.title == "Café news"
    (item,) = feed.articles
    assert item.headline == "Crème brûlée wins"
    assert item.paragraphs == ("Naïve judges.",)


def test_non_utf8_without_any_charset_is_read_with_a_warning() -> None:
    feed = parse("latin1-undeclared.xml")
    assert feed.articles[0].headline == "Crème brûlée wins"
    assert feed.warning


def test_feeds_are_never_read_with_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><title>t</title><item><title>&x;</title><description>d</description>"
        "</item></channel></rss>"
    ).encode()
    try:
        feed = parse_feed(data)
    except LoadError:
        return
    assert all("TOP SECRET" not in a.headline for a in feed.articles)


def test_dates_are_utc() -> None:
    assert parse_date("Tue, 03 Jun 2025 14:30:00 +0200") == datetime(2025, 6, 3, 12, 30, tzinfo=UTC)
    assert parse_date("2025-06-03T14:30:00+02:00") == datetime(2025, 6, 3, 12, 30, tzinfo=UTC)
    assert parse_date("2025-06-03T14:30:00Z") == datetime(2025, 6, 3, 14, 30, tzinfo=UTC)
    assert parse_date("2025-06-03") == datetime(2025, 6, 3, tzinfo=UTC)
    assert parse_date("not a date") is None
    assert parse_date(None) is None


def test_fast_path_and_feedparser_agree_on_identity() -> None:
    """A feed that turns malformed must not duplicate its items: same guids either way."""
    good = (DATA / "rss2.xml").read_bytes()
    broken = good.replace(
        b"<description>Local news</description>", b"<description>&nbsp;</description>"
    )
    fast = [a.guid for a in parse_feed(good).articles]
    slow = parse_feed(broken)
    assert slow.warning
    assert [a.guid for a in slow.articles] == fast
    assert [a.url for a in slow.articles] == [a.url for a in parse_feed(good).articles]


def test_read_feed_does_not_build_articles() -> None:
    document = read_feed((DATA / "rss2.xml").read_bytes())
    assert len(document.items) == 3
    assert document.items[0].guid == "gazette-1001"


def test_autodiscovery() -> None:
    page = (DATA / "page-with-feed.html").read_bytes()
    assert discover_feeds(page, url="https://gazette.example/about/") == [
        "https://gazette.example/rss2.xml",
        "https://gazette.example/atom.xml",
    ]
    assert discover_feeds((DATA / "page-without-feed.html").read_bytes(), url="https://x/") == []


@pytest.mark.parametrize("name", ["rss2.xml", "atom.xml", "rss1.rdf", "feed11.json"])
def test_local_feed_files_load(name: str) -> None:
    articles = load_file(DATA / name)
    assert articles and all(a.headline for a in articles)


def test_add_feed_file_to_library(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        report = library.add_paths([DATA / "rss2.xml", DATA / "feed11.json"])
        assert report.failed == 0 and report.added == 5
        again = library.add_paths([DATA / "rss2.xml"])
        assert again.added == 0
        hits = library.search("bridge")
        assert hits and hits[0].headline == "Council approves new bridge"


def test_summary_becomes_one_clean_line_whether_plain_or_html() -> None:
    def item(summary: str) -> str:
        body = "<p>The bridge opened on Monday after two years of work.</p>"
        return (
            f"<item><title>Bridge</title><link>https://x.example/{len(summary)}</link>"
            f"<description>{summary}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )

    plain = "Fish &amp;amp; chips\n\n  at the\topening &#8220;party&#8221; &amp;copy; 2026"
    html = "&lt;p&gt;A &lt;em&gt;short&lt;/em&gt;&lt;/p&gt;&lt;p&gt;summary.&lt;/p&gt;"
    document = (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>T</title>{item(plain)}{item(html)}</channel></rss>"
    ).encode()
    first, second = parse_feed(document).articles
    assert first.standfirst == "Fish & chips at the opening “party” © 2026"
    assert second.standfirst == "A short summary."


def test_media_descriptions_become_captions_whether_plain_or_html() -> None:
    media = "http://search.yahoo.com/mrss/"
    document = (
        f'<rss version="2.0" xmlns:media="{media}"><channel><title>T</title>'
        "<item><title>Harbour</title><link>https://x.example/h</link>"
        "<description>Boats came home.</description>"
        "<media:content url='https://x.example/a.jpg'>"
        "<media:description>Boats &amp;amp; gulls\n  at  dawn</media:description>"
        "<media:credit>Ann Lee</media:credit></media:content>"
        "<media:content url='https://x.example/b.jpg'>"
        "<media:description>&lt;p&gt;The &lt;b&gt;quay&lt;/b&gt;&lt;/p&gt;</media:description>"
        "</media:content></item></channel></rss>"
    ).encode()
    (article,) = parse_feed(document).articles
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Boats & gulls at dawn", "Ann Lee"),
        ("The quay", None),
    ]
