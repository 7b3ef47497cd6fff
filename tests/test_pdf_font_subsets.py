"""Font subsets remembered between documents of one process: each document still gets
the glyphs of its own characters, and the same document is the same bytes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from resumeout.exporters.pdf import PdfExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.conftest import normalise


def _text(pdf: bytes) -> str:
    return normalise(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _font_files(pdf: bytes) -> list[Any]:
    reader = PdfReader(io.BytesIO(pdf))
    files = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None:
                files.append(descriptor.get_object()["/FontFile2"].get_object())
    return files


def _subset_sizes(pdf: bytes) -> list[int]:
    return sorted(len(file.get_data()) for file in _font_files(pdf))


def test_documents_with_other_characters_in_between_keep_their_own_subsets(
    seed: Resume, tmp_path: Path
) -> None:
    other_source = tmp_path / "other.yaml"
    other_source.write_text("name: Zoë Ångström\nheadline: Ωmega — ½ ¾\n", encoding="utf-8")
    other = load_resume(other_source)

    first = PdfExporter().render(seed)
    between = PdfExporter().render(other)
    again = PdfExporter().render(seed)

    assert again == first
    assert "Zoë Ångström" in _text(between) and "½ ¾" in _text(between)
    assert "Runyu Lu" in _text(again)
    # the seed's faces hold far more glyphs than the short résumé's
    assert sum(_subset_sizes(between)) < sum(_subset_sizes(first))


def test_remembered_compressed_subsets_decode_to_each_documents_own_subset(
    seed: Resume, tmp_path: Path
) -> None:
    other_source = tmp_path / "other.yaml"
    other_source.write_text("name: Zoë Ångström\n", encoding="utf-8")
    other = load_resume(other_source)

    documents = [PdfExporter().render(resume) for resume in (seed, other, seed, other)]

    assert documents[2] == documents[0] and documents[3] == documents[1]
    for document in documents:
        files = _font_files(document)
        assert files
        for file in files:
            # reportlab writes the subset's own length as /Length1
            assert len(file.get_data()) == file["/Length1"]


def _widths(pdf: bytes) -> list[list[float]]:
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            widths = [float(width) for width in font["/Widths"]]
            assert len(widths) == font["/LastChar"] - font["/FirstChar"] + 1
            found.append(widths)
    return sorted(found)


def test_remembered_widths_are_each_documents_own(seed: Resume, tmp_path: Path) -> None:
    other_source = tmp_path / "other.yaml"
    other_source.write_text("name: Zoë Ångström\n", encoding="utf-8")
    other = load_resume(other_source)

    seed_widths, other_widths, seed_again = (
        _widths(PdfExporter().render(resume)) for resume in (seed, other, seed)
    )

    assert seed_again == seed_widths
    assert other_widths != seed_widths
    # the short résumé's subsets hold fewer characters than the seed's
    assert sum(map(len, other_widths)) < sum(map(len, seed_widths))
