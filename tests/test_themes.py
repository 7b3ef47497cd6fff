"""Themes: the layout description as data, chosen in the source or on the command line,
listed, added by a package, and followed by the DOCX."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from resumeout.exporters.fontfiles import bundled_files
from resumeout.model import Design, Resume
from resumeout.model.style import BUILTIN_THEMES
from resumeout.source.design_layers import default_design
from resumeout.source.loading import read_source
from resumeout.source.validation import validate
from resumeout.themes import available_themes, find_theme
from resumeout.themes.applying import apply_theme, load_theme
from tests.conftest import ROOT, run_cli
from tests.readers import libreoffice_pdf

SEED = ROOT / "resume.yaml"
EXAMPLE_PACKAGE = ROOT / "tests" / "data" / "theme_package"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _write(tmp_path: Path, design: str) -> Path:
    source = tmp_path / "resume.yaml"
    source.write_text(SEED.read_text(encoding="utf-8") + design, encoding="utf-8")
    return source


def _docx(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> docx.document.Document:
    output = tmp_path / "out.docx"
    result = run_cli("export", *args, "-o", str(output), env=env)
    assert result.returncode == 0, result.stderr
    return docx.Document(str(output))


def test_classic_is_every_default_of_the_layout_description() -> None:
    """The classic theme's file says exactly what resumeout looked like before themes."""
    classic = load_theme(find_theme("classic", ROOT))
    assert Design.model_validate(dict(classic.design)) == Design()
    # Type for type too (10.0, not 10): validation does not read the classic theme's file
    # (source/validation.py), and what the writers print must not change for it.
    assert repr(Design.model_validate(dict(classic.design))) == repr(Design())
    # What validation lays in its place (source/design_layers.py) makes the same.
    assert repr(Design.model_validate(dict(default_design()))) == repr(Design())
    # Nothing in its folder that would change where its font is found.
    assert [path.name for path in classic.folder.iterdir()] == ["theme.yaml"]


def test_the_classic_theme_makes_what_its_file_says(tmp_path: Path) -> None:
    """Laid from its file, as every other theme, the classic theme gives the same résumé
    as the default that validation lays without reading it."""
    source = read_source(_write(tmp_path, "design:\n  header: {alignment: left}\n"))
    assert validate(source) == Resume.model_validate(apply_theme(source))
    laid = apply_theme(source, "classic")
    assert validate(source, theme="classic") == Resume.model_validate(laid)


def test_every_built_in_theme_is_listed_with_its_description() -> None:
    result = run_cli("themes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(BUILTIN_THEMES)
    assert len(lines) >= 5
    assert all(len(line.split("  ", 1)[1].strip()) > 20 for line in lines)


def test_the_schema_lists_the_built_in_themes() -> None:
    import json

    schema = json.loads((ROOT / "resume.schema.json").read_text(encoding="utf-8"))
    theme = schema["$defs"]["Design"]["properties"]["theme"]
    assert {"enum": list(BUILTIN_THEMES)} in theme["anyOf"]


def test_an_unknown_theme_in_the_source_is_located_with_a_suggestion(tmp_path: Path) -> None:
    source = _write(tmp_path, "design:\n  theme: moden\n")
    result = run_cli("validate", str(source))
    assert result.returncode == 3
    line = len(SEED.read_text(encoding="utf-8").splitlines()) + 2
    assert f"{source}:{line}:10: design.theme: unknown theme 'moden'; did you mean 'modern'?" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_an_unknown_theme_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", str(SEED), "--theme", "clasic", "-o", str(tmp_path / "a.docx"))
    assert result.returncode == 2
    assert "--theme clasic: unknown theme 'clasic'; did you mean 'classic'?" in result.stderr
    assert not (tmp_path / "a.docx").exists()


def test_the_source_overrides_single_fields_of_its_theme(tmp_path: Path) -> None:
    source = _write(tmp_path, "design:\n  theme: compact\n  header: {alignment: centered}\n")
    document = _docx(tmp_path, str(source))
    title = document.styles["Name"]
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER  # the source's
    assert document.styles["Heading 1"].font.all_caps  # compact's capital titles stay
    assert title.font.size.pt == pytest.approx(9.5 * 2.1, abs=0.5)  # compact (classic: 26)


def test_the_command_line_theme_replaces_the_sources(tmp_path: Path) -> None:
    source = _write(tmp_path, "design:\n  theme: compact\n")
    document = _docx(tmp_path, str(source), "--theme", "minimal")
    assert document.styles["Heading 1"].font.all_caps is None
    borders = document.styles["Heading 1"].element.find(f"{W}pPr/{W}pBdr")
    assert borders is not None and borders.find(f"{W}top") is not None


def test_a_theme_folder_next_to_the_resume_and_its_own_errors(tmp_path: Path) -> None:
    folder = tmp_path / "mytheme"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        "description: Mine.\ndesign:\n  header: {alignment: sideways}\n", encoding="utf-8"
    )
    source = _write(tmp_path, "design:\n  theme: ./mytheme\n")
    result = run_cli("validate", str(source))
    assert result.returncode == 3
    assert f"{folder / 'theme.yaml'}:3:23: design.header.alignment: 'sideways'" in result.stderr
    (folder / "theme.yaml").write_text(
        "description: Mine.\ndesign:\n  header: {alignment: left}\n", encoding="utf-8"
    )
    document = _docx(tmp_path, str(source))
    assert document.styles["Name"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_the_theme_init_writes_is_the_one_it_names(tmp_path: Path) -> None:
    target = tmp_path / "cv.yaml"
    result = run_cli("init", str(target), "--theme", "academic")
    assert result.returncode == 0, result.stderr
    assert read_source(target).data["design"] == {"theme": "academic"}
    assert run_cli("init", str(tmp_path / "x.yaml"), "--theme", "nope").returncode == 2


@pytest.fixture
def theme_site(tmp_path: Path) -> dict[str, str]:
    """The example theme package as pip would leave it: its folder (theme.yaml and the
    fonts it ships) and a dist-info with the entry point."""
    site = tmp_path / "site"
    package = site / "resumeout_theme_slate"
    shutil.copytree(EXAMPLE_PACKAGE / "resumeout_theme_slate", package)
    for file in bundled_files().values():
        shutil.copy(file.path, package / "fonts")
    info = site / "resumeout_theme_slate-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: resumeout-theme-slate\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[resumeout.themes]\nslate = resumeout_theme_slate\n", encoding="utf-8"
    )
    return {"PYTHONPATH": f"{site}:{ROOT}"}


