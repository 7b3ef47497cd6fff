"""The DOCX package, part by part: embedded fonts (deobfuscated and read back with
fontTools), fontTable.xml, settings, styles, metadata and sizes; LibreOffice draws it
with the embedded fonts on a machine that does not have them."""

from __future__ import annotations

import io
import os
import posixpath
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from fontTools.ttLib import TTFont

from resumeout.exporters.docx import DocxExporter
from resumeout.exporters.pdf.fonts import bundled_files
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from resumeout.views.document import present
from tests.conftest import SEED_FACTS, normalise, run_cli
from tests.readers import libreoffice_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = {
    "embedRegular": (False, False),
    "embedBold": (True, False),
    "embedItalic": (False, True),
    "embedBoldItalic": (True, True),
}
SLOT_OF = {
    "embedRegular": "regular",
    "embedBold": "bold",
    "embedItalic": "italic",
    "embedBoldItalic": "bold_italic",
}
EVERY_FACE_YAML = """\
name: Zoë Ångström
headline: Engineer of *engines*
email: zoe@example.org
sections:
  - title: Experience
    type: experience
    entries:
      - title: Builder
        organization: Works & Co
        start: 2020-01
        end: present
        highlights:
          - "**Bold** and *italic* and ***both*** and `code_here()`"
          - "Ligatures: office, fjord — “quotes” ½"
last_updated: 2026-01-15
"""


@pytest.fixture(scope="module")
def seed_docx(seed: Resume) -> bytes:
    return DocxExporter().render(seed)


