"""The package's public façade: every name it exports resolves, from the module its table
names; the names the type checker sees are the same ones; the README documents them."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import resumeout


def test_all_names_resolve_and_match_the_lazy_table() -> None:
    lazy = set(resumeout._LAZY)
    assert set(resumeout.__all__) == lazy | {"__version__"}
    for name, module in resumeout._LAZY.items():
        assert getattr(resumeout, name) is getattr(importlib.import_module(module), name)


def test_the_type_checker_sees_the_same_names_from_the_same_modules() -> None:
    tree = ast.parse(Path(resumeout.__file__).read_text(encoding="utf-8"))
    checked = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    imported = {
        alias.name: statement.module
        for statement in checked.body
        if isinstance(statement, ast.ImportFrom)
        for alias in statement.names
    }
    assert imported == resumeout._LAZY


def test_the_api_exports_a_resume(tmp_path: object) -> None:
    from tests.conftest import SEED

    resume = resumeout.load_resume(SEED)
    markdown = resumeout.load_exporter("markdown")().render_bytes(resume)
    assert markdown.startswith(b"# Runyu Lu")


def test_the_readme_documents_every_public_name() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Public API", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in resumeout.__all__ if not re.search(rf"`{name}\b", section)]
    assert missing == [], "document these in the README's Public API section"
