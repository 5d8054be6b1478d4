"""The Jinja2 environment of the HTML report: templates from the package, every value escaped and made inert.

Jinja2 (autoescaping, a well-kept library) rather than hand-built strings, so no text can skip HTML escaping;
``finalize`` also turns control and bidi characters into visible placeholders before escaping.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from scanner.reporters.inert_text import inert

_PACKAGE = "scanner.reporters.html"


def _finalize(value: object) -> object:
    """Every ``{{ value }}``: our own markup stays, any other text is made inert (then autoescaped by Jinja2)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return inert(value)
    return value


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader(_PACKAGE, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str) -> Template:
    return environment().get_template(name)


def render_markup(name: str, **context: object) -> Markup:
    """A template rendered to markup that can be placed inside another template without escaping it twice."""
    return Markup(template(name).render(**context))  # noqa: S704 - autoescaped template output


@cache
def asset(name: str) -> str:
    """A static file of the report (``style.css``, ``sort.js``), inlined into the page."""
    return (resources.files(_PACKAGE) / "templates" / name).read_text(encoding="utf-8")


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string: every character but letters, digits and blanks as a CSS escape.

    Used for the print header in ``@page`` rules; no ``<``, quote or backslash from the text reaches the style sheet.
    """
    escaped = "".join(char if char.isalnum() or char == " " else f"\\{ord(char):06x}" for char in inert(text))
    return Markup(f'"{escaped}"')  # noqa: S704 - every special character is escaped above
