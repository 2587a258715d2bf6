"""The command line end to end, in a subprocess against a temporary library."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "textpages"


def run(library: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120"}
    result = subprocess.run(
        [sys.executable, "-m", "bitereader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Traceback" not in result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def snapshot(library: Path) -> list[tuple]:
    conn = sqlite3.connect(library)
    try:
        return conn.execute(
            "SELECT id, headline, read, pinned_at FROM articles ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of our saved-page variants, without their expected-result files."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in DATA.iterdir():
        if page.suffix in (".txt", ".md"):
            shutil.copy(page, folder)
    return folder


@pytest.fixture
def library(tmp_path: Path, pages: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    result = run(path, "add", str(pages))
    assert "added 5, updated 0, skipped 0, failed 0" in result.stdout
    return path


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bitereader", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().startswith("bitereader ")


def test_add_twice_updates_nothing_and_keeps_state(library: Path, pages: Path) -> None:
    first_id = json.loads(run(library, "list", "--json").stdout)[0]["id"]
    run(library, "pin", str(first_id))
    result = run(library, "add", str(pages))
    assert "added 0, updated 0, skipped 5, failed 0" in result.stdout
    listed = json.loads(run(library, "list", "--pinned", "--json").stdout)
    assert [item["id"] for item in listed] == [first_id]


def test_list_json_fields(library: Path) -> None:
    listed = json.loads(run(library, "list", "--json", "--limit", "2").stdout)
    assert len(listed) == 2
    assert set(listed[0]) >= {
        "id",
        "headline",
        "source",
        "url",
        "published",
        "added_at",
        "read",
        "pinned",
    }


def test_show_json_is_the_documented_shape(library: Path) -> None:
    found = json.loads(run(library, "search", "heatwave", "grid", "--json").stdout)
    assert found and "snippet" in found[0]
    article = json.loads(run(library, "show", str(found[0]["id"]), "--json").stdout)
    assert set(article) >= {
        "id",
        "url",
        "source",
        "kicker",
        "headline",
        "standfirst",
        "authors",
        "wire",
        "published",
        "added_at",
        "read",
        "pinned",
        "paragraphs",
        "captions",
        "quotes",
    }
    assert article["headline"].startswith("Heatwave pushes power grid")
    assert article["captions"][0] == {
        "text": "A worker checks transmission lines outside the city on Tuesday.",
        "credit": "AP Photo/Daniel Ruiz",
    }
    assert all(isinstance(p, str) for p in article["paragraphs"])


def test_show_prints_article_text_without_markup(tmp_path: Path) -> None:
    page = tmp_path / "markup.txt"
    page.write_text(
        "[bold red]Not markup[/bold red] in the headline\n\n"
        + "The body has [link=https://evil.example]brackets[/link] and [b]tags[/b] too. " * 3
    )
    library = tmp_path / "lib.sqlite"
    run(library, "add", str(page))
    result = run(library, "show", "1")
    assert "[bold red]Not markup[/bold red]" in result.stdout
    assert "[link=https://evil.example]brackets[/link]" in result.stdout


def test_pin_unpin_remove_and_stats(library: Path) -> None:
    run(library, "pin", "2")
    assert json.loads(run(library, "stats", "--json").stdout)["pinned"] == 1
    run(library, "unpin", "2")
    run(library, "remove", "3")
    stats = json.loads(run(library, "stats", "--json").stdout)
    assert stats["pinned"] == 0 and stats["articles"] == 4
    run(library, "mark-read", "1", "2")
    assert json.loads(run(library, "stats", "--json").stdout)["unread"] == 2
    unread = json.loads(run(library, "list", "--unread", "--json").stdout)
    assert {item["id"] for item in unread} == {4, 5}


def test_add_reports_each_failure_and_stores_the_rest(tmp_path: Path, pages: Path) -> None:
    folder = pages
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "picture.png").write_bytes(b"\x89PNG....")
    library = tmp_path / "lib.sqlite"
    result = run(library, "add", str(folder), check=False)
    assert result.returncode == 1
    assert "added 5, updated 0, skipped 1, failed 2" in result.stdout
    assert "empty.txt: empty file" in result.stderr
    assert "binary.txt: binary file" in result.stderr
    assert "picture.png: skipped" in result.stdout
    assert len(snapshot(library)) == 5


def test_oversized_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Headline\n\n" + b"word " * (5 * 1024 * 1024))
    library = tmp_path / "lib.sqlite"
    result = run(library, "add", str(big), check=False)
    assert result.returncode == 1
    assert "over the 20 MiB limit" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "/no/such/path"), "no such file or folder"),
        (("show", "999"), "no article with id 999"),
        (("pin", "999"), "no article with id 999"),
        (("unpin", "999"), "no article with id 999"),
        (("remove", "999"), "no article with id 999"),
        (("mark-read", "1", "999"), "no article with id 999"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    library: Path, args: tuple, message: str
) -> None:
    before = snapshot(library)
    result = run(library, *args, check=False)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert snapshot(library) == before


def test_folder_with_nothing_readable(tmp_path: Path, library: Path) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(library)
    result = run(library, "add", str(folder), check=False)
    assert result.returncode == 1
    assert "nothing" in result.stderr.lower() or "no saved pages" in result.stderr
    assert snapshot(library) == before


def test_missing_path_among_good_ones_stores_nothing(tmp_path: Path, pages: Path) -> None:
    library = tmp_path / "lib.sqlite"
    result = run(library, "add", str(pages), str(tmp_path / "missing.txt"), check=False)
    assert result.returncode == 1
    assert "missing.txt: no such file or folder" in result.stderr
    assert not library.exists() or snapshot(library) == []


def test_corrupt_library_is_reported_and_untouched(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    library.write_bytes(b"garbage" * 1000)
    result = run(library, "list", check=False)
    assert result.returncode == 1
    assert "corrupt" in result.stderr
    assert library.read_bytes() == b"garbage" * 1000


def test_locked_library_is_reported(library: Path) -> None:
    blocker = sqlite3.connect(library, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = run(library, "pin", "1", check=False)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.returncode == 1
    assert "locked" in result.stderr


def test_library_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run(blocker / "lib.sqlite", "list", check=False)
    assert result.returncode == 1
    assert "cannot create library folder" in result.stderr


def test_library_from_environment(tmp_path: Path) -> None:
    library = tmp_path / "env.sqlite"
    env = {**os.environ, "BITEREADER_LIBRARY": str(library)}
    subprocess.run(
        [sys.executable, "-m", "bitereader", "add", str(DATA / "no-standfirst.txt")],
        check=True,
        env=env,
        capture_output=True,
    )
    assert len(snapshot(library)) == 1


def test_watch_lists_pins_with_follow_ups(tmp_path: Path, library: Path) -> None:
    story = json.loads(run(library, "search", "dockworkers", "strike", "--json").stdout)[0]["id"]
    run(library, "pin", str(story))
    follow_up = tmp_path / "follow-up.txt"
    follow_up.write_text(
        "Dockworkers end strike after automation deal\n\n"
        "Dockworkers returned to the cranes on Friday after the union accepted job guarantees.\n"
    )
    run(library, "add", str(follow_up))
    [watched] = json.loads(run(library, "watch", "--json").stdout)
    assert watched["id"] == story and watched["follow_ups"] == 1
    [found] = json.loads(run(library, "follow-ups", str(story), "--json").stdout)
    assert found["headline"] == "Dockworkers end strike after automation deal"
