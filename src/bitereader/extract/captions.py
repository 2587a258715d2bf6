"""Find figure captions and their photo credits in article text."""

from __future__ import annotations

import re

from bitereader.models import Caption

# Labels that introduce a credit at the end of a caption line. "Credit" is only taken when what
# follows is short and looks like a name, which _looks_like_credit checks.
_LABELLED = re.compile(
    r"^(?P<text>.*?)[\s;,|–—-]*\b(?P<label>Pictures?|Photo(?:graph)?s?|Image|Credit|"
    r"Photo credit|Source|Illustration|Video)\s*:\s*(?P<credit>[^:]{2,90}?)[\s.]*$",
    re.IGNORECASE,
)
# (AP Photo/Name), (Reuters/Name), (Photo: Name), (Name / Outlet)
_PARENTHESISED = re.compile(
    r"^(?P<text>.*?)\s*\((?P<credit>(?:[A-Z][\w.&' -]*\s)?Photos?\s*/[^()]{2,80}"
    r"|[^()]{2,60}?\s/\s[^()]{2,60}|[^()]{2,60}/(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock)"
    r"[^()]{0,40})\)[\s.]*$"
)
# "... Texas. Name Surname/Getty Images" or "Name/Agency" after the caption's last sentence.
_SLASHED = re.compile(
    r"^(?P<text>.*?[.!?’”])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s?){1,5}/\s?"
    r"(?:[A-Z][\w.&'’-]*\s?){1,5})$"
)
_CREDIT_WORD = re.compile(r"^[A-Z0-9(]")


def split_credit(line: str) -> Caption | None:
    """Read `line` as a caption that ends in a photo credit, or return None.

    Recognises `Picture:`, `Photo:`, `Photograph:`, `Image:` and `Credit:` labels, `(AP Photo/…)`,
    `(Name / Outlet)` and `Name/Getty Images` endings.
    """
    if len(line) > 600:
        return None
    for pattern in (_LABELLED, _PARENTHESISED, _SLASHED):
        match = pattern.match(line)
        if match and _looks_like_credit(match["credit"]):
            text = match["text"].strip()
            if pattern is _LABELLED and text.endswith(("(", "[")):
                continue
            return Caption(text=text, credit=match["credit"].strip())
    return None


def _looks_like_credit(credit: str) -> bool:
    """A credit is a name or agency: short, capitalised, not a sentence."""
    credit = credit.strip()
    words = credit.split()
    lowercase = sum(1 for word in words if word[0].islower())
    return 0 < len(words) <= 10 and bool(_CREDIT_WORD.match(credit)) and lowercase <= 2


def is_credit_only(line: str) -> bool:
    """Is `line` nothing but a credit, such as "Photo: Reuters" printed under a caption?"""
    caption = split_credit(line)
    return caption is not None and not caption.text


def fold_repeats(lines: list[str]) -> list[tuple[str, int]]:
    """Collapse runs of identical lines, returning each line with how often it appeared.

    Saved pages often print a caption twice (once for the image, once as its alt text); a line
    that repeats is almost never body text.
    """
    folded: list[tuple[str, int]] = []
    for line in lines:
        if folded and folded[-1][0] == line:
            folded[-1] = (line, folded[-1][1] + 1)
        else:
            folded.append((line, 1))
    return folded
