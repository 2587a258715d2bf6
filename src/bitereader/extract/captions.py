"""Find figure captions and their photo credits in article text."""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from typing import Any

from bitereader.extract.text import clean_line, is_printable, offsets_of
from bitereader.models import Caption

# Labels that introduce a credit at the end of a caption line ("Photo: Name", "Photo by Name").
# "Credit" and the rest are only taken when what follows is short and looks like a name, which
# _looks_like_credit checks: "Credit: the bank raised its credit line" is a sentence.
_LABELLED = re.compile(
    r"^(?P<text>.*?)[\s;,|–—-]*\b(?P<label>Pictures?|Photo(?:graph)?s?|Images?|Credit|"
    r"Photo credit|Image credit|Source|Illustration|Video)(?:\s*:|(?P<by>\s+by\b))\s*"
    r"(?P<credit>[^:]{2,90}?)[\s.]*$",
    re.IGNORECASE,
)
# (AP Photo/Name), (Reuters/Name), (Name / Outlet), (Name/Getty Images)
_PARENTHESISED = re.compile(
    r"^(?P<text>.*?)\s*\((?P<credit>(?:[A-Z][\w.&' -]*\s)?Photos?\s*/[^()]{2,80}"
    r"|[^()]{2,60}?\s/\s[^()]{2,60}|[^()]{2,60}/(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock)"
    r"[^()]{0,40})\)[\s.]*$"
)
# (Photo: Name), (Picture by Name), (Credit: Agency)
_PARENTHESISED_LABEL = re.compile(
    r"^(?P<text>.*?)\s*\((?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Photo credit)"
    r"(?:\s*:|\s+by\b)\s*(?P<credit>[^()]{2,80}?)\s*\)[\s.]*$",
    re.IGNORECASE,
)
# (Reuters: Name), (ABC News: Name): an outlet and a photographer, both capitalised names.
_OUTLET_COLON = re.compile(
    r"^(?P<text>.*?)\s*\((?P<credit>(?:[A-Z][\w.&'’-]*\s?){1,4}:\s*"
    r"(?:(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin)\s?){1,5})\)[\s.]*$"
)
# "... Texas. Name Surname/Getty Images" or "Name/Agency" after the caption's last sentence.
_SLASHED = re.compile(
    r"^(?P<text>.*?[.!?’”])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s?){1,5}/\s?"
    r"(?:[A-Z][\w.&'’-]*\s?){1,5})$"
)
# "... Texas. Name Surname/AFP via Getty Images", "(Getty Images)", "Getty Images for Chanel".
_GETTY = re.compile(
    r"^(?P<text>.*?[.!?’”)]?)\s*\(?(?P<credit>(?:[A-Z][\w.'’/-]*\s?){0,6}"
    r"(?:via\s)?Getty Images(?:\sfor\s(?:[A-Z][\w.&'’-]*\s?){1,5})?)\)?[\s.]*$"
)
# "... at dusk. © Jane Doe", "© 2024 Reuters"
_COPYRIGHT = re.compile(r"^(?P<text>.*?)\s*©\s*(?:(?:19|20)\d\d\s+)?(?P<credit>[^©]{2,80}?)[\s.]*$")
_PATTERNS = (
    _LABELLED,
    _PARENTHESISED_LABEL,
    _PARENTHESISED,
    _OUTLET_COLON,
    _SLASHED,
    _GETTY,
    _COPYRIGHT,
)
CREDIT_MAX_CHARS = 130
"""A credit and its label fit in this many characters at the end of a caption."""
# Every pattern above needs one of these near the end of the line; most body paragraphs have
# none, and skipping them keeps split_credit cheap enough to ask of every line of every page.
_CREDIT_HINT = re.compile(
    r"[/©]|\)[\s.]*$|Getty|\b(?:Pictures?|Photo(?:graph)?s?|Images?|Credit|Source|Illustration"
    r"|Video)\b",
    re.IGNORECASE,
)
_LABEL_STEMS = ("pictur", "photo", "image", "credit", "source", "illustration", "video")
"""Lower-case stems of the label words: every case-blind match of one starts with a stem."""
_CASE_FOLDS_TO_HINT = re.compile("[\u0130\u0131\u017f]")
"""The only non-ASCII characters a case-blind match equates with a letter of those words
(İ and ı with i, ſ with s), which `str.lower` does not turn into them."""
_TRAILER = re.compile(r"[\s.]*")
_SEPARATORS = ";,|–—-"
"""`_LABELLED`'s separators besides whitespace: `[\\s;,|–—-]` is these or `str.isspace`."""


