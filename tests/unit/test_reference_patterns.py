"""The expressions the compiled build reads character by character instead: compiled only in
the pure-Python build at import, and on first use (by tests) in the compiled one."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bitereader.extract import quotes, speakers
from bitereader.extract.quote_lexicon import reference_pattern

_REFERENCES = {
    quotes: (
        "_SENTENCE_END",
        "_FIRST_PERSON",
        "_CUT_NP",
        "_CUT_ROLE",
        "_LEADING_ARTICLE",
        "_NP_STOP_MARK",
        "_DESCRIBED_HEAD",
        "_VERB_OR_CAPITAL",
        "_PLAIN_NEXT_WORD",
    ),
    speakers: ("_POSSESSIVE", "_PLAIN_RUN"),
}
_REPO = Path(__file__).resolve().parents[2]
_TEXTS = (_REPO / "tests" / "data" / "quotes", _REPO / ".." / "shared" / "samples")


@pytest.mark.parametrize("compiled", [False, True])
def test_a_reference_pattern_works_as_the_expression(compiled: bool) -> None:
    text = "He said: “We will.” Then Ann Smith, the mayor, added more."
    for source, flags in ((r"\b([A-Z])(\w+)", 0), (r"(?P<w>the|we)\b", re.IGNORECASE)):
        plain = re.compile(source, flags)
        pattern = reference_pattern(source, compiled, flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        assert pattern.search(text, 5, 40).span() == plain.search(text, 5, 40).span()  # type: ignore[union-attr]
        assert pattern.match(text) is None or pattern.match(text).span() == plain.match(text).span()  # type: ignore[union-attr]
        assert pattern.sub("x", text) == plain.sub("x", text)
        assert (pattern.pattern, pattern.flags, pattern.groups) == (
            plain.pattern,
            plain.flags,
            plain.groups,
        )


def test_the_pure_build_compiles_its_references_at_import() -> None:
    for module, names in _REFERENCES.items():
        for name in names:
            pattern = getattr(module, name)
            assert isinstance(pattern, re.Pattern) is not module.COMPILED, name


def test_the_compiled_build_never_compiles_them_to_extract() -> None:
    """A worker that compiled one of them would pay for it in every refresh: extracting quotes
    from every test article (and every shared sample, where they are) leaves them uncompiled."""
    if not quotes.COMPILED:
        pytest.skip("the pure-Python build compiles them at import")
    code = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from bitereader.extract import quotes, speakers\n"
        "paths = [p for d in sys.argv[1].split('|') for p in sorted(Path(d).rglob('*.txt'))]\n"
        "assert len(paths) > 10, paths\n"
        "for path in paths:\n"
        "    text = path.read_text(encoding='utf-8', errors='replace')\n"
        "    quotes.extract_quotes([b for b in re.split(r'\\n\\s*\\n', text) if b.strip()])\n"
        "for module, names in ((quotes, sys.argv[2].split()), (speakers, sys.argv[3].split())):\n"
        "    for name in names:\n"
        "        pattern = vars(module)[name]\n"
        "        assert not isinstance(pattern, re.Pattern), name\n"
        "        assert set(vars(pattern)) == {'_source'}, name\n"
        "assert set(vars(quotes.SPEECH_VERB_RE._after_break)) == {'_source'}\n"
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "|".join(str(d) for d in _TEXTS),
            " ".join(_REFERENCES[quotes]),
            " ".join(_REFERENCES[speakers]),
        ],
        check=True,
    )
