"""Tests that an RSS item's rdf:about is read as its guid when it has one, and only then."""

from __future__ import annotations

from bitereader.loaders.feeds import read_feed

RSS1 = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.org/"><title>Site</title><link>https://example.org/</link>
</channel>
<item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link></item>
<item><title>B</title><link>https://example.org/b</link></item>
</rdf:RDF>"""

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel>
<title>Site</title><link>https://example.org/</link>
<item><title>A</title><guid>urn:a</guid></item>
<item xml:lang="en"><title>B</title></item>
<item rdf:about="urn:c"><title>C</title></item>
<item rdf:about="urn:d"><title>D</title><guid>urn:d2</guid></item>
</channel></rss>"""


def test_rss1_items_take_rdf_about_as_guid() -> None:
    items = read_feed(RSS1).items
    assert [item.guid for item in items] == ["https://example.org/a", None]


def test_rss2_items_take_guid_over_rdf_about_and_none_without_either() -> None:
    items = read_feed(RSS2).items
    assert [item.guid for item in items] == ["urn:a", None, "urn:c", "urn:d2"]
