"""The article pane: kicker, headline, standfirst, meta line and body, wrapped and scrollable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from bitereader.models import Article
from bitereader.tui.text import long_date, plain, visible

MAX_PARAGRAPH_CHARS = 20_000
"""Longer paragraphs are cut for display, so one huge paragraph cannot stall the app."""
MAX_PARAGRAPHS = 2_000


@dataclass(frozen=True, slots=True)
class Mark:
    """A place in the article to highlight: a paragraph, or a span within it."""

    paragraph: int
    start: int | None = None
    end: int | None = None


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; can scroll to a paragraph and highlight it or a quote within it."""

    BINDING_GROUP_TITLE = "Article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--kicker",
        "article--headline",
        "article--standfirst",
        "article--meta",
        "article--body",
        "article--highlight",
        "article--quote",
        "article--notice",
    }
    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        border: round $panel;
        padding: 0 1;
        overflow-x: hidden;
        &:focus { border: round $primary; }
        & > .article--kicker { color: $accent; text-style: bold; }
        & > .article--headline { color: $foreground; text-style: bold; }
        & > .article--standfirst { color: $foreground; text-style: italic; }
        & > .article--meta { color: $text-muted; }
        & > .article--body { color: $foreground; }
        & > .article--highlight { background: $primary 25%; }
        & > .article--quote { background: $accent 40%; text-style: bold; }
        & > .article--notice { color: $text-warning; text-style: italic; }
    }
    """

    def __init__(
        self,
        placeholder: str = "Choose a headline to read it.",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.notice: str | None = placeholder
        self.mark: Mark | None = None
        self._lines: list[Strip] = []
        self._paragraph_lines: dict[int, int] = {}
        self._width = 0

    def show(self, article: Article | None, notice: str | None = None) -> None:
        """Show an article (or only a notice, e.g. when it could not be loaded), from the top."""
        self.article = article
        self.notice = notice
        self.mark = None
        self._layout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def highlight(self, mark: Mark | None) -> None:
        """Highlight a paragraph (or a span in it) and scroll it into view."""
        self.mark = mark
        self._layout()
        if mark is not None and mark.paragraph in self._paragraph_lines:
            self.scroll_to(y=max(0, self._paragraph_lines[mark.paragraph] - 1), animate=False)

    def paragraph_line(self, paragraph: int) -> int | None:
        """The line a paragraph starts on, at the current width."""
        return self._paragraph_lines.get(paragraph)

    @property
    def text_lines(self) -> list[str]:
        """The rendered lines as plain text (for tests and screen readers)."""
        return [strip.text for strip in self._lines]

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._layout()

    def _layout(self) -> None:
        """Wrap the article to the pane's width into lines."""
        width = self.scrollable_content_region.width
        self._width = width
        self._lines = []
        self._paragraph_lines = {}
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False, markup=False)
        base = self.rich_style
        for paragraph, block in self._blocks():
            if paragraph is not None:
                self._paragraph_lines[paragraph] = len(self._lines)
            for line in console.render_lines(block, options, pad=False):
                self._lines.append(
                    Strip(Segment.apply_style(line, base)).adjust_cell_length(width, base)
                )
            self._lines.append(Strip.blank(width, base))
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _blocks(self) -> list[tuple[int | None, RenderableType]]:
        """The article as (paragraph index or None, renderable) blocks, in order."""
        style = self.get_component_rich_style
        blocks: list[tuple[int | None, RenderableType]] = []
        if self.notice:
            blocks.append((None, Text(self.notice, style=style("article--notice"))))
        article = self.article
        if article is None:
            return blocks
        if article.kicker:
            blocks.append((None, Text(visible(article.kicker.upper()), style("article--kicker"))))
        blocks.append((None, Text(visible(article.headline), style("article--headline"))))
        if article.standfirst:
            standfirst = Text(visible(article.standfirst), style("article--standfirst"))
            blocks.append((None, standfirst))
        meta = meta_line(article)
        if meta:
            blocks.append((None, Text(visible(meta), style=style("article--meta"))))
        body_style = style("article--body")
        for index, paragraph in enumerate(article.paragraphs[:MAX_PARAGRAPHS]):
            blocks.append((index, self._paragraph(index, paragraph, body_style)))
        if len(article.paragraphs) > MAX_PARAGRAPHS:
            extra = len(article.paragraphs) - MAX_PARAGRAPHS
            blocks.append((None, Text(f"… {extra} more paragraphs not shown.", style=body_style)))
        return blocks

    def _paragraph(self, index: int, paragraph: str, body_style: Style) -> Text:
        cut = len(paragraph) > MAX_PARAGRAPH_CHARS
        text = plain(paragraph[:MAX_PARAGRAPH_CHARS])
        text.stylize(body_style)
        mark = self.mark
        if mark is not None and mark.paragraph == index:
            text.stylize(self.get_component_rich_style("article--highlight"))
            if mark.start is not None and mark.end is not None:
                text.stylize(self.get_component_rich_style("article--quote"), mark.start, mark.end)
        if cut:
            text.append(
                f" … (paragraph cut: {len(paragraph):,} characters)",
                style=self.get_component_rich_style("article--notice"),
            )
        return text

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        if 0 <= index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)


def meta_line(article: Article) -> str:
    """Authors · source · date · wire, leaving out what the article lacks."""
    parts = [
        ", ".join(article.authors),
        article.source or "",
        long_date(article.published),
        article.wire or "",
    ]
    return " · ".join(part for part in parts if part)
