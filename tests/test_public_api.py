"""The package's public façade: every name it exports resolves, and nothing more."""

from __future__ import annotations

import resumeout


def test_all_names_resolve_and_match_the_lazy_table() -> None:
    lazy = set(resumeout._LAZY)
    assert set(resumeout.__all__) == lazy | {"__version__"}
    for name in resumeout.__all__:
        assert getattr(resumeout, name) is not None


def test_the_api_exports_a_resume(tmp_path: object) -> None:
    from tests.conftest import SEED

    resume = resumeout.load_resume(SEED)
    markdown = resumeout.load_exporter("markdown")().render_bytes(resume)
    assert markdown.startswith(b"# Runyu Lu")