def _folds_oddly(text: str) -> bool:
    """Does `text` hold a character that `str.lower` would hide from a case-blind match?"""
    return not text.isascii() and _CASE_FOLDS_TO_HINT.search(text) is not None


def _credit_hint(line: str) -> bool:
    """Does the end of `line` hold something every credit form needs (`_CREDIT_HINT`)?"""
    pos = max(0, len(line) - CREDIT_MAX_CHARS)
    tail = line[pos:]
    # The case-blind search tries every position, which costs microseconds a line; plain
    # substring tests settle most tails exactly, and the search runs only from the first
    # place a label word could start.
    if "/" in tail or "©" in tail:
        return True
    # `\)[\s.]*$` can only match at the last ")".
    if ")" in tail and _TRAILER.fullmatch(tail, tail.rfind(")") + 1):
        return True
    if _folds_oddly(tail):
        return _CREDIT_HINT.search(line, pos) is not None
    low = tail.lower()
    if "getty" in low:
        return True
    # `_LABEL_STEMS` spelled out: on the many lines holding none, plain `in` tests cost a tenth
    # less of splitting captions than finding the stems' offsets.
    if not (
        "photo" in low
        or "image" in low
        or "credit" in low
        or "source" in low
        or "video" in low
        or "pictur" in low
        or "illustration" in low
    ):
        return False
    return _CREDIT_HINT.search(line, pos + offsets_of(low, _LABEL_STEMS)[0]) is not None


_LABEL_CUE = re.compile(
    r"(?:picture|photo(?:graph)?|image|credit|source|illustration|video)s?(?:\s+credit)?"
    r"\s*(?::|by\b)",
    re.I,
)


def _label_cue(tail: str) -> bool:
    """`_LABEL_CUE.search(tail)`, with exact substring tests ruling out most tails first."""
    if _folds_oddly(tail):
        return _LABEL_CUE.search(tail) is not None
    low = tail.lower()
    if ":" not in tail and "by" not in low:
        return False
    starts = offsets_of(low, _LABEL_STEMS)
    return bool(starts) and _LABEL_CUE.search(tail, starts[0]) is not None


_CUED_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[str], object]], ...] = (
    (_LABELLED, _label_cue),
    (_PARENTHESISED_LABEL, lambda tail: ")" in tail and _label_cue(tail)),
    (_PARENTHESISED, lambda tail: ")" in tail and "/" in tail),
    (_OUTLET_COLON, lambda tail: ")" in tail and ":" in tail),
    (_SLASHED, lambda tail: "/" in tail),
    (_GETTY, lambda tail: "Getty Images" in tail),
    (_COPYRIGHT, lambda tail: "©" in tail),
)
"""`_PATTERNS` in order, each with its cue. Pairs, not a dict keyed by pattern: hashing a
compiled pattern hashes its whole program, which cost more than the rest of a split."""

# `_LABELLED` from its label on. Its lazy caption group made the engine try the label at every
# position of the line; `_match_labelled` tries this only where a label word starts.
#
# The credit is spelled greedily. `_LABELLED`'s lazy `[^:]{2,90}?` tried the trailing `[\s.]*$`
# after each character of the credit (most of a caption split's cost); what it finds is the
# text up to the last character that is neither a space nor a dot (of 2 to 90 characters, with
# no colon), or the first two characters where fewer stand before that trailing run. The first
# branch finds the former, backing off from the end only over that trailing run; the second,
# tried when it fails, finds the latter (and nothing else: with two or more characters before
# the run, it would leave one of them for `[\s.]*`).
_LABELLED_FROM_LABEL = re.compile(
    r"\b(?P<label>Pictures?|Photo(?:graph)?s?|Images?|Credit|"
    r"Photo credit|Image credit|Source|Illustration|Video)(?:\s*:|(?P<by>\s+by\b))\s*"
    r"(?P<credit>[^:]{1,89}[^:\s.]|[^:]{2})[\s.]*$",
    re.IGNORECASE,
)


