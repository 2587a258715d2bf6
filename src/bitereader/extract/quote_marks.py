"""Pair quotation marks in article paragraphs, telling quote marks from apostrophes.

An article has one primary style: double marks (“…” or "…") with single ones nested inside,
or, in the British manner, single marks (‘…’) with double ones nested. Only primary marks
delimit quotes here; nested marks stay part of the outer quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bitereader.extract.quote_lexicon import ELISIONS
from bitereader.extract.text import offsets_of

Style = Literal["double", "single"]

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‚"
_ANY_MARK = DOUBLE_MARKS + SINGLE_MARKS
_OPENING = "“„«‘‚"
_CLOSING = "”»’"
_OPEN_BEFORE = "([{—–-/\u2012\u2013\u2014\u2015:"
_CLOSE_AFTER = ",.;:!?)]}—–-…/"
_OPEN, _CLOSE, _EITHER = 1, 2, 3

_SINGLE_RE = re.compile(r"['‘’‚]")
# A mark at the start of a text or after a space, bracket or dash. The mark comes first in the
# pattern (and the look-behind after it) so the search can jump from mark to mark.
_SINGLE_OPENER = re.compile(r"['‘](?<![^\s(\[—–-].)(?=[^\W\d_])")
_DOUBLE_OPENER = re.compile(r'["“„«](?<![^\s(\[—–-].)(?=\S)')
_ELISION_RE = re.compile(r"(?:" + "|".join(ELISIONS) + r")\b", re.IGNORECASE)


@dataclass(slots=True)
class MarkSpan:
    """A top-level quotation in one paragraph: the offsets of its marks.

    Treated as immutable, though not frozen: every quote gets one, and a frozen dataclass's
    `__init__` (a guarded setattr per field) cost a quarter of pairing the marks.
    """

    paragraph: int
    open: int
    """Offset of the opening mark."""
    close: int
    """Offset of the closing mark, or the paragraph's length when the quote runs on."""
    runs_on: bool = False
    """The quote is not closed in this paragraph and continues in the next one."""
    carried: bool = False
    """This piece continues a quote opened in an earlier paragraph."""


def choose_style(paragraphs: Sequence[str]) -> Style:
    """Decide whether double or single marks open the article's quotes."""
    # One pass over the whole article: a line break reads as the space before a paragraph.
    text = "\n".join(paragraphs)
    return _style(text, offsets_of(text, _DOUBLE_OPENERS))


_DOUBLE_OPENERS = '"“„«'
"""The double marks `_DOUBLE_OPENER` matches."""


def _style(text: str, marks: list[int]) -> Style:
    """`choose_style` for the joined article `text`, given where its double marks stand (all
    of them, or just its `_DOUBLE_OPENERS`)."""
    # The marks found with str.find, then each checked where it stands: the same count as a
    # search, which would test every character against the marks.
    singles = 0
    for at in offsets_of(text, "'‘"):
        m = _SINGLE_OPENER.match(text, at)
        if m and not _ELISION_RE.match(text, m.end()):
            singles += 1
    if not singles:
        # No count of double openers makes the single style win: most articles (all of a
        # short feed item's that quote in double marks) need not count them.
        return "double"
    doubles = 0
    for at in marks:  # (a loop, not sum() over a generator, which costs more than the count)
        if text[at] in _DOUBLE_OPENERS and _DOUBLE_OPENER.match(text, at):
            doubles += 1
    return "single" if singles > doubles else "double"


def article_spans(paragraphs: Sequence[str]) -> list[list[MarkSpan]]:
    """`find_spans(paragraphs, choose_style(paragraphs))`, finding the double marks once."""
    text = "\n".join(paragraphs)
    marks = offsets_of(text, DOUBLE_MARKS)
    if _style(text, marks) == "single":
        return find_spans(paragraphs, "single")
    return _double_spans(paragraphs, marks)


def _neighbours(text: str, i: int) -> tuple[str, str]:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev, nxt


def _classify_double(text: str, i: int) -> int:
    prev, nxt = _neighbours(text, i)
    opens = prev.isspace() or prev in _OPEN_BEFORE or prev in _ANY_MARK
    closes = nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _ANY_MARK
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    ch = text[i]
    if ch in _OPENING:
        return _OPEN
    if ch in _CLOSING:
        return _CLOSE
    return _EITHER


def _classify_single(text: str, i: int) -> int | None:
    """Classify a single mark, or None when it is an apostrophe."""
    prev, nxt = _neighbours(text, i)
    if prev.isalnum() and nxt.isalnum():
        return None  # don't, Trump’s, O'Connell
    opens = prev.isspace() or prev in _OPEN_BEFORE or prev in DOUBLE_MARKS
    closes = nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE_MARKS
    if opens and not closes:
        if nxt.isdigit() or _ELISION_RE.match(text, i + 1):
            return None  # ’90s, ’em
        return _OPEN
    if closes and not opens:
        return _CLOSE
    if opens and closes:
        return _EITHER
    return None


