"""RSS, Atom and JSON Feed documents → articles; feed autodiscovery in web pages.

Well-formed RSS 0.9x/1.0/2.0 and Atom 1.0 are read with lxml directly, which is about ten times
faster than feedparser; anything lxml refuses (broken XML, undeclared HTML entities, odd
encodings, Atom 0.3, CDF) falls back to feedparser, whose complaints are kept as the feed's
warning. This is the only module that sees feedparser's dictionaries.
"""

from __future__ import annotations

import calendar
import email.utils
import hashlib
import html as htmllib
import pickle
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import urljoin

from lxml import etree

from bitereader import __version__
from bitereader.errors import LoadError
from bitereader.extract.captions import new_caption
from bitereader.extract.html import html_text_parts
from bitereader.extract.text import clean_line, is_clean_line, text_to_paragraphs
from bitereader.models import Article, Caption, Quote, content_hash


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed document's title, site and items."""

    title: str | None
    site_url: str | None
    articles: tuple[Article, ...]
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A feed read but not yet turned into articles: the cheap half of parsing.

    Building articles (HTML to text, quotes) is the expensive half, and can run elsewhere.
    """

    title: str | None
    site_url: str | None
    items: tuple[RawItem, ...]
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class FeedStream:
    """A feed whose title and site are read and whose items are read as they are asked for.

    Reading items lazily lets a refresh start building the first ones while it reads the rest.
    """

    title: str | None
    site_url: str | None
    items: Iterator[RawItem]
    warning: str | None = None


@dataclass(slots=True)
class RawItem:
    """One item as the document states it, before its content is turned into text."""

    title: str | None = None
    title_is_html: bool = False
    link: str | None = None
    guid: str | None = None
    content: str | None = None
    """The fullest body: content:encoded, Atom content or JSON content_html."""
    content_is_text: bool = False
    summary: str | None = None
    summary_is_text: bool = False
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    categories: list[str] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    media_captions: list[Caption] = field(default_factory=list)
    base: str | None = None
    """The address relative links in this item are resolved against."""


ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS1 = "{http://purl.org/rss/1.0/}"
RSS09 = "{http://my.netscape.com/rdf/simple/0.9/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

_NO_TITLE = "(untitled)"
_HEADLINE_WORDS = 14
_STANDFIRST_MAX = 600
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")
_BARE_EMAIL = re.compile(r"^\s*[^\s@]+@[^\s@]+\s*$")


def parse_feed(
    data: bytes, *, url: str | None = None, content_type: str | None = None
) -> ParsedFeed:
    """Parse a feed document of any supported kind.

    `content_type` is the HTTP header, whose charset decides for documents that declare none.

    Raises:
        LoadError: the bytes are not a feed anything here can read.
    """
    document = read_feed(data, url=url, content_type=content_type)
    return ParsedFeed(
        title=document.title,
        site_url=document.site_url,
        articles=tuple(
            Article(*values) for values in build_articles(document.items, document.title)
        ),
        warning=document.warning,
    )


def read_feed(
    data: bytes, *, url: str | None = None, content_type: str | None = None
) -> FeedDocument:
    """Read a feed document's title, site and all its raw items, without building articles.

    Raises:
        LoadError: the bytes are not a feed anything here can read.
    """
    stream = open_feed(data, url=url, content_type=content_type)
    return FeedDocument(stream.title, stream.site_url, tuple(stream.items), stream.warning)


def open_feed(
    data: bytes, *, url: str | None = None, content_type: str | None = None
) -> FeedStream:
    """Read a feed document's title and site now and its items as they are iterated.

    Well-formed RSS and Atom are parsed whole by lxml here (in C), so a document that lxml
    refuses falls back to feedparser before any item is handed out; only the conversion of
    each item to a RawItem is left for later. JSON Feed and feedparser read everything at once.

    Raises:
        LoadError: the bytes are not a feed anything here can read.
    """
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        from bitereader.loaders.jsonfeed import read_json_feed

        document = read_json_feed(data, url=url)
    else:
        fast = _parse_xml(data, url)
        if fast is not None:
            return fast
        document = _parse_with_feedparser(data, url, content_type)
    return FeedStream(document.title, document.site_url, iter(document.items), document.warning)


def build_articles(items: Iterable[RawItem], source: str | None) -> list[ArticleValues]:
    """Build the articles of raw items, as their fields (`Article(*values)` is each article),
    dropping items with neither title nor text."""
    built = (article_values(item, source) for item in items)
    return [values for values in built if values is not None]


class ArticleValues(NamedTuple):
    """The fields build_article gives an Article, in Article's order (`Article(*values)` is the
    article), for what only reads them: a refresh's workers make store rows of them.

    A frozen dataclass sets each field through object.__setattr__, in Python: an Article
    cost some 28,000 instructions to make (a tuple, 2,000), about a fortieth of building it.
    """

    headline: str
    paragraphs: tuple[str, ...]
    url: str | None
    source: str | None
    kicker: str | None
    standfirst: str | None
    authors: tuple[str, ...]
    wire: str | None
    published: datetime | None
    captions: tuple[Caption, ...]
    quotes: tuple[Quote, ...]
    categories: tuple[str, ...]
    links: tuple[str, ...]
    guid: str | None


def item_identity(item: RawItem) -> str | None:
    """The guid build_article will give this item, when it is known before building.

    None for an item with neither guid nor link, whose identity is a hash of its text.
    """
    if item.guid and item.guid.strip():
        return item.guid.strip()
    return _http_url(item.link, item.base)


class PackedItem(NamedTuple):
    """A raw item ready for a worker process: its identity, its fingerprint and its fields."""

    key: str | None
    """item_identity: the guid its article will have, when known before building."""
    digest: str
    """A fingerprint of everything build_article reads, to skip rebuilding unchanged items."""
    data: bytes
    """The item's fields, pickled (see unpack_item)."""


