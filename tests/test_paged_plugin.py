"""A third-party paged exporter, installed as a distribution with an entry point, is
fitted on N pages through the exporter interface like the built-in PDF and DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

ENTRY_POINT = "lineprinter = tests.paged_exporter:LinePrinterExporter"


@pytest.fixture
def site(tmp_path: Path) -> dict[str, str]:
    """The plugin's distribution as pip would leave it: dist-info with the entry point
    (its module is the test suite's own, importable from the repository)."""
    info = tmp_path / "site" / "resumeout_lineprinter-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: resumeout-lineprinter\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[resumeout.exporters]\n{ENTRY_POINT}\n", encoding="utf-8"
    )
    return {"PYTHONPATH": f"{tmp_path / 'site'}:{ROOT}"}


def _resume(tmp_path: Path, paragraphs: int) -> Path:
    """A name, a title and ``paragraphs`` lines: at the default design the line printer
    sets 57 lines on a page."""
    lines = "".join(f"      - Paragraph {number}\n" for number in range(1, paragraphs + 1))
    path = tmp_path / "resume.yaml"
    path.write_text(
        f"name: Ann Lee\nsections:\n  - title: Notes\n    type: text\n    entries:\n{lines}",
        encoding="utf-8",
    )
    return path


def test_fit_pages_fits_a_third_party_paged_exporter(tmp_path: Path, site: dict[str, str]) -> None:
    source = _resume(tmp_path, 70)
    output = tmp_path / "Ann_Lee_Resume.lp"
    unfitted = run_cli("export", str(source), "-f", "lineprinter", env=site)
    assert unfitted.returncode == 0, unfitted.stderr
    assert output.read_text(encoding="utf-8").count("\f") == 1  # two pages as it stands

    fitted = run_cli("export", str(source), "-f", "lineprinter", "--fit-pages", "1", env=site)
    assert fitted.returncode == 0, fitted.stderr
    assert "fitted on 1 page: spacing 1.00 → " in fitted.stderr
    text = output.read_text(encoding="utf-8")
    assert "\f" not in text and "Paragraph 70" in text


def test_what_a_paged_plugin_cannot_fit_is_reported_on_its_output(
    tmp_path: Path, site: dict[str, str]
) -> None:
    source = _resume(tmp_path, 400)
    result = run_cli(
        "export", str(source), "-f", "lineprinter,md", "--fit-pages", "1", "--strict", env=site
    )
    assert result.returncode == 1
    assert "does not fit on 1 page even at the lower bounds" in result.stderr
    assert "--strict, and it has warnings" in result.stderr
    assert not (tmp_path / "Ann_Lee_Resume.lp").exists()
    assert (tmp_path / "Ann_Lee_Resume.md").exists()  # not paged: no fitting warning
