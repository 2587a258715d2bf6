"""The quotes pane: each quote with "— speaker (role)", in article order."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bitereader.models import Article, Quote
from bitereader.tui.text import visible


class QuotesPane(OptionList):
    """Lists an article's quotes; choosing one asks for its place in the article."""

    BORDER_TITLE = "Quotes"
    DEFAULT_CSS = """
    QuotesPane {
        scrollbar-gutter: stable;
        border: round $panel;
        background: $surface;
        border-title-color: $text-muted;
        &:focus { border: round $primary; border-title-color: $primary; }
    }
    """

    class Chosen(Message):
        """A quote was chosen: the article should show where it is."""

        def __init__(self, quote: Quote) -> None:
            self.quote = quote
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.quotes: tuple[Quote, ...] = ()

    def show(self, article: Article | None) -> None:
        """List the quotes of `article` in the order they appear."""
        quotes = () if article is None else article.quotes
        quotes = tuple(sorted(quotes, key=lambda q: (q.paragraph, q.start)))
        if quotes == self.quotes and self.option_count:
            return  # unchanged (most often: none before, none now); skip a relayout
        self.quotes = quotes
        self.clear_options()
        if not self.quotes:
            self.add_option(
                Option(Text("No quotes in this article.", style="italic"), disabled=True)
            )
        else:
            self.add_options([Option(quote_text(q), id=str(i)) for i, q in enumerate(self.quotes)])
        self.border_subtitle = str(len(self.quotes)) if self.quotes else ""
        self.highlighted = 0 if self.quotes else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.quotes[int(event.option.id)]))


def quote_text(quote: Quote) -> Text:
    """A quote in quotation marks, then "— speaker (role)" on its own line."""
    text = Text(f"“{visible(quote.text)}”")
    who = visible(quote.speaker) if quote.speaker else "unattributed"
    if quote.role:
        who += f" ({visible(quote.role)})"
    text.append(f"\n— {who}", style="italic dim")
    return text
