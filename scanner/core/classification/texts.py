"""A contact's free-text fields, normalized once for all keyword lists."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.core.classification.matching import normalize
from scanner.core.model import Contact

# Joins fields so that no keyword can span two of them ("IG" ending one, "Metall" starting the next).
_JOIN = " | "


@dataclass(frozen=True)
class ContactTexts:
    """Normalized texts: ``name`` is FN and N, ``other`` is TITLE, ROLE and NOTE, ``job`` TITLE and ROLE alone."""

    name: str
    name_variants: tuple[str, ...]
    given: str
    family: str
    nicknames: str
    org: str
    org_units: tuple[str, ...]
    other: str
    job: str
    note: str
    categories: tuple[str, ...]

    @property
    def everything(self) -> str:
        return _JOIN.join((self.name, self.nicknames, self.org, self.other, *self.categories))

    @property
    def person_fields(self) -> str:
        """Where family and private-life words count: name, nickname, ORG, NOTE."""
        return _JOIN.join((self.name, self.nicknames, self.org, self.other))

    def has_name(self) -> bool:
        """A name that is more than a copy of the organisation: company cards repeat ORG in FN and N, often without
        the legal form ("Kita Sonnenblume" for "Kita Sonnenblume gGmbH")."""
        org_names = {self.org, *self.org_units}
        return any(not self._copies_org(variant, org_names) for variant in self.name_variants)

    @staticmethod
    def _copies_org(variant: str, org_names: set[str]) -> bool:
        if variant in org_names:
            return True
        # A single word ("schulz") inside "elektro schulz" may still be a person's name.
        return " " in variant and any(unit.startswith(variant) for unit in org_names if unit)


def contact_texts(contact: Contact) -> ContactTexts:
    parts = contact.name
    n_text = " ".join(p for p in (parts.prefixes, parts.given, parts.additional, parts.family, parts.suffixes) if p)
    names = dict.fromkeys(normalize(text) for text in (contact.formatted_name, n_text) if text.strip())
    org_units = tuple(normalize(unit) for unit in contact.organization if unit.strip())
    return ContactTexts(
        name=_JOIN.join(names),
        name_variants=tuple(names),
        given=normalize(parts.given),
        family=normalize(parts.family),
        nicknames=_JOIN.join(normalize(nick) for nick in contact.nicknames),
        org=" ".join(org_units),
        org_units=org_units,
        other=_JOIN.join(normalize(text) for text in (contact.title, contact.role, contact.note) if text.strip()),
        job=_JOIN.join(normalize(text) for text in (contact.title, contact.role) if text.strip()),
        note=normalize(contact.note),
        categories=tuple(normalize(category) for category in contact.categories if category.strip()),
    )
