"""The feed reader's quick paths give exactly what the plain steps they skip gave."""

from __future__ import annotations

import html as htmllib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bitereader.extract.html import html_to_parts
from bitereader.extract.text import clean_line
from bitereader.loaders import feeds
from bitereader.loaders.feeds import MEDIA, PackedItem, RawItem, pack_items, unpack_item

SPACES = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2009\u3000"
PIECES = ["&amp;", "&lt;", "<b>", "</b>", "<p>", "&#233;", "&nosuch;", "\x1b[1m", "Word", " "]
titles = st.lists(
    st.sampled_from(SPACES) | st.sampled_from(PIECES) | st.characters(exclude_categories=["Cs"]),
    max_size=12,
).map("".join)
"""Titles with markup, entities, escape sequences and every kind of spacing in them."""


def plain_headline(text: str | None, is_html: bool) -> str | None:
    """_headline as it was, when it still took a flag for HTML and always split and joined."""
    if not text:
        return None
    if is_html or "<" in text or "&" in text:
        text = " ".join(html_to_parts(text).paragraphs) if "<" in text else htmllib.unescape(text)
    return clean_line(" ".join(text.split())) or None


@settings(max_examples=600)
@given(titles | st.sampled_from(["Plain title", " Edge ", "Two  spaces", "", "Café au lait"]))
def test_headline_is_what_splitting_and_cleaning_gave(text: str) -> None:
    assert feeds._headline(text) == plain_headline(text, False) == plain_headline(text, True)


def test_headline_of_nothing_is_none() -> None:
    assert feeds._headline(None) is None
    assert feeds._headline("   ") is None
    assert feeds._headline("<p> </p>") is None


def media_element(children: list[tuple[str, str | None]]) -> etree._Element:
    element = etree.Element(f"{MEDIA}content", nsmap={"media": MEDIA[1:-1]})
    for name, text in children:
        child = etree.SubElement(element, f"{MEDIA}{name}" if name != "other" else "other")
        child.text = text
    return element


def test_media_texts_are_the_first_description_and_credit() -> None:
    texts = [None, "", "  ", "A heron", "Second"]
    kinds = ["description", "credit", "other"]
    for layout in product(kinds, repeat=3):
        for values in product(texts, repeat=3):
            element = media_element(list(zip(layout, values, strict=True)))
            assert feeds._media_texts(element) == (
                feeds._child_text(element, feeds._MEDIA_DESCRIPTION),
                feeds._child_text(element, feeds._MEDIA_CREDIT),
            ), (layout, values)


def test_media_group_reads_its_contents_when_it_says_nothing_itself() -> None:
    data = (
        b'<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>'
        b"<item><title>One</title><media:group>"
        b"<media:content><media:credit>Ben</media:credit></media:content>"
        b"<media:content><media:description>A heron</media:description>"
        b"<media:credit>Ana</media:credit></media:content>"
        b"</media:group></item></channel></rss>"
    )
    (item,) = feeds.read_feed(data).items
    assert [(c.text, c.credit) for c in item.media_captions] == [("A heron", "Ben")]


def test_packed_items_are_packed_item_tuples() -> None:
    item = RawItem(title="A title", guid=" g-1 ", link="https://site.example/a")
    (packed,) = pack_items([item], "Source")
    assert type(packed) is PackedItem
    assert packed == (packed.key, packed.digest, packed.data)
    assert packed.key == "g-1"
    assert unpack_item(packed.data) == item


