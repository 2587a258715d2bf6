"""The watch list: pinned stories, newest pin first, and the follow-ups each has had since."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from bitereader.library import HeadlineFilter, Library
from bitereader.models import Headline
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
        #follow-ups { height: 1fr; }
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
        yield HeadlinesList(
            HeadlineSource(fetch=self._follow_ups_page, count=self._follow_ups_count),
            clock=app.clock,
            relative_times=app.config.relative_times,
            empty_text="No follow-ups since this story was pinned.",
            id="follow-ups",
        )
        yield Static("", id="hint")
        yield Footer()

    @property
    def pins(self) -> HeadlinesList:
        return self.query_one("#pins", HeadlinesList)

    @property
    def follow_ups(self) -> HeadlinesList:
        return self.query_one("#follow-ups", HeadlinesList)

    def on_mount(self) -> None:
        self.pins.border_title = "Watch list"
        self.follow_ups.border_title = "Follow-ups"
        self.pins.focus()

    def _follow_ups_page(self, offset: int, limit: int) -> list[Headline]:
        story = self.pins.highlighted
        if story is None:
            return []
        return self.library.follow_ups(story.id, limit=offset + limit)[offset:]

    def _follow_ups_count(self) -> int:
        story = self.pins.highlighted
        return 0 if story is None else len(self.library.follow_ups(story.id, limit=10_000))

    @on(HeadlinesList.Highlighted, "#pins")
    def _story_highlighted(self) -> None:
        # Articles that arrived after this story was pinned and share its key names.
        self.follow_ups.reload(0)
        self._update_hint()

    @on(HeadlinesList.Counted)
    def _update_hint(self) -> None:
        count = self.pins.row_count
        follow_ups = self.follow_ups.row_count
        self.query_one("#hint", Static).update(
            f"{count} pinned {'story' if count == 1 else 'stories'}"
            + (
                f" · {follow_ups} follow-up{'s' if follow_ups != 1 else ''} to this one"
                if count
                else ""
            )
        )

    @on(HeadlinesList.Selected)
    def _selected(self, event: HeadlinesList.Selected) -> None:
        self.dismiss(event.headline.id)

    def action_open(self) -> None:
        focused = self.follow_ups if self.follow_ups.has_focus else self.pins
        if (headline := focused.highlighted) is not None:
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
