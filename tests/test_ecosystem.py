"""Plugins through entry points and the project-local exporters folder."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from resumeout.exporters import load_exporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.conftest import ROOT, SEED, SEED_FACTS, normalise, run_cli

EXPORTERS = ROOT / "exporters"
PLUGIN = """
from resumeout.exporters import Exporter


class EchoExporter(Exporter):
    name = "echo"
    suffix = ".echo"
    description = "the name, shouted"

    def render(self, resume):
        return resume.name.upper() + "\\n"
"""


def _install_plugin(
    site: Path, name: str = "echo", target: str = "echo_plugin:EchoExporter"
) -> dict[str, str]:
    """A distribution as pip would leave it: a package and its dist-info with an entry
    point, found through the real importlib.metadata path."""
    (site / "echo_plugin").mkdir(parents=True)
    (site / "echo_plugin" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "resumeout_echo-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: resumeout-echo\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[resumeout.exporters]\n{name} = {target}\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(site)}


def test_a_plugin_distribution_adds_a_format(tmp_path: Path) -> None:
    env = _install_plugin(tmp_path / "site")
    formats = run_cli("formats", env=env)
    assert "echo     .echo   the name, shouted  [resumeout-echo]" in formats.stdout
    result = run_cli("export", str(SEED), "-f", "echo", "-o", str(tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "Runyu_Lu_Resume.echo").read_text(encoding="utf-8") == "RUNYU LU\n"


def test_a_plugin_cannot_take_a_built_in_name(tmp_path: Path) -> None:
    env = _install_plugin(tmp_path / "site", name="pdf")
    result = run_cli("formats", env=env)
    assert result.returncode == 2
    assert "two exporters are named 'pdf'" in result.stderr


def test_the_exporters_folder_is_loaded_only_when_named(tmp_path: Path) -> None:
    plain = run_cli("export", str(SEED), "-f", "html", "-o", str(tmp_path))
    assert plain.returncode == 2 and "unknown format 'html'" in plain.stderr
    named = run_cli(
        "export", str(SEED), "-f", "html", "--exporters-dir", str(EXPORTERS), "-o", str(tmp_path)
    )
    assert named.returncode == 0, named.stderr
    assert (tmp_path / "Runyu_Lu_Resume.html").exists()


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.external: list[str] = []
        self.stack: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag in ("img", "script", "link", "iframe") or "src" in values:
            self.external.append(tag)
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1] not in ("style", "title"):
            self.text.append(data)


def test_html_page_is_self_contained_and_complete(seed: Resume) -> None:
    exporter = load_exporter("html", EXPORTERS)
    page = _Page()
    html = exporter().render_bytes(seed).decode("utf-8")
    page.feed(html)
    assert page.stack == [] and page.lang == "en" and page.external == []
    text = normalise(" ".join(page.text))
    assert [fact for fact in SEED_FACTS if fact not in text] == []
    assert page.links[:2] == ["mailto:runyulu@umich.edu", "tel:+17342160351"]
    assert "@media print" in html
    assert exporter().render_bytes(seed).decode("utf-8") == html


def test_html_escapes_user_text(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text("name: '<script>alert(1)</script> & co'\n", encoding="utf-8")
    html = load_exporter("html", EXPORTERS)().render_bytes(load_resume(source)).decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
