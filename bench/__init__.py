"""Benchmark tooling: a seeded synthetic corpus of registry pages with gold facts, and a scorer.

The corpus lets us measure extraction at registry scale (100k pages) on pages whose
every fact is known, because the generator wrote it; the scorer applies the checks of
``../shared/tools/score_marts.py`` with the marts held in memory.
"""
