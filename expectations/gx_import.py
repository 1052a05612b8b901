"""Import Great Expectations without loading scipy.stats, which no suite here uses.

GX's package import loads every core expectation, and the KL-divergence one
imports scipy.stats at module level: about 0.7 of the 2.6 s GX takes to
import, paid by every run that checks a layer (a daily 1% run included). Our
suites use no distribution expectation, so scipy.stats is registered as a
lazy module (the standard library's ``LazyLoader``): it is loaded in full on
its first attribute access, should any expectation ever need it.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from types import ModuleType

# Imported by GX at module level, used only by expectations our suites do not use.
DEFERRED = ("scipy.stats",)


@functools.cache
def great_expectations() -> ModuleType:
    """The ``great_expectations`` module, imported once with ``DEFERRED`` modules lazy."""
    for name in DEFERRED:
        defer_import(name)
    import great_expectations as gx

    return gx


def defer_import(name: str) -> None:
    """Register ``name`` so that it loads on first use rather than on import.

    A module already loaded, or one that cannot be found, is left alone: the
    import that follows then behaves exactly as without this.
    """
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
