"""The fact files as the plugin reads them: ``generator.facts.loader``, the one
loader the sync uses too (parse cache in ``.briefs-cache/site-facts.json``,
briefs handed over by the sync when ``briefs build`` runs MkDocs in-process).
Kept as a module of its own because the plugin imports it by this name."""
from __future__ import annotations

from generator.facts.loader import CACHE_NAME, Facts, code_version, handover, load, load_all

__all__ = ["CACHE_NAME", "Facts", "code_version", "handover", "load", "load_all"]
