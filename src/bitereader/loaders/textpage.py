"""Saved plain-text and Markdown article pages → Article.

A saved page is what a person gets by copying an article's text out of a browser: a kicker and a
headline, maybe a standfirst and byline, captions printed once or twice with their photo credits,
the body, a wire credit, then site furniture (comment prompts, share buttons) and perhaps an
`Original URL:` line. None of it is marked up, so each line is classified by its shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from statistics import median
from urllib.parse import urlsplit

from dateutil import parser as dateparser

from bitereader.errors import LoadError
from bitereader.extract.captions import fold_repeats, split_credit
from bitereader.extract.quotes import extract_quotes
from bitereader.extract.text import clean_line, decode_text, split_lines, word_count
from bitereader.models import Article, Caption

_URL_LINE = re.compile(
    r"^(?:original url|canonical url|source url|url|source|link|saved from)\s*:\s*"
    r"<?(?P<url>https?://\S+?)>?$",
    re.IGNORECASE,
)
# Furniture that may run to a short sentence ("To join the conversation, please log in").
_FURNITURE_PHRASE = re.compile(
    r"^(?:add your comment|to join the conversation|join the conversation|don'?t have an account"
    r"|you are commenting as|already a subscriber|subscribe (?:to|now|today)|sign up (?:to|for)"
    r"|sign in to|log in to|read more\b|read next\b|advertisement\b|skip to\b|follow us\b"
    r"|share this\b|share on\b|listen to this article|we use cookies|copy link|more from\b"
    r"|recommended for you|most (?:read|popular)\b|related (?:articles|stories|coverage)"
    r"|related:|comments? \(\d+\)|\d+ comments?$|view comments|show comments|print article"
    r"|email article|save article|gift (?:this )?article|this article was (?:first )?published)",
    re.IGNORECASE,
)
# Single-word buttons and menu items: only furniture when they stand alone.
_FURNITURE_WORD = re.compile(
    r"^(?:share|register|log ?in|log ?out|sign ?in|sign ?out|sign up|subscribe|print|email"
    r"|comments?|save|menu|search|home|close|facebook|twitter|x|linkedin|whatsapp|reddit"
    r"|copy|back to top|advertisement|ad|top)[.!]?$",
    re.IGNORECASE,
)
_WIRES = (
    "Dow Jones Newswires|Dow Jones|Reuters|Thomson Reuters|AFP|Agence France-Presse|AP"
    "|Associated Press|The Associated Press|Bloomberg|Bloomberg News|AAP|PA|PA Media|dpa"
    "|Xinhua|UPI|Kyodo|Kyodo News|ANI|PTI|EFE|ANSA|Yonhap|NYT|The New York Times|Agencies"
)
_WIRE_LINE = re.compile(
    rf"^(?:[—–-]+\s*|©\s*(?:\d{{4}}\s*)?|copyright\s*(?:\d{{4}}\s*)?)?\(?(?P<wire>{_WIRES})\)?"
    r"(?:\s*,?\s*\d{4})?\.?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|words by|written by)\s+(?P<names>[A-Z][^.!?]{1,100})$", re.IGNORECASE)
_DATE_PREFIX = re.compile(
    r"^(?:published|updated|posted|last updated|first published)(?: on| at)?\s*:?\s*", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A lede that opens with a dateline ("WASHINGTON —", "LONDON (Reuters) -") is body, never a
# standfirst.
_DATELINE_LEDE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]\s")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
_MD_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(
    r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))"
)
_MD_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*$")
_MD_BLOCK_PREFIX = re.compile(r"^(?:>\s?|[-*+]\s+|\d+\.\s+)+")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_SETEXT = re.compile(r"^(?:=+|-+)$")

KICKER_MAX_WORDS = 4
HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 45
STANDFIRST_UNMARKED_MAX_WORDS = 35


@dataclass
class _Item:
    """One paragraph-sized piece of the page, on its way to being classified."""

    text: str
    repeats: int = 1
    heading_level: int = 0
    image: bool = False

    @cached_property
    def caption(self) -> Caption | None:
        """The item read as a caption with a credit (computed once: it is asked several times)."""
        return split_credit(self.text)

    @property
    def credit_only(self) -> bool:
        return self.caption is not None and not self.caption.text


@dataclass
class _Page:
    """What has been read off the page so far."""

    headline: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    url: str | None = None
    wire: str | None = None
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)


def load_text_page(data: bytes, *, markdown: bool = False) -> Article:
    """Turn the bytes of a saved text or Markdown page into an Article.

    Raises:
        LoadError: the bytes are empty, binary, or hold no headline and body.
    """
    text = decode_text(data)
    page = _Page()
    lines = [line for line in split_lines(text) if not _take_url(line, page)]
    items = _markdown_items(lines) if markdown else _text_items(lines)
    items = _drop_furniture(items, page)
    body = _read_head(items, page)
    _read_body(body, page)
    if not page.headline:
        raise LoadError("no headline found")
    if not page.paragraphs:
        raise LoadError("no article text found")
    paragraphs = tuple(page.paragraphs)
    return Article(
        headline=page.headline,
        paragraphs=paragraphs,
        url=page.url,
        source=site_name(page.url),
        kicker=page.kicker,
        standfirst=page.standfirst,
        authors=tuple(page.authors),
        wire=page.wire,
        published=page.published,
        captions=tuple(page.captions),
        quotes=extract_quotes(paragraphs),
    )


def site_name(url: str | None) -> str | None:
    """The site a url belongs to, as people write it: `www.example.com/x` → `example.com`."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _take_url(line: str, page: _Page) -> bool:
    match = _URL_LINE.match(line)
    if match and page.url is None:
        page.url = match["url"]
    return match is not None


