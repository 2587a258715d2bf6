"""Time the extractors on a generated ~2,000-word article and print ms per article.

Usage: python benchmarks/extract.py [--runs N]

Each row is a (name, callable) pair in `BENCHMARKS`, timed by `measure`; add a row to time
another extractor on the same article.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence

from bitereader.extract.quotes import extract_quotes

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


def measure(run: Callable[[Sequence[str]], object], articles: Sequence[Sequence[str]]) -> float:
    """Median wall time of `run` over `articles`, in milliseconds, after one warm-up call.

    Each timed call gets a different article, so no cache inside the extractor can help it.
    """
    run(articles[0])
    times = []
    for paragraphs in articles[1:]:
        start = time.perf_counter()
        run(paragraphs)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


BENCHMARKS: list[tuple[str, Callable[[Sequence[str]], object]]] = [
    ("extract_quotes", extract_quotes),
]
"""The rows of the table: a name and a call that does the work once on an article."""


def main(argv: list[str] | None = None) -> int:
    """Print median milliseconds per ~2,000-word article for each extractor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs (articles) per row")
    args = parser.parse_args(argv)
    articles = [make_article(seed=seed) for seed in range(args.runs + 1)]
    paragraphs = articles[0]
    words = sum(len(p.split()) for p in paragraphs)
    quotes = len(extract_quotes(paragraphs))
    print(f"article: {words} words, {len(paragraphs)} paragraphs, {quotes} quotes")
    print(f"{'extractor':<24} {'ms/article':>10}")
    for name, run in BENCHMARKS:
        print(f"{name:<24} {measure(run, articles):>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
