"""Search as you type: full-text results update with every key; enter opens, escape goes back."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from bitereader.errors import BitereaderError
from bitereader.models import Headline
from bitereader.tui.text import snippet_text, visible

if TYPE_CHECKING:
    from bitereader.tui.app import BitereaderApp

RESULT_LIMIT = 100


class SearchScreen(Screen[int | None]):
    """A query box over a list of the best matches; dismissed with the chosen article's id."""

    BINDING_GROUP_TITLE = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]
    DEFAULT_CSS = """
    SearchScreen {
        #query { dock: top; margin: 0 1; }
        #results { height: 1fr; border: round $panel; margin: 0 1; }
        #results:focus { border: round $primary; }
        #summary { dock: bottom; height: 1; color: $text-muted; padding: 0 2; }
    }
    """

    class Results(Message):
        """A search finished (posted from the search worker)."""

        def __init__(self, query: str, headlines: list[Headline], error: str | None) -> None:
            self.query = query
            self.headlines = headlines
            self.error = error
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.results: list[Headline] = []
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search headlines, text, captions and quotes…", id="query")
        yield OptionList(id="results")
        yield Static("Type to search.", id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str) -> None:
        library = cast("BitereaderApp", self.app).library
        try:
            found = library.search(query, limit=RESULT_LIMIT, prefix_last=True) if query else []
            self.post_message(self.Results(query, found, None))
        except BitereaderError as error:
            self.post_message(self.Results(query, [], str(error)))

    def on_search_screen_results(self, message: Results) -> None:
        if message.query != self.query_text:
            return  # an older search finished after a newer one started
        self.results = message.headlines
        options = self.query_one("#results", OptionList)
        options.clear_options()
        options.add_options([Option(result_text(h), id=str(h.id)) for h in message.headlines])
        summary = self.query_one("#summary", Static)
        if message.error:
            summary.update(Text(visible(message.error)))
        elif not message.query.strip():
            summary.update("Type to search.")
        else:
            count = len(message.headlines)
            more = "+" if count == RESULT_LIMIT else ""
            summary.update(
                Text(f"{count}{more} result{'s' if count != 1 else ''} for {message.query!r}")
            )

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self.results:
            options = self.query_one("#results", OptionList)
            index = options.highlighted or 0
            self.dismiss(self.results[index].id)

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.results[event.option_index].id)

    def action_focus_results(self) -> None:
        options = self.query_one("#results", OptionList)
        if self.results:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)


def result_text(headline: Headline) -> Text:
    """A result: the headline in bold, the source, then the snippet with hits highlighted."""
    text = Text(visible(headline.headline), style="bold")
    if headline.source:
        text.append(f"  {visible(headline.source)}", style="dim")
    if headline.snippet:
        text.append("\n")
        text.append_text(snippet_text(headline.snippet, "reverse"))
    return text
