"""The captions pane: each caption with its credit set apart."""

from __future__ import annotations

from rich.text import Text

from bitereader.models import Article, Caption
from bitereader.tui.text import visible
from bitereader.tui.widgets.entries import EntriesPane


class CaptionsPane(EntriesPane[Caption]):
    """Lists an article's captions; choosing one with a position asks for that place."""

    BORDER_TITLE = "Captions"
    EMPTY_TEXT = "No captions in this article."

    class Chosen(EntriesPane.Chosen[Caption]):
        """A caption with a known position was chosen."""

    @property
    def captions(self) -> tuple[Caption, ...]:
        return self.entries

    def entries_of(self, article: Article) -> tuple[Caption, ...]:
        return article.captions

    def entry_text(self, entry: Caption) -> Text:
        return caption_text(entry)

    def can_choose(self, entry: Caption) -> bool:
        return entry.paragraph is not None


def caption_text(caption: Caption) -> Text:
    """The caption, then its credit on a line of its own."""
    text = Text(visible(caption.text))
    if caption.credit:
        text.append(f"\nCredit: {visible(caption.credit)}", style="italic dim")
    return text