def _match_labelled(line: str) -> tuple[str, re.Match[str]] | None:
    """`_LABELLED.match(line)` as (its caption text, a match holding the rest), found cheaply.

    The caption group ends where the run of separators before some label starts, and a
    label's match is the same whichever point of that run the caption stopped at; the shortest
    caption so belongs to the first label position that matches. The caption group (`.*?`)
    cannot hold a line break.
    """
    if _folds_oddly(line):
        match = _LABELLED.match(line)
        return (match["text"], match) if match else None
    return _match_labelled_at(line, offsets_of(line.lower(), _LABEL_STEMS))


def _cued_labelled(line: str, tail: str) -> tuple[str, re.Match[str]] | None:
    """`_match_labelled(line)` when `_label_cue(tail)` holds, else None (`tail` ends `line`),
    with one search for the label words serving both.

    Lower-casing keeps every character's place in text that does not fold oddly (only "İ"
    lower-cases to two characters), so the words the cue looks for in the tail are those
    found in the line from where the tail starts.
    """
    if _folds_oddly(line):
        return _match_labelled(line) if _label_cue(tail) else None
    low = line.lower()
    base = len(line) - len(tail)
    if ":" not in tail and "by" not in low[base:]:
        return None
    starts = offsets_of(low, _LABEL_STEMS)
    for start in starts:
        if start >= base:
            if _LABEL_CUE.search(tail, start - base) is None:
                return None
            return _match_labelled_at(line, starts)
    return None


def _match_labelled_at(line: str, starts: list[int]) -> tuple[str, re.Match[str]] | None:
    """`_match_labelled`, given where the label words start in `line`."""
    limit = line.find("\n")
    if limit < 0:
        limit = len(line)
    for start in starts:
        end = start
        while end and (line[end - 1] in _SEPARATORS or line[end - 1].isspace()):
            end -= 1
        if end > limit:
            # Later labels' separator runs start later still.
            return None
        if match := _LABELLED_FROM_LABEL.match(line, start):
            return line[:end], match
    return None


def _match_plain(pattern: re.Pattern[str], line: str) -> tuple[str, re.Match[str]] | None:
    match = pattern.match(line)
    return (match["text"], match) if match else None


