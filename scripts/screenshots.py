"""Make screenshots/*.svg (and PNGs, when rsvg-convert is installed) from the real app.

Runs the app headless on a throwaway copy of the bundled demo articles:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot

from bitereader.demo import demo_library
from bitereader.library import Library
from bitereader.tui.app import BitereaderApp
from bitereader.tui.screens.reader import ReaderScreen

OUT = Path(__file__).resolve().parents[1] / "screenshots"
NOW = datetime.now(UTC)

Steps = Callable[[Pilot, Library], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def main_view(pilot: Pilot, library: Library) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    screen.go_to(best_shown(library, quote_weight=1, caption_weight=10))
    await pilot.press("enter", "tab")


def best_shown(library: Library, *, quote_weight: int, caption_weight: int) -> int:
    """The demo article with the most quotes and credited captions, weighted as the shot needs."""

    def weight(article_id: int) -> int:
        article = library.article(article_id)
        credited = sum(1 for caption in article.captions if caption.credit)
        return len(article.quotes) * quote_weight + credited * caption_weight

    return max((h.id for h in library.headlines(limit=100)), key=weight)


async def article_view(pilot: Pilot, library: Library) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    screen.go_to(best_shown(library, quote_weight=2, caption_weight=1))
    await pilot.press("tab", "j", "j", "enter")


async def watch_list(pilot: Pilot, library: Library) -> None:
    for hours, headline in enumerate(library.headlines(limit=4, offset=2)):
        library.pin(headline.id, NOW - timedelta(hours=30 - 7 * hours))
    await pilot.press("w", "j")


async def search(pilot: Pilot, library: Library) -> None:
    await pilot.press("slash", *"president")
    await settle(pilot)


async def help_screen(pilot: Pilot, library: Library) -> None:
    await pilot.press("question_mark")


async def narrow(pilot: Pilot, library: Library) -> None:
    await pilot.press("j", "j", "j")


SHOTS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main", (120, 40), main_view),
    ("article", (200, 60), article_view),
    ("watchlist", (120, 40), watch_list),
    ("search", (120, 40), search),
    ("help", (120, 40), help_screen),
    ("narrow", (80, 24), narrow),
]


async def shoot(name: str, size: tuple[int, int], steps: Steps, folder: Path) -> Path:
    library = demo_library(folder / name)
    app = BitereaderApp(library, clock=lambda: NOW, opener=lambda url: None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await steps(pilot, library)
        await settle(pilot)
        path = Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))
    library.close()
    return path


def to_png(svg: Path) -> Path | None:
    """Convert with rsvg-convert (librsvg2-bin; fonts-firacode and fonts-symbola help)."""
    if shutil.which("rsvg-convert") is None:
        return None
    text = svg.read_text(encoding="utf-8")
    # Without xml:space="preserve" librsvg collapses the runs of spaces that lay out the text.
    fixed = re.sub(r"<svg (?!xml:space)", '<svg xml:space="preserve" ', text, count=1)
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False, encoding="utf-8") as tmp:
        tmp.write(fixed)
    png = svg.with_suffix(".png")
    subprocess.run(["rsvg-convert", tmp.name, "-o", str(png)], check=True)
    Path(tmp.name).unlink()
    return png


async def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, size, steps in SHOTS:
            (Path(folder) / name).mkdir()
            svg = await shoot(name, size, steps, Path(folder))
            png = to_png(svg)
            print(svg.relative_to(OUT.parent), "and", png.name if png else "no PNG")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
