"""The README's gallery shows what the PDF writer makes today: each image was drawn from
the PDF the seed exports to in its theme, as docs/gallery/sources.json records."""

from __future__ import annotations

import hashlib

import pytest
from tools.gallery import COMMAND, GALLERY, recorded, seed_pdf, sha256

from resumeout.model.style import BUILTIN_THEMES
from tests.conftest import ROOT


@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_the_gallery_image_is_made_from_todays_pdf(theme: str) -> None:
    stale = f"the gallery image of {theme!r} is stale: run `{COMMAND}` and commit docs/gallery"
    sources = recorded().get(theme)
    assert sources is not None, stale
    assert sources["pdf_sha256"] == sha256(seed_pdf(theme)), stale
    image = GALLERY / f"{theme}.png"
    assert image.is_file(), stale
    assert sources["png_sha256"] == hashlib.sha256(image.read_bytes()).hexdigest(), stale


def test_the_readme_shows_every_theme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for theme in BUILTIN_THEMES:
        assert f"](docs/gallery/{theme}.png)" in readme
    assert set(recorded()) == set(BUILTIN_THEMES)
