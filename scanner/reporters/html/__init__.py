"""The HTML report: one self-contained page (inline CSS, SVG and script, no network) a consultant hands to a client.

``render(result, view)`` is the reporter; the page is the sections of ``sections.SECTIONS`` in order.
"""

from scanner.reporters.html.page import render

__all__ = ["render"]