def pack_items(items: Iterable[RawItem], source: str | None) -> list[PackedItem]:
    """Each item's identity, fingerprint and fields, packed for a worker process.

    The fields are pickled as plain values, which is both the cheapest way to send an item to
    another process and an unambiguous encoding of it to hash, so one pass serves both. The
    fingerprint also covers the feed title the item is built with and the version, so a new
    bitereader rebuilds each item once with its newer extractors. Equal fields pickle to equal
    bytes (a new Python that pickled them otherwise would only cost one rebuild of each item);
    different fields never do, since the bytes give the fields back.
    """
    salt = hashlib.blake2b(repr((__version__, source)).encode(), digest_size=16)
    packed = []
    for item in items:
        data = _dumps(_item_fields(item), 5)
        digest = salt.copy()
        digest.update(data)
        # tuple.__new__ is what PackedItem() calls, through a Python function of its own.
        packed.append(_new_tuple(PackedItem, (item_identity(item), digest.hexdigest(), data)))
    return packed


def unpack_item(data: bytes) -> RawItem:
    """The RawItem pack_items packed."""
    (
        title, title_is_html, link, guid, content, content_is_text, summary, summary_is_text,
        authors, published, updated, categories, enclosures, captions, base,
    ) = pickle.loads(data)  # fmt: skip
    # Positional, in RawItem's field order: keywords cost a dictionary a call.
    return RawItem(
        title, title_is_html, link, guid, content, content_is_text, summary, summary_is_text,
        authors,
        None if published is None else datetime.fromisoformat(published),
        None if updated is None else datetime.fromisoformat(updated),
        categories, enclosures,
        [new_caption(*caption) for caption in captions] if captions else [],
        base,
    )  # fmt: skip


def _item_fields(item: RawItem) -> tuple[Any, ...]:
    # Dates as ISO text and captions as tuples: pickling a datetime's tzinfo or a dataclass
    # costs more than the rest of the item.
    published, updated = item.published, item.updated
    return (
        item.title, item.title_is_html, item.link, item.guid, item.content,
        item.content_is_text, item.summary, item.summary_is_text, item.authors,
        None if published is None else _iso_text(published),
        None if updated is None else _iso_text(updated),
        item.categories, item.enclosures,
        [(c.text, c.credit, c.paragraph) for c in item.media_captions], item.base,
    )  # fmt: skip


def _iso_text(moment: datetime) -> str:
    """moment.isoformat(), built from two-digit strings for a whole-second UTC time (nearly
    every feed date): isoformat formats through printf, at several times the cost."""
    if moment.tzinfo is not UTC or moment.microsecond or moment.year < 1000:
        return moment.isoformat()
    two = _TWO_DIGITS
    return (
        f"{moment.year}-{two[moment.month]}-{two[moment.day]}T"
        f"{two[moment.hour]}:{two[moment.minute]}:{two[moment.second]}+00:00"
    )


_TWO_DIGITS = tuple(f"{n:02d}" for n in range(100))
_dumps = pickle.dumps
_new_tuple = tuple.__new__


def build_article(item: RawItem, *, source: str | None) -> Article | None:
    """Turn a raw item into an Article: text paragraphs, captions, quotes and identity.

    Returns None for an item with neither a title nor any text.
    """
    values = article_values(item, source)
    return None if values is None else Article(*values)


