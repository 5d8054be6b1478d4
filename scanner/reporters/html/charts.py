"""The report's pictures as inline SVG: where the data goes, business/private/unknown, the messengers compared.

Only geometry is worked out here (from figures the scan computed); the SVG itself is written by the templates in
``templates/charts/``, escaped like every other text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from scanner.reporters.html.environment import render_markup

FLOW_WIDTH = 780
_COLUMN = (0, 300, 580)
_BOX_WIDTH = (200, 190, 200)
_FLOW_SPACE = 220
_MIN_NODE = 84
_LINE = 17
_WRAP = 22


@dataclass(frozen=True)
class Node:
    """A box of the flow picture with its lines of text; ``tone`` picks its colour (``phone``, ``operator``, ...)."""

    x: int
    y: float
    width: int
    height: float
    lines: tuple[str, ...]
    tone: str


@dataclass(frozen=True)
class Band:
    """A band from one box to the next, as thick as the number of people it carries."""

    path: str
    tone: str


@dataclass(frozen=True)
class Destination:
    """One country of the profile: its name, its protection in words and tone, and how many people go there."""

    name: str
    protection: str
    tone: str
    persons_text: str


@dataclass(frozen=True)
class FlowFigures:
    contacts: int
    persons: int
    phone_lines: tuple[str, ...]
    operator_lines: tuple[str, ...]
    destinations: tuple[Destination, ...]
    title: str


def flow_chart(figures: FlowFigures) -> Markup:
    """Phone -> operator -> countries; band widths are people, the phone box is every contact read."""
    count = max(len(figures.destinations), 1)
    unit = min(_FLOW_SPACE / max(figures.contacts, 1), (_FLOW_SPACE - 14 * count) / max(figures.persons * count, 1))
    thick = max(figures.persons * unit, 3.0) if figures.persons else 0.0
    phone_height = max(figures.contacts * unit, _fits(figures.phone_lines))
    phone = Node(_COLUMN[0], 10, _BOX_WIDTH[0], phone_height, figures.phone_lines, "phone")
    operator_height = max(thick, _fits(figures.operator_lines), _MIN_NODE)
    operator = Node(_COLUMN[1], 10, _BOX_WIDTH[1], operator_height, figures.operator_lines, "operator")
    nodes, bands = [phone, operator], []
    if thick:
        path = _band(phone.x + phone.width, phone.y, operator.x, _middle(operator, thick), thick)
        bands.append(Band(path, "persons"))
    top = 10.0
    for destination in figures.destinations:
        lines = (destination.name, *_wrap(destination.protection), destination.persons_text)
        height = max(thick, _fits(lines))
        nodes.append(Node(_COLUMN[2], top, _BOX_WIDTH[2], height, lines, destination.tone))
        if thick:
            start = _middle(operator, thick)
            end = top + (height - thick) / 2
            bands.append(Band(_band(operator.x + operator.width, start, _COLUMN[2], end, thick), destination.tone))
        top += height + 14
    height = max(top, phone.y + phone.height + 10, operator.y + operator.height + 10)
    return render_markup(
        "charts/flow.svg.j2", nodes=nodes, bands=bands, width=FLOW_WIDTH, height=round(height), title=figures.title,
        persons_height=thick, phone=phone, line=_LINE,
    )  # fmt: skip


def _fits(lines: tuple[str, ...]) -> float:
    """The height a box needs for its lines of text."""
    return 14.0 + len(lines) * _LINE


def _middle(node: Node, thick: float) -> float:
    return node.y + (node.height - thick) / 2


def _band(x0: float, y0: float, x1: float, y1: float, thick: float) -> str:
    """A closed band: a cubic curve along the top edge, straight down, the curve back along the bottom edge."""
    mid = (x0 + x1) / 2
    y0b, y1b = y0 + thick, y1 + thick
    top = f"M{x0:.1f},{y0:.1f} C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
    bottom = f"L{x1:.1f},{y1b:.1f} C{mid:.1f},{y1b:.1f} {mid:.1f},{y0b:.1f} {x0:.1f},{y0b:.1f}"
    return f"{top} {bottom} Z"


def _wrap(text: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, _WRAP)) or ("",)


def wrapped(text: str, width: int = _WRAP) -> tuple[str, ...]:
    """Lines of at most ``width`` characters, for text inside SVG boxes (SVG does not wrap by itself)."""
    return tuple(textwrap.wrap(text, width)) or ("",)


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    tone: str


def stacked_bar(segments: tuple[Segment, ...], title: str) -> Markup:
    """One bar as wide as the total, split into the segments in proportion (business / private / unknown)."""
    total = sum(segment.count for segment in segments)
    placed, x = [], 0.0
    for segment in segments:
        width = FLOW_WIDTH * segment.count / total if total else 0.0
        placed.append((x, width, segment))
        x += width
    return render_markup("charts/bar.svg.j2", placed=placed, width=FLOW_WIDTH, title=title)


@dataclass(frozen=True)
class ComparisonRow:
    name: str
    uploaded: int
    unprotected: int
    current: bool


def comparison_chart(rows: tuple[ComparisonRow, ...], title: str) -> Markup:
    """Per messenger two bars on one scale: people uploaded, and of them those sent without adequate protection."""
    label_width, row_height, bar_space = 190, 26, FLOW_WIDTH - 190 - 50
    scale = bar_space / max((row.uploaded for row in rows), default=1) if any(row.uploaded for row in rows) else 0.0
    placed = [
        (index * row_height + 6, row, row.uploaded * scale, row.unprotected * scale) for index, row in enumerate(rows)
    ]
    height = len(rows) * row_height + 10
    return render_markup(
        "charts/comparison.svg.j2", placed=placed, width=FLOW_WIDTH, height=height, label_width=label_width,
        title=title,
    )  # fmt: skip
