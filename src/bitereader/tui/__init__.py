"""The reader app (Textual). Nothing outside this package imports it."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory


def run_app(library: str | Path | None = None, demo: bool = False) -> int:
    """Open the reader app on `library` (or on a throwaway demo library); returns the exit code.

    Raises:
        ConfigError: the config file is invalid or rebinds an unknown key binding id.
        StoreError: the library cannot be opened.
    """
    from bitereader.config import load_config
    from bitereader.library import Library

    config = load_config()
    from bitereader.tui.app import BitereaderApp
    from bitereader.tui.keys import check_config

    check_config(config)
    with ExitStack() as stack:
        if demo:
            from bitereader.demo import demo_library

            folder = stack.enter_context(TemporaryDirectory(prefix="bitereader-demo-"))
            opened = demo_library(Path(folder))
        else:
            opened = Library(library)
        stack.callback(opened.close)
        app = BitereaderApp(opened, config=config)
        app.run()
        return app.return_code or 0
