"""Extraction: a read Document in, an Extraction (CONTRACT.md's JSON) out.

The stages, one module each: ``generator.clean`` keeps the article body,
``entities`` finds orgs/people/brands/products/places, ``figures`` finds
metrics, ``quotes`` finds direct quotes and their speakers.
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from generator import __version__
from generator.models import Document, Extraction


def _code_hash() -> str:
    """Hash of the code that decides what is extracted: a change re-extracts every seed."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for sub in ("read", "extract"):
        for p in sorted((root / sub).rglob("*.py")):
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    for name in ("clean.py", "models.py"):
        h.update((root / name).read_bytes())
    return h.hexdigest()[:12]


EXTRACTOR_VERSION = f"{__version__}+{_code_hash()}"


def extract_document(doc: Document) -> Extraction:
    # imported on first use: a build whose seeds are all cached never loads the
    # extractors (their gazetteers and patterns take ~0.1 s to import)
    from generator.clean import clean
    from generator.extract import entities as _entities
    from generator.extract import figures as _figures
    from generator.extract import quotes as _quotes

    clean(doc)
    ents = _entities.extract(doc)
    metrics = _figures.extract(doc, ents)
    quotes = _quotes.extract(doc, ents)
    return Extraction(source=doc.source, body=doc.body, entities=ents, metrics=metrics, quotes=quotes)


def extract_path(path: str | Path) -> Extraction:
    from generator.read import read

    return extract_document(read(path))


def load() -> None:
    """Import the extractors now: before forking workers, so each does not import them again."""
    for name in ("generator.clean", "generator.read", "generator.extract.entities", "generator.extract.figures",
                 "generator.extract.quotes"):
        importlib.import_module(name)
