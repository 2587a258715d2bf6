"""BitereaderApp: wiring only. The screens and panes do the work."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from bitereader.config import Config
from bitereader.library import Library
from bitereader.tui.commands import BindingCommands
from bitereader.tui.screens.help import HelpScreen
from bitereader.tui.screens.reader import ReaderScreen
from bitereader.tui.screens.welcome import WelcomeScreen

Clock = Callable[[], datetime]
Opener = Callable[[str], object]


def system_clock() -> datetime:
    return datetime.now(UTC)


class BitereaderApp(App[None]):
    """The reader: opens on the library (or a welcome view when it is empty)."""

    CSS_PATH = "app.tcss"
    TITLE = "bitereader"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    ]

    def __init__(
        self,
        library: Library,
        *,
        config: Config | None = None,
        clock: Clock = system_clock,
        opener: Opener = webbrowser.open,
    ) -> None:
        """Args:
        library: the library to read.
        config: settings and keymap from the config file.
        clock: what "now" is, for relative times and pins (tests freeze it).
        opener: opens a confirmed http(s) link (tests record it instead of launching a browser).
        """
        super().__init__()
        self.library = library
        self.config = config or Config()
        self.clock = clock
        self.opener = opener
        self._demo_folder: TemporaryDirectory[str] | None = None

    def on_mount(self) -> None:
        if self.config.theme:
            self.theme = self.config.theme
        self.set_keymap(self.config.keys)
        empty = not self.library.headlines(limit=1)
        self.push_screen(WelcomeScreen() if empty else ReaderScreen())

    def open_demo(self) -> None:
        """Swap to a throwaway library of the bundled sample articles."""
        from bitereader.demo import demo_library

        self._demo_folder = TemporaryDirectory(prefix="bitereader-demo-")
        self.library = demo_library(Path(self._demo_folder.name))
        self.switch_screen(ReaderScreen())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self._demo_folder is not None:
            self.library.close()
            self._demo_folder.cleanup()
