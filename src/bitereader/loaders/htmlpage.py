"""Saved HTML article pages → Article.

trafilatura finds the body and most metadata; the page's own markup (meta tags, JSON-LD,
`<time>`, caption and standfirst blocks) is read here for what it misses or gets coarser: the
published time to the minute, the kicker, the standfirst, and every caption with its credit,
which extractors drop along with the figures.
"""

from __future__ import annotations

import bisect
import codecs
import copy
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser

from bitereader.errors import ExtractError, LoadError
from bitereader.extract.captions import captions_from_json_ld, captions_from_tree, fold_captions
from bitereader.extract.html import parse_html
from bitereader.extract.quotes import extract_quotes
from bitereader.extract.text import clean_line, decode_bytes, word_count
from bitereader.loaders.textpage import site_name
from bitereader.models import Article, Caption

MIN_WORDS = 50
"""A page with less body text than this is not an article (a login page, a list of links)."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_ARTICLE_TYPES = re.compile(r"(?:News|Blog|Report|Scholarly|Tech|Opinion|Analysis)?Article$|"
                            r"BlogPosting|Report|LiveBlogPosting|NewsArticle")  # fmt: skip
_BYLINE = re.compile(r"^(?:by|words by|written by|words and pictures by)\s+", re.I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_STANDFIRST_CLASS = re.compile(
    r"standfirst|(?:^|[\s_-])dek(?:$|[\s_-])|sub-?headline|(?:^|[\s_-])subtitle|article-summary"
    r"|(?:^|[\s_-])lede(?:$|[\s_-])|(?:^|[\s_-])intro(?:$|[\s_-])",
    re.I,
)
_KICKER_CLASS = re.compile(r"kicker|eyebrow|section-label|overline|rubric|(?:^|[\s_-])label$", re.I)
_FURNITURE_CLASS = re.compile(
    r"related|comment|share|social|newsletter|promo|advert|(?:^|[\s_-])ads?(?:$|[\s_-])"
    r"|most-?read|popular|recommend|outbrain|taboola|sidebar|breadcrumb|cookie|subscribe",
    re.I,
)
_FURNITURE_TAGS = ("nav", "aside", "footer", "form", "script", "style", "noscript", "template")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def load_html_page(data: bytes, *, url: str | None = None) -> Article:
    """Extract the article from a saved web page.

    Raises:
        LoadError: the bytes are not HTML text.
        ExtractError: the page is not an article ("not an article:
            …"): a login page, an index of links, an empty page, or under 50 words of body.
    """
    html = decode_html(data)
    root = parse_html(html)
    if root is None:
        raise ExtractError("not an article: the page is empty")
    meta = _meta(root)
    ld_objects = list(_json_ld(root))
    ld_article = _ld_article(ld_objects)

    import trafilatura  # slow to import; only pages need it

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None or document.body is None:
        raise ExtractError("not an article: no article text found")

    page_url = _page_url(root, meta, ld_article, url)
    headline = _headline(root, meta, ld_article, document.title)
    if not headline:
        raise ExtractError("not an article: no headline found")
    source = (
        meta.get("og:site_name")
        or _ld_name(ld_article.get("publisher") if ld_article else None)
        or document.sitename
        or site_name(page_url)
    )
    container = _article_container(root)
    standfirst_element = _standfirst_element(container)
    kicker = _kicker(meta, ld_article, container, headline)

    paragraphs = _body_paragraphs(document.body)
    captions = _captions(container, ld_objects, paragraphs)
    standfirst = _standfirst(standfirst_element, meta, ld_article, paragraphs)
    authors = _authors(meta, ld_article, document.author, source)
    body_indices = _body_indices(paragraphs, headline, standfirst, kicker, captions, authors)
    paragraphs = [paragraphs[index] for index in body_indices]
    captions = _renumber(captions, body_indices)
    words = sum(word_count(p) for p in paragraphs)
    if words < MIN_WORDS:
        raise ExtractError(f"not an article: only {words} words of text")
    if max(word_count(p) for p in paragraphs) < 20:
        raise ExtractError("not an article: no paragraphs of running text")
    body = tuple(paragraphs)
    return Article(
        headline=headline,
        paragraphs=body,
        url=page_url,
        source=clean_line(source) if source else None,
        kicker=kicker,
        standfirst=standfirst,
        authors=tuple(authors),
        published=_published(root, meta, ld_article, document.date),
        captions=captions,
        quotes=extract_quotes(body),
        categories=tuple(_categories(meta, ld_article, document)),
    )


def decode_html(data: bytes) -> str:
    """Decode a saved page by its BOM, else its `<meta charset>`, else UTF-8, else cp1252.

    Raises:
        LoadError: the bytes are empty or binary.
    """
    if not data.strip():
        raise LoadError("empty file")
    declared = _CHARSET.search(data[:8192])
    encoding = _codec(declared.group(1).decode("ascii", "ignore")) if declared else None
    return decode_bytes(data, declared=encoding, kind="web page")


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # Browsers read Latin-1 and ASCII labels as Windows-1252, and so do pages written for them.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _meta(root: Any) -> dict[str, str]:
    """The page's `<meta>` values by property or name, lower-cased; the first one wins."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld(root: Any) -> Iterator[Any]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            yield json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # a site's broken JSON-LD is no reason to lose the article


def _ld_article(objects: list[Any]) -> dict[str, Any] | None:
    """The first schema.org Article (of any kind) in the JSON-LD, at the top or in a graph."""
    pending = list(objects)
    while pending:
        value = pending.pop(0)
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            types = value.get("@type")
            for kind in types if isinstance(types, list) else [types]:
                if isinstance(kind, str) and _ARTICLE_TYPES.search(kind):
                    return value
            graph = value.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)
    return None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_line(value) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list) and value:
        return _ld_name(value[0])
    return None


