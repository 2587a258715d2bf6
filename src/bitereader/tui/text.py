"""Helpers that turn untrusted article text and times into safe, plain display text."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from bitereader.models import HIT_END, HIT_START

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Show any control character as its Unicode picture so it can never reach the terminal.

    The loaders already drop control characters; this guards articles stored by other means.
    """
    return _CONTROL.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def plain(text: str | None, style: str = "") -> Text:
    """Untrusted text as a Rich Text: never parsed as markup, control characters shown."""
    return Text(visible(text or ""), style=style)


def fit(text: str, width: int) -> str:
    """Cut or pad `text` to exactly `width` cells, ending a cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def snippet_text(snippet: str, hit_style: str) -> Text:
    """A search snippet with its hits (between HIT_START and HIT_END) styled."""
    text = Text()
    for index, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        text.append(visible(part.replace("\n", " ")), style=hit_style if index % 2 else "")
    return text


def age(moment: datetime | None, now: datetime) -> str:
    """A short relative time ("5m", "3h", "2d", "Mar 4", "2019") for a headline row."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 30 * 86400:
        return f"{int(seconds // 86400)}d"
    if moment.year == now.year or seconds < 300 * 86400:
        return moment.strftime("%b %-d")
    return str(moment.year)


def long_date(moment: datetime | None) -> str:
    """A date for the article's meta line."""
    return "" if moment is None else moment.strftime("%-d %B %Y")
