"""OPML subscription lists: read feeds (with folders and categories as tags) and write them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from lxml import etree

from bitereader.errors import LoadError
from bitereader.extract.text import clean_line


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One subscription in an OPML file."""

    url: str
    title: str | None = None
    site_url: str | None = None
    tags: tuple[str, ...] = ()


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds an OPML document lists; enclosing folders and `category` paths become tags.

    Raises:
        LoadError: the bytes are not an OPML document.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=True
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise LoadError(f"not an OPML file: {error}") from None
    if root is None or root.tag != "opml":
        raise LoadError("not an OPML file: no <opml> element")
    body = root.find("body")
    if body is None:
        raise LoadError("not an OPML file: no <body> element")
    found: dict[str, OpmlFeed] = {}
    _walk(body, (), found)
    return list(found.values())


def _walk(element: Any, folders: tuple[str, ...], found: dict[str, OpmlFeed]) -> None:
    for outline in element.iterfind("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        title = clean_line(outline.get("title") or outline.get("text") or "") or None
        if url:
            if title == url:
                title = None  # a nameless feed exported with its url as the required text
            tags = [*folders, *_categories(outline.get("category"))]
            feed = OpmlFeed(
                url=url,
                title=title,
                site_url=(outline.get("htmlUrl") or "").strip() or None,
                tags=tuple(dict.fromkeys(t for t in tags if t)),
            )
            previous = found.get(url)
            if previous is not None:
                merged = tuple(dict.fromkeys((*previous.tags, *feed.tags)))
                feed = OpmlFeed(url, previous.title or title, previous.site_url, merged)
            found[url] = feed
        else:
            _walk(outline, (*folders, title) if title else folders, found)


def _categories(value: str | None) -> list[str]:
    """OPML 2.0 categories: comma-separated, each a slash path whose last part is the tag."""
    tags = []
    for category in (value or "").split(","):
        parts = [clean_line(p) for p in category.strip().split("/") if clean_line(p)]
        if parts:
            tags.append(parts[-1])
    return tags


def write_opml(
    feeds: Sequence[OpmlFeed],
    *,
    title: str = "bitereader subscriptions",
    now: datetime | None = None,
) -> bytes:
    """An OPML 2.0 document listing the feeds, their tags as `category`."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(
        now or datetime.now(UTC), usegmt=True
    )
    body = etree.SubElement(root, "body")
    for feed in feeds:
        outline = etree.SubElement(body, "outline", type="rss")
        outline.set("text", feed.title or feed.url)
        if feed.title:
            outline.set("title", feed.title)
        outline.set("xmlUrl", feed.url)
        if feed.site_url:
            outline.set("htmlUrl", feed.site_url)
        if feed.tags:
            outline.set("category", ",".join(f"/{tag.replace(',', ' ')}" for tag in feed.tags))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
