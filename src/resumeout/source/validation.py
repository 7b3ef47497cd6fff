"""Validates loaded data into a :class:`~resumeout.model.Resume`, reporting every problem
with its line and column. Wording is chosen by pydantic's error *type*, never by
matching its English messages."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from resumeout.diagnostics import Diagnostic
from resumeout.errors import SourceError
from resumeout.model import Resume
from resumeout.model.fields import describe, not_text
from resumeout.model.style import DEFAULT_THEME
from resumeout.source.design_layers import default_design, merged
from resumeout.source.loading import FieldPath, LoadedSource, SourceMap, read_source


def load_resume(path: Path, display_name: str | None = None) -> Resume:
    """Read, parse and validate a résumé file; raise SourceError listing every problem."""
    return validate(read_source(path, display_name))


def validate(source: LoadedSource, *, theme: str | None = None) -> Resume:
    """Validate ``source`` with its theme's design under its own (``theme``, from the
    command line, replaces the theme the source names)."""
    theme_problems: list[Diagnostic] = []
    try:
        data = _with_theme(source, theme)
    except SourceError as error:  # the source's theme is unknown or lacks its font
        # The rest is still validated, under the default design, so that every problem
        # is reported at once, not the theme's alone.
        theme_problems = list(error.diagnostics)
        data = _with_default_design(source.data)
    try:
        resume = Resume.model_validate(data)
    except ValidationError as error:
        problems = theme_problems + diagnose(error, source)
        raise SourceError(sorted(problems, key=lambda d: (d.line or 0, d.column or 0))) from None
    if theme_problems:
        raise SourceError(theme_problems)
    from resumeout.source.variants import reference_problems

    problems = [
        source.source_map.diagnostic(path, message, code=code)
        for path, message, code in reference_problems(resume)
    ]
    if problems:
        raise SourceError(problems)
    return resume


def _with_theme(source: LoadedSource, override: str | None) -> dict[str, Any]:
    """The source's data with its theme's design laid under its own design.

    The default theme, classic, is every field of the layout description at its default
    (tests/test_themes.py checks that its file validates to ``Design()``, value for value
    and type for type): the defaults are laid instead, so the theme's file is neither
    read nor validated and the themes are not loaded. Its one other effect, stopping when
    its font is not installed, is kept: without the font's package, the theme is laid
    as any other, which says what to install.
    """
    data = source.data
    own = data.get("design", {})
    if isinstance(own, dict):
        name = override if override is not None else own.get("theme", DEFAULT_THEME)
        if name == DEFAULT_THEME and ("font" in own or _default_font_installed()):
            return {**data, "design": {**merged(default_design(), own), "theme": name}}
    from resumeout.themes.applying import apply_theme

    return apply_theme(source, override)


def _with_default_design(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the default theme's design laid under its own design."""
    own = data.get("design", {})
    if not isinstance(own, dict):
        return data
    return {**data, "design": {**merged(default_design(), own), "theme": DEFAULT_THEME}}


def _default_font_installed() -> bool:
    from resumeout.exporters.fontfiles import FontNotFoundError, bundled_files

    try:
        bundled_files()
    except FontNotFoundError:
        return False
    return True


def diagnose(
    error: ValidationError, source: LoadedSource, root: type[BaseModel] = Resume
) -> list[Diagnostic]:
    diagnostics = [
        _diagnostic(detail, source.source_map, root) for detail in error.errors(include_url=False)
    ]
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def _diagnostic(detail: ErrorDetails, source_map: SourceMap, root: type[BaseModel]) -> Diagnostic:
    path, holder = _resolve(detail["loc"], root)
    if detail["type"] == "extra_forbidden":
        return source_map.diagnostic(
            path, _unknown_field(path[-1], holder), code=detail["type"], key=True
        )
    if detail["type"] == "union_tag_invalid":
        path = (*path, "type")  # point at the word that is wrong, not the section
    return source_map.diagnostic(path, _message(detail, path), code=detail["type"])


