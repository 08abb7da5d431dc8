"""The fact files as the plugin reads them, with a parse cache.

Parsing a fact file (YAML, then validation) costs about 1.5 ms; most builds
read every file unchanged since the last one. The cache keeps each valid
file's ``Brief`` as JSON next to the SHA-256 of the file's bytes; a file whose
bytes are unchanged is validated from that JSON (~0.1 ms) instead. The key
also holds a hash of the fact-file code (schema and store) and the pydantic
version, so a change of either re-parses everything. Broken files are never
cached: they are parsed (and reported) on every build, as before.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from generator import atomic
from generator.facts import schema, store
from generator.facts.schema import Brief

log = logging.getLogger("mkdocs.plugins.briefs")


def _code_version() -> str:
    import pydantic

    h = hashlib.sha256(pydantic.VERSION.encode())
    for mod in (schema, store):
        h.update(Path(mod.__file__).read_bytes())
    return h.hexdigest()[:16]


def load_all(folder: Path, cache_file: Path | None) -> list[store.Loaded]:
    """Like ``store.load_all(folder)`` (same order, same results), through the cache."""
    if cache_file is None:
        return store.load_all(folder)
    version = _code_version()
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        entries = data["entries"] if data.get("version") == version else {}
    except (OSError, ValueError, KeyError, TypeError):
        entries = {}
    out, fresh, changed = [], {}, False
    for p in sorted(folder.glob("*.yaml")):
        try:
            sha = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError:
            sha = None
        hit = entries.get(p.name)
        if sha is not None and isinstance(hit, list) and len(hit) == 2 and hit[0] == sha:
            try:
                out.append(store.Loaded(p, Brief.model_validate_json(hit[1]), None))
                fresh[p.name] = hit
                continue
            except ValueError:
                pass
        try:
            brief = store.load(p)
        except store.FactFileError as exc:
            out.append(store.Loaded(p, None, str(exc)))
            changed = changed or p.name in entries
            continue
        out.append(store.Loaded(p, brief, None))
        if sha is not None:
            fresh[p.name] = [sha, brief.model_dump_json()]
            changed = True
    if changed or set(fresh) != set(entries):
        _write_atomic(cache_file, json.dumps({"version": version, "entries": fresh}, ensure_ascii=False,
                                             separators=(",", ":")))
    return out


def _write_atomic(path: Path, text: str) -> None:
    try:
        atomic.write_text(path, text)
    except OSError as exc:  # a read-only cache is not an error
        log.debug("briefs: cannot write the fact-file cache %s: %s", path, exc)