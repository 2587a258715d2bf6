"""Tests for loaders/htmlpage.py: saved web pages checked field by field against expected JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from bitereader.errors import ExtractError, LoadError
from bitereader.loaders.htmlpage import decode_html, load_html_page
from bitereader.models import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "html"
PAGES = sorted(p.stem for p in DATA.glob("*.html"))
ARTICLES = [
    n for n in PAGES if "error" not in json.loads((DATA / f"{n}.expected.json").read_text())
]
NOT_ARTICLES = [n for n in PAGES if n not in ARTICLES]
FIELDS = ("headline", "authors", "published", "source", "url", "kicker", "standfirst")

_loaded: dict[str, Article] = {}


def _load(name: str) -> Article:
    if name not in _loaded:
        _loaded[name] = load_html_page((DATA / f"{name}.html").read_bytes())
    return _loaded[name]


def _expected(name: str) -> dict[str, object]:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_every_page_has_expectations() -> None:
    assert len(ARTICLES) >= 5 and len(NOT_ARTICLES) >= 2
    assert all((DATA / f"{name}.expected.json").exists() for name in PAGES)


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("field", FIELDS)
def test_field(name: str, field: str) -> None:
    article, expected = _load(name), _expected(name)
    value = getattr(article, field)
    if field == "published":
        assert value is not None and value.tzinfo is not None
        assert value == datetime.fromisoformat(str(expected[field]))
    elif field == "authors":
        assert list(value) == expected[field]
    else:
        assert value == expected[field]


@pytest.mark.parametrize("name", ARTICLES)
def test_body(name: str) -> None:
    article, expected = _load(name), _expected(name)
    assert len(article.paragraphs) == expected["paragraph_count"]
    assert article.paragraphs[0] == expected["first_paragraph"]
    assert article.paragraphs[-1] == expected["last_paragraph"]
    for paragraph in article.paragraphs:
        assert "<" not in paragraph or ">" not in paragraph
    for furniture in expected["not_in_body"]:  # type: ignore[union-attr]
        assert furniture not in article.body, furniture


@pytest.mark.parametrize("name", ARTICLES)
def test_captions(name: str) -> None:
    article, expected = _load(name), _expected(name)
    got = [{"text": c.text, "credit": c.credit} for c in article.captions]
    assert got == expected["captions"]
    for caption in article.captions:
        assert caption.text not in article.body
        if caption.paragraph is not None:
            assert 0 <= caption.paragraph <= len(article.paragraphs)


@pytest.mark.parametrize("name", ARTICLES)
def test_quotes(name: str) -> None:
    article, expected = _load(name), _expected(name)
    for fragment in expected["quote_fragments"]:  # type: ignore[union-attr]
        assert fragment in article.body
    for quote in article.quotes:
        assert article.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


def test_figure_captions_stand_before_their_paragraph() -> None:
    article = _load("news-figure")
    assert [c.paragraph for c in article.captions] == [0, 3]


@pytest.mark.parametrize("name", NOT_ARTICLES)
def test_not_an_article(name: str) -> None:
    with pytest.raises(ExtractError, match="not an article"):
        load_html_page((DATA / f"{name}.html").read_bytes())


def test_url_argument_used_when_page_has_none() -> None:
    data = (DATA / "windows-1252.html").read_bytes()
    article = load_html_page(data, url="https://www.petitjournal.example/en/cafes")
    assert article.url == "https://www.petitjournal.example/en/cafes"
    assert article.source == "petitjournal.example"


def test_non_http_urls_ignored() -> None:
    data = (DATA / "windows-1252.html").read_bytes()
    assert load_html_page(data, url="javascript:alert(1)").url is None


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "<p>café</p>"),
        ('<meta charset="windows-1252"><p>caf\xe9 \u201cx\u201d</p>'.encode("cp1252"),
         '<meta charset="windows-1252"><p>café “x”</p>'),
        ('<meta charset="iso-8859-1"><p>\u2019</p>'.encode("cp1252"),
         '<meta charset="iso-8859-1"><p>’</p>'),
        (b"<p>caf\xe9</p>", "<p>café</p>"),
        ('<meta charset="utf-8"><p>café</p>'.encode(), '<meta charset="utf-8"><p>café</p>'),
        (b'<meta charset="no-such-codec"><p>ok</p>', '<meta charset="no-such-codec"><p>ok</p>'),
    ],
)  # fmt: skip
def test_decode_html(data: bytes, text: str) -> None:
    assert decode_html(data) == text


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02<html>"])
def test_empty_or_binary_refused(data: bytes) -> None:
    with pytest.raises(LoadError):
        load_html_page(data)


def test_cli_add_and_show(tmp_path: Path) -> None:
    """End to end: `bitereader add page.html`, then `show ID --json`."""
    library = tmp_path / "library.db"
    command = [sys.executable, "-m", "bitereader", "--library", str(library)]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("BITEREADER_")}}
    env["BITEREADER_LIBRARY"] = str(library)
    added = subprocess.run(
        [*command, "add", str(DATA / "news-figure.html"), str(DATA / "login-page.html")],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert added.returncode != 0  # the login page failed, and says so on one line
    assert "not an article" in added.stderr and "Traceback" not in added.stderr
    assert "added 1" in added.stdout
    shown = subprocess.run(
        [*command, "show", "1", "--json"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    article = json.loads(shown.stdout)
    expected = _expected("news-figure")
    assert article["headline"] == expected["headline"]
    assert article["authors"] == expected["authors"]
    assert article["source"] == expected["source"]
    assert article["published"] == expected["published"]
    assert [c["text"] for c in article["captions"]] == [c["text"] for c in expected["captions"]]  # type: ignore[union-attr]
    assert len(article["paragraphs"]) == expected["paragraph_count"]
