"""The watch list: pinned stories, newest pin first, with when each was pinned."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from bitereader.library import HeadlineFilter, Library
from bitereader.tui.widgets.headlines import HeadlinesList, HeadlineSource

if TYPE_CHECKING:
    from bitereader.tui.app import BitereaderApp

PINNED = HeadlineFilter(pinned=True)


class WatchListScreen(Screen[int | None]):
    """Open, unpin and reorder pinned stories; dismissed with the id of one to open, or None."""

    BINDING_GROUP_TITLE = "Watch list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "close", "Back", id="watchlist.close"),
        Binding("enter", "open", "Open", id="watchlist.open"),
        Binding("u,p,delete", "unpin", "Unpin", id="watchlist.unpin"),
        Binding("K,shift+up", "move(-1)", "Move up", id="watchlist.move_up"),
        Binding("J,shift+down", "move(1)", "Move down", id="watchlist.move_down"),
    ]
    DEFAULT_CSS = """
    WatchListScreen {
        #pins { height: 1fr; }
        #hint { height: 1; color: $text-muted; padding: 0 1; background: $panel; }
    }
    """

    @property
    def library(self) -> Library:
        return cast("BitereaderApp", self.app).library

    def compose(self) -> ComposeResult:
        app = cast("BitereaderApp", self.app)
        library = self.library
        yield HeadlinesList(
            HeadlineSource(
                fetch=lambda offset, limit: library.headlines(PINNED, limit=limit, offset=offset),
                count=lambda: library.count(PINNED),
            ),
            clock=app.clock,
            relative_times=app.config.relative_times,
            show_pinned_time=True,
            empty_text="Nothing pinned yet: press p on a headline to pin it.",
            id="pins",
        )
        yield Static("", id="hint")
        yield Footer()

    @property
    def pins(self) -> HeadlinesList:
        return self.query_one("#pins", HeadlinesList)

    def on_mount(self) -> None:
        self.pins.border_title = "Watch list"
        self.pins.focus()

    @on(HeadlinesList.Counted)
    @on(HeadlinesList.Highlighted)
    def _update_hint(self) -> None:
        count = self.pins.row_count
        self.query_one("#hint", Static).update(
            f"{count} pinned {'story' if count == 1 else 'stories'}"
        )

    @on(HeadlinesList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if (headline := self.pins.highlighted) is not None:
            self.dismiss(headline.id)

    def action_unpin(self) -> None:
        headline = self.pins.highlighted
        if headline is None:
            return
        self.library.unpin(headline.id)
        self.pins.reload()
        self.notify("Taken off the watch list.")

    def action_move(self, steps: int) -> None:
        headline = self.pins.highlighted
        if headline is None:
            return
        self.library.move_pin(headline.id, steps)
        self.pins.update_headline(replace(headline))
        self.pins.reload(self.library.position(headline.id, PINNED))

    def action_close(self) -> None:
        self.dismiss(None)