def article_values(item: RawItem, source: str | None) -> ArticleValues | None:
    """The fields of the Article build_article makes of an item, or None where it makes none."""
    extract_quotes = _quote_finder()
    body, body_is_text = (item.content, item.content_is_text)
    if not body:
        body, body_is_text = (item.summary, item.summary_is_text)
    paragraphs, captions = _text_parts(body, body_is_text)
    standfirst = None
    if item.content and item.summary:
        summary = _as_line(item.summary, item.summary_is_text)
        opening = paragraphs[0] if paragraphs else ""
        if summary and len(summary) <= _STANDFIRST_MAX and not _same_start(summary, opening):
            standfirst = summary
    headline = _headline(item.title)
    if not headline:
        if not paragraphs:
            return None
        headline = _headline_from(paragraphs[0])
    captions = _merge_captions(captions, item.media_captions)
    base_url = item.base
    link = _http_url(item.link, base_url)
    guid = item_identity(item) or f"hash:{content_hash(headline, paragraphs)}"
    # kicker and wire are None. tuple.__new__ is what ArticleValues() calls, through a Python
    # function of its own.
    return _new_tuple(
        ArticleValues,
        (
            headline,
            paragraphs,
            link,
            source,
            None,
            standfirst,
            _unique_of(_author_name, item.authors),
            None,
            item.published or item.updated,
            captions,
            extract_quotes(paragraphs) if paragraphs else (),
            _unique_of(clean_line, item.categories),
            _unique(_http_url(e, base_url) for e in item.enclosures) if item.enclosures else (),
            guid,
        ),
    )


@cache
def _quote_finder() -> Callable[[tuple[str, ...]], tuple[Quote, ...]]:
    """extract_quotes, imported on first use: the process that only reads feeds never needs
    it (an import statement in build_article cost most of a microsecond an item)."""
    from bitereader.extract.quotes import extract_quotes

    return extract_quotes


