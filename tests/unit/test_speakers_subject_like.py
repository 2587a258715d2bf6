"""`subject_like` for a run read as if nothing came before it, and with its agent-suffix
shortcut, answers as the plain rule does."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers
from bitereader.extract.quote_lexicon import PREPOSITIONS, ROLE_NOUNS, TITLES
from bitereader.extract.speakers import Run, run_cache, runs_in

_PIECES = st.sampled_from(
    [
        "Ann", "Lee", "Smith", "the", "a", "to", "according", "of", "in", "with", "told", "said",
        "lawmakers", "archbishop", "worker", "later", "reporter", "mayor", "farmers", "leading",
        "woman", "Mr", "’s", "'", " ", " ", " ", ", ", ". ", "\n", "officials", "president",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _plain_subject_like(run: Run) -> bool:
    """The rule as first written."""
    before, before2, after = run.before, run.before2, run.after
    if before == "to" and before2 == "according":
        return True
    if run.possessive:
        return False
    if before in PREPOSITIONS and not (before == "with" and after.endswith("ing")):
        return False
    if run.gap_after == " " and after and after[0].islower():
        agent = after.endswith(speakers._AGENT_SUFFIXES) and after not in speakers._NOT_AGENTS
        if (after in ROLE_NOUNS or after in TITLES or agent) and not speakers.is_speech_word(after):
            return False
    if before and before2 in PREPOSITIONS and before not in TITLES:
        return False
    return not (before in ("told", "tells", "telling") or before in speakers._DETERMINERS_NOT_THE)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
@example("according to Ann Lee said")
@example("of Ann lawmakers")
@example("the Ann worker")
@example("Ann woman")
def test_subject_like_is_the_plain_rule(text: str) -> None:
    with run_cache():
        for run in runs_in(text):
            bare = run._replace(before="", before2="")
            assert speakers.subject_like(run) == _plain_subject_like(run)
            assert speakers.subject_like(run, False) == _plain_subject_like(run)
            assert speakers.subject_like(run, True) == _plain_subject_like(bare)