_BOUNDARY = re.compile(r"[.!?’”)\]|–—-]$")
_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w.&'’/-]*|/|via|for|de|van|von|da|al|bin|and|&)$")
_CREDIT_WORD = re.compile(r"^[A-Z0-9(©]")
"""What a credit may start with: a capital or digit (ASCII), a bracket or a © sign."""
_CREDIT_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789(©")
"""The characters `_CREDIT_WORD` matches, for a set lookup (tests hold the two equal)."""


def new_caption(text: str, credit: str | None, paragraph: int | None) -> Caption:
    """`Caption(text, credit, paragraph)`, for a tenth of the cost.

    A frozen dataclass's __init__ sets each field through object.__setattr__, in Python
    (some 6,000 instructions a caption); Caption's does nothing else, so its fields' own
    descriptors set them here (a test checks that the two make equal captions).
    """
    caption = _new_object(Caption)
    _set_text(caption, text)
    _set_credit(caption, credit)
    _set_paragraph(caption, paragraph)
    return caption


_new_object = object.__new__
_set_text = Caption.__dict__["text"].__set__
_set_credit = Caption.__dict__["credit"].__set__
_set_paragraph = Caption.__dict__["paragraph"].__set__


def split_credit(line: str) -> Caption | None:
    """Read `line` as a caption that ends in a photo credit, or return None.

    Recognises `Picture:`, `Photo:`, `Photograph:`, `Image:` and `Credit:` labels (and `Photo
    by`), `(AP Photo/…)`, `(Photo: …)`, `(Name / Outlet)`, `(Outlet: Name)` and
    `Name/Getty Images` endings. A label followed by a sentence rather than a name is not a
    credit.
    """
    split = _split(line)
    return Caption(text=split[0], credit=split[1]) if split is not None else None


def _split(line: str) -> tuple[str, str] | None:
    """`split_credit` as (text, credit), for callers that build their own `Caption`."""
    if len(line) > 600 or not _credit_hint(line):
        return None
    tail = line[-CREDIT_MAX_CHARS:]
    for pattern, cue in _CUED_PATTERNS:
        # Each form has its own cue in the tail; checking it first keeps the slower full match
        # (its lazy caption group) off lines that cannot end in that form. The labelled form's
        # cue and match share one search for label words.
        if pattern is _LABELLED:
            found = _cued_labelled(line, tail)
        elif cue(tail):
            found = _match_plain(pattern, line)
        else:
            continue
        if found is None:
            continue
        caption, match = found
        if _looks_like_credit(match["credit"]):
            if pattern is _LABELLED and match["by"] and not _is_name(match["credit"]):
                continue
            text = caption.strip()
            if pattern is _LABELLED and text.endswith(("(", "[")):
                continue
            # Whether the form needs a boundary is asked first: it is a test or two, where the
            # search for one tries every position of the text.
            if text and _needs_boundary(pattern, match) and not _BOUNDARY.search(text):
                # "The Picture by Monet was sold", "bought by Getty Images": a sentence.
                continue
            return text, match["credit"].strip()
    return None


def _needs_boundary(pattern: re.Pattern[str], match: re.Match[str]) -> bool:
    """Credits that read like the end of a sentence must follow a caption's full stop."""
    if pattern is _GETTY:
        return match.string[match.start("credit") - 1 : match.start("credit")] != "("
    return bool(pattern is _LABELLED and match["by"])


def _is_name(credit: str) -> bool:
    return all(_NAME_WORD.match(word) for word in credit.replace("/", " / ").split())


def _looks_like_credit(credit: str) -> bool:
    """A credit is a name or agency: short, capitalised, not a sentence."""
    credit = credit.strip()
    words = credit.split()
    # A set lookup of its first character: matching a pattern cost more than the rest.
    if not 0 < len(words) <= 10 or credit[0] not in _CREDIT_FIRST:
        return False
    # A loop, not sum() over a generator, which costs more than the counting.
    lowercase = 0
    for word in words:
        if word[0].islower():
            lowercase += 1
    return lowercase <= 2


def is_credit_only(line: str) -> bool:
    """Is `line` nothing but a credit, such as "Photo: Reuters" printed under a caption?"""
    caption = split_credit(line)
    return caption is not None and not caption.text


def fold_repeats(lines: list[str]) -> list[tuple[str, int]]:
    """Collapse runs of identical lines, returning each line with how often it appeared.

    Saved pages often print a caption twice (once for the image, once as its alt text); a line
    that repeats is almost never body text.
    """
    folded: list[tuple[str, int]] = []
    for line in lines:
        if folded and folded[-1][0] == line:
            folded[-1] = (line, folded[-1][1] + 1)
        else:
            folded.append((line, 1))
    return folded


# ---- HTML: figures, caption blocks, credit spans and image alt text --------------------------

# Class names that mark a credit inside a figure ("credit", "photo-credit", "byline", ...).
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|attribution|photographer", re.I)
# Class names that mark a caption block outside <figcaption> (WordPress's "wp-caption-text",
# "image-caption", "article__caption"), but not "captioned-video" wrappers.
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:fig)?caption(?:$|[\s_-]|text)", re.I)
_FIGURE_CLASS = re.compile(r"(?:^|\s)wp-caption(?:$|\s)|(?:^|[\s_-])figure(?:$|\s)", re.I)
_CREDIT_TAGS = frozenset({"small", "cite"})
_CAPTION_CLASS_TAGS = frozenset({"p", "div", "span"})
"""The tags (lower case) whose class can name an element a caption block."""
_CREDIT_CLASS_TAGS = frozenset({"span", "p", "div", "small", "em"})
"""The tags (lower case) whose class can name an element a credit."""
_CREDIT_LABEL = re.compile(
    r"^(?:photo(?:graph)?s?\s*credit|photo(?:graph)?s?|pictures?|images?|credit|source"
    r"|illustration|copyright|©|\(c\))(?:\s*[:©]|\s+by\b)?\s*(?:(?:19|20)\d\d\b\s*)?",
    re.I,
)
_GENERIC_ALT = frozenset(
    {
        "image",
        "img",
        "photo",
        "picture",
        "pic",
        "figure",
        "thumbnail",
        "logo",
        "icon",
        "spacer",
        "placeholder",
        "graphic",
        "banner",
        "avatar",
        "illustration",
        "untitled",
        "null",
        "none",
    }
)
_FILENAME_ALT = re.compile(
    r"^[\w.~%+-]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$|^(?:IMG|DSC|DSCN|P)[_-]?\d+",
    re.I,
)
_SPACE = re.compile(r"\s+")


