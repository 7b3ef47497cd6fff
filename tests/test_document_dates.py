"""Every date the model accepts, from the year 1000 to 9999, exports in every format; the
documents keep their own date while a DOCX's ZIP entries stay in the years a ZIP holds."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from resumeout.exporters import load_exporter, registrations
from resumeout.source.validation import load_resume
from tests.conftest import run_cli
from tests.readers import read_back

# The first and last years the model allows, and both edges of what a ZIP can hold.
YEARS = [1000, 1975, 1979, 1980, 2107, 2108, 9999]


def _source(tmp_path: Path, year: int, month: int = 6) -> Path:
    source = tmp_path / f"r{year}.yaml"
    source.write_text(
        f"name: Old Timer\nlast_updated: {year:04d}-{month:02d}\n"
        "sections:\n  - title: Work\n    type: experience\n    entries:\n"
        f"      - title: Clerk\n        start: {year:04d}-01\n        end: {year:04d}-12-31\n",
        encoding="utf-8",
    )
    return source


@pytest.mark.parametrize("name", sorted(registrations()))
@pytest.mark.parametrize("year", YEARS)
def test_every_exporter_takes_every_year(
    name: str, year: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    resume = load_resume(_source(tmp_path, year))
    exporter = load_exporter(name)
    data = exporter().render_bytes(resume)
    assert data == exporter().render_bytes(resume)  # still byte-identical
    if name in ("md", "txt", "pdf", "docx"):
        assert f"Jun {year}" in read_back(name, data)


@pytest.mark.parametrize("year", YEARS)
def test_docx_keeps_its_date_and_zip_entries_stay_in_range(
    year: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = load_exporter("docx")().render_bytes(load_resume(_source(tmp_path, year)))
    properties = docx.Document(io.BytesIO(data)).core_properties
    written = {properties.created, properties.modified}
    assert {when.replace(tzinfo=None) for when in written if when} == {dt.datetime(year, 6, 1)}
    expected = min(max((year, 6, 1, 0, 0, 0), (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {expected}
        assert package.testzip() is None


@pytest.mark.parametrize("year", YEARS)
def test_pdf_carries_its_date(year: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = load_exporter("pdf")().render_bytes(load_resume(_source(tmp_path, year)))
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert str(meta["/CreationDate"]).startswith(f"D:{year:04d}0601")


def test_a_1975_resume_exports_to_every_format(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text("name: Old Timer\nlast_updated: 1975-06\n", encoding="utf-8")
    result = run_cli("export", str(source), "--format", "all", env={"SOURCE_DATE_EPOCH": ""})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    document = docx.Document(str(tmp_path / "Old_Timer_Resume.docx"))
    created = document.core_properties.created
    assert created is not None and created.replace(tzinfo=None) == dt.datetime(1975, 6, 1)


@pytest.mark.parametrize(("epoch", "day"), [("0", (1970, 1, 1)), ("283910400", (1978, 12, 31))])
def test_source_date_epoch_before_1980(
    epoch: str, day: tuple[int, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    resume = load_resume(_source(tmp_path, 2020))
    data = load_exporter("docx")().render_bytes(resume)
    created = docx.Document(io.BytesIO(data)).core_properties.created
    assert created is not None and created.replace(tzinfo=None) == dt.datetime(*day)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    meta = PdfReader(io.BytesIO(load_exporter("pdf")().render_bytes(resume))).metadata
    assert meta is not None
    assert str(meta["/CreationDate"]).startswith("D:{:04d}{:02d}{:02d}".format(*day))


@pytest.mark.parametrize("epoch", ["soon", "-1", "1.5", "99999999999999999"])
def test_a_malformed_source_date_epoch_is_an_error_not_a_guess(epoch: str, tmp_path: Path) -> None:
    source = _source(tmp_path, 2020)
    result = run_cli("export", str(source), "--format", "docx,md", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"SOURCE_DATE_EPOCH={epoch!r}" in result.stderr + result.stdout
    assert not list(tmp_path.glob("*.docx"))  # nothing half-written
    assert list(tmp_path.glob("*.md"))  # the formats without a date still are


def test_years_before_1000_are_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text("name: N\nlast_updated: '0999-05'\n", encoding="utf-8")
    result = run_cli("validate", str(source))
    assert result.returncode == 3
    assert "resume.yaml:2:15: last_updated: '0999-05' has year 999" in result.stderr
