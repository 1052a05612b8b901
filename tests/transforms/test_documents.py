"""raw/documents: decoding order, quarantine reasons and the landed frame's shape."""

from __future__ import annotations

import codecs
import hashlib
from datetime import UTC, datetime, timedelta, timezone

import polars as pl
import pytest

from transforms import schemas
from transforms.raw.documents import (
    KNOWN_ENCODINGS,
    UndecodableError,
    decode_bytes,
    land_files,
)

LANDED_AT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
PAGE = "Title: CAR-T cells for lupus\nStatus: Recruiting\nAge: ≥ 18 years — naïve\n"
CHINESE = (
    "CAR-T细胞治疗系统性红斑狼疮的临床研究。\n"
    "入选标准：年龄18-65岁（男女不限）；\n"
    "排除标准：妊娠。\n"
)
FRENCH = (
    "Étude de phase I/II des cellules CAR-T anti-CD19 chez des patients atteints de lupus "
    "érythémateux systémique réfractaire. Critères d'inclusion : âge >= 18 ans, "
    "créatinine sérique normale, débit de filtration glomérulaire conservé.\n"
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(PAGE.encode("utf-8"), PAGE, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + PAGE.encode(), PAGE, "utf-8-sig", id="utf-8-bom"),
        pytest.param(PAGE.encode("utf-16"), PAGE, "utf-16", id="utf-16-native-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), PAGE, "utf-16", id="utf-16-le-bom"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), PAGE, "utf-16", id="utf-16-be-bom"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + PAGE.encode("utf-32-le"), PAGE, "utf-32", id="utf-32-le-bom"
        ),
        pytest.param(PAGE.encode("utf-16-le"), PAGE, "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(PAGE.encode("utf-16-be"), PAGE, "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(CHINESE.encode("gb18030"), CHINESE, "gb18030", id="gb18030"),
        pytest.param(CHINESE.encode("gb2312"), CHINESE, "gb18030", id="gb2312-subset"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp1252", id="latin-via-fallback"),
        pytest.param(b"\r\n  Status: Recruiting  \r\n", "\r\n  Status: Recruiting  \r\n", "utf-8"),
    ],
)
def test_decode_bytes_returns_exact_text_and_codec(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)
    assert encoding in KNOWN_ENCODINGS


def test_latin_bytes_are_not_taken_for_chinese() -> None:
    """Latin-1 bytes are valid GB18030; the CJK check must send them to the fallback."""
    data = FRENCH.encode("latin-1")
    text, encoding = decode_bytes(data)
    assert encoding != "gb18030"
    assert text.startswith("Étude de phase")
    assert data.decode(encoding) == text


def test_short_latin_bytes_land_with_a_round_tripping_codec() -> None:
    """Too short for a sure guess: we land them (a best guess beats losing the page)."""
    data = b"Caf\xe9 r\xe9sum\xe9: trial for lupus"
    text, encoding = decode_bytes(data)
    assert encoding in KNOWN_ENCODINGS
    assert data.decode(encoding) == text
    assert "résumé" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(codecs.BOM_UTF8, "empty file", id="bom-only"),
        pytest.param(b" \n\t\r\n  ", "whitespace only", id="whitespace"),
        pytest.param("\u3000\n".encode(), "whitespace only", id="ideographic-space"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(40), "binary content (PNG)", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (PDF)", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00", "binary content (ZIP)", id="zip"),
        pytest.param(bytes(64), "binary content (64 control bytes of 64)", id="all-nul"),
        pytest.param(bytes(range(256)) * 2, "binary content (", id="byte-soup"),
    ],
)
def test_decode_bytes_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data)
    assert caught.value.reason.startswith(reason)


def test_land_files_splits_documents_and_quarantine() -> None:
    files = [
        ("b/page.txt", PAGE.encode("utf-16")),
        ("a/logo.txt", b"\x89PNG\r\n\x1a\n" + bytes(20)),
        ("a/page.txt", PAGE.encode()),
        ("c/blank.txt", b"   \n"),
    ]
    documents, quarantine = land_files(files, LANDED_AT)

    assert documents.schema == pl.Schema(schemas.RAW_DOCUMENTS)
    assert quarantine.schema == pl.Schema(schemas.QUARANTINE)
    assert documents["source_file"].to_list() == ["a/page.txt", "b/page.txt"]
    assert documents["encoding"].to_list() == ["utf-8", "utf-16"]
    assert documents["text"].to_list() == [PAGE, PAGE]
    assert quarantine.rows() == [
        ("a/logo.txt", "raw", "binary content (PNG)", _sha(files[1][1])),
        ("c/blank.txt", "raw", "whitespace only", _sha(b"   \n")),
    ]


def test_land_files_records_bytes_hash_and_time() -> None:
    data = CHINESE.encode("gb18030")
    documents, _ = land_files([("cn.txt", data)], LANDED_AT)
    row = documents.row(0, named=True)
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert row["size_bytes"] == len(data)
    assert row["content"] == data
    assert row["landed_at"] == LANDED_AT


@pytest.mark.parametrize(
    "landed_at",
    [
        datetime(2024, 5, 6, 7, 8, 9),
        datetime(2024, 5, 6, 9, 8, 9, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_land_files_stores_landed_at_in_utc(landed_at: datetime) -> None:
    documents, _ = land_files([("a.txt", b"text")], landed_at)
    assert documents["landed_at"].item() == LANDED_AT


def test_same_bytes_under_two_names_both_land() -> None:
    documents, quarantine = land_files([("y.txt", b"same"), ("x.txt", b"same")], LANDED_AT)
    assert documents["source_file"].to_list() == ["x.txt", "y.txt"]
    assert documents["sha256"].n_unique() == 1
    assert quarantine.height == 0


def test_land_files_with_nothing_returns_typed_empty_frames() -> None:
    documents, quarantine = land_files([], LANDED_AT)
    assert (documents.height, quarantine.height) == (0, 0)
    assert documents.schema == pl.Schema(schemas.RAW_DOCUMENTS)
    assert quarantine.schema == pl.Schema(schemas.QUARANTINE)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_oversized_file_is_quarantined_with_its_size() -> None:
    from tests.hostile_corpus import hostile_pages

    big = hostile_pages(big=True)["big.txt"]
    docs, quarantine = land_files([("big.txt", big), ("ok.txt", b"Phase: 1")], datetime.now(UTC))
    assert docs["source_file"].to_list() == ["ok.txt"]
    assert quarantine["source_file"].to_list() == ["big.txt"]
    assert "too large" in quarantine["reason"][0] and "MiB" in quarantine["reason"][0]
