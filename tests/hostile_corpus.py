"""A raw folder of odd and hostile files, shared by the hostile-input tests and the fault report."""

from __future__ import annotations

import os
from pathlib import Path

GOOD = "Title: CD19 CAR-T in lupus nephritis\nStatus: Recruiting\nPhase: 1\n"
CHINESE = "研究状态\nStatus\n招募中\n纳入标准\n1. 年龄18-65岁;\n"
NCT_OLD = "NCT ID: NCT04444444\nLast Updated: 2023-01-01\nStatus: Recruiting\n"
NCT_NEW = "NCT ID: NCT04444444\nLast Updated: 2024-06-01\nStatus: Completed\n"
# A page whose value, read as written, breaks a row rule of the mart contract.
OUT_OF_CONTRACT = {"ages beyond life.txt": GOOD + "Ages: 18 Years to 150 Years\n"}


def hostile_pages(*, big: bool = False) -> dict[str, bytes]:
    """File name -> bytes; ``big`` adds a 50 MB page (slow, for the fault report)."""
    nested = "".join(f"{'  ' * d}- level {d} item\n" for d in range(200))
    bomb = "Inclusion Criteria\n" + "1" * 20_000 + ". " + "(" * 5_000 + "eGFR " * 2_000
    pages = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "doc.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
        "latin1.txt": "Statut: recruté, âge ≥ 18".encode("cp1252", errors="replace"),
        "gb18030.txt": CHINESE.encode("gb18030"),
        "utf16.txt": GOOD.encode("utf-16"),
        "bom.txt": b"\xef\xbb\xbf" + GOOD.encode(),
        "nested.txt": (GOOD + "Inclusion Criteria\n" + nested).encode(),
        "bomb.txt": bomb.encode(),
        "long line.txt": (GOOD + "x" * 5_000_000).encode(),
        "copy a.txt": GOOD.encode(),
        "copy b.txt": GOOD.encode(),
        "ünïcødé 名前.txt": GOOD.encode(),
        "sub/dir/page.txt": GOOD.replace("Phase: 1", "Phase: 2").encode(),
        "nct old.txt": NCT_OLD.encode(),
        "nct new.txt": NCT_NEW.encode(),
        **{name: page.encode() for name, page in OUT_OF_CONTRACT.items()},
    }
    if big:
        line = "Inclusion Criteria: 1. Age 18-65 years; 2. eGFR ≥ 30 mL/min/1.73m2.\n"
        pages["big.txt"] = (GOOD + line * (50_000_000 // len(line))).encode()
    return pages


def write_hostile_corpus(raw: Path, *, big: bool = False) -> set[str]:
    """Write the corpus (plus a symlink) under ``raw``; return every name a run must account for."""
    names = set()
    for name, data in hostile_pages(big=big).items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
        names.add(name)
    os.symlink(raw / "bom.txt", raw / "link.txt")
    names.add("link.txt")
    return names
