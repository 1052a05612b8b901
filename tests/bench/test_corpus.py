"""The synthetic corpus: deterministic bytes, size bounds, every layout used, gold well formed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bench.corpus import LAYOUT_NAMES, MAX_BYTES, MIN_BYTES, generate, render_page

GOLD_KEYS = {
    "source_file",
    "trial",
    "arms_count",
    "arms",
    "doses",
    "endpoints",
    "criteria",
    "thresholds",
}
OPERATORS = {">=", ">", "<=", "<", "="}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    root = tmp_path_factory.mktemp("corpus")
    stats = generate(400, 5, root / "raw", root / "gold", workers=1)
    return root / "raw", root / "gold", stats


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    generate(30, 9, tmp_path / "a" / "raw", tmp_path / "a" / "gold", workers=1)
    generate(30, 9, tmp_path / "b" / "raw", tmp_path / "b" / "gold", workers=2)
    for sub in ("raw", "gold"):
        assert _files(tmp_path / "a" / sub) == _files(tmp_path / "b" / sub)


def test_different_seed_gives_different_pages(tmp_path: Path) -> None:
    generate(10, 1, tmp_path / "a" / "raw", tmp_path / "a" / "gold", workers=1)
    generate(10, 2, tmp_path / "b" / "raw", tmp_path / "b" / "gold", workers=1)
    a, b = _files(tmp_path / "a" / "raw"), _files(tmp_path / "b" / "raw")
    assert set(a.values()).isdisjoint(b.values())


@pytest.mark.parametrize("index", [0, 1, 17, 399])
def test_page_depends_only_on_seed_and_index(index: int) -> None:
    assert render_page(index, 5)[1] == render_page(index, 5)[1]
    assert render_page(index, 5)[1] != render_page(index, 6)[1]


def test_pages_within_size_bounds_and_all_distinct(corpus: tuple) -> None:
    raw, _, stats = corpus
    pages = _files(raw)
    assert len(pages) == stats.pages == 400
    assert all(MIN_BYTES <= len(data) <= MAX_BYTES for data in pages.values())
    assert len({hashlib.sha256(d).hexdigest() for d in pages.values()}) == len(pages)
    assert (stats.min_bytes, stats.max_bytes) == (
        min(map(len, pages.values())),
        max(map(len, pages.values())),
    )


def test_every_layout_is_used(corpus: tuple) -> None:
    _, _, stats = corpus
    assert set(stats.layouts) == set(LAYOUT_NAMES)
    assert len(LAYOUT_NAMES) >= 6
    assert {render_page(i, 123)[0] for i in range(50)} == set(LAYOUT_NAMES)


def test_gold_files_match_pages_and_shared_format(corpus: tuple) -> None:
    raw, gold_dir, _ = corpus
    golds = sorted(gold_dir.glob("*.json"))
    assert len(golds) == len(list(raw.iterdir()))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert GOLD_KEYS <= set(gold) <= GOLD_KEYS | {"any_end_date"}
        assert (raw / gold["source_file"]).is_file()
        assert Path(gold["source_file"]).stem == path.stem
        assert set(gold["criteria"]) == {"inclusion_count", "exclusion_count"}
        for lo, hi in gold["criteria"].values():
            assert 0 <= lo <= hi
        assert all(set(d) == {"value", "unit"} and d["value"] > 0 for d in gold["doses"])
        assert all({"type", "measure", "time_frame_days"} == set(e) for e in gold["endpoints"])
        for t in gold["thresholds"]:
            assert t["kind"] in {"INCLUSION", "EXCLUSION"} and t["operator"] in OPERATORS
        assert gold["arms_count"] == len(gold["arms"]) >= 1


def test_gold_values_are_written_on_the_page(corpus: tuple) -> None:
    """Spot-check that gold never holds a fact the page does not state."""
    raw, gold_dir, _ = corpus
    for path in sorted(gold_dir.glob("*.json"))[:80]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (raw / gold["source_file"]).read_text(encoding="utf-8")
        trial = gold["trial"]
        for key in ("title", "trial_id", "lead_sponsor"):
            if trial.get(key):
                assert trial[key] in text, (path.name, key)
        for endpoint in gold["endpoints"]:
            assert endpoint["measure"] in text
        for arm in gold["arms"]:
            assert arm["label"] in text
