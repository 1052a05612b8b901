"""Cell doses in the notations scraping leaves behind; drug and lab values are not doses."""

from __future__ import annotations

import pytest

from transforms.values.doses import find_doses

CASES = [
    ("1×10^5/kg", [(1e5, None, "cells/kg")]),
    ("1x10\\^5 cells/Kg", [(1e5, None, "cells/kg")]),
    (
        "(1×105/kg, 3×105/kg, 5×105/kg)",
        [(1e5, None, "cells/kg"), (3e5, None, "cells/kg"), (5e5, None, "cells/kg")],
    ),
    ("1 × 107/kg", [(1e7, None, "cells/kg")]),
    ("1.0 × 10⁶ cells/kg", [(1e6, None, "cells/kg")]),
    ("5e5 cells/kg", [(5e5, None, "cells/kg")]),
    ("5.0 e5/ kg", [(5e5, None, "cells/kg")]),
    ("10e6 cells/kg", [(1e6, None, "cells/kg")]),
    ("0.5-1 × 10^6 CAR+ T cells/kg", [(5e5, 1e6, "CAR+ cells/kg")]),
    ("2 x 10^8 CAR+ T cells", [(2e8, None, "CAR+ cells")]),
    ("1.5×10^8 cells", [(1.5e8, None, "cells")]),
    ("1×10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_doses(text: str, expected: list[tuple[float, float | None, str]]) -> None:
    assert [(d.value, d.value_max, d.unit) for d in find_doses(text)] == expected


@pytest.mark.parametrize(
    "text", ["prednisone≥1mg/kg/d", "≥1.0×10^9/L", "Platelets ≥50×10^9/L", "25 mg/m2", "CD19", ""]
)
def test_not_a_cell_dose(text: str) -> None:
    assert find_doses(text) == []


def test_mention_text_is_the_span() -> None:
    text = "Dosage: 3×10^5 cells/Kg; once"
    (dose,) = find_doses(text)
    assert text[dose.start : dose.end] == dose.text == "3×10^5 cells/Kg"
