"""Text cleanup shared by every loader: decoding bytes, stripping control characters, spacing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bitereader.errors import LoadError

# C0 and C1 controls (bar tab and newline), DEL, and zero-width/bidi-override characters: none of
# them belong in an article, and escape sequences must never reach the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# Whole terminal escape sequences (CSI and OSC), so no "[31m" residue is left behind.
_ESCAPE_SEQUENCE_FORM = (
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b{also}]*(?:\x07|\x1b\\)?|\x1b[@-_]"
)
_ESCAPE_SEQUENCE = re.compile(_ESCAPE_SEQUENCE_FORM.format(also=""))
# The same, for text whose lines are joined with LF: no sequence runs on into the next line.
_ESCAPE_SEQUENCE_IN_LINE = re.compile(_ESCAPE_SEQUENCE_FORM.format(also=r"\n"))
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f")
_BINARY_HINT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Decode a saved text page (see `decode_bytes`) and check it reads as text.

    Raises:
        LoadError: the bytes are empty or look binary rather than text.
    """
    return _check_text(decode_bytes(data))


def decode_bytes(data: bytes, *, declared: str | None = None, kind: str = "text page") -> str:
    """Decode a saved page: honour a BOM, then the encoding the page declares, then prefer UTF-8
    and fall back to Windows-1252.

    Raises:
        LoadError: the bytes hold NUL bytes (and no UTF-16 BOM), so they are not a `kind`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise LoadError(f"binary file, not a {kind}")
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Pages saved on Windows are usually cp1252; it maps almost every byte, so it is the
        # fallback that loses least. Undefined bytes become U+FFFD.
        return data.decode("cp1252", errors="replace")


def _check_text(text: str) -> str:
    if not text.strip():
        raise LoadError("empty file")
    sample = text[:4096]
    controls = len(_BINARY_HINT.findall(sample))
    if controls > len(sample) * 0.05 or sample.count("\ufffd") > len(sample) * 0.1:
        raise LoadError("binary file, not a text page")
    return text


def clean_line(text: str) -> str:
    """Normalise one line or paragraph: NFC, no control characters, single spaces, trimmed."""
    return text if is_clean_line(text) else _clean_fully(text)


def is_clean_line(text: str) -> bool:
    """True for text that `clean_line` gives back as it is, by a quick test that most titles,
    names and credits pass: printable ASCII (no control characters or escape sequences and
    nothing to normalise), single-spaced and trimmed."""
    spaced = "  " not in text and text[:1] != " " and text[-1:] != " "
    # is_printable, not str.isprintable: titles and summaries are long enough for it to pay.
    return spaced and text.isascii() and is_printable(text)


def is_printable(text: str) -> bool:
    """`text.isprintable()`, in under half the time for a paragraph of ASCII text.

    The printable ASCII characters are those from the space to the tilde: ASCII text is
    printable when a table that keeps them and changes every other byte leaves it as it was,
    which bytes.translate finds in a third of the time per character isprintable takes (it
    looks each one up in the Unicode tables). A table given whole is used as it is (one
    built from bytes to delete would be set up at each call); encoding the text and
    comparing cost as much as isprintable reading some twenty characters: text shorter than
    `_TRANSLATE_PAYS` (a margin over that) is left to isprintable.
    """
    if len(text) > _TRANSLATE_PAYS and text.isascii():
        data = text.encode()
        return data.translate(_PRINTABLE_KEPT) == data
    return text.isprintable()


_PRINTABLE_KEPT = bytes(b if 0x20 <= b < 0x7F else b ^ 0x80 for b in range(256))
"""A bytes.translate table that keeps printable ASCII and changes every other byte."""
_TRANSLATE_PAYS = 32


def _clean_fully(text: str) -> str:
    """`clean_line`'s steps, for text that may need them."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    return _single_spaced(text).strip()


def _single_spaced(text: str) -> str:
    """Every run of spacing made one plain space."""
    # Most text has nothing to change, and two plain scans for what would need it are far
    # cheaper than a substitution that stops at every space.
    if "  " in text or _ODD_SPACE.search(text):
        return _SPACES.sub(" ", text)
    return text


def split_lines(text: str) -> list[str]:
    """Split text on any newline convention (LF, CRLF, CR) into cleaned lines."""
    # `clean_line` on each line, with each of its steps done in one pass over the lines joined
    # with LF (which no step removes or spans).
    text = unicodedata.normalize("NFC", "\n".join(_LINE_BREAK.split(text)))
    text = _single_spaced(_CONTROL.sub("", _ESCAPE_SEQUENCE_IN_LINE.sub("", text)))
    return [line.strip() for line in text.split("\n")]


def word_count(text: str) -> int:
    """Count the words in a line, for the length heuristics loaders use."""
    return len(text.split())


def text_to_paragraphs(text: str) -> tuple[str, ...]:
    """Split plain text into cleaned paragraphs on blank lines."""
    blocks = re.split(r"(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)", text)
    return tuple(p for p in (clean_line(" ".join(block.split())) for block in blocks) if p)


def offsets_of(text: str, needles: Iterable[str]) -> list[int]:
    """Every offset in `text` where one of `needles` starts, in order.

    str.find per needle beats a regular expression's match objects when the needles are few
    and rare, as quote marks, sentence stops and credit labels are.
    """
    offsets: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            offsets.append(at)
            at = text.find(needle, at + 1)
    offsets.sort()
    return offsets
