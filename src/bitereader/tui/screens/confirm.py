"""Confirm opening a link in the browser, showing the url first."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from bitereader.tui.text import visible


def is_web_link(url: str) -> bool:
    """Whether `url` is an http or https link with a host (the only links the app opens)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class ConfirmOpenScreen(ModalScreen[bool]):
    """Shows the url an article links to and asks before opening it in the browser."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Open", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="confirm.no"),
    ]
    DEFAULT_CSS = """
    ConfirmOpenScreen {
        align: center middle;
        & > Vertical {
            width: 70%;
            max-width: 100;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #url { color: $text-accent; margin: 1 0; }
        Horizontal { height: auto; align: right middle; }
        Button { margin-left: 2; }
    }
    """

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Open this link in your browser?")
            yield Static(Text(visible(self.url)), id="url")
            with Horizontal():
                yield Button("Open (y)", variant="primary", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