def captions_from_tree(
    root: Any,
    *,
    position: Callable[[Any], int | None] | None = None,
    linked_images: bool = True,
) -> tuple[Caption, ...]:
    """Collect every figure's caption and credit in an lxml tree, repeats folded.

    Reads `<figure>` (and WordPress `wp-caption` blocks) with their `<figcaption>` or caption
    block and credit spans, free-standing caption blocks (`<p class="caption">`) with a credit
    block after them, and the alt or title of images that have no caption.

    Args:
        position: gives the body paragraph a figure element stands before, when the caller
            knows the article's paragraphs.
        linked_images: when False, images inside links (thumbnails of other stories) are not
            read for alt text.
    """
    found: list[Caption] = []
    sources: list[Any] = []
    done: set[Any] = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or element in done:
            continue
        tag = element.tag.lower()
        where = position(element) if position is not None else None
        caption: Caption | None = None
        if is_figure(element):
            caption = caption_from_figure(element, where)
            done.update(element.iter())
        elif tag == "img":
            if linked_images or not _in_link(element):
                caption = caption_from_image(element, where)
        elif is_caption_block(element):
            caption = caption_from_block(element, where)
            done.update(element.iter())
            if caption is not None and sources and image_before(element) is sources[-1]:
                # The image's alt text was a stand-in for the caption printed under it.
                found.pop()
                sources.pop()
        elif is_credit_element(element) and found and sources[-1].getnext() is element:
            credit = clean_credit(element_text(element))
            if credit and found[-1].credit is None:
                found[-1] = Caption(found[-1].text, credit, found[-1].paragraph)
            done.update(element.iter())
        if caption is not None:
            found.append(caption)
            sources.append(element)
    return fold_captions(found)


def image_before(block: Any) -> Any | None:
    """The image standing just before a caption block (`<p><img></p><p class=caption>`)."""
    previous = block.getprevious()
    if previous is None or not isinstance(previous.tag, str):
        return None
    if previous.tag.lower() == "img":
        return previous
    if element_text(previous):
        return None
    return next(previous.iter("img"), None)


def _in_link(element: Any) -> bool:
    return any(
        isinstance(parent.tag, str) and parent.tag.lower() == "a"
        for parent in element.iterancestors()
    )


def is_figure(element: Any) -> bool:
    """Is `element` a figure: `<figure>` or a `wp-caption`-style block wrapping an image?"""
    tag = element.tag
    tag = tag.lower() if isinstance(tag, str) else ""
    if tag == "figure":
        # WordPress wraps pull quotes, tables and code in <figure> too: those are body text.
        return _has_image(element) or next(element.iter(*_TEXT_FIGURE), None) is None
    if tag not in ("div", "span", "section", "aside"):
        return False
    return bool(_FIGURE_CLASS.search(element.get("class") or "")) and _has_image(element)


