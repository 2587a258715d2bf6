"""Find figure captions and their photo credits in article text."""

from __future__ import annotations

import re
from typing import Any

from bitereader.extract.text import clean_line
from bitereader.models import Caption

# Labels that introduce a credit at the end of a caption line. "Credit" is only taken when what
# follows is short and looks like a name, which _looks_like_credit checks.
_LABELLED = re.compile(
    r"^(?P<text>.*?)[\s;,|–—-]*\b(?P<label>Pictures?|Photo(?:graph)?s?|Image|Credit|"
    r"Photo credit|Source|Illustration|Video)\s*:\s*(?P<credit>[^:]{2,90}?)[\s.]*$",
    re.IGNORECASE,
)
# (AP Photo/Name), (Reuters/Name), (Photo: Name), (Name / Outlet)
_PARENTHESISED = re.compile(
    r"^(?P<text>.*?)\s*\((?P<credit>(?:[A-Z][\w.&' -]*\s)?Photos?\s*/[^()]{2,80}"
    r"|[^()]{2,60}?\s/\s[^()]{2,60}|[^()]{2,60}/(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock)"
    r"[^()]{0,40})\)[\s.]*$"
)
# "... Texas. Name Surname/Getty Images" or "Name/Agency" after the caption's last sentence.
_SLASHED = re.compile(
    r"^(?P<text>.*?[.!?’”])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s?){1,5}/\s?"
    r"(?:[A-Z][\w.&'’-]*\s?){1,5})$"
)
_CREDIT_WORD = re.compile(r"^[A-Z0-9(]")


def split_credit(line: str) -> Caption | None:
    """Read `line` as a caption that ends in a photo credit, or return None.

    Recognises `Picture:`, `Photo:`, `Photograph:`, `Image:` and `Credit:` labels, `(AP Photo/…)`,
    `(Name / Outlet)` and `Name/Getty Images` endings.
    """
    if len(line) > 600:
        return None
    for pattern in (_LABELLED, _PARENTHESISED, _SLASHED):
        match = pattern.match(line)
        if match and _looks_like_credit(match["credit"]):
            text = match["text"].strip()
            if pattern is _LABELLED and text.endswith(("(", "[")):
                continue
            return Caption(text=text, credit=match["credit"].strip())
    return None


