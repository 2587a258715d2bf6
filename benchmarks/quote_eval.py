"""Load annotated quote samples and score extract_quotes against them.

Shared by `benchmarks/quotes.py` and `tests/unit/test_quotes.py` (which loads this file by
path), so the benchmark table and the acceptance test always agree on what a match is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bitereader.extract.quotes import extract_quotes
from bitereader.models import Quote

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = REPO.parent / "shared" / "samples"
OWN_SAMPLES = REPO / "tests" / "data" / "quotes"

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s,.;:]+$")
_POSSESSIVE = re.compile(r"['’]s?\b")


def normalise_text(text: str) -> str:
    """Fold case, spacing, quote marks and trailing punctuation so equal quotes compare equal."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS).casefold()
    text = _SPACES.sub(" ", text).strip()
    return _TRAILING.sub("", text).strip()


def _speaker_tokens(name: str) -> list[str]:
    name = unicodedata.normalize("NFC", name).translate(_QUOTE_MARKS).casefold()
    name = _POSSESSIVE.sub("", name)
    return re.findall(r"[\w-]+", name)


def speaker_matches(got: str | None, expected: str | None) -> bool:
    """True when `got` names the same person or body as `expected`.

    Equal names match; so does a surname alone ("Appleton" for "Barry Appleton"), and a
    shorter phrase that appears word for word inside the longer one ("Erdogan's office").
    """
    if got is None or expected is None:
        return got is expected
    a, b = _speaker_tokens(got), _speaker_tokens(expected)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        # A single word counts when it is the surname, or the name of the body that owns the rest.
        return short[0] == long[-1] or (short[0] == long[0] and len(long) <= 3)
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


@dataclass
class Sample:
    """One annotated article: its body paragraphs and the expected quotes."""

    name: str
    paragraphs: list[str]
    expected: list[dict]
    not_quotes: list[str]


def load_sample(txt: Path) -> Sample:
    """Read `<name>.txt` and `<name>.expected.json` into body paragraphs and gold quotes.

    Blocks are separated by blank lines. The title line and the `Original URL:` line are
    dropped; when the gold file names the first and last body paragraphs (as the NewsBite page
    does), only the paragraphs between them are kept.
    """
    gold = json.loads(txt.with_name(txt.name[: -len(".txt")] + ".expected.json").read_text())
    blocks = [b.strip() for b in re.split(r"\n\s*\n", txt.read_text(encoding="utf-8"))]
    blocks = [b for b in blocks if b and not b.startswith("Original URL:")]
    first, last = gold.get("body_first_paragraph_starts"), gold.get("body_last_paragraph_starts")
    if first:
        start = next(i for i, b in enumerate(blocks) if b.startswith(first))
        end = next(i for i, b in enumerate(blocks) if b.startswith(last)) if last else len(blocks)
        blocks = blocks[start : end + 1]
    else:
        blocks = blocks[1:]
    return Sample(txt.stem, blocks, gold["quotes"], gold.get("not_quotes", []))


def sample_files(*dirs: Path) -> list[Path]:
    """Every `.txt` with a matching `.expected.json` under `dirs`, sorted by name."""
    found: list[Path] = []
    for folder in dirs:
        if folder.is_dir():
            found.extend(
                p
                for p in sorted(folder.rglob("*.txt"))
                if p.with_name(p.stem + ".expected.json").exists()
            )
    return found


@dataclass
class Score:
    """Counts for one article or a total."""

    name: str
    expected: int = 0
    found: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_total: int = 0
    kind_right: int = 0
    false_not_quotes: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str | None, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.kind_total if self.kind_total else 1.0

    def add(self, other: Score) -> None:
        """Add another score's counts into this one."""
        self.expected += other.expected
        self.found += other.found
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.kind_total += other.kind_total
        self.kind_right += other.kind_right


def score_sample(sample: Sample, quotes: Sequence[Quote] | None = None) -> Score:
    """Match extracted quotes to the gold ones (each used once, in order) and count."""
    if quotes is None:
        quotes = extract_quotes(sample.paragraphs)
    score = Score(sample.name, expected=len(sample.expected), found=len(quotes))
    unused = list(range(len(quotes)))
    got_norm = [normalise_text(q.text) for q in quotes]
    for gold in sample.expected:
        want = normalise_text(gold["text"])
        hit = next((i for i in unused if got_norm[i] == want), None)
        if hit is None:
            score.missed.append(gold["text"])
            continue
        unused.remove(hit)
        quote = quotes[hit]
        score.matched += 1
        if speaker_matches(quote.speaker, gold.get("speaker")):
            score.speaker_right += 1
        else:
            score.wrong_speaker.append((gold["text"][:60], quote.speaker, gold.get("speaker")))
        if "kind" in gold:
            score.kind_total += 1
            score.kind_right += quote.kind == gold["kind"]
    score.spurious = [quotes[i].text for i in unused]
    not_quotes = {normalise_text(n) for n in sample.not_quotes}
    score.false_not_quotes = [q.text for q in quotes if normalise_text(q.text) in not_quotes]
    return score


def score_all(files: Iterable[Path]) -> tuple[list[Score], Score]:
    """Score every sample file; return the per-file scores and their total."""
    scores = [score_sample(load_sample(f)) for f in files]
    total = Score("TOTAL")
    for s in scores:
        total.add(s)
    return scores, total