def is_caption_block(element: Any) -> bool:
    """Is `element` a caption (`<figcaption>` or a block whose class names it a caption)?"""
    tag = element.tag
    tag = tag.lower() if isinstance(tag, str) else ""
    if tag == "figcaption":
        return True
    return tag in _CAPTION_CLASS_TAGS and bool(_CAPTION_CLASS.search(element.get("class") or ""))


def is_credit_element(element: Any) -> bool:
    """Is `element` a credit span (by class name, or `<small>`/`<cite>` inside a caption)?"""
    tag = element.tag
    tag = tag.lower() if isinstance(tag, str) else ""
    return tag in _CREDIT_CLASS_TAGS and bool(_CREDIT_CLASS.search(element.get("class") or ""))


_CAPTION_BLOCK_TAGS = _CAPTION_CLASS_TAGS | {"figcaption"}
"""The tags (lower case) of every element `is_caption_block` can take for a caption."""
_CREDIT_ELEMENT_TAGS = _CREDIT_TAGS | _CREDIT_CLASS_TAGS
"""The tags (lower case) of every element `_add_credit_element` can take for a credit."""


def caption_from_figure(figure: Any, paragraph: int | None = None) -> Caption | None:
    """Read a figure's caption and credit; fall back to its image's alt or title."""
    # One walk over the figure finds both its caption block and its credit spans.
    block = None
    credit_elements: list[Any] = []
    for element in figure.iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        # The picture, most of a figure, is neither a caption block nor a credit: its tag
        # says so, without the calls that would read it again and then its class.
        tag = tag.lower()
        if block is None and tag in _CAPTION_BLOCK_TAGS and is_caption_block(element):
            block = element
        if tag in _CREDIT_ELEMENT_TAGS:
            _add_credit_element(element, credit_elements)
    text, credit = _text_and_credit(block, credit_elements)
    if not text:
        image = next((el for el in figure.iter("img", "IMG")), None)
        fallback = caption_from_image(image) if image is not None else None
        if fallback is None:
            return new_caption("", credit, paragraph) if credit else None
        text = fallback.text
    return new_caption(text, credit, paragraph)


def caption_from_block(block: Any, paragraph: int | None = None) -> Caption | None:
    """Read a free-standing caption block (`<p class="caption">`) with any credit inside it."""
    text, credit = _text_and_credit(block, _credit_elements(block))
    if not text and not credit:
        return None
    return new_caption(text, credit, paragraph)


def _text_and_credit(text_block: Any | None, credit_elements: list[Any]) -> tuple[str, str | None]:
    """A caption's text (its credit spans left out) and its credit.

    The credit comes from the credit spans found in the caption's container (`_credit_elements`),
    else from a credit at the end of the text ("… Photo: Name").
    """
    text = ""
    # clean_text (which clean_credit starts with) collapses spacing as element_text does:
    # the text is collapsed once.
    if text_block is not None:
        text = clean_text(_uncollapsed_text(text_block, credit_elements))
    credit = None
    for element in credit_elements:
        if credit := clean_credit(_uncollapsed_text(element)):
            break
    if text and credit is None and (split := _split(text)) is not None:
        text, credit = split
    return text, credit


def caption_from_image(image: Any, paragraph: int | None = None) -> Caption | None:
    """An image's alt (else title) as a caption, unless it is empty, generic or a file name."""
    if _is_pixel(image):
        return None
    for attribute in ("alt", "title"):
        text = clean_text(image.get(attribute) or "")
        if _is_descriptive(text):
            split = split_credit(text)
            if split is not None and split.text:
                return Caption(split.text, split.credit, paragraph)
            return Caption(text=text, paragraph=paragraph)
    return None


def element_text(element: Any, skip: Collection[Any] = frozenset()) -> str:
    """The text inside `element`, leaving out scripts, styles and any subtree in `skip`."""
    return _collapsed(_uncollapsed_text(element, skip))


