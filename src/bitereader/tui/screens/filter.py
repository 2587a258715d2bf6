"""Choose which articles the headline list shows: all, unread, pinned, one feed or one tag."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from bitereader.library import ALL_ARTICLES, HeadlineFilter
from bitereader.models import Feed
from bitereader.tui.text import visible


def describe_filter(filter: HeadlineFilter, feed_titles: dict[int, str]) -> str:
    """A few words for the status bar saying what the list shows."""
    parts = []
    if filter.feed_id is not None:
        parts.append(f"Feed: {feed_titles.get(filter.feed_id, filter.feed_id)}")
    if filter.tag is not None:
        parts.append(f"Tag: {filter.tag}")
    if filter.unread:
        parts.append("Unread")
    if filter.pinned:
        parts.append("Pinned")
    return visible(" · ".join(parts)) if parts else "All articles"


def filter_choices(feeds: Sequence[Feed]) -> list[tuple[str, HeadlineFilter]]:
    """The filters on offer, in menu order: fixed ones, then each feed, then each tag."""
    choices = [
        ("All articles", ALL_ARTICLES),
        ("Unread", HeadlineFilter(unread=True)),
        ("Pinned", HeadlineFilter(pinned=True)),
    ]
    for feed in feeds:
        if feed.id is not None:
            choices.append((f"Feed: {feed.title or feed.url}", HeadlineFilter(feed_id=feed.id)))
    for tag in sorted({tag for feed in feeds for tag in feed.tags}):
        choices.append((f"Tag: {tag}", HeadlineFilter(tag=tag)))
    return choices


class FilterScreen(ModalScreen[HeadlineFilter | None]):
    """A menu of filters; enter picks one, escape keeps the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "cancel", "Back", id="filter.close"),
    ]
    DEFAULT_CSS = """
    FilterScreen {
        align: center middle;
        & > Vertical {
            width: 60;
            max-width: 90%;
            height: auto;
            max-height: 80%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        OptionList { height: auto; max-height: 20; border: none; }
    }
    """

    def __init__(self, current: HeadlineFilter, feeds: Sequence[Feed]) -> None:
        super().__init__()
        self.current = current
        self.choices = filter_choices(feeds)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Show")
            yield OptionList(
                *[
                    Option(Text(visible(label)), id=str(i))
                    for i, (label, _) in enumerate(self.choices)
                ]
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for index, (_, filter) in enumerate(self.choices):
            if filter == self.current:
                options.highlighted = index
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