def test_a_package_adds_a_theme_with_one_data_file_and_its_fonts(
    tmp_path: Path, theme_site: dict[str, str]
) -> None:
    listed = run_cli("themes", env=theme_site)
    assert "slate     Slate grey" in listed.stdout
    assert "[resumeout-theme-slate]" in listed.stdout
    document = _docx(tmp_path, str(SEED), "--theme", "slate", env=theme_site)
    assert document.styles["Heading 1"].font.all_caps
    heading = document.styles["Entry Heading"].paragraph_format
    assert heading.left_indent.pt == pytest.approx(9.5 * 9.5)  # the theme's date column
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        assert any(name.startswith("word/fonts/") for name in package.namelist())


def test_the_fonts_a_theme_keeps_in_its_folder_are_the_ones_used(tmp_path: Path) -> None:
    folder = tmp_path / "mytheme"
    shutil.copytree(EXAMPLE_PACKAGE / "resumeout_theme_slate", folder)
    for file in bundled_files().values():
        shutil.copy(file.path, folder / "fonts")
    theme = load_theme(find_theme("./mytheme", tmp_path))
    assert Path(theme.design["font"]).parent == folder / "fonts"


def test_a_theme_whose_font_is_missing_names_what_to_install(tmp_path: Path) -> None:
    folder = tmp_path / "serif"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        "description: Needs a font.\ndesign:\n  font: No Such Family Sans\n", encoding="utf-8"
    )
    source = _write(tmp_path, "design:\n  theme: ./serif\n")
    result = run_cli("validate", str(source))
    assert result.returncode == 3
    assert "design.theme: the theme './serif' uses the font 'No Such Family Sans', which is " in (
        result.stderr
    )
    assert f"put its .ttf files in {folder / 'fonts'}" in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", [theme.name for theme in available_themes()])
def test_each_theme_makes_a_one_page_docx_with_its_dates_on_their_lines(
    tmp_path: Path, name: str
) -> None:
    output = tmp_path / f"{name}.docx"
    result = run_cli("export", str(SEED), "--theme", name, "-o", str(output))
    assert result.returncode == 0, result.stderr
    pdf = libreoffice_pdf(output, tmp_path, fonts=[])  # only the fonts the DOCX embeds
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    family = "SourceSerifPro" if name == "academic" else "SourceSansPro"
    assert f"+{family}-Regular" in fonts.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    dates = load_theme(find_theme(name, ROOT)).design.get("entries", {}).get("dates", "right")
    heading, aside = "Isaac GR00T N: RL Post Training", "Jun 2025 – Present"
    at = next(i for i, line in enumerate(lines) if heading in line)
    if dates == "own_line":
        assert lines[at + 1] == aside
    else:
        assert aside in lines[at]


def test_the_pdf_look_is_built_from_the_layout_description() -> None:
    """One mapping from the layout description to PDF values: classic's sizes are the
    PDF's own of before themes, and each theme's choices reach the look."""
    from resumeout.exporters.pdf.look import Alignment, Face, FontRole, Look

    look = Look.of(Design())
    assert (look.name.size, look.name.leading, look.section.size) == (26.0, 30.0, 14.0)
    assert (look.bullet_text_indent, look.bullet_indent, look.dates) == (11.0, 2.5, "right")
    assert (look.rule, look.contact_separator, look.note.face) == ("beside", " · ", Face.ITALIC)
    assert look.text_box.left == pytest.approx(0.7 * 72 + 6)  # where the seed's text stood

    def theme(name: str) -> Look:
        return Look.of(Design.model_validate(dict(load_theme(find_theme(name, ROOT)).design)))

    modern = theme("modern")
    assert modern.dates == "left_column"
    assert modern.date_column == pytest.approx(9.5 * 10)
    assert (modern.name.alignment, modern.contacts.alignment) == (Alignment.LEFT, Alignment.RIGHT)
    assert (modern.rule, modern.title_case) == ("none", "upper")
    academic = theme("academic")
    assert academic.title_case == "small_caps" and academic.aside.face is Face.ITALIC
    assert academic.name.font is FontRole.HEADING and academic.bullet == "–"
    assert theme("minimal").name.face is Face.REGULAR
