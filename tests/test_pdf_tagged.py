"""The tagged PDF (PDF/UA-1, its machine-checkable part), read back with pikepdf and
checked with the `pdfua` checker: a structure tree in reading order, marked content on
every page, links tied to their annotations, and the document-level entries."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from resumeout.exporters.pdf import PdfExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.factories import scaled_resume_yaml

EVERY_KIND = """\
name: Ada Lovelace
headline: Analyst of *computing* engines
location: London
email: ada@example.org
phone: +44 20 7946 0000
website: https://bücher.example/ada
sections:
  - title: Summary
    type: text
    entries: ["Mathematician with an eye for **machines**.", "Second paragraph."]
  - title: Education
    type: education
    entries:
      - institution: University of London
        url: https://example.org/london
        degree: BSc
        start: 2015-09
        end: 2018-06
        highlights: [First-class honours, "Prize: [Smith](https://example.org/smith)"]
  - title: Experience
    type: experience
    entries:
      - title: A position whose title is far too long to share its line with the dates of it
        organization: Analytical Engines Ltd
        start: 2019-01
        end: present
        highlights: [Wrote the first programs]
  - title: Publications
    type: publications
    entries:
      - title: Sketch of the Analytical Engine
        authors: [L. F. Menabrea, Ada Lovelace]
        venue: Scientific Memoirs
        date: 1843
        doi: 10.1000/xyz123
  - title: Awards
    type: entries
    entries:
      - title: Best Paper Award
        date: 2020
  - title: Skills
    type: lines
    entries:
      - label: Languages
        details: English, French
last_updated: 2026-01-15
"""


def _render(tmp_path: Path, text: str) -> tuple[Resume, bytes]:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    resume = load_resume(path)
    return resume, PdfExporter().render(resume)


@pytest.fixture(params=["seed", "every kind", "long"])
def tagged(request: pytest.FixtureRequest, tmp_path: Path, seed: Resume) -> tuple[Resume, bytes]:
    match request.param:
        case "seed":
            return seed, PdfExporter().render(seed)
        case "every kind":
            return _render(tmp_path, EVERY_KIND)
        case _:
            return _render(tmp_path, scaled_resume_yaml(4))


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]


def _is_element(kid: Any) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and "/S" in kid


def _elements(element: Any) -> list[Any]:
    """``element`` and every structure element below it, in order."""
    found = [element]
    for kid in _kids(element):
        if _is_element(kid):
            found += _elements(kid)
    return found


def test_the_pdfua_checker_finds_nothing(tagged: tuple[Resume, bytes], tmp_path: Path) -> None:
    pdfua = pytest.importorskip("pdfua")
    path = tmp_path / "tagged.pdf"
    path.write_bytes(tagged[1])
    report = pdfua.validate(str(path))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


def test_document_level_entries(tagged: tuple[Resume, bytes]) -> None:
    with pikepdf.open(io.BytesIO(tagged[1])) as pdf:
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        xmp = root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert f"<rdf:li>{tagged[0].name}</rdf:li>" in xmp
        for page in pdf.pages:
            assert page.obj.Tabs == pikepdf.Name.S


def test_structure_tree(tagged: tuple[Resume, bytes]) -> None:
    resume, data = tagged
    with pikepdf.open(io.BytesIO(data)) as pdf:
        document = pdf.Root.StructTreeRoot.K
        assert pikepdf.Name.Document == document.S
        roles = [str(element.S) for element in _elements(document)]
        assert roles[1] == "/H1"  # the name first
        sections = [section for section in resume.sections if section.entries]
        assert roles.count("/H2") == len(sections)
        listed = sum(1 for s in sections if s.type != "text")
        assert roles.count("/L") >= listed
        counts = Counter(roles)
        assert counts["/LI"] == counts["/LBody"] > 0
        # Every list item holds its body; every list holds items only.
        for element in _elements(document):
            kids = [str(kid.S) for kid in _kids(element) if _is_element(kid)]
            if element.S == pikepdf.Name.L:
                assert kids and set(kids) == {"/LI"}
            if element.S == pikepdf.Name.LI:
                assert kids == ["/LBody"]


def test_marked_content_on_every_page_matches_the_parent_tree(
    tagged: tuple[Resume, bytes],
) -> None:
    with pikepdf.open(io.BytesIO(tagged[1])) as pdf:
        tree = pdf.Root.StructTreeRoot
        numbers = list(tree.ParentTree.Nums)
        parents: dict[int, Any] = {
            int(key): value for key, value in zip(numbers[::2], numbers[1::2], strict=True)
        }
        for page in pdf.pages:
            content = page.obj.Contents.read_bytes().decode("latin-1")
            mcids = [int(n) for n in re.findall(r"<</MCID (\d+)>> BDC", content)]
            assert mcids == list(range(len(mcids))) and mcids, "MCIDs 0, 1, 2… per page"
            entry = parents[int(page.obj.StructParents)]
            assert len(entry) == len(mcids)
            for mcid, element in enumerate(entry):
                kids = _kids(element)
                assert any(
                    (isinstance(kid, int) and kid == mcid)
                    or (isinstance(kid, pikepdf.Dictionary) and kid.get("/MCID") == mcid)
                    for kid in kids
                )
            # Everything drawn is tagged or an artifact: no text outside a sequence.
            assert _text_outside_marked_content(content) == 0


def _text_outside_marked_content(content: str) -> int:
    depth, outside = 0, 0
    for token in re.findall(r"\bBDC\b|\bBMC\b|\bEMC\b|\bTj\b|\bTJ\b", content):
        if token in ("BDC", "BMC"):
            depth += 1
        elif token == "EMC":
            depth -= 1
        elif depth == 0:
            outside += 1
    return outside


def test_every_link_annotation_has_its_link_element(tagged: tuple[Resume, bytes]) -> None:
    with pikepdf.open(io.BytesIO(tagged[1])) as pdf:
        numbers = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parents: dict[int, Any] = {
            int(key): value for key, value in zip(numbers[::2], numbers[1::2], strict=True)
        }
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert annotations
        for annotation in annotations:
            element = parents[int(annotation.StructParent)]
            assert pikepdf.Name.Link == element.S
            objr = [kid for kid in _kids(element) if kid.get("/Type") == pikepdf.Name.OBJR]
            assert len(objr) == 1 and objr[0].Obj.objgen == annotation.objgen
            assert str(annotation.Contents).strip()


def test_bookmarks_lead_to_the_page_of_their_section(tmp_path: Path) -> None:
    resume, data = _render(tmp_path, scaled_resume_yaml(8))
    reader = PdfReader(io.BytesIO(data))
    outline: list[Any] = list(reader.outline)
    assert len(outline) == len([s for s in resume.sections if s.entries])
    for item in outline:
        page = reader.get_destination_page_number(item)
        assert page is not None
        lines = [" ".join(line.split()) for line in reader.pages[page].extract_text().splitlines()]
        assert item.title in lines, f"{item.title} is not on page {page + 1}"


def test_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    _, first = _render(tmp_path, EVERY_KIND)
    _, second = _render(tmp_path, EVERY_KIND)
    assert first == second
