"""Full-text search over headline, standfirst, body, captions and quotes (FTS5, bm25)."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import combinations

from bitereader.models import HIT_END, HIT_START, Headline
from bitereader.store.connection import Connection
from bitereader.store.rows import HEADLINE_COLUMNS, headline_from_row, to_epoch

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

    def related(
        self,
        terms: list[str],
        *,
        exclude: int,
        added_since: datetime | None = None,
        limit: int = 20,
    ) -> list[Headline]:
        """Articles whose headline or standfirst share at least two of `terms`, best first.

        Two shared key terms (usually names) tell a follow-up from an article that merely
        mentions one of them. `added_since` keeps only articles that arrived after that time.
        """
        words = [token for term in terms for token in _TOKEN_CHARS.findall(term)][:8]
        if len(words) < 2:
            return []
        pairs = " OR ".join(f'("{a}" AND "{b}")' for a, b in combinations(words, 2))
        # Only the headline and standfirst: a name dropped deep in a body is not a follow-up.
        query = f"{{headline standfirst}} : ({pairs})"
        since = to_epoch(added_since) if added_since else -1
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT {HEADLINE_COLUMNS} FROM articles_fts "
                "JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH ? AND a.id != ? AND a.added_at >= ? "
                "ORDER BY rank LIMIT ?",
                (query, exclude, since, limit),
            ).fetchall()
        return [headline_from_row(row) for row in rows]
