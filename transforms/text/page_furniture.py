"""Page furniture of documents printed to PDF and copied as text: page numbers and running heads.

A protocol or registry printout repeats a footer ("Confidential    Page 2 of 78")
and a running head ("Acme Inc.    Protocol ACM-001 v3.0") at every page break,
often in the middle of a list. The footer has a shape of its own and is in the
boilerplate lexicon; a running head has none, but it is the same line printed
next to two or more page numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict

# "Page 2 of 78", "Page 2/78", "page 3", alone or beside other furniture after a wide gap.
PAGE_NUMBER = re.compile(
    r"^(?:.{0,150}?\s{2,})?page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s{2,}.{0,150})?$",
    re.IGNORECASE,
)
# "Confidential", alone or beside the page number.
_CONFIDENTIAL = re.compile(
    r"^(?:strictly\s+|company\s+)?confidential(?:\s{2,}.{0,150})?$", re.IGNORECASE
)
_REACH = 2  # lines either side of a page number where its running head is printed


def is_page_footer(line: str) -> bool:
    """A printout's page footer: "Confidential    Page 2 of 78", "Page 3", "CONFIDENTIAL".

    Words tested first: the patterns start with a free run of text, slow to try on
    every line.
    """
    lower = line.lower()
    return ("page" in lower and PAGE_NUMBER.match(line) is not None) or (
        "confidential" in lower and _CONFIDENTIAL.match(line) is not None
    )


def running_heads(text: str, lines: list[tuple[int, int, str, int]]) -> frozenset[int]:
    """Starts of the lines printed, each time the same, beside two or more page numbers.

    ``lines`` are ``(start, end, text, indent)`` of the page's physical lines. A line
    that happens to sit between two page numbers is printed once: it stays.
    """
    if "Page " not in text and "page " not in text and "PAGE " not in text:
        return frozenset()  # most pages: three substring scans, nothing to do
    marks = [i for i, line in enumerate(lines) if PAGE_NUMBER.match(line[2])]
    if len(marks) < 2:
        return frozenset()
    beside: dict[str, set[int]] = defaultdict(set)  # text -> the lines that print it
    for mark in marks:
        for i in range(max(0, mark - _REACH), min(len(lines), mark + _REACH + 1)):
            if i not in marks:
                beside[lines[i][2]].add(i)
    repeated = {text for text, printed in beside.items() if len(printed) >= 2}
    return frozenset(line[0] for line in lines if line[2] in repeated)
