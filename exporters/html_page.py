"""A project-local exporter: the résumé as one self-contained, accessible web page.

Loaded only when named: ``resumeout export --exporters-dir exporters --format html`` (or
``RESUMEOUT_EXPORTERS_DIR=exporters`` in the environment). It uses resumeout's public pieces —
the Exporter contract, the shared inline walker and the format-neutral views — exactly as
a third-party exporter would.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from resumeout import EntryView, Exporter, InlineSyntax, SectionView, present, render_inline

if TYPE_CHECKING:
    from resumeout import Resume, Rich

STYLE = """
:root { --accent: %(accent)s; color-scheme: light; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, "Source Sans Pro", sans-serif; color: #1a1a1a;
       max-width: 50rem; margin: 2rem auto; padding: 0 1.25rem; }
header { text-align: center; }
h1 { color: var(--accent); font-size: 2.4rem; margin: 0; }
.contacts { list-style: none; padding: 0; margin: .25rem 0 0; }
.contacts li { display: inline; }
.contacts li + li::before { content: " · "; color: #888; }
a { color: var(--accent); }
h2 { color: var(--accent); border-bottom: 1px solid var(--accent); font-size: 1.3rem;
     margin: 1.5rem 0 .5rem; }
article { margin: .6rem 0; }
.entry-line { display: flex; justify-content: space-between; gap: 1rem; margin: 0; }
.aside { white-space: nowrap; }
article p, article ul { margin: 0; }
.updated { text-align: right; color: #555; font-style: italic; font-size: .85rem; }
@media (max-width: 36rem) { .entry-line { flex-direction: column; gap: 0; } }
@media print {
  body { font-size: 10pt; margin: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  article { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""


def _link(label: str, url: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{label}</a>'


HTML = InlineSyntax(
    escape=escape,
    strong=("<strong>", "</strong>"),
    emphasis=("<em>", "</em>"),
    code=lambda text: f"<code>{escape(text)}</code>",
    link=_link,
    line_break="<br>",
)


def inline(rich: Rich) -> str:
    return render_inline(rich, HTML)


class HtmlExporter(Exporter):
    name = "html"
    suffix = ".html"
    description = "a self-contained web page (project-local example)"

    def render(self, resume: Resume) -> str:
        view = present(resume)
        meta = view.metadata
        parts = [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(meta.title)}</title>",
            f'<meta name="author" content="{escape(meta.author, quote=True)}">',
            f"<style>{STYLE % {'accent': resume.design.accent_color}}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{escape(view.name)}</h1>",
        ]
        if view.headline:
            parts.append(f'<p class="headline">{inline(view.headline)}</p>')
        if view.contacts:
            items = "".join(f"<li>{inline(c.rich)}</li>" for c in view.contacts)
            parts.append(f'<ul class="contacts">{items}</ul>')
        parts.append("</header>")
        parts.append("<main>")
        parts += [_section(section, index) for index, section in enumerate(view.sections)]
        parts.append("</main>")
        if view.last_updated:
            parts.append(f'<footer><p class="updated">{escape(view.last_updated)}</p></footer>')
        parts += ["</body>", "</html>", ""]
        return "\n".join(parts)


def _section(section: SectionView, index: int) -> str:
    heading = f'<h2 id="section-{index}">{escape(section.title)}</h2>'
    entries = "\n".join(_entry(entry) for entry in section.entries)
    return f'<section aria-labelledby="section-{index}">\n{heading}\n{entries}\n</section>'


def _entry(entry: EntryView) -> str:
    parts = ["<article>"]
    if entry.heading or entry.aside:
        aside = f'<span class="aside">{inline(entry.aside)}</span>' if entry.aside else ""
        parts.append(f'<p class="entry-line"><span>{inline(entry.heading)}</span>{aside}</p>')
    parts += [f"<p>{inline(line)}</p>" for line in entry.lines]
    if entry.bullets:
        items = "".join(f"<li>{inline(bullet)}</li>" for bullet in entry.bullets)
        parts.append(f"<ul>{items}</ul>")
    parts.append("</article>")
    return "\n".join(parts)
