"""Benchmarks: synthetic seeds (``synth``), extraction quality and speed
(``extraction``), build scaling against a bare MkDocs site (``scale``).

Run from the repo root, e.g. ``python -m benchmarks.scale --sizes 20,100``.
"""
