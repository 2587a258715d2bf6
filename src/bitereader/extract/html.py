"""HTML fragments (a feed item's content, a page's body) → clean paragraphs and figure captions."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from bitereader.extract.captions import (
    caption_from_block,
    caption_from_figure,
    caption_from_image,
    clean_credit,
    clean_text,
    element_text,
    fold_captions,
    image_before,
    is_caption_block,
    is_credit_element,
    is_figure,
)
from bitereader.extract.text import text_to_paragraphs
from bitereader.models import Caption


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """The readable parts of an HTML fragment: body paragraphs and figure captions."""

    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    links: tuple[str, ...] = ()


_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption",
        "section", "article", "main", "header", "footer", "address", "center", "hr", "body",
        "html", "details", "summary", "figcaption", "picture", "hgroup",
    }
)  # fmt: skip
_DROPPED = frozenset(
    {
        "script", "style", "nav", "form", "iframe", "noscript", "template", "svg", "math",
        "button", "select", "input", "textarea", "object", "embed", "video", "audio", "canvas",
        "head", "title", "meta", "link", "frameset", "frame", "dialog", "menu", "label",
    }
)  # fmt: skip
# Share buttons, "related posts" and Feedburner's feedflare links that feeds append to items.
_WIDGET_CLASS = re.compile(
    r"share|social|sharedaddy|addtoany|feedflare|jp-relatedposts|related-posts|newsletter"
    r"|advert|sponsor|promo|subscribe|signup|sign-up|cookie|screen-reader|sr-only"
    r"|visually-hidden|(?:^|\s)(?:hidden|is-hidden|d-none)(?:\s|$)",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PARSER_OPTIONS = {
    "remove_comments": True,
    "remove_pis": True,
    "no_network": True,
    "recover": True,
    "default_doctype": False,
}
_PARSER = etree.HTMLParser(**_PARSER_OPTIONS)
_UTF8_PARSER = etree.HTMLParser(**_PARSER_OPTIONS, encoding="utf-8")
"""_PARSER for text already encoded as UTF-8 (see `_parse_text`)."""
_SPECIAL = frozenset({"br", "img", "figure", "figcaption"})
_TELLING_ATTRIBUTES = frozenset({"class", "style", "hidden", "aria-hidden"})
"""The attributes `_is_widget`, `is_figure`, `is_caption_block` and `is_credit_element` read:
any other element without one of them is plain (links' `href` being the common case)."""
_TAG = re.compile(r"<[^>]*>")
_PLAIN_INLINE = frozenset(
    {"a", "b", "i", "em", "strong", "span", "small", "cite", "code", "sup", "sub", "u", "s",
     "mark", "abbr", "time", "q", "del", "ins", "kbd", "var", "samp", "font"}
)  # fmt: skip
"""Inline tags that are neither blocks, dropped nor special: such an element with no children
and no telling attribute only adds its text, which `_Walker.walk` then reads in place."""


def html_to_parts(html: str) -> HtmlParts:
    """Turn an HTML fragment into cleaned paragraphs and captions; never returns markup.

    Scripts, styles, navigation, forms, embeds and share widgets are dropped. Figures become
    captions (with their credits) and stay out of the paragraphs. Malformed HTML is read as
    well as it can be; nothing here raises.
    """
    paragraphs, captions = html_text_parts(html)
    return HtmlParts(paragraphs, captions)


def html_text_parts(html: str) -> tuple[tuple[str, ...], tuple[Caption, ...]]:
    """html_to_parts' paragraphs and captions, as a pair: a feed's items need no HtmlParts,
    which (a frozen dataclass, whose fields are set in Python) costs a tenth of a short
    item's walk to make."""
    if "<" not in html:
        text = htmllib.unescape(html) if "&" in html else html
        return text_to_paragraphs(text), ()
    root = _parse_text(html)
    if root is None:
        return text_to_paragraphs(htmllib.unescape(_TAG.sub(" ", html))), ()
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return tuple(walker.paragraphs), fold_captions(walker.captions)


def parse_html(html: str | bytes) -> Any | None:
    """Parse HTML leniently with lxml; None when there is nothing to parse."""
    return _parse(html)


def _parse_text(html: str) -> Any | None:
    """`_parse(html)`, handing lxml the text as UTF-8 where that gives the same tree.

    lxml passes a str that is not ASCII to libxml2 as UTF-16 or Latin-1, which converts it to
    UTF-8 first; encoding it here is quicker, and nearly free for a refresh's feed items, which
    pickling has already encoded (a str keeps its UTF-8 once made). The parser is told the
    encoding, as lxml tells it for a str, so a `<meta charset>` is ignored either way. Text
    that declares an XML encoding (which lxml refuses as a str) and text that will not encode
    (lone surrogates) take the str path, and so does anything the bytes path fails on.
    """
    if html.isascii() or html.startswith("<?xml"):
        return _parse(html)
    try:
        return etree.fromstring(html.encode(), _UTF8_PARSER)
    except (etree.ParserError, ValueError, TypeError, UnicodeEncodeError):
        return _parse(html)


def _parse(html: str | bytes) -> Any | None:
    try:
        return etree.fromstring(html, _PARSER)
    except (etree.ParserError, ValueError, TypeError):
        # lxml refuses str input that declares an XML encoding; bytes are read as declared.
        if isinstance(html, str):
            try:
                return etree.fromstring(html.encode("utf-8", "replace"), _PARSER)
            except (etree.ParserError, ValueError, TypeError):
                return None
        return None


class _Walker:
    """One pass over the tree, gathering text into paragraphs at block boundaries."""

    __slots__ = ("buffer", "captions", "paragraphs", "sources")

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.captions: list[Caption] = []
        self.buffer: list[str] = []
        self.sources: list[Any] = []
        """The element each caption was read from, in step with `captions`."""

    def flush(self) -> None:
        if not self.buffer:
            return
        text = clean_text("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.paragraphs.append(text)

    def walk(self, element: Any, tag: Any = None) -> None:
        """Gather `element`'s text (`tag`: its tag, when the caller has read it already)."""
        if tag is None:
            tag = element.tag
        if not isinstance(tag, str):
            return
        if not (tag.isascii() and tag.islower()):
            # The HTML parser's tags are lower case already: lower() would only make a copy,
            # whose hash each set lookup below would then compute again.
            tag = tag.lower()
        if tag in _DROPPED:
            return
        if (tag in _SPECIAL or not _TELLING_ATTRIBUTES.isdisjoint(element.keys())) and (
            self._is_widget(element) or self._take_special(element, tag)
        ):
            return
        block = tag in _BLOCKS
        if block and self.buffer:
            self.flush()
        # Each read of .text or .tail builds a new string, so each is read once.
        if text := element.text:
            self.buffer.append(text)
        # Iterating over an element builds an iterator and looks for a first child even when
        # there is none, as in most paragraphs: len() tells more cheaply.
        for child in element if len(element) else ():
            # A link or emphasis holding only text (most children of a paragraph) is read
            # here, saving a call that would only add its text.
            child_tag = child.tag
            if (
                child_tag in _PLAIN_INLINE
                and not len(child)
                and _TELLING_ATTRIBUTES.isdisjoint(child.keys())
            ):
                if text := child.text:
                    self.buffer.append(text)
            else:
                self.walk(child, child_tag)
            if tail := child.tail:
                self.buffer.append(tail)
        if block and self.buffer:
            self.flush()

    def _take_special(self, element: Any, tag: str) -> bool:
        """Handle line breaks, images, figures, captions and credits; True when consumed."""
        if tag == "br":
            self.flush()
            return True
        caption: Caption | None
        if tag == "img":
            caption = caption_from_image(element, self._position())
        elif is_figure(element):
            self.flush()
            caption = caption_from_figure(element, self._position())
        elif is_caption_block(element):
            # A caption block (even a figcaption outside any figure) describes a picture.
            self.flush()
            caption = caption_from_block(element, self._position())
            if caption is not None and self.sources and image_before(element) is self.sources[-1]:
                # The image's alt text was a stand-in for the caption printed under it.
                self.captions.pop()
                self.sources.pop()
        elif self.captions and is_credit_element(element):
            return self._credit_after_caption(element)
        else:
            return False
        if caption is not None:
            self.captions.append(caption)
            self.sources.append(element)
        return True

    def _position(self) -> int:
        # A figure found mid-paragraph stands before the paragraph after the current one.
        return len(self.paragraphs) + (1 if self.buffer and "".join(self.buffer).strip() else 0)

    def _credit_after_caption(self, element: Any) -> bool:
        """Attach a credit block that follows a caption block (`<p class="credit">`)."""
        last = self.captions[-1]
        if last.credit is not None or self.sources[-1].getnext() is not element:
            return False
        credit = clean_credit(element_text(element))
        if not credit:
            return False
        self.captions[-1] = Caption(last.text, credit, last.paragraph)
        return True

    @staticmethod
    def _is_widget(element: Any) -> bool:
        attributes = element.attrib
        if not attributes:
            return False
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            return True
        classes = attributes.get("class")
        if classes and _WIDGET_CLASS.search(classes):
            return True
        style = attributes.get("style")
        return bool(style and _HIDDEN_STYLE.search(style))
