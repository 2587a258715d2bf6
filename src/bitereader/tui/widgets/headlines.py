"""The headline list: a virtual list that renders only the visible rows, fetched page by page."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from bitereader.models import Headline
from bitereader.tui.text import age, fit, visible

PAGE_SIZE = 100
"""Rows fetched from the library at a time."""
CACHED_PAGES = 12
"""Pages kept in memory; the rest are fetched again when scrolled back to."""
CACHED_STRIPS = 400
"""Rendered rows kept: a few screens' worth."""
SOURCE_WIDTH = 16
UNREAD_MARK = "●"
PIN_MARK = "★"


@dataclass(frozen=True, slots=True)
class HeadlineSource:
    """Where a headline list gets its rows: a page fetcher and a (possibly slow) counter."""

    fetch: Callable[[int, int], list[Headline]]
    """(offset, limit) → that page of headlines."""
    count: Callable[[], int]
    """How many headlines there are in all; called in a worker, never before first paint."""


class HeadlinesList(ScrollView, can_focus=True):
    """A list of headlines over any number of articles; the cursor row is highlighted."""

    BINDING_GROUP_TITLE = "Headlines"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="headlines.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="headlines.up"),
        Binding("g,home", "first", "Top", show=False, id="headlines.top"),
        Binding("G,end", "last", "Bottom", show=False, id="headlines.bottom"),
        Binding("pagedown", "page_down", "Page down", show=False, id="headlines.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="headlines.page_up"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headlines--cursor",
        "headlines--unread",
        "headlines--read",
        "headlines--meta",
        "headlines--mark",
        "headlines--empty",
    }
    DEFAULT_CSS = """
    HeadlinesList {
        background: $surface;
        border: round $panel;
        overflow-x: hidden;
        & > .headlines--cursor { background: $panel; text-style: bold; }
        border-title-color: $text-muted;
        &:focus { border: round $primary; border-title-color: $primary; }
        &:focus > .headlines--cursor { background: $primary 40%; }
        & > .headlines--unread { color: $foreground; text-style: bold; }
        & > .headlines--read { color: $text-muted; }
        & > .headlines--meta { color: $text-muted; }
        & > .headlines--mark { color: $accent; }
        & > .headlines--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Highlighted(Message):
        """The cursor moved onto a headline (or the list is empty)."""

        def __init__(self, headlines: HeadlinesList, headline: Headline | None) -> None:
            self.headlines = headlines
            self.headline = headline
            super().__init__()

        @property
        def control(self) -> HeadlinesList:
            return self.headlines

    class Selected(Message):
        """A headline was chosen with enter or a click."""

        def __init__(self, headlines: HeadlinesList, headline: Headline) -> None:
            self.headlines = headlines
            self.headline = headline
            super().__init__()

        @property
        def control(self) -> HeadlinesList:
            return self.headlines

    class Counted(Message):
        """The list's length is known."""

        def __init__(self, total: int) -> None:
            self.total = total
            super().__init__()

    def __init__(
        self,
        source: HeadlineSource,
        *,
        clock: Callable[[], datetime],
        relative_times: bool = True,
        show_pinned_time: bool = False,
        empty_text: str = "No articles here.",
        cursor: int = 0,
        on_highlight: Callable[[Headline | None], None] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.source = source
        self.clock = clock
        self.relative_times = relative_times
        self.show_pinned_time = show_pinned_time
        self.empty_text = empty_text
        self._pages: OrderedDict[int, list[Headline]] = OrderedDict()
        self._known = 0
        self._total: int | None = None
        self._now = clock()
        self._initial = cursor
        self.on_highlight = on_highlight
        # Rendered rows by (article id, under the cursor, width, focused): moving the cursor
        # redraws two rows, and a full repaint of the screen reuses every row it can.
        self._strips: OrderedDict[tuple[int, bool, int, bool], Strip] = OrderedDict()

    @property
    def total(self) -> int | None:
        """The number of rows, once counted."""
        return self._total

    @property
    def row_count(self) -> int:
        """Rows known to exist so far (all of them once counted)."""
        return self._total if self._total is not None else self._known

    @property
    def highlighted(self) -> Headline | None:
        """The headline under the cursor."""
        return self.row(self.cursor)

    def on_mount(self) -> None:
        self.reload(self._initial)

    def set_source(self, source: HeadlineSource, cursor: int = 0) -> None:
        """Show another list (a new filter), with the cursor on row `cursor`."""
        self.source = source
        self.reload(cursor)

    def reload(self, cursor: int | None = None) -> None:
        """Forget cached rows and fetch again, e.g. after a refresh brought new articles."""
        self._pages.clear()
        self._strips.clear()
        self._total = None
        self._known = 0
        self._now = self.clock()
        self.row(0)
        if len(self._pages.get(0, ())) == PAGE_SIZE:
            self._count()
        self._update_size()
        target = self.cursor if cursor is None else cursor
        self.row(target)
        self.cursor = max(0, min(target, self.row_count - 1))
        self.refresh()

    @work(thread=True, exclusive=True, group="count", exit_on_error=False)
    def _count(self) -> None:
        self.post_message(self.Counted(self.source.count()))

    def on_headlines_list_counted(self, message: Counted) -> None:
        self._total = message.total
        self._update_size()
        self.refresh()

    def row(self, index: int) -> Headline | None:
        """The headline at `index`, fetched with its page if not cached; None past the end."""
        if index < 0 or (self._total is not None and index >= self._total):
            return None
        number, within = divmod(index, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self.source.fetch(number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
            known = number * PAGE_SIZE + len(page)
            if len(page) < PAGE_SIZE and (page or number == 0) and self._total is None:
                self._total = known
                self.post_message(self.Counted(known))
            if known > self._known:
                self._known = known
                self._update_size()
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def update_headline(self, headline: Headline) -> None:
        """Replace a cached headline (after it was marked read or pinned) and redraw it."""
        for page in self._pages.values():
            for index, cached in enumerate(page):
                if cached.id == headline.id:
                    page[index] = headline
        self._strips.clear()
        self.refresh()

    def find(self, start: int, step: int, wanted: Callable[[Headline], bool], limit: int) -> int:
        """The first row from `start` (moving by `step`) whose headline is `wanted`, or -1."""
        index = start
        for _ in range(limit):
            headline = self.row(index)
            if headline is None:
                return -1
            if wanted(headline):
                return index
            index += step
        return -1

    def _update_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)

    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_offset.y)
        target = self._scroll_target(new)
        if target == top:
            for row in (old, new):
                self.refresh_line(row - top)
        else:
            self.refresh()
            self.scroll_to(y=target, animate=False, immediate=True)
        headline = self.row(new)
        if self.on_highlight is not None:
            # Called at once rather than through a message, so the owner's update (the reader
            # showing the article) lands in the same frame as the cursor move: a frame spent on
            # the cursor alone would hold the article back by a whole frame interval.
            self.on_highlight(headline)
        self.post_message(self.Highlighted(self, headline))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _scroll_target(self, row: int) -> float:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if row < top:
            return row
        if row >= top + height:
            return row - height + 1
        return top

    def _move(self, row: int) -> None:
        count = self.row_count
        if count == 0:
            return
        row = max(0, row)
        if self.row(row) is None:
            row = max(0, self.row_count - 1)
        if row != self.cursor:
            self.cursor = row

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        if self._total is None:
            self._total = self.source.count()
            self._update_size()
        self._move(self.row_count - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_select(self) -> None:
        if (headline := self.highlighted) is not None:
            self.post_message(self.Selected(self, headline))

    async def _on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        row = int(self.scroll_offset.y + event.y - self.gutter.top)
        if 0 <= row < self.row_count and self.row(row) is not None:
            if row == self.cursor:
                self.action_select()
            else:
                self.cursor = row

    def on_resize(self) -> None:
        self._update_size()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        base = self.rich_style
        if self.row_count == 0:
            if y == 0:
                style = base + self.get_component_rich_style("headlines--empty")
                return Strip([Segment(set_cell_size(" " + self.empty_text, width), style)], width)
            return Strip.blank(width, base)
        headline = self.row(index)
        if headline is None:
            return Strip.blank(width, base)
        key = (headline.id, index == self.cursor, width, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(headline, key[1], width, base)
            self._strips[key] = strip
            if len(self._strips) > CACHED_STRIPS:
                self._strips.popitem(last=False)
        return strip

    def _render_row(self, headline: Headline, selected: bool, width: int, base: Style) -> Strip:
        row_style = base
        if selected:
            row_style += self.get_component_rich_style("headlines--cursor")
        title_style = self.get_component_rich_style(
            "headlines--read" if headline.read else "headlines--unread"
        )
        meta_style = self.get_component_rich_style("headlines--meta")
        mark_style = self.get_component_rich_style("headlines--mark")
        marks = (UNREAD_MARK if not headline.read else " ") + (PIN_MARK if headline.pinned else " ")
        moment = (
            headline.pinned_at
            if self.show_pinned_time
            else (headline.published or headline.added_at)
        )
        when = (
            age(moment, self._now)
            if self.relative_times
            else (moment.strftime("%Y-%m-%d") if moment else "")
        )
        if self.show_pinned_time and when:
            when = f"pinned {when}"
        source = visible(headline.source or "")
        source_width = min(SOURCE_WIDTH, max(0, width // 5))
        when_width = 13 if self.show_pinned_time else 6
        meta = f" {fit(source, source_width)} {when:>{when_width}} "
        title_width = max(0, width - 4 - cell_len(meta))
        title = fit(visible(headline.headline), title_width)
        # Part styles carry the widget background; the row's background must win over it.
        row_bg = Style(bgcolor=row_style.bgcolor)
        segments = [
            Segment(" ", row_style),
            Segment(marks, row_style + mark_style + row_bg),
            Segment(title, row_style + title_style + row_bg),
            Segment(meta, row_style + meta_style + row_bg),
        ]
        return Strip(segments).adjust_cell_length(width, row_style)
