"""What the command line prints: Rich renderables for people, plain dicts for --json.

Article text is untrusted, so it is only ever put into Rich `Text` objects, never parsed as
markup; control characters were removed when it was loaded.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bitereader.models import HIT_END, HIT_START, Article, Feed, Headline


def iso(moment: datetime | None) -> str | None:
    """A time as ISO 8601 in UTC, or None."""
    return None if moment is None else moment.isoformat(timespec="seconds")


def headline_json(headline: Headline) -> dict[str, object]:
    data: dict[str, object] = {
        "id": headline.id,
        "headline": headline.headline,
        "source": headline.source,
        "url": headline.url,
        "published": iso(headline.published),
        "added_at": iso(headline.added_at),
        "read": headline.read,
        "pinned": headline.pinned,
        "pinned_at": iso(headline.pinned_at),
    }
    if headline.snippet is not None:
        data["snippet"] = headline.snippet.replace(HIT_START, "").replace(HIT_END, "")
    return data


def article_json(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "kicker": article.kicker,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "authors": list(article.authors),
        "wire": article.wire,
        "published": iso(article.published),
        "added_at": iso(article.added_at),
        "read": article.read,
        "pinned": article.pinned,
        "pinned_at": iso(article.pinned_at),
        "paragraphs": list(article.paragraphs),
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "kind": q.kind,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
            }
            for q in article.quotes
        ],
        "categories": list(article.categories),
        "links": list(article.links),
    }


def date_label(headline: Headline) -> str:
    moment = headline.published or headline.added_at
    return moment.strftime("%Y-%m-%d")


def headline_table(headlines: list[Headline], *, snippets: bool = False) -> Table:
    """The list and search results as a table: id, marks, date, source, headline."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("id", justify="right", style="dim")
    table.add_column("", width=2, no_wrap=True)
    table.add_column("date", no_wrap=True, style="dim")
    table.add_column("source", no_wrap=True, max_width=24, overflow="ellipsis", style="cyan")
    table.add_column("headline", overflow="fold")
    for item in headlines:
        marks = Text(("●" if not item.read else " ") + ("★" if item.pinned else " "))
        title = Text(item.headline, style="bold" if not item.read else "")
        if snippets and item.snippet:
            title = Text.assemble(title, "\n", snippet_text(item.snippet))
        table.add_row(str(item.id), marks, date_label(item), Text(item.source or ""), title)
    return table


def watch_table(stories: list[tuple[Headline, int]]) -> Table:
    """The watch list: newest pin first, when each was pinned, and how many follow-ups arrived."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("id", justify="right", style="dim")
    table.add_column("pinned", no_wrap=True, style="dim")
    table.add_column("new", justify="right", style="bold green")
    table.add_column("headline", overflow="fold")
    for headline, follow_ups in stories:
        pinned = headline.pinned_at.strftime("%Y-%m-%d %H:%M") if headline.pinned_at else ""
        table.add_row(str(headline.id), pinned, str(follow_ups or ""), Text(headline.headline))
    return table


def snippet_text(snippet: str) -> Text:
    """A search snippet with its hits highlighted."""
    text = Text(style="dim")
    for index, part in enumerate(snippet.replace(HIT_END, HIT_START).split(HIT_START)):
        text.append(part, style="bold yellow not dim" if index % 2 else "")
    return text


def meta_line(article: Article) -> Text:
    """authors · source · date · wire."""
    parts = [
        ", ".join(article.authors),
        article.source or "",
        article.published.strftime("%d %b %Y %H:%M UTC") if article.published else "",
        article.wire or "",
    ]
    return Text(" · ".join(part for part in parts if part), style="dim")


def article_view(article: Article) -> RenderableType:
    """The whole article for `show`: headline, standfirst, meta line, body, captions, quotes."""
    parts: list[RenderableType] = []
    if article.kicker:
        parts.append(Text(article.kicker.upper(), style="bold magenta"))
    parts.append(Text(article.headline, style="bold"))
    if article.standfirst:
        parts.append(Text(article.standfirst, style="italic"))
    parts.append(meta_line(article))
    if article.url:
        parts.append(Text(article.url, style="dim underline"))
    for paragraph in article.paragraphs:
        parts.extend([Text(""), Text(paragraph)])
    if article.captions:
        parts.extend([Text(""), Text("Captions", style="bold underline")])
        for caption in article.captions:
            line = Text("• ").append(caption.text or "(no caption)")
            if caption.credit:
                line.append(f"  [{caption.credit}]", style="dim")
            parts.append(line)
    if article.quotes:
        parts.extend([Text(""), Text("Quotes", style="bold underline")])
        for quote in article.quotes:
            line = Text("“").append(quote.text).append("”")
            speaker = quote.speaker or "unattributed"
            if quote.role:
                speaker += f", {quote.role}"
            line.append(f"  — {speaker}", style="cyan")
            parts.append(line)
    return Group(*parts)


def stats_table(stats: dict[str, int], path: str) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key in ("articles", "unread", "pinned", "sources", "feeds"):
        table.add_row(key, f"{stats[key]:,}")
    table.add_row("size", f"{stats['bytes'] / 1e6:.1f} MB")
    table.add_row("library", Text(path))
    return table


def feed_json(feed: Feed) -> dict[str, object]:
    """A subscription for `feeds --json`."""
    return {
        "id": feed.id,
        "title": feed.title,
        "url": feed.url,
        "site_url": feed.site_url,
        "tags": list(feed.tags),
        "items": feed.item_count,
        "last_refresh": iso(feed.last_refresh),
        "last_status": feed.last_status,
        "last_error": feed.last_error,
        "warning": feed.warning,
        "retry_after": iso(feed.retry_after),
    }


def feeds_table(feeds: list[Feed]) -> Table:
    """Subscriptions: id, title and url, tags, item count, last refresh and its outcome."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("id", justify="right", style="dim")
    table.add_column("feed", overflow="fold")
    table.add_column("tags", style="cyan", overflow="fold")
    table.add_column("items", justify="right")
    table.add_column("refreshed", no_wrap=True, style="dim")
    table.add_column("status", overflow="fold")
    for feed in feeds:
        title = Text(feed.title or feed.url, style="bold")
        if feed.title:
            title.append("\n").append(feed.url, style="dim")
        style = _STATUS_STYLES.get(feed.last_status or "", "dim")
        status = Text(feed.last_status or "never refreshed", style=style)
        if feed.last_error:
            status.append(f": {feed.last_error}")
        elif feed.warning:
            status.append(f" (warning: {feed.warning})", style="yellow")
        refreshed = feed.last_refresh.strftime("%Y-%m-%d %H:%M") if feed.last_refresh else "-"
        tags = Text(", ".join(feed.tags))
        table.add_row(str(feed.id), title, tags, f"{feed.item_count:,}", refreshed, status)
    return table


_STATUS_STYLES = {"updated": "green", "unchanged": "", "failed": "red", "skipped": "yellow"}
