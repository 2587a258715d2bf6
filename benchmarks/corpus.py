"""Generated news-like articles for the benchmarks: varied, repeatable, never committed."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

from bitereader.models import Article, Caption

COMMON = (
    "the of and to in a is that for on was with he it as at by from his an were are which "
    "this be has had not but have one their after new also its they been more who government "
    "said would people year two first minister police president city country state week "
    "officials told report court election market workers health police company"
).split()
SYLLABLES = (
    "ba be bi bo bu ca co da de di do fa fe ga ge ha he ka ke la le li lo ma me mi mo "
    "na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi za ze".split()
)
KICKERS = ["World", "Business", "Politics", "Sport", "Science", "Culture", "Health", "NewsBite"]
CREDITS = ["Reuters", "AP Photo/Ana Silva", "Getty Images", "Bloomberg News", "AFP"]
NAMES = ["Maria Lindqvist", "Tom Reyes", "Amira Haddad", "Jane Okafor", "Kenji Sato", "Ola Berg"]


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Made-up words, so queries hit a realistic spread of frequencies."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Corpus:
    """Deterministic generator of sentences, paragraphs, articles and saved pages."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        # Zipf-like weights: a few words are everywhere, most are rare.
        weights = [1 / (rank + 10) for rank in range(len(self.words))]
        self.cum_weights = list(itertools.accumulate(weights))

    def sentence(self, length: int | None = None) -> str:
        length = length or self.rng.randint(8, 24)
        rare = self.rng.choices(self.words, cum_weights=self.cum_weights, k=length)
        words = [w if self.rng.random() < 0.6 else self.rng.choice(COMMON) for w in rare]
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(1, 4))]
        if self.rng.random() < 0.4:
            speaker = self.rng.choice(NAMES)
            sentences.append(f"“{self.sentence()[:-1]},” said {speaker}.")
        return " ".join(sentences)

    def headline(self) -> str:
        return self.sentence(self.rng.randint(6, 14))[:-1]

    def article(self, index: int, *, now: datetime | None = None) -> Article:
        now = now or datetime(2026, 11, 1, tzinfo=UTC)
        paragraphs = tuple(self.paragraph() for _ in range(self.rng.randint(6, 16)))
        return Article(
            headline=self.headline(),
            paragraphs=paragraphs,
            url=f"https://news.example/{index}",
            source=self.rng.choice(["news.example", "wire.example", "daily.example"]),
            kicker=self.rng.choice(KICKERS),
            standfirst=self.sentence(),
            published=now - timedelta(minutes=index),
            captions=(Caption(self.sentence(8), self.rng.choice(CREDITS), 1),),
        )

    def saved_page(self, index: int) -> str:
        """A saved plain-text page in the shape people copy out of a browser."""
        caption = f"{self.sentence(10)} Picture: {self.rng.choice(CREDITS)}"
        lines = [
            self.rng.choice(KICKERS),
            "",
            self.headline(),
            "",
            self.sentence(),
            "",
            caption,
            caption,
            "",
        ]
        for _ in range(self.rng.randint(6, 16)):
            lines += [self.paragraph(), ""]
        lines += ["Reuters", "", "Add your comment to this story", "", "Share", ""]
        lines.append(f"Original URL: https://news.example/saved/{index}")
        return "\n".join(lines)

    def query(self) -> str:
        """Two words of middling frequency, as a person might search."""
        band = self.words[50:3_000]
        return f"{self.rng.choice(band)} {self.rng.choice(band)}"
