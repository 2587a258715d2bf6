"""The feed commands end to end: the real `bitereader` in a subprocess against a local server."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
RSS = "application/rss+xml"


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bitereader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def served(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/").respond_with_data(
        (DATA / "page-with-feed.html").read_bytes(), content_type="text/html"
    )
    httpserver.expect_request("/rss2.xml").respond_with_data(
        (DATA / "rss2.xml").read_bytes(), content_type=RSS
    )
    httpserver.expect_request("/atom.xml").respond_with_data(
        (DATA / "atom.xml").read_bytes(), content_type="application/atom+xml"
    )
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    httpserver.expect_request("/plain").respond_with_data(
        (DATA / "page-without-feed.html").read_bytes(), content_type="text/html"
    )
    return httpserver


def test_subscribe_feeds_refresh_unsubscribe(served: HTTPServer, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    done = run(library, "subscribe", served.url_for("/"), "--tag", "local", "--tag", "news")
    assert done.returncode == 0, done.stderr
    assert "subscribed to The Riverside Gazette" in done.stdout
    assert "3 items" in done.stdout

    listed = run(library, "feeds", "--json")
    assert listed.returncode == 0
    (feed,) = json.loads(listed.stdout)
    assert feed["url"] == served.url_for("/rss2.xml")
    assert (feed["title"], feed["tags"], feed["items"]) == (
        "The Riverside Gazette",
        ["local", "news"],
        3,
    )

    assert run(library, "subscribe", served.url_for("/atom.xml")).returncode == 0
    refreshed = run(library, "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout.strip() == "2 feeds: 0 updated, 2 unchanged, 0 failed; 0 new articles"
    assert "\x1b" not in refreshed.stdout  # no progress bar when not on a terminal

    table = run(library, "feeds")
    assert "The Riverside Gazette" in table.stdout and "Field Notes" in table.stdout

    gone = run(library, "unsubscribe", served.url_for("/atom.xml"))
    assert gone.returncode == 0 and "unsubscribed from Field Notes" in gone.stdout
    assert [f["title"] for f in json.loads(run(library, "feeds", "--json").stdout)] == [
        "The Riverside Gazette"
    ]
    assert "Counting birds" in run(library, "list").stdout  # its articles stay


def test_refresh_failure_is_reported_and_stored(served: HTTPServer, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="Good" xmlUrl="{served.url_for("/rss2.xml")}" category="/news"/>'
        f'<outline text="Gone" xmlUrl="{served.url_for("/gone.xml")}"/>'
        "</body></opml>"
    )
    imported = run(library, "import-opml", str(opml))
    assert imported.returncode == 0, imported.stderr
    assert "2 feeds subscribed" in imported.stdout

    refreshed = run(library, "refresh")
    assert refreshed.returncode == 1
    assert refreshed.stdout.strip() == "2 feeds: 1 updated, 0 unchanged, 1 failed; 3 new articles"
    assert "bitereader: failed: Gone: HTTP 404" in refreshed.stderr
    assert "Traceback" not in refreshed.stderr

    feeds = {f["title"]: f for f in json.loads(run(library, "feeds", "--json").stdout)}
    assert feeds["Gone"]["last_status"] == "failed"
    assert "HTTP 404" in feeds["Gone"]["last_error"]
    assert "HTTP 404" in run(library, "feeds").stdout

    news_only = run(library, "refresh", "--tag", "news")
    assert news_only.returncode == 0
    assert news_only.stdout.startswith("1 feed: ")


def test_subscribe_errors_are_one_line(served: HTTPServer, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    for url, message in (
        (served.url_for("/plain"), "no feed found on this page"),
        (served.url_for("/gone.xml"), "HTTP 404"),
        ("http://127.0.0.1:1/feed", "cannot connect"),
    ):
        done = run(library, "subscribe", url)
        assert done.returncode == 1
        assert message in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert json.loads(run(library, "feeds", "--json").stdout) == []
    missing = run(library, "unsubscribe", "42")
    assert missing.returncode == 1 and "no feed with id 42" in missing.stderr


def _without_date(opml: str) -> str:
    return re.sub(r"<dateCreated>[^<]*</dateCreated>", "", opml)


def test_export_and_import_opml(served: HTTPServer, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert run(library, "subscribe", served.url_for("/rss2.xml"), "--tag", "local").returncode == 0
    stdout = run(library, "export-opml")
    assert stdout.returncode == 0 and "<opml" in stdout.stdout
    out = tmp_path / "out.opml"
    written = run(library, "export-opml", str(out))
    assert written.returncode == 0
    # The two exports may straddle a second; only their creation time may differ.
    assert _without_date(out.read_bytes().decode()) == _without_date(stdout.stdout)

    other = tmp_path / "other.sqlite"
    assert run(other, "import-opml", str(out)).returncode == 0
    (feed,) = json.loads(run(other, "feeds", "--json").stdout)
    assert (feed["url"], feed["title"], feed["tags"]) == (
        served.url_for("/rss2.xml"),
        "The Riverside Gazette",
        ["local"],
    )
    bad = run(other, "import-opml", str(DATA / "rss2.xml"))
    assert bad.returncode == 1 and "not an OPML file" in bad.stderr


def test_add_local_feed_file(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    done = run(library, "add", str(DATA / "atom.xml"), str(DATA / "feed11.json"))
    assert done.returncode == 0, done.stderr
    assert "added 4" in done.stdout
    assert "Counting birds" in run(library, "list").stdout
