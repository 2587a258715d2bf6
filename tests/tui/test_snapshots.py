"""Snapshot tests of each screen (pytest-textual-snapshot), on fixed content and a frozen clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import NOW

from bitereader.library import Library
from bitereader.tui.app import BitereaderApp

MakeApp = Callable[..., BitereaderApp]


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_view(snap_compare, demo: Library, make_app: MakeApp) -> None:
    demo.set_read([h.id for h in demo.headlines(limit=4, offset=3)])
    demo.pin(demo.headlines(limit=1, offset=2)[0].id, NOW - timedelta(hours=5))
    assert snap_compare(make_app(demo), terminal_size=(120, 40), run_before=settle)


def test_wide_view_with_quotes(snap_compare, demo: Library, make_app: MakeApp) -> None:
    async def choose_quote(pilot: Pilot) -> None:
        await pilot.press("tab", "tab", "enter")
        await settle(pilot)

    assert snap_compare(make_app(demo), terminal_size=(200, 60), run_before=choose_quote)


def test_watch_list(snap_compare, demo: Library, make_app: MakeApp) -> None:
    for hours, headline in enumerate(demo.headlines(limit=3, offset=4)):
        demo.pin(headline.id, NOW - timedelta(hours=10 - hours, minutes=hours * 7))
    assert snap_compare(make_app(demo), press=["w"], terminal_size=(120, 40), run_before=settle)


def test_help(snap_compare, demo: Library, make_app: MakeApp) -> None:
    assert snap_compare(make_app(demo), press=["question_mark"], terminal_size=(120, 40))


def test_search(snap_compare, demo: Library, make_app: MakeApp) -> None:
    async def search(pilot: Pilot) -> None:
        await pilot.press("slash", *"president")
        # The search field's cursor blinks every half second: held still, the picture no
        # longer depends on the moment it is taken (a busy machine took it mid-blink).
        field = pilot.app.focused
        assert isinstance(field, Input)
        field.cursor_blink = False
        await settle(pilot)

    assert snap_compare(make_app(demo), terminal_size=(120, 40), run_before=search)


def test_welcome(snap_compare, library_file, make_app: MakeApp) -> None:
    with Library(library_file) as library:
        assert snap_compare(make_app(library), terminal_size=(120, 40))


def test_narrow_terminal(snap_compare, demo: Library, make_app: MakeApp) -> None:
    assert snap_compare(make_app(demo), press=["j"], terminal_size=(80, 24), run_before=settle)
