"""Fitting on N pages: the PDF and the DOCX (as LibreOffice lays it out) on the same
count, readable, deterministic, and an honest report when it cannot be done."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from resumeout.exporters.pdf import PdfExporter
from resumeout.source.validation import load_resume
from resumeout.views.fitting import MIN_FONT_SIZE, fit_to_pages
from tests.conftest import run_cli
from tests.factories import scaled_resume_yaml
from tests.pdf_pages import pages_ending_with_a_title
from tests.readers import libreoffice_pdf


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    """The seed résumé with its entries twice: two pages as it stands."""
    path = tmp_path / "long.yaml"
    path.write_text(scaled_resume_yaml(2) + "design:\n  fit_pages: 1\n", encoding="utf-8")
    unfitted = load_resume(path)
    assert (
        PdfExporter(tmp_path).count_pages(
            unfitted.model_copy(
                update={"design": unfitted.design.model_copy(update={"fit_pages": None})}
            )
        )
        == 2
    )
    return path


def test_fitting_reduces_spacing_first_and_reports_it(two_pages: Path) -> None:
    resume = load_resume(two_pages)
    pdf = PdfExporter(two_pages.parent)
    fitted, fit = fit_to_pages(resume, 1, pdf)
    assert fit.fits and fit.pages == 1
    assert fit.changes and fit.changes[0].startswith("spacing 1.00 → ")
    assert fitted.design.font_size >= MIN_FONT_SIZE
    assert pdf.count_pages(fitted) == 1
    again, _ = fit_to_pages(resume, 1, pdf)
    assert again.design == fitted.design  # deterministic


def test_pdf_and_docx_on_one_page(tmp_path: Path, two_pages: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("export", str(two_pages), "-f", "pdf,docx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "fitted on 1 page: spacing" in result.stderr
    pdf = (out / "Runyu_Lu_Resume.pdf").read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    again = run_cli("export", str(two_pages), "-f", "pdf,docx", "-o", str(out), "--check")
    assert again.returncode == 0, again.stderr
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    assert _libreoffice_pages(out / "Runyu_Lu_Resume.docx", tmp_path) == 1


def test_cli_option_overrides_the_design(tmp_path: Path, two_pages: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("export", str(two_pages), "-f", "pdf", "-o", str(out), "--fit-pages", "2")
    assert result.returncode == 0
    assert "fitted" not in result.stderr  # two pages already fit in two
    assert len(PdfReader(out / "Runyu_Lu_Resume.pdf").pages) == 2


def test_what_cannot_fit_is_reported_and_strict_fails(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(scaled_resume_yaml(8) + "design:\n  fit_pages: 1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("export", str(path), "-f", "pdf", "-o", str(out))
    assert result.returncode == 0
    assert "does not fit on 1 page even at the lower bounds" in result.stderr
    pages = len(PdfReader(out / "Runyu_Lu_Resume.pdf").pages)
    assert f"{pages} pages, {pages - 1} over; exported that" in result.stderr
    strict = run_cli("export", str(path), "-f", "pdf", "-o", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 1
    assert not (tmp_path / "strict" / "Runyu_Lu_Resume.pdf").exists()


def test_the_report_names_only_what_changed(tmp_path: Path) -> None:
    # Margins in centimetres are no round number of points; fitting by spacing alone
    # must leave them, and the report must not list them.
    path = tmp_path / "wide.yaml"
    path.write_text(
        scaled_resume_yaml(1)
        + "design:\n  spacing: 2.0\n  font_size: 11\n"
        + "  margins: {top: 1.5cm, bottom: 1.5cm, left: 2cm, right: 2cm}\n",
        encoding="utf-8",
    )
    resume = load_resume(path)
    fitted, fit = fit_to_pages(resume, 1, PdfExporter(tmp_path))
    assert fit.fits and len(fit.changes) == 1 and fit.changes[0].startswith("spacing 2.00 → ")
    assert fitted.design.margins == resume.design.margins
    out = tmp_path / "out"
    result = run_cli("export", str(path), "-f", "pdf", "-o", str(out), "--fit-pages", "1")
    assert result.returncode == 0, result.stderr
    assert "fitted on 1 page: spacing 2.00 → " in result.stderr
    assert "margins" not in result.stderr


def test_a_fitted_long_pdf_never_ends_a_page_with_a_section_title(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(scaled_resume_yaml(6), encoding="utf-8")
    resume = load_resume(path)
    fitted, fit = fit_to_pages(resume, 3, PdfExporter(tmp_path))
    assert fit.fits and fit.pages == 3
    pdf = PdfExporter().render(fitted)
    assert pages_ending_with_a_title(pdf, (s.title for s in resume.sections)) == []


def test_the_repository_resume_is_one_page_in_pdf_and_docx(tmp_path: Path) -> None:
    from tests.conftest import SEED

    result = run_cli("export", str(SEED), "-f", "pdf,docx", "-o", str(tmp_path), "--fit-pages", "1")
    assert result.returncode == 0 and "fitted" not in result.stderr
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    assert _libreoffice_pages(tmp_path / "Runyu_Lu_Resume.docx", tmp_path) == 1


def _libreoffice_pages(docx_path: Path, work: Path) -> int:
    return len(PdfReader(libreoffice_pdf(docx_path, work)).pages)