@pytest.fixture(scope="module")
def every_face(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    source = tmp_path_factory.mktemp("faces") / "r.yaml"
    source.write_text(EVERY_FACE_YAML, encoding="utf-8")
    return DocxExporter().render(load_resume(source))


def without_embedding(resume: Resume) -> Resume:
    return resume.model_copy(
        update={"design": resume.design.model_copy(update={"embed_fonts": False})}
    )


def deobfuscate(data: bytes, font_key: str) -> bytes:
    """ECMA-376 Part 1, 17.8.1: XOR the first 32 bytes with the GUID's bytes, last first."""
    key = bytes.fromhex(font_key.strip("{}").replace("-", ""))[::-1]
    return bytes(b ^ key[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def embedded_fonts(package: bytes) -> dict[str, tuple[TTFont, ElementTree.Element]]:
    """Each embed element's face, read back: {"embedBold": (font, element)}."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        table = ElementTree.fromstring(archive.read("word/fontTable.xml"))
        found: dict[str, tuple[TTFont, ElementTree.Element]] = {}
        if "word/_rels/fontTable.xml.rels" not in archive.namelist():
            return found
        rels = ElementTree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        for font in table.iter(f"{W}font"):
            for element in font:
                tag = element.tag.removeprefix(W)
                if tag in FACES:
                    target = targets[element.get(f"{R}id")] or ""
                    path = posixpath.normpath(posixpath.join("word", target))
                    data = deobfuscate(archive.read(path), element.get(f"{W}fontKey", ""))
                    found[tag] = (TTFont(io.BytesIO(data)), element)
    return found


def text_by_face(package: bytes) -> dict[tuple[bool, bool], set[str]]:
    """The characters of every run, by (bold, italic) as python-docx resolves them through
    the run, its character style and its paragraph style."""

    def inherited(style: Any, attribute: str) -> bool | None:
        while style is not None:
            value = getattr(style.font, attribute)
            if value is not None:
                return bool(value)
            style = style.base_style
        return None

    def resolve(run: Run, paragraph: Paragraph, attribute: str) -> bool:
        for value in (
            getattr(run.font, attribute),
            inherited(run.style, attribute),
            inherited(paragraph.style, attribute),
        ):
            if value is not None:
                return bool(value)
        return False

    found: dict[tuple[bool, bool], set[str]] = defaultdict(set)
    for paragraph in docx.Document(io.BytesIO(package)).paragraphs:
        for run in paragraph.iter_inner_content():
            runs = run.runs if not isinstance(run, Run) else [run]
            for item in runs:
                if item.font.name == "Consolas":
                    continue
                face = (resolve(item, paragraph, "bold"), resolve(item, paragraph, "italic"))
                found[face].update(item.text.replace("\t", ""))
    return found


def test_embedded_faces_have_the_glyphs_of_their_text(every_face: bytes) -> None:
    fonts = embedded_fonts(every_face)
    assert set(fonts) == set(FACES)
    originals = {
        "embedRegular": "SourceSansPro-Regular",
        "embedBold": "SourceSansPro-Semibold",
        "embedItalic": "SourceSansPro-It",
        "embedBoldItalic": "SourceSansPro-SemiboldIt",
    }
    texts = text_by_face(every_face)
    texts[(False, False)].add("•")  # the list's bullet is drawn in the regular face
    for tag, (font, element) in fonts.items():
        names = font["name"]
        assert names.getDebugName(6) == originals[tag]
        # named as the family's member that it stands for, as Word and LibreOffice look it up
        assert names.getDebugName(1) == "Source Sans Pro"
        bold, italic = FACES[tag]
        assert (
            names.getDebugName(2)
            == {
                (False, False): "Regular",
                (True, False): "Bold",
                (False, True): "Italic",
                (True, True): "Bold Italic",
            }[(bold, italic)]
        )
        assert bool(font["OS/2"].fsSelection & 0x20) == bold
        assert bool(font["OS/2"].fsSelection & 0x01) == italic
        cmap = font.getBestCmap()
        assert texts[FACES[tag]], tag
        assert sorted(c for c in texts[FACES[tag]] if ord(c) not in cmap) == [], tag
        # and the text of Western European languages the face has, whatever the document's
        latin = "".join(chr(code) for code in [*range(0x20, 0x7F), *range(0xA0, 0x180)])
        original = TTFont(bundled_files()[SLOT_OF[tag]].path).getBestCmap()
        western = [c for c in latin + "–—‘’“”•…€" if ord(c) in original]
        assert len(western) > 300
        assert [c for c in western if ord(c) not in cmap] == [], tag
        # a subset: a few hundred glyphs of the font's ~1,900
        assert len(font.getGlyphOrder()) < 500
        assert element.get(f"{W}subsetted") == "1"
        assert re.fullmatch(
            r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", element.get(f"{W}fontKey", "")
        )


def test_fonts_are_stored_obfuscated(every_face: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(every_face)) as archive:
        stored = [archive.read(name) for name in archive.namelist() if name.endswith(".odttf")]
    assert len(stored) == 4
    for data in stored:
        assert data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true")
        assert data[32:36] != b"\x00" * 4  # only the head is XORed


def test_font_table_describes_each_font(every_face: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(every_face)) as archive:
        table = ElementTree.fromstring(archive.read("word/fontTable.xml"))
    fonts = {font.get(f"{W}name"): font for font in table.iter(f"{W}font")}
    assert list(fonts) == ["Source Sans Pro", "Consolas", "Microsoft YaHei"]

    def value(font: str, tag: str) -> str | None:
        element = fonts[font].find(f"{W}{tag}")
        return None if element is None else element.get(f"{W}val")

    source = "Source Sans Pro"
    assert value(source, "altName") == "Source Sans 3"
    assert value(source, "panose1") == "020B0503030403020204"
    assert (value(source, "charset"), value(source, "family"), value(source, "pitch")) == (
        "00",
        "swiss",
        "variable",
    )
    signature = fonts[source].find(f"{W}sig")
    assert signature is not None and signature.get(f"{W}csb0") == "2000019F"
    order = [child.tag.removeprefix(W) for child in fonts[source]]
    assert order == ["altName", "panose1", "charset", "family", "pitch", "sig", *FACES]
    assert (value("Consolas", "family"), value("Consolas", "pitch")) == ("modern", "fixed")
    assert value("Microsoft YaHei", "charset") == "86"


def test_every_part_relationship_and_content_type(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as archive:
        names = set(archive.namelist())
        types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{CT}Default")}
        relationships = {
            name: ElementTree.fromstring(archive.read(name))
            for name in names
            if name.endswith(".rels")
        }
    fonts = {name for name in names if name.startswith("word/fonts/")}
    assert names - fonts == {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/_rels/fontTable.xml.rels",
    }
    assert fonts == {"word/fonts/font1.odttf", "word/fonts/font2.odttf", "word/fonts/font3.odttf"}

    def content_type(name: str) -> str | None:
        return overrides.get("/" + name) or defaults.get(name.rsplit(".", 1)[-1])

    expected = {
        "word/document.xml": "wordprocessingml.document.main+xml",
        "word/styles.xml": "wordprocessingml.styles+xml",
        "word/settings.xml": "wordprocessingml.settings+xml",
        "word/fontTable.xml": "wordprocessingml.fontTable+xml",
        "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    for name in names - {"[Content_Types].xml"}:
        kind = content_type(name)
        assert kind is not None, name
        if name in fonts:
            assert kind == OBFUSCATED_FONT
        elif name.endswith(".rels"):
            assert kind == "application/vnd.openxmlformats-package.relationships+xml"
        else:
            assert kind.endswith(expected[name]), name
    assert {(name or "").lstrip("/") for name in overrides} <= names  # no type for a missing part

    reached = set()
    for rels_name, rels in relationships.items():
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in rels.iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            assert target in names, (rels_name, target)
            reached.add(target)
    assert names - reached == {"[Content_Types].xml", *relationships}  # nothing orphaned


def test_no_template_leftovers(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as archive:
        names = archive.namelist()
        xml = {name: archive.read(name).decode() for name in names if name.endswith("xml")}
    for leftover in ("thumbnail", "stylesWithEffects", "customXml", "theme", "webSettings", "app."):
        assert not [name for name in names if leftover in name], leftover
    for name, text in xml.items():
        assert "python-docx" not in text and "Macintosh" not in text, name
        assert "Theme=" not in text and "w:rsid" not in text, name
    settings = xml["word/settings.xml"]
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>" in settings
    assert "latentStyles" not in xml["word/styles.xml"]


def test_only_the_styles_in_use(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as archive:
        styles = ElementTree.fromstring(archive.read("word/styles.xml"))
        body = archive.read("word/document.xml").decode()
    defined = {style.get(f"{W}styleId") for style in styles.iter(f"{W}style")}
    used = set(re.findall(r'<w:[pr]Style w:val="([^"]+)"', body))
    defaults = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
    assert defined == used | defaults
    assert used == {
        "Name",
        "Contact",
        "Heading1",
        "EntryHeading",
        "EntryDetails",
        "Note",
        "Hyperlink",
        "Leader",
        "TitleRule",
    }


def test_core_properties_come_from_the_source(seed_docx: bytes) -> None:
    properties = docx.Document(io.BytesIO(seed_docx)).core_properties
    assert properties.title == "Runyu Lu – Résumé"
    assert properties.author == "Runyu Lu"
    assert properties.subject == "Résumé"
    assert properties.keywords == "Education, Publications, arXiv, Work Experience, Skills"
    assert properties.language == "en-US"
    assert properties.comments == "" and properties.category == ""


def test_sizes(seed: Resume, seed_docx: bytes) -> None:
    plain = DocxExporter().render(without_embedding(seed))
    assert len(seed_docx) < 150_000
    assert len(plain) < 25_000


def test_embedding_can_be_turned_off(seed: Resume) -> None:
    plain = DocxExporter().render(without_embedding(seed))
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        assert not [name for name in archive.namelist() if name.startswith("word/fonts/")]
        settings = archive.read("word/settings.xml").decode()
        table = archive.read("word/fontTable.xml").decode()
    assert "embedTrueTypeFonts" not in settings and "saveSubsetFonts" not in settings
    assert "w:embed" not in table and 'w:panose1 w:val="020B0503030403020204"' in table


def _font_with_fs_type(folder: Path, fs_type: int) -> Path:
    """Source Sans Pro Regular renamed "Locked Sans", with the licence bits ``fs_type``."""
    font = TTFont(bundled_files()["regular"].path)
    font["OS/2"].fsType = fs_type
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Locked Sans"
    folder.mkdir(exist_ok=True)
    path = folder / "LockedSans-Regular.ttf"
    font.save(path)
    return path


def _render_with(font_path: Path, source_dir: Path) -> tuple[bytes, list[str]]:
    source = source_dir / "r.yaml"
    source.write_text(
        "name: Ann Lee\nheadline: Plain text\n"
        f"design:\n  font: {font_path.relative_to(source_dir)}\n",
        encoding="utf-8",
    )
    exporter = DocxExporter(source_dir)
    return exporter.render(load_resume(source)), exporter.warnings


def test_a_font_whose_licence_forbids_embedding_is_named_not_embedded(tmp_path: Path) -> None:
    font_path = _font_with_fs_type(tmp_path / "fonts", 0x0002)
    data, warnings = _render_with(font_path, tmp_path)
    assert len(warnings) == 1
    assert "LockedSans-Regular.ttf: not embedded in the DOCX" in warnings[0]
    assert "forbids embedding" in warnings[0]
    assert embedded_fonts(data) == {}
    document = docx.Document(io.BytesIO(data))
    assert document.styles["Normal"].font.name == "Locked Sans"  # the family, not the path
    result = run_cli("export", str(tmp_path / "r.yaml"), "-f", "docx")
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "forbids embedding" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_font_that_forbids_subsetting_is_embedded_whole(tmp_path: Path) -> None:
    font_path = _font_with_fs_type(tmp_path / "fonts", 0x0100)
    data, warnings = _render_with(font_path, tmp_path)
    assert warnings == []
    (font, element), *_ = embedded_fonts(data).values()
    assert len(font.getGlyphOrder()) == len(TTFont(font_path).getGlyphOrder())
    assert element.get(f"{W}subsetted") is None


def test_a_font_file_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    """Faces, family names and font descriptions are cached for the process (a batch or
    --watch writes many documents in one font), but never past a change to the file."""
    font_path = _font_with_fs_type(tmp_path / "fonts", 0x0000)
    first, warnings = _render_with(font_path, tmp_path)
    assert warnings == [] and len(embedded_fonts(first)) == 1

    def change(edit: Callable[[TTFont], None]) -> tuple[bytes, list[str]]:
        font = TTFont(font_path)
        edit(font)
        font.save(font_path)
        stat = font_path.stat()  # a later time, whatever the file system's resolution
        os.utime(font_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        return _render_with(font_path, tmp_path)

    def forbid_embedding(font: TTFont) -> None:
        font["OS/2"].fsType = 0x0002

    second, warnings = change(forbid_embedding)
    assert embedded_fonts(second) == {}
    assert len(warnings) == 1 and "forbids embedding" in warnings[0]

    def rename(font: TTFont) -> None:
        for record in font["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = "Renamed Sans"

    third, _ = change(rename)
    assert docx.Document(io.BytesIO(third)).styles["Normal"].font.name == "Renamed Sans"


def test_same_bytes_twice_with_fonts(every_face: bytes, tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(EVERY_FACE_YAML, encoding="utf-8")
    assert DocxExporter().render(load_resume(source)) == every_face


# LibreOffice: the document's own fonts, on a machine without Source Sans Pro.

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice and poppler (pdffonts, pdftotext) are not installed",
)


def _fonts_drawn(pdf: Path) -> set[str]:
    """The fonts a PDF draws with, as pdffonts lists them, without subset tags."""
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in fonts.stdout.splitlines()[2:]}


def _source_sans_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listing = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    return "source sans" in listing.lower()


without_source_sans = pytest.mark.skipif(
    _source_sans_installed(), reason="Source Sans Pro is installed: embedding cannot be told apart"
)


@needs_libreoffice
@without_source_sans
def test_libreoffice_draws_the_embedded_fonts(
    tmp_path: Path, seed: Resume, seed_docx: bytes
) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(seed_docx)
    pdf = libreoffice_pdf(path, tmp_path, fonts=())
    used = _fonts_drawn(pdf)
    assert {"SourceSansPro-Regular", "SourceSansPro-Semibold", "SourceSansPro-It"} <= used
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert layout.count("\f") == 1  # one page, as the PDF
    assert [fact for fact in SEED_FACTS if fact not in normalise(layout)] == []
    lines = [line.strip() for line in layout.splitlines()]
    dated = [
        (entry.heading.text(), entry.aside.text())
        for section in present(seed).sections
        for entry in section.entries
        if entry.aside
    ]
    assert len(dated) == 10
    for heading, aside in dated:
        line = next(line for line in lines if line.startswith(heading[:30]))
        assert line.endswith(aside), (heading, line)


@needs_libreoffice
@without_source_sans
def test_a_second_resume_opened_in_the_same_libreoffice_session_keeps_its_font(
    tmp_path: Path, seed_docx: bytes, every_face: bytes
) -> None:
    """LibreOffice keeps the first embedded cut of a family for its whole session: the
    second résumé's characters must be in the first one's cut (Zoë's Z and ë are not in
    the seed's text)."""
    first, second = tmp_path / "a-seed.docx", tmp_path / "b-zoe.docx"
    first.write_bytes(seed_docx)
    second.write_bytes(every_face)
    home, outdir = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(outdir), str(first), str(second)],
        check=True, capture_output=True, timeout=240, env={**os.environ, "HOME": str(home)},
    )  # fmt: skip
    pdf = outdir / "b-zoe.pdf"
    used = _fonts_drawn(pdf)
    # Source Code Pro or the system's monospace draws the `code`; nothing else substitutes
    substitutes = {name for name in used if not name.startswith("SourceSansPro-")}
    assert {name for name in substitutes if "Mono" not in name and "Code" not in name} == set()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zoë Ångström" in text


@needs_libreoffice
@without_source_sans
def test_without_embedded_fonts_libreoffice_substitutes(tmp_path: Path, seed: Resume) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(DocxExporter().render(without_embedding(seed)))
    pdf = libreoffice_pdf(path, tmp_path, fonts=())
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "SourceSans" not in fonts.stdout


def _wider_source_sans(folder: Path, factor: float) -> list[Path]:
    """Source Sans Pro with every advance ``factor`` times wider, installed under its own
    name: a substitute that sets the same text wider, as another sans would."""
    styles = {
        "regular": "Regular",
        "bold": "Bold",
        "italic": "Italic",
        "bold_italic": "Bold Italic",
    }
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for slot, file in bundled_files().items():
        font = TTFont(file.path)
        metrics = font["hmtx"].metrics
        for glyph, (advance, bearing) in list(metrics.items()):
            metrics[glyph] = (round(advance * factor), bearing)
        for tag in ("GPOS", "kern"):
            if tag in font:
                del font[tag]
        names = font["name"]
        names.names = [record for record in names.names if record.nameID not in (16, 17)]
        for name_id, value in ((1, "Source Sans Pro"), (2, styles[slot])):
            names.removeNames(nameID=name_id)
            names.setName(value, name_id, 3, 1, 0x409)
        paths.append(folder / file.path.name)
        font.save(paths[-1])
    return paths


@needs_libreoffice
@pytest.mark.skipif(
    _source_sans_installed(), reason="Source Sans Pro is installed: it would be used instead"
)
def test_a_wider_substitute_loses_no_text(tmp_path: Path, seed: Resume) -> None:
    """Nothing hangs on our font's exact widths: drawn 10 % wider, the résumé is still one
    page with every fact on it (no date pushed out of sight, no text clipped)."""
    path = tmp_path / "r.docx"
    path.write_bytes(DocxExporter().render(without_embedding(seed)))
    wider = _wider_source_sans(tmp_path / "wider", 1.1)
    pdf = libreoffice_pdf(path, tmp_path, fonts=wider)
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert layout.count("\f") == 1
    assert [fact for fact in SEED_FACTS if fact not in normalise(layout)] == []
