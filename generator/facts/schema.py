"""The fact file: ``briefs/<id>.yaml``, one per brief. The one schema for it.

Every item (metric, quote, entity) carries an ``id`` (its anchor on the page,
stable once published) and a ``fingerprint`` of what the extractor produced.
An item whose content no longer matches its fingerprint was edited by a person
and survives re-extraction; an item with no fingerprint was added by a person.
Set ``suppressed: true`` to hide a fact without losing it.

Validation errors become ``FactFileError`` with a one-line message naming the
file and the field.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,119}$"
ISO_PERIOD = re.compile(
    r"^\d{4}(-Q[1-4]|-H[12]|-\d{2}(-\d{2})?)?(/\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?)?$"
    r"|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$"  # an ISO week ("last week"), on its own
)


class FactFileError(ValueError):
    """A fact file that does not match the schema; str() is one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class SourceInfo(_Strict):
    title: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    authors: list[str] = []
    publisher: Optional[str] = None
    url: Optional[str] = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not re.match(r"^https?://", v):
            raise ValueError("must start with http:// or https://")
        return v


class _Item(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    fingerprint: Optional[str] = None
    suppressed: bool = False

    def content(self) -> dict:
        return self.model_dump(exclude={"id", "fingerprint", "suppressed"}, mode="json")

    def current_fingerprint(self) -> str:
        return fingerprint(self.content())

    @property
    def edited(self) -> bool:
        """True when a person added or changed this item (or suppressed it)."""
        return self.fingerprint is None or self.suppressed or self.fingerprint != self.current_fingerprint()


class MetricFact(_Item):
    subject: str
    metric: str
    value: float
    value_high: Optional[float] = None
    unit: str
    period: Optional[str] = None
    approximate: bool = False
    source: Optional[str] = None
    evidence: str

    @field_validator("period")
    @classmethod
    def _iso_period(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not ISO_PERIOD.match(v):
            raise ValueError(f"{v!r} is not an ISO 8601 period such as 2024, 2025-Q1, 2025-03, 2025-W07 or 2025-01/2025-02")
        return v


class QuoteFact(_Item):
    speaker: Optional[str] = None
    role: Optional[str] = None
    text: str
    evidence: str


class EntityFact(_Item):
    name: str
    type: Literal["org", "person", "brand", "product", "place", "other"]
    aliases: list[str] = []
    role: Optional[str] = None


class Provenance(_Strict):
    seed: str
    seed_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    extractor_version: str


class Brief(_Strict):
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(pattern=ID_PATTERN)
    headline: Optional[str] = None
    summary: Optional[str] = None
    tags: list[str] = []
    redirect_from: list[str] = []  # earlier ids of this brief; their URLs redirect here
    source: SourceInfo = SourceInfo()
    metrics: list[MetricFact] = []
    quotes: list[QuoteFact] = []
    entities: list[EntityFact] = []
    provenance: Provenance
    fingerprints: dict[str, str] = {}  # machine fingerprints of headline/summary

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("redirect_from")
    @classmethod
    def _ids(cls, v: list[str]) -> list[str]:
        for old in v:
            if not re.match(ID_PATTERN, old):
                raise ValueError(f"{old!r} is not a brief id")
        return v

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != SCHEMA_VERSION:
            raise ValueError(f"schema {v} is not supported (this briefs reads schema {SCHEMA_VERSION})")
        return v

    def field_edited(self, name: str) -> bool:
        """headline/summary: True when a person wrote or changed it."""
        value = getattr(self, name)
        if value is None:
            return False
        return self.fingerprints.get(name) != fingerprint(value)

    def visible_metrics(self) -> list[MetricFact]:
        return [m for m in self.metrics if not m.suppressed]

    def visible_quotes(self) -> list[QuoteFact]:
        return [q for q in self.quotes if not q.suppressed]

    def visible_entities(self) -> list[EntityFact]:
        return [e for e in self.entities if not e.suppressed]

    def to_yaml_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


def fingerprint(content) -> str:
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def parse_brief(data: object, filename: str) -> Brief:
    """Validate loaded YAML; raise FactFileError with a one-line message naming the file."""
    if not isinstance(data, dict):
        raise FactFileError(f"{filename}: expected a mapping of fields, got {type(data).__name__}")
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise FactFileError(f"{filename}: {where}: {msg}{more}") from None
