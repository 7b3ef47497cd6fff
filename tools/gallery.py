"""Render page one of the seed résumé in every theme to docs/gallery/NAME.png.

Run from the repository: ``python tools/gallery.py``. Needs LibreOffice (soffice) and
poppler (pdftoppm). Until the PDF writer follows every field of the layout description,
the pages are drawn from each theme's DOCX, converted to PDF by LibreOffice.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"
GALLERY = ROOT / "docs" / "gallery"
RESOLUTION = 60
"""Dots per inch of the images: enough to see a layout, small enough to commit."""


def theme_names() -> list[str]:
    from resumeout.themes import available_themes

    return [theme.name for theme in available_themes() if theme.origin == "built-in"]


def render(name: str, work: Path) -> Path:
    docx = work / f"{name}.docx"
    subprocess.run(
        [sys.executable, "-m", "resumeout", "export", str(SEED), "--theme", name, "-o", str(docx)],
        check=True,
    )
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{work}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
    )
    image = GALLERY / name  # pdftoppm adds .png
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-singlefile",
            "-r",
            str(RESOLUTION),
            "-f",
            "1",
            "-l",
            "1",
            str(work / f"{name}.pdf"),
            str(image),
        ],
        check=True,
    )
    return image.with_suffix(".png")


def main() -> int:
    GALLERY.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in theme_names():
            print(render(name, Path(folder)).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
