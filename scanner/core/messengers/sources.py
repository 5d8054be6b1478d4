"""Source tables (``[sources.KEY]`` with title, url, date) and the packaged catalog of DOMAIN.md's sources."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from scanner.core.messengers.profile import Source
from scanner.core.messengers.tables import Expected, ProfileProblem, Table, packaged_table

CATALOG = "_sources.toml"


def read_sources(table: Table, known: Mapping[str, Source] | None = None) -> dict[str, Source]:
    """Each ``[KEY]`` below ``table`` as a Source; a key already in ``known`` is refused rather than shadowed."""
    sources: dict[str, Source] = {}
    for key, entry in table.subtables():
        if known is not None and key in known:
            raise table.error(ProfileProblem.DUPLICATE_SOURCE, key, key)
        entry.only("title", "url", "date")
        sources[key] = Source(key, entry.text("title"), entry.text("url", default=""), entry.text("date", default=""))
    return sources


def cite(table: Table, known: Mapping[str, Source]) -> tuple[Source, ...]:
    """The table's ``sources``: at least one key, each defined in ``known``."""
    keys = table.strings("sources")
    if not keys:
        raise table.invalid("sources", Expected.SOURCES)
    for key in keys:
        if key not in known:
            raise table.error(ProfileProblem.UNKNOWN_SOURCE, "sources", key)
    return tuple(known[key] for key in keys)


@cache
def packaged_sources() -> dict[str, Source]:
    """The sources every profile may cite by key: those of DOMAIN.md, keyed as there ([W1], [M1], ...)."""
    top = packaged_table("messengers", CATALOG)
    top.only("checked", "sources")
    top.date("checked")
    return read_sources(top.table("sources"))
