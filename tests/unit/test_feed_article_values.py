"""Rows made of an item's article fields are the rows the store makes of its Article."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bitereader.building import build_feed, build_rows
from bitereader.errors import LoadError
from bitereader.loaders.feeds import (
    ArticleValues,
    article_values,
    build_article,
    build_articles,
    pack_items,
    parse_feed,
    read_feed,
)
from bitereader.models import Article
from bitereader.store.feeds import item_row

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
FEEDS = sorted(p for p in DATA.iterdir() if p.suffix in (".xml", ".rdf", ".json"))


def test_the_values_are_articles_fields_in_their_order() -> None:
    names = [field.name for field in dataclasses.fields(Article)]
    assert list(ArticleValues._fields) == names[: len(ArticleValues._fields)]


@pytest.mark.parametrize("path", FEEDS, ids=lambda p: p.name)
def test_each_items_values_make_the_article_build_article_makes(path: Path) -> None:
    try:
        document = read_feed(path.read_bytes(), url="https://feed.example/")
    except LoadError:
        pytest.skip("not a feed")
    values = build_articles(document.items, document.title)
    articles = [a for a in (build_article(i, source=document.title) for i in document.items) if a]
    assert articles
    assert [Article(*v) for v in values] == articles
    assert list(parse_feed(path.read_bytes(), url="https://feed.example/").articles) == articles
    for item in document.items:
        values = article_values(item, document.title)
        article = build_article(item, source=document.title)
        assert article == (None if values is None else Article(*values))
    expected = [item_row(article) for article in articles]
    packed = [p.data for p in pack_items(document.items, document.title)]
    assert build_rows(packed, document.title) == expected
    built = build_feed(path.read_bytes(), "https://feed.example/", None, None)
    assert built.rows == expected


def test_an_item_without_title_or_text_has_no_values() -> None:
    from bitereader.loaders.feeds import RawItem

    assert article_values(RawItem(link="https://a.example/1"), "Feed") is None
    assert build_articles([RawItem()], "Feed") == []
