"""``split``: the scan's classification turned into separate address books, each card with its exact bytes."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from scanner.cli.console import stderr_is_terminal
from scanner.cli.diagnostics import print_diagnostics
from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.options import ScanSettings
from scanner.cli.output_file import atomic_binary, check_output_target
from scanner.cli.progress import reading_progress
from scanner.cli.scan_command import _encoding, _max_input_bytes, _region, _scan_options
from scanner.core.inputs import STDIN, InputFile, discover_inputs
from scanner.core.reading_run import ReadingRun
from scanner.core.remediation.split import FileSplit, Part, SplitPlan, part_bytes, plan_split
from scanner.core.scan import run_scan
from scanner.i18n import Language, translate, translate_plural
from scanner.reporters.inert_text import inert


@dataclasses.dataclass(frozen=True)
class SplitSettings:
    folder: str
    separate_sensitive: bool = False


def run_split_command(arguments: Sequence[str], settings: ScanSettings, split: SplitSettings) -> ExitCode:
    """Scan, then write the parts; refused before anything is written when an existing part would be replaced."""
    if STDIN in arguments:
        raise CliError("split.no_stdin")
    folder = Path(split.folder)
    inputs = {
        item.display_path: item.path
        for item in discover_inputs(arguments)
        if isinstance(item, InputFile) and item.path is not None
    }
    folders = _part_folders(folder, inputs)
    parts = (Part.BUSINESS, Part.PRIVATE, Part.REVIEW, *((Part.SENSITIVE,) if split.separate_sensitive else ()))
    _refuse_existing(folder, folders.values(), parts, arguments, force=settings.force)
    run = ReadingRun(
        arguments=list(arguments),
        region=_region(settings.region),
        max_input_bytes=_max_input_bytes(settings.max_input_size),
    )
    run.encoding = _encoding(settings.encoding)
    options = dataclasses.replace(_scan_options(settings), keep_findings=None)
    with reading_progress(enabled=stderr_is_terminal() and not settings.quiet, language=settings.language) as show:
        run.on_progress = show
        result = run_scan(run, options)
    print_diagnostics(result, settings)
    unreadable = [report.path for report in result.files if report.problem is not None]
    if not result.readable_input or unreadable:
        raise CliError("split.scan_failed", {"paths": ", ".join(inert(path) for path in unreadable) or "-"})
    plan = plan_split(result, separate_sensitive=split.separate_sensitive)
    for file in plan.files:
        _write_file(file, inputs[file.path], folders[file.path], plan, arguments, force=settings.force)
    _print_summary(plan, folder, folders, settings.language)
    return ExitCode.COMPLETED


def _part_folders(folder: Path, inputs: Mapping[str, Path]) -> dict[str, Path]:
    """One input: its parts straight in DIR. Several: one sub-folder per input (cards of different files and
    encodings cannot share a file), named after the file, made unique."""
    if len(inputs) <= 1:
        return dict.fromkeys(inputs, folder)
    taken: set[str] = set()
    folders: dict[str, Path] = {}
    for shown, path in inputs.items():
        stem = re.sub(r"[^\w.-]+", "_", path.stem).strip("._") or "export"
        name, number = stem, 2
        while name.casefold() in taken:
            name, number = f"{stem}-{number}", number + 1
        taken.add(name.casefold())
        folders[shown] = folder / name
    return folders


def _refuse_existing(
    folder: Path, folders: Iterable[Path], parts: Sequence[Part], arguments: Sequence[str], *, force: bool
) -> None:
    if folder.exists() and not folder.is_dir():
        raise CliError("split.not_a_folder", {"path": inert(str(folder))})
    if not folder.exists() and not folder.parent.is_dir():
        raise CliError("split.no_parent", {"path": inert(str(folder))})
    for target_folder in folders:
        for part in parts:
            target = target_folder / part.file_name
            if (target.exists() or target.is_symlink()) and not force:
                raise CliError("split.exists", {"path": inert(str(target))})
            if target_folder.is_dir():  # an input, a FIFO, a symlink: refused before the scan, nothing created yet
                check_output_target(str(target), inputs=arguments, force=force)


def _write_file(
    file: FileSplit, source: Path, folder: Path, plan: SplitPlan, arguments: Sequence[str], *, force: bool
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as stream:
        for part in plan.parts:
            target = check_output_target(str(folder / part.file_name), inputs=arguments, force=force)
            with atomic_binary(target, inputs=arguments, force=force) as out:
                for chunk in part_bytes(file, part, stream):
                    out.write(chunk)


def _print_summary(plan: SplitPlan, folder: Path, folders: dict[str, Path], language: Language) -> None:
    """Counts only (stdout): how many cards went to which part and why, never a name or number."""
    lines = [translate("split.summary.title", language, folder=inert(str(folder)))]
    counts = plan.counts()
    placements = plan.placements()
    for part in plan.parts:
        lines.append(translate_plural("split.summary.part", language, counts[part], file=part.file_name))
        for (placed_in, placement), count in sorted(placements.items()):
            if placed_in is part:
                reason = translate(f"split.placement.{placement.value}", language)
                lines.append(translate("split.summary.because", language, count=count, reason=reason))
    if plan.by_neighbours:
        lines.append(translate_plural("split.summary.by_neighbours", language, plan.by_neighbours))
    if len(folders) > 1:
        lines.append(translate_plural("split.summary.per_file", language, len(folders)))
    sys.stdout.write("\n".join(lines) + "\n")
