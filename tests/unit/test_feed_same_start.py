"""The summary-is-the-body's-start test answers as comparing the folded texts whole does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.loaders.feeds import _same_start

texts = st.text(st.sampled_from("aAbBß sSİi̇.… ΣσςﬁFI"), max_size=12)


def folded_start(summary: str, opening: str) -> bool:
    """_same_start as first written: both texts folded, then compared."""
    a, b = summary.rstrip(".… ")[:200].casefold(), opening[:200].casefold()
    return bool(a) and (b.startswith(a[:200]) or a.startswith(b[:200]))


@settings(max_examples=2000)
@given(texts, texts)
def test_same_start_is_the_folded_comparison(summary: str, opening: str) -> None:
    assert _same_start(summary, opening) == folded_start(summary, opening)


def test_same_start_cases() -> None:
    assert _same_start("Boats stop today…", "BOATS STOP TODAY, the union said.")
    assert _same_start("Straße closed.", "STRASSE closed.")
    assert _same_start("Anything.", "")
    assert not _same_start("Fares rise.", "Boats stop today.")
    assert not _same_start("...", "Boats stop today.")
