"""TODO: real figures extraction."""
from __future__ import annotations


def extract(doc, entities=None):
    return []
