"""The quotes pane: each quote with "— speaker (role)", in article order."""

from __future__ import annotations

from rich.text import Text

from bitereader.models import Article, Quote
from bitereader.tui.text import visible
from bitereader.tui.widgets.entries import EntriesPane


class QuotesPane(EntriesPane[Quote]):
    """Lists an article's quotes; choosing one asks for its place in the article."""

    BORDER_TITLE = "Quotes"
    EMPTY_TEXT = "No quotes in this article."

    class Chosen(EntriesPane.Chosen[Quote]):
        """A quote was chosen."""

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.entries

    def entries_of(self, article: Article) -> tuple[Quote, ...]:
        return tuple(sorted(article.quotes, key=lambda q: (q.paragraph, q.start)))

    def entry_text(self, entry: Quote) -> Text:
        return quote_text(entry)


def quote_text(quote: Quote) -> Text:
    """A quote in quotation marks, then "— speaker (role)" on its own line."""
    text = Text(f"“{visible(quote.text)}”")
    who = visible(quote.speaker) if quote.speaker else "unattributed"
    if quote.role:
        who += f" ({visible(quote.role)})"
    text.append(f"\n— {who}", style="italic dim")
    return text
