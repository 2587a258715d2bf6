"""Find quotations in article paragraphs and attribute them to speakers (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from bitereader.models import Quote


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """Return the quotations in `paragraphs`, in article order."""
    return ()
