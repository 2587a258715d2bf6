"""Time the extractors (quotes, captions, HTML → text) on generated articles; print one table.

Usage: python benchmarks/extract.py [--runs N]

Each row is a `Row`: a name, a builder that makes one input from a seed, the call that does
the work once, and the issue's target. Every timed call gets a freshly generated input, so no
cache inside an extractor can flatter the figure. Nothing is read from disk but one small test
page in tests/data/html.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bitereader.extract import compiled
from bitereader.extract.captions import split_credit
from bitereader.extract.html import html_to_parts
from bitereader.extract.quotes import extract_quotes
from bitereader.loaders.htmlpage import load_html_page

_PEOPLE = [
    ("Maria Delgado", "she", "the city's housing director"),
    ("Tom Brennan", "he", "a local business owner"),
    ("Aisha Rahman", "she", "an economist at the university"),
    ("Peter Novak", "he", "the opposition leader"),
    ("Grace Achebe", "she", "an employment lawyer"),
]
_SPEECH = [
    "We cannot keep doing the same thing and expect a different result",
    "The numbers speak for themselves, and they are not good",
    "I have never seen anything like it in thirty years",
    "Nobody wants this, but everybody will have to live with it",
    "It's too early to say whether the plan will work",
]
_FILLER = [
    "The council met on Tuesday to discuss the proposal, which has divided the town.",
    "Figures published last month showed rents rising faster than wages for a third year.",
    "The scheme, first announced in 2021, was delayed twice by disputes over funding.",
    "Residents' groups have organised meetings in church halls across the district.",
    "A final decision is expected before the end of the financial year in April.",
]
_CREDITS = ("Photo: Jane Doe/Reuters", "(AP Photo/Evan Vucci)", "Chip Somodevilla/Getty Images")
_CAPTIONS = (
    "Crowds gather in the square outside the town hall.",
    "Maria Delgado speaks to residents at a meeting in March.",
    "The site of the proposed development, seen from the river.",
)


def _templates(name: str, pronoun: str, role: str, speech: str, rng: random.Random) -> str:
    surname = name.split()[-1]
    options = [
        f"“{speech},” said {name}, {role}.",
        f"{name}, {role}, said: “{speech}.”",
        f"“{speech},” {pronoun} said. “We will see what happens next.”",
        f"{surname} called the plan “a {rng.choice(['disaster', 'gamble', 'mistake'])}” and said "
        f"it was “{speech.lower()}”.",
        f"According to {surname}, the decision was “{speech.lower()}”.",
        f"“{speech},” {surname} told reporters, “and I said so at the time.”",
        f"In a statement, {name} said it was “{speech.lower()}”.",
    ]
    return rng.choice(options)


def make_article(words: int = 2000, seed: int = 7) -> list[str]:
    """A plausible news article of about `words` words, with quotes in many styles."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        name, pronoun, role = rng.choice(_PEOPLE)
        parts = [rng.choice(_FILLER)]
        parts.append(_templates(name, pronoun, role, rng.choice(_SPEECH), rng))
        if rng.random() < 0.5:
            parts.append(rng.choice(_FILLER))
        paragraph = " ".join(parts)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def _caption(index: int) -> str:
    return f"{_CAPTIONS[index % 3]} {_CREDITS[index // 5 % 3]}"


def article_html(paragraphs: Sequence[str]) -> str:
    """The article as HTML, with a figure and credited caption before every fifth paragraph."""
    parts = ["<article>"]
    for index, paragraph in enumerate(paragraphs):
        if index % 5 == 0:
            parts.append(
                f"<figure><img src='p{index}.jpg' alt='alt'>"
                f"<figcaption>{_caption(index)}</figcaption></figure>"
            )
        parts.append(f"<p>{paragraph} <a href='https://example.com/{index}'>more</a></p>")
    parts.append("</article>")
    return "".join(parts)