def _http(url: Any) -> str | None:
    if isinstance(url, str) and urlsplit(url.strip()).scheme in ("http", "https"):
        return url.strip()
    return None


def _page_url(
    root: Any, meta: dict[str, str], ld_article: dict[str, Any] | None, url: str | None
) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = link.get("href") or ""
            if canonical := _http(urljoin(url or "", href.strip())):
                return canonical
    if found := _http(meta.get("og:url")):
        return found
    if ld_article:
        main = ld_article.get("mainEntityOfPage")
        main = main.get("@id") if isinstance(main, dict) else main
        if found := _http(main) or _http(ld_article.get("url")):
            return found
    return _http(url)


def _headline(
    root: Any, meta: dict[str, str], ld_article: dict[str, Any] | None, title: str | None
) -> str | None:
    """JSON-LD's headline, else the page's one `<h1>`, else og:title or `<title>` less the site."""
    if ld_article and (found := _ld_name(ld_article.get("headline"))):
        return found
    h1s = [clean_line(" ".join("".join(h.itertext()).split())) for h in root.iter("h1")]
    h1s = [h for h in h1s if h]
    if len(h1s) == 1:
        return h1s[0]
    for candidate in (meta.get("og:title"), meta.get("twitter:title"), title):
        if candidate and (found := clean_line(_TITLE_SUFFIX.sub("", candidate))):
            return found
    title_element = next(root.iter("title"), None)
    if title_element is not None and title_element.text:
        return clean_line(_TITLE_SUFFIX.sub("", title_element.text)) or None
    return None


def _article_container(root: Any) -> Any:
    """The element holding the story: its articleBody, its `<article>`, `<main>`, or `<body>`."""
    for element in root.iter():
        if element.get("itemprop") == "articleBody":
            parent = element.getparent()
            return parent if parent is not None else element
    articles = list(root.iter("article"))
    if articles:
        return max(articles, key=lambda a: sum(len("".join(p.itertext())) for p in a.iter("p")))
    main = next(root.iter("main"), None)
    if main is not None:
        return main
    body = next(root.iter("body"), None)
    return body if body is not None else root


def _standfirst_element(container: Any) -> str | None:
    for element in container.iter("p", "div", "h2", "span"):
        if _STANDFIRST_CLASS.search(element.get("class") or ""):
            text = clean_line(" ".join("".join(element.itertext()).split()))
            if 4 <= word_count(text) <= 70:
                return text
    return None


