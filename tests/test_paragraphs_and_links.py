"""Paragraphs of a text field stay paragraphs, and no link is ever inside another, in
every format."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from resumeout.exporters import load_exporter
from resumeout.model import Resume
from resumeout.model.inline import Emphasis, LineBreak, Link, ParagraphBreak, Rich, Strong, Text
from resumeout.model.markup import parse_inline
from resumeout.source.validation import load_resume

PARAGRAPHS = """\
name: Para Graph
headline: "Systems engineer"
sections:
  - title: Work
    type: experience
    entries:
      - title: Engineer
        start: 2020
        summary: |
          Built the first engine.

          Then *ran* it for years.
        highlights:
          - |
            Cut latency in half.

            Kept it there.
  - title: About
    type: text
    entries:
      - "Likes engines.\\n \\t\\n\\nAnd long walks."
"""

# (first paragraph, second paragraph) as a reader sees them.
EXPECTED = [
    ("Built the first engine.", "Then ran it for years."),
    ("Cut latency in half.", "Kept it there."),
    ("Likes engines.", "And long walks."),
]


@pytest.fixture
def paragraphs(tmp_path: Path) -> Resume:
    source = tmp_path / "r.yaml"
    source.write_text(PARAGRAPHS, encoding="utf-8")
    return load_resume(source)


@pytest.mark.parametrize(
    ("source", "nodes"),
    [
        ("one\n\ntwo", (Text("one"), ParagraphBreak(), Text("two"))),
        ("one\n  \t\n\n two", (Text("one"), ParagraphBreak(), Text("two"))),
        ("one\ntwo", (Text("one two"),)),
        ("one\\\ntwo", (Text("one"), LineBreak(), Text("two"))),
        # Formatting does not span paragraphs (as in CommonMark).
        ("**one\n\ntwo**", (Text("**one"), ParagraphBreak(), Text("two**"))),
        ("*one*\n\n*two*", (Emphasis((Text("one"),)), ParagraphBreak(), Emphasis((Text("two"),)))),
    ],
)
def test_blank_lines_divide_a_field_into_paragraphs(source: str, nodes: tuple[object, ...]) -> None:
    assert parse_inline(source) == Rich(nodes)  # type: ignore[arg-type]


def test_markdown_keeps_each_paragraph(paragraphs: Resume) -> None:
    tokens = MarkdownIt("commonmark").parse(load_exporter("md")().render_bytes(paragraphs).decode())
    inlines = [token for token in tokens if token.type == "inline"]
    shown = [
        "".join(
            "\n" if c.type in ("softbreak", "hardbreak") else c.content
            for c in token.children or []
        )
        for token in inlines
    ]
    for first, second in EXPECTED:  # the end of one Markdown paragraph, the next one
        index = next(i for i, text in enumerate(shown) if text.split("\n")[-1] == first)
        assert shown[index + 1] == second
    # The bullet's two paragraphs stay inside its list item.
    kinds = [token.type for token in tokens]
    inside = tokens[kinds.index("list_item_open") : kinds.index("list_item_close")]
    assert [t.content for t in inside if t.type == "inline"] == list(EXPECTED[1])


def test_text_keeps_each_paragraph(paragraphs: Resume) -> None:
    lines = load_exporter("txt")().render_bytes(paragraphs).decode().splitlines()
    assert lines[lines.index("  Built the first engine.") + 1 :][:2] == [
        "",
        "  Then ran it for years.",
    ]
    assert lines[lines.index("  • Cut latency in half.") + 1 :][:2] == ["", "    Kept it there."]
    assert lines[lines.index("Likes engines.") + 1 :][:2] == ["", "And long walks."]
    assert not any(line != line.rstrip() for line in lines)


def test_docx_keeps_each_paragraph(paragraphs: Resume) -> None:
    document = docx.Document(io.BytesIO(load_exporter("docx")().render_bytes(paragraphs)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for first, second in EXPECTED:
        assert f"{first}\n\n{second}" in texts


def test_pdf_keeps_each_paragraph(paragraphs: Resume) -> None:
    data = load_exporter("pdf")().render_bytes(paragraphs)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    lines = [line.strip(" •") for line in text.splitlines()]
    for first, second in EXPECTED:  # at least on lines of their own
        assert lines[lines.index(first) + 1] in ("", second)
    if shutil.which("pdftotext"):  # and an empty line between them, where it is drawn
        shown = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
        ).stdout.decode()
        rows = [row.strip(" •") for row in shown.splitlines()]
        for first, second in EXPECTED:
            assert rows[rows.index(first) + 1 : rows.index(first) + 3] == ["", second]


# --- links ------------------------------------------------------------------------------

LINKS = """\
name: Link Person
headline: "[see <https://a.org> here](https://b.org)"
sections:
  - title: Education
    type: education
    entries:
      - institution: "**[MIT](https://mit.edu)**"
        url: https://example.org/institution
        degree: BSc
        area: "[*Computing* <https://c.org>](https://d.org)"
