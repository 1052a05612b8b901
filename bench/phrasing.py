"""How one fact is written: dates, doses, time frames and enums in the spellings of sites.

Each writer returns the text and, where the gold needs it, the value the text states
(a date writer returns "YYYY-MM" when only the month is written).
"""

from __future__ import annotations

import datetime as dt
import math
import random

_MONTHS = (  # noqa: SIM905 - a word list reads best as one string
    "January February March April May June July August September October November December"
).split()
DATE_STYLES = ("iso", "iso", "month", "long", "dmy", "short", "slash")
STATUS_TEXT = {
    "RECRUITING": ("Recruiting", "RECRUITING"),
    "NOT_YET_RECRUITING": ("Not yet recruiting", "Not Yet Recruiting", "NOT_YET_RECRUITING"),
    "ACTIVE_NOT_RECRUITING": ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
    "COMPLETED": ("Completed", "COMPLETED"),
    "ENROLLING_BY_INVITATION": ("Enrolling by invitation", "ENROLLING_BY_INVITATION"),
    "TERMINATED": ("Terminated", "TERMINATED"),
    "WITHDRAWN": ("Withdrawn", "WITHDRAWN"),
    "SUSPENDED": ("Suspended", "SUSPENDED"),
}
PHASE_TEXT = {
    ("EARLY_PHASE1",): ("Early Phase 1", "Early phase I", "EARLY_PHASE1"),
    ("PHASE1",): ("Phase 1", "Phase I", "PHASE1"),
    ("PHASE1", "PHASE2"): ("Phase 1/Phase 2", "Phase I/II", "Phase 1/2", "PHASE1, PHASE2"),
    ("PHASE2",): ("Phase 2", "Phase II", "PHASE2"),
}
SEX_TEXT = {"ALL": ("All", "ALL", "Both"), "FEMALE": ("Female", "FEMALE"), "MALE": ("Male",)}
ALLOCATION_TEXT = {"NA": ("NA", "N/A"), "NON_RANDOMIZED": ("Non-Randomized", "NON_RANDOMIZED")}
MODEL_TEXT = {
    "SINGLE_GROUP": ("Single Group Assignment", "SINGLE_GROUP"),
    "PARALLEL": ("Parallel Assignment", "PARALLEL"),
    "SEQUENTIAL": ("Sequential Assignment", "SEQUENTIAL"),
}
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def date_text(rng: random.Random, day: dt.date, style: str) -> tuple[str, str]:
    """(text, gold) for a date in one of the styles sites print."""
    month = _MONTHS[day.month - 1]
    if style == "month":
        return f"{day.year}-{day.month:02d}", f"{day.year}-{day.month:02d}"
    if style == "short":
        return f"{month[:3]} {day.year}", f"{day.year}-{day.month:02d}"
    text = {
        "iso": day.isoformat(),
        "long": f"{month} {day.day}, {day.year}",
        "dmy": f"{day.day} {month} {day.year}",
        "slash": f"{day.year}/{day.month:02d}/{day.day:02d}",
    }[style]
    return text, day.isoformat()


def _mantissa(value: float) -> tuple[str, int]:
    exponent = math.floor(math.log10(value))
    mantissa = round(value / 10**exponent, 3)
    return (str(int(mantissa)) if mantissa.is_integer() else str(mantissa)), exponent


def dose_text(rng: random.Random, value: float, unit: str, style: int) -> tuple[str, str]:
    """(text, gold unit) for one cell dose written in one of the notations sites use."""
    m, e = _mantissa(value)
    if unit == "cells":
        forms = (f"{m}×10^{e} CAR-T cells", f"{m} x 10^{e} cells", f"{m}×10\\^{e} CAR-T cells")
        return forms[style % len(forms)], "cells"
    forms = (
        (f"{m}×10^{e} cells/kg", "cells/kg"),
        (f"{m}x10\\^{e} cells/Kg", "cells/kg"),
        (f"{m}e{e} cells/kg", "cells/kg"),
        (f"{m} × 10{str(e).translate(_SUPERSCRIPTS)} CAR-T cells/kg", "cells/kg"),
        (f"{m}×10{e}/kg", "cells/kg"),
        (f"{m} × 10^{e} CAR+ T cells/kg", "CAR+ cells/kg"),
    )
    return forms[style % len(forms)]


def time_frame(rng: random.Random) -> tuple[str, int]:
    """(time frame as written, longest horizon in days by the contract's conversions)."""
    kind = rng.randrange(11)
    if kind == 0:
        d = rng.choice((28, 30, 90))
        return f"{d} days post infusion", d
    if kind == 1:
        d = rng.choice((28, 90, 180))
        return f"Day {d}", d
    if kind == 2:
        w = rng.choice((4, 12, 24, 52))
        return f"Week {w}", 7 * w
    if kind == 3:
        m = rng.choice((3, 6, 12, 24))
        return f"Month {m}", 30 * m
    if kind == 4:
        m = rng.choice((3, 6, 12))
        return f"{m} months after infusion", 30 * m
    if kind == 5:
        y = rng.choice((1, 2, 3, 5))
        return f"Up to {y} years post infusion", 365 * y
    if kind == 6:
        return "12, 24, 36 and 52 weeks", 364
    if kind == 7:
        y = rng.choice((2, 3))
        return f"From 30 days to {y} years after infusion", 365 * y
    if kind == 8:
        return "Baseline, Day 28, Month 3 and Month 6", 180
    if kind == 9:
        return "3 months and 6 months post infusion", 180
    return "Day-1, 14, 28 and Month 2, 3, 6", 180


def pick(rng: random.Random, table: dict, key: object) -> str:
    return rng.choice(table[key])
