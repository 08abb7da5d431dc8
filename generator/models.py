"""Plain typed data passed between the stages: read -> clean -> extract -> facts -> render.

Only dataclasses and the standard library here, so every stage can import it.
The fact file on disk has its own (pydantic) schema in ``generator.facts.schema``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal, Optional

EntityType = Literal["org", "person", "brand", "product", "place", "other"]


@dataclass
class Source:
    """What the page itself says about the article."""

    title: Optional[str] = None
    published: Optional[str] = None  # ISO date "YYYY-MM-DD"
    authors: list[str] = field(default_factory=list)
    publisher: Optional[str] = None
    url: Optional[str] = None


@dataclass
class Document:
    """A decoded input file: raw text plus what reading and cleaning found.

    ``lines`` is the decoded text split into lines (line endings normalised,
    BOM removed). Cleaning fills ``paragraphs`` with the article body only.
    """

    path: str
    kind: Literal["text", "html"]
    raw: str  # decoded text (for HTML: the markup)
    encoding: str
    source: Source = field(default_factory=Source)
    lines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Entity:
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    role: Optional[str] = None
    mentions: int = 0


@dataclass
class Metric:
    subject: str
    metric: str
    value: float
    unit: str
    evidence: str
    value_high: Optional[float] = None
    period: Optional[str] = None
    approximate: bool = False
    source: Optional[str] = None


@dataclass
class Quote:
    speaker: Optional[str]
    text: str
    evidence: str
    role: Optional[str] = None


@dataclass
class Extraction:
    """The result of extracting one document; ``to_contract`` is CONTRACT.md's JSON."""

    source: Source
    body: str
    entities: list[Entity] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_contract(self) -> dict:
        def num(v):
            if v is None:
                return None
            return int(v) if float(v).is_integer() else v

        metrics = []
        for m in self.metrics:
            d = asdict(m)
            d["value"], d["value_high"] = num(m.value), num(m.value_high)
            metrics.append(d)
        return {
            "source": asdict(self.source),
            "body": self.body,
            "entities": [
                {"name": e.name, "type": e.type, "aliases": e.aliases, "role": e.role}
                for e in self.entities
            ],
            "metrics": metrics,
            "quotes": [asdict(q) for q in self.quotes],
        }


def extraction_from_contract(data: dict) -> Extraction:
    """Inverse of ``Extraction.to_contract`` (used by the extraction cache)."""
    src = Source(**{k: v for k, v in (data.get("source") or {}).items() if k in Source.__dataclass_fields__})
    return Extraction(
        source=src,
        body=data.get("body", ""),
        entities=[Entity(name=e["name"], type=e["type"], aliases=list(e.get("aliases") or []), role=e.get("role"))
                  for e in data.get("entities", [])],
        metrics=[Metric(**{k: v for k, v in m.items() if k in Metric.__dataclass_fields__})
                 for m in data.get("metrics", [])],
        quotes=[Quote(**{k: v for k, v in q.items() if k in Quote.__dataclass_fields__})
                for q in data.get("quotes", [])],
    )