def _blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _text_items(lines: list[str]) -> list[_Item]:
    parts: list[str] = []
    for block in _blocks(lines):
        parts.extend([" ".join(block)] if _is_hard_wrapped(block) else block)
    # A caption printed twice may sit in one block or straddle a blank line: fold both.
    return [_Item(text, repeats) for text, repeats in fold_repeats(parts)]


def _is_hard_wrapped(block: list[str]) -> bool:
    """Was this block one paragraph broken into lines of similar width (as in e-mail)?"""
    if len(block) < 2 or len(set(block)) < len(block):
        return False
    body = block[:-1]
    widths_alike = all(40 <= len(line) <= 100 for line in body)
    open_ended = sum(1 for line in body if not _SENTENCE_END.search(line))
    return widths_alike and open_ended >= 0.7 * len(body)


def _fold_item_repeats(items: list[_Item]) -> list[_Item]:
    """Fold a Markdown item repeated across a block break (caption, blank line, caption)."""
    folded: list[_Item] = []
    for item in items:
        if folded and folded[-1].text == item.text:
            folded[-1].repeats += item.repeats
        else:
            folded.append(item)
    return folded


def _markdown_items(lines: list[str]) -> list[_Item]:
    items: list[_Item] = []
    for index, line in enumerate(lines):
        # Setext headings: a title underlined with === or ---.
        if _MD_SETEXT.match(line) and index and lines[index - 1] and items:
            items[-1].heading_level = 1 if line.startswith("=") else 2
            continue
        if _MD_RULE.match(line):
            lines[index] = ""
    for block in _blocks(lines):
        paragraph: list[str] = []
        for line in block:
            if _MD_SETEXT.match(line):
                continue
            heading = _MD_HEADING.match(line)
            image = _MD_IMAGE.match(line)
            if heading or image or _MD_BLOCK_PREFIX.match(line):
                _flush_markdown(paragraph, items)
            if heading:
                items.append(_Item(_strip_markdown(heading["text"]), 1, len(heading["level"])))
            elif image:
                if image["alt"].strip():
                    items.append(_Item(clean_line(image["alt"]), image=True))
            else:
                paragraph.append(_strip_markdown(_MD_BLOCK_PREFIX.sub("", line)))
                if _MD_BLOCK_PREFIX.match(line):
                    _flush_markdown(paragraph, items)
        _flush_markdown(paragraph, items)
    return _fold_item_repeats(items)


def _flush_markdown(paragraph: list[str], items: list[_Item]) -> None:
    text = clean_line(" ".join(paragraph))
    if text:
        items.append(_Item(text))
    paragraph.clear()


def _strip_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return clean_line(_MD_EMPHASIS.sub("", text))


def _drop_furniture(items: list[_Item], page: _Page) -> list[_Item]:
    """Remove site furniture, and take the wire credit; whatever follows the wire is furniture."""
    kept: list[_Item] = []
    for index, item in enumerate(items):
        wire = _WIRE_LINE.match(item.text)
        if wire and index > 2 and _only_furniture_after(items, index):
            page.wire = wire["wire"]
            break
        if not _is_furniture(item.text):
            kept.append(item)
    return kept


def _only_furniture_after(items: list[_Item], index: int) -> bool:
    rest = items[index + 1 :]
    return all(_is_furniture(item.text) or word_count(item.text) <= 12 for item in rest)


def _is_furniture(text: str) -> bool:
    if word_count(text) <= 3 and _FURNITURE_WORD.match(text):
        return True
    return word_count(text) <= 20 and bool(_FURNITURE_PHRASE.match(text))