def _resolve(
    loc: tuple[int | str, ...], root: type[BaseModel]
) -> tuple[FieldPath, type[BaseModel] | None]:
    """Map pydantic's ``loc`` onto the document's own path, and find the model class that
    holds its last step. pydantic puts a discriminated union's tag into ``loc``
    (``sections.0.education.entries``); the document has no such step, so it is dropped."""
    path: list[str | int] = []
    annotation: Any = root
    holder: type[BaseModel] | None = None
    for step in loc:
        model = _model_in(annotation, step)
        if model is not None and len(_models(annotation)) > 1 and _is_tag(model, step):
            annotation = model
            continue
        path.append(step)
        if isinstance(step, int):
            annotation = _item_type(annotation)
        else:
            holder = model
            field = model.model_fields.get(step) if model else None
            annotation = field.annotation if field else None
    return tuple(path), holder


def _is_tag(model: type[BaseModel], step: int | str) -> bool:
    tag = model.model_fields.get("type")
    return tag is not None and typing.get_args(tag.annotation) == (step,)


def _members(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(m for arg in typing.get_args(annotation) for m in _members(arg))
    return (annotation,)


def _model_in(annotation: Any, step: int | str) -> type[BaseModel] | None:
    """The model class that ``annotation`` stands for here (choosing a union member by tag)."""
    models = _models(annotation)
    for model in models:
        if _is_tag(model, step):
            return model
    return models[0] if len(models) == 1 else None


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]


def _item_type(annotation: Any) -> Any:
    for member in _members(annotation):
        if typing.get_origin(member) is list:
            return typing.get_args(member)[0]
    return annotation


def _unknown_field(name: str | int, model: type[BaseModel] | None) -> str:
    message = f"unknown field {str(name)!r}"
    text = str(name)
    indent = text[: len(text) - len(text.lstrip())]
    if indent:
        # `　　details:` indented with full-width (U+3000) or no-break spaces, which YAML
        # reads as part of the key: the line belongs where its ASCII indentation puts it.
        import unicodedata  # here: only such a key needs it

        space = unicodedata.name(indent[0], "space").lower()
        article = "an" if space[0] in "aeiou" else "a"
        return (
            f"{message}: the line is indented with {article} {space} (U+{ord(indent[0]):04X}), "
            f"which YAML reads as part of the key; indent with ASCII spaces: "
            f"`{text.lstrip()}:`"
        )
    if model is None:
        return message + "; remove it"
    known = list(model.model_fields)
    import difflib  # here: only a misspelt field needs it

    close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
    if close:
        return message + f"; did you mean {close[0]!r}?"
    return message + f"; expected one of: {', '.join(known)}"


def _message(detail: ErrorDetails, path: FieldPath) -> str:
    kind = detail["type"]
    context = detail.get("ctx", {})
    field = path[-1] if path else "résumé"
    value = detail.get("input")
    match kind:
        case "missing":
            return f"required field {field!r} is missing; add `{field}: …`"
        case "model_type" | "model_attributes_type" | "dict_type":
            return f"expected a mapping of fields, got {describe(value)}"
        case "list_type":
            return f"expected a list (lines starting with `- `), got {describe(value)}"
        case "union_tag_invalid":
            import difflib  # here: only a misspelt type needs it

            from resumeout.model.sections import SECTION_TYPES

            tag = str(context.get("tag"))
            close = difflib.get_close_matches(tag, list(SECTION_TYPES), n=1, cutoff=0.6)
            nearest = f"did you mean {close[0]!r}? " if close else ""
            return f"unknown section type {tag!r}; {nearest}use one of: {', '.join(SECTION_TYPES)}"
        case "union_tag_not_found":
            from resumeout.model.sections import SECTION_TYPES

            return f"this section needs `type:`, one of: {', '.join(SECTION_TYPES)}"
        case "literal_error":
            return f"{describe(value)} is not allowed; use one of: {context.get('expected')}"
        case "string_type":
            return not_text(value)
        case "int_type" | "int_parsing" | "float_type" | "float_parsing":
            return f"expected a number, got {describe(value)}"
        case "string_pattern_mismatch":
            return (
                f"{describe(value)} does not fit: use lowercase letters, digits, '-' and "
                "'_', starting with a letter or digit"
            )
        case "greater_than_equal" | "less_than_equal":
            bound = context.get("ge", context.get("le"))
            side = "at least" if kind == "greater_than_equal" else "at most"
            return f"{value!r} is out of range; it must be {side} {bound}"
        case _:
            # Our own validators (PydanticCustomError) write messages meant for people.
            return detail["msg"]
