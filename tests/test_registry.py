"""Registration: the built-ins are resumeout's own entry points, read like any plugin's;
one name is one exporter; an exporter's capabilities are checked where it is defined."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeout.exporters import Exporter, registrations
from resumeout.model import Resume
from tests.conftest import ROOT, run_cli


def test_built_ins_come_from_resumeouts_own_entry_points() -> None:
    known = registrations()
    assert list(known)[:5] == ["md", "txt", "pdf", "docx", "jsonresume"]
    assert {known[name].origin for name in ("md", "txt", "pdf", "docx", "jsonresume")} == {
        "built-in"
    }
    assert known["jsonresume"].target == "resumeout.jsonresume.exporting:JsonResumeExporter"


def _distribution(site: Path, name: str, entry_point: str) -> None:
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[resumeout.exporters]\n{entry_point}\n", encoding="utf-8"
    )


def test_two_plugins_with_one_name_are_refused_naming_both(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _distribution(site, "printer-one", "lineprinter = tests.paged_exporter:LinePrinterExporter")
    _distribution(site, "printer-two", "lineprinter = other_printer:LinePrinterExporter")
    result = run_cli("export", "-f", "md", env={"PYTHONPATH": f"{site}:{ROOT}"})
    assert result.returncode == 2
    assert "two exporters are named 'lineprinter'" in result.stderr
    assert "(printer-one)" in result.stderr and "(printer-two)" in result.stderr


def test_a_paged_exporter_must_count_its_pages() -> None:
    with pytest.raises(TypeError, match="paged but does not define count_pages"):

        class Unmeasured(Exporter):
            name = "unmeasured"
            suffix = ".u"
            paged = True

            def render(self, resume: Resume) -> str:
                return resume.name
