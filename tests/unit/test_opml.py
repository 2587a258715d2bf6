"""OPML: reading subscription lists (folders and categories as tags) and writing them back."""

from __future__ import annotations

from pathlib import Path

import pytest

from bitereader.errors import LoadError
from bitereader.library import Library
from bitereader.loaders.opml import OpmlFeed, parse_opml, write_opml

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_parse_folders_and_categories_become_tags() -> None:
    feeds = {f.url: f for f in parse_opml((DATA / "subscriptions.opml").read_bytes())}
    gazette = feeds["https://gazette.example/rss"]
    assert gazette.title == "The Riverside Gazette"
    assert gazette.site_url == "https://gazette.example/"
    assert gazette.tags == ("News",)
    assert feeds["https://rdf.example/feed"].tags == ("News", "Local", "Science", "Weekly")
    assert feeds["https://loose.example/feed"].tags == ()
    assert feeds["https://loose.example/feed"].title == "Loose feed"


def test_round_trip_keeps_titles_urls_and_tags() -> None:
    feeds = [
        OpmlFeed(
            "https://a.example/feed", "Alpha & Omega", "https://a.example/", ("news", "daily")
        ),
        OpmlFeed("https://b.example/rss?x=1&y=2", None, None, ()),
        OpmlFeed("https://c.example/atom", "Café <Crème>", None, ("food",)),
    ]
    assert parse_opml(write_opml(feeds)) == feeds


def test_not_opml() -> None:
    with pytest.raises(LoadError, match="not an OPML file"):
        parse_opml(b"<rss><channel/></rss>")
    with pytest.raises(LoadError, match="not an OPML file"):
        parse_opml(b"plain text")


def test_library_import_and_export_round_trip(tmp_path: Path) -> None:
    with Library(tmp_path / "one.sqlite") as library:
        report = library.import_opml(DATA / "subscriptions.opml")
        assert (report.added, report.skipped, report.failed) == (3, 0, 1)
        assert "ftp://" in report.failures[0][0]
        again = library.import_opml(DATA / "subscriptions.opml")
        assert (again.added, again.skipped) == (0, 3)
        exported = library.export_opml()
        before = {(f.url, f.title, f.tags) for f in library.feeds()}
    path = tmp_path / "out.opml"
    path.write_bytes(exported)
    with Library(tmp_path / "two.sqlite") as other:
        assert other.import_opml(path).added == 3
        assert {(f.url, f.title, f.tags) for f in other.feeds()} == before
        assert [f.url for f in other.feeds(tag="Science")] == ["https://rdf.example/feed"]


def test_import_missing_file(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library, pytest.raises(LoadError):
        library.import_opml(tmp_path / "missing.opml")
