"""Pilot tests of the other screens and flows: watch list, search, welcome, help, refresh."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from tui_support import NOW

from bitereader.config import Config
from bitereader.library import HeadlineFilter, Library
from bitereader.models import Article
from bitereader.tui.app import BitereaderApp
from bitereader.tui.screens.help import HelpScreen
from bitereader.tui.screens.reader import ReaderScreen
from bitereader.tui.screens.search import SearchScreen
from bitereader.tui.screens.watchlist import WatchListScreen
from bitereader.tui.screens.welcome import WelcomeScreen
from bitereader.tui.widgets.headlines import HeadlinesList
from bitereader.tui.widgets.status import StatusBar

SIZE = (120, 40)
MakeApp = Callable[..., BitereaderApp]
PINNED = HeadlineFilter(pinned=True)


def newest_first(library: Library) -> list[int]:
    return [h.id for h in library.headlines(limit=1000)]


def pinned_ids(path) -> list[int]:
    with Library(path) as other:
        return [h.id for h in other.headlines(PINNED)]


async def test_watch_list_newest_pin_first_reorder_unpin_open(
    demo: Library, make_app: MakeApp, library_file
) -> None:
    order = newest_first(demo)
    for hours, article_id in enumerate((order[3], order[5], order[8])):
        demo.pin(article_id, NOW - timedelta(hours=3 - hours))
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, WatchListScreen)
        pins = app.screen.query_one("#pins", HeadlinesList)
        assert [pins.row(i).id for i in range(3)] == [order[8], order[5], order[3]]
        assert "pinned 1h" in pins.render_line(0).text
        await pilot.press("J")  # move the top pin down one
        assert pinned_ids(library_file) == [order[5], order[8], order[3]]
        assert pins.highlighted.id == order[8]
        await pilot.press("K", "K")
        assert pinned_ids(library_file) == [order[8], order[5], order[3]]
        await pilot.press("j", "u")  # unpin the middle one
        assert pinned_ids(library_file) == [order[8], order[3]]
        assert pins.row_count == 2
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.id == order[3]
        assert app.screen.query_one("#headlines", HeadlinesList).highlighted.id == order[3]


async def test_pins_made_elsewhere_show_in_the_watch_list(
    demo: Library, make_app: MakeApp, library_file
) -> None:
    order = newest_first(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        with Library(library_file) as other:  # as `bitereader pin` would
            other.pin(order[2])
        await pilot.press("w")
        pins = app.screen.query_one("#pins", HeadlinesList)
        assert pins.row_count == 1 and pins.row(0).id == order[2]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_search_as_you_type_then_open(demo: Library, make_app: MakeApp) -> None:
    ebola = next(h.id for h in demo.headlines(limit=100) if "Ebola" in h.headline)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"ebol")  # a half-typed word already matches
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.results
        assert results and results[0].id == ebola
        assert all("ebol" in (h.snippet or "").lower() + h.headline.lower() for h in results)
        await pilot.press(*"a treatments")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [h.id for h in app.screen.results] == [ebola]
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.id == ebola


async def test_search_escape_goes_back_unchanged(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        before = app.screen.article.id
        await pilot.press("slash", *"zzzzqqq")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.results == []
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.id == before


async def test_search_down_moves_into_results(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"trump")
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.results
        assert len(results) >= 2
        await pilot.press("down", "down", "enter")
        assert app.screen.article.id == results[1].id


async def test_empty_library_opens_on_welcome_and_offers_the_demo(
    library_file, make_app: MakeApp
) -> None:
    library = Library(library_file)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        assert "bitereader add" in str(app.screen.query_one("#text").render())
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one("#headlines", HeadlinesList).row_count >= 20
        assert app.library.path != library_file
    assert library.count() == 0  # the demo never touched the person's library
    library.close()


async def test_position_and_filter_are_restored_on_next_launch(
    demo: Library, make_app: MakeApp, library_file
) -> None:
    order = newest_first(demo)
    demo.set_read([order[0]])
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "down", "enter")  # unread only
        await pilot.press("j", "j", "j")
        chosen = app.screen.article.id
        await pilot.press("q")
    assert chosen == order[4]
    with Library(library_file) as again:
        app = make_app(again)
        async with app.run_test(size=SIZE):
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.filter == HeadlineFilter(unread=True)
            assert app.screen.article.id == chosen
            assert app.screen.query_one("#headlines", HeadlinesList).cursor == 3


async def test_help_lists_every_binding_with_its_key(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo, config=Config(keys={"reader.toggle_pin": "P"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table
        columns = [[str(cell) for cell in column._cells] for column in table.columns]
        by_id = {id_: key for key, id_ in zip(columns[0], columns[2], strict=True) if id_}
        assert "Next unread" in columns[1] and "Unpin" in columns[1]
        for binding_id, key in {
            "reader.next_unread": "n",
            "reader.prev_unread": "N",
            "reader.toggle_read": "m",
            "reader.toggle_pin": "P",  # rebound by the config
            "reader.watch_list": "w",
            "reader.search": "/",
            "reader.filter": "f",
            "reader.refresh": "r",
            "reader.open_link": "o",
            "reader.page_down": "space",
            "app.quit": "q",
            "headlines.top": "g, home",
            "headlines.bottom": "G, end",
        }.items():
            assert by_id[binding_id] == key, binding_id
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keymap_from_config_rebinds(demo: Library, make_app: MakeApp, library_file) -> None:
    order = newest_first(demo)
    app = make_app(demo, config=Config(keys={"reader.toggle_pin": "P", "headlines.down": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert app.screen.article.id == order[1]
        await pilot.press("p")
        assert pinned_ids(library_file) == []
        await pilot.press("P")
        assert pinned_ids(library_file) == [order[1]]


async def test_footer_shows_the_main_keys(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=(200, 60)):
        footer = app.screen.query_one("Footer")
        shown = " ".join(str(key.render()) for key in footer.query("FooterKey"))
        for words in ("Open", "Next unread", "Pin", "Watch list", "Search", "Filter", "Quit"):
            assert words in shown


async def test_command_palette_runs_bindings(demo: Library, make_app: MakeApp) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"watch list")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WatchListScreen)


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local news</title><link>http://127.0.0.1/</link>
<description>test</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>http://127.0.0.1/{slug}</link>
<guid>{slug}</guid><pubDate>Tue, 01 Sep 2020 1{hour}:00:00 GMT</pubDate>
<description>Body of {title}.</description></item>"""


