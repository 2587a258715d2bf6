"""Full-text search over headline, standfirst, body, captions and quotes (FTS5, bm25)."""

from __future__ import annotations

import re

from bitereader.models import HIT_END, HIT_START, Headline
from bitereader.store.connection import Connection
from bitereader.store.rows import HEADLINE_COLUMNS, headline_from_row

_TERM = re.compile(r'"(?P<phrase>[^"]+)"|(?P<word>[^\s"]+)')
_TOKEN_CHARS = re.compile(r"[\w]+(?:['’][\w]+)*")
SNIPPET_WORDS = 16


def fts_query(text: str, *, prefix_last: bool = False) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must match.

    Quoted phrases stay phrases, a trailing `*` makes a prefix search, and FTS5 syntax in the
    input is never interpreted. `prefix_last` lets search-as-you-type match a half-typed word.
    Returns None when nothing searchable was typed.
    """
    terms: list[str] = []
    for match in _TERM.finditer(text):
        raw = match["phrase"] or match["word"]
        tokens = _TOKEN_CHARS.findall(raw)
        if not tokens:
            continue
        term = '"' + " ".join(tokens) + '"'
        if match["word"] and raw.endswith("*"):
            term += "*"
        terms.append(term)
    if not terms:
        return None
    if prefix_last and not terms[-1].endswith("*") and not text.rstrip().endswith('"'):
        terms[-1] += "*"
    return " ".join(terms)


class SearchStore:
    """Search queries; mixed into Store, which provides `db`."""

    db: Connection

    def search(
        self, text: str, *, limit: int = 50, offset: int = 0, prefix_last: bool = False
    ) -> list[Headline]:
        """The best-ranked articles for `text`, each with a snippet around its hits."""
        query = fts_query(text, prefix_last=prefix_last)
        if query is None:
            return []
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT {HEADLINE_COLUMNS}, "
                f"snippet(articles_fts, -1, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_WORDS}) "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                (query, limit, offset),
            ).fetchall()
        return [headline_from_row(row, snippet=row[9]) for row in rows]
