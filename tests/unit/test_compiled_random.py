"""The compiled extractors, typed by their .pxd files, read random text as their source does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from source_first import SOURCE_FIRST

from bitereader.extract import compiled

# Makes seeded random paragraphs (capitalised names, particles, initials, quote marks of every
# kind, apostrophes, dashes, masked-looking stretches, accented and astral letters) and prints
# what the quote extractor and the name finder make of them. With "source" it first makes
# bitereader's modules load from their .py files even where a compiled module sits beside them.
DUMP = (
    SOURCE_FIRST
    + r"""
import random

from bitereader.extract import compiled, speakers
from bitereader.extract.quotes import extract_quotes

class Text(str):
    pass

WORDS = (
    "the a of in at from said says told according to he she they it was is and but who "
    "Mr. Dr. J. St. U.S. Mrs Smith Tom Ann Lee van de al-Assad O'Neil McDonald Élodie Zoë "
    "Ludwig Beethoven council spokeswoman mayor WHO (WHO) World Health Organization Residents' "
    "Harlow Foods shares side 𝐀lpha 𝒵eta 2024 ’90s don’t players’ — – - ... ; : , . ! ? "
).split()
MARKS = ['"', "“", "”", "'", "‘", "’", "«", "»", "„"]

def paragraph(rng):
    out = []
    for _ in range(rng.randrange(0, 40)):
        r = rng.random()
        if r < 0.12:
            out.append(rng.choice(MARKS) + rng.choice(WORDS))
        elif r < 0.2:
            out.append(rng.choice(WORDS) + rng.choice(MARKS))
        else:
            out.append(rng.choice(WORDS))
    sep = rng.choice([" ", " ", " ", "  ", ", ", "\n"])
    return sep.join(out)

rng = random.Random(20260)
print("compiled", compiled())
for i in range(int(sys.argv[2])):
    paras = [paragraph(rng) for _ in range(rng.randrange(1, 6))]
    # (extract_quotes takes any str, a subclass such as lxml's string results too)
    print(i, extract_quotes([Text(p) for p in paras] if i % 7 == 0 else paras))
    with speakers.run_cache():
        print(i, [speakers.runs_in(p) for p in paras])
        print(i, [speakers.runs_in(p, len(p) // 3, len(p) // 2) for p in paras if p])
"""
)


def _dump(mode: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", DUMP, mode, "400"], check=True, capture_output=True, text=True
    ).stdout
    return out.splitlines()


@pytest.mark.skipif(not compiled(), reason="the extractors are pure Python in this install")
def test_compiled_extractors_read_random_text_as_their_source_does() -> None:
    compiled_lines, source_lines = _dump("compiled"), _dump("source")
    assert compiled_lines[0] == "compiled True"
    assert source_lines[0] == "compiled False"
    assert len(compiled_lines) == 1 + 3 * 400
    assert compiled_lines[1:] == source_lines[1:]
