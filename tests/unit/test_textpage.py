"""The saved-page loader on the shared samples and on our own variants of the format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bitereader.errors import LoadError
from bitereader.loaders.textpage import load_text_page
from bitereader.models import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "textpages"
VARIANTS = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md"))


def _load(path: Path) -> Article:
    return load_text_page(path.read_bytes(), markdown=path.suffix == ".md")


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return " ".join(text.translate(table).casefold().split()).rstrip(".,;:")


def check_expected(article: Article, expected: dict) -> None:
    """Compare every field the expected file gives."""
    for field in ("kicker", "headline", "standfirst", "wire", "url", "source"):
        if field in expected:
            assert _norm(getattr(article, field)) == _norm(expected[field]), field
    if "authors" in expected:
        assert list(article.authors) == expected["authors"]
    if "published" in expected:
        published = article.published.isoformat() if article.published else None
        assert published == expected["published"]
    if "captions" in expected:
        got = [(_norm(c.text), _norm(c.credit)) for c in article.captions]
        assert got == [(_norm(c["text"]), _norm(c["credit"])) for c in expected["captions"]]
    if "body_first_paragraph_starts" in expected:
        assert article.paragraphs[0].startswith(expected["body_first_paragraph_starts"])
    if "body_last_paragraph_starts" in expected:
        assert article.paragraphs[-1].startswith(expected["body_last_paragraph_starts"])
    for unwanted in expected.get("body_must_not_contain", []):
        assert unwanted not in article.body
    if "paragraph_count" in expected:
        assert len(article.paragraphs) == expected["paragraph_count"]


@pytest.mark.parametrize("path", VARIANTS, ids=[p.name for p in VARIANTS])
def test_variant_matches_expected(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    check_expected(_load(path), expected)


def test_shared_samples_match_expected(samples: Path) -> None:
    pages = sorted(samples.rglob("*.txt"))
    assert pages
    for page in pages:
        expected = json.loads(page.with_suffix(".expected.json").read_text())
        check_expected(_load(page), expected)


def test_crlf_and_bom_read_like_plain_utf8() -> None:
    source = DATA / "reuters-style.txt"
    plain = _load(source)
    crlf = source.read_bytes().replace(b"\n", b"\r\n")
    assert load_text_page(b"\xef\xbb\xbf" + crlf) == plain
    assert load_text_page(crlf.replace(b"\r\n", b"\r")) == plain


def test_windows_1252_bytes_are_decoded() -> None:
    text = (
        "Café owners welcome “pavement licence” reform\n\n"
        "Owners of cafés said the change – agreed on Tuesday – would let them put tables "
        "outside for the whole year, and that it was “long overdue”, according to the "
        "trade body that represents them in the city.\n\n"
        "The council’s vote was unanimous and the rules take effect in April, after a "
        "consultation that drew more than two thousand responses from residents.\n"
    )
    article = load_text_page(text.encode("cp1252"))
    assert article.headline == "Café owners welcome “pavement licence” reform"
    assert "“long overdue”" in article.paragraphs[0]
    assert "council’s" in article.paragraphs[1]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Rail strike called off after late-night deal\n\n"
        "Train drivers have called off next week's strike after union leaders and\n"
        "the operator reached an agreement on pay shortly before midnight, ending a\n"
        "dispute that had lasted more than six months.\n\n"
        "Services will run to the normal timetable from Monday.\n"
    )
    article = load_text_page(text.encode())
    assert article.paragraphs[0].startswith(
        "Train drivers have called off next week's strike after"
    )
    assert article.paragraphs[0].endswith("more than six months.")
    assert len(article.paragraphs) == 2


def test_control_characters_and_escape_sequences_are_removed() -> None:
    body = "A paragraph long enough to read as an ordinary saved page. " * 4
    text = f"Headline \x1b[31mred\x1b[0m here\n\n{body}\n\nA bell\x07 and \x1b]0;title\x07 text.\n"
    article = load_text_page(text.encode())
    assert article.headline == "Headline red here"
    assert article.paragraphs[-1] == "A bell and text."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n \t\n", "empty"),
        (b"\x00\x01\x02binary\x00data" * 50, "binary"),
        (bytes(range(256)) * 8, "binary"),
        (b"Only a headline\n", "no article text"),
    ],
)
def test_bad_input_raises_load_error(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        load_text_page(data)


def test_furniture_words_inside_sentences_stay() -> None:
    text = (
        "Shares slide as markets digest rate rise\n\n"
        "Share prices fell sharply on Monday after the central bank raised rates.\n\n"
        "Register offices reported a rise in weddings ahead of the change, officials said.\n\n"
        "Subscribe\n"
    )
    article = load_text_page(text.encode())
    assert article.paragraphs[0].startswith("Share prices fell")
    assert any(p.startswith("Register offices") for p in article.paragraphs)
    assert "Subscribe" not in article.paragraphs
