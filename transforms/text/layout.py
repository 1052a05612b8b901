"""Name the layout of a page from the shape of what the segmenter found.

``source_format`` tells analysts which kind of page a row came from, and
tells us which layouts the parsers meet in the wild. It is derived from
counts (how labels carry their values, tables, embedded records, badges),
so a page from an unknown site still gets a descriptive name.
"""

from __future__ import annotations

import re
from collections import Counter

from transforms.text.segment import Segmented

_PRIMARY_BY_ORIGIN = {
    "label": "label_colon",
    "label_block": "label_block",
    "table": "markdown_table",
    "badge": "badge_rows",
}

_RECORDS = frozenset({"protocol", "markup"})  # a dumped record, or schema.org markup
_HTML_CELL = re.compile(r"<t[dh][\s>]", re.IGNORECASE)


def detect_layout(raw_text: str, segmented: Segmented) -> str:
    """A layout name such as ``label_block+record`` or ``label_colon+bullets``."""
    # How values are carried: a label whose value is missing (or was a second label, a
    # translation of the first) carries none.
    origins = Counter(
        f.origin for f in segmented.fields if f.origin not in _RECORDS and f.value is not None
    )
    primary = _PRIMARY_BY_ORIGIN[origins.most_common(1)[0][0]] if origins else "prose"
    if raw_text.lstrip().startswith("---\n"):
        primary = "front_matter"
    elif "**" in raw_text and primary == "label_colon":
        primary = "bold_markdown"
    elif primary == "markdown_table" and _HTML_CELL.search(raw_text):
        primary = "html_table"  # read as a markdown table (see ``normalize``)
    traits = []
    if any(f.origin in _RECORDS for f in segmented.fields):
        traits.append("record")
    if origins.get("badge", 0) >= 3 and primary != "badge_rows":
        traits.append("badges")
    return "+".join([primary, *traits])
