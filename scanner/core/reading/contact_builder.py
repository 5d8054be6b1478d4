"""Building the normalized contact from a card's content lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from scanner.core.model import (
    Address,
    Birthday,
    CodePage,
    Contact,
    Email,
    Kind,
    NameParts,
    Phone,
    ReadWarning,
    RejectReason,
    SourceRef,
    Url,
    WarningCode,
)
from scanner.core.phones import card_phones
from scanner.core.reading.address_country import country_region
from scanner.core.reading.cards import RawCard
from scanner.core.reading.code_pages import CardDecoding, EncodingSource, FileCodePage
from scanner.core.reading.content_lines import ContentLine
from scanner.core.reading.values import structured, text_list, unescape, value_text

# Apple wraps its built-in labels as _$!<Mobile>!$_; custom labels are plain text.
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_BDAY = re.compile(r"^(?:(\d{4})|--)-?(\d{2})?-?(\d{2})?(?:T.*)?$")
_NO_YEAR = {1604, 1900}  # Apple (1604) and some Android exports (1900) mark a birthday without a year
# Non-standard property names from converters and LDAP-style files that still carry contact data.
_ALIASES = {"CN": "FN", "SN": "X-FAMILY", "MAIL": "EMAIL", "PHONE": "TEL", "MOBILE": "TEL", "CELL": "TEL"}
_KINDS = {"individual": Kind.INDIVIDUAL, "org": Kind.ORG, "group": Kind.GROUP, "location": Kind.LOCATION}


@dataclass(slots=True)
class _Draft:
    """The fields collected so far; becomes the frozen Contact at the end."""

    region: str
    labels: dict[str, tuple[str, ...]]
    decoding: CardDecoding
    version: str | None = None
    uid: str | None = None
    formatted_name: str = ""
    name: NameParts = field(default_factory=NameParts)
    organization: tuple[str, ...] = ()
    title: str = ""
    role: str = ""
    kind: Kind = Kind.UNSPECIFIED
    nicknames: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    birthday: Birthday | None = None
    phones: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # as written; read at the end of the card
    emails: list[Email] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    urls: list[Url] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    recognized: int = 0


def build_contact(
    card: RawCard, *, path: str, region: str, code_page: FileCodePage | None = None
) -> Contact | RejectReason:
    """The contact a card describes, or why it describes none; ``code_page`` holds the file's encoding hints."""
    decoding = CardDecoding(code_page if code_page is not None else FileCodePage(), card.properties)
    labels = _group_labels(card.properties, decoding)
    draft = _Draft(region=region, labels=labels, decoding=decoding, warnings=list(card.warnings))
    for content in card.properties:
        _apply(draft, content)
    if card.properties and not draft.recognized:
        return RejectReason.NOT_A_VCARD
    contact = _freeze(draft, SourceRef(path, card.index, card.line, card.start, card.end))
    if not _identifies_someone(contact):
        return RejectReason.EMPTY_CARD
    return contact


def _group_labels(properties: tuple[ContentLine, ...], decoding: CardDecoding) -> dict[str, tuple[str, ...]]:
    """Apple and Google ``itemN.X-ABLabel`` labels, by group."""
    labels: dict[str, tuple[str, ...]] = {}
    for content in properties:
        if content.name == "X-ABLABEL" and content.group:
            text = unescape(value_text(content, decoding).text).strip()
            apple = _APPLE_LABEL.match(text)
            labels[content.group] = ((apple.group(1) if apple else text).lower(),)
    return labels


def _apply(draft: _Draft, content: ContentLine) -> None:
    name = _ALIASES.get(content.name, content.name)
    handler = _HANDLERS.get(name) or _fallback_handler(name)
    if handler is None:
        return
    decoded = value_text(content, draft.decoding)
    if decoded.charset_bad:
        draft.warnings.append(ReadWarning(content.line, WarningCode.BAD_CHARSET))
    if decoded.fallback is not None and draft.decoding.file.first_report(decoded.fallback):
        code = _CODE_PAGE_WARNINGS[decoded.fallback.source]
        draft.warnings.append(ReadWarning(content.line, code, CodePage.of(decoded.fallback.codec)))
    draft.recognized += 1
    handler(draft, content, decoded.text)


