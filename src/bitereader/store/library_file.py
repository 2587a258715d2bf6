"""Store: one library file with every table's queries, the class the rest of bitereader opens."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from bitereader.store.articles import ArticleStore
from bitereader.store.connection import Connection
from bitereader.store.feeds import FeedStore
from bitereader.store.search import SearchStore


class Store(ArticleStore, SearchStore, FeedStore):
    """One library file, opened and migrated; safe to use from several threads."""

    def __init__(self, path: str | Path) -> None:
        self.db = Connection(path)

    @property
    def path(self) -> Path:
        return self.db.path

    def batch(self) -> AbstractContextManager[None]:
        """Make the writes of the block one transaction (see `Connection.batch`)."""
        return self.db.batch()

    def close(self) -> None:
        self.db.close()
