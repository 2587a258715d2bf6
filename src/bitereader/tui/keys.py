"""Every binding of the app in one place, for the help screen, the palette and the config check."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from bitereader.config import Config
from bitereader.errors import ConfigError


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """(group title, bindings) for the app, each screen and each pane, in help-screen order."""
    # Imported here: the screens import this module's callers, and the app imports them.
    from bitereader.tui.app import BitereaderApp
    from bitereader.tui.screens.reader import ReaderScreen
    from bitereader.tui.screens.search import SearchScreen
    from bitereader.tui.screens.watchlist import WatchListScreen
    from bitereader.tui.screens.welcome import WelcomeScreen
    from bitereader.tui.widgets.article import ArticleView
    from bitereader.tui.widgets.headlines import HeadlinesList

    groups = [
        ("Everywhere", BitereaderApp),
        ("Reader", ReaderScreen),
        ("Headlines", HeadlinesList),
        ("Article", ArticleView),
        ("Watch list", WatchListScreen),
        ("Search", SearchScreen),
        ("Welcome", WelcomeScreen),
    ]
    return [
        (title, [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id])
        for title, owner in groups
    ]


def binding_ids() -> set[str]:
    """The ids a `[keys]` table in the config file may rebind."""
    return {binding.id for _, bindings in binding_groups() for binding in bindings if binding.id}


def keys_for(app: App[object], binding: Binding) -> str:
    """The keys a binding answers to now, after the config's keymap, as people write them."""
    keys = app._keymap.get(binding.id or "", binding.key) if binding.id else binding.key
    return ", ".join(
        app.get_key_display(Binding(key.strip(), binding.action)) for key in keys.split(",")
    )


def check_config(config: Config) -> None:
    """Fail early, in one line, on a keymap or theme the app cannot use.

    Raises:
        ConfigError: an unknown binding id in `[keys]`, or an unknown theme.
    """
    known = binding_ids()
    unknown = sorted(set(config.keys) - known)
    if unknown:
        raise ConfigError(
            f"config [keys]: unknown binding id {unknown[0]!r} (press ? in the app to see every id)"
        )
    if config.theme is not None:
        from textual.theme import BUILTIN_THEMES

        if config.theme not in BUILTIN_THEMES:
            raise ConfigError(
                f"config: unknown theme {config.theme!r} "
                f"(one of: {', '.join(sorted(BUILTIN_THEMES))})"
            )
