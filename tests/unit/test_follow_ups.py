"""The watch list follows pinned stories: later articles sharing their key names are follow-ups."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bitereader.extract.terms import key_terms
from bitereader.library import Library
from bitereader.models import Article

T0 = datetime(2026, 1, 1, tzinfo=UTC)
T1 = datetime(2026, 1, 2, tzinfo=UTC)
T2 = datetime(2026, 1, 3, tzinfo=UTC)


def article(headline: str, body: str = "Body text of the article.") -> Article:
    return Article(headline=headline, paragraphs=(body,))


def test_key_terms_prefer_names_and_drop_stopwords() -> None:
    terms = key_terms("Mayor of Gdańsk Paweł Adamowicz stabbed on stage at charity concert")
    assert terms[:3] == ["gdańsk", "paweł", "adamowicz"]
    assert "the" not in terms and "on" not in terms


def test_follow_ups_are_later_articles_sharing_two_key_terms(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    store = library.store
    [(story, _), (earlier, _)] = store.save_articles(
        [
            article("Port of Rotterdam dockworkers strike over automation"),
            article("Rotterdam dockworkers warn of strike", "An earlier warning."),
        ],
        now=T0,
    )
    library.pin(story, now=T1)
    ids = [
        article_id
        for article_id, _ in store.save_articles(
            [
                article("Rotterdam strike ends as dockworkers accept deal"),
                article("Rotterdam marathon draws record crowd"),
                article("Dockworkers in Hamburg vote on pay", "Nothing about the Dutch port."),
            ],
            now=T2,
        )
    ]
    follow_ups = library.follow_ups(story)
    assert [h.id for h in follow_ups] == [ids[0]]
    assert earlier not in [h.id for h in follow_ups]
    assert library.watch_list_with_follow_ups()[0][1] == 1


def test_unpinned_article_finds_every_related_article(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    [(story, _), (related, _)] = library.store.save_articles(
        [
            article("Rotterdam dockworkers strike over automation"),
            article("Rotterdam dockworkers warn of strike"),
        ],
        now=T0,
    )
    assert [h.id for h in library.follow_ups(story)] == [related]