"""


def test_a_link_inside_link_text_is_text() -> None:
    assert parse_inline("[see <https://a.org> here](https://b.org)") == Rich(
        (Link("https://b.org", (Text("see https://a.org here"),)),)
    )
    assert parse_inline("[**a <https://a.org>**](https://b.org)") == Rich(
        (Link("https://b.org", (Strong((Text("a https://a.org"),)),)),)
    )
    # Brackets inside brackets: CommonMark gives the inner link; the outer stays text.
    assert parse_inline("[a [b](https://c.org)](https://d.org)") == Rich(
        (Text("[a "), Link("https://c.org", (Text("b"),)), Text("](https://d.org)"))
    )


def test_the_inline_tree_refuses_a_link_in_a_link() -> None:
    with pytest.raises(ValueError, match="holds another link"):
        Link("https://a.org", (Strong((Link("https://b.org", (Text("x"),)),)),))


@pytest.fixture
def links(tmp_path: Path) -> Resume:
    source = tmp_path / "r.yaml"
    source.write_text(LINKS, encoding="utf-8")
    return load_resume(source)


def test_markdown_has_no_nested_links(links: Resume) -> None:
    tokens = MarkdownIt("commonmark").parse(load_exporter("md")().render_bytes(links).decode())
    hrefs, depth = [], 0
    for child in (c for t in tokens for c in t.children or []):
        if child.type == "link_open":
            depth += 1
            assert depth == 1
            hrefs.append(child.attrs["href"])
        elif child.type == "link_close":
            depth -= 1
    assert hrefs == ["https://b.org", "https://mit.edu", "https://d.org"]
    text = "".join(c.content for t in tokens for c in t.children or [] if c.type == "text")
    assert "see https://a.org here" in text and "Computing https://c.org" in text
    assert "](" not in text


def test_text_names_each_link_once(links: Resume) -> None:
    text = load_exporter("txt")().render_bytes(links).decode()
    assert "see https://a.org here (b.org)" in text
    assert "MIT (mit.edu)" in text


def test_docx_has_no_nested_links(links: Resume) -> None:
    document = docx.Document(io.BytesIO(load_exporter("docx")().render_bytes(links)))
    body = document.element.body
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    hyperlinks = list(body.iter(f"{namespace}hyperlink"))
    assert all(not list(link.iter(f"{namespace}hyperlink"))[1:] for link in hyperlinks)
    targets = [
        link.address
        for paragraph in document.paragraphs
        for link in paragraph.hyperlinks
        if not link.address.startswith("mailto")
    ]
    # A link whose text changes style is one hyperlink per run, all to one target.
    assert list(dict.fromkeys(targets)) == ["https://b.org", "https://mit.edu", "https://d.org"]


def test_pdf_links_go_where_the_text_says(links: Resume) -> None:
    reader = PdfReader(io.BytesIO(load_exporter("pdf")().render_bytes(links)))
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert sorted(set(uris)) == ["https://b.org", "https://d.org", "https://mit.edu"]
