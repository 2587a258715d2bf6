"""A check shared by the tests that hold a fast labelled-credit match ("Photo: Jane Doe/AP")
equal to the plain regular expression it stands for."""

from __future__ import annotations

import re


def assert_same_labelled(
    found: tuple[str, re.Match[str]] | None, plain: re.Match[str] | None
) -> None:
    """`found` (text, match) is what `plain` finds: nothing, or the same text and groups."""
    if plain is None:
        assert found is None
        return
    assert found is not None
    text, match = found
    assert text == plain["text"]
    for group in ("label", "by", "credit"):
        assert match[group] == plain[group]
        assert match.span(group) == plain.span(group)
