"""App-wide messages: data only, posted by workers and screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class FeedRefreshed(Message):
    """A refresh finished one feed (posted from the refresh worker's thread)."""

    title: str
    status: str
    new_articles: int
    error: str | None = None


@dataclass
class RefreshFinished(Message):
    """A refresh of every feed finished, with the report's summary line."""

    summary: str


@dataclass
class RefreshFailed(Message):
    """A refresh stopped with an error a person should see."""

    error: str
