"""What the quotes and captions panes share: a list of an article's entries, each choosable."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bitereader.models import Article

Entry = TypeVar("Entry")


class EntriesPane(OptionList, Generic[Entry]):
    """Lists one kind of entry of an article; choosing one posts `Chosen` with it.

    Subclasses say which entries an article has, how one reads, and give their own `Chosen`
    subclass so that a screen can tell the panes' messages apart.
    """

    EMPTY_TEXT: ClassVar[str] = "Nothing here."
    DEFAULT_CSS = """
    EntriesPane {
        scrollbar-gutter: stable;
        border: round $panel;
        background: $surface;
        border-title-color: $text-muted;
        &:focus { border: round $primary; border-title-color: $primary; }
    }
    """

    class Chosen(Message, Generic[Entry]):  # type: ignore[misc]
        """An entry was chosen: the article should show where it is."""

        def __init__(self, entry: Entry) -> None:
            self.entry = entry
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: tuple[Entry, ...] = ()

    def entries_of(self, article: Article) -> tuple[Entry, ...]:
        """The entries of `article`, in the order they are listed."""
        raise NotImplementedError

    def entry_text(self, entry: Entry) -> Text:
        """How one entry reads in the list."""
        raise NotImplementedError

    def can_choose(self, entry: Entry) -> bool:
        """Whether choosing `entry` has a place in the article to go to."""
        return True

    def show(self, article: Article | None) -> None:
        """List the entries of `article` (or none)."""
        entries = () if article is None else self.entries_of(article)
        if entries == self.entries and self.option_count:
            return  # unchanged (most often: none before, none now); skip a relayout
        self.entries = entries
        self.clear_options()
        if not entries:
            self.add_option(Option(Text(self.EMPTY_TEXT, style="italic"), disabled=True))
        else:
            self.add_options(
                [Option(self.entry_text(entry), id=str(i)) for i, entry in enumerate(entries)]
            )
        self.border_subtitle = str(len(entries)) if entries else ""
        self.highlighted = 0 if entries else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            entry = self.entries[int(event.option.id)]
            if self.can_choose(entry):
                self.post_message(self.Chosen(entry))
