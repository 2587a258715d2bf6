"""The feed reader's CDATA shortcut: sections rewritten as escaped text parse to the same tree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bitereader.loaders.feeds import _cdata_as_text, _parse_xml_root, _xml_parser, parse_feed


def _as_lxml_reads(data: bytes) -> bytes | None:
    """The tree lxml makes of the document as it is, serialised; None if it refuses it."""
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError:
        return None
    return etree.tostring(root)


def _as_read_here(data: bytes) -> bytes | None:
    root = _parse_xml_root(data, _xml_parser())
    return None if root is None else etree.tostring(root)


def test_a_usual_feed_is_parsed_without_its_cdata_sections() -> None:
    # What the shortcut is for: a feed's HTML in CDATA goes to the parser as text.
    body = "<p>“Yes,” she said &amp; left.</p><figure><img src='a.jpg'></figure>"
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
        f"<item><title><![CDATA[A & B]]></title><content:encoded><![CDATA[{body}]]>"
        "</content:encoded></item></channel></rss>"
    ).encode()
    rewritten = _cdata_as_text(data)
    assert b"<![CDATA[" not in rewritten
    assert _as_read_here(data) == _as_lxml_reads(data)
    item = etree.fromstring(rewritten).find("channel/item")
    assert item.findtext("title") == "A & B"
    assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") == body


def test_articles_are_the_same_whether_or_not_sections_are_rewritten() -> None:
    html = "<p>First &amp; <b>bold</b> paragraph.</p>\r\n<p>Second.</p>"
    item = (
        f"<item><guid>g</guid><title>T</title><description><![CDATA[{html}]]></description></item>"
    )
    rewritten = f'<?xml version="1.0"?><rss><channel>{item}</channel></rss>'.encode()
    # A comment before the item stops the rewriting: the sections are parsed as CDATA.
    kept = f"<rss><channel><!-- c -->{item}</channel></rss>".encode()
    assert _cdata_as_text(kept) is kept
    assert parse_feed(rewritten).articles == parse_feed(kept).articles


def test_an_empty_section_still_makes_empty_text() -> None:
    data = b"<r><a><![CDATA[]]></a><b><![CDATA[x]]></b></r>"
    root = etree.fromstring(_cdata_as_text(data))
    assert root.find("a").text == ""
    assert root.find("b").text == "x"


def test_line_ends_at_a_section_edge_stay_apart() -> None:
    # "\r" closing one section and "\n" opening the next are two line ends, not one CRLF.
    for data in (
        b"<r><![CDATA[a\r]]><![CDATA[\nb]]></r>",
        b"<r><![CDATA[a\r\r]]></r>",
        b"<r>a\r<![CDATA[\nb]]></r>",
        b"<r><![CDATA[a\r\n\rb]]>\n</r>",
    ):
        assert _cdata_as_text(data) != data
        assert _as_read_here(data) == _as_lxml_reads(data)


def test_a_split_section_end_stays_text() -> None:
    # "]]]]><![CDATA[>" is how a feed writes "]]>" inside CDATA.
    data = b"<r><![CDATA[a]]]]><![CDATA[>b]]></r>"
    assert etree.fromstring(_cdata_as_text(data)).text == "a]]>b"


def test_sections_that_are_not_sections_are_left_alone() -> None:
    for data in (
        b"<r><!-- <![CDATA[ --><a><![CDATA[x]]></a></r>",  # in a comment
        b'<r><!-- <a> <![CDATA[ --><b c="]]>"/></r>',
        b'<r><?pi <a> <![CDATA[ ?><b c="]]>"/></r>',  # in a processing instruction
        b'<r><a t="<![CDATA[">x]]></a></r>',  # in an attribute (refused by lxml)
        b'<r><a t="x>"<![CDATA[ y="1">]]></a></r>',  # inside a tag (refused by lxml)
        b"<r><a <![CDATA[t='1']]>></a></r>",
        b'<?xml version="1.0" encoding="Shift_JIS"?><r><![CDATA[x]]></r>',
        b"<!DOCTYPE r><r><![CDATA[x]]></r>",
    ):
        assert _as_read_here(data) == _as_lxml_reads(data), data


_CONTENT = st.lists(
    st.sampled_from([*"<>&]\r\n x;#[!-?'\"é“", "]]", "&amp;", "-->"]), max_size=12
).map("".join)
_TEXT = st.sampled_from(["a", "b&amp;c", " ", "x]", "]", "\r\n", "\r", "é", "&#93;", "&lt;", ""])
_TAGS = st.sampled_from(["<t>", '<t x="1>2">', "<t y='&lt;q' z=\"b\" >", "<t\n>"])
_ODD = st.sampled_from(
    ["<!-- <![CDATA[ -->", "<?pi <![CDATA[ ?>", "<e/>", "<f a='<![CDATA['/>", "<g a='x]]>'/>"]
)


@st.composite
def _documents(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for kind in draw(st.lists(st.integers(0, 9), max_size=5)):
        if kind < 4:
            parts.append("<![CDATA[" + draw(_CONTENT).replace("]]>", "]] >") + "]]>")
        elif kind < 6:
            parts.append(draw(_TEXT))
        elif kind < 8 and depth < 3:
            parts.append(draw(_TAGS) + draw(_documents(depth + 1)) + "</t>")
        else:
            parts.append(draw(_ODD))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(
        ["", '<?xml version="1.0" encoding="utf-8"?>\n', "\ufeff<?xml version='1.0'?>"]
    ),
    _documents(),
    st.sampled_from(["", "<x>", "]]>", "<![CDATA[", "\x01"]),
)
def test_rewritten_documents_parse_to_the_same_tree(head: str, body: str, odd: str) -> None:
    """Whatever lxml makes of a document (or refuses), it makes of it rewritten too."""
    for data in ((head + "<r>" + body + "</r>").encode(), (head + "<r>" + body + odd).encode()):
        assert _as_read_here(data) == _as_lxml_reads(data)
