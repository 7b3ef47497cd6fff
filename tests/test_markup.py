"""The inline Markdown subset is parsed once, into the project's own tree."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeout.model.inline import Code, Emphasis, LineBreak, Link, Rich, Strong, Text
from resumeout.model.markup import MarkupError, parse_inline, parse_with_markdown_it
from tests.conftest import ROOT

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


# Text that reaches the shortcut, and text near it: markup characters, autolink-looking
# words, entities, HTML, line separators, Unicode spaces and controls.
_NEAR_MARKUP = st.lists(
    st.sampled_from(
        [*"ab é😀 .:/@#&;!~=+-|{}()]>\t\u00a0\u2028\u2029\x85\x0b\x0c\x1c\u3000\u200d",
         "http://a.org", "https://", "www.", "mailto:", "a@b.org", "&amp;", "&#42;",
         "<br>", "*", "_", "`", "[", "<", "\\", "\n", "\r", "\x00", "  "]
    )
).map("".join)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(), _NEAR_MARKUP))
def test_text_without_markup_is_read_as_markdown_it_reads_it(source: str) -> None:
    try:
        expected = parse_with_markdown_it(source)
    except MarkupError:
        return  # a link: never text without markup
    assert parse_inline(source) == expected


def test_text_without_markup_does_not_import_markdown_it() -> None:
    code = (
        "import sys\n"
        "from resumeout.model.markup import parse_inline\n"
        "parse_inline('Ph.D. in C# & C++ at https://umich.edu, 2024: (a) 100% done!')\n"
        "print('markdown_it' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"
