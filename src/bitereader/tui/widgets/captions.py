"""The captions pane: each caption with its credit set apart."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bitereader.models import Article, Caption
from bitereader.tui.text import visible


class CaptionsPane(OptionList):
    """Lists an article's captions; choosing one with a position asks for that place."""

    BORDER_TITLE = "Captions"
    DEFAULT_CSS = """
    CaptionsPane {
        scrollbar-gutter: stable;
        border: round $panel;
        background: $surface;
        border-title-color: $text-muted;
        &:focus { border: round $primary; border-title-color: $primary; }
    }
    """

    class Chosen(Message):
        """A caption with a known position was chosen."""

        def __init__(self, caption: Caption) -> None:
            self.caption = caption
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.captions: tuple[Caption, ...] = ()

    def show(self, article: Article | None) -> None:
        """List the captions of `article`."""
        captions = () if article is None else article.captions
        if captions == self.captions and self.option_count:
            return  # unchanged (most often: none before, none now); skip a relayout
        self.captions = captions
        self.clear_options()
        if not self.captions:
            self.add_option(
                Option(Text("No captions in this article.", style="italic"), disabled=True)
            )
        else:
            self.add_options(
                [Option(caption_text(c), id=str(i)) for i, c in enumerate(self.captions)]
            )
        self.border_subtitle = str(len(self.captions)) if self.captions else ""
        self.highlighted = 0 if self.captions else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            caption = self.captions[int(event.option.id)]
            if caption.paragraph is not None:
                self.post_message(self.Chosen(caption))


def caption_text(caption: Caption) -> Text:
    """The caption, then its credit on a line of its own."""
    text = Text(visible(caption.text))
    if caption.credit:
        text.append(f"\nCredit: {visible(caption.credit)}", style="italic dim")
    return text
