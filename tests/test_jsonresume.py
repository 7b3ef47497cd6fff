"""JSON Resume: `resumeout import` of real and hostile files, and the `jsonresume` export.

Imports run the CLI as a user would (exit codes, files written or not); what was imported
is read back by loading the YAML and exporting it, with each format's own reader.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeout.exporters import load_exporter
from resumeout.jsonresume.import_file import import_json_resume
from resumeout.jsonresume.sections import SECTIONS
from resumeout.model import ExperienceEntry, Resume
from resumeout.source.validation import load_resume
from tests.conftest import run_cli
from tests.readers import read_back

DATA = Path(__file__).parent / "data" / "jsonresume"
EXAMPLES = sorted(p.name for p in DATA.glob("*.json") if p.name != "schema.json")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
    return loaded


def write_json(folder: Path, document: Any, name: str = "resume.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")  # \uXXXX escapes
    return path


def imported(tmp_path: Path, document: Any, *options: str) -> tuple[Resume, str]:
    """Import ``document`` through the CLI; the loaded résumé and what import printed."""
    source = write_json(tmp_path, document)
    result = run_cli("import", str(source), *options)
    assert result.returncode == 0, result.stderr
    return load_resume(source.with_suffix(".yaml")), result.stderr


def exported_json(resume: Resume) -> tuple[dict[str, Any], list[str]]:
    exporter = load_exporter("jsonresume")()
    document: dict[str, Any] = json.loads(exporter.render(resume))
    return document, exporter.warnings


# --- real files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_real_files_import_then_export_everything(
    tmp_path: Path, name: str, schema: dict[str, Any]
) -> None:
    source = tmp_path / name
    source.write_bytes((DATA / name).read_bytes())
    result = run_cli("import", str(source))
    assert result.returncode == 0, result.stderr
    target = source.with_suffix(".yaml")
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=resume.schema.json"
    )
    export = run_cli("export", str(target), "-f", "all,jsonresume", "-o", str(tmp_path / "out"))
    assert export.returncode == 0, export.stderr
    exported = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(exported)


def _leaves(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text (and number) in a JSON document, with its path."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, f"{path}[{i}]")]
    return [(path, str(value))] if value not in (None, "") else []


# What the model has no field for (each named by the import), and metadata of the file.
NOT_CARRIED = re.compile(
    r"^\.(\$schema|basics\.(image|picture)|meta\.(canonical|version|theme)|languages\[\d\]\.value"
    r"|publications\[\d\]\.coauthors\[\d\]\.url)$"
)


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_the_file_holds_is_dropped(tmp_path: Path, name: str) -> None:
    """Every text of the file comes back out of the JSON Resume export (dates, places) or
    the plain-text export (author lists), somewhere."""
    original = json.loads((DATA / name).read_text(encoding="utf-8"))
    resume, printed = imported(tmp_path, original)
    document, _ = exported_json(resume)
    out = "\n".join(text for _, text in _leaves(document))
    out += read_back("txt", load_exporter("txt")().render_bytes(resume))
    out = " ".join(out.split())
    lost = [
        (path, text)
        for path, text in _leaves(original)
        if not NOT_CARRIED.match(path)
        and not (path.endswith("endDate") and text.lower() in ("present", "current"))
        and " ".join(text.split())[:30] not in out
        and not (path == ".meta.lastModified" and text[:10] in out)  # the time of day goes
    ]
    assert lost == []
    for path, _ in _leaves(original):
        if NOT_CARRIED.match(path) and path != ".$schema":
            assert f"warning: {path[1:]}" in printed  # what is left out is named


def test_the_samples_fields_land_in_sensible_places(tmp_path: Path) -> None:
    resume, printed = imported(tmp_path, json.loads((DATA / "sample.resume.json").read_text()))
    document, _ = exported_json(resume)
    work = document["work"][0]
    assert work["summary"].startswith("Awesome compression company\nPied Piper is")
    assert "work[0].description: kept as the first line of the entry's summary" in printed
    project = document["projects"][0]
    assert project["description"] == (
        "A mapping engine that misguides you\nRoles: Team lead, Designer\n"
        "Keywords: GoogleMaps, Chrome Extension, Javascript\nType: application"
    )
    assert document["languages"] == [{"language": "English", "fluency": "Native speaker"}]
    assert document["meta"] == {"lastModified": "2017-12-24"}
    assert document["basics"]["location"] == {
        "address": "2712 Broadway St, San Francisco, California CA 94115, US"
    }


# What the round trip changes by design: fields folded into others or not held.
CHANGED = {
    "basics": {"location", "image"},
    "work": {"description", "summary"},
    "projects": {"keywords", "roles", "type", "description"},
}


def test_round_trip_keeps_what_the_model_can_hold(tmp_path: Path) -> None:
    original = json.loads((DATA / "sample.resume.json").read_text(encoding="utf-8"))
    resume, _ = imported(tmp_path, original)
    exported, _ = exported_json(resume)
    for key, value in original.items():
        if key in ("$schema", "meta"):
            continue
        if isinstance(value, dict):
            expected = {k: v for k, v in value.items() if k not in CHANGED.get(key, ())}
            assert {k: exported[key].get(k) for k in expected} == expected, key
            continue
        for position, item in enumerate(value):
            expected = {k: v for k, v in item.items() if k not in CHANGED.get(key, set())}
            got = {k: v for k, v in exported[key][position].items() if k in expected}
            assert got == expected, (key, position)


# --- values the model refuses ----------------------------------------------------------------


def test_a_free_text_phone_is_reported_not_fatal(tmp_path: Path) -> None:
    resume, printed = imported(
        tmp_path, {"basics": {"name": "Ann Lee", "phone": "Upon request", "email": "a@b.org"}}
    )
    assert resume.email == "a@b.org" and resume.phone is None
    assert re.search(
        r"resume\.json:4:14: warning: basics\.phone: 'Upon request' is not a phone number", printed
    )
    header = (tmp_path / "resume.yaml").read_text(encoding="utf-8")
    assert "#   basics.phone: 'Upon request' is not a phone number" in header


def test_one_malformed_url_leaves_the_rest_of_the_file(tmp_path: Path) -> None:
    work = [
        {"name": "Acme", "position": "Engineer", "url": "http://exa mple.com"},
        {"name": "Initech", "position": "Lead", "url": "https://initech.example.org"},
        {"name": "Hooli", "position": "CEO", "url": "javascript:alert(1)"},
    ]
    resume, printed = imported(tmp_path, {"basics": {"name": "Ann Lee"}, "work": work})
    document, _ = exported_json(resume)
    assert [job.get("url") for job in document["work"]] == [
        None,
        "https://initech.example.org",
        None,
    ]
    assert "work[0].url: 'http://exa mple.com' is not a web address; not imported" in printed
    assert "work[2].url:" in printed and "'javascript:'" in printed


def test_an_end_before_the_start_drops_only_the_end(tmp_path: Path) -> None:
    work = [{"name": "Acme", "position": "Engineer", "startDate": "2015", "endDate": "2014-03"}]
    resume, printed = imported(tmp_path, {"basics": {"name": "Ann Lee"}, "work": work})
    document, _ = exported_json(resume)
    assert document["work"][0]["startDate"] == "2015" and "endDate" not in document["work"][0]
    assert "work[0].endDate: ends (2014-03) before it starts (2015); not imported" in printed


def test_crlf_becomes_lf_and_hidden_characters_are_removed(tmp_path: Path) -> None:
    basics = {
        "name": "Ann \u202eLee\u200b",
        "summary": "First line\r\nsecond line\r\n\r\nNext paragraph",
        "label": "Data \U0001d54f engineer \ud800",
    }
    resume, printed = imported(tmp_path, {"basics": basics})
    assert resume.name == "Ann Lee"
    assert resume.headline is not None and resume.headline.text() == "Data 𝕏 engineer"
    document, _ = exported_json(resume)
    assert document["basics"]["summary"] == "First line\nsecond line\n\nNext paragraph"
    assert "basics.name: removed U+200B (a zero-width space), U+202E (a bidirectional" in printed
    assert "basics.label: removed U+D800 (a lone surrogate)" in printed


def test_surrogate_pairs_written_as_escapes_decode_to_the_character(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text('{"basics": {"name": "\\ud835\\udd4f Lee"}}', encoding="utf-8")
    assert run_cli("import", str(source)).returncode == 0
    assert load_resume(source.with_suffix(".yaml")).name == "\U0001d54f Lee"


# --- failures write nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({}, r"resume\.json:1:1: basics\.name: is missing"),
        ({"basics": {"label": "Programmer"}}, r"resume\.json:2:13: basics\.name: is missing"),
        (
            {"basics": {"name": "Ann"}, "work": [{"startDate": "2020"}]},
            r"resume\.json:6:5: work\[0\]: has no `position` or `name`; it is the `title`",
        ),
    ],
)
def test_an_import_without_a_required_fact_fails_and_writes_nothing(
    tmp_path: Path, document: Any, expected: str
) -> None:
    source = write_json(tmp_path, document)
    result = run_cli("import", str(source))
    assert result.returncode == 3
    assert re.search(expected, result.stderr), result.stderr
    assert "Traceback" not in result.stderr and "Your Name" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resume.json"]


def test_a_failed_import_with_force_keeps_the_earlier_file(tmp_path: Path) -> None:
    source = write_json(tmp_path, {"basics": {"label": "no name"}})
    target = tmp_path / "resume.yaml"
    target.write_text("name: Earlier\n", encoding="utf-8")
    result = run_cli("import", str(source), "--force")
    assert result.returncode == 3
    assert target.read_text(encoding="utf-8") == "name: Earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resume.json", "resume.yaml"]


def test_a_json_syntax_error_is_located_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text('{"basics": {"name": "Ann",}}\n', encoding="utf-8")
    result = run_cli("import", str(source))
    assert result.returncode == 3
    assert result.stderr.startswith(f"{source}:1:27: Expecting property name")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resume.json"]


def test_import_never_replaces_a_file_unasked_nor_its_source(tmp_path: Path) -> None:
    source = write_json(tmp_path, {"basics": {"name": "Ann Lee"}})
    (tmp_path / "resume.yaml").write_text("name: Earlier\n", encoding="utf-8")
    again = run_cli("import", str(source))
    assert again.returncode == 2 and "already exists" in again.stderr
    itself = run_cli("import", str(source), "-o", str(source), "--force")
    assert itself.returncode == 2 and json.loads(source.read_text()) == {
        "basics": {"name": "Ann Lee"}
    }


# --- text is imported literally ---------------------------------------------------------------

HOSTILE_TEXT = [
    r"..\..\windows",
    "`rm -rf` and ``double``",
    "*II* and **bold** and 2*3*4",
    "snake_case_name and _under_",
    "[x](https://example.org) and [a] (b) and ![img](y)",
    "<https://example.org> and <b>tag</b> & &amp;",
    "back\\slash at the end\\",
    "C# and C++ | pipes ~~strike~~",
]


def test_markup_characters_survive_import_and_every_export(tmp_path: Path) -> None:
    document = {
        "basics": {"name": "Ann Lee", "label": HOSTILE_TEXT[0]},
        "work": [
            {"name": "Acme", "position": text, "highlights": [text], "summary": text}
            for text in HOSTILE_TEXT
        ],
    }
    resume, _ = imported(tmp_path, document)
    assert resume.headline is not None and resume.headline.text() == HOSTILE_TEXT[0]
    for name in ("md", "txt", "pdf", "docx"):
        shown = read_back(name, load_exporter(name)().render_bytes(resume))
        squeezed = "".join(shown.split())
        missing = [text for text in HOSTILE_TEXT if "".join(text.split()) not in squeezed]
        assert missing == [], name
    exported, _ = exported_json(resume)
    assert [job["position"] for job in exported["work"]] == HOSTILE_TEXT
    assert [job["summary"] for job in exported["work"]] == HOSTILE_TEXT
    assert [job["highlights"] for job in exported["work"]] == [[t] for t in HOSTILE_TEXT]


def test_markdown_option_reads_markup_and_keeps_refused_links_as_text(tmp_path: Path) -> None:
    work = [
        {"name": "Acme", "position": "Engineer", "summary": "Made **fast** things"},
        {"name": "Hooli", "position": "Lead", "summary": "[click](javascript:alert(1))"},
    ]
    resume, printed = imported(tmp_path, {"basics": {"name": "Ann"}, "work": work}, "--markdown")
    document = docx.Document(io.BytesIO(load_exporter("docx")().render_bytes(resume)))
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "fast" in bold
    exported, _ = exported_json(resume)
    assert exported["work"][1]["summary"] == "[click](javascript:alert(1))"
    assert "work[1].summary: link target 'javascript:alert(1)'" in printed
    assert "kept as plain text" in printed


def test_without_markdown_stars_stay_stars(tmp_path: Path) -> None:
    work = [{"name": "Acme", "position": "Engineer", "summary": "Made **fast** things"}]
    resume, _ = imported(tmp_path, {"basics": {"name": "Ann"}, "work": work})
    entry = resume.sections[0].entries[0]
    assert isinstance(entry, ExperienceEntry) and entry.summary is not None
    assert entry.summary.text() == "Made **fast** things"


# --- export -----------------------------------------------------------------------------------

EVERY_FIELD = """
name: Ann Lee
headline: Engineer with [a site](https://ann.example.org)
location: Ann Arbor, MI
email: ann@example.org
phone: +1 734 555 0100
website: https://ann.example.org
profiles: [{network: GitHub, username: ann}]
last_updated: 2026-01-15
sections:
  - {id: summary, title: Profile, type: text, entries: [First., Second.]}
  - {title: About, type: text, entries: [Left out.]}
  - title: Education
    type: education
    entries:
      - {institution: Uni, degree: PhD, area: CS, url: https://uni.example.org,
         location: Ann Arbor, gpa: "4.0", advisors: [Prof], courses: [Compilers],
         details: [Thesis], highlights: [Award], start: 2020, end: present, tags: [x]}
  - title: Experience
    type: experience
    entries:
      - {title: Engineer, organization: Acme, url: https://acme.example.org,
         location: Remote, summary: Built, highlights: [Shipped], start: 2019, end: 2020}
  - id: volunteer
    title: Volunteering
    type: experience
    entries:
      - {title: Teacher, organization: Dojo, location: Town, start: 2018}
  - title: Publications
    type: publications
    entries:
      - {title: Paper, authors: [Ann Lee, Bo], equal_contribution: [Bo], venue: Conf,
         date: 2021, doi: 10.1000/1, url: https://paper.example.org, note: Oral,
         keywords: [ML]}
      - {title: Preprint, doi: 10.1000/2}
  - id: awards
    title: Awards
    type: entries
    entries:
      - {title: Prize, subtitle: Society, location: Paris, url: https://prize.example.org,
         summary: Best, highlights: [Cash], start: 2019, end: 2020}
  - id: certificates
    title: Certificates
    type: entries
    entries:
      - {title: Cert, subtitle: Issuer, date: 2022, url: https://cert.example.org,
         location: Online, summary: Passed}
  - id: references
    title: References
    type: entries
    entries:
      - {title: Bo, subtitle: Manager, summary: Great}
  - title: Projects
    type: entries
    entries:
      - {title: Tool, subtitle: Org, location: Berlin, date: 2023, url: https://tool.example.org,
         summary: A tool, highlights: [Fast]}
  - title: Skills
    type: lines
    entries:
      - {label: Languages, level: Expert, details: "Python, Rust"}
  - id: languages
    title: Languages
    type: lines
    entries:
      - {label: French, level: Fluent}
      - {label: German, level: Basic, details: reading only}
  - id: interests
    title: Interests
    type: lines
    entries:
      - {label: Music, level: Keen, details: "Jazz, Piano"}
  - {id: skills, title: Misfiled, type: experience, entries: [{title: Wrong list}]}
"""

# Each field of EVERY_FIELD that JSON Resume has no place for, by its path.
LEFT_OUT = {
    "headline",  # its link (the label is kept)
    "sections[0].title",
    "sections[1]",
    "sections[2].entries[0].location",
    "sections[2].entries[0].advisors",
    "sections[2].entries[0].details",
    "sections[2].entries[0].highlights",
    "sections[3].title",
    "sections[4].entries[0].location",
    "sections[5].entries[0].authors",
    "sections[5].entries[0].equal_contribution",
    "sections[5].entries[0].doi",
    "sections[5].entries[0].keywords",
    "sections[6].entries[0].location",
    "sections[6].entries[0].url",
    "sections[6].entries[0].highlights",
    "sections[6].entries[0].end",
    "sections[7].entries[0].location",
    "sections[7].entries[0].summary",
    "sections[8].entries[0].subtitle",
    "sections[9].entries[0].location",
    "sections[12].entries[0].level",
    "sections[13].title",
}


def test_export_writes_every_field_it_can_and_names_the_rest(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    source = tmp_path / "every.yaml"
    source.write_text(EVERY_FIELD, encoding="utf-8")
    document, warnings = exported_json(load_resume(source))
    jsonschema.Draft7Validator(schema).validate(document)
    assert {warning.split(":")[0] for warning in warnings} == LEFT_OUT
    assert document["basics"]["label"] == "Engineer with a site"
    assert document["basics"]["summary"] == "First.\n\nSecond."
    assert document["volunteer"] == [
        {"organization": "Dojo", "position": "Teacher", "startDate": "2018"}
    ]
    assert document["projects"][0]["startDate"] == "2023"  # a single date is the start
    assert document["projects"][1:] == []
    assert document["publications"][1]["url"] == "https://doi.org/10.1000/2"
    assert document["languages"] == [
        {"language": "French", "fluency": "Fluent"},
        {"language": "German", "fluency": "Basic, reading only"},
    ]
    assert document["awards"][0]["date"] == "2019"
    # A section whose id names a list of another kind goes to its own kind's list.
    assert [job["position"] for job in document["work"]] == ["Engineer", "Wrong list"]
    assert document["skills"] == [
        {"name": "Languages", "level": "Expert", "keywords": ["Python", "Rust"]}
    ]


def test_seed_exports_valid_json_resume(seed: Resume, schema: dict[str, Any]) -> None:
    document, warnings = exported_json(seed)
    jsonschema.Draft7Validator(schema).validate(document)
    assert [p["name"] for p in document["publications"]][-1].startswith("ModalGlue")
    assert "sections[1].entries[0].authors: JSON Resume's `publications` has no place" in (
        "\n".join(warnings)
    )


# --- one table of sections ---------------------------------------------------------------


def test_every_section_comes_back_to_its_own_list(tmp_path: Path) -> None:
    entry = {
        "work": {"name": "A", "position": "B"},
        "volunteer": {"organization": "A", "position": "B"},
        "education": {"institution": "A"},
        "awards": {"title": "A"},
        "certificates": {"name": "A"},
        "publications": {"name": "A"},
        "skills": {"name": "A"},
        "languages": {"language": "A"},
        "interests": {"name": "A"},
        "references": {"name": "A"},
        "projects": {"name": "A"},
    }
    assert set(entry) == {kind.key for kind in SECTIONS}
    document = {"basics": {"name": "Ann", "summary": "S"}} | {k: [v] for k, v in entry.items()}
    resume, _ = imported(tmp_path, document)
    assert [section.title for section in resume.sections][:2] == ["Summary", "Work Experience"]
    exported, warnings = exported_json(resume)
    assert {k: v for k, v in exported.items() if k in entry} == {k: [v] for k, v in entry.items()}
    assert warnings == []


def test_each_section_type_has_one_default_list() -> None:
    types = {kind.type for kind in SECTIONS}
    for section_type in types:
        assert sum(k.default for k in SECTIONS if k.type == section_type) == 1, section_type


def test_imported_yaml_reads_as_written(tmp_path: Path) -> None:
    """The YAML is a person's file: literal blocks for line breaks, comments that load."""
    work = [{"name": "A", "position": "B", "description": "About A", "summary": "Did *x*"}]
    imported(tmp_path, {"basics": {"name": "Ann\nLee"}, "work": work})
    text = (tmp_path / "resume.yaml").read_text(encoding="utf-8")
    assert "summary: |-\n        About A\\\n        Did \\*x\\*\n" in text
    assert yaml.safe_load(text)["name"] == "Ann\nLee"


# --- any text at all ------------------------------------------------------------------------

BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
INVISIBLE = {0x200B, 0x2060, 0xFEFF}


def _removed(char: str) -> bool:
    """What the README says import removes: control characters (tab and line feed are
    text), bidi overrides and isolates, zero-width spaces, word joiners, byte-order marks,
    lone surrogates and noncharacters."""
    code = ord(char)
    return (
        (unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n")
        or code in BIDI_CONTROLS
        or code in INVISIBLE
        or 0xFDD0 <= code <= 0xFDEF
        or code % 0x10000 in (0xFFFE, 0xFFFF)
    )


def shown(text: str) -> str:
    """What a reader must see for JSON text ``text``: line ends made LF, the removed
    characters gone, spaces at the ends and around line breaks trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(char for char in text if not _removed(char))
    return "\n".join(line.strip(" \t") for line in text.split("\n")).strip()


ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=30) | st.text(
    st.sampled_from(list("\\`*_[]<>()!#&|~:/.\n\r\t a\u2028\u00a0")), max_size=30
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_imports_and_reads_back_exactly(text: str) -> None:
    document = {
        "basics": {"name": "Ann Lee", "label": text, "location": text},
        "work": [{"position": "P " + text, "highlights": [text]}],
    }
    with tempfile.TemporaryDirectory() as folder:
        source = write_json(Path(folder), document)
        target = source.with_suffix(".yaml")
        assert import_json_resume(source, target) == 0
        resume = load_resume(target)  # the written YAML always loads
    expected = shown(text)
    entry = resume.sections[0].entries[0]
    assert isinstance(entry, ExperienceEntry)
    assert entry.title.text() == shown("P " + text)
    assert (resume.headline.text() if resume.headline else "") == expected
    assert (resume.location or "") == expected
    assert [h.rich.text() for h in entry.highlights] == ([expected] if expected else [])
    exported, _ = exported_json(resume)
    assert exported["basics"].get("label", "") == expected
    assert exported["work"][0]["position"] == shown("P " + text)
    for name in ("md", "txt"):  # laid out in lines: compared without the whitespace
        out = "".join(read_back(name, load_exporter(name)().render_bytes(resume)).split())
        assert "".join(shown("P " + text).split()) in out, name


def test_the_same_file_imports_to_the_same_bytes(tmp_path: Path) -> None:
    source = tmp_path / "sample.json"
    source.write_bytes((DATA / "sample.resume.json").read_bytes())
    target = tmp_path / "sample.yaml"
    assert import_json_resume(source, target) == 0
    first = target.read_bytes()
    assert import_json_resume(source, target, force=True) == 0
    assert target.read_bytes() == first