def _possessive_like(text: str, i: int) -> bool:
    """True for a mark after a plural like "players’ fault": probably not a closing quote."""
    prev, nxt = _neighbours(text, i)
    if prev not in "sS" or not nxt.isspace():
        return False
    after = text[i + 2 : i + 3]
    return bool(after) and after.islower()


def _pair_double(text: str, marks: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Pair double marks (at `marks`, in order) with a stack so nested pairs stay inside the
    outer quote."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for i in marks:
        kind = _classify_double(text, i)
        if kind == _OPEN or (kind == _EITHER and not stack):
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i))
    if len(stack) > 1:
        # Marks that do not nest cleanly (a stray or mistyped mark): pair them in sequence.
        flat = [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
        return flat, ([marks[-1]] if len(marks) % 2 else [])
    return pairs, stack


def _pair_single(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Pair single marks one level deep, skipping apostrophes and plural possessives."""
    marks = [(m.start(), _classify_single(text, m.start())) for m in _SINGLE_RE.finditer(text)]
    marks = [(i, k) for i, k in marks if k is not None]
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    skipped: int | None = None
    for i, kind in marks:
        if open_at is None:
            if kind in (_OPEN, _EITHER):
                open_at, skipped = i, None
            continue
        if kind == _OPEN:
            continue
        if _possessive_like(text, i):
            skipped = skipped if skipped is not None else i
            continue
        pairs.append((open_at, i))
        open_at = None
    if open_at is not None and skipped is not None:
        pairs.append((open_at, skipped))
        open_at = None
    return pairs, ([open_at] if open_at is not None else [])


def _starts_with_opener(text: str, style: Style) -> int | None:
    """Offset of a quote mark that opens the paragraph, if one does."""
    stripped = len(text) - len(text.lstrip())
    if stripped >= len(text):
        return None
    ch = text[stripped]
    if style == "double" and ch in DOUBLE_MARKS and _classify_double(text, stripped) != _CLOSE:
        return stripped
    if style == "single" and ch in SINGLE_MARKS and _classify_single(text, stripped) == _OPEN:
        return stripped
    return None


def find_spans(paragraphs: Sequence[str], style: Style) -> list[list[MarkSpan]]:
    """Top-level quote spans per paragraph, following quotes that run over paragraph breaks.

    A quote runs on when a paragraph ends with it still open and the next paragraph opens
    with a quote mark (the newspaper convention for a long quotation).
    """
    if style == "double":
        return _double_spans(paragraphs, offsets_of("\n".join(paragraphs), DOUBLE_MARKS))
    return _spans(paragraphs, style, [_pair_single(text) for text in paragraphs])


def _double_spans(paragraphs: Sequence[str], marks: list[int]) -> list[list[MarkSpan]]:
    """`find_spans` in the double style, given where the double marks stand in the paragraphs
    joined by line breaks.

    The marks are found in one pass over the article rather than six str.find calls per
    paragraph: a mark is one character and never a line break, so each lies in one paragraph.
    """
    pairings: list[tuple[list[tuple[int, int]], list[int]]] = []
    k = 0
    base = 0  # where the paragraph starts in the joined text
    for text in paragraphs:
        end = base + len(text)
        j = k
        while j < len(marks) and marks[j] < end:
            j += 1
        if j > k:
            pairings.append(_pair_double(text, [at - base for at in marks[k:j]]))
        else:
            pairings.append(([], []))  # no mark: what pairing none gives
        k, base = j, end + 1
    return _spans(paragraphs, "double", pairings)


def _spans(
    paragraphs: Sequence[str],
    style: Style,
    pairings: list[tuple[list[tuple[int, int]], list[int]]],
) -> list[list[MarkSpan]]:
    """`find_spans` given each paragraph's paired marks and the marks left open."""
    result: list[list[MarkSpan]] = []
    carried = False
    for index, text in enumerate(paragraphs):
        pairs, left_open = pairings[index]
        spans = [MarkSpan(index, a, b) for a, b in pairs]
        if carried and spans and spans[0].open == _starts_with_opener(text, style):
            spans[0] = MarkSpan(index, spans[0].open, spans[0].close, carried=True)
        carried_here = carried
        carried = False
        if left_open:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            start = left_open[0]
            if _starts_with_opener(nxt, style) is not None and (not pairs or start > pairs[-1][1]):
                opened_here = start == _starts_with_opener(text, style)
                spans.append(
                    MarkSpan(
                        index,
                        start,
                        len(text),
                        runs_on=True,
                        carried=carried_here and opened_here and not pairs,
                    )
                )
                carried = True
        result.append(spans)
    return result