def discover_feeds(data: bytes, *, url: str | None = None) -> list[str]:
    """The feed urls a web page announces with `<link rel="alternate" type=...>`, in its order."""
    from bitereader.extract.html import parse_html

    root = parse_html(data)
    if root is None:
        return []
    found: list[str] = []
    base = url
    for element in root.iter("base"):
        base = urljoin(url or "", element.get("href") or "") or url
        break
    for element in root.iter("link", "a"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").lower().split(";")[0].strip()
        href = element.get("href")
        if "alternate" in rel and kind in _FEED_TYPES and href:
            absolute = _http_url(href, base)
            if absolute and absolute not in found:
                found.append(absolute)
    return found


def _xml_parser() -> Any:
    """lxml's parser for a feed: strict, never fetching or expanding anything external."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )


def _parse_xml(data: bytes, url: str | None) -> FeedStream | None:
    """The fast path: well-formed RSS or Atom 1.0 through lxml, or None to fall back."""
    root = _parse_xml_root(data, _xml_parser())
    if root is None or not isinstance(root.tag, str):
        return None
    if root.tag == f"{ATOM}feed":
        return _read_atom(root, url)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            return None
        return _read_rss(channel, channel.iterfind("item"), url)
    if root.tag == f"{RDF}RDF":
        for namespace in (RSS1, RSS09):
            channel = root.find(f"{namespace}channel")
            if channel is not None:
                return _read_rss(channel, root.iterfind(f"{namespace}item"), url)
    return None


def _parse_xml_root(data: bytes, parser: Any) -> Any | None:
    """The document's root element, or None when lxml refuses the document.

    Its CDATA sections are parsed as the escaped text they stand for (`_cdata_as_text`): the
    same tree, for four fifths of the cost of a usual feed's parse. Should the rewritten
    document be refused, the document as it came is parsed, so that what is refused is what
    lxml refuses.
    """
    text = _cdata_as_text(data)
    try:
        return etree.fromstring(text, parser)
    except (etree.XMLSyntaxError, ValueError):
        if text is data:
            return None
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _cdata_as_text(data: bytes) -> bytes:
    """The document with each CDATA section in element content replaced by its text, escaped.

    libxml2 reads a CDATA section a character at a time, at three times the cost of text it
    can scan in runs: a feed item's HTML, which most feeds wrap in CDATA, is most of what the
    XML parser reads. Escaped text is the same content to an XML parser, and lxml merges CDATA
    into the text around it anyway.

    Only a section that a byte scan cannot mistake is rewritten: in a UTF-8 or ASCII document
    (where every byte below 0x80 is the character it looks like), from the root element on and
    stopping at the first comment, processing instruction or DOCTYPE (in which "<![CDATA[" is
    not a section), or at a section that does not follow a whole tag or another section (it
    would be inside a tag, which lxml refuses). The rest is left as it is.
    """
    pos = _prolog_end(data)
    if pos < 0:
        return data
    parts: list[bytes] = []
    while True:
        # Every "<!" from the root on starts a section, a comment or a DOCTYPE, or is inside a
        # section: the search goes from one to the next, past each section. Like the "<?"
        # below, it is found by its second byte: rare in markup, where "<" is everywhere (and
        # a single byte is found many times faster than two).
        start = data.find(b"!", pos + 1)
        while start > 0 and data[start - 1] != 60:  # <
            start = data.find(b"!", start + 1)
        start -= 1
        if start < 0 or not data.startswith(b"<![CDATA[", start):
            break
        # Past a processing instruction, a "<![CDATA[" could be inside it.
        mark = data.find(b"?", pos + 1, start)
        while mark > 0 and data[mark - 1] != 60:
            mark = data.find(b"?", mark + 1, start)
        if mark > 0:
            break
        # From `pos` on the markup is in element content, and so is the section, if what
        # stands before it is a whole tag and some text, or only text since the last section.
        opening = data.rfind(b"<", pos, start)
        if opening >= 0:
            closing = data.rfind(b">", opening, start)
            if closing < 0:
                break
            # Without an "=" the tag has no attribute value, in which a ">" could stand.
            if data.find(b"=", opening, closing) >= 0 and (
                _TAG.fullmatch(data, opening, closing + 1) is None
            ):
                break
        elif not parts:
            break
        # "]" is rare in markup too.
        end = data.find(b"]", start + 9)
        while end >= 0 and not data.startswith(b"]]>", end):
            end = data.find(b"]", end + 1)
        if end < 0:
            break
        parts.append(data[pos:start])
        # An empty section is kept: it makes an empty text node (text "", where none is None).
        parts.append(_escaped(data, start, end) if end > start + 9 else _EMPTY_CDATA)
        pos = end + 3
    if not parts:
        return data
    parts.append(data[pos:])
    return b"".join(parts)


def _escaped(data: bytes, start: int, end: int) -> bytes:
    """The content of the CDATA section from `start` to `end` as the XML text for it.

    A section's line ends are its own: they are normalised here, as the parser would, so that
    none pairs with one outside it (a "\n" opening it after a "\r" is written as a reference).
    And "]]>" may not stand in text, which a "]" closing the section would start with a "]>"
    after it.
    """
    text = data[start + 9 : end]
    if b"&" in text:
        text = text.replace(b"&", b"&amp;")
    if b"<" in text:
        text = text.replace(b"<", b"&lt;")
    if b"\r" in text:
        text = text.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if text[-1] == 93:  # ]
        text = text[:-1] + b"&#93;"
    if text[0] == 10 and data[start - 1] == 13:  # \n after \r
        text = b"&#10;" + text[1:]
    return text


def _prolog_end(data: bytes) -> int:
    """Where the root element starts, after the XML declaration and any processing instructions
    and comments; -1 for a DOCTYPE or for an encoding a byte scan cannot read (`_BYTE_EXACT`)."""
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith(_XML_DECLARATIONS, pos):
        close = data.find(b"?>", pos)
        if close < 0:
            return -1
        declared = _XML_ENCODING.search(data, pos, close)
        if declared is not None and declared[1].lower() not in _BYTE_EXACT:
            return -1
        pos = close + 2
    # Without a declaration a document is UTF-8, or UTF-16, whose markup no byte scan finds.
    while True:
        while data[pos : pos + 1].isspace():
            pos += 1
        if data.startswith(b"<?", pos):
            close = data.find(b"?>", pos)
        elif data.startswith(b"<!--", pos):
            close = data.find(b"-->", pos)
        else:
            return -1 if data.startswith(b"<!", pos) else pos
        if close < 0:
            return -1
        pos = close + 2 if data[close] == 63 else close + 3  # ?> or -->


_EMPTY_CDATA = b"<![CDATA[]]>"
_XML_DECLARATIONS = (b"<?xml ", b"<?xml\t", b"<?xml\n", b"<?xml\r")
"""How an XML declaration starts (and not `<?xml-stylesheet`, a processing instruction)."""
_XML_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_BYTE_EXACT = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})
"""Encodings in which a byte below 0x80 is always the ASCII character it looks like."""
_TAG = re.compile(
    rb"""<(?:/[^\s<>/="']+\s*|[^\s<>/="'!?][^\s<>/="']*"""
    rb"""(?:\s+[^\s<>/="']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*/?)>"""
)
"""A whole start, end or empty-element tag, its quoted attribute values holding no "<"."""


def _local(tag: object) -> str | None:
    """The RSS element name for RSS 2.0 (no namespace) and RSS 1.0/0.9 tags, else None."""
    if not isinstance(tag, str):
        return None
    if tag[0] != "{":
        return tag
    if tag.startswith(RSS1):
        return tag[len(RSS1) :]
    if tag.startswith(RSS09):
        return tag[len(RSS09) :]
    return None


_RSS_ITEM_NAMES = {
    namespace + name: name
    for namespace in ("", RSS1, RSS09)
    for name in (
        "title",
        "link",
        "guid",
        "description",
        "author",
        "category",
        "pubDate",
        "enclosure",
    )
}
"""The RSS item elements _rss_item reads, by tag in each RSS namespace (one lookup a child)."""
_CONTENT_ENCODED = f"{CONTENT}encoded"
_ATOM_LINK = f"{ATOM}link"
_ATOM_UPDATED = f"{ATOM}updated"
_MEDIA_DESCRIPTION = f"{MEDIA}description"
_MEDIA_CREDIT = f"{MEDIA}credit"
_MEDIA_CONTENT = f"{MEDIA}content"
_RDF_ABOUT = f"{RDF}about"
# Atom tags compared against every child of every entry: built once, not at each comparison.
_ATOM_ENTRY = f"{ATOM}entry"
_ATOM_TITLE = f"{ATOM}title"
_ATOM_ID = f"{ATOM}id"
_ATOM_CONTENT = f"{ATOM}content"
_ATOM_SUMMARY = f"{ATOM}summary"
_ATOM_PUBLISHED = f"{ATOM}published"
_ATOM_AUTHOR = f"{ATOM}author"
_ATOM_NAME = f"{ATOM}name"
_ATOM_CATEGORY = f"{ATOM}category"


def _read_rss(channel: Any, items: Iterable[Any], url: str | None) -> FeedStream:
    title = site = None
    for child in channel:
        name = _local(child.tag)
        if name == "title":
            title = _headline(child.text)
        elif name == "link" and child.text:
            site = _http_url(child.text, url)
    return FeedStream(title=title, site_url=site, items=_rss_items(items, site or url))


def _rss_items(elements: Iterable[Any], base: str | None) -> Iterator[RawItem]:
    for element in elements:
        item = _rss_item(element)
        item.base = base
        yield item


def _rss_item(element: Any) -> RawItem:
    # An RSS 2.0 item has no attributes: listing none costs a third of looking up rdf:about,
    # whose namespaced name lxml takes apart at each look-up.
    item = RawItem(guid=element.get(_RDF_ABOUT) if element.keys() else None)
    for child in element:
        tag = child.tag
        name = _RSS_ITEM_NAMES.get(tag)
        if name is not None:
            if name == "title":
                item.title = child.text
            elif name == "link":
                item.link = (child.text or "").strip() or item.link
            elif name == "guid":
                item.guid = (child.text or "").strip() or item.guid
            elif name == "description":
                item.summary = child.text
            elif name == "author":
                item.authors.append(child.text or "")
            elif name == "category":
                item.categories.append(child.text or "")
            elif name == "pubDate":
                item.published = parse_date(child.text) or item.published
            elif name == "enclosure":
                item.enclosures.append(child.get("url") or "")
        elif not isinstance(tag, str):
            continue
        elif tag == _CONTENT_ENCODED:
            item.content = child.text
        elif tag.startswith(DC):
            _dublin_core(item, tag[len(DC) :], child.text)
        elif tag.startswith(MEDIA):
            _media(item, child)
        elif tag.startswith(ATOM):
            if tag == _ATOM_LINK and child.get("rel", "alternate") == "enclosure":
                item.enclosures.append(child.get("href") or "")
            elif tag == _ATOM_UPDATED:
                item.updated = parse_date(child.text)
    return item


def _dublin_core(item: RawItem, name: str, text: str | None) -> None:
    if not text:
        return
    if name == "creator":
        item.authors.append(text)
    elif name == "date" and item.published is None:
        item.published = parse_date(text)
    elif name == "subject":
        item.categories.append(text)


def _media(item: RawItem, element: Any) -> None:
    """Media RSS: a picture's description and credit become a caption."""
    name = element.tag[len(MEDIA) :]
    if name in ("content", "group", "thumbnail"):
        description, credit = _media_texts(element)
        if name == "group":
            for content in element.iterfind(_MEDIA_CONTENT):
                inner = _media_texts(content)
                description = description or inner[0]
                credit = credit or inner[1]
        _add_media_caption(item, description, credit)
    elif name == "description":
        _add_media_caption(item, element.text, None)
    elif name == "credit":
        _add_media_caption(item, None, element.text)


def _add_media_caption(item: RawItem, description: str | None, credit: str | None) -> None:
    text = _as_line(description, False) if description else ""
    credit = clean_line(credit) if credit else None
    if not text and not credit:
        return
    if item.media_captions and not text and item.media_captions[-1].credit is None:
        # An item-level media:credit that follows its media:description completes it.
        item.media_captions[-1] = Caption(item.media_captions[-1].text, credit)
        return
    item.media_captions.append(new_caption(text, credit or None, None))


def _media_texts(element: Any) -> tuple[str | None, str | None]:
    """_child_text of a media element's description and of its credit, in one pass over its
    children (each child read makes a new lxml proxy and tag string)."""
    description = credit = None
    seen_description = seen_credit = False
    for child in element:
        tag = child.tag
        if tag == _MEDIA_DESCRIPTION and not seen_description:
            seen_description = True
            description = _non_blank(child.text)
        elif tag == _MEDIA_CREDIT and not seen_credit:
            seen_credit = True
            credit = _non_blank(child.text)
    return description, credit


def _child_text(element: Any, tag: str) -> str | None:
    """The text of the first child with this tag, if it has any (children are few: a loop is
    quicker than lxml's path search)."""
    for child in element:
        if child.tag == tag:
            return _non_blank(child.text)
    return None


def _non_blank(text: str | None) -> str | None:
    """The text, unless it is missing or only white space."""
    return text if text and text.strip() else None


def _read_atom(root: Any, url: str | None) -> FeedStream:
    base = _base(root, url)
    title = site = None
    for child in root:
        tag = child.tag
        if tag == _ATOM_TITLE:
            title = _headline(_atom_text(child)[0])
        elif tag == _ATOM_LINK and child.get("rel", "alternate") == "alternate":
            site = site or _http_url(child.get("href"), base)
    return FeedStream(title=title, site_url=site, items=_atom_items(root, base))


def _atom_items(root: Any, base: str | None) -> Iterator[RawItem]:
    for entry in root.iterfind(_ATOM_ENTRY):
        entry_base = _base(entry, base)
        item = _atom_entry(entry, entry_base)
        item.base = entry_base
        yield item


def _atom_entry(entry: Any, base: str | None) -> RawItem:
    item = RawItem()
    for child in entry:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == _ATOM_TITLE:
            item.title, item.title_is_html = _atom_text(child)
        elif tag == _ATOM_LINK:
            rel = child.get("rel", "alternate")
            href = child.get("href")
            if rel == "alternate" and href and item.link is None:
                item.link = urljoin(_base(child, base) or "", href)
            elif rel == "enclosure" and href:
                item.enclosures.append(urljoin(base or "", href))
        elif tag == _ATOM_ID:
            item.guid = (child.text or "").strip() or None
        elif tag == _ATOM_CONTENT:
            text, is_html = _atom_text(child)
            item.content, item.content_is_text = text, not is_html
        elif tag == _ATOM_SUMMARY:
            text, is_html = _atom_text(child)
            item.summary, item.summary_is_text = text, not is_html
        elif tag == _ATOM_PUBLISHED:
            item.published = parse_date(child.text)
        elif tag == _ATOM_UPDATED:
            item.updated = parse_date(child.text)
        elif tag == _ATOM_AUTHOR:
            name = _child_text(child, _ATOM_NAME)
            if name:
                item.authors.append(name)
        elif tag == _ATOM_CATEGORY:
            term = child.get("label") or child.get("term")
            if term:
                item.categories.append(term)
        elif tag.startswith(MEDIA):
            _media(item, child)
        elif tag.startswith(DC):
            _dublin_core(item, tag[len(DC) :], child.text)
    return item


def _atom_text(element: Any) -> tuple[str | None, bool]:
    """An Atom text construct's content and whether it is HTML (xhtml is serialised back)."""
    kind = (element.get("type") or "text").lower()
    if kind == "xhtml":
        div = element.find("{http://www.w3.org/1999/xhtml}div")
        target = div if div is not None else element
        parts = [target.text or ""]
        for child in target:
            etree.cleanup_namespaces(child)
            parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
        return "".join(parts), True
    return element.text, kind in ("html", "text/html")


def _base(element: Any, inherited: str | None) -> str | None:
    base = element.get(XML_BASE)
    return urljoin(inherited or "", base) if base else inherited


def _parse_with_feedparser(data: bytes, url: str | None, content_type: str | None) -> FeedDocument:
    """The slow, forgiving path for documents lxml cannot read."""
    import feedparser

    # No content-location: feedparser would resolve guids against it, and an item's identity
    # must not depend on which parser read it.
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(
        data, sanitize_html=False, resolve_relative_uris=False, response_headers=headers
    )
    feed = parsed.get("feed", {})
    version = parsed.get("version") or ""
    if not parsed.entries and not feed.get("title") and not version:
        reason = parsed.get("bozo_exception")
        raise LoadError(f"not a feed ({_one_line(reason)})" if reason else "not a feed")
    warning = _one_line(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    title = _headline(feed.get("title"))
    site = _http_url(feed.get("link"), url)
    raw = []
    with warnings.catch_warnings():
        # feedparser warns about its own updated→published fallback on every lookup.
        warnings.simplefilter("ignore", DeprecationWarning)
        for entry in parsed.entries:
            item = _feedparser_item(entry)
            item.base = site or url
            raw.append(item)
    return FeedDocument(title=title, site_url=site, items=tuple(raw), warning=warning)


def _feedparser_item(entry: Any) -> RawItem:
    item = RawItem(
        title=entry.get("title"),
        title_is_html=_is_html(entry.get("title_detail")),
        link=entry.get("link"),
        guid=entry.get("id"),
    )
    has_media = bool(entry.get("media_content") or entry.get("media_thumbnail"))
    media_descriptions = []
    for content in entry.get("content", []):
        # feedparser files media:description under content as text/plain.
        if has_media and content.get("type") == "text/plain" and entry.get("summary"):
            media_descriptions.append(content.get("value"))
        elif item.content is None:
            item.content = content.get("value")
            item.content_is_text = content.get("type") == "text/plain"
    if entry.get("summary") and entry.get("summary") != item.content:
        item.summary = entry["summary"]
        item.summary_is_text = not _is_html(entry.get("summary_detail"), default=True)
    credits = [c.get("content") for c in entry.get("media_credit", []) if c.get("content")]
    for index, description in enumerate(media_descriptions or ([None] if credits else [])):
        _add_media_caption(item, description, credits[index] if index < len(credits) else None)
    item.authors = [a.get("name") or "" for a in entry.get("authors", []) if isinstance(a, dict)]
    item.published = _struct_time(entry.get("published_parsed"))
    item.updated = _struct_time(entry.get("updated_parsed"))
    item.categories = [t.get("label") or t.get("term") or "" for t in entry.get("tags", [])]
    item.enclosures = [
        link.get("href") or "" for link in entry.get("links", []) if link.get("rel") == "enclosure"
    ]
    return item


def _is_html(detail: Any, *, default: bool = False) -> bool:
    if not detail:
        return default
    return detail.get("type") in ("text/html", "application/xhtml+xml")


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def parse_date(text: str | None) -> datetime | None:
    """An RFC 822 or ISO 8601 date as UTC; other formats go to feedparser's date parsers."""
    if not text:
        return None
    text = text.strip()
    moment: datetime | None = None
    if text[:1].isdigit():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
    else:
        moment = _rfc822_date(text)
    if moment is None:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            moment = None
    if moment is None:
        from feedparser.datetimes import _parse_date

        return _struct_time(_parse_date(text))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


_RFC822 = re.compile(
    r"[A-Za-z]{3}, ?(\d\d?) ([A-Za-z]{3}) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? "
    r"(?:(GMT|UTC?|Z)|([+-])(\d\d)(\d\d))",
    re.ASCII,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


_MONTH_DIGITS = {name: f"{number:02d}" for name, number in _MONTHS.items()}


def _rfc822_date(text: str) -> datetime | None:
    """The usual RSS date ("Tue, 03 Jun 2025 14:30:00 GMT" or "+0200") as UTC, in a third of
    the time email.utils takes; None for anything else, which email.utils then reads."""
    usual = _usual_rfc822_date(text)
    if usual is not None:
        return usual
    match = _RFC822.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, utc, sign, zone_hours, zone_minutes = match.groups()
    number = _MONTHS.get(month.lower())
    if number is None or year < "0100":
        return None  # two-digit years have their own rules in email.utils
    try:
        moment = datetime(
            int(year), number, int(day), int(hour), int(minute), int(second or 0), tzinfo=UTC
        )
    except ValueError:
        return None  # 31 February, hour 24 and such: left to the full parsers
    if utc is None:
        offset = (int(zone_hours) * 60 + int(zone_minutes)) * (1 if sign == "+" else -1)
        moment -= timedelta(minutes=offset)
    return moment


def _usual_rfc822_date(text: str) -> datetime | None:
    """The commonest form of all, "Tue, 03 Jun 2025 14:30:00 GMT" (or "+0000"), rewritten as
    ISO text for fromisoformat: a third of the cost of the pattern and six int() calls. None
    for anything else, and for what fromisoformat refuses, which _rfc822_date then reads (and
    finds the same date in, where there is one: the same fields, and both refuse 24:00 or
    31 February). Years before 1000 are left to it too."""
    size = len(text)
    if size == 29:
        if text[25:] != " GMT":
            return None
    elif size != 31 or text[25:] != " +0000":
        return None
    if (
        not text.isascii()
        or text[3:5] != ", "
        or text[7] != " "
        or text[11] != " "
        or text[16] != " "
        or text[19] != ":"
        or text[22] != ":"
        or text[12] == "0"
        or not text[:3].isalpha()
    ):
        # fromisoformat would take "00:00,00" (a decimal comma) where the pattern takes only
        # colons: the time's separators are checked here.
        return None
    month = _MONTH_DIGITS.get(text[8:11].lower())
    if month is None:
        return None
    try:
        return datetime.fromisoformat(f"{text[12:16]}-{month}-{text[5:7]}T{text[17:25]}+00:00")
    except ValueError:
        return None


def _text_parts(body: str | None, is_text: bool) -> tuple[tuple[str, ...], tuple[Caption, ...]]:
    if not body or not body.strip():
        return (), ()
    if is_text:
        return text_to_paragraphs(body), ()
    return html_text_parts(body)


def _as_line(text: str, is_text: bool) -> str:
    """A summary or picture description as one line of text, read as a headline is: most are
    plain text even where HTML is allowed, and those need no HTML parser."""
    if is_text:
        return " ".join(_text_parts(text, True)[0])
    return _headline(text) or ""


def _headline(text: str | None) -> str | None:
    """A title as one clean line; HTML or not, the text itself tells (a tag or an entity)."""
    if not text:
        return None
    if "<" in text:
        text = " ".join(html_text_parts(text)[0])
    elif "&" in text:
        text = htmllib.unescape(text)
    if is_clean_line(text):  # what splitting and cleaning would give back: spare them
        return text or None
    return clean_line(" ".join(text.split())) or None


def _headline_from(paragraph: str) -> str:
    words = paragraph.split()
    if len(words) <= _HEADLINE_WORDS:
        return paragraph or _NO_TITLE
    return " ".join(words[:_HEADLINE_WORDS]) + "…"


def _same_start(summary: str, opening: str) -> bool:
    """Is the summary just the start of the body (many feeds repeat it)?"""
    # Only the first 200 characters of each are compared: folding case never shortens text,
    # so those of the folded whole are those of its first 200 folded.
    if opening and summary[:1].casefold()[:1] != opening[:1].casefold()[:1]:
        # Neither can start the other (and an empty folded summary is no start): the first
        # characters settle most summaries that are not the body's start, for a fraction of
        # folding both.
        return False
    a, b = summary.rstrip(".… ")[:200].casefold(), opening[:200].casefold()
    return bool(a) and (b.startswith(a[:200]) or a.startswith(b[:200]))


def _merge_captions(
    from_html: tuple[Caption, ...], from_media: list[Caption]
) -> tuple[Caption, ...]:
    if not from_media:
        return from_html
    seen = {c.text.casefold() for c in from_html}
    extra = [c for c in from_media if not c.text or c.text.casefold() not in seen]
    return (*from_html, *extra)


def _author_name(text: str) -> str:
    if "@" in text:  # both forms of address need one
        match = _EMAIL_NAME.match(text)
        if match:
            return clean_line(match["name"])
        if _BARE_EMAIL.match(text):
            return ""
    return clean_line(text)


def _http_url(link: str | None, base: str | None) -> str | None:
    """An absolute http(s) url, or None: other schemes are never opened."""
    if not link or not link.strip():
        return None
    link = link.strip()
    if link.startswith(("http://", "https://")) and " " not in link:
        return link  # already absolute: urljoin would only cost time
    absolute = urljoin(base or "", link)
    return absolute if absolute.startswith(("http://", "https://")) else None


def _unique_of(function: Callable[[str], str], values: list[str]) -> tuple[str, ...]:
    """_unique(map(function, values)), without the dictionary for none or one value (what
    most items have: one author, a category or two)."""
    if len(values) > 1:
        return _unique(map(function, values))
    if not values:
        return ()
    value = function(values[0])
    return (value,) if value else ()


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values that are not empty, each once, in their order."""
    return tuple(dict.fromkeys(filter(None, values)))


def _one_line(error: object) -> str:
    text = str(error).strip() if error else ""
    return text.splitlines()[0] if text else type(error).__name__
