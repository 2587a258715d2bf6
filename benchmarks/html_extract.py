"""Time HTML → text and captions: feed fragments, a 2,000-word article, text-page credits, pages.

Run: .venv/bin/python benchmarks/html_extract.py
Prints a table of milliseconds per call. The data is generated here; nothing is read from disk
but the small test pages in tests/data/html.
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable
from pathlib import Path

from bitereader.extract.captions import split_credit
from bitereader.extract.html import html_to_parts
from bitereader.extract.quotes import extract_quotes
from bitereader.loaders.htmlpage import load_html_page

_WORDS = ("council", "river", "barrier", "homes", "town", "voted", "night", "scheme", "agency",
          "plan", "street", "traders", "petition", "flood", "winter", "year", "people", "said",
          "would", "could", "build", "protect", "money", "minister", "week", "report")  # fmt: skip
_CREDITS = ("Photo: Jane Doe/Reuters", "(AP Photo/Evan Vucci)", "Chip Somodevilla/Getty Images")


def _sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(_WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(_sentence(rng, 10) for _ in range(words // 10))
    if rng.random() < 0.4:
        text += f" “{_sentence(rng, 12)[:-1]},” said Mary Okafor, a councillor."
    return text


def feed_fragment(rng: random.Random, size: int) -> str:
    """An item's HTML content of about `size` bytes, with one figure and a share widget."""
    parts = [
        "<figure><img src='https://example.com/a.jpg' alt='x'><figcaption>"
        f"{_sentence(rng, 8)} <span class='credit'>{_CREDITS[0]}</span></figcaption></figure>"
    ]
    while sum(map(len, parts)) < size:
        parts.append(f"<p>{_paragraph(rng, 20)} <a href='https://example.com'>link</a></p>")
    parts.append(
        "<div class='feedflare'><a href='#'><img src='t.gif' width='1' height='1'></a></div>"
    )
    return "".join(parts)


def article_html(rng: random.Random, words: int = 2000) -> tuple[str, list[str]]:
    """A 2,000-word article body with a figure every five paragraphs, and its paragraphs."""
    parts, paragraphs = [], []
    while sum(len(p.split()) for p in paragraphs) < words:
        if len(paragraphs) % 5 == 0:
            credit = _CREDITS[len(paragraphs) // 5 % 3]
            parts.append(
                f"<figure><img src='p{len(paragraphs)}.jpg' alt='alt'><figcaption>"
                f"{_sentence(rng, 10)} {credit}</figcaption></figure>"
            )
        paragraph = _paragraph(rng, 50)
        paragraphs.append(paragraph)
        parts.append(f"<p>{paragraph}</p>")
    return "<article>" + "".join(parts) + "</article>", paragraphs


def text_lines(paragraphs: list[str]) -> list[str]:
    """The lines of the same article saved as text, a caption with credit every five lines."""
    lines = []
    for index, paragraph in enumerate(paragraphs):
        if index % 5 == 0:
            lines.append(f"Crowds gather in the square. {_CREDITS[index // 5 % 3]}")
        lines.append(paragraph)
    return lines


def _time(call: Callable[[], object], budget: float = 0.5) -> float:
    """Milliseconds per call: the best of five runs, each sized to about `budget` seconds."""
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    number = max(1, int(number * budget / 0.2))
    return min(timer.repeat(5, number)) / number * 1000


def main() -> None:
    rng = random.Random(4)
    small, medium = feed_fragment(rng, 1000), feed_fragment(rng, 2500)
    article, paragraphs = article_html(rng)
    lines = text_lines(paragraphs)
    page = (Path(__file__).resolve().parents[1] / "tests/data/html/news-figure.html").read_bytes()
    load_html_page(page)  # import trafilatura once, outside the timing

    rows: list[tuple[str, Callable[[], object], str]] = [
        (f"html_to_parts, {len(small):,} B feed item", lambda: html_to_parts(small), "~0.1"),
        (f"html_to_parts, {len(medium):,} B feed item", lambda: html_to_parts(medium), "~0.1"),
        ("html_to_parts, plain-text summary", lambda: html_to_parts("A plain summary."), ""),
        (
            f"html_to_parts, {len(article):,} B / 2,000-word article with figures",
            lambda: html_to_parts(article),
            "",
        ),
        (
            f"text-page captions: split_credit over {len(lines)} lines (2,000 words)",
            lambda: [split_credit(line) for line in lines],
            "",
        ),
        (
            "quotes + captions, 2,000-word HTML article",
            lambda: extract_quotes(html_to_parts(article).paragraphs),
            "≤ 5",
        ),
        ("load_html_page, saved news page (trafilatura)", lambda: load_html_page(page), ""),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure':<{width}}  {'ms/call':>9}  target")
    for name, call, target in rows:
        print(f"{name:<{width}}  {_time(call):>9.3f}  {target}")


if __name__ == "__main__":
    main()
