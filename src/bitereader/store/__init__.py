"""The library file: the only place in bitereader that speaks SQL.

Its names are loaded on first use, so that importing one of its modules without the others
(the refresh's worker processes need only `store.rows`) does not bring sqlite3 and every
table's queries with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bitereader.store.articles import ALL_ARTICLES, HeadlineFilter, SaveStatus
    from bitereader.store.feeds import FeedUpdate, ItemCounts
    from bitereader.store.library_file import Store
    from bitereader.store.search import fts_query

__all__ = [
    "ALL_ARTICLES",
    "FeedUpdate",
    "HeadlineFilter",
    "ItemCounts",
    "SaveStatus",
    "Store",
    "fts_query",
]

_HOMES = {
    "ALL_ARTICLES": "articles",
    "ArticleStore": "articles",
    "HeadlineFilter": "articles",
    "SaveStatus": "articles",
    "Connection": "connection",
    "FeedStore": "feeds",
    "FeedUpdate": "feeds",
    "ItemCounts": "feeds",
    "Store": "library_file",
    "SearchStore": "search",
    "fts_query": "search",
}
"""The module of this package that defines each name the package offers (with the parts of
`Store`, which it offered when it imported them all)."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
