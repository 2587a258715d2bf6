"""The one orchestration layer the command line and the app both call."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from bitereader import paths
from bitereader.errors import LoadError
from bitereader.loaders import MAX_FILE_BYTES, format_of, load_file
from bitereader.models import AddReport, Article, Headline
from bitereader.store import ALL_ARTICLES, HeadlineFilter, SaveStatus, Store

SAVE_BATCH = 500
"""Articles written per transaction when adding files: large enough to amortise the commit."""

ProgressCallback = Callable[[int, int], None]


class Library:
    """A person's article library: files and feeds in, articles and reader state out."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.store = Store(paths.library_path(path))

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_paths(
        self,
        targets: Sequence[str | Path],
        *,
        max_bytes: int = MAX_FILE_BYTES,
        progress: ProgressCallback | None = None,
    ) -> AddReport:
        """Import files and folders (recursively) of saved pages and feed files.

        Unknown file types are skipped with a note; a file that fails is reported and the rest
        are still stored.

        Raises:
            LoadError: a path does not exist, or a folder holds nothing bitereader can read.
                Nothing is stored then.
        """
        report = AddReport()
        files = list(collect_files([Path(t) for t in targets], report))
        pending: list[Article] = []
        for done, path in enumerate(files, 1):
            try:
                pending.extend(load_file(path, max_bytes=max_bytes))
            except LoadError as error:
                report.failed += 1
                report.failures.append((str(path), str(error)))
            if len(pending) >= SAVE_BATCH:
                self._save(pending, report)
            if progress:
                progress(done, len(files))
        self._save(pending, report)
        return report

    def _save(self, articles: list[Article], report: AddReport) -> None:
        for article_id, status in self.store.save_articles(articles):
            _count(report, status)
            report.ids.append(article_id)
        articles.clear()

    def headlines(
        self, filter: HeadlineFilter = ALL_ARTICLES, *, limit: int = 50, offset: int = 0
    ) -> list[Headline]:
        """A page of the headline list."""
        return self.store.headlines(filter, limit=limit, offset=offset)

    def count(self, filter: HeadlineFilter = ALL_ARTICLES) -> int:
        return self.store.count_headlines(filter)

    def position(self, article_id: int, filter: HeadlineFilter = ALL_ARTICLES) -> int | None:
        """Where an article sits in a headline list, to restore a selection."""
        return self.store.headline_position(article_id, filter)

    def article(self, article_id: int) -> Article:
        return self.store.article(article_id)

    def search(
        self, text: str, *, limit: int = 50, offset: int = 0, prefix_last: bool = False
    ) -> list[Headline]:
        return self.store.search(text, limit=limit, offset=offset, prefix_last=prefix_last)

    def pin(self, article_id: int, now: datetime | None = None) -> bool:
        return self.store.pin(article_id, now)

    def unpin(self, article_id: int) -> bool:
        return self.store.unpin(article_id)

    def toggle_pin(self, article_id: int) -> bool:
        """Pin an unpinned article or unpin a pinned one; returns whether it is now pinned."""
        if self.store.pin(article_id):
            return True
        self.store.unpin(article_id)
        return False

    def move_pin(self, article_id: int, steps: int) -> None:
        self.store.move_pin(article_id, steps)

    def watch_list(self, *, limit: int = 500) -> list[Headline]:
        """Pinned stories, newest pin first (or as the reader reordered them)."""
        return self.store.headlines(HeadlineFilter(pinned=True), limit=limit)

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        self.store.set_read(article_ids, read)

    def remove(self, article_id: int) -> None:
        self.store.remove(article_id)

    def stats(self) -> dict[str, int]:
        return self.store.stats()

    def setting(self, key: str) -> object | None:
        return self.store.setting(key)

    def set_setting(self, key: str, value: object) -> None:
        self.store.set_setting(key, value)


def _count(report: AddReport, status: SaveStatus) -> None:
    if status == "added":
        report.added += 1
    elif status == "updated":
        report.updated += 1
    else:
        report.skipped += 1


def collect_files(targets: Sequence[Path], report: AddReport) -> Iterator[Path]:
    """Expand files and folders into the readable files among them, checking every path first.

    Raises:
        LoadError: a path does not exist, or a folder holds nothing readable.
    """
    for target in targets:
        if not target.exists():
            raise LoadError(f"{target}: no such file or folder")
    for target in targets:
        if target.is_dir():
            found = [path for path in _walk(target) if _readable(path, report)]
            if not found:
                raise LoadError(f"{target}: no saved pages or feed files in this folder")
            yield from found
        elif _readable(target, report):
            yield target


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path


def _readable(path: Path, report: AddReport) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        report.failed += 1
        report.failures.append((str(path), error.strerror or str(error)))
        return False
    if format_of(path, head) is None:
        report.skipped += 1
        report.notes.append(f"{path}: skipped, not a saved page or feed file")
        return False
    return True