def text_lines(paragraphs: Sequence[str]) -> list[str]:
    """The article saved as text: a caption with a credit line before every fifth paragraph."""
    lines: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index % 5 == 0:
            lines.append(_caption(index))
        lines.append(paragraph)
    return lines


def feed_fragment(paragraphs: Sequence[str], size: int) -> str:
    """A feed item's HTML content of about `size` bytes, with one figure and a share widget."""
    parts = [f"<figure><img src='a.jpg' alt='x'><figcaption>{_caption(0)}</figcaption></figure>"]
    for paragraph in paragraphs:
        if sum(map(len, parts)) >= size:
            break
        parts.append(f"<p>{paragraph} <a href='https://example.com'>link</a></p>")
    parts.append("<div class='feedflare'><a href='#'><img src='t.gif' width='1'></a></div>")
    return "".join(parts)


def _quotes_and_captions_text(lines: Sequence[str]) -> object:
    """What a text page costs: every line tried as a caption, the rest read for quotes."""
    read = [(line, split_credit(line)) for line in lines]
    captions = [caption for _, caption in read if caption is not None]
    return extract_quotes([line for line, caption in read if caption is None]), captions


@dataclass(frozen=True)
class Row:
    """One line of the table: how to build an input from a seed, and what to time on it."""

    name: str
    build: Callable[[int], Any]
    run: Callable[[Any], object]
    target: str = ""


def _rows() -> list[Row]:
    page = (Path(__file__).resolve().parents[1] / "tests/data/html/news-figure.html").read_bytes()
    return [
        Row("quotes, 2,000-word article", lambda s: make_article(seed=s), extract_quotes, "≤ 3.5"),
        Row("quotes, 500-word page", lambda s: make_article(500, seed=s), extract_quotes, "≤ 2"),
        Row(
            "text captions: split_credit, 2,000 words",
            lambda s: text_lines(make_article(seed=s)),
            lambda lines: [split_credit(line) for line in lines],
        ),
        Row(
            "html_to_parts, ~1.2 kB feed item",
            lambda s: feed_fragment(make_article(300, s), 1200),
            html_to_parts,
            "~0.1",
        ),
        Row(
            "html_to_parts, ~2.8 kB feed item",
            lambda s: feed_fragment(make_article(600, s), 2800),
            html_to_parts,
            "~0.1",
        ),
        Row(
            "html_to_parts, 2,000-word article",
            lambda s: article_html(make_article(seed=s)),
            html_to_parts,
        ),
        Row(
            "quotes + captions, 2,000-word HTML article",
            lambda s: article_html(make_article(seed=s)),
            lambda html: extract_quotes(html_to_parts(html).paragraphs),
            "≤ 5",
        ),
        Row(
            "quotes + captions, 2,000-word text page",
            lambda s: text_lines(make_article(seed=s)),
            _quotes_and_captions_text,
            "≤ 5",
        ),
        Row("load_html_page, saved news page (trafilatura)", lambda s: page, load_html_page),
    ]


def measure(row: Row, runs: int) -> float:
    """Median wall time of `row.run` over `runs` fresh inputs, in ms, after one warm-up call."""
    inputs = [row.build(seed) for seed in range(runs + 1)]
    row.run(inputs[0])
    times = []
    for value in inputs[1:]:
        start = time.perf_counter()
        row.run(value)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print median milliseconds per call for each row, with the issue's target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs (inputs) per row")
    args = parser.parse_args(argv)
    paragraphs = make_article(seed=0)
    words = sum(len(p.split()) for p in paragraphs)
    quotes = len(extract_quotes(paragraphs))
    print(f"2,000-word article: {words} words, {len(paragraphs)} paragraphs, {quotes} quotes")
    print(f"extractors: {'compiled by Cython' if compiled() else 'pure Python'}")
    rows = _rows()
    width = max(len(row.name) for row in rows)
    print(f"{'measure':<{width}}  {'ms/call':>8}  target (ms)")
    for row in rows:
        print(f"{row.name:<{width}}  {measure(row, args.runs):>8.3f}  {row.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
