"""JSON Feed 1.0 and 1.1 documents → articles (feedparser does not read JSON Feed)."""

from __future__ import annotations

import json
from typing import Any

from bitereader.errors import LoadError
from bitereader.loaders.feeds import FeedDocument, RawItem, parse_date
from bitereader.models import Caption


def read_json_feed(data: bytes, *, url: str | None = None) -> FeedDocument:
    """Read a JSON Feed document's title, site and raw items.

    Raises:
        LoadError: the bytes are not JSON, or not a JSON Feed.
    """
    try:
        document = json.loads(data.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as error:
        raise LoadError(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise LoadError("not a JSON Feed: no list of items")
    version = _text(document.get("version")) or ""
    warning = None if "jsonfeed.org/version/" in version else "no JSON Feed version declared"
    title = _text(document.get("title"))
    site = _text(document.get("home_page_url"))
    base = site or url
    feed_authors = _authors(document)
    items = []
    skipped = 0
    for entry in document["items"]:
        if not isinstance(entry, dict):
            skipped += 1
            continue
        item = _item(entry, feed_authors)
        item.base = base
        items.append(item)
    if skipped:
        note = f"{skipped} items were not JSON objects and were skipped"
        warning = f"{warning}; {note}" if warning else note
    return FeedDocument(
        title=" ".join(title.split()) if title else None,
        site_url=site if site and site.startswith(("http://", "https://")) else None,
        items=tuple(items),
        warning=warning,
    )


def _item(entry: dict[str, Any], feed_authors: list[str]) -> RawItem:
    item = RawItem(
        title=_text(entry.get("title")),
        link=_text(entry.get("url")) or _text(entry.get("external_url")),
        guid=_text(entry.get("id")) if entry.get("id") is not None else None,
        published=parse_date(_text(entry.get("date_published"))),
        updated=parse_date(_text(entry.get("date_modified"))),
        authors=_authors(entry) or list(feed_authors),
    )
    html, text = _text(entry.get("content_html")), _text(entry.get("content_text"))
    if html:
        item.content = html
    elif text:
        item.content, item.content_is_text = text, True
    summary = _text(entry.get("summary"))
    if summary:
        item.summary, item.summary_is_text = summary, True
    tags = entry.get("tags")
    if isinstance(tags, list):
        item.categories = [t for t in tags if isinstance(t, str)]
    attachments = entry.get("attachments")
    if isinstance(attachments, list):
        for attachment in attachments:
            if isinstance(attachment, dict) and _text(attachment.get("url")):
                item.enclosures.append(attachment["url"])
                caption = _text(attachment.get("title"))
                if caption and str(attachment.get("mime_type", "")).startswith("image/"):
                    item.media_captions.append(Caption(caption))
    return item


def _authors(record: dict[str, Any]) -> list[str]:
    """Version 1.1 `authors`, else 1.0 `author`."""
    found = record.get("authors")
    if not isinstance(found, list):
        found = [record.get("author")] if record.get("author") else []
    names = []
    for author in found:
        if isinstance(author, dict) and _text(author.get("name")):
            names.append(author["name"])
    return names


def _text(value: object) -> str | None:
    """A string field, or None when it is missing or of another type (as JSON Feeds can be)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None