def _looks_like_credit(credit: str) -> bool:
    """A credit is a name or agency: short, capitalised, not a sentence."""
    credit = credit.strip()
    words = credit.split()
    lowercase = sum(1 for word in words if word[0].islower())
    return 0 < len(words) <= 10 and bool(_CREDIT_WORD.match(credit)) and lowercase <= 2


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
_CREDIT_LABEL = re.compile(
    r"^(?:photo(?:graph)?s?\s*credit|photo(?:graph)?s?|pictures?|images?|credit|source"
    r"|illustration|copyright|©|\(c\))\s*[:©]?\s*",
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


def captions_from_tree(root: Any) -> tuple[Caption, ...]:
    """Collect every figure's caption and credit in an lxml tree, repeats folded.

    Reads `<figure>` (and WordPress `wp-caption` blocks) with their `<figcaption>` or caption
    block and credit spans, free-standing caption blocks (`<p class="caption">`), and the alt or
    title of images that have no caption. Paragraph indexes are left unset: the tree's own
    paragraphs are not the article's.
    """
    found: list[Caption] = []
    done: set[Any] = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or element in done:
            continue
        tag = element.tag.lower()
        caption: Caption | None = None
        if is_figure(element):
            caption = caption_from_figure(element)
            done.update(element.iter())
        elif tag == "img":
            caption = caption_from_image(element)
        elif is_caption_block(element):
            caption = caption_from_block(element)
            done.update(element.iter())
        elif is_credit_element(element) and found and found[-1].credit is None:
            credit = clean_credit(element_text(element))
            if credit:
                found[-1] = Caption(found[-1].text, credit, found[-1].paragraph)
            done.update(element.iter())
        if caption is not None:
            found.append(caption)
    return fold_captions(found)


def is_figure(element: Any) -> bool:
    """Is `element` a figure: `<figure>` or a `wp-caption`-style block wrapping an image?"""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "figure":
        # WordPress wraps pull quotes, tables and code in <figure> too: those are body text.
        return _has_image(element) or next(element.iter(*_TEXT_FIGURE), None) is None
    if tag not in ("div", "span", "section", "aside"):
        return False
    return bool(_FIGURE_CLASS.search(element.get("class") or "")) and _has_image(element)


def is_caption_block(element: Any) -> bool:
    """Is `element` a caption (`<figcaption>` or a block whose class names it a caption)?"""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "figcaption":
        return True
    return tag in ("p", "div", "span") and bool(_CAPTION_CLASS.search(element.get("class") or ""))


def is_credit_element(element: Any) -> bool:
    """Is `element` a credit span (by class name, or `<small>`/`<cite>` inside a caption)?"""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return tag in ("span", "p", "div", "small", "em") and bool(
        _CREDIT_CLASS.search(element.get("class") or "")
    )


def caption_from_figure(figure: Any, paragraph: int | None = None) -> Caption | None:
    """Read a figure's caption and credit; fall back to its image's alt or title."""
    block = next((el for el in figure.iter() if el is not figure and is_caption_block(el)), None)
    credit_elements = _credit_elements(figure)
    text = ""
    if block is not None:
        text = _clean(element_text(block, skip=credit_elements))
    credit = next(
        (c for c in (clean_credit(element_text(el)) for el in credit_elements) if c), None
    )
    if text and credit is None:
        split = split_credit(text)
        if split is not None:
            text, credit = split.text, split.credit
    if not text:
        image = next((el for el in figure.iter("img", "IMG")), None)
        fallback = caption_from_image(image) if image is not None else None
        if fallback is None:
            return Caption(text="", credit=credit, paragraph=paragraph) if credit else None
        text = fallback.text
    return Caption(text=text, credit=credit, paragraph=paragraph)


def caption_from_block(block: Any, paragraph: int | None = None) -> Caption | None:
    """Read a free-standing caption block (`<p class="caption">`) with any credit inside it."""
    credit_elements = _credit_elements(block)
    text = _clean(element_text(block, skip=credit_elements))
    credit = next(
        (c for c in (clean_credit(element_text(el)) for el in credit_elements) if c), None
    )
    if text and credit is None:
        split = split_credit(text)
        if split is not None:
            text, credit = split.text, split.credit
    if not text and not credit:
        return None
    return Caption(text=text, credit=credit, paragraph=paragraph)


def caption_from_image(image: Any, paragraph: int | None = None) -> Caption | None:
    """An image's alt (else title) as a caption, unless it is empty, generic or a file name."""
    if _is_pixel(image):
        return None
    for attribute in ("alt", "title"):
        text = _clean(image.get(attribute) or "")
        if _is_descriptive(text):
            split = split_credit(text)
            if split is not None and split.text:
                return Caption(split.text, split.credit, paragraph)
            return Caption(text=text, paragraph=paragraph)
    return None


def element_text(element: Any, skip: frozenset[Any] | set[Any] = frozenset()) -> str:
    """The text inside `element`, leaving out scripts, styles and any subtree in `skip`."""
    parts: list[str] = []
    _collect_text(element, skip, parts)
    return " ".join("".join(parts).split())


def clean_credit(text: str) -> str | None:
    """Strip labels, © signs and brackets from a credit: "(Photo: Jane Doe)" → "Jane Doe"."""
    text = _clean(text)
    for _ in range(3):
        stripped = text.strip("()[] .;,|–—-")
        stripped = _CREDIT_LABEL.sub("", stripped).strip()
        if stripped == text:
            break
        text = stripped
    return text or None


def fold_captions(captions: list[Caption]) -> tuple[Caption, ...]:
    """Drop captions whose text repeats an earlier one, keeping the first credit found."""
    kept: list[Caption] = []
    seen: dict[str, int] = {}
    for caption in captions:
        key = _SPACE.sub(" ", caption.text).casefold().strip(" .")
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


def _credit_elements(container: Any) -> set[Any]:
    found: set[Any] = set()
    for element in container.iter():
        if element is container or not isinstance(element.tag, str):
            continue
        # A credit span nested in another is the same credit.
        if (element.tag.lower() in _CREDIT_TAGS or is_credit_element(element)) and not any(
            parent in found for parent in element.iterancestors()
        ):
            found.add(element)
    return found


_UNREADABLE = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def _collect_text(element: Any, skip: frozenset[Any] | set[Any], parts: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag and tag not in _UNREADABLE and element not in skip:
        if element.text:
            parts.append(element.text)
        for child in element:
            _collect_text(child, skip, parts)
            if child.tail:
                parts.append(child.tail)
        if tag == "br":
            parts.append(" ")
    else:
        parts.append(" ")


def _clean(text: str) -> str:
    return clean_line(" ".join(text.split()))


_TEXT_FIGURE = ("blockquote", "table", "pre", "code")


def _has_image(element: Any) -> bool:
    return next(element.iter("img", "picture", "video", "source"), None) is not None


def _is_pixel(image: Any) -> bool:
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