_CODE_PAGE_WARNINGS = {
    EncodingSource.CARD_CHARSET: WarningCode.CODE_PAGE_FROM_CARD,
    EncodingSource.FILE_CHARSET: WarningCode.CODE_PAGE_FROM_FILE,
    EncodingSource.GUESSED: WarningCode.CODE_PAGE_GUESSED,
    EncodingSource.DEFAULT: WarningCode.CODE_PAGE_DEFAULT,
}


def _fallback_handler(name: str) -> Callable[[_Draft, ContentLine, str], None] | None:
    """Converter output like ``Cell phone:`` or ``E-Mail 2:`` still names a number or an address."""
    if " " not in name:
        return None
    if "MAIL" in name:
        return _HANDLERS["EMAIL"]
    if any(word in name for word in ("PHONE", "TEL", "MOBILE", "FAX")):
        return _HANDLERS["TEL"]
    if "FIRST NAME" in name or "GIVEN" in name:
        return _on_given
    if "LAST NAME" in name or "FAMILY" in name:
        return _on_family
    return None


def _labels(draft: _Draft, content: ContentLine) -> tuple[str, ...]:
    types = tuple(t.lower() for t in content.param("TYPE"))
    return types + draft.labels.get(content.group, ())


def _on_version(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.version = text.strip() or draft.version


def _on_uid(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.uid = unescape(text).strip() or None


def _on_fn(draft: _Draft, content: ContentLine, text: str) -> None:
    if not draft.formatted_name:
        draft.formatted_name = unescape(text).strip()


def _on_n(draft: _Draft, content: ContentLine, text: str) -> None:
    if draft.name.is_empty():
        draft.name = NameParts(*structured(text, 5))


def _on_given(draft: _Draft, content: ContentLine, text: str) -> None:
    parts = draft.name
    draft.name = NameParts(parts.family, unescape(text).strip(), parts.additional, parts.prefixes, parts.suffixes)


def _on_family(draft: _Draft, content: ContentLine, text: str) -> None:
    parts = draft.name
    draft.name = NameParts(unescape(text).strip(), parts.given, parts.additional, parts.prefixes, parts.suffixes)


def _on_org(draft: _Draft, content: ContentLine, text: str) -> None:
    units = tuple(unit for unit in structured(text, 8) if unit)
    if units and not draft.organization:
        draft.organization = units


def _on_title(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.title = draft.title or unescape(text).strip()


def _on_role(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.role = draft.role or unescape(text).strip()


def _on_kind(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.kind = _KINDS.get(text.strip().lower(), draft.kind)


def _on_show_as(draft: _Draft, content: ContentLine, text: str) -> None:
    if text.strip().upper() == "COMPANY":
        draft.kind = Kind.ORG


def _on_nickname(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.nicknames.extend(text_list(text))


def _on_categories(draft: _Draft, content: ContentLine, text: str) -> None:
    draft.categories.extend(text_list(text))


def _on_note(draft: _Draft, content: ContentLine, text: str) -> None:
    note = unescape(text).strip()
    if note:
        draft.notes.append(note)


def _on_bday(draft: _Draft, content: ContentLine, text: str) -> None:
    birthday = parse_birthday(text)
    if birthday is None and text.strip():
        draft.warnings.append(ReadWarning(content.line, WarningCode.BAD_BIRTHDAY))
    draft.birthday = draft.birthday or birthday


def _on_tel(draft: _Draft, content: ContentLine, text: str) -> None:
    raw = unescape(text).strip()
    if raw:
        draft.phones.append((raw, _labels(draft, content)))


def _on_email(draft: _Draft, content: ContentLine, text: str) -> None:
    address = unescape(text).strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    if address:
        draft.emails.append(Email(address=address, labels=_labels(draft, content)))


def _on_adr(draft: _Draft, content: ContentLine, text: str) -> None:
    fields = structured(text, 7)
    if any(fields):
        po_box, extended, street, locality, region, postal_code, country = fields
        draft.addresses.append(
            Address(po_box, extended, street, locality, region, postal_code, country, _labels(draft, content))
        )


def _on_label(draft: _Draft, content: ContentLine, text: str) -> None:
    """vCard 2.1/3.0 LABEL: a formatted postal address; kept as an address when the card has no ADR."""
    label = unescape(text).strip()
    if label and not draft.addresses:
        draft.addresses.append(Address(street=label, labels=("label", *_labels(draft, content))))


def _on_url(draft: _Draft, content: ContentLine, text: str) -> None:
    value = unescape(text).strip()
    if value:
        draft.urls.append(Url(value=value, labels=_labels(draft, content)))


def _on_android_custom(draft: _Draft, content: ContentLine, text: str) -> None:
    """Android's ``X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Nick;...`` carries the nickname."""
    fields = structured(text, 3)
    if fields[0].lower() == "vnd.android.cursor.item/nickname" and fields[1]:
        draft.nicknames.append(fields[1])


def _on_other(draft: _Draft, content: ContentLine, text: str) -> None:
    """A property that says nothing we model but shows the card is a vCard."""


_HANDLERS: dict[str, Callable[[_Draft, ContentLine, str], None]] = {
    "VERSION": _on_version,
    "UID": _on_uid,
    "FN": _on_fn,
    "N": _on_n,
    "X-FAMILY": _on_family,
    "ORG": _on_org,
    "TITLE": _on_title,
    "ROLE": _on_role,
    "KIND": _on_kind,
    "X-ADDRESSBOOKSERVER-KIND": _on_kind,
    "X-ABSHOWAS": _on_show_as,
    "NICKNAME": _on_nickname,
    "CATEGORIES": _on_categories,
    "NOTE": _on_note,
    "BDAY": _on_bday,
    "TEL": _on_tel,
    "EMAIL": _on_email,
    "ADR": _on_adr,
    "URL": _on_url,
    "LABEL": _on_label,
    "X-ANDROID-CUSTOM": _on_android_custom,
    **dict.fromkeys(("PHOTO", "PRODID", "REV", "IMPP", "GEO", "TZ", "LOGO", "SOUND"), _on_other),
}


def parse_birthday(text: str) -> Birthday | None:
    """``1980-04-15``, ``19800415``, ``--0415``, ``--04-15``, ``1980-04``, ``1980``, with or without a time."""
    match = _BDAY.match(text.strip())
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text) if year_text else None
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and (year in _NO_YEAR or year < 1800):
        year = None
    if year is None and month is None:
        return None
    return Birthday(year=year, month=month, day=day)


def _freeze(draft: _Draft, source: SourceRef) -> Contact:
    return Contact(
        source=source,
        version=draft.version,
        uid=draft.uid,
        formatted_name=draft.formatted_name,
        name=draft.name,
        organization=draft.organization,
        title=draft.title,
        role=draft.role,
        kind=draft.kind,
        nicknames=tuple(draft.nicknames),
        categories=tuple(draft.categories),
        note="\n".join(draft.notes),
        birthday=draft.birthday,
        phones=_phones(draft),
        emails=tuple(draft.emails),
        addresses=tuple(draft.addresses),
        urls=tuple(draft.urls),
        warnings=tuple(draft.warnings),
    )


def _phones(draft: _Draft) -> tuple[Phone, ...]:
    if not draft.phones:
        return ()
    return card_phones(draft.phones, draft.region, _address_region(draft.addresses))


def _address_region(addresses: list[Address]) -> str | None:
    """The country of the card's first address that names one."""
    for address in addresses:
        if address.country:
            region = country_region(address.country)
            if region is not None:
                return region
    return None


def _identifies_someone(contact: Contact) -> bool:
    return bool(
        contact.formatted_name.strip()
        or not contact.name.is_empty()
        or contact.organization
        or contact.phones
        or contact.emails
        or contact.addresses
        or contact.nicknames
        or contact.note
        or contact.birthday
        or contact.urls
        or contact.title
    )
