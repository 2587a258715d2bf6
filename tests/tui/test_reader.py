"""Pilot tests of the reader screen: every key, checked against the library's state."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tui_support import NOW, quoted_article

from bitereader.library import Library
from bitereader.models import Article
from bitereader.store import HeadlineFilter
from bitereader.tui.app import BitereaderApp
from bitereader.tui.screens.confirm import ConfirmOpenScreen
from bitereader.tui.screens.filter import FilterScreen
from bitereader.tui.screens.reader import ReaderScreen
from bitereader.tui.widgets.article import ArticleView
from bitereader.tui.widgets.captions import CaptionsPane
from bitereader.tui.widgets.headlines import HeadlinesList
from bitereader.tui.widgets.quotes import QuotesPane

SIZE = (120, 40)
MakeApp = Callable[..., BitereaderApp]


def reader(app: BitereaderApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen), app.screen
    return app.screen


def headlines(app: BitereaderApp) -> HeadlinesList:
    return app.screen.query_one("#headlines", HeadlinesList)


def article_text(app: BitereaderApp) -> str:
    return "\n".join(app.screen.query_one(ArticleView).text_lines)


def newest_first(library: Library) -> list[int]:
    return [h.id for h in library.headlines(limit=1000)]


async def test_j_k_and_arrows_move_and_show_the_article(demo: Library, make_app: MakeApp) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert headlines(app).cursor == 0
        assert reader(app).article.id == order[0]
        await pilot.press("j", "j")
        assert headlines(app).cursor == 2
        assert reader(app).article.id == order[2]
        assert demo.article(order[2]).headline.split()[0] in article_text(app)
        await pilot.press("k")
        assert reader(app).article.id == order[1]
        await pilot.press("down", "down", "up")
        assert reader(app).article.id == order[2]
        await pilot.press("k", "k", "k", "k")
        assert headlines(app).cursor == 0


async def test_g_and_G_go_to_top_and_bottom(demo: Library, make_app: MakeApp) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        assert headlines(app).cursor == len(order) - 1
        assert reader(app).article.id == order[-1]
        await pilot.press("g")
        assert headlines(app).cursor == 0
        assert reader(app).article.id == order[0]


async def test_enter_opens_marks_read_and_focuses_the_article(
    demo: Library, make_app: MakeApp, library_file
) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        assert isinstance(app.focused, ArticleView)
    with Library(library_file) as other:
        assert other.article(order[1]).read
        assert not other.article(order[0]).read


async def test_m_toggles_read_in_the_library(
    demo: Library, make_app: MakeApp, library_file
) -> None:
    first = newest_first(demo)[0]
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        with Library(library_file) as other:
            assert other.article(first).read
        assert headlines(app).highlighted.read
        await pilot.press("m")
        with Library(library_file) as other:
            assert not other.article(first).read


async def test_p_pins_and_unpins_in_sqlite(demo: Library, make_app: MakeApp, library_file) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "p")
        with Library(library_file) as other:
            assert [h.id for h in other.headlines(HeadlineFilter(pinned=True))] == [order[1]]
            assert other.article(order[1]).pinned_at == NOW
        assert headlines(app).highlighted.pinned
        await pilot.press("p")
        with Library(library_file) as other:
            assert other.headlines(HeadlineFilter(pinned=True)) == []


async def test_n_and_N_jump_between_unread(demo: Library, make_app: MakeApp) -> None:
    order = newest_first(demo)
    demo.set_read([order[1], order[2], order[4]])
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert headlines(app).cursor == 3
        assert demo.article(order[3]).read  # n opens the article it lands on
        await pilot.press("n")
        assert headlines(app).cursor == 5
        await pilot.press("N")
        assert headlines(app).cursor == 0  # 3 was read by the first n
        await pilot.press("N")
        assert headlines(app).cursor == 0  # nothing above: stays


async def test_space_pages_the_article_down(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 0


async def test_tab_and_shift_tab_cycle_the_panes(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        seen = [type(app.focused)]
        for _ in range(3):
            await pilot.press("tab")
            seen.append(type(app.focused))
        assert seen == [HeadlinesList, ArticleView, QuotesPane, CaptionsPane]
        await pilot.press("shift+tab")
        assert isinstance(app.focused, QuotesPane)


async def test_choosing_a_quote_scrolls_to_and_highlights_its_paragraph(
    demo: Library, make_app: MakeApp
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        assert reader(app).article.headline == quoted_article().headline
        view = app.screen.query_one(ArticleView)
        quotes = app.screen.query_one(QuotesPane)
        prompt = str(quotes.get_option_at_index(0).prompt)
        assert "“We will rebuild the bridge by spring.”" in prompt
        assert "— Jane Doe (mayor)" in prompt
        assert view.scroll_y == 0
        quotes.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert view.mark is not None and view.mark.paragraph == 11
        line = view.paragraph_line(11)
        assert line is not None and view.scroll_y <= line < view.scroll_y + view.size.height
        assert view.scroll_y > 0
        # The caption has a position too.
        captions = app.screen.query_one(CaptionsPane)
        assert "Credit: Photo: Sam Lens" in str(captions.get_option_at_index(0).prompt)
        captions.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert view.mark.paragraph == 9


async def test_article_pane_shows_kicker_headline_standfirst_and_meta(
    demo: Library, make_app: MakeApp
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE):
        text = article_text(app)
        assert "INFRASTRUCTURE" in text
        assert "Bridge to be rebuilt, mayor says" in text
        assert "The old crossing closed after the floods." in text
        assert "Ada Reporter, Bo Writer · example.org · 1 September 2020 · AP" in text


async def test_filter_unread_and_pinned(demo: Library, make_app: MakeApp) -> None:
    order = newest_first(demo)
    demo.set_read(order[:5])
    demo.pin(order[7], NOW)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("down", "enter")  # "Unread"
        await pilot.pause()
        listing = headlines(app)
        assert reader(app).filter == HeadlineFilter(unread=True)
        assert listing.row(0).id == order[5]
        assert all(not listing.row(i).read for i in range(listing.row_count))
        assert listing.row_count == len(order) - 5
        await pilot.press("f", "down", "enter")  # "Pinned"
        await pilot.pause()
        assert headlines(app).row_count == 1
        assert headlines(app).row(0).id == order[7]
        await pilot.press("f", "escape")
        assert reader(app).filter == HeadlineFilter(pinned=True)


async def test_filter_offers_feeds_and_tags(demo: Library, make_app: MakeApp) -> None:
    feed, _ = demo.store.add_feed("https://example.org/feed.xml", title="Example", tags=["news"])
    demo.store.save_articles(
        [Article(headline="From the feed", paragraphs=("x",))], feed_id=feed.id
    )
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        labels = [c[0] for c in app.screen.choices]
        assert labels[3:] == ["Feed: Example", "Tag: news"]
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert reader(app).filter == HeadlineFilter(feed_id=feed.id)
        assert headlines(app).row_count == 1
        assert headlines(app).row(0).headline == "From the feed"


async def test_o_confirms_then_opens_http_links(
    demo: Library, make_app: MakeApp, opened_links: list[str]
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, ConfirmOpenScreen)
        assert "https://example.org/bridge" in str(app.screen.query_one("#url").render())
        assert opened_links == []
        await pilot.press("n")
        assert opened_links == []
        await pilot.press("o", "y")
        assert opened_links == ["https://example.org/bridge"]


async def test_o_refuses_links_that_are_not_http(
    library_file, make_app: MakeApp, opened_links: list[str]
) -> None:
    library = Library(library_file)
    for url in ("javascript:alert(1)", "file:///etc/passwd"):
        library.store.save_articles([Article(headline=f"Bad {url}", paragraphs=("x",), url=url)])
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press("j")
        assert opened_links == []
        assert any("only http and https" in n.message for n in app._notifications)
    library.close()


async def test_article_text_is_never_markup_or_escape_codes(
    library_file, make_app: MakeApp
) -> None:
    library = Library(library_file)
    library.store.save_articles(
        [Article(headline="[bold red]x[/] \x1b[31mred", paragraphs=("[link=x]y[/link] \x1b]0;t",))]
    )
    app = make_app(library)
    async with app.run_test(size=SIZE):
        row = headlines(app).render_line(0).text
        assert "[bold red]x[/] ␛[31mred" in row
        text = article_text(app)
        assert "[bold red]x[/] ␛[31mred" in text
        assert "[link=x]y[/link] ␛]0;t" in text
        assert "\x1b" not in text and "\x1b" not in row
    library.close()


async def test_a_damaged_article_shows_a_notice(library_file, make_app: MakeApp) -> None:
    library = Library(library_file)
    huge = "word " * 200_000
    ids = [
        i
        for i, _ in library.store.save_articles(
            [
                Article(headline="Huge", paragraphs=(huge,), published=NOW),
                Article(headline="Broken", paragraphs=("fine",), published=NOW.replace(year=2019)),
            ]
        )
    ]
    with sqlite3.connect(library_file) as conn:  # damage the row behind the library's back
        conn.execute("UPDATE articles SET quotes = 'not json' WHERE id = ?", (ids[1],))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        assert "paragraph cut" in article_text(app)
        await pilot.press("j")
        assert "could not be loaded" in article_text(app)
        await pilot.press("k")
        assert reader(app).article.headline == "Huge"
    library.close()


async def test_narrow_terminal_folds_the_side_panes(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        assert screen.has_class("-narrow")
        side = screen.query_one("#side")
        assert not side.display or side.region.height == 0
        listing = headlines(app)
        article = screen.query_one(ArticleView)
        assert listing.region.y < article.region.y  # stacked
        await pilot.press("s")
        await pilot.pause()
        assert side.region.height > 0
        await pilot.press("j")
        assert reader(app).article.id == newest_first(demo)[1]


async def test_panes_can_be_hidden_and_resized(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = reader(app)
        assert screen.has_class("-wide")
        listing = headlines(app)
        width = listing.region.width
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert listing.region.width > width
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert listing.region.width < width
        await pilot.press("s")
        await pilot.pause()
        assert screen.query_one("#side").region.width == 0
        await pilot.press("b")
        await pilot.pause()
        assert listing.region.width == 0
        assert isinstance(app.focused, ArticleView)


async def test_the_mouse_selects_and_opens_headlines(demo: Library, make_app: MakeApp) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#headlines", offset=(10, 3))  # row 2, below the top border
        assert reader(app).article.id == order[2]
        assert not demo.article(order[2]).read
        await pilot.click("#headlines", offset=(10, 3))  # clicking it again opens it
        assert demo.article(order[2]).read