def _uncollapsed_text(element: Any, skip: Collection[Any] = frozenset()) -> str:
    """`element_text` before its spacing is collapsed, for callers that collapse it anyway."""
    parts: list[str] = []
    _collect_text(element, skip, parts)
    return "".join(parts)


def clean_credit(text: str) -> str | None:
    """Strip labels, © signs and brackets from a credit: "(Photo: Jane Doe)" → "Jane Doe"."""
    text = clean_text(text)
    for _ in range(3):
        stripped = text.strip("()[] .;,|–—-")
        stripped = _CREDIT_LABEL.sub("", stripped).strip()
        if stripped == text:
            break
        text = stripped
    return text or None


def fold_captions(captions: list[Caption]) -> tuple[Caption, ...]:
    """Drop captions whose text repeats an earlier one, keeping the first credit found."""
    if len(captions) == 1 and captions[0].credit:
        # Nothing to repeat, and a credit keeps even a caption without text: the common
        # single credited figure needs no key.
        return (captions[0],)
    kept: list[Caption] = []
    seen: dict[str, int] = {}
    for caption in captions:
        key = _fold_key(caption.text)
        if key and key in seen:
            index = seen[key]
            if kept[index].credit is None and caption.credit:
                kept[index] = Caption(kept[index].text, caption.credit, kept[index].paragraph)
            continue
        if not key and (not caption.credit or any(c.credit == caption.credit for c in kept)):
            continue
        if key:
            seen[key] = len(kept)
        kept.append(caption)
    return tuple(kept)


def _fold_key(text: str) -> str:
    """What two captions must share to be the same caption: case, spacing and end dots aside."""
    # The substitution stops at every space; printable text without a double space (every
    # caption html_to_parts makes) holds no other whitespace, so there is nothing to replace.
    if "  " in text or not is_printable(text):
        text = _SPACE.sub(" ", text)
    return text.casefold().strip(" .")


def _credit_elements(container: Any) -> list[Any]:
    """The credit spans inside `container`, in document order: the first with text is read.

    A list, not a set, so which of two credits wins never depends on where the elements sit
    in memory.
    """
    found: list[Any] = []
    for element in container.iterdescendants():
        if isinstance(element.tag, str):
            _add_credit_element(element, found)
    return found


def _add_credit_element(element: Any, found: list[Any]) -> None:
    """Add `element` to `found` if it is a credit span not nested in one already found."""
    # A credit span nested in another is the same credit.
    if (element.tag.lower() in _CREDIT_TAGS or is_credit_element(element)) and not (
        found and any(parent in found for parent in element.iterancestors())
    ):
        found.append(element)


_UNREADABLE = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def _collect_text(element: Any, skip: Collection[Any], parts: list[str]) -> None:
    tag = element.tag
    tag = tag.lower() if isinstance(tag, str) else ""
    if tag and tag not in _UNREADABLE and element not in skip:
        if text := element.text:
            parts.append(text)
        # len() is cheaper than iterating over an element without children (see html.py).
        for child in element if len(element) else ():
            _collect_text(child, skip, parts)
            if tail := child.tail:
                parts.append(tail)
        if tag == "br":
            parts.append(" ")
    else:
        parts.append(" ")


def clean_text(text: str) -> str:
    """`text` with its whitespace collapsed to single spaces, then put through `clean_line`."""
    # `_collapsed` inlined, so printable text (most of it) is scanned for being so once.
    if "  " not in text and is_printable(text):
        text = text.strip(" ")
        if unicodedata.is_normalized("NFC", text):
            return text
        return clean_line(text)
    text = " ".join(text.split())
    if is_printable(text) and unicodedata.is_normalized("NFC", text):
        # Control, zero-width and odd space characters are all unprintable, so clean_line
        # would change nothing here: it only runs on text that holds one or is not in NFC.
        return text
    return clean_line(text)


