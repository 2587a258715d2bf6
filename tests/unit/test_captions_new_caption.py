"""new_caption makes the very caption Caption() makes."""

from __future__ import annotations

import dataclasses

import pytest

from bitereader.extract.captions import new_caption
from bitereader.models import Caption


def test_caption_has_only_the_fields_new_caption_sets_and_nothing_run_after() -> None:
    assert [f.name for f in dataclasses.fields(Caption)] == ["text", "credit", "paragraph"]
    assert not hasattr(Caption, "__post_init__")


@pytest.mark.parametrize(
    "values", [("A pier.", "Ana Lee", 2), ("", "AP", None), ("Dusk.", None, 0), ("“Q”", None, None)]
)
def test_new_caption_is_caption(values: tuple[str, str | None, int | None]) -> None:
    made, built = new_caption(*values), Caption(*values)
    assert type(made) is Caption
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]
