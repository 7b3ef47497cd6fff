"""Writes converted résumé data as a readable, commented YAML file."""

from __future__ import annotations

from typing import Any

import yaml

HEADER = """\
# yaml-language-server: $schema=resume.schema.json
# Imported from {source} by `resumeout import`. Review it, then export it with
#   resumeout export {target}
"""


def _dump(value: Any) -> str:
    return yaml.safe_dump(
        value, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False
    )


def render_yaml(
    data: dict[str, Any], unmapped: list[tuple[str, str]], source: str, target: str
) -> str:
    lines = [HEADER.format(source=source, target=target)]
    if unmapped:
        lines.append("# Not imported (resumeout has no field for these):")
        lines += [f"#   {path}: {why}" for path, why in unmapped]
    lines.append("")
    header = {key: value for key, value in data.items() if key != "sections"}
    lines.append(_dump(header).rstrip())
    sections = data.get("sections") or []
    if sections:
        lines.append("")
        lines.append("sections:")
        for section in sections:
            lines.append(f"  # from JSON Resume `{section.get('id', section['title'])}`")
            block = _dump([section]).rstrip()
            lines += ["  " + line if line else line for line in block.splitlines()]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
