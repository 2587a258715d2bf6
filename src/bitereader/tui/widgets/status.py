"""The status bar: the current list, its size, and what a refresh is doing."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from bitereader.tui.text import visible


class StatusBar(Widget):
    """One line above the footer; its parts are set by the screen."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    scope: reactive[str] = reactive("")
    count: reactive[str] = reactive("")
    activity: reactive[str] = reactive("")

    def render(self) -> Text:
        parts = [part for part in (self.scope, self.count, self.activity) if part]
        return Text(visible(" · ".join(parts)), no_wrap=True, overflow="ellipsis")
