"""The help screen: every key binding, grouped by where it works, as the keymap has set it."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from bitereader.tui.keys import binding_groups, keys_for


class HelpScreen(ModalScreen[None]):
    """Lists the keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss(None)", "Close", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 76;
            max-width: 95%;
            height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "escape to close · ctrl+p for every command"
            self.table = help_table(self.app)
            yield Static(self.table, id="keys")


def help_table(app: App[object]) -> Table:
    """A table of every binding: group, key(s), what it does, and its id for the config file."""
    table = Table(box=None, expand=True, padding=(0, 1), show_header=True)
    table.add_column(Text("Key"), style="bold", no_wrap=True)
    table.add_column(Text("Action"))
    table.add_column(Text("Id (for [keys] in config.toml)"), style="dim", no_wrap=True)
    for title, bindings in binding_groups():
        table.add_row(Text(title, style="bold underline"), "", "")
        for binding in bindings:
            table.add_row(
                Text(keys_for(app, binding)), Text(binding.description), Text(binding.id or "")
            )
        table.add_row("", "", "")
    return table