def _read_head(items: list[_Item], page: _Page) -> list[_Item]:
    """Take kicker, headline, dateline, byline and standfirst off the top; return the rest."""
    position = _headline_position(items)
    if position is None:
        return []
    before, page.headline = items[:position], items[position].text
    if before and _is_kicker(before[-1].text):
        page.kicker = before[-1].text
    rest = items[position + 1 :]
    rest = _take_meta_lines(rest, page)
    if rest and _is_standfirst(rest, dated=page.published is not None):
        page.standfirst = rest[0].text
        rest = _take_meta_lines(rest[1:], page)
    return rest


def _headline_position(items: list[_Item]) -> int | None:
    """The headline is a Markdown title if there is one, else the first line after a kicker."""
    for index, item in enumerate(items):
        if item.heading_level == 1:
            return index
    candidates = (
        index
        for index, item in enumerate(items)
        if not item.image and item.caption is None and not _parse_date(item.text)
    )
    first = next(candidates, None)
    if first is None:
        return None
    second = next(candidates, None)
    if (
        second == first + 1
        and _is_kicker(items[first].text)
        and _is_headline_like(items[second].text, longer_than=items[first].text)
    ):
        return second
    return first


def _is_headline_like(text: str, *, longer_than: str) -> bool:
    """Headlines are longer than a kicker, short of a paragraph, and rarely end in a full stop."""
    words = word_count(text)
    return word_count(longer_than) < words <= HEADLINE_MAX_WORDS and not text.endswith(".")


def _is_kicker(text: str) -> bool:
    return (
        word_count(text) <= KICKER_MAX_WORDS
        and len(text) <= 40
        and not _SENTENCE_END.search(text)
        and not _parse_date(text)
    )


def _take_meta_lines(items: list[_Item], page: _Page) -> list[_Item]:
    """Consume byline and date lines that sit between the headline and the body."""
    while items:
        text = items[0].text
        if (date := _parse_date(text)) is not None:
            page.published = page.published or date
        elif (byline := _BYLINE.match(text)) and word_count(text) <= 12:
            page.authors.extend(_split_names(byline["names"]))
        else:
            break
        items = items[1:]
    return items


def _split_names(names: str) -> list[str]:
    names = re.split(r"\s*(?:[|·]|\bfor\b|\bin\b).*$", names)[0]
    return [name.strip() for name in re.split(r",\s*|\s+and\s+|\s*&\s*", names) if name.strip()]


def _parse_date(text: str) -> datetime | None:
    """Read a line that is only a date ("Monday, January 7, 2019", "Published 2024-03-01")."""
    if word_count(text) > 8 or not _YEAR.search(text):
        return None
    candidate = _DATE_PREFIX.sub("", text)
    try:
        parsed = dateparser.parse(candidate, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _is_standfirst(items: list[_Item], *, dated: bool) -> bool:
    """Is the first item a standfirst (a summary under the headline) rather than the lede?

    Sites print the standfirst next to the lead picture, byline or date; without one of those
    a short first paragraph is only taken for a standfirst when it is far shorter than the body
    and no dateline stood above it (a dateline is followed by the lede).
    """
    first, rest = items[0], items[1:]
    words = word_count(first.text)
    if not rest or words > STANDFIRST_MAX_WORDS or first.image or first.repeats > 1:
        return False
    if first.caption:
        return False
    if _DATELINE_LEDE.match(first.text) or first.text[:1] in "\"“‘'":
        return False
    following = rest[0]
    if following.repeats > 1 or following.image or following.caption:
        return True
    if _BYLINE.match(following.text) or _parse_date(following.text):
        return True
    if dated or len(rest) < 2 or words > STANDFIRST_UNMARKED_MAX_WORDS:
        return False
    return words < 0.4 * median(word_count(item.text) for item in rest[:3])


def _read_body(items: list[_Item], page: _Page) -> None:
    """Sort the remaining items into body paragraphs and captions."""
    for index, item in enumerate(items):
        caption = item.caption
        if caption is not None and not caption.text:
            _attach_credit(page, caption.credit)
            continue
        if caption is None and (item.repeats > 1 or item.image or _credit_follows(items, index)):
            caption = Caption(text=item.text)
        if caption is not None:
            page.captions.append(
                Caption(caption.text, caption.credit, paragraph=len(page.paragraphs))
            )
        else:
            page.paragraphs.append(item.text)


def _credit_follows(items: list[_Item], index: int) -> bool:
    """A short line followed by a bare credit ("Photo: Reuters") is that picture's caption."""
    following = items[index + 1] if index + 1 < len(items) else None
    return following is not None and word_count(items[index].text) <= 60 and following.credit_only


def _attach_credit(page: _Page, credit: str | None) -> None:
    if page.captions and page.captions[-1].credit is None:
        last = page.captions[-1]
        page.captions[-1] = Caption(last.text, credit, last.paragraph)
