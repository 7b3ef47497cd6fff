"""Writes converted résumé data as a readable, commented YAML file."""

from __future__ import annotations

from typing import Any

import yaml

from resumeout.jsonresume.drafts import Notice

HEADER = """\
# yaml-language-server: $schema=resume.schema.json
# Imported from {source} by `resumeout import`. Review it, then export it with
#   resumeout export {target}
"""


class _Dumper(yaml.SafeDumper):
    """Text with line breaks as a literal block (``|``), the way a person writes it."""


# YAML reads these as line breaks; PyYAML writes them raw in every style but double
# quotes, where they become escapes (\N, \L, \P) that read back as the character.
_YAML_BREAKS = frozenset("\x85\u2028\u2029")


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML itself falls back to a quoted style where a block cannot hold the text.
    style = '"' if _YAML_BREAKS.intersection(text) else "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def _dump(value: Any) -> str:
    return yaml.dump(
        value,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=88,
        default_flow_style=False,
    )


def printable(text: str) -> str:
    """``text`` for one line of a terminal or a YAML comment: characters that would end
    the line or cannot be shown are written as escapes."""
    return "".join(
        char if char.isprintable() or char == "\t" else f"\\u{ord(char):04x}" for char in text
    )


def _where(notice: Notice) -> str:
    return notice.json_path or "the document"


def render_yaml(data: dict[str, Any], notices: list[Notice], source: str, target: str) -> str:
    lines = [HEADER.format(source=printable(source), target=printable(target))]
    if notices:
        lines.append("# What the import changed or left out:")
        lines += [f"#   {printable(_where(n))}: {printable(n.message)}" for n in notices]
    lines.append("")
    header = {key: value for key, value in data.items() if key != "sections"}
    lines.append(_dump(header).rstrip())
    sections = data.get("sections") or []
    if sections:
        lines.append("")
        lines.append("sections:")
        for section in sections:
            lines.append(f"  # from JSON Resume `{section['id']}`")
            block = _dump([section]).rstrip()
            # split("\n"), not splitlines(): text may hold U+2028 and other line-like
            # characters that YAML keeps inside a scalar.
            lines += ["  " + line if line else line for line in block.split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
