"""The JSON Schema of the résumé format, for editors' completion and validation."""

from __future__ import annotations

import json

from resumeout.model import Resume


def schema_text() -> str:
    schema = Resume.model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "resumeout résumé",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
