"""A transient progress line on stderr while reading, only on a terminal (never in pipes, files or CI logs)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.text import Text

from scanner.cli.console import error_console
from scanner.core.reading_run import ReadEvent
from scanner.i18n import Language, translate
from scanner.reporters.inert_text import inert


@contextmanager
def reading_progress(*, enabled: bool, language: Language) -> Iterator[Callable[[ReadEvent], None] | None]:
    """Yields the callback the reading run reports to, or None when there is nothing to show."""
    if not enabled:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=error_console(), transient=True) as bar:
        task = bar.add_task("", total=None)

        def show(event: ReadEvent) -> None:
            line = translate("cli.progress", language, path=inert(event.display_path), count=event.cards_found)
            bar.update(task, description=Text(line).plain)

        yield show
