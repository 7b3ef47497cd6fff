"""The Markdown export, read back with markdown-it-py as GitHub would render it."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from resumeout.exporters.markdown import MarkdownExporter, heading
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.conftest import SEED_FACTS, normalise

HOSTILE = [
    "<b>x</b>",
    "<font color=red>",
    '<img src="/etc/passwd">',
    "<a href='http://e.vil'>",
    "&amp;",
    "& plain",
    "*stars*",
    "_under_",
    "[x](y)",
    "`tick`",
    "a | b",
    "back\\slash",
    "C#",
    "C++",
    "~~strike~~",
]
BLOCK_HOSTILE = ["# heading", "---", "1. item", "- dash", "> quote", "+ plus", "==="]


def render(resume: Resume) -> tuple[str, list[Token]]:
    text = MarkdownExporter().render(resume)
    return text, MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)


def inline_text(tokens: list[Token]) -> str:
    out = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
        if token.type == "paragraph_close":
            out.append("\n")
    return "".join(out)


def test_seed_structure_and_every_fact(seed: Resume) -> None:
    _, tokens = render(seed)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Runyu Lu"),
        ("h2", "Education"),
        ("h2", "Publications"),
        ("h2", "arXiv"),
        ("h2", "Work Experience"),
        ("h2", "Skills"),
    ]
    text = normalise(inline_text(tokens))
    missing = [fact for fact in SEED_FACTS if fact not in text]
    assert not missing


def test_contacts_are_links(seed: Resume) -> None:
    _, tokens = render(seed)
    hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
    assert hrefs[:5] == [
        "mailto:runyulu@umich.edu",
        "tel:+17342160351",
        "https://runyulu.com",
        "https://github.com/LRY89757",
        "https://www.linkedin.com/in/runyu-lu",
    ]


def test_owner_is_bold_in_author_lists(seed: Resume) -> None:
    _, tokens = render(seed)
    strong = []
    for token in tokens:
        children = token.children or []
        strong += [
            children[i + 1].content for i, c in enumerate(children) if c.type == "strong_open"
        ]
    assert strong.count("Runyu Lu") == 4  # DSA, MuxServe, White-box, ModalGlue
    assert "Runyu Lu*" in strong  # TetriServe, with the equal-contribution mark


def test_user_text_never_becomes_markup(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    # In the source, the inline syntax is escaped with backslashes; what must come out is
    # the text as the reader wrote it, never formatting.
    items = [
        "".join("\\" + ch if ch in "\\`*_[]<" else ch for ch in value)
        for value in HOSTILE + BLOCK_HOSTILE
    ]
    lines = "\n".join(f"      - {json.dumps(item)}" for item in items)
    source.write_text(
        "name: '# Not <b>a</b> heading'\nsections:\n  - title: '| T |'\n    type: text\n"
        f"    entries:\n{lines}\n",
        encoding="utf-8",
    )
    resume = load_resume(source)
    _, tokens = render(resume)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {
        "html_inline",
        "html_block",
        "em_open",
        "strong_open",
        "link_open",
        "code_inline",
        "s_open",
        "table_open",
        "blockquote_open",
        "hr",
        "ordered_list_open",
    }
    paragraphs = [
        tokens[i + 1].children for i, t in enumerate(tokens) if t.type == "paragraph_open"
    ]
    texts = ["".join(c.content for c in children or []) for children in paragraphs]
    assert texts == HOSTILE + BLOCK_HOSTILE
    shown = ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]
    assert shown[0] == "# Not <b>a</b> heading"
    assert shown[1] == "| T |"


def _headings(tokens: list[Token]) -> list[str]:
    return [
        "".join(child.content for child in tokens[index + 1].children or [])
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def test_a_closing_hash_stays_in_headings(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(
        "name: 'Ada #'\nsections:\n  - title: 'Languages: F #'\n    type: lines\n"
        "    entries:\n      - label: F\n  - title: '###'\n    type: lines\n"
        "    entries:\n      - label: G\n",
        encoding="utf-8",
    )
    _, tokens = render(load_resume(source))
    assert _headings(tokens) == ["Ada #", "Languages: F #", "###"]


HEADING_TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs", "Cc")),
        st.sampled_from("#\\*_`[]<>&;!|~=+-.)0123456789 \t\n\u00a0\u2003\u3000"),
    ),
    min_size=1,
)


@given(text=HEADING_TEXT, level=st.integers(1, 6))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_back_exactly_from_a_heading(text: str, level: int) -> None:
    tokens = MarkdownIt("commonmark").parse(heading(level, text))
    assert [token.type for token in tokens] == ["heading_open", "inline", "heading_close"]
    assert tokens[0].tag == f"h{level}"
    assert _headings(tokens) == [text]


@given(title=HEADING_TEXT.filter(str.strip))
@settings(max_examples=50, deadline=None)
def test_any_section_title_reads_back_exactly(title: str) -> None:
    resume = Resume.model_validate(
        {"name": "N", "sections": [{"title": title, "type": "lines", "entries": [{"label": "x"}]}]}
    )
    _, tokens = render(resume)
    assert _headings(tokens) == ["N", title]


def test_a_label_in_a_language_without_spaces_is_bold(tmp_path: Path) -> None:
    """``**技能：**Go`` is not bold in CommonMark (a closing ``**`` after punctuation
    must not be followed by a letter): the colon goes outside, ``**技能**：Go``."""
    source = tmp_path / "r.yaml"
    source.write_text(
        "name: 王小明\nlocale: {language: zh-Hans}\nsections:\n  - title: 技能\n"
        "    type: lines\n    entries:\n      - label: 编程语言\n        details: Go、Rust\n",
        "utf-8",
    )
    text, tokens = render(load_resume(source))
    assert "*" not in inline_text(tokens), text
    strong = [
        children[i + 1].content
        for token in tokens
        for children in [token.children or []]
        for i, child in enumerate(children)
        if child.type == "strong_open"
    ]
    assert strong == ["编程语言"], text
    assert "编程语言：Go、Rust" in inline_text(tokens)
