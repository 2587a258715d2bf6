"""A lone caption is folded as the general rule folds it."""

from __future__ import annotations

import pytest

from bitereader.extract.captions import fold_captions
from bitereader.models import Caption


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        (Caption("A pier at dusk.", "Ana Lee", 2), True),
        (Caption("", "AP", None), True),  # a credit alone is kept
        (Caption(" . ", "AP", 0), True),
        (Caption("A pier at dusk.", None, 1), True),
        (Caption("", None, 0), False),  # nothing to show
        (Caption(" .. ", None, None), False),
        (Caption("", "", None), False),  # an empty credit is none
    ],
)
def test_a_lone_caption(caption: Caption, kept: bool) -> None:
    assert fold_captions([caption]) == ((caption,) if kept else ())
    # The same caption after an unrelated one is kept or dropped alike.
    other = Caption("Another picture.", "Tom Re", 0)
    assert fold_captions([other, caption]) == ((other, caption) if kept else (other,))
