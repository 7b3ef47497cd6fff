"""The fallback chain's order: named fonts, then the system's (a font made for the
script first), then the ``world`` extra. With this machine's real fonts; a case whose
font is absent is skipped with the Debian package that has it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from resumeout.exporters.fontfiles import FontFile, bundled_files
from resumeout.exporters.pdf.scripts.chain import (
    _CJK,
    Candidate,
    FontChain,
    SystemFont,
    is_serif,
    parse_fc_match,
    rank_system_fonts,
)
from tests.conftest import run_cli

ARABIC = "مرحبا"
HEBREW = "שלום"
HAN_AND_KANA = "東京です"


def _system_font(name: str, languages: int, *, lang: str = "ar", weight: int = 80) -> SystemFont:
    others = {f"x{number}" for number in range(languages - 1)}
    return SystemFont(
        Candidate(FontFile(Path(f"{name}.ttf"))), (name,), weight, 0, frozenset({lang, *others})
    )


def test_a_font_made_for_the_script_comes_before_a_pan_unicode_one() -> None:
    # In fontconfig's order for sans-serif:lang=ar on Debian.
    fonts = [
        _system_font("DejaVu Sans", 189),
        _system_font("Noto Kufi Arabic", 13),
        _system_font("Noto Sans Arabic", 14),
        _system_font("Noto Sans", 174, lang="el"),
    ]
    ranked = [font.families[0] for font in rank_system_fonts(fonts, ("ar",), bold=False)]
    assert ranked == ["Noto Sans Arabic", "DejaVu Sans", "Noto Kufi Arabic", "Noto Sans"]


def test_a_serif_document_font_takes_the_scripts_serif_design_first() -> None:
    # The academic theme's Source Serif: Naskh for Arabic, Noto Serif for Devanagari.
    fonts = [
        _system_font("DejaVu Sans", 189),
        _system_font("Noto Sans Arabic", 14),
        _system_font("Noto Naskh Arabic", 14),
        _system_font("DejaVu Serif", 120),
    ]
    ranked = [font.families[0] for font in rank_system_fonts(fonts, ("ar",), False, True)]
    assert ranked[:2] == ["Noto Naskh Arabic", "DejaVu Serif"]
    assert is_serif("SourceSerifPro-Regular") and is_serif("DejaVuSerif-Bold")
    assert not is_serif("SourceSansPro-Regular") and not is_serif("MicrosoftSansSerif")


def test_the_nearest_weight_wins_among_faces_of_one_family() -> None:
    regular = _system_font("Noto Sans Arabic", 14, weight=80)
    bold = _system_font("Noto Sans Arabic", 14, weight=200)
    assert rank_system_fonts([regular, bold], ("ar",), bold=True)[0] is bold
    assert rank_system_fonts([regular, bold], ("ar",), bold=False)[0] is regular


def test_text_without_a_language_keeps_fontconfigs_order() -> None:
    fonts = [_system_font("DejaVu Sans", 189), _system_font("Noto Sans Symbols", 1)]
    assert rank_system_fonts(fonts, (), bold=False) == tuple(fonts)


def _fontconfig_file(family: str, style: str = "Regular") -> Path:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    listed = subprocess.run(
        ["fc-list", f":family={family}:style={style}", "file"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    if not listed:
        pytest.skip(f"{family} {style} is not installed (Debian: fonts-noto-core)")
    return Path(listed[0].rstrip(":"))


def test_fontconfigs_own_output_is_read() -> None:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig (fc-match) is not installed")
    from resumeout.exporters.pdf.scripts.chain import _FC_FORMAT

    output = subprocess.run(
        ["fc-match", "-a", "--format", _FC_FORMAT, "sans-serif:lang=ar"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fonts = parse_fc_match(output)
    assert fonts, "no TrueType font listed"
    assert all(font.candidate.file.path.suffix.lower() in (".ttf", ".ttc") for font in fonts)
    arabic = [font for font in fonts if "ar" in font.languages]
    assert arabic, "no font for Arabic listed"
    assert all(font.candidate.may_cover(ARABIC[0]) for font in arabic)
    assert not all(font.candidate.may_cover(ARABIC[0]) for font in fonts)


@pytest.mark.parametrize(
    ("text", "family", "bold"),
    [
        (ARABIC, "Noto Sans Arabic", False),
        (ARABIC, "Noto Sans Arabic", True),
        (HEBREW, "Noto Sans Hebrew", False),
        ("नमस्ते", "Noto Sans Devanagari", False),
        ("สวัสดี", "Noto Sans Thai", True),
    ],
)
def test_the_systems_font_for_the_script_draws_it(text: str, family: str, bold: bool) -> None:
    """Before DejaVu Sans (fontconfig's first choice) and before the world extra's
    fonts (Noto Sans Arabic as a variable font, Heebo)."""
    expected = _fontconfig_file(family, "Bold" if bold else "Regular")
    chain = FontChain(bundled_files()["bold" if bold else "regular"], bold=bold)
    face = chain.face_covering(text[0])
    assert face is not None
    assert face.path.resolve() == expected.resolve()
    assert face.weight is None  # a static file, nothing pinned


def test_kanji_and_kana_come_from_one_font() -> None:
    """Han alone is Chinese to fontconfig, kana Japanese: both are asked of a font that
    supports Chinese, Japanese and Korean, so one line is one design."""
    _fontconfig_file("WenQuanYi Zen Hei", "Regular")
    chain = FontChain(bundled_files()["regular"])
    faces = {chain.face_covering(char) for char in HAN_AND_KANA}
    assert len(faces) == 1
    (face,) = faces
    assert face is not None
    assert all(chain.face_covering(char) is face for char in "한국어")
    assert _CJK == ("zh-cn", "ja", "ko")


def test_a_named_font_comes_before_the_systems() -> None:
    _fontconfig_file("DejaVu Sans", "Book")
    _fontconfig_file("Noto Sans Arabic")
    chain = FontChain(bundled_files()["regular"], ("DejaVu Sans",), Path())
    face = chain.face_covering(ARABIC[0])
    assert face is not None
    assert face.path.name.startswith("DejaVuSans")


def test_the_world_extra_comes_after_the_systems_fonts() -> None:
    pytest.importorskip("fontpkg_heebo", reason="the world extra is not installed")
    expected = _fontconfig_file("Noto Sans Hebrew")
    with_system = FontChain(bundled_files()["regular"])
    without_system = FontChain(bundled_files()["regular"], use_system_fonts=False)
    system_face = with_system.face_covering(HEBREW[0])
    world_face = without_system.face_covering(HEBREW[0])
    assert system_face is not None and world_face is not None
    assert system_face.path.resolve() == expected.resolve()
    assert "fontpkg_heebo" in str(world_face.path)


@pytest.mark.parametrize(
    ("named", "reason"),
    [("bad.ttf", "Not a TrueType or OpenType font"), ("No Such Family", "was not found")],
)
def test_a_named_fallback_font_that_cannot_be_used_is_a_warning(
    named: str, reason: str, tmp_path: Path
) -> None:
    (tmp_path / "bad.ttf").write_text("not a font", encoding="utf-8")
    source = tmp_path / "r.yaml"
    source.write_text(
        f"name: Ann Lee\nheadline: מהנדס תוכנה\ndesign:\n  fallback_fonts: [{named}]\n",
        encoding="utf-8",
    )
    result = run_cli("export", str(source), "-f", "pdf", "-o", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    assert "warning: design.fallback_fonts:" in result.stderr and reason in result.stderr
    assert "not used" in result.stderr and "Traceback" not in result.stderr
    strict = run_cli("export", str(source), "-f", "pdf", "-o", str(tmp_path), "--strict")
    assert strict.returncode == 1
