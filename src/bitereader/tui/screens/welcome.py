"""The welcome view an empty library opens on: how to add articles, and the demo."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

if TYPE_CHECKING:
    from bitereader.tui.app import BitereaderApp

WELCOME = """\
Your library is empty.

Add saved pages or feed files (files or whole folders):
    bitereader add ~/Downloads/articles

Subscribe to feeds with the feed commands (see bitereader --help),
then press r in the reader to fetch them.

Or look around first with a throwaway library of sample
Wikinews articles (CC BY 2.5): press d, or run bitereader --demo.
"""


class WelcomeScreen(Screen[None]):
    """Says how to fill the library and offers the bundled demo."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "demo", "Open the demo", id="welcome.demo"),
    ]
    DEFAULT_CSS = """
    WelcomeScreen {
        align: center middle;
        & > Vertical {
            width: 72;
            max-width: 95%;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #title { text-style: bold; color: $text-accent; margin-bottom: 1; }
        Center { height: auto; margin-top: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Welcome to bitereader", id="title")
            yield Static(Text(WELCOME), id="text")
            with Center():
                yield Button("Open the demo (d)", variant="primary", id="demo")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "demo":
            self.action_demo()

    def action_demo(self) -> None:
        cast("BitereaderApp", self.app).open_demo()