def _kicker(
    meta: dict[str, str], ld_article: dict[str, Any] | None, container: Any, headline: str
) -> str | None:
    candidates: list[Any] = [meta.get("article:section")]
    if ld_article:
        section = ld_article.get("articleSection")
        candidates.append(section[0] if isinstance(section, list) and section else section)
    for element in container.iter("a", "span", "p", "div"):
        if _KICKER_CLASS.search(element.get("class") or ""):
            candidates.append("".join(element.itertext()))
            break
    for candidate in candidates:
        if isinstance(candidate, str):
            text = clean_line(" ".join(candidate.split()))
            if text and word_count(text) <= 5 and text != headline:
                return text
    return None


def _standfirst(
    element_text: str | None,
    meta: dict[str, str],
    ld_article: dict[str, Any] | None,
    paragraphs: list[str],
) -> str | None:
    """A standfirst printed on the page, else the description when it is not the lede."""
    if element_text:
        return element_text
    description = (
        meta.get("og:description")
        or meta.get("description")
        or meta.get("twitter:description")
        or (_ld_name(ld_article.get("description")) if ld_article else None)
    )
    if not description:
        return None
    description = clean_line(" ".join(description.split()))
    key = _key(description).rstrip("…. ")
    if not key or word_count(description) > 70:
        return None
    if any(_key(p).startswith(key) or key.startswith(_key(p)) for p in paragraphs[:3]):
        return None  # the site's description is only the opening paragraph again
    return description


def _authors(
    meta: dict[str, str], ld_article: dict[str, Any] | None, extracted: str | None, site: Any
) -> list[str]:
    names: list[str] = []
    if ld_article:
        people = ld_article.get("author")
        for person in people if isinstance(people, list) else [people]:
            if isinstance(person, dict) and person.get("@type") == "Organization":
                continue
            if name := _ld_name(person):
                names.append(name)
    if not names:
        for value in (meta.get("author"), meta.get("article:author"), extracted):
            if value and not _http(value):
                names = [n.strip() for n in re.split(r"\s*;\s*|\s*,\s*|\s+and\s+", value)]
                break
    names = [_BYLINE.sub("", clean_line(name)) for name in names]
    unique = dict.fromkeys(n for n in names if n and n != site and word_count(n) <= 6)
    return list(unique)


def _published(
    root: Any, meta: dict[str, str], ld_article: dict[str, Any] | None, extracted: str | None
) -> datetime | None:
    """The most precise publication time the page gives, in UTC."""
    candidates: list[Any] = []
    if ld_article:
        candidates.append(ld_article.get("datePublished"))
    for key in ("article:published_time", "datepublished", "og:published_time", "pubdate",
                "publish-date", "date", "dc.date", "dcterms.created"):  # fmt: skip
        candidates.append(meta.get(key))
    candidates.extend(t.get("datetime") for t in root.iter("time"))
    candidates.append(extracted)
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            try:
                parsed = dateparser.isoparse(candidate.strip())
            except (ValueError, OverflowError):
                try:
                    parsed = dateparser.parse(candidate.strip())
                except (ValueError, OverflowError):
                    continue
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    return None


def _categories(
    meta: dict[str, str], ld_article: dict[str, Any] | None, document: Any
) -> list[str]:
    found: list[str] = []
    for value in (*(document.categories or []), *(document.tags or [])):
        if isinstance(value, str) and (text := clean_line(value)):
            found.append(text)
    if ld_article and isinstance(keywords := ld_article.get("keywords"), list):
        found.extend(clean_line(k) for k in keywords if isinstance(k, str) and k.strip())
    return list(dict.fromkeys(found))[:20]


_BODY_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "cell", "list", "table", "row"})


