"""Variants: targeted versions of one résumé, selected by tags and section lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from resumeout.source.loading import FieldPath

if TYPE_CHECKING:
    from resumeout.model import Resume, Section, Variant


def _items(section: Section) -> list[Any]:
    return list(section.entries)


def _item_tags(item: Any) -> tuple[str, ...]:
    return tuple(getattr(item, "tags", ()))


def used_tags(resume: Resume) -> set[str]:
    """Every tag on a section, an entry, a bullet or a paragraph."""
    tags: set[str] = set()
    for section in resume.sections:
        tags.update(section.tags)
        for item in _items(section):
            tags.update(_item_tags(item))
            for bullet in getattr(item, "highlights", ()):
                tags.update(bullet.tags)
    return tags


def _section_matches(section: Section, reference: str) -> bool:
    return reference in (section.id, section.title)


def reference_problems(resume: Resume) -> Iterator[tuple[FieldPath, str, str]]:
    """(path, message, code) for each variant that names a tag or section the résumé
    does not have. Checked after the model, where the whole résumé is known."""
    tags = used_tags(resume)
    for name, variant in resume.variants.items():
        for field in ("include_tags", "exclude_tags"):
            for index, tag in enumerate(getattr(variant, field)):
                if tag not in tags:
                    known = ", ".join(sorted(tags)) or "none yet"
                    yield (
                        ("variants", name, field, index),
                        f"no section, entry or bullet has the tag {tag!r} (tags used: {known})",
                        "variant_unknown_tag",
                    )
        for index, reference in enumerate(variant.sections or []):
            if not any(_section_matches(s, reference) for s in resume.sections):
                known = ", ".join(s.id or s.title for s in resume.sections)
                yield (
                    ("variants", name, "sections", index),
                    f"no section has the id or title {reference!r} (sections: {known})",
                    "variant_unknown_section",
                )


def apply_variant(resume: Resume, name: str) -> Resume:
    """The résumé as variant ``name`` shows it. A section the variant leaves empty is
    dropped, title and all."""
    variant = resume.variants[name]
    chosen = [s for s in resume.sections if _keep(variant, s.tags)]
    if variant.sections is not None:
        chosen = [
            s for reference in variant.sections for s in chosen if _section_matches(s, reference)
        ]
    sections = []
    for section in chosen:
        entries = [
            _filter_bullets(variant, item)
            for item in _items(section)
            if _keep(variant, _item_tags(item))
        ]
        if entries:
            sections.append(section.model_copy(update={"entries": entries}))
    update: dict[str, Any] = {"sections": sections, "variants": {}}
    if variant.headline is not None:
        update["headline"] = variant.headline
    settings = resume.settings
    if variant.title is not None:
        settings = settings.model_copy(update={"title": variant.title})
    if variant.locale is not None:
        # The variant's language replaces the résumé's, and with it the résumé's own
        # word for "present" (settings.dates.present is a label of the résumé's locale).
        update["locale"] = variant.locale
        dates = settings.dates.model_copy(update={"present": None})
        settings = settings.model_copy(update={"dates": dates})
    if settings is not resume.settings:
        update["settings"] = settings
    return resume.model_copy(update=update)


def _keep(variant: Variant, tags: tuple[str, ...] | list[str]) -> bool:
    if set(tags) & set(variant.exclude_tags):
        return False
    return not (variant.include_tags and tags and not set(tags) & set(variant.include_tags))


def _filter_bullets(variant: Variant, item: Any) -> Any:
    bullets = getattr(item, "highlights", None)
    if not bullets:
        return item
    kept = [bullet for bullet in bullets if _keep(variant, bullet.tags)]
    return item.model_copy(update={"highlights": kept})


def variant_problem(resume: Resume, variant: str, *, named_files: bool = False) -> str | None:
    """Why ``--variant VARIANT`` cannot be followed for ``resume`` (None: it can), with
    the closest declared name. ``named_files``: the command was given the files the
    variant was exported as, which ``all`` cannot name."""
    declared = list(resume.variants)
    if variant == "all":
        if not declared:
            return "--variant all, but the résumé declares no `variants:`"
        if named_files:
            return (
                "--variant all with files named: name the one variant the files were "
                "exported as (--variant NAME), or name no file to read every variant's"
            )
        return None
    if variant in declared:
        return None
    if not declared:
        return f"unknown variant {variant!r}: the résumé declares no `variants:`"
    import difflib

    close = difflib.get_close_matches(variant, declared, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown variant {variant!r}{hint} (declared: {', '.join(declared)})"
