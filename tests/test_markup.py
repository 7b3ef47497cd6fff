"""The inline Markdown subset is parsed once, into the project's own tree."""

from __future__ import annotations

import pytest

from resumeout.model.inline import Code, Emphasis, LineBreak, Link, Rich, Strong, Text
from resumeout.model.markup import MarkupError, parse_inline

CASES = [
    ("plain text", (Text("plain text"),)),
    ("**bold** and *it*", (Strong((Text("bold"),)), Text(" and "), Emphasis((Text("it"),)))),
    ("`x < y`", (Code("x < y"),)),
    ("[site](https://a.org)", (Link("https://a.org", (Text("site"),)),)),
    ("<b>x</b> &amp; C# C++", (Text("<b>x</b> &amp; C# C++"),)),
    ("\\*not italic\\*", (Text("*not italic*"),)),
    ("snake_case_name", (Text("snake_case_name"),)),
    ("one\\\ntwo", (Text("one"), LineBreak(), Text("two"))),
    ("soft\nbreak", (Text("soft break"),)),
    ("# not a heading", (Text("# not a heading"),)),
]


@pytest.mark.parametrize(("source", "nodes"), CASES)
def test_parse_inline(source: str, nodes: tuple[object, ...]) -> None:
    assert parse_inline(source) == Rich(nodes)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"])
def test_unsafe_link_schemes_are_errors(url: str) -> None:
    with pytest.raises(MarkupError):
        parse_inline(f"[x]({url})")
