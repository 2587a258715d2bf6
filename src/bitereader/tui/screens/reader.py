"""The main screen: headlines, the article, and its quotes and captions."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from bitereader.errors import BitereaderError
from bitereader.library import ALL_ARTICLES, HeadlineFilter, Library
from bitereader.models import Article, Headline
from bitereader.tui.messages import FeedRefreshed, RefreshFailed, RefreshFinished
from bitereader.tui.screens.confirm import ConfirmOpenScreen, is_web_link
from bitereader.tui.screens.filter import FilterScreen, describe_filter
from bitereader.tui.screens.search import SearchScreen
from bitereader.tui.screens.watchlist import WatchListScreen
from bitereader.tui.text import visible
from bitereader.tui.widgets.article import ArticleView, Mark
from bitereader.tui.widgets.captions import CaptionsPane
from bitereader.tui.widgets.headlines import HeadlinesList, HeadlineSource
from bitereader.tui.widgets.quotes import QuotesPane
from bitereader.tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from bitereader.tui.app import BitereaderApp

POSITION_SETTING = "tui.position"
"""Library setting holding the selected article and filter, restored on the next launch."""
UNREAD_SCAN = 20_000
"""How far n/N look for an unread article before giving up."""
NARROW_WIDTH = 100
WIDE_WIDTH = 150


def headline_source(library: Library, filter: HeadlineFilter) -> HeadlineSource:
    """A headline list over `library` as `filter` shows it."""
    return HeadlineSource(
        fetch=lambda offset, limit: library.headlines(filter, limit=limit, offset=offset),
        count=lambda: library.count(filter),
    )


class ReaderScreen(Screen[None]):
    """Read the library: pick a headline, read the article, follow its quotes and captions."""

    BINDING_GROUP_TITLE = "Reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="reader.open"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="reader.next_pane"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False, id="reader.prev_pane"
        ),
        Binding("space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("n", "next_unread", "Next unread", id="reader.next_unread"),
        Binding("N", "previous_unread", "Prev unread", show=False, id="reader.prev_unread"),
        Binding("m", "toggle_read", "Read/unread", id="reader.toggle_read"),
        Binding("p", "toggle_pin", "Pin", id="reader.toggle_pin"),
        Binding("w", "watch_list", "Watch list", id="reader.watch_list"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("f", "filter", "Filter", id="reader.filter"),
        Binding("r", "refresh_feeds", "Refresh", id="reader.refresh"),
        Binding("o", "open_link", "Open link", id="reader.open_link"),
        Binding("s", "toggle_side", "Side panes", show=False, id="reader.toggle_side"),
        Binding("b", "toggle_list", "Headline pane", show=False, id="reader.toggle_list"),
        Binding("less_than_sign", "resize(-5)", "Smaller list", show=False, id="reader.shrink"),
        Binding("greater_than_sign", "resize(5)", "Larger list", show=False, id="reader.grow"),
    ]

    filter: reactive[HeadlineFilter] = reactive(ALL_ARTICLES, init=False)
    list_share: reactive[int] = reactive(40, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.article: Article | None = None
        saved_id, saved_filter = self._saved_position()
        start = 0
        if saved_id is not None:
            start = self.library.position(saved_id, saved_filter) or 0
        self.set_reactive(ReaderScreen.filter, saved_filter)
        self._start = start

    @property
    def bitereader(self) -> BitereaderApp:
        return cast("BitereaderApp", self.app)

    @property
    def library(self) -> Library:
        return self.bitereader.library

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield HeadlinesList(
                headline_source(self.library, self.filter),
                clock=self.bitereader.clock,
                relative_times=self.bitereader.config.relative_times,
                cursor=self._start,
                on_highlight=self._headline_highlighted,
                id="headlines",
            )
            with Vertical(id="reading"):
                yield ArticleView(id="article")
                with Container(id="side"):
                    yield QuotesPane(id="quotes")
                    yield CaptionsPane(id="captions")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def headlines(self) -> HeadlinesList:
        return self.query_one("#headlines", HeadlinesList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    def on_mount(self) -> None:
        self.headlines.focus()
        self.headlines.border_title = "Headlines"
        self.status.scope = describe_filter(self.filter, self._feed_titles())
        self._apply_layout()

    def on_unmount(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        """Remember the selected article and the filter for the next launch."""
        try:
            self.library.set_setting(
                POSITION_SETTING,
                {
                    "article_id": self.article.id if self.article else None,
                    "filter": asdict(self.filter),
                },
            )
        except BitereaderError as error:
            self.log.warning(f"could not save the position: {error}")

    def _saved_position(self) -> tuple[int | None, HeadlineFilter]:
        saved = self.library.setting(POSITION_SETTING)
        if not isinstance(saved, dict):
            return None, ALL_ARTICLES
        try:
            filter = HeadlineFilter(**saved.get("filter") or {})
        except TypeError:
            filter = ALL_ARTICLES
        article_id = saved.get("article_id")
        return (article_id if isinstance(article_id, int) else None), filter

    def _feed_titles(self) -> dict[int, str]:
        feeds = getattr(self.library, "feeds", None)
        if feeds is None:
            return {}
        try:
            return {f.id: f.title or f.url for f in feeds() if f.id is not None}
        except BitereaderError:
            return {}

    # Layout

    def on_resize(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        width = self.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(NARROW_WIDTH <= width < WIDE_WIDTH, "-medium")
        self.set_class(width >= WIDE_WIDTH, "-wide")
        self._apply_share()

    def _apply_share(self) -> None:
        headlines = self.headlines
        if self.has_class("-narrow"):
            headlines.styles.width = "1fr"
            headlines.styles.height = f"{self.list_share}%"
        else:
            headlines.styles.height = "1fr"
            headlines.styles.width = f"{self.list_share}%"

    def watch_list_share(self) -> None:
        self._apply_share()

    def action_resize(self, step: int) -> None:
        self.list_share = max(15, min(80, self.list_share + step))

    def action_toggle_side(self) -> None:
        self.toggle_class("-side-hidden" if not self.has_class("-narrow") else "-side-shown")

    def action_toggle_list(self) -> None:
        self.toggle_class("-list-hidden")
        if self.has_class("-list-hidden") and self.headlines.has_focus:
            self.article_view.focus()

    # Reading

    def _headline_highlighted(self, headline: Headline | None) -> None:
        if not self.is_mounted:
            # The list highlights its first row while the screen is still being built.
            self.call_after_refresh(self._headline_highlighted, headline)
            return
        if headline is None:
            self.article = None
            self._show(None, "Nothing to read here.")
            return
        if self.article is not None and self.article.id == headline.id:
            return
        self.load_article(headline.id)

    @on(HeadlinesList.Selected)
    def _headline_selected(self, event: HeadlinesList.Selected) -> None:
        self.action_open()

    @on(HeadlinesList.Counted)
    def _counted(self, event: HeadlinesList.Counted) -> None:
        self.status.count = f"{event.total:,} articles"

    def load_article(self, article_id: int) -> None:
        """Show the article with this id, or a notice if it cannot be loaded."""
        try:
            article = self.library.article(article_id)
        except Exception as error:  # a damaged row must not take the app down
            self.article = None
            self._show(None, f"This article could not be loaded: {error}")
            return
        self.article = article
        self._show(article)

    def _show(self, article: Article | None, notice: str | None = None) -> None:
        try:
            self.article_view.show(article, notice)
            self.query_one(QuotesPane).show(article)
            self.query_one(CaptionsPane).show(article)
        except Exception as error:  # a malformed article shows a notice instead
            self.article_view.show(None, f"This article could not be shown: {error}")

    def action_open(self) -> None:
        headline = self.headlines.highlighted
        if headline is None:
            return
        if self.article is None or self.article.id != headline.id:
            self.load_article(headline.id)
        if not headline.read:
            self._set_read(headline, True)
        self.article_view.focus()

    def action_page_down(self) -> None:
        self.article_view.scroll_page_down(animate=False)

    def action_next_unread(self) -> None:
        self._jump_unread(1)

    def action_previous_unread(self) -> None:
        self._jump_unread(-1)

    def _jump_unread(self, step: int) -> None:
        headlines = self.headlines
        row = headlines.find(headlines.cursor + step, step, lambda h: not h.read, UNREAD_SCAN)
        if row < 0:
            self.notify("No more unread articles that way.", severity="information")
            return
        headlines.cursor = row
        if (headline := headlines.row(row)) is not None:
            self._set_read(headline, True)

    def action_toggle_read(self) -> None:
        if (headline := self.headlines.highlighted) is not None:
            self._set_read(headline, not headline.read)

    def _set_read(self, headline: Headline, read: bool) -> None:
        self.library.set_read([headline.id], read)
        self.headlines.update_headline(replace(headline, read=read))

    def action_toggle_pin(self) -> None:
        headline = self.headlines.highlighted
        if headline is None:
            return
        # Pinned at the app's clock, so the watch list's "pinned 5m ago" agrees with the app.
        now = self.bitereader.clock()
        pinned = self.library.toggle_pin(headline.id, now)
        self.headlines.update_headline(replace(headline, pinned_at=now if pinned else None))
        self.notify("Pinned to the watch list." if pinned else "Taken off the watch list.")

    def go_to(self, article_id: int | None) -> None:
        """Select and open an article, leaving the filter if it hides the article."""
        if article_id is None:
            return
        position = self.library.position(article_id, self.filter)
        if position is None:
            self.set_reactive(ReaderScreen.filter, ALL_ARTICLES)
            self.status.scope = describe_filter(ALL_ARTICLES, {})
            position = self.library.position(article_id, ALL_ARTICLES)
            if position is None:
                self.notify("That article is no longer in the library.", severity="warning")
                return
            self.headlines.set_source(headline_source(self.library, ALL_ARTICLES), position)
        else:
            self.headlines.reload(position)
        self.headlines.focus()
        self.action_open()

    # Other screens

    def action_watch_list(self) -> None:
        self.app.push_screen(WatchListScreen(), self._back_from_watch_list)

    def _back_from_watch_list(self, article_id: int | None) -> None:
        if article_id is None:
            self.headlines.reload()
        else:
            self.go_to(article_id)

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(), self.go_to)

    def action_filter(self) -> None:
        feeds = getattr(self.library, "feeds", None)
        self.app.push_screen(
            FilterScreen(self.filter, list(feeds()) if feeds else []), self._filter_chosen
        )

    def _filter_chosen(self, filter: HeadlineFilter | None) -> None:
        if filter is not None:
            self.filter = filter

    def watch_filter(self, filter: HeadlineFilter) -> None:
        self.status.scope = describe_filter(filter, self._feed_titles())
        self.status.count = ""
        self.article = None
        self.headlines.set_source(headline_source(self.library, filter), 0)
        self.save_position()

    def action_open_link(self) -> None:
        url = self.article.url if self.article else None
        if not url:
            self.notify("This article has no link.", severity="warning")
            return
        if not is_web_link(url):
            self.notify(
                f"Not opening {visible(url)!r}: only http and https links are opened.",
                severity="error",
                markup=False,
            )
            return

        def opened(confirmed: bool | None) -> None:
            if confirmed:
                self.bitereader.opener(url)

        self.app.push_screen(ConfirmOpenScreen(url), opened)

    # Refresh

    def action_refresh_feeds(self) -> None:
        if not hasattr(self.library, "refresh"):
            self.notify("This version of bitereader cannot refresh feeds yet.", severity="warning")
            return
        self.status.activity = "Refreshing feeds…"
        self._refresh()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh(self) -> None:
        def feed_done(result: Any) -> None:
            feed = result.feed
            title = getattr(feed, "title", None) or getattr(feed, "url", None) or str(feed)
            self.post_message(
                FeedRefreshed(
                    title=str(title),
                    status=str(result.status),
                    new_articles=int(result.new_articles or 0),
                    error=None if result.error is None else str(result.error),
                )
            )

        report = self.library.refresh(on_feed_done=feed_done)  # type: ignore[attr-defined]
        self.post_message(RefreshFinished(report.summary()))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "refresh" and event.state == WorkerState.ERROR:
            self.post_message(RefreshFailed(str(event.worker.error)))

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        done = f"{message.title}: " + (
            f"failed ({message.error})" if message.error else f"{message.new_articles} new"
        )
        self.status.activity = visible(f"Refreshing… {done}")
        if message.new_articles:
            self._reload_keeping_selection()

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        self.status.activity = visible(f"Refreshed: {message.summary}")
        self._reload_keeping_selection()

    def on_refresh_failed(self, message: RefreshFailed) -> None:
        self.status.activity = "Refresh failed"
        self.notify(visible(f"Refresh failed: {message.error}"), severity="error", markup=False)

    def _reload_keeping_selection(self) -> None:
        position = None
        if self.article is not None and self.article.id is not None:
            position = self.library.position(self.article.id, self.filter)
        self.headlines.reload(position)

    # Quotes and captions

    @on(QuotesPane.Chosen)
    def _quote_chosen(self, event: QuotesPane.Chosen) -> None:
        quote = event.entry
        self.article_view.highlight(Mark(quote.paragraph, quote.start, quote.end))

    @on(CaptionsPane.Chosen)
    def _caption_chosen(self, event: CaptionsPane.Chosen) -> None:
        if event.entry.paragraph is not None:
            self.article_view.highlight(Mark(event.entry.paragraph))