def _collapsed(text: str) -> str:
    """`" ".join(text.split())`, without building the list when there is nothing to collapse."""
    # Every whitespace character but the space is unprintable, so printable text without a
    # double space has nothing to collapse but a space at either end.
    if "  " not in text and is_printable(text):
        return text.strip(" ")
    return " ".join(text.split())


_TEXT_FIGURE = ("blockquote", "table", "pre", "code")


_IMAGE_TAGS = frozenset({"img", "picture", "video", "source"})


def _has_image(element: Any) -> bool:
    # Most figures hold their picture as a child: looking there first is cheaper than setting
    # up lxml's tag matcher, which the search of the whole subtree then uses.
    if element.tag in _IMAGE_TAGS or any(child.tag in _IMAGE_TAGS for child in element):
        return True
    return next(element.iter(*_IMAGE_TAGS), None) is not None


_DECORATION = re.compile(r"logo|icon|avatar|sprite|badge|emoji|spacer|tracking|pixel", re.I)


def _is_pixel(image: Any) -> bool:
    """Tracking pixels, logos, icons and avatars: images that are not pictures of the story."""
    where = " ".join((image.get("src") or "", image.get("class") or "", image.get("id") or ""))
    if _DECORATION.search(where):
        return True
    for attribute in ("width", "height"):
        value = (image.get(attribute) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 2:
            return True
    return False


def _is_descriptive(alt: str) -> bool:
    if len(alt) < 3 or alt.casefold().strip(" .") in _GENERIC_ALT:
        return False
    if _FILENAME_ALT.match(alt) or alt.startswith(("http://", "https://", "data:")):
        return False
    # A single token with separators ("hero_banner-2x") is a name, not a description.
    return " " in alt or not re.search(r"[_\d]", alt)


# ---- JSON-LD: schema.org ImageObject -------------------------------------------------------

# Where a page's JSON-LD keeps its pictures: a NewsArticle's `image`, a graph, a page's
# primary image, or media attached to the article.
_IMAGE_KEYS = ("@graph", "image", "associatedMedia", "primaryImageOfPage", "thumbnail", "hasPart")
_MAX_DEPTH = 6


def captions_from_json_ld(objects: Iterable[Any]) -> tuple[Caption, ...]:
    """Captions and credits of the schema.org `ImageObject`s in parsed JSON-LD values.

    Finds them at the top level, in an `@graph`, or nested under a NewsArticle's `image`. The
    credit is `creditText`, else `copyrightHolder`, else the image's own `author`.
    """
    found: list[Caption] = []
    for value in objects:
        _collect_images(value, found, 0)
    return fold_captions(found)


def _collect_images(value: Any, found: list[Caption], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            _collect_images(item, found, depth + 1)
        return
    if not isinstance(value, dict):
        return
    types = value.get("@type")
    types = types if isinstance(types, list) else [types]
    if "ImageObject" in types:
        caption = _image_object_caption(value)
        if caption is not None:
            found.append(caption)
    for key in _IMAGE_KEYS:
        if key in value:
            _collect_images(value[key], found, depth + 1)


def _image_object_caption(image: dict[str, Any]) -> Caption | None:
    text = _ld_text(image.get("caption")) or _ld_text(image.get("description"))
    if not text:
        return None
    credit = None
    for key in ("creditText", "copyrightHolder", "author", "creator"):
        credit = clean_credit(_ld_text(image.get(key)) or "")
        if credit:
            break
    split = split_credit(text)
    if split is not None and split.text:
        # A credit printed in the caption comes off its text; the explicit field wins.
        text, credit = split.text, credit or split.credit
    return Caption(text=text, credit=credit)


def _ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: a string, a Person/Organization's name, or a list's names."""
    if isinstance(value, str):
        # Captions in JSON-LD are sometimes HTML-escaped or carry tags.
        return clean_text(_TAGS.sub(" ", htmllib.unescape(value))) or None
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("text") or value.get("@value"))
    if isinstance(value, list):
        names = [name for name in (_ld_text(item) for item in value[:5]) if name]
        return ", ".join(dict.fromkeys(names)) or None
    return None


_TAGS = re.compile(r"<[^>]*>")
