"""The library file: the only place in bitereader that speaks SQL."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from bitereader.store.articles import ALL_ARTICLES, ArticleStore, HeadlineFilter, SaveStatus
from bitereader.store.connection import Connection
from bitereader.store.feeds import FeedStore, FeedUpdate, ItemCounts
from bitereader.store.search import SearchStore, fts_query

__all__ = [
    "ALL_ARTICLES",
    "FeedUpdate",
    "HeadlineFilter",
    "ItemCounts",
    "SaveStatus",
    "Store",
    "fts_query",
]


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
