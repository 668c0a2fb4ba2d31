"""The rubric's JSON Schema (`trainer schema rubric`, docs/schema/rubric.schema.json) follows its spec and accepts
the shipped rubric."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from trainer.cli.authoring import schema_text
from trainer.core.content.library import read_yaml
from trainer.core.judging.rubric import rubric_file

ROOT = Path(__file__).parents[2]


def test_rubric_schema_is_shipped_in_sync_and_accepts_the_rubric() -> None:
    shipped = (ROOT / "docs" / "schema" / "rubric.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text("rubric"), "regenerate: trainer schema rubric > docs/schema/rubric.schema.json"
    schema = json.loads(shipped)
    jsonschema.Draft202012Validator.check_schema(schema)
    path = rubric_file()
    assert path is not None
    root, text = read_yaml(path)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(root.plain())]
    assert not errors, errors[:3]
    assert text.startswith("# yaml-language-server: $schema=../docs/schema/rubric.schema.json")
    principle = schema["properties"]["principles"]["patternProperties"]
    assert any("measure" in v["properties"] for v in principle.values())
