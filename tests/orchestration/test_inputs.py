"""The raw fingerprint: one digest whether polars or Python builds the lines."""

from __future__ import annotations

import polars as pl

from orchestration.inputs import raw_fingerprint, raw_fingerprint_of

# Orders that differ between collations: case, accents, astral characters (after
# U+FFFD in UTF-8 and in code points, before it in UTF-16), a path and its folder.
NAMES = [
    "a.txt",
    "B.txt",
    "é.txt",
    "z.txt",
    "Ω.txt",
    "€.txt",
    "𝔸.txt",
    "\ufffd.txt",
    "a/b.txt",
    "a",
]


def test_polars_lines_give_the_python_digest() -> None:
    pairs = [(name, f"{i:064x}") for i, name in enumerate(NAMES)] + [("a.txt", "f" * 64)]
    frame = pl.DataFrame(pairs, schema=["source_file", "sha256"], orient="row")
    repeated = pl.concat(
        [frame, frame.head(3), pl.DataFrame({"source_file": ["x"], "sha256": [None]})]
    )
    assert raw_fingerprint_of(repeated.reverse()) == raw_fingerprint(pairs)


def test_no_files_give_the_digest_of_nothing() -> None:
    empty = pl.DataFrame(schema={"source_file": pl.String, "sha256": pl.String})
    assert raw_fingerprint_of(empty) == raw_fingerprint([])