def feed_body(*titles: str) -> str:
    items = "".join(
        ITEM.format(title=title, slug=f"item-{i}", hour=i) for i, title in enumerate(titles)
    )
    return FEED.format(items=items)


@pytest.mark.skipif(not hasattr(Library, "refresh"), reason="Library.refresh has not landed")
async def test_r_refreshes_in_the_background_and_new_headlines_appear(
    demo: Library, make_app: MakeApp, httpserver
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_body("First local story"), content_type="application/rss+xml"
    )
    await asyncio.to_thread(demo.subscribe, httpserver.url_for("/feed.xml"))
    before = demo.count()
    httpserver.clear()
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_body("First local story", "Second local story"),
        content_type="application/rss+xml",
    )
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        selected = app.screen.article.id
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        status = app.screen.query_one(StatusBar).activity
        assert "1 new article" in status, status
        listing = app.screen.query_one("#headlines", HeadlinesList)
        titles = [listing.row(i).headline for i in range(listing.row_count)]
        assert "Second local story" in titles
        assert listing.row_count == before + 1
        assert app.screen.article.id == selected  # the selection stays put


async def test_watch_list_shows_follow_ups_that_arrived_after_the_pin(
    demo: Library, make_app: MakeApp
) -> None:
    [story] = demo.search("troop withdrawal syria", limit=1)
    demo.pin(story.id, NOW - timedelta(days=1))
    [(follow_up, _)] = demo.store.save_articles(
        [
            Article(
                headline="US troops leave Syria as Trump withdrawal begins",
                paragraphs=("The first convoys crossed into Iraq on Monday.",),
            )
        ],
        now=NOW,
    )
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        follow_ups = app.screen.query_one("#follow-ups", HeadlinesList)
        assert [follow_ups.row(i).id for i in range(follow_ups.row_count)] == [follow_up]
        assert "1 follow-up to this one" in str(app.screen.query_one("#hint").render())
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.id == follow_up
