"""The extractors compiled by Cython (setup.py) must read every article as their source does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from source_first import SOURCE_FIRST

from bitereader.extract import compiled

DATA = Path(__file__).resolve().parents[1] / "data"

# Reads every test page, saved HTML page and feed, and prints what the extractors made of them
# (from the .py files when run with "source": see source_first).
DUMP = (
    SOURCE_FIRST
    + r"""

from bitereader.extract import compiled
from bitereader.extract.html import html_to_parts
from bitereader.loaders.feeds import parse_feed
from bitereader.loaders.textpage import load_text_page

print("compiled", compiled())
data = Path(sys.argv[2])
for path in sorted(data.rglob("*.txt")):
    print(path.name, load_text_page(path.read_bytes()))
for path in sorted(data.rglob("*.html")):
    print(path.name, html_to_parts(path.read_text(errors="replace")))
for path in sorted((data / "feeds").glob("*.xml")):
    articles = parse_feed(path.read_bytes()).articles
    print(path.name, [(a.quotes, a.captions, a.paragraphs) for a in articles])
"""
)


def _dump(mode: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", DUMP, mode, str(DATA)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.splitlines()


@pytest.mark.skipif(not compiled(), reason="the extractors are pure Python in this install")
def test_compiled_extractors_read_articles_as_their_source_does() -> None:
    compiled_lines, source_lines = _dump("compiled"), _dump("source")
    assert compiled_lines[0] == "compiled True"
    assert source_lines[0] == "compiled False"
    assert len(compiled_lines) > 30
    assert compiled_lines[1:] == source_lines[1:]


@pytest.mark.skipif(
    not os.environ.get("BITEREADER_EXPECT_COMPILED"),
    reason="only where the build is known to have a C compiler (CI sets this)",
)
def test_the_install_compiled_the_extractors() -> None:
    assert compiled()
