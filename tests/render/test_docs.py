"""Every plugin option and every download column is documented."""
from pathlib import Path

from generator.render.config import BriefsConfig
from generator.render.pages import CSV_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_plugin_option_is_documented():
    text = (DOCS / "fact-files.md").read_text(encoding="utf-8")
    missing = [name for name, _ in BriefsConfig._schema if f"| `{name}` |" not in text]
    assert not missing, f"options missing from docs/fact-files.md: {missing}"


def test_every_csv_column_is_documented():
    text = (DOCS / "downloads.md").read_text(encoding="utf-8")
    missing = [c for c in CSV_COLUMNS if f"| `{c}` |" not in text]
    assert not missing, f"facts.csv columns missing from docs/downloads.md: {missing}"


def test_every_fact_field_is_documented():
    from generator.facts.schema import EntityFact, MetricFact, QuoteFact, SourceInfo

    text = (DOCS / "fact-files.md").read_text(encoding="utf-8")
    for model in (MetricFact, QuoteFact, EntityFact, SourceInfo):
        for name in model.model_fields:
            assert f"`{name}`" in text, f"{model.__name__}.{name} is not documented"
