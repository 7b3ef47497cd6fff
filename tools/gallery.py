"""Render page one of the seed résumé in every built-in theme to docs/gallery/NAME.png.

Run from the repository: ``python tools/gallery.py``. Needs poppler (pdftoppm). Each image
is drawn from resumeout's own PDF of the seed in that theme, and docs/gallery/sources.json
records the SHA-256 of that PDF and of the image, so that a test can tell when an image no
longer shows what the PDF writer makes (tests/test_gallery.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"
GALLERY = ROOT / "docs" / "gallery"
SOURCES = GALLERY / "sources.json"
RESOLUTION = 70
"""Dots per inch of the images: enough to see a layout, small enough to commit."""
COMMAND = "python tools/gallery.py"
"""What refreshes the gallery."""


def theme_names() -> tuple[str, ...]:
    from resumeout.model.style import BUILTIN_THEMES

    return BUILTIN_THEMES


@contextmanager
def _no_source_date_epoch() -> Iterator[None]:
    """The PDF as the seed dates it: SOURCE_DATE_EPOCH would change its metadata (not its
    page) and so its hash."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def seed_pdf(theme: str) -> bytes:
    """The PDF ``resumeout export resume.yaml --theme THEME`` writes, made in memory."""
    from resumeout.exporters.pdf import PdfExporter
    from resumeout.source.loading import read_source
    from resumeout.source.validation import validate

    with _no_source_date_epoch():
        resume = validate(read_source(SEED), theme=theme)
        exporter = PdfExporter(SEED.parent)
        data = exporter.render(resume)
    if exporter.warnings:
        raise RuntimeError(f"{theme}: {'; '.join(exporter.warnings)}")
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded() -> dict[str, dict[str, str]]:
    """What sources.json says each image was made from: {theme: {pdf_sha256, png_sha256}}."""
    if not SOURCES.is_file():
        return {}
    data: dict[str, dict[str, str]] = json.loads(SOURCES.read_text(encoding="utf-8"))
    return data


def render(theme: str, work: Path) -> tuple[Path, str]:
    """Page one of the seed in ``theme`` as docs/gallery/THEME.png; the PDF's hash."""
    pdf = seed_pdf(theme)
    path = work / f"{theme}.pdf"
    path.write_bytes(pdf)
    image = GALLERY / theme  # pdftoppm adds .png
    options = ["-png", "-singlefile", "-r", str(RESOLUTION), "-f", "1", "-l", "1"]
    subprocess.run(["pdftoppm", *options, str(path), str(image)], check=True)
    return image.with_suffix(".png"), sha256(pdf)


def main() -> int:
    GALLERY.mkdir(parents=True, exist_ok=True)
    sources: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for theme in theme_names():
            image, pdf_hash = render(theme, Path(folder))
            sources[theme] = {"pdf_sha256": pdf_hash, "png_sha256": sha256(image.read_bytes())}
            print(image.relative_to(ROOT))
    SOURCES.write_text(json.dumps(sources, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(SOURCES.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
