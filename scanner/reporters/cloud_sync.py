"""The phone's own contact sync (iCloud, Google, Samsung Cloud, Exchange) as its own lines of the summary.

Not a messenger and not an alternative to one: it keeps the whole address book in the owner's account, so the
summary shows it beside the messenger's upload, with where it goes and its level under the same rules.
"""

from __future__ import annotations

from typing import Any

from scanner.core.messengers import MessengerProfile
from scanner.core.scan import AlternativeExposure, ScanResult
from scanner.i18n import Language, translate
from scanner.reporters.wording import country_name, level_label, marker_label


def cloud_sync_rows(result: ScanResult, lang: Language) -> list[tuple[str, str]]:
    """One row per sync profile: people whose whole card goes, where to, at which level; empty without any."""
    rows: list[tuple[str, str]] = []
    for number, sync in enumerate(result.cloud_syncs):
        label = translate("report.label.cloud_sync", lang) if number == 0 else ""
        rows.append((label, _line(sync, lang)))
    return rows


def _line(sync: AlternativeExposure, lang: Language) -> str:
    people = sync.people_figures
    return translate(
        "report.value.cloud_sync",
        lang,
        name=sync.profile.display_name,
        count=people.uploaded,
        destination=destination_text(sync.profile, lang),
        level=level_label(people.level, lang),
    )


def destination_text(profile: MessengerProfile, lang: Language) -> str:
    codes = profile.destinations.value
    names = ", ".join(country_name(code, lang) for code in codes) if codes else country_name(None, lang)
    if "destinations" in profile.unconfirmed():
        return f"{names} ({marker_label('unconfirmed', lang)})"
    return names


def cloud_sync_json(result: ScanResult) -> list[dict[str, Any]]:
    """The same as data (optional key ``summary.cloud_sync``, added within the schema)."""
    return [
        {
            "profile": sync.profile.id,
            "display_name": sync.profile.display_name,
            "people_uploaded": sync.people_figures.uploaded,
            "destinations": list(sync.profile.destinations.value or ()) or None,
            "transfer_basis": sync.profile.transfer_basis.value.value,
            "retention": sync.profile.retention.value.value,
            "risk": sync.people_figures.level.value,
            "unconfirmed_facts": list(sync.profile.unconfirmed()),
        }
        for sync in result.cloud_syncs
    ]