def _body_paragraphs(body: Any) -> list[str]:
    """The text blocks of trafilatura's body tree, each `<lb/>` breaking a paragraph."""
    paragraphs: list[str] = []
    for element in body.iter(*_BODY_BLOCKS):
        if any(child.tag in _BODY_BLOCKS for child in element.iterdescendants()):
            continue  # its inner blocks are read on their own
        pieces: list[str] = [element.text or ""]
        for child in element.iterdescendants():
            if child.tag == "lb":
                pieces.append("\n")
            pieces.append(child.text or "")
            pieces.append(child.tail or "")
        for line in "".join(pieces).split("\n"):
            text = clean_line(" ".join(line.split()))
            if text:
                paragraphs.append(text)
    return paragraphs


def _captions(container: Any, ld_objects: list[Any], paragraphs: list[str]) -> tuple[Caption, ...]:
    """Captions from the article's figures and JSON-LD, each placed before the body paragraph
    that follows its figure on the page."""
    ld_captions = captions_from_json_ld(ld_objects)
    tree = copy.deepcopy(container)
    _prune(tree, _ld_image_paths(ld_objects))
    order = {element: index for index, element in enumerate(tree.iter())}
    wanted = {_key(p): index for index, p in reversed(list(enumerate(paragraphs)))}
    marks = [
        (order[element], wanted[key])
        for element in tree.iter("p", "li", "h2", "h3", "blockquote", "div")
        if (key := _key(" ".join("".join(element.itertext()).split()))) in wanted
    ]

    def position(element: Any) -> int | None:
        last = max(order.get(child, 0) for child in element.iter())
        return next((index for ordinal, index in marks if ordinal > last), len(paragraphs))

    html_captions = captions_from_tree(tree, position=position, linked_images=False)
    return fold_captions([*html_captions, *ld_captions])


def _prune(tree: Any, ld_images: set[str]) -> None:
    """Remove furniture and images JSON-LD already captions from a copy of the article."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and (
            element.tag.lower() in _FURNITURE_TAGS
            or _FURNITURE_CLASS.search(element.get("class") or "")
            or (element.tag.lower() == "img" and _path(element.get("src")) in ld_images)
        )
    ]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            # Keep the tail text: it belongs to the parent, not the removed element.
            element.tail = None
            parent.remove(element)


def _ld_image_paths(objects: list[Any]) -> set[str]:
    paths: set[str] = set()
    pending = list(objects)
    while pending and len(paths) < 100:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            if value.get("@type") == "ImageObject" and (
                value.get("caption") or value.get("description")
            ):
                paths.add(_path(value.get("url") or value.get("contentUrl")))
            pending.extend(
                v for k, v in value.items() if k in ("@graph", "image", "associatedMedia")
            )
    paths.discard("")
    return paths


def _path(url: Any) -> str:
    return urlsplit(url.strip()).path.rstrip("/") if isinstance(url, str) else ""


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


def _body_indices(
    paragraphs: list[str],
    headline: str,
    standfirst: str | None,
    kicker: str | None,
    captions: tuple[Caption, ...],
    authors: list[str],
) -> list[int]:
    """Which paragraphs are body: trafilatura also keeps headline, standfirst, captions, bylines."""
    skip = {_key(headline)}
    if standfirst:
        skip.add(_key(standfirst))
    if kicker:
        skip.add(_key(kicker))
    caption_keys = [_key(c.text) for c in captions if c.text]
    kept: list[int] = []
    for index, paragraph in enumerate(paragraphs):
        key = _key(paragraph)
        short = word_count(paragraph) <= 15
        if key in skip:
            continue
        if any(key.startswith(c) and len(key) <= len(c) + 60 for c in caption_keys):
            continue
        if short and (_BYLINE.match(paragraph) or _COPYRIGHT.match(paragraph)):
            continue
        if short and authors and any(_key(paragraph) == _key(a) for a in authors):
            continue
        kept.append(index)
    return kept


def _renumber(captions: tuple[Caption, ...], kept: list[int]) -> tuple[Caption, ...]:
    """Captions placed before the same body paragraph once the non-body ones are gone."""
    return tuple(
        caption
        if caption.paragraph is None
        else replace(caption, paragraph=bisect.bisect_left(kept, caption.paragraph))
        for caption in captions
    )