def test_build_article_puts_each_value_in_its_field() -> None:
    from bitereader.models import Caption

    item = RawItem(
        title="Ferry strike",
        link="/ferry",
        guid=" ferry-1 ",
        content="<p>“Boats stop,” said Ana Lopez, a spokesperson.</p>",
        summary="Boats stop today across the harbour.",
        authors=["ana@example.org (Ana Lopez)", "Ben"],
        updated=datetime(2025, 6, 3, 14, 30, tzinfo=UTC),
        categories=["Transport", "Transport", "Harbour"],
        enclosures=["/a.mp3"],
        media_captions=[Caption("The ferry", "Ben")],
        base="https://news.example/",
    )
    article = feeds.build_article(item, source="Harbour news")
    assert article is not None
    assert article.headline == "Ferry strike"
    assert article.paragraphs == ("“Boats stop,” said Ana Lopez, a spokesperson.",)
    assert article.url == "https://news.example/ferry"
    assert article.source == "Harbour news"
    assert article.kicker is None and article.wire is None
    assert article.standfirst == "Boats stop today across the harbour."
    assert article.authors == ("Ana Lopez", "Ben")
    assert article.published == datetime(2025, 6, 3, 14, 30, tzinfo=UTC)
    assert article.captions == (Caption("The ferry", "Ben"),)
    assert [q.speaker for q in article.quotes] == ["Ana Lopez"]
    assert article.categories == ("Transport", "Harbour")
    assert article.links == ("https://news.example/a.mp3",)
    assert article.guid == "ferry-1"
    assert article.id is None and article.feed_id is None and article.added_at is None


def plain_rfc822_date(text: str) -> datetime | None:
    """_rfc822_date as it was, through its pattern alone."""
    match = feeds._RFC822.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, utc, sign, zone_hours, zone_minutes = match.groups()
    number = feeds._MONTHS.get(month.lower())
    if number is None or year < "0100":
        return None
    try:
        moment = datetime(
            int(year), number, int(day), int(hour), int(minute), int(second or 0), tzinfo=UTC
        )
    except ValueError:
        return None
    if utc is None:
        offset = (int(zone_hours) * 60 + int(zone_minutes)) * (1 if sign == "+" else -1)
        moment -= timedelta(minutes=offset)
    return moment


moments = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
EDITS = [*"0123456789 :,+-AaZzGMTéİ\u212a", "", "  "]


@settings(max_examples=1500)
@given(
    moments,
    st.sampled_from([" GMT", " +0000", " UT", " -0500", ""]),
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from(EDITS)), max_size=2),
)
def test_usual_dates_read_as_the_pattern_reads_them(
    moment: datetime, zone: str, edits: list[tuple[int, str]]
) -> None:
    text = format_datetime(moment, usegmt=True)[:-4] + zone
    for position, replacement in edits:
        text = text[:position] + replacement + text[position + 1 :]
    for variant in (text, text.replace("Feb", "feb"), text[:5] + "31 Feb" + text[11:]):
        assert feeds._rfc822_date(variant) == plain_rfc822_date(variant), variant
        found = feeds._usual_rfc822_date(variant)
        assert found is None or (found.tzinfo is UTC and found == plain_rfc822_date(variant))


def test_usual_dates_and_their_edges() -> None:
    usual = feeds._usual_rfc822_date
    assert usual("Tue, 03 Jun 2025 14:30:00 GMT") == datetime(2025, 6, 3, 14, 30, tzinfo=UTC)
    assert usual("Tue, 03 Jun 2025 14:30:00 +0000") == datetime(2025, 6, 3, 14, 30, tzinfo=UTC)
    for text in [
        "Tue, 31 Feb 2025 14:30:00 GMT",  # no such day
        "Tue, 03 Jun 2025 24:00:00 GMT",  # no such hour
        "Tue, 03 Jun 0999 14:30:00 GMT",  # early years: the pattern's rules
        "Tue, 03 Jun 2025 14:30:00 +0200",  # an offset: the pattern does the sums
        "Tue, 03 Xyz 2025 14:30:00 GMT",
        "Tue,  3 Jun 2025 14:30:00 GMT",
        "Tue, 03 Jun 2025 14:30 GMT",
    ]:
        assert usual(text) is None, text
        assert feeds._rfc822_date(text) == plain_rfc822_date(text), text


@settings(max_examples=800)
@given(
    st.datetimes(
        min_value=datetime(1, 1, 1),
        max_value=datetime(9999, 12, 30),
        timezones=st.none() | st.just(UTC) | st.timezones(),
    )
)
def test_packed_dates_are_isoformat(moment: datetime) -> None:
    assert feeds._iso_text(moment) == moment.isoformat()
    assert (
        feeds._iso_text(moment.replace(microsecond=0)) == moment.replace(microsecond=0).isoformat()
    )
